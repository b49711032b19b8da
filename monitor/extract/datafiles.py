"""Data files an analyst can read and extend (extract/vocab/*.yaml): strict models, positioned errors."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from monitor.yamldoc import ProblemsError, load_document

#: Where the shipped data files live.
DATA_DIR = Path(__file__).resolve().parent / "vocab"
M = TypeVar("M", bound=BaseModel)


def load_data(path: Path, model: type[M]) -> M:
    """Load ``path`` into ``model``; raises ProblemsError naming file:line:col of every error."""
    doc = load_document(path)
    value, problems = doc.validate(model)
    if value is None or problems:
        raise ProblemsError(problems)
    return value
