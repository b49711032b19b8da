"""Feedback from analysts: every Wrong with its alert, item, fact, rule and reason, kept in Redis."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, Literal

import redis
from pydantic import BaseModel, ConfigDict, Field

from monitor.clock import utc_now
from monitor.state.keys import FEEDBACK_TTL, Keys

#: What an analyst can say is wrong with an alert (the Wrong menu, in this order).
WrongReason = Literal[
    "not_this_war", "not_single_attack", "wrong_count", "wrong_attacker", "duplicate", "other"
]
WRONG_REASONS: dict[str, str] = {
    "not_this_war": "not this war",
    "not_single_attack": "not a single attack",
    "wrong_count": "wrong count",
    "wrong_attacker": "wrong attacker",
    "duplicate": "duplicate",
    "other": "other",
}
#: A week of Wrong counts is kept this long (the metric shows the current week).
_WEEK_TTL = 8 * 7 * 86_400


class Feedback(BaseModel):
    """One Wrong: what the analyst saw (alert, item, fact) and what they said about it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    at: datetime
    user: str = Field(description="Slack user ID of the analyst.")
    reason: WrongReason
    note: str = Field(default="", description="Free text from the correction modal.")
    alert_id: str
    rule: str
    fact_kind: str = Field(default="strike", description="strike, troops, weapon, casualty or item.")
    item: dict[str, Any] = Field(description="id, source, url, title, published.")
    fact: dict[str, Any] = Field(description="The fact as extracted, including its evidence.")
    corrected: dict[str, Any] | None = Field(
        default=None, description="The fact as the analyst corrected it; None: nothing should fire."
    )


def iso_week(moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class FeedbackStore:
    """Feedback records, their index in time order, and Wrong counts per rule and ISO week."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys

    def add(self, feedback: Feedback) -> Feedback:
        week = self.keys.wrong_week(iso_week(feedback.at))
        pipe = self.client.pipeline(transaction=True)
        pipe.set(self.keys.feedback(feedback.id), feedback.model_dump_json(), ex=FEEDBACK_TTL)
        pipe.zadd(self.keys.feedbacks(), {feedback.id: int(feedback.at.timestamp() * 1000)})
        pipe.hincrby(week, feedback.rule, 1)
        pipe.expire(week, _WEEK_TTL)
        pipe.execute()
        return feedback

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex[:12]

    def since(self, since: datetime | None = None) -> list[Feedback]:
        """Feedback oldest first (from ``since`` on); entries past their TTL leave the index."""
        low = int(since.timestamp() * 1000) if since else "-inf"
        ids = [_text(i) for i in self.client.zrangebyscore(self.keys.feedbacks(), low, "+inf")]
        return list(self._load(ids))

    def _load(self, ids: Sequence[str]) -> Iterator[Feedback]:
        if not ids:
            return
        raws = self.client.mget([self.keys.feedback(i) for i in ids])
        for feedback_id, raw in zip(ids, raws, strict=True):
            if raw is None:
                self.client.zrem(self.keys.feedbacks(), feedback_id)
                continue
            yield Feedback.model_validate_json(raw)

    def wrong_per_rule(self, now: datetime | None = None) -> dict[str, int]:
        """Wrong per rule in the ISO week of ``now`` (the metric)."""
        raw = self.client.hgetall(self.keys.wrong_week(iso_week(now or utc_now())))
        return {_text(rule): int(count) for rule, count in raw.items()}
