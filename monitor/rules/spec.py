"""The type-specific sections of a rule (threshold, record, frequency, ...) and its examples."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from monitor.models.duration import Duration
from monitor.rules.condition import STRICT, Scalar


class ThresholdSpec(BaseModel):
    """Fire when a numeric fact field passes a bound."""

    model_config = STRICT

    field: str = Field(description="Fact field, e.g. 'launched'.")
    gte: float | None = Field(default=None, description="Value >= this.")
    gt: float | None = Field(default=None, description="Value > this.")
    lte: float | None = Field(default=None, description="Value <= this.")
    lt: float | None = Field(default=None, description="Value < this.")

    @model_validator(mode="after")
    def _one_bound(self) -> ThresholdSpec:
        if all(v is None for v in (self.gte, self.gt, self.lte, self.lt)):
            raise ValueError("threshold needs one of gte, gt, lte, lt")
        return self


class RecordSpec(BaseModel):
    """Fire when a fact value exceeds the stored maximum of its group (or the text claims it)."""

    model_config = STRICT

    field: str = Field(default="size", description="Numeric fact field holding the value.")
    group: str = Field(default="all", description="Template naming the group, e.g. '{{ fact.attacker }}'.")
    claim_field: str | None = Field(
        default="record_claim", description="Boolean fact field: the text claims a record."
    )


class NewTermSpec(BaseModel):
    """Fire the first time a value of a fact field is seen."""

    model_config = STRICT

    field: str = Field(description="Fact field whose values are tracked, e.g. 'nationality'.")
    group: str = Field(default="all", description="Template naming the group of terms.")


class FrequencySpec(BaseModel):
    """Fire when at least ``count`` matching items (or distinct sources) fall within ``window``."""

    model_config = STRICT

    count: int = Field(ge=1, description="How many matches within the window fire the rule.")
    window: Duration = Field(description="Sliding window, e.g. '1h'.")
    group: str = Field(default="all", description="Template: count separately per group.")
    distinct: Literal["item", "source"] = Field(
        default="item", description="Count matching items, or distinct sources (outlets)."
    )


class SpikeSpec(BaseModel):
    """Fire when the match rate in ``window`` differs from the rate in the ``reference`` before it."""

    model_config = STRICT

    window: Duration = Field(description="Current window, e.g. '1h'.")
    reference: Duration = Field(description="Reference window just before it, e.g. '24h'.")
    ratio: float = Field(default=3.0, gt=1.0, description="Rate factor that counts as a spike.")
    direction: Literal["up", "down", "both"] = Field(default="up", description="Which spikes fire.")
    min_count: int = Field(
        default=3, ge=1, description="Matches needed in the current (up) or reference (down) window."
    )
    group: str = Field(default="all", description="Template: rates per group.")


class FlatlineSpec(BaseModel):
    """Fire when a source, a source tag or a rule's matches stay silent longer than ``window``."""

    model_config = STRICT

    watch: Literal["source", "tag", "rule"] = Field(description="What is watched.")
    name: str = Field(min_length=1, description="The source name, tag or rule id watched.")
    window: Duration = Field(description="Silence longer than this fires, e.g. '6h'.")


class ChangeSpec(BaseModel):
    """Fire when a tracked fact value changes for its group (e.g. a troop estimate rises)."""

    model_config = STRICT

    field: str = Field(description="Fact field tracked, e.g. 'count'.")
    group: str = Field(default="all", description="Template naming the group, e.g. '{{ fact.nationality }}'.")
    direction: Literal["any", "up", "down"] = Field(
        default="any", description="Which changes fire (up/down compare numbers)."
    )


class AggregationSpec(BaseModel):
    """Matches within ``window`` become one alert listing them, with counts per group."""

    model_config = STRICT

    window: Duration = Field(description="How long matches are collected before one alert, e.g. '1h'.")
    group: str = Field(
        default="{{ rule.id }}", description="Template: the counts in the summary are per this."
    )


class GivenArticle(BaseModel):
    """An article processed before an example, with its own source."""

    model_config = STRICT

    text: str = Field(description="Article text (first line: title).")
    source: str = Field(default="example", description="Source name given to the article.")


class Example(BaseModel):
    """A rule test: an article (text or path) and whether the rule must fire on it."""

    model_config = STRICT

    text: str | None = Field(default=None, description="Article text (first line: title).")
    path: str | None = Field(default=None, description="Article file, relative to the rules file.")
    source: str = Field(default="example", description="Source name given to the article.")
    published: datetime | None = Field(default=None, description="Publication time.")
    given: list[str | GivenArticle] = Field(
        default_factory=list,
        description="Articles processed before it, in the same namespace (text, or text and source).",
    )
    expect: Literal["fire", "no_fire"] = Field(description="Whether the rule must fire on it.")
    facts: list[dict[str, Scalar | list[Scalar] | None]] = Field(
        default_factory=list, description="Expected facts: each must equal part of one extracted fact."
    )

    @model_validator(mode="after")
    def _text_or_path(self) -> Example:
        if (self.text is None) == (self.path is None):
            raise ValueError("an example needs exactly one of text, path")
        return self
