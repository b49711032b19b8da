"""Fitting the count-role drafter: every number of the labeled cases' strike sentences, labeled
by matching it against the case's expected strikes, fitted by L2-regularised softmax regression."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from monitor.extract.cases import Case
from monitor.extract.cues import Cue
from monitor.extract.document import sentences_of
from monitor.extract.drafter import ROLES, Drafter, number_features, scene_of
from monitor.models.item import Article

#: Which labeled figure gives which role (first match wins).
_ROLE_OF = (
    ("launched", ("launched", "lower_bound")),
    ("downed", ("shot_down", "neutralized")),
    ("suppressed", ("suppressed",)),
    ("previous", ("previous_record",)),
)


@dataclass(frozen=True, slots=True)
class Example:
    """One number of one strike sentence, its features and the role its case's labels give it."""

    case: str
    features: tuple[str, ...]
    role: str


def _figures(strikes: list[dict[str, Any]]) -> dict[str, set[int]]:
    figures: dict[str, set[int]] = {}
    for role, slots in _ROLE_OF:
        figures[role] = {v for s in strikes for slot in slots if isinstance(v := s.get(slot), int)}
    return figures


def _sums_to(values: Sequence[int], targets: set[int]) -> set[int]:
    """Positions of the runs of two or more values (in order) whose sum is a target."""
    found: set[int] = set()
    for i in range(len(values)):
        total = values[i]
        for j in range(i + 1, len(values)):
            total += values[j]
            if total in targets:
                found.update(range(i, j + 1))
    return found


def sentence_roles(values: Sequence[int | None], strikes: list[dict[str, Any]]) -> list[str]:
    """The role of each number of a sentence under the case's expected strikes: the figure it
    equals, or 'sub' when it is one of a run of unmatched numbers that add up to a figure."""
    figures = _figures(strikes)
    roles = [next((r for r, vs in figures.items() if v in vs), "none") for v in values]
    loose = [k for k, role in enumerate(roles) if role == "none" and values[k] is not None]
    every = set().union(*figures.values())
    for pos in _sums_to([values[k] or 0 for k in loose], every):
        roles[loose[pos]] = "sub"
    return roles


def examples(cases: Iterable[Case]) -> list[Example]:
    """Every number of every strike sentence of the cases whose strikes are labeled."""
    found: list[Example] = []
    for case in cases:
        if case.strikes is None:
            continue
        article = Article(item_id=case.id, title=case.title, text=case.text)
        for sentence in sentences_of(article):
            quantities = sentence.quantities
            if not sentence.cues & Cue.STRIKE or not quantities:
                continue
            roles = sentence_roles([q.value for q in quantities], case.strikes)
            scene = scene_of(sentence)
            for k, role in enumerate(roles):
                feats = number_features(scene, k)
                found.append(Example(case.id, tuple(feats), role))
    return found


def fit(data: list[Example], *, l2: float = 0.3, steps: int = 2000, rate: float = 1.0) -> Drafter:
    """Softmax regression over binary features by full-batch gradient descent (deterministic:
    features in sorted order, zero start, no sampling)."""
    names = sorted({f for e in data for f in e.features})
    index = {name: k for k, name in enumerate(names)}
    rows = [sorted({index[f] for f in e.features}) for e in data]
    flat = np.array([i for r in rows for i in r], dtype=np.int64)
    owner = np.array([n for n, r in enumerate(rows) for _ in r], dtype=np.int64)
    y = np.zeros((len(data), len(ROLES)))
    y[np.arange(len(data)), [ROLES.index(e.role) for e in data]] = 1.0
    w = np.zeros((len(names), len(ROLES)))
    b = np.zeros(len(ROLES))
    n = max(1, len(data))
    for _ in range(steps):
        z = np.zeros((len(data), len(ROLES)))
        np.add.at(z, owner, w[flat])
        z += b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        err = p - y
        grad = np.zeros_like(w)
        np.add.at(grad, flat, err[owner])
        w -= rate * (grad / n + l2 * w / n)
        b -= rate * err.mean(axis=0)
    weights = {
        name: tuple(round(float(v), 3) for v in w[k])
        for name, k in index.items()
        if float(np.abs(w[k]).max()) >= 5e-3
    }
    return Drafter(MappingProxyType(weights), tuple(round(float(v), 3) for v in b))


def save(drafter: Drafter, path: Path) -> None:
    """Write the drafter as the JSON that load_drafter reads."""
    data = {
        "roles": list(ROLES),
        "bias": list(drafter.bias),
        "weights": {k: list(v) for k, v in sorted(drafter.weights.items())},
    }
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
