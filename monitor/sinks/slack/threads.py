"""Story threads: the Slack message each story opened, kept in Redis across restarts.

A *story* is one real-world event as the rules see it. Its identity is, in order:

1. the alert's ``story`` (when the model carries one), else ``story_id`` in its fact or item;
2. otherwise ``rule`` + ``dedup_key``: the key under which the rule deduplicates alerts, e.g.
   ``record-drone-attack`` + ``Russia:800``. Alerts of one rule with the same dedup key (a
   re-alert after the cooldown, a corroborating source) belong to the same story.

The first alert of a story posts a message and stores its channel and ts; later alerts of the
story are posted as replies in that thread and the parent is updated with the source count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import redis

from monitor.models import Alert
from monitor.state.keys import Keys


def story_key(alert: Alert) -> str:
    """The story an alert belongs to (see the module docstring)."""
    explicit = getattr(alert, "story", "") or alert.fact.get("story_id") or alert.item.get("story_id")
    if explicit:
        return f"id:{explicit}"
    return f"{alert.rule}:{alert.dedup_key}"


@dataclass(frozen=True)
class Story:
    """Where a story's thread lives and how many distinct sources reported it."""

    channel: str
    ts: str
    sources: frozenset[str]
    #: The alert the parent message shows (JSON; '' for a story recorded before it was kept).
    alert: str = ""


def _s(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class ThreadStore:
    """Story -> (channel, ts) and its set of sources, with a TTL refreshed on each alert."""

    def __init__(self, client: redis.Redis, keys: Keys, ttl_s: int) -> None:
        self.client = client
        self.keys = keys
        self.ttl_s = ttl_s

    def get(self, story: str) -> Story | None:
        pipe = self.client.pipeline(transaction=False)
        pipe.hgetall(self.keys.slack_story(story))
        pipe.smembers(self.keys.slack_story_sources(story))
        head, members = pipe.execute()
        if not head:
            return None
        data = {_s(k): _s(v) for k, v in head.items()}
        return Story(data["channel"], data["ts"], frozenset(_s(m) for m in members), data.get("alert", ""))

    def start(self, story: str, channel: str, ts: str, source: str, alert: str = "") -> None:
        """Record a story's first message and the alert it shows; a story already recorded keeps
        its first message."""
        key = self.keys.slack_story(story)
        pipe = self.client.pipeline(transaction=True)
        pipe.hsetnx(key, "channel", channel)
        pipe.hsetnx(key, "ts", ts)
        pipe.hsetnx(key, "alert", alert)
        pipe.expire(key, self.ttl_s)
        pipe.execute()
        self.add_source(story, source)

    def show(self, story: str, alert: str) -> None:
        """The parent message now shows this alert (a revised figure of its rule)."""
        self.client.hset(self.keys.slack_story(story), "alert", alert)

    def add_source(self, story: str, source: str) -> None:
        key = self.keys.slack_story_sources(story)
        pipe = self.client.pipeline(transaction=True)
        pipe.sadd(key, source)
        pipe.expire(key, self.ttl_s)
        pipe.expire(self.keys.slack_story(story), self.ttl_s)
        pipe.execute()

    def note(self, story: str, alert_id: str, line: str) -> None:
        """A notice's mark on the story's message (once per notice: a redelivery rewrites it)."""
        key = self.keys.slack_story_notes(story)
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(key, alert_id, line)
        pipe.expire(key, self.ttl_s)
        pipe.execute()

    def notes(self, story: str) -> list[str]:
        """The notices' marks of a story, in a stable order."""
        return sorted(_s(v) for v in self.client.hvals(self.keys.slack_story_notes(story)))

    def replied(self, story: str, item_id: str, add: bool = False) -> bool:
        """Whether the item has a reply in the story's thread (``add``: it has one now)."""
        key = self.keys.slack_story_replies(story)
        if add:
            pipe = self.client.pipeline(transaction=True)
            pipe.sadd(key, item_id)
            pipe.expire(key, self.ttl_s)
            pipe.execute()
            return True
        return bool(self.client.sismember(key, item_id))

    def lock(self, story: str, ttl_ms: int) -> bool:
        """Only one worker at a time posts for a story, so a story never gets two parents."""
        return bool(self.client.set(self.keys.slack_story_lock(story), "1", nx=True, px=ttl_ms))

    def unlock(self, story: str) -> None:
        self.client.delete(self.keys.slack_story_lock(story))
