"""A rule's parts in the rule file's own words: what explain shows beside each verdict."""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel


def written(value: Any) -> str:
    """``value`` as YAML flow text, with the keys the file uses (``in``, not ``in_``)."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    text = yaml.safe_dump(value, default_flow_style=True, width=10_000, allow_unicode=True, sort_keys=False)
    return text.strip().removesuffix("...").strip()


def seen(value: Any) -> str:
    """A fact's value as said in explain output: 'nothing' when absent."""
    if value is None or value in ([], ()):
        return "nothing"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)
