"""The state store: the one interface through which the pipeline reads and writes Redis."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import Protocol

import redis

from monitor.models import Decision, Match
from monitor.state.keys import MEMORY_TTL, OUTBOX_MAXLEN, SEEN_TTL, Keys


class StateStore(Protocol):
    """What the pipeline needs from state; RedisStateStore is the implementation."""

    def unseen(self, item_ids: Iterable[str]) -> set[str]: ...

    def mark_seen(self, item_ids: Iterable[str]) -> None: ...

    def decide(self, match: Match, alert_id: str, payload: str, realert_s: float) -> Decision: ...

    def reset(self) -> int: ...


class RedisStateStore:
    """State in Redis; every deciding update runs as one Lua script (atomic)."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        source = resources.files("monitor.state").joinpath("decide.lua").read_text("utf-8")
        self._decide = client.register_script(source)

    def unseen(self, item_ids: Iterable[str]) -> set[str]:
        """Ids not processed before, in one pipelined round trip."""
        ids = list(dict.fromkeys(item_ids))
        if not ids:
            return set()
        pipe = self.client.pipeline(transaction=False)
        for item_id in ids:
            pipe.exists(self.keys.seen(item_id))
        flags = pipe.execute()
        return {item_id for item_id, flag in zip(ids, flags, strict=True) if not flag}

    def mark_seen(self, item_ids: Iterable[str]) -> None:
        pipe = self.client.pipeline(transaction=False)
        for item_id in item_ids:
            pipe.set(self.keys.seen(item_id), 1, ex=SEEN_TTL)
        pipe.execute()

    def decide(self, match: Match, alert_id: str, payload: str, realert_s: float) -> Decision:
        """Run the state check, dedup claim and outbox append for one match, atomically."""
        check = match.check
        state_key = self.keys.dedup(match.rule_id, "-")  # unused placeholder in the slot
        kind, value, claim, term = "", 0, "0", ""
        if check is not None:
            kind, claim = check.kind, "1" if check.claim else "0"
            if check.kind == "record":
                state_key = self.keys.record(match.rule_id, check.group)
                value = check.value or 0
            else:
                state_key = self.keys.terms(match.rule_id, check.group)
                term = check.term or ""
        realert_ms = max(1, int(realert_s * 1000))
        reason, previous = self._decide(
            keys=[state_key, self.keys.dedup(match.rule_id, match.dedup_key), self.keys.outbox()],
            args=[
                kind,
                value,
                claim,
                term,
                realert_ms,
                alert_id,
                payload,
                MEMORY_TTL,
                match.item_id,
                _now_iso(),
                OUTBOX_MAXLEN,
            ],
        )
        prev = _text(previous)
        return Decision.model_validate(
            {
                "fire": _text(reason) == "first",
                "reason": _text(reason),
                "previous": int(prev) if prev else None,
            }
        )

    def record(self, rule_id: str, group: str) -> int | None:
        """The stored maximum for a record group (for explain and tests)."""
        value = self.client.hget(self.keys.record(rule_id, group), "max")
        return int(value) if value is not None else None

    def reset(self) -> int:
        """Delete every key of this namespace; returns how many were deleted."""
        deleted = 0
        batch: list[str] = []
        for key in self.client.scan_iter(match=self.keys.pattern(), count=1000):
            batch.append(key if isinstance(key, str) else key.decode())
            if len(batch) >= 500:
                deleted += int(self.client.delete(*batch))
                batch.clear()
        if batch:
            deleted += int(self.client.delete(*batch))
        return deleted


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _now_iso() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat()
