"""Scoring the extractor on a labeled set: per-slot precision, recall and F1, and every miss."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, computed_field

from monitor.extract.extractor import extract
from monitor.models.item import Article

#: The development split of the labeled set (tests/data/extraction/dev in a source checkout).
DEFAULT_SET = Path(__file__).resolve().parents[2] / "tests" / "data" / "extraction" / "dev"
#: Slots whose F1 the acceptance thresholds apply to.
KEY_SLOTS = ("strike.launched", "strike.shot_down", "strike.neutralized", "troop.nationality")

_COUNT_SLOTS = ("launched", "shot_down", "neutralized", "suppressed")
_STRIKE_SLOTS = (
    *_COUNT_SLOTS,
    "weapon",
    "attacker",
    "target",
    "launched_max",
    "lower_bound",
    "qualifier",
    "places",
    "models",
    "record_claim",
    "record_scope",
    "previous_record",
    "time_ref",
)
_TROOP_SLOTS = ("count", "count_max", "lower_bound", "qualifier", "side", "activity")
_WEAPON_SLOTS = ("kind", "used")
_CASUALTY_SLOTS = ("killed", "injured", "place")
_FACETS = {
    "strikes": ("strike", _STRIKE_SLOTS, None),
    "troops": ("troop", _TROOP_SLOTS, "nationality"),
    "weapons": ("weapon", _WEAPON_SLOTS, "name"),
    "casualties": ("casualty", _CASUALTY_SLOTS, None),
}


class SlotScore(BaseModel):
    """Counts for one slot and the scores they give."""

    model_config = ConfigDict(extra="forbid")

    slot: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Miss(BaseModel):
    """One wrong or missing value: which case, which slot, what was expected and found."""

    model_config = ConfigDict(extra="forbid")

    case: str
    slot: str
    expected: Any = None
    predicted: Any = None


class Report(BaseModel):
    """The result of one evaluation run."""

    model_config = ConfigDict(extra="forbid")

    cases: int
    slots: tuple[SlotScore, ...]
    misses: tuple[Miss, ...]
    negative_strikes: int

    def score(self, slot: str) -> SlotScore:
        return next((s for s in self.slots if s.slot == slot), SlotScore(slot=slot))

    def below(self, min_f1: float, slots: Iterable[str] = KEY_SLOTS) -> list[str]:
        """Key slots under ``min_f1``, plus 'negative_strikes' when negatives produced strikes."""
        failing = [slot for slot in slots if self.score(slot).f1 < min_f1]
        return failing + (["negative_strikes"] if self.negative_strikes else [])


def load_cases(path: Path) -> list[dict[str, Any]]:
    """Cases from a YAML/JSONL file or every such file under a directory, in name order."""
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    cases: list[dict[str, Any]] = []
    for file in files:
        if file.suffix in (".yaml", ".yml"):
            cases.extend(yaml.safe_load(file.read_text(encoding="utf-8")) or [])
        elif file.suffix == ".jsonl":
            lines = file.read_text(encoding="utf-8").splitlines()
            cases.extend(json.loads(line) for line in lines if line.strip())
    return cases


def _present(value: Any) -> bool:
    return value not in (None, False, (), [], "")


def _norm(slot: str, value: Any, attacker: Any, with_attacker: bool) -> Any:
    if isinstance(value, list | tuple):
        return tuple(sorted(value))
    if slot in _COUNT_SLOTS and with_attacker and value is not None:
        return (value, attacker)
    return value


class _Tally:
    def __init__(self) -> None:
        self.scores: dict[str, SlotScore] = {}
        self.misses: list[Miss] = []

    def add(self, case: str, slot: str, expected: Any, predicted: Any) -> None:
        score = self.scores.setdefault(slot, SlotScore(slot=slot))
        if _present(expected) and expected == predicted:
            score.tp += 1
            return
        if _present(expected):
            score.fn += 1
        if _present(predicted):
            score.fp += 1
        if _present(expected) or _present(predicted):
            self.misses.append(Miss(case=case, slot=slot, expected=expected, predicted=predicted))


def _agreement(expected: dict[str, Any], predicted: dict[str, Any]) -> int:
    return sum(
        1 + (slot in _COUNT_SLOTS)
        for slot, value in expected.items()
        if _present(value)
        and _norm(slot, predicted.get(slot), None, False) == _norm(slot, value, None, False)
    )


def _align(
    expected: list[dict[str, Any]], predicted: list[dict[str, Any]], key: str | None
) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """Pair each expected fact with the unused prediction agreeing with it most."""
    free = list(range(len(predicted)))
    pairs: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = []
    for exp in expected:
        candidates = [i for i in free if key is None or predicted[i].get(key) == exp.get(key)]
        best = max(candidates, key=lambda i: _agreement(exp, predicted[i]), default=None)
        if best is not None and _agreement(exp, predicted[best]) > 0:
            free.remove(best)
            pairs.append((exp, predicted[best]))
        else:
            pairs.append((exp, None))
    pairs.extend((None, predicted[i]) for i in free)
    return pairs


def _score_facet(tally: _Tally, case: str, facet: str, exp: list[Any], pred: list[Any]) -> None:
    prefix, slots, key = _FACETS[facet]
    if key is not None:
        wanted, found = {e[key] for e in exp}, {p[key] for p in pred}
        for value in sorted(wanted | found):
            tally.add(
                case, f"{prefix}.{key}", value if value in wanted else None, value if value in found else None
            )
    for e, p in _align(exp, pred, key):
        e_map, p_map = e or {}, p or {}
        for slot in slots:
            if e is not None and slot not in e_map:
                continue
            with_attacker = "attacker" in e_map
            tally.add(
                case,
                f"{prefix}.{slot}",
                _norm(slot, e_map.get(slot), e_map.get("attacker"), with_attacker),
                _norm(slot, p_map.get(slot), p_map.get("attacker"), with_attacker),
            )


def evaluate(path: Path = DEFAULT_SET) -> Report:
    """Run the extractor over every labeled case under ``path`` and score each slot."""
    tally = _Tally()
    cases = load_cases(Path(path))
    negative = 0
    for case in cases:
        article = Article(item_id=str(case["id"]), title=case.get("title", ""), text=case["text"])
        facts = extract(article).model_dump(exclude={"strikes": {"__all__": {"evidence", "size"}}})
        if case.get("strikes") == []:
            negative += len(facts["strikes"])
        for facet in _FACETS:
            if facet in case:
                _score_facet(tally, str(case["id"]), facet, case[facet] or [], facts[facet])
    slots = tuple(sorted(tally.scores.values(), key=lambda s: s.slot))
    return Report(cases=len(cases), slots=slots, misses=tuple(tally.misses), negative_strikes=negative)
