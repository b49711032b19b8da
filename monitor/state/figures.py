"""The figures the digest reads: drones launched per night and attacker, and a log of facts.

A *night* is named by the morning that ends it: reports published from 12:00 UTC on day D-1 to
12:00 UTC on day D count for the night of D (Ukraine's air force reports a night at 08:00-09:00
Kyiv time). Several outlets reporting one night keep the largest figure.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import redis

from monitor.models import Facts, Item
from monitor.state.keys import FACTS_LOG_TTL, FIGURES_TTL, MEMORY_TTL, Keys

#: Keep the larger value of a hash field (a night's figure, the record), atomically.
_MAX = """
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current or tonumber(current) < tonumber(ARGV[2]) then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
"""
#: Evidence kept per logged fact: enough to quote, bounded however long the article.
_EVIDENCE_CHARS = 400


def night_of(moment: datetime) -> date:
    """The night a report belongs to (see the module docstring)."""
    return (moment.astimezone(UTC) + timedelta(hours=12)).date()


@dataclass(frozen=True)
class LoggedFact:
    """One fact as the digest lists it: kind, the fact, the item it came from, when."""

    kind: str
    fact: dict[str, Any]
    item: dict[str, Any]
    at: datetime


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


#: The digest is about this war: facts the extractor tied to another one are not kept.
THIS_WAR = "russia-ukraine"


def _entries(item: Item, facts: Facts) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for strike in facts.strikes:
        if strike.theatre == THIS_WAR and strike.attacker is not None and strike.size is not None:
            found.append(("strike", strike.model_dump(mode="json")))
    found.extend(("troops", t.model_dump(mode="json")) for t in facts.troops if t.theatre == THIS_WAR)
    found.extend(
        ("weapon", w.model_dump(mode="json")) for w in facts.weapons if w.used and w.theatre == THIS_WAR
    )
    for _, fact in found:
        fact["evidence"] = str(fact.get("evidence", ""))[:_EVIDENCE_CHARS]
    return found


class FigureStore:
    """Writes each batch's figures in one round trip; reads nights, records and the fact log."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        self._max = client.register_script(_MAX)

    def add(self, batch: Sequence[tuple[Item, Facts]], now: datetime) -> None:
        """Record the drones launched per night and attacker, and log the batch's facts."""
        pipe = self.client.pipeline(transaction=False)
        newest: datetime | None = None
        for item, facts in batch:
            at = min(item.published, now) if item.published else now
            for kind, fact in _entries(item, facts):
                newest = at if newest is None else max(newest, at)
                entry = {"kind": kind, "fact": fact, "item": item.ref(), "at": at.isoformat()}
                score = int(at.timestamp() * 1000)
                pipe.zadd(self.keys.facts_log(), {json.dumps(entry, sort_keys=True): score})
                if kind == "strike" and fact.get("weapon") == "drone" and fact.get("launched"):
                    self._night(pipe, night_of(at), str(fact["attacker"]), int(fact["launched"]))
        if newest is None:
            return
        # trimmed against the batch's own time, so a replay of an old corpus keeps its week
        oldest = int((newest - timedelta(seconds=FACTS_LOG_TTL)).timestamp() * 1000)
        pipe.zremrangebyscore(self.keys.facts_log(), "-inf", oldest)
        pipe.expire(self.keys.facts_log(), FACTS_LOG_TTL)
        pipe.execute()

    def _night(self, pipe: Any, night: date, attacker: str, launched: int) -> None:
        self._max(
            keys=[self.keys.night(night.isoformat())], args=[attacker, launched, FIGURES_TTL], client=pipe
        )
        self._max(keys=[self.keys.night_record()], args=[attacker, launched, MEMORY_TTL], client=pipe)

    def nights(self, last: date, days: int) -> dict[date, dict[str, int]]:
        """Figures of the ``days`` nights ending with ``last``, oldest first (absent: empty)."""
        wanted = [last - timedelta(days=n) for n in range(days - 1, -1, -1)]
        pipe = self.client.pipeline(transaction=False)
        for night in wanted:
            pipe.hgetall(self.keys.night(night.isoformat()))
        rows = pipe.execute()
        return {
            night: {_text(k): int(_text(v)) for k, v in row.items()}
            for night, row in zip(wanted, rows, strict=True)
        }

    def records(self) -> dict[str, int]:
        """The largest nightly figure per attacker the digest has seen."""
        raw = self.client.hgetall(self.keys.night_record())
        return {_text(k): int(_text(v)) for k, v in raw.items()}

    def logged(self, since: datetime, until: datetime) -> list[LoggedFact]:
        """Facts extracted from items of the period, oldest first."""
        low, high = int(since.timestamp() * 1000), int(until.timestamp() * 1000)
        found = []
        for raw in self.client.zrangebyscore(self.keys.facts_log(), low, high):
            data = json.loads(_text(raw))
            found.append(
                LoggedFact(data["kind"], data["fact"], data["item"], datetime.fromisoformat(data["at"]))
            )
        return found
