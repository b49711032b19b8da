"""Silences: an analyst mutes a rule (optionally only matches with given field values) for a while."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import redis
from pydantic import BaseModel, ConfigDict, Field

from monitor.models import Item, Match
from monitor.state.keys import Keys


class Silence(BaseModel):
    """One silence: a rule id (or '*'), field=value matchers, why, and until when."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    rule: str = Field(description="Rule id, or '*' for every rule.")
    matchers: dict[str, str] = Field(default_factory=dict, description="field=value, all must hold.")
    reason: str
    created_at: datetime
    ends_at: datetime

    def applies(self, match: Match, item: Item, at: datetime) -> bool:
        """The silence covers this match at the item's event time ``at``: a silence holds back
        what happened while it was in force, so a replay of last year is not muted by a silence
        set today, and an item published before the silence was set still fires."""
        if not self.created_at <= at < self.ends_at or self.rule not in {"*", match.rule_id}:
            return False
        values = _fields(match, item)
        return all(_equal(values.get(name), want) for name, want in self.matchers.items())


def _fields(match: Match, item: Item) -> dict[str, Any]:
    """What a matcher can name: fact fields, then item fields, dedup_key, story, group, severity."""
    return {
        **match.fact,
        "source": item.source,
        "tags": list(item.tags),
        "title": item.title,
        "item": item.id,
        "dedup_key": match.dedup_key,
        "story": match.story or match.dedup_key,
        "group": match.group,
        "severity": match.severity,
    }


def _equal(value: Any, want: str) -> bool:
    if isinstance(value, list | tuple):
        return any(_equal(v, want) for v in value)
    return value is not None and str(value).casefold() == want.casefold()


class SilenceStore:
    """Silences in Redis: each its own key expiring when the silence ends, plus an index."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys

    def add(
        self, rule: str, matchers: dict[str, str], duration_s: float, reason: str, now: datetime
    ) -> Silence:
        silence = Silence(
            id=uuid.uuid4().hex[:10],
            rule=rule,
            matchers=matchers,
            reason=reason,
            created_at=now,
            ends_at=now + timedelta(seconds=duration_s),
        )
        pipe = self.client.pipeline(transaction=True)
        pipe.set(self.keys.silence(silence.id), silence.model_dump_json(), px=max(1, int(duration_s * 1000)))
        pipe.zadd(self.keys.silences(), {silence.id: silence.ends_at.timestamp()})
        pipe.execute()
        return silence

    def active(self, now: datetime | None = None) -> list[Silence]:
        """Silences in force, oldest first; ended ones are pruned from the index."""
        now = now or datetime.now(UTC)
        index = self.keys.silences()
        ids = [_text(i) for i in self.client.zrange(index, 0, -1)]
        found: list[Silence] = []
        if not ids:
            return found
        for silence_id, raw in zip(ids, self.client.mget([self.keys.silence(i) for i in ids]), strict=True):
            silence = Silence.model_validate_json(raw) if raw is not None else None
            if silence is None or silence.ends_at <= now:
                self.client.zrem(index, silence_id)
                continue
            found.append(silence)
        return sorted(found, key=lambda s: s.created_at)

    def expire(self, silence_id: str) -> bool:
        """End a silence now; False when there is no such silence."""
        pipe = self.client.pipeline(transaction=True)
        pipe.delete(self.keys.silence(silence_id))
        pipe.zrem(self.keys.silences(), silence_id)
        deleted, _ = pipe.execute()
        return bool(deleted)


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def silenced_by(silences: list[Silence], match: Match, item: Item, at: datetime) -> Silence | None:
    """The first silence covering ``match`` at event time ``at``, if any."""
    return next((s for s in silences if s.applies(match, item, at)), None)
