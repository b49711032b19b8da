"""The rule file models: strict (unknown keys are errors), documented field by field."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from monitor.rules.duration import Duration

Scalar = str | int | float | bool
_STRICT = ConfigDict(extra="forbid", frozen=True)


class Predicate(BaseModel):
    """A test on one fact field; several keys must all hold."""

    model_config = _STRICT

    eq: Scalar | None = Field(default=None, description="Equal (strings: case-insensitive).")
    ne: Scalar | None = Field(default=None, description="Not equal.")
    in_: list[Scalar] | None = Field(default=None, alias="in", description="One of these.")
    not_in: list[Scalar] | None = Field(default=None, description="None of these.")
    gte: float | None = Field(default=None, description="Number >= this.")
    gt: float | None = Field(default=None, description="Number > this.")
    lte: float | None = Field(default=None, description="Number <= this.")
    lt: float | None = Field(default=None, description="Number < this.")
    contains: Scalar | None = Field(default=None, description="List field contains this value.")
    exists: bool | None = Field(default=None, description="The field is stated (not null).")


FieldTest = Annotated[Scalar | list[Scalar] | Predicate, Field(union_mode="left_to_right")]


class Keywords(BaseModel):
    """Whole-word, case-insensitive keyword tests over the item's title and text."""

    model_config = _STRICT

    any: list[str] = Field(default_factory=list, description="At least one must occur.")
    all: list[str] = Field(default_factory=list, description="Every one must occur.")
    none: list[str] = Field(default_factory=list, description="None may occur.")


class SourceFilter(BaseModel):
    """Which sources (outlet names or feed tags) a rule listens to."""

    model_config = _STRICT

    include: list[str] = Field(default_factory=list, description="Only these sources or tags.")
    exclude: list[str] = Field(default_factory=list, description="Never these sources or tags.")


class ThresholdSpec(BaseModel):
    """Fire when a numeric fact field passes a bound."""

    model_config = _STRICT

    field: str = Field(description="Fact field, e.g. 'launched'.")
    gte: float | None = None
    gt: float | None = None
    lte: float | None = None
    lt: float | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> ThresholdSpec:
        if all(v is None for v in (self.gte, self.gt, self.lte, self.lt)):
            raise ValueError("threshold needs one of gte, gt, lte, lt")
        return self


class RecordSpec(BaseModel):
    """Fire when a fact value exceeds the stored maximum of its group (or the text claims it)."""

    model_config = _STRICT

    field: str = Field(default="size", description="Numeric fact field holding the value.")
    group: str = Field(default="all", description="Template naming the group, e.g. '{{ fact.attacker }}'.")
    claim_field: str | None = Field(
        default="record_claim", description="Boolean fact field: the text claims a record."
    )


class NewTermSpec(BaseModel):
    """Fire the first time a value of a fact field is seen."""

    model_config = _STRICT

    field: str = Field(description="Fact field whose values are tracked, e.g. 'nationality'.")
    group: str = Field(default="all", description="Template naming the group of terms.")


FactKind = Literal["strike", "troops", "weapon", "casualty", "item"]


class Rule(BaseModel):
    """One alert rule."""

    model_config = _STRICT

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="Unique id (lowercase, -_. allowed).")
    title: str = Field(description="Alert title template (Jinja2, sandboxed).")
    description: str = Field(default="", description="What the rule is for.")
    severity: Literal["info", "warning", "critical"] = Field(default="warning")
    enabled: bool = Field(default=True)
    type: Literal["any", "threshold", "record", "new_term"] = Field(description="Rule type.")
    fact: FactKind = Field(default="strike", description="Which facts the rule inspects.")
    where: dict[str, FieldTest] = Field(default_factory=dict, description="Fact predicates.")
    keywords: Keywords | None = Field(default=None, description="Keyword tests on the item.")
    sources: SourceFilter | None = Field(default=None, description="Source filter.")
    threshold: ThresholdSpec | None = None
    record: RecordSpec | None = None
    new_term: NewTermSpec | None = None
    dedup_key: str = Field(default="{{ item.id }}", description="Template: one alert per key.")
    realert: Duration = Field(default=3600.0, description="Cooldown per dedup key, e.g. '6h'.")
    tags: list[str] = Field(default_factory=list)
    owner: str | None = None

    @model_validator(mode="after")
    def _spec_matches_type(self) -> Rule:
        needed = {"threshold": self.threshold, "record": self.record, "new_term": self.new_term}
        for kind, spec in needed.items():
            if self.type == kind and spec is None:
                raise ValueError(f"a rule of type {kind!r} needs a '{kind}:' section")
            if self.type != kind and spec is not None:
                raise ValueError(f"'{kind}:' only applies to rules of type {kind!r}")
        return self


class RuleFile(BaseModel):
    """A rules file: a list of rules."""

    model_config = _STRICT

    rules: list[Rule] = Field(default_factory=list)
