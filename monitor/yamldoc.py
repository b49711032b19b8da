"""YAML documents that remember where every value came from, for file:line:col errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from monitor.errors import InputError
from monitor.safeyaml import SafeYamlReader, YamlReadError

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, order=True)
class Problem:
    """One error or warning an analyst can fix, pointing at a place in a file."""

    path: str
    line: int
    col: int
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.path}:{self.line}:{self.col}: {prefix}{self.message}"


class ProblemsError(InputError):
    """Raised when a document has errors; carries every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class YamlDocument:
    """Plain data parsed from YAML plus the line and column of every key and value."""

    path: str
    data: Any
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc) -> tuple[int, int]:
        """Line and column (1-based) of the deepest known prefix of ``loc``."""
        for end in range(len(loc), -1, -1):
            found = self.marks.get(tuple(loc[:end]))
            if found is not None:
                return found
        return (1, 1)

    def problem(self, loc: Loc, message: str, severity: Literal["error", "warning"] = "error") -> Problem:
        line, col = self.position(loc)
        return Problem(self.path, line, col, message, severity)

    def validate(self, model: type[M], loc: Loc = (), data: Any = None) -> tuple[M | None, list[Problem]]:
        """Validate ``data`` (default: the whole document) against ``model``, positioning errors."""
        payload = self.data if data is None else data
        try:
            return model.model_validate(payload), []
        except ValidationError as exc:
            return None, [self._problem_from(error, loc) for error in exc.errors()]

    def _problem_from(self, error: Any, base: Loc) -> Problem:
        err_loc: Loc = tuple(part for part in error["loc"] if not _is_union_tag(part))
        full = base + err_loc
        field_name = ".".join(str(p) for p in full) or "(document)"
        message = _friendly(error)
        return self.problem(full, f"{field_name}: {message}")


def _is_union_tag(part: str | int) -> bool:
    # pydantic adds the member type name to loc for unions ("function-after[...]", "int")
    return isinstance(part, str) and ("[" in part or part in {"int", "str", "float", "bool"})


def _friendly(error: Any) -> str:
    kind = error.get("type", "")
    if kind == "extra_forbidden":
        return "unknown key (not allowed here)"
    if kind == "missing":
        return "required key is missing"
    msg = str(error.get("msg", "invalid value"))
    return msg.removeprefix("Value error, ")


def load_document(path: Path, text: str | None = None) -> YamlDocument:
    """Parse ``path`` into a positioned document; raises ProblemsError on a YAML error or when the
    file passes a bound of YamlLimits (size, nesting, alias expansion, value length)."""
    name = str(path)
    try:
        composed = SafeYamlReader().read(path, text)
    except YamlReadError as exc:
        raise ProblemsError([Problem(name, line, col, message) for line, col, message in exc.spots]) from None
    return YamlDocument(name, composed.data, composed.marks)
