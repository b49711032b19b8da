"""The outbox stream and its consumer group: read, acknowledge, claim, dead-letter."""

from __future__ import annotations

import json
from dataclasses import dataclass
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


def _s(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _alert_from(fields: dict[Any, Any]) -> Alert:
    data = {_s(k): _s(v) for k, v in fields.items()}
    payload = json.loads(data["alert"])
    previous = data.get("previous") or None
    if previous is not None:
        payload["previous"] = int(previous)
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
        reply = self.client.xreadgroup(
            GROUP, self.consumer, {self.keys.outbox(): ">"}, count=count, block=block_ms
        )
        return [OutboxEntry(_s(eid), _alert_from(f)) for _, rows in reply or [] for eid, f in rows]

    def read_own_pending(self, count: int = 100) -> list[OutboxEntry]:
        """Entries this consumer holds but has not acknowledged (to retry)."""
        reply = self.client.xreadgroup(GROUP, self.consumer, {self.keys.outbox(): "0"}, count=count)
        entries = [(_s(e), f) for _, rows in reply or [] for e, f in rows if f]
        counts = self._delivery_counts([e for e, _ in entries])
        return [OutboxEntry(e, _alert_from(f), counts.get(e, 1)) for e, f in entries]

    def claim_stale(self, min_idle_ms: int, count: int = 100) -> list[OutboxEntry]:
        """Take over entries another consumer left unacknowledged for ``min_idle_ms`` (XAUTOCLAIM)."""
        reply = self.client.xautoclaim(
            self.keys.outbox(), GROUP, self.consumer, min_idle_ms, "0-0", count=count
        )
        rows = [(_s(e), f) for e, f in reply[1] if f]
        counts = self._delivery_counts([e for e, _ in rows])
        return [OutboxEntry(e, _alert_from(f), counts.get(e, 1)) for e, f in rows]

    def _delivery_counts(self, entry_ids: list[str]) -> dict[str, int]:
        if not entry_ids:
            return {}
        rows = self.client.xpending_range(
            self.keys.outbox(),
            GROUP,
            min=min(entry_ids),
            max=max(entry_ids),
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

    def depth(self) -> int:
        """Entries not yet acknowledged (new plus pending)."""
        return int(self.client.xlen(self.keys.outbox()))

    def dead_letter_count(self) -> int:
        return int(self.client.xlen(self.keys.dead_letters()))
