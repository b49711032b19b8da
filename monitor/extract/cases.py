"""Labeled extraction cases: the case model, loading with file:line:col errors, finding a split."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from monitor.errors import InputError
from monitor.yamldoc import Problem, ProblemsError, YamlDocument, load_document

#: Where the labeled splits live in a source checkout, relative to the project root.
SPLITS_DIR = Path("tests") / "data" / "extraction"
SPLITS = ("dev", "test")


class SplitNotFoundError(InputError, FileNotFoundError):
    """No labeled split where one was looked for; the message says where and what to pass."""


class Case(BaseModel):
    """One labeled article (see tests/data/extraction/LABELING.md); facets left out are not scored."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="Unique case id: d- for the development split, t- for the test split.")
    text: str = Field(description="The article body.")
    title: str = Field(default="", description="Optional headline, as an outlet would print it.")
    source_kind: str | None = Field(default=None, description="airforce, wire, off_topic, ...")
    classes: tuple[str, ...] = Field(default=(), description="Error classes the case exercises.")
    strikes: list[dict[str, Any]] | None = Field(default=None, description="Expected strikes.")
    troops: list[dict[str, Any]] | None = Field(default=None, description="Expected troop reports.")
    weapons: list[dict[str, Any]] | None = Field(default=None, description="Expected weapons.")
    casualties: list[dict[str, Any]] | None = Field(default=None, description="Expected casualties.")
    alerts: list[str] | None = Field(
        default=None, description="Shipped rules that must fire for the article alone on empty state."
    )


def _from_document(doc: YamlDocument) -> tuple[list[Case], list[Problem]]:
    if doc.data is None:
        return [], []
    if not isinstance(doc.data, list):
        return [], [doc.problem((), "a cases file is a list of cases")]
    cases: list[Case] = []
    problems: list[Problem] = []
    for index, raw in enumerate(doc.data):
        case, found = doc.validate(Case, (index,), raw)
        problems.extend(found)
        if case is not None:
            cases.append(case)
    return cases, problems


def _from_jsonl(path: Path) -> tuple[list[Case], list[Problem]]:
    cases: list[Case] = []
    problems: list[Problem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            cases.append(Case.model_validate(json.loads(line)))
        except ValueError as exc:
            problems.append(Problem(str(path), number, 1, f"invalid case: {exc}".splitlines()[0]))
    return cases, problems


def _load_file(path: Path) -> tuple[list[Case], list[Problem]]:
    if path.suffix == ".jsonl":
        return _from_jsonl(path)
    try:
        return _from_document(load_document(path))
    except ProblemsError as exc:
        return [], list(exc.problems)


def load_cases(path: Path) -> list[Case]:
    """Cases from a YAML/JSONL file or every such file under a directory, in name order.
    Raises ProblemsError with every error of every file (file:line:col) and duplicate ids."""
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    cases: list[Case] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for file in files:
        if file.suffix not in (".yaml", ".yml", ".jsonl"):
            continue
        found, errors = _load_file(file)
        problems.extend(errors)
        for case in found:
            if case.id in seen:
                problems.append(
                    Problem(str(file), 1, 1, f"duplicate case id {case.id!r} (also in {seen[case.id]})")
                )
            seen[case.id] = str(file)
        cases.extend(found)
    if problems:
        raise ProblemsError(problems)
    return cases


def cases_by_prefix(folder: Path, *, only: str | None = None, without: tuple[str, ...] = ()) -> list[Case]:
    """The cases of ``folder``'s YAML files whose names start with ``only`` (every file when None)
    and with none of ``without``: one reading round of the dev split, or all but some rounds,
    for the training scripts' leave-one-round-out figures."""
    cases: list[Case] = []
    for path in sorted(folder.glob("*.yaml")):
        if (only is None or path.name.startswith(only)) and not path.name.startswith(without):
            cases.extend(load_cases(path))
    return cases


def find_split(split: str, start: Path | None = None) -> Path:
    """tests/data/extraction/<split> in ``start`` (default: the current directory) or a parent."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / SPLITS_DIR / split
        if candidate.is_dir():
            return candidate
    raise SplitNotFoundError(
        f"no {SPLITS_DIR / split} in {here} or any parent folder; run from a source checkout "
        "or pass the cases' folder or file as PATH"
    )
