"""The one counter type: named counts for summary lines and metrics (pipeline, delivery, polls)."""

from __future__ import annotations

from collections import Counter


class Counts(Counter[str]):
    """Named counts, ``counts["fired"] += 1``, that also read as attributes (``counts.fired``);
    a name never counted reads 0."""

    def __getattr__(self, name: str) -> int:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]
