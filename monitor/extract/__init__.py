"""Fact extraction: strikes, foreign troops, named weapons and casualties from article text."""

from __future__ import annotations

from monitor.extract.extractor import extract

__all__ = ["extract"]
