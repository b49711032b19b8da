"""What the pure rules engine returns: a rule that matched a fact, and the state check it needs."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

FactKind = Literal["strike", "troops", "weapon", "casualty", "item"]


class StateCheck(BaseModel):
    """A stateful question the engine cannot answer alone (it does no I/O).

    ``record``: is ``value`` above the stored maximum of ``group``? (``claim`` fires anyway.)
    ``new_term``: is ``term`` seen for the first time in ``group``?
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["record", "new_term"]
    group: str
    value: int | None = None
    term: str | None = None
    claim: bool = False


class Match(BaseModel):
    """A rule whose conditions hold for one fact of one item."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    item_id: str
    title: str = Field(description="Rendered alert title.")
    severity: Literal["info", "warning", "critical"]
    realert_s: float = Field(description="Cooldown of the dedup key, in seconds.")
    fact_kind: FactKind
    fact: dict[str, Any] = Field(description="The fact that matched, as plain JSON data.")
    dedup_key: str = Field(description="Rendered dedup key; one alert per key per realert.")
    check: StateCheck | None = None
