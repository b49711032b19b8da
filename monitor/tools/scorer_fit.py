"""Fitting the single-attack scorer: the grammar's drafts on labeled cases, labeled by whether
their count is one of the case's expected strikes, fitted by L2-regularised logistic regression."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from monitor.extract.cases import Case
from monitor.extract.casualties import find_casualties
from monitor.extract.document import sentences_of
from monitor.extract.drafts import Draft
from monitor.extract.scorer import Scorer
from monitor.extract.strikes import find_strikes
from monitor.extract.troops import find_troops
from monitor.extract.weapons import find_weapons
from monitor.models.facts import Facts
from monitor.models.item import Article

_COUNTS = ("launched", "shot_down", "suppressed", "neutralized", "lower_bound")


@dataclass(frozen=True, slots=True)
class Example:
    """One draft the grammar read, its features, and whether its count is a labeled strike's."""

    case: str
    features: tuple[str, ...]
    single: bool
    gated: bool


def _is_labeled(draft: Draft, expected: list[dict[str, Any]]) -> bool:
    """Whether the draft reads a labeled strike: one of its figures (or of a total's parts by
    kind) is the strike's, or it is a regional sub-count of it ('10 of them over Kyiv')."""
    values = {*draft.counts.values(), *([draft.lower_bound] if draft.lower_bound is not None else [])}
    values |= {v for part in draft.breakdown.values() for v in part.values()}
    for strike in expected:
        labeled = {v for c in _COUNTS if isinstance(v := strike.get(c), int)}
        kind_ok = draft.kind in (None, "targets", strike.get("weapon"))
        side_ok = draft.attacker is None or strike.get("attacker") == draft.attacker
        part = bool(draft.places) and bool(labeled) and max(values, default=0) < max(labeled)
        if kind_ok and side_ok and (values & labeled or part):
            return True
    return False


def examples(cases: Iterable[Case]) -> list[Example]:
    """Every draft the grammar reads in the cases with labeled strikes, period totals included."""
    found: list[Example] = []
    for case in cases:
        if case.strikes is None:
            continue
        expected = case.strikes
        seen: list[tuple[Draft, list[str], bool]] = []

        def note(draft: Draft, features: list[str], gated: bool, seen: list[Any] = seen) -> None:
            seen.append((draft, features, gated))

        sentences = sentences_of(Article(item_id=case.id, title=case.title, text=case.text))
        find_strikes(sentences, scorer=None, observe=note)
        found.extend(Example(case.id, tuple(f), _is_labeled(d, expected), g) for d, f, g in seen)
    return found


def fit(
    data: list[Example], *, l2: float = 5.0, steps: int = 1500, rate: float = 0.5, threshold: float = 0.5
) -> Scorer:
    """Logistic regression by full-batch gradient descent over binary features."""
    names = sorted({f for e in data for f in e.features} - {"bias:on"})
    index = {name: k for k, name in enumerate(names)}
    x = np.zeros((len(data), len(names)), dtype=np.float64)
    for row, example in enumerate(data):
        for name in example.features:
            if name in index:
                x[row, index[name]] = 1.0
    y = np.array([1.0 if e.single else 0.0 for e in data])
    w = np.zeros(len(names))
    b = 0.0
    n = max(1, len(data))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        err = p - y
        w -= rate * (x.T @ err / n + l2 * w / n)
        b -= rate * float(err.mean())
    weights = {name: round(float(v), 4) for name, v in zip(names, w, strict=True) if abs(v) >= 1e-3}
    return Scorer(MappingProxyType(weights), round(b, 4), threshold)


def save(scorer: Scorer, path: Path) -> None:
    """Write the scorer as the JSON that load_scorer reads."""
    weights = dict(sorted(scorer.weights.items()))
    data = {"bias": scorer.bias, "threshold": scorer.threshold, "weights": weights}
    path.write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")


def extractor_with(scorer: Scorer | None) -> Any:
    """An extract() that uses ``scorer`` for strikes (None: the grammar alone)."""

    def run(article: Article) -> Facts:
        sentences = sentences_of(article)
        if not sentences:
            return Facts()
        return Facts(
            strikes=find_strikes(sentences, scorer=scorer),
            troops=find_troops(sentences),
            weapons=find_weapons(sentences),
            casualties=find_casualties(sentences),
        )

    return run
