"""Scoring the extractor on labeled cases: per slot, per source kind, whole strikes, every miss."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, computed_field

from monitor.extract.cases import Case, load_cases
from monitor.extract.extractor import extract
from monitor.models.facts import Facts
from monitor.models.item import Article

#: Slots whose F1 the acceptance thresholds apply to; 'strike' is the whole-strike score.
KEY_SLOTS = ("strike", "strike.launched", "strike.shot_down", "strike.neutralized", "troop.nationality")
#: Facets whose facts must not come from a case labeled with none of them.
NEGATIVE_FACETS = ("strikes", "troops", "weapons")

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
#: Which figure is a strike's value for the whole-strike score, in order of preference.
_SIZE_ORDER = ("launched", "neutralized", "shot_down", "lower_bound")
_NO_CLASS = "(no class)"


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

    def count(self, expected: bool, predicted: bool, right: bool) -> None:
        """Add one comparison: right when both sides agree on a present value."""
        if expected and predicted and right:
            self.tp += 1
            return
        self.fn += int(expected)
        self.fp += int(predicted)


class Miss(BaseModel):
    """One wrong or missing value: which case, which slot, what was expected and found."""

    model_config = ConfigDict(extra="forbid")

    case: str
    slot: str
    expected: Any = None
    predicted: Any = None
    classes: tuple[str, ...] = ()
    source_kind: str | None = None


class KindReport(BaseModel):
    """Scores of the cases of one source kind."""

    model_config = ConfigDict(extra="forbid")

    source_kind: str
    cases: int
    slots: tuple[SlotScore, ...]
    negative_facts: dict[str, int]

    def score(self, slot: str) -> SlotScore:
        return next((s for s in self.slots if s.slot == slot), SlotScore(slot=slot))


class Report(BaseModel):
    """The result of one evaluation run."""

    model_config = ConfigDict(extra="forbid")

    cases: int
    slots: tuple[SlotScore, ...]
    misses: tuple[Miss, ...]
    negative_strikes: int
    negative_facts: dict[str, int]
    by_kind: tuple[KindReport, ...] = ()

    def score(self, slot: str) -> SlotScore:
        return next((s for s in self.slots if s.slot == slot), SlotScore(slot=slot))

    def below(self, min_f1: float, slots: Iterable[str] = KEY_SLOTS) -> list[str]:
        """Key slots under ``min_f1``, plus 'negative_<facet>' when negatives produced facts."""
        failing = [slot for slot in slots if self.score(slot).f1 < min_f1]
        return failing + [f"negative_{facet}" for facet, n in self.negative_facts.items() if n]

    def misses_by_class(self) -> dict[str, list[Miss]]:
        """Misses under each class of their case (a miss may sit under several classes)."""
        grouped: dict[str, list[Miss]] = {}
        for miss in self.misses:
            for name in miss.classes or (_NO_CLASS,):
                grouped.setdefault(name, []).append(miss)
        return dict(sorted(grouped.items()))


def _present(value: Any) -> bool:
    """A labeled or found value; a count of 0 ('none of which were intercepted') is present."""
    return not (value is None or value is False or value in ((), [], ""))


def _norm(slot: str, value: Any, attacker: Any, with_attacker: bool) -> Any:
    if isinstance(value, list | tuple):
        return tuple(sorted(value))
    if slot in _COUNT_SLOTS and with_attacker and value is not None:
        return (value, attacker)
    return value


class _Tally:
    """Slot scores for the whole run, one set per source kind, and the misses."""

    def __init__(self) -> None:
        self.scores: dict[str, SlotScore] = {}
        self.kinds: dict[str, dict[str, SlotScore]] = {}
        self.misses: list[Miss] = []
        self.case = Case(id="", text="")

    def _scores(self, slot: str) -> list[SlotScore]:
        kind = self.kinds.setdefault(self.case.source_kind or "(none)", {})
        return [
            self.scores.setdefault(slot, SlotScore(slot=slot)),
            kind.setdefault(slot, SlotScore(slot=slot)),
        ]

    def add(self, slot: str, expected: Any, predicted: Any) -> None:
        right = _present(expected) and expected == predicted
        for score in self._scores(slot):
            score.count(_present(expected), _present(predicted), right)
        if not right and (_present(expected) or _present(predicted)):
            self.miss(slot, expected, predicted)

    def hit(self, slot: str) -> None:
        for score in self._scores(slot):
            score.count(True, True, True)

    def miss(self, slot: str, expected: Any, predicted: Any) -> None:
        case = self.case
        self.misses.append(
            Miss(
                case=case.id,
                slot=slot,
                expected=expected,
                predicted=predicted,
                classes=case.classes,
                source_kind=case.source_kind,
            )
        )


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


def _score_facet(tally: _Tally, facet: str, exp: list[Any], pred: list[Any]) -> None:
    prefix, slots, key = _FACETS[facet]
    if key is not None:
        wanted, found = {e[key] for e in exp}, {p[key] for p in pred}
        for value in sorted(wanted | found):
            tally.add(
                f"{prefix}.{key}", value if value in wanted else None, value if value in found else None
            )
    for e, p in _align(exp, pred, key):
        e_map, p_map = e or {}, p or {}
        for slot in slots:
            if e is not None and slot not in e_map:
                continue
            with_attacker = "attacker" in e_map
            tally.add(
                f"{prefix}.{slot}",
                _norm(slot, e_map.get(slot), e_map.get("attacker"), with_attacker),
                _norm(slot, p_map.get(slot), p_map.get("attacker"), with_attacker),
            )


def strike_key(strike: dict[str, Any]) -> tuple[Any, Any, Any]:
    """What a whole strike must get right: its value, weapon and attacker."""
    size = next((strike[s] for s in _SIZE_ORDER if strike.get(s) is not None), None)
    return size, strike.get("weapon"), strike.get("attacker")


def _score_strikes(tally: _Tally, exp: list[dict[str, Any]], pred: list[dict[str, Any]]) -> None:
    """A strike counts as right only when value, weapon and attacker are all right."""
    left = [strike_key(p) for p in pred]
    for key in (strike_key(e) for e in exp):
        if key in left:
            left.remove(key)
            tally.hit("strike")
        else:
            tally.add("strike", key, None)
    for key in left:
        tally.add("strike", None, key)


#: What is scored: the shipped extractor, or another reading of an article (a trial scorer).
Extractor = Callable[[Article], Facts]


def _facts_of(case: Case, extractor: Extractor) -> dict[str, Any]:
    article = Article(item_id=case.id, title=case.title, text=case.text)
    facts = extractor(article).model_dump(exclude={"strikes": {"__all__": {"evidence", "size"}}})
    # facts of other wars are never labeled: only this war's facts are scored
    return {facet: [f for f in found if f.get("theatre") != "other"] for facet, found in facts.items()}


def _kind_reports(
    tally: _Tally, cases: list[Case], negatives: dict[str, dict[str, int]]
) -> tuple[KindReport, ...]:
    counts: dict[str, int] = {}
    for case in cases:
        counts[case.source_kind or "(none)"] = counts.get(case.source_kind or "(none)", 0) + 1
    return tuple(
        KindReport(
            source_kind=kind,
            cases=counts[kind],
            slots=tuple(sorted(tally.kinds.get(kind, {}).values(), key=lambda s: s.slot)),
            negative_facts=negatives.get(kind, dict.fromkeys(NEGATIVE_FACETS, 0)),
        )
        for kind in sorted(counts)
    )


def evaluate_cases(cases: list[Case], extractor: Extractor = extract) -> Report:
    """Run ``extractor`` over ``cases`` and score each slot, each source kind and whole strikes."""
    tally = _Tally()
    negative = dict.fromkeys(NEGATIVE_FACETS, 0)
    by_kind: dict[str, dict[str, int]] = {}
    for case in cases:
        tally.case = case
        facts = _facts_of(case, extractor)
        kind_negative = by_kind.setdefault(case.source_kind or "(none)", dict.fromkeys(NEGATIVE_FACETS, 0))
        for facet in NEGATIVE_FACETS:
            if getattr(case, facet) == []:
                negative[facet] += len(facts[facet])
                kind_negative[facet] += len(facts[facet])
        for facet in _FACETS:
            expected = getattr(case, facet)
            if expected is not None:
                _score_facet(tally, facet, expected, facts[facet])
        if case.strikes is not None:
            _score_strikes(tally, case.strikes, facts["strikes"])
    slots = tuple(sorted(tally.scores.values(), key=lambda s: s.slot))
    return Report(
        cases=len(cases),
        slots=slots,
        misses=tuple(tally.misses),
        negative_strikes=negative["strikes"],
        negative_facts=negative,
        by_kind=_kind_reports(tally, cases, by_kind),
    )


def evaluate(path: Path) -> Report:
    """Score the extractor on every labeled case under ``path`` (a folder or one file)."""
    return evaluate_cases(load_cases(Path(path)))
