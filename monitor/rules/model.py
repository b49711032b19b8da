"""The rule file models: strict (unknown keys are errors), documented field by field."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator

from monitor.models.duration import Duration
from monitor.models.kinds import FactKindName
from monitor.rules.condition import (
    STRICT,
    Condition,
    FieldTest,
    Keywords,
    Predicate,
    Scalar,
    SourceFilter,
)
from monitor.rules.spec import (
    AggregationSpec,
    ChangeSpec,
    Example,
    FlatlineSpec,
    FrequencySpec,
    NewTermSpec,
    RecordSpec,
    SpikeSpec,
    ThresholdSpec,
)

__all__ = ["Condition", "FieldTest", "Keywords", "Predicate", "Rule", "RuleFile", "Scalar", "SourceFilter"]

RuleType = Literal["any", "threshold", "record", "new_term", "frequency", "spike", "flatline", "change"]
#: The type-specific sections; a rule of type T has exactly the section T (``any`` has none).
TYPE_SECTIONS: tuple[str, ...] = (
    "threshold",
    "record",
    "new_term",
    "frequency",
    "spike",
    "flatline",
    "change",
)
#: Types whose alerts are about a group over time: their dedup key defaults to rule and group.
WINDOWED = frozenset({"frequency", "spike", "change", "flatline"})


class Rule(BaseModel):
    """One alert rule."""

    model_config = STRICT

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="Unique id (lowercase, -_. allowed).")
    title: str = Field(description="Alert title template (Jinja2, sandboxed).")
    text: str = Field(default="", description="Alert body template (Jinja2, sandboxed).")
    description: str = Field(default="", description="What the rule is for.")
    severity: Literal["info", "warning", "critical"] = Field(default="warning", description="Alert severity.")
    enabled: bool = Field(default=True, description="A disabled rule is loaded and checked but never run.")
    type: RuleType = Field(description="Rule type.")
    fact: FactKindName = Field(default="strike", description="Which facts the rule inspects ('item': none).")
    where: dict[str, FieldTest] = Field(default_factory=dict, description="Fact predicates (all hold).")
    keywords: Keywords | None = Field(default=None, description="Keyword tests on the item.")
    when: Condition | None = Field(default=None, description="A condition tree (all/any/not).")
    sources: SourceFilter | None = Field(default=None, description="Source filter.")
    threshold: ThresholdSpec | None = Field(default=None, description="For type threshold.")
    record: RecordSpec | None = Field(default=None, description="For type record.")
    new_term: NewTermSpec | None = Field(default=None, description="For type new_term.")
    frequency: FrequencySpec | None = Field(default=None, description="For type frequency.")
    spike: SpikeSpec | None = Field(default=None, description="For type spike.")
    flatline: FlatlineSpec | None = Field(default=None, description="For type flatline.")
    change: ChangeSpec | None = Field(default=None, description="For type change.")
    dedup_key: str | None = Field(
        default=None,
        description="Template: one alert per key per realert (default: the item id; for frequency, "
        "spike, change and flatline: the group).",
    )
    story: str | None = Field(
        default=None,
        description="Template naming the story for inhibition (default: the dedup key). A firing "
        "alert suppresses lower-severity alerts of the same story for its realert.",
    )
    realert: Duration = Field(default=3600.0, description="Cooldown per dedup key, e.g. '6h'.")
    aggregation: AggregationSpec | None = Field(
        default=None, description="Collect matches for a window and send one alert listing them."
    )
    min_sources: int | None = Field(
        default=None,
        ge=1,
        description="Corroboration: the alert waits until its story has this many independent "
        "outlets (copies of one wire text count once), at most max_hold.",
    )
    max_hold: Duration | None = Field(
        default=None,
        validate_default=True,
        description="With min_sources: the longest an alert waits (event time), e.g. '2h'; then it "
        "fires marked single-source.",
    )
    tags: list[str] = Field(default_factory=list, description="Free labels, e.g. [strikes].")
    owner: str | None = Field(default=None, description="Who maintains the rule, e.g. 'air-desk'.")
    examples: list[Example] = Field(default_factory=list, description="Rule tests (monitor rules test).")

    @model_validator(mode="after")
    def _spec_matches_type(self) -> Rule:
        for kind in TYPE_SECTIONS:
            spec = getattr(self, kind)
            if self.type == kind and spec is None:
                raise ValueError(f"a rule of type {kind!r} needs a '{kind}:' section")
            if self.type != kind and spec is not None:
                raise ValueError(f"'{kind}:' only applies to rules of type {kind!r}")
        if self.type == "flatline" and (self.where or self.keywords or self.when or self.sources):
            raise ValueError("a flatline rule has no conditions (where, keywords, when, sources)")
        self._check_corroboration()
        return self

    def _check_corroboration(self) -> None:
        """Aggregation and flatline alerts are not about one story: nothing to corroborate."""
        if self.min_sources is not None and (self.aggregation is not None or self.type == "flatline"):
            raise ValueError("min_sources applies to alerts about one story, not to aggregation or flatline")

    @field_validator("max_hold")
    @classmethod
    def _hold_needs_sources(cls, value: float | None, info: ValidationInfo) -> float | None:
        """min_sources and max_hold go together: a hold without a bound would never fire on a
        story only one outlet reports, and a bound without a count holds nothing. Checked on
        max_hold (declared after min_sources) so the error points at it."""
        if "min_sources" not in info.data:  # min_sources itself was invalid: that error suffices
            return value
        sources = info.data["min_sources"]
        if value is None and sources is not None:
            raise ValueError("min_sources needs max_hold (how long to wait before firing single-source)")
        if value is not None and sources is None:
            raise ValueError("max_hold needs min_sources (how many independent outlets to wait for)")
        if value is not None and value <= 0:
            raise ValueError("max_hold must be longer than zero")
        return value

    @property
    def spec(self) -> BaseModel | None:
        """The type-specific section, if the type has one."""
        return getattr(self, self.type) if self.type in TYPE_SECTIONS else None


ListName = str


class RuleFile(BaseModel):
    """A rules file: named lists shared by every rules file, and a list of rules."""

    model_config = STRICT

    lists: dict[ListName, list[Scalar]] = Field(
        default_factory=dict,
        description="Named lists, usable from any rules file as '$name' or in_list: name.",
    )
    rules: list[Rule] = Field(default_factory=list, description="The rules.")
