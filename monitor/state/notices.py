"""Story notices: a denial, retraction or correction queued once per item to its story's thread."""

from __future__ import annotations

from importlib import resources
from typing import Any

import redis

from monitor.state.keys import OUTBOX_MAXLEN, STORY_TTL, Keys


class StoryNotices:
    """Appends a notice to the outbox atomically with its once-per-item mark (notices.lua)."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        text = resources.files("monitor.state").joinpath("notices.lua").read_text("utf-8")
        self._queue: Any = client.register_script(text)

    def queue(self, story_id: str, item_id: str, payload: str) -> str:
        """Queue ``payload`` (an alert's JSON) for the story's thread: 'queued', 'seen' (queued
        for this item before) or 'no_alert' (the story has no alert sent: nothing to reply to)."""
        keys = [
            self.keys.story_notices(story_id),
            self.keys.story(story_id),
            self.keys.holds(),
            self.keys.outbox(),
        ]
        reply = self._queue(keys=keys, args=[item_id, payload, STORY_TTL, OUTBOX_MAXLEN])
        return reply.decode() if isinstance(reply, bytes) else str(reply)
