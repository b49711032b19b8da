"""A rule's parts in the rule file's own words: what explain shows beside each verdict."""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel


def _plain(value: Any) -> Any:
    """Whole floats as ints (``gte: 100``, as written, not ``100.0``), all the way down."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def written(value: Any) -> str:
    """``value`` as YAML flow text, with the keys the file uses (``in``, not ``in_``)."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    text = yaml.safe_dump(
        _plain(value), default_flow_style=True, width=10_000, allow_unicode=True, sort_keys=False
    )
    return text.strip().removesuffix("...").strip()


def seen(value: Any) -> str:
    """A fact's value as said in explain output: 'nothing' when absent."""
    if value is None or value in ([], ()):
        return "nothing"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)
