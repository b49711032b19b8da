"""Condition models: fact predicates, keyword tests, source filters and the all/any/not tree."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Scalar = str | int | float | bool
STRICT = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

#: Where a ``regex:`` condition looks: the headline, the body, both, or one fact field.
RegexTarget = Annotated[str, Field(pattern=r"^(title|text|body|fact\.[a-z_]+)$")]


class Predicate(BaseModel):
    """A test on one fact field; several keys must all hold."""

    model_config = STRICT

    eq: Scalar | None = Field(default=None, description="Equal (strings: case-insensitive).")
    ne: Scalar | None = Field(default=None, description="Not equal.")
    in_: list[Scalar] | None = Field(
        default=None, alias="in", description="One of these ('$name' items expand a named list)."
    )
    not_in: list[Scalar] | None = Field(default=None, description="None of these ('$name' expands).")
    in_list: str | None = Field(default=None, description="One of the values of this named list.")
    not_in_list: str | None = Field(default=None, description="None of the values of this named list.")
    gte: float | None = Field(default=None, description="Number >= this.")
    gt: float | None = Field(default=None, description="Number > this.")
    lte: float | None = Field(default=None, description="Number <= this.")
    lt: float | None = Field(default=None, description="Number < this.")
    contains: Scalar | None = Field(default=None, description="List field contains this value.")
    exists: bool | None = Field(default=None, description="The field is stated (not null).")


FieldTest = Annotated[Scalar | list[Scalar] | Predicate, Field(union_mode="left_to_right")]


class Keywords(BaseModel):
    """Whole-word, case-insensitive keyword tests over the item's title and text."""

    model_config = STRICT

    any: list[str] = Field(default_factory=list, description="At least one must occur ('$name' expands).")
    all: list[str] = Field(default_factory=list, description="Every one must occur.")
    none: list[str] = Field(default_factory=list, description="None may occur.")


class SourceFilter(BaseModel):
    """Which sources (outlet names or feed tags) a rule listens to."""

    model_config = STRICT

    include: list[str] = Field(default_factory=list, description="Only these sources or tags.")
    exclude: list[str] = Field(default_factory=list, description="Never these sources or tags.")


_NODE_KEYS = ("all", "any", "not_", "keywords", "regex", "fact", "source")


class Condition(BaseModel):
    """One node of a condition tree: exactly one of all, any, not, keywords, regex, fact, source."""

    model_config = STRICT

    all: list[Condition] | None = Field(default=None, description="Every sub-condition holds.")
    any: list[Condition] | None = Field(default=None, description="At least one sub-condition holds.")
    not_: Condition | None = Field(default=None, alias="not", description="The sub-condition fails.")
    keywords: list[str] | None = Field(
        default=None, description="At least one of these whole words occurs in title or text."
    )
    regex: str | None = Field(default=None, description="RE2 pattern searched (case-insensitive).")
    in_: RegexTarget = Field(
        default="body",
        alias="in",
        description="Where regex looks: title, text, body (title and text) or fact.<field>.",
    )
    fact: dict[str, FieldTest] | None = Field(
        default=None, description="Fact field tests, as in 'where' (all must hold)."
    )
    source: list[str] | None = Field(default=None, description="The item's source or a tag is one of these.")

    @model_validator(mode="after")
    def _exactly_one(self) -> Condition:
        set_keys = [k for k in _NODE_KEYS if getattr(self, k) is not None]
        if len(set_keys) != 1:
            names = "all, any, not, keywords, regex, fact, source"
            raise ValueError(f"a condition needs exactly one of {names}")
        if self.in_ != "body" and self.regex is None:
            raise ValueError("'in' only applies to a regex condition")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in _NODE_KEYS if getattr(self, k) is not None).rstrip("_")


Kind = Literal["all", "any", "not", "keywords", "regex", "fact", "source"]
