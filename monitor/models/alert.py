"""Alerts and the decisions that let them fire or hold them back, each with its reason."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["info", "warning", "critical"]
#: What a story notice tells about the story's message ('' for an alert).
Notice = Literal["", "disputed", "retracted", "corrected", "corroborated"]

#: Why a match did or did not become an alert. ``first``: fired; ``seen``: same dedup key
#: already alerted; ``cooldown``: inside the realert window; ``baseline``: first value of a
#: record group (or a higher one of the story that set it), stored but not alerted;
#: ``not_record``: below the stored maximum; ``known_term``: the term was seen before;
#: ``silenced``, ``inhibited``, ``aggregated``: see the rules reference. ``counting``: a
#: frequency or spike rule's window has not reached its count or rate yet; ``unchanged``: a
#: change rule's value is the stored one (or moved the other way than the rule watches).
#: ``held``: fired, but waiting until its story has the rule's ``min_sources`` independent
#: outlets or its ``max_hold`` passes (see monitor.state.holds).
Reason = Literal[
    "first",
    "seen",
    "cooldown",
    "baseline",
    "not_record",
    "known_term",
    "silenced",
    "inhibited",
    "aggregated",
    "counting",
    "unchanged",
    "held",
]


class Decision(BaseModel):
    """The outcome of the stateful stage for one match."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fire: bool
    reason: Reason
    previous: int | None = Field(default=None, description="Previous record, when relevant.")


class Alert(BaseModel):
    """An alert as every sink receives it; the JSON-lines output is this model's dump."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    alert_id: str = Field(description="Idempotency key: stable for the same rule and dedup key.")
    rule: str
    severity: Severity
    title: str
    reason: Reason
    dedup_key: str
    fired_at: datetime
    item: dict[str, Any] = Field(description="id, source, url, title, published")
    fact: dict[str, Any] = Field(description="The fact that fired the alert.")
    previous: int | None = Field(default=None, description="Previous record for record rules.")
    text: str = Field(default="", description="Rendered alert body.")
    channel: str | None = Field(default=None, description="Routing hint for chat sinks.")
    single_source: bool = Field(
        default=False,
        description="Fired when the rule's max_hold ran out before min_sources independent outlets "
        "reported the story: one outlet's word only.",
    )
    figures: str = Field(
        default="",
        description="The story's sources' figures side by side, when they disagree "
        "('air-force: 472 drones launched; defence-ministry: 38 drones launched').",
    )
    notice: Notice = Field(
        default="",
        description="A notice threaded under the story's message, not an alert of its own: a later "
        "item disputes, retracts or corrects the report, or a second independent outlet "
        "corroborates an alert that fired single-source.",
    )
