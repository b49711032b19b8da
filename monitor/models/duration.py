"""Durations as analysts write them in rules and config: '90s', '30m', '6h', '2d', '1w'."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800}
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhdw])")


def parse_duration(value: object) -> float:
    """Seconds in a duration string (or a bare number of seconds)."""
    if isinstance(value, bool):
        raise ValueError(f"bad duration {value!r}: use e.g. 30m, 6h, 2d")
    if isinstance(value, int | float):
        if value < 0:
            raise ValueError(f"bad duration {value!r}: must not be negative")
        return float(value)
    text = str(value).strip().replace(" ", "")
    parts = _PART.findall(text)
    if not text or "".join(n + u for n, u in parts) != text:
        raise ValueError(f"bad duration {value!r}: use e.g. 90s, 30m, 6h, 2d, 1w or 1h30m")
    return float(sum(float(n) * _UNITS[u] for n, u in parts))


#: A pydantic field type: accepts '6h' or 3600, holds seconds.
Duration = Annotated[float, BeforeValidator(parse_duration)]
