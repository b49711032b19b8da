"""The outbox stream and its consumer group: read, acknowledge, claim, dead-letter."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import redis

from monitor.models import Alert
from monitor.state.keys import OUTBOX_MAXLEN, RECEIPT_TTL, Keys

GROUP = "delivery"


@dataclass(frozen=True)
class OutboxEntry:
    """One alert waiting for delivery, with how many times it was handed out."""

    entry_id: str
    alert: Alert
    deliveries: int = 1


@dataclass(frozen=True)
class DeadLetter:
    """A delivery that failed permanently: the alert, the sink and the reason."""

    entry_id: str
    alert: Alert
    sink: str
    reason: str

    @property
    def at(self) -> datetime:
        """When it was dead-lettered (from the stream entry id)."""
        return entry_time(self.entry_id)


@dataclass(frozen=True)
class PendingSummary:
    """Entries handed out but not acknowledged, per consumer, and the longest idle time."""

    count: int
    consumers: dict[str, int]
    max_idle_ms: int


def entry_time(entry_id: str) -> datetime:
    """The time a stream entry was added (the milliseconds part of its id)."""
    return datetime.fromtimestamp(int(entry_id.split("-", maxsplit=1)[0]) / 1000, UTC)


def _order(entry_id: str) -> tuple[int, int]:
    ms, _, seq = entry_id.partition("-")
    return int(ms), int(seq or 0)


def _s(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _alert_from(fields: dict[Any, Any]) -> Alert:
    data = {_s(k): _s(v) for k, v in fields.items()}
    payload = json.loads(data["alert"])
    previous = data.get("previous") or None
    if previous is not None:
        payload["previous"] = int(previous)
    if data.get("reason"):  # a follow-up of an earlier alert of the same story
        payload["reason"] = data["reason"]
    return Alert.model_validate(payload)


class RedisOutbox:
    """Alerts are appended by the decision script; delivery workers consume them here."""

    def __init__(self, client: redis.Redis, keys: Keys, consumer: str = "worker-1") -> None:
        self.client = client
        self.keys = keys
        self.consumer = consumer
        self._ensure_group()

    def _ensure_group(self) -> None:
        try:
            self.client.xgroup_create(self.keys.outbox(), GROUP, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def read_new(self, count: int = 100, block_ms: int | None = None) -> list[OutboxEntry]:
        """Entries never handed out before, now assigned to this consumer."""
        reply: Any = self.client.xreadgroup(
            GROUP, self.consumer, {self.keys.outbox(): ">"}, count=count, block=block_ms
        )
        return [OutboxEntry(_s(eid), _alert_from(f)) for _, rows in reply or [] for eid, f in rows]

    def read_own_pending(self, count: int = 100) -> list[OutboxEntry]:
        """Entries this consumer holds but has not acknowledged (to retry)."""
        reply: Any = self.client.xreadgroup(GROUP, self.consumer, {self.keys.outbox(): "0"}, count=count)
        entries = [(_s(e), f) for _, rows in reply or [] for e, f in rows if f]
        counts = self._delivery_counts([e for e, _ in entries])
        return [OutboxEntry(e, _alert_from(f), counts.get(e, 1)) for e, f in entries]

    def claim_stale(self, min_idle_ms: int, count: int = 100) -> list[OutboxEntry]:
        """Take over entries another consumer left unacknowledged for ``min_idle_ms`` (XAUTOCLAIM)."""
        rows: list[tuple[str, Any]] = []
        cursor = "0-0"
        while len(rows) < count:
            reply: Any = self.client.xautoclaim(
                self.keys.outbox(), GROUP, self.consumer, min_idle_ms, cursor, count=count - len(rows)
            )
            rows.extend((_s(e), f) for e, f in reply[1] if f)
            cursor = _s(reply[0])
            if cursor == "0-0":
                break
        counts = self._delivery_counts([e for e, _ in rows])
        return [OutboxEntry(e, _alert_from(f), counts.get(e, 1)) for e, f in rows]

    def _delivery_counts(self, entry_ids: list[str]) -> dict[str, int]:
        if not entry_ids:
            return {}
        rows = self.client.xpending_range(
            self.keys.outbox(),
            GROUP,
            min=min(entry_ids, key=_order),
            max=max(entry_ids, key=_order),
            count=len(entry_ids) * 2,
        )
        return {_s(r["message_id"]): int(r["times_delivered"]) for r in rows}

    def ack(self, entry_id: str) -> None:
        pipe = self.client.pipeline(transaction=True)
        pipe.xack(self.keys.outbox(), GROUP, entry_id)
        pipe.xdel(self.keys.outbox(), entry_id)
        pipe.execute()

    def receipt(self, sink: str, alert_id: str) -> str | None:
        value = self.client.get(self.keys.receipt(sink, alert_id))
        return None if value is None else _s(value)

    def confirm(self, sink: str, alert_id: str, receipt: str) -> None:
        """Record that ``sink`` delivered ``alert_id``, so a redelivery never posts twice."""
        self.client.set(self.keys.receipt(sink, alert_id), receipt, ex=RECEIPT_TTL)

    def dead_letter(self, alert: Alert, sink: str, reason: str) -> None:
        self.client.xadd(
            self.keys.dead_letters(),
            {"alert": alert.model_dump_json(), "sink": sink, "reason": reason},
            maxlen=OUTBOX_MAXLEN,
            approximate=True,
        )

    def dead_letters(self, count: int = 100) -> list[DeadLetter]:
        """The oldest ``count`` dead letters, oldest first."""
        rows: Any = self.client.xrange(self.keys.dead_letters(), count=count)
        letters = []
        for entry_id, fields in rows:
            data = {_s(k): _s(v) for k, v in fields.items()}
            alert = Alert.model_validate_json(data["alert"])
            letters.append(DeadLetter(_s(entry_id), alert, data.get("sink", ""), data.get("reason", "")))
        return letters

    def requeue(self, entry_ids: Sequence[str] | None = None) -> int:
        """Put dead letters (all, or those ids) back in the outbox; returns how many.

        Only the failed sink is tried again: its dead-letter receipt is dropped, the receipts
        of sinks that did deliver stay, so they are skipped.
        """
        wanted = set(entry_ids) if entry_ids is not None else None
        moved = 0
        for letter in self.dead_letters(count=OUTBOX_MAXLEN):
            if wanted is not None and letter.entry_id not in wanted:
                continue
            previous = "" if letter.alert.previous is None else str(letter.alert.previous)
            pipe = self.client.pipeline(transaction=True)
            pipe.delete(self.keys.receipt(letter.sink, letter.alert.alert_id))
            pipe.xadd(
                self.keys.outbox(),
                {"alert": letter.alert.model_dump_json(), "previous": previous},
                maxlen=OUTBOX_MAXLEN,
                approximate=True,
            )
            pipe.xdel(self.keys.dead_letters(), letter.entry_id)
            pipe.execute()
            moved += 1
        return moved

    def pending(self) -> PendingSummary:
        """XPENDING of the consumer group: how many, held by whom, idle how long at most."""
        summary = self.client.xpending(self.keys.outbox(), GROUP)
        count = int(summary.get("pending") or 0)
        consumers = {_s(c["name"]): int(c["pending"]) for c in summary.get("consumers") or []}
        max_idle = 0
        if count:
            rows = self.client.xpending_range(self.keys.outbox(), GROUP, min="-", max="+", count=1000)
            max_idle = max((int(r["time_since_delivered"]) for r in rows), default=0)
        return PendingSummary(count, consumers, max_idle)

    def depth(self) -> int:
        """Entries not yet acknowledged (new plus pending)."""
        return int(self.client.xlen(self.keys.outbox()))

    def dead_letter_count(self) -> int:
        return int(self.client.xlen(self.keys.dead_letters()))
