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

from monitor.extract.context import Framing, framing
from monitor.extract.document import Sentence
from monitor.extract.lexicon import WEAPON_NOUNS
from monitor.extract.numbers import Quantity
from monitor.extract.roles import role_spans

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
#: How far a role verb ('shot down', 'launched') may stand from the number it governs.
VERB_REACH = 12


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


@dataclass(frozen=True, slots=True)
class Scene:
    """What the drafter reads of one sentence: its words and numbers, where its places and role
    verbs stand, and how the grammar frames it (period total, earlier attack, time, record)."""

    low: Sequence[str]
    quantities: Sequence[Quantity]
    places: Sequence[int]
    verbs: Sequence[tuple[int, int, str]]
    frame: Framing


def scene_of(sentence: Sentence) -> Scene:
    """The sentence as the drafter reads it (the gazetteer and the framing run here)."""
    tokens = sentence.tokens
    verbs = [(span.start, span.end, span.role) for span in role_spans(tokens.low)]
    places = [place.start for place in sentence.places]
    return Scene(tokens.low, sentence.quantities, places, verbs, framing(tokens))


def _verb_features(scene: Scene, q: Quantity) -> list[str]:
    before = [role for start, end, role in scene.verbs if end <= q.start and q.start - end < VERB_REACH]
    after = [role for start, _, role in scene.verbs if start >= q.end and start - q.end < VERB_REACH]
    return [f"vb:{before[-1] if before else None}", f"va:{after[0] if after else None}"]


def _frame_features(frame: Framing, q: Quantity) -> list[str]:
    features: list[str] = []
    if frame.cumulative:
        features.append("frame:period")
    if (frame.until is not None and q.start >= frame.until) or (
        frame.since is not None and q.start < frame.since
    ):
        features.append("frame:period_clause")
    if q.start in frame.hidden:
        features.append("frame:earlier")
    if frame.previous_record is not None and frame.previous_record == q.value:
        features.append("frame:previous")
    if frame.record:
        features.append("frame:record")
    if frame.time_ref is not None:
        features.append("frame:timed")
    return features


def _after(low: Sequence[str], q: Quantity) -> str:
    return low[q.end] if q.end < len(low) else "$"


def _list_features(scene: Scene, k: int) -> list[str]:
    """A number among others close by, and whether they read alike ('21 over Bryansk, 14 over
    Kursk'): list items share a role."""
    quantities, low = scene.quantities, scene.low
    q = quantities[k]
    features: list[str] = []
    near = [
        n
        for n in (quantities[k - 1] if k else None, quantities[k + 1] if k + 1 < len(quantities) else None)
        if n is not None and min(abs(n.start - q.end), abs(q.start - n.end)) < LIST_REACH
    ]
    if near:
        features.append("list")
    if any(_after(low, n) == _after(low, q) for n in near):
        features.append("list_alike")
        features.append(f"list_alike:{_after(low, q)}")
    return features


def number_features(scene: Scene, k: int) -> list[str]:
    """What the drafter reads about the k-th number: the words next to it and near it, its size
    and hedge, the weapon noun after it, the nearest role verbs, the sentence's framing, where
    it stands among the sentence's numbers, and whether a place stands close by."""
    low, quantities = scene.low, scene.quantities
    q = quantities[k]
    start, end = q.start, q.end
    features = [_bucket(q.value), f"kind:{kind_after(low, end)}", f"nq:{min(len(quantities), 3)}"]
    features += _verb_features(scene, q) + _frame_features(scene.frame, q)
    if any(end <= p < end + PLACE_REACH for p in scene.places):
        features.append("place_after")
    if any(start - PLACE_REACH <= p < start for p in scene.places):
        features.append("place_before")
    features += _list_features(scene, k)
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
    return features


def read_number(drafter: Drafter, scene: Scene, k: int) -> Reading:
    """The drafter's reading of the k-th number of one sentence, with the features behind it."""
    q = scene.quantities[k]
    features = tuple(number_features(scene, k))
    role, p = drafter.read(features)
    return Reading(q.value, role, p, kind_after(scene.low, q.end), features)


#: The drafter every extraction uses unless it is handed another one.
SHIPPED_DRAFTER = (
    load_drafter() if MODEL_PATH.exists() else Drafter(MappingProxyType({}), (0.0,) * len(ROLES))
)
