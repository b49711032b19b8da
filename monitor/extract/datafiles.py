"""Data files an analyst can read and extend (extract/vocab/*.yaml): strict models, positioned errors."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from monitor.yamldoc import ProblemsError, load_document

#: Where the shipped data files live.
DATA_DIR = Path(__file__).resolve().parent / "vocab"
M = TypeVar("M", bound=BaseModel)
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data(path: Path, model: type[M]) -> M:
    """Load ``path`` into ``model``; raises ProblemsError naming file:line:col of every error.

    The file is read with libyaml when it is available (the positioned loader is pure Python
    and slow on long lists); only a file that fails is read again to place its errors.
    """
    try:
        return model.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=_FAST_LOADER))
    except (yaml.YAMLError, ValidationError, OSError, UnicodeDecodeError):
        doc = load_document(path)
        value, problems = doc.validate(model)
        if value is None or problems:
            raise ProblemsError(problems) from None
        return value
