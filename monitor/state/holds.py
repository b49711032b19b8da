"""Alerts held for corroboration (rules with min_sources): released by the service's tick.

decide.lua holds an alert whose story has fewer independent outlets than its rule asks, and
releases held alerts itself as later matches are decided (in event-time order). This module is
the other way out: the periodic tick fires the holds whose max_hold ended by the clock (the
service may see no further item for hours), and the pipeline releases the holds of stories an
item corroborated even when that item matched no rule. Both share decide.lua's Lua (holds.lua).
"""

from __future__ import annotations

from datetime import datetime
from importlib import resources
from typing import Any

import redis

from monitor.state.keys import OUTBOX_MAXLEN, Keys

_RELEASE = """
local H = {KEYS[1], KEYS[2], KEYS[3], KEYS[4]}
if ARGV[1] == 'due' then return hold_release_due(H, tonumber(ARGV[2]), ARGV[4]) end
return hold_release_story(H, ARGV[2], tonumber(ARGV[3]), ARGV[4])
"""


def holds_lua() -> str:
    """The Lua functions that hold and release alerts (prefixed to the scripts that use them)."""
    return resources.files("monitor.state").joinpath("holds.lua").read_text("utf-8")


class HeldAlerts:
    """Releases held alerts to the outbox: on their due time, or on a corroborated story."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        self._release: Any = client.register_script(holds_lua() + _RELEASE)

    def _keys(self) -> list[str]:
        return [self.keys.holds(), self.keys.hold_due(), self.keys.hold_stories(), self.keys.outbox()]

    def release_due(self, now: datetime) -> int:
        """Fire, marked single-source, every held alert whose max_hold ended by ``now``; how many."""
        at = int(now.timestamp() * 1000)
        return int(self._release(keys=self._keys(), args=["due", at, "", OUTBOX_MAXLEN]))

    def release_story(self, story_id: str, independent: int) -> int:
        """Fire the held alerts of a story that now has ``independent`` outlets, if enough."""
        return int(self._release(keys=self._keys(), args=["story", story_id, independent, OUTBOX_MAXLEN]))

    def held(self) -> int:
        """How many alerts are held now."""
        return int(self.client.hlen(self.keys.holds()))
