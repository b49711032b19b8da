"""Aggregated alerts: matches held in a buffer per rule, flushed as one alert when the window ends."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import redis

from monitor.models import Alert
from monitor.models.item import stable_id
from monitor.state.keys import OUTBOX_MAXLEN, Keys

#: Titles listed in an aggregated alert's text; the rest are counted.
MAX_LISTED = 20

_COMMIT = """
-- Append the summary and drop the buffer only if no match joined it since it was read.
if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return 0 end
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[3], '*', 'alert', ARGV[2], 'previous', '')
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], KEYS[1])
return 1
"""


@dataclass(frozen=True)
class HeldAlert:
    """One alert held in an aggregation buffer, with the group it counts under."""

    alert: dict[str, Any]
    group: str


@dataclass(frozen=True)
class DueBuffer:
    key: str
    held: list[HeldAlert]


class AggregationBuffers:
    """Reads the buffers whose window ended and commits their summary alert to the outbox."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        self._commit = client.register_script(_COMMIT)

    def due(self, now: datetime) -> list[DueBuffer]:
        """Buffers whose window has ended at ``now``."""
        index = self.keys.aggregations()
        keys = [_text(k) for k in self.client.zrangebyscore(index, "-inf", int(now.timestamp() * 1000))]
        found: list[DueBuffer] = []
        for key in keys:
            rows = [json.loads(_text(r)) for r in self.client.lrange(key, 0, -1)]
            held = [HeldAlert(json.loads(r["alert"]), str(r.get("group", ""))) for r in rows]
            if not held:
                self.client.zrem(index, key)
                continue
            found.append(DueBuffer(key, held))
        return found

    def commit(self, buffer: DueBuffer, payload: str) -> bool:
        """Send the summary for ``buffer``; False when it grew meanwhile (flush again later)."""
        keys = [buffer.key, self.keys.aggregations(), self.keys.outbox()]
        return bool(self._commit(keys=keys, args=[len(buffer.held), payload, OUTBOX_MAXLEN]))


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def summary_alert(held: list[HeldAlert], now: datetime) -> Alert:
    """One alert standing for the held ones: counts per group and the titles, first item linked."""
    first = held[0].alert
    counts: dict[str, int] = {}
    for entry in held:
        counts[entry.group] = counts.get(entry.group, 0) + 1
    lines = [f"{group}: {n}" for group, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines.append("")
    lines.extend(f"- {entry.alert['title']}" for entry in held[:MAX_LISTED])
    if len(held) > MAX_LISTED:
        lines.append(f"... and {len(held) - MAX_LISTED} more")
    ids = [str(entry.alert["alert_id"]) for entry in held]
    return Alert(
        alert_id=stable_id("aggregate", first["rule"], *ids),
        rule=first["rule"],
        severity=first["severity"],
        title=f"{len(held)} alerts: {first['title']}" if len(held) > 1 else str(first["title"]),
        reason="aggregated",
        dedup_key=f"aggregate:{first['dedup_key']}",
        fired_at=now,
        item=first["item"],
        fact={"count": len(held), "groups": counts, "alerts": ids},
        text="\n".join(lines),
    )
