"""The count-role drafter: a multinomial logistic regression that reads the words around each
number of a strike sentence and says what the number counts (launched, downed, suppressed, a
previous record, a regional sub-count, or none of an attack's figures), with the features
behind each reading."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from monitor.extract.lexicon import WEAPON_NOUNS
from monitor.extract.numbers import Quantity

#: The shipped weights, written by scripts/train_drafter.py from the dev cases.
MODEL_PATH = Path(__file__).with_name("model") / "count_roles.json"
#: What a number may count. 'sub' is one place's share of an attack told place by place
#: ('six over the Oryol region'); 'none' is anything else (period totals, casualties, dates).
ROLES = ("launched", "downed", "suppressed", "previous", "sub", "none")
#: How many words each side of the number the drafter reads as near.
WINDOW = 6
#: How far after a number its weapon noun may be ('40 Shahed-type attack drones').
KIND_REACH = 5
#: How many features a reading names (largest contributions to the chosen role first).
REASONS = 3
#: How close a place or the next number must stand to count as this number's.
PLACE_REACH = 6
LIST_REACH = 9


@dataclass(frozen=True, slots=True)
class Reading:
    """One number's most likely role, its probability, the weapon kind near it and the features
    it was read from."""

    value: int | None
    role: str
    probability: float
    kind: str | None
    features: tuple[str, ...]

    def text(self, drafter: Drafter) -> str:
        """'sub p=0.91: place_after +0.76, r:over +0.55' for provenance and explain output."""
        named = ", ".join(f"{name} {w:+.2f}" for name, w in drafter.reasons(self.features, self.role))
        head = f"{self.value} {self.role} p={self.probability:.2f}"
        return f"{head}: {named}" if named else head


@dataclass(frozen=True, slots=True)
class Drafter:
    """Per-role weights by feature name, per-role biases."""

    weights: Mapping[str, tuple[float, ...]]
    bias: tuple[float, ...]

    def scores(self, features: Sequence[str]) -> list[float]:
        """Each role's score (log-odds up to a constant) for one number's features."""
        found = [w for w in map(self.weights.get, features) if w is not None]
        if not found:
            return list(self.bias)
        return [b + sum(column) for b, column in zip(self.bias, zip(*found, strict=True), strict=True)]

    def read(self, features: Sequence[str]) -> tuple[str, float]:
        """The role the features make most likely and its probability."""
        z = self.scores(features)
        top = max(range(len(z)), key=z.__getitem__)
        peak = z[top]
        return ROLES[top], 1.0 / sum(math.exp(max(-60.0, v - peak)) for v in z)

    def reasons(self, features: Sequence[str], role: str) -> tuple[tuple[str, float], ...]:
        """The features that weigh most for ``role`` (largest contributions first)."""
        k = ROLES.index(role)
        found = {name: w[k] for name in features if (w := self.weights.get(name)) is not None and w[k]}
        return tuple(sorted(found.items(), key=lambda c: -abs(c[1]))[:REASONS])


def load_drafter(path: Path = MODEL_PATH) -> Drafter:
    """The drafter saved at ``path`` (JSON: roles, bias, weights by feature)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["roles"]) != ROLES:
        raise ValueError(f"{path}: roles {data['roles']} are not {ROLES}")
    weights = {str(k): tuple(float(x) for x in v) for k, v in dict(data["weights"]).items()}
    return Drafter(MappingProxyType(weights), tuple(float(b) for b in data["bias"]))


def kind_after(low: Sequence[str], end: int) -> str | None:
    """The weapon kind of the first weapon noun right after a number, if any."""
    return next(filter(None, map(WEAPON_NOUNS.get, low[end : end + KIND_REACH])), None)


def _bucket(value: int | None) -> str:
    if value is None:
        return "mag:vague"
    return "mag:one" if value == 1 else f"mag:{min(len(str(value)), 4)}"


def number_features(
    low: Sequence[str], quantities: Sequence[Quantity], k: int, headline: bool, places: Sequence[int]
) -> list[str]:
    """What the drafter reads about the k-th number: the words next to it and near it, its size
    and hedge, the weapon noun after it, where it stands among the sentence's numbers, and
    whether a place (``places``: their start tokens) or another number stands close by."""
    q = quantities[k]
    start, end = q.start, q.end
    features = [_bucket(q.value), f"kind:{kind_after(low, end)}", f"nq:{min(len(quantities), 3)}"]
    if any(end <= p < end + PLACE_REACH for p in places):
        features.append("place_after")
    if any(start - PLACE_REACH <= p < start for p in places):
        features.append("place_before")
    if k + 1 < len(quantities) and quantities[k + 1].start - end < LIST_REACH:
        features.append("list_next")
    if k > 0 and start - quantities[k - 1].end < LIST_REACH:
        features.append("list_prev")
    features += [f"L1:{low[start - 1] if start else '^'}", f"R1:{low[end] if end < len(low) else '$'}"]
    if start > 1:
        features.append(f"L2:{low[start - 2]} {low[start - 1]}")
    if end + 1 < len(low):
        features.append(f"R2:{low[end]} {low[end + 1]}")
    features += [f"l:{w}" for w in low[max(0, start - WINDOW) : start] if w.isalpha()]
    features += [f"r:{w}" for w in low[end : end + WINDOW] if w.isalpha()]
    if q.qualifier is not None:
        features.append("hedged")
    if k == 0:
        features.append("first")
    if headline:
        features.append("headline")
    return features


def read_number(
    drafter: Drafter,
    low: Sequence[str],
    quantities: Sequence[Quantity],
    k: int,
    headline: bool,
    places: Sequence[int],
) -> Reading:
    """The drafter's reading of the k-th number of one sentence, with the features behind it."""
    q = quantities[k]
    features = tuple(number_features(low, quantities, k, headline, places))
    role, p = drafter.read(features)
    return Reading(q.value, role, p, kind_after(low, q.end), features)


#: The drafter every extraction uses unless it is handed another one.
SHIPPED_DRAFTER = load_drafter() if MODEL_PATH.exists() else Drafter(MappingProxyType({}), (0.0,) * len(ROLES))
