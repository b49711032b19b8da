"""What the pure rules engine returns: a rule that matched a fact, and the state check it needs."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from monitor.models.kinds import FactKindName


class StateCheck(BaseModel):
    """A stateful question the engine cannot answer alone (it does no I/O).

    ``record``: is ``value`` above the stored maximum of ``group``? (``claim`` fires anyway.)
    ``new_term``: is ``term`` seen for the first time in ``group``?
    ``frequency``: with ``member`` added, are there ``count`` members within ``window_s``?
    ``spike``: is the rate in ``window_s`` ``ratio`` times above (or below) the rate in the
    ``reference_s`` before it, with at least ``count`` matches in the window that spikes?
    ``change``: is ``term`` (the tracked value) different from the stored one, in ``direction``?
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["record", "new_term", "frequency", "spike", "change"]
    group: str
    value: int | None = None
    term: str | None = None
    claim: bool = False
    member: str | None = Field(default=None, description="What a window counts (item id or source).")
    window_s: float | None = None
    reference_s: float | None = None
    count: int | None = None
    ratio: float | None = None
    direction: Literal["up", "down", "both", "any"] | None = None


class Match(BaseModel):
    """A rule whose conditions hold for one fact of one item."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    item_id: str
    title: str = Field(description="Rendered alert title.")
    severity: Literal["info", "warning", "critical"]
    realert_s: float = Field(description="Cooldown of the dedup key, in seconds.")
    fact_kind: FactKindName
    fact: dict[str, Any] = Field(description="The fact that matched, as plain JSON data.")
    dedup_key: str = Field(description="Rendered dedup key; one alert per key per realert.")
    check: StateCheck | None = None
    text: str = Field(default="", description="Rendered alert body.")
    story: str = Field(default="", description="Rendered story key (inhibition); empty: dedup key.")
    group: str = Field(default="", description="Rendered group of a stateful rule.")
    aggregate_s: float = Field(default=0.0, description="Aggregation window in seconds (0: none).")
    aggregate_group: str = Field(default="", description="Group counted in an aggregated alert.")
    min_sources: int = Field(default=0, description="Independent outlets the story needs (0: none).")
    max_hold_s: float = Field(default=0.0, description="Longest wait for min_sources, in seconds.")
