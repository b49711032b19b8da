"""Alerts held for corroboration (rules with min_sources): released by the service's tick.

decide.lua holds an alert whose story has fewer independent outlets than its rule asks, and
releases held alerts itself as later matches are decided (in event-time order). This module is
the other way out: the periodic tick fires the holds whose max_hold ended by the clock (the
service may see no further item for hours), and the pipeline releases the holds of stories an
item corroborated even when that item matched no rule. Both share decide.lua's Lua (holds.lua).
An alert fired single-source is kept a day of event time: when a second outlet joins its story,
the pipeline queues one notice that it is corroborated (``singles``, ``corroborate``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any

import redis

from monitor.state.keys import OUTBOX_MAXLEN, Keys

_RELEASE = """
local H = {KEYS[1], KEYS[2], KEYS[3], KEYS[4]}
if ARGV[1] == 'due' then return hold_release_due(H, tonumber(ARGV[2]), ARGV[4]) end
if ARGV[1] == 'corroborate' then return hold_corroborate(H, ARGV[2], ARGV[3], ARGV[4]) end
return hold_release_story(H, ARGV[2], tonumber(ARGV[3]), ARGV[4])
"""
#: The field prefix of alerts fired single-source (holds.lua's SINGLE).
SINGLE = "single\t"


@dataclass(frozen=True)
class SingleSource:
    """An alert fired single-source, waiting a day for a second outlet in its story."""

    alert_id: str
    need: int
    #: The alert as it was sent, marked single-source (JSON).
    payload: str


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


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

    def singles(self, story_id: str) -> list[SingleSource]:
        """The alerts of a story fired single-source within the last day (of event time)."""
        fields = [
            _text(field)
            for field, value in self.client.hgetall(self.keys.hold_stories()).items()
            if _text(field).startswith(SINGLE) and _text(value).partition("\t")[2] == story_id
        ]
        if not fields:
            return []
        needs = self.client.hmget(self.keys.hold_stories(), fields)
        entries = self.client.hmget(self.keys.holds(), fields)
        return [
            SingleSource(
                field.removeprefix(SINGLE), int(_text(need).partition("\t")[0]), json.loads(raw)["single"]
            )
            for field, need, raw in zip(fields, needs, entries, strict=True)
            if need is not None and raw is not None
        ]

    def corroborate(self, alert_id: str, payload: str) -> bool:
        """Queue ``payload`` (the notice that a single-source alert is corroborated) unless it was
        queued before: atomically with forgetting the single-source alert, so only once."""
        args = ["corroborate", SINGLE + alert_id, payload, OUTBOX_MAXLEN]
        return bool(self._release(keys=self._keys(), args=args))

    def held(self) -> int:
        """How many alerts are held now (not counting those fired single-source)."""
        return sum(1 for field in self.client.hkeys(self.keys.holds()) if not _text(field).startswith(SINGLE))
