"""The single-attack scorer: a logistic regression that reads the words around a strike draft's
count and says whether the count is one attack's figure, with the features behind the verdict."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from monitor.extract.drafts import Draft
from monitor.extract.numbers import Quantity

#: The shipped weights, written by scripts/train_scorer.py from the dev cases.
MODEL_PATH = Path(__file__).with_name("model") / "single_attack.json"
#: How many words each side of the count the scorer reads as 'near': most of a sentence (4, 8,
#: 12 and 20 were tried; 20 lost nothing on any held-out group at any threshold tried).
WINDOW = 20
#: How many features a verdict names (largest contributions first).
REASONS = 4
_ROLE_ORDER = ("launched", "neutralized", "shot_down", "suppressed")


@dataclass(frozen=True, slots=True)
class Verdict:
    """The probability that a draft's count is one attack's, and the features that weighed most."""

    probability: float
    keep: bool
    reasons: tuple[tuple[str, float], ...]

    def text(self) -> str:
        """'p=0.93: near:overnight +1.21, near:week -0.84' for provenance and explain output."""
        named = ", ".join(f"{name} {weight:+.2f}" for name, weight in self.reasons)
        return f"p={self.probability:.2f}: {named}" if named else f"p={self.probability:.2f}"


@dataclass(frozen=True, slots=True)
class Scorer:
    """Weights by feature name, a bias and the probability below which a draft is dropped."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    def verdict(self, features: Iterable[str]) -> Verdict:
        contributions = [(name, w) for name in dict.fromkeys(features) if (w := self.weights.get(name))]
        z = self.bias + sum(w for _, w in contributions)
        probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        top = sorted(contributions, key=lambda c: -abs(c[1]))[:REASONS]
        return Verdict(probability, probability >= self.threshold, tuple(top))


def load_scorer(path: Path = MODEL_PATH) -> Scorer:
    """The scorer saved at ``path`` (JSON: bias, threshold, weights)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = {str(k): float(v) for k, v in dict(data["weights"]).items()}
    return Scorer(MappingProxyType(weights), float(data["bias"]), float(data["threshold"]))


def _count_at(draft: Draft, quantities: Sequence[Quantity]) -> Quantity | None:
    """The quantity the draft's main figure was read from."""
    values: list[int | None] = [draft.counts[r] for r in _ROLE_ORDER if r in draft.counts]
    values = values or [draft.lower_bound]
    for value in values:
        for q in quantities:
            if value is not None and value in (q.value, q.lower_bound):
                return q
    return None


def _magnitude(draft: Draft) -> str:
    value = max(draft.counts.values(), default=draft.lower_bound or 0)
    return f"mag:{len(str(value))}"


def draft_features(
    draft: Draft, low: Sequence[str], quantities: Sequence[Quantity], drafts_in_sentence: int
) -> list[str]:
    """What the scorer reads: the words near the count, the count's size and role, its kind,
    hedge and side, and whether the sentence is the headline."""
    q = _count_at(draft, quantities)
    start, end = (q.start, q.end) if q is not None else (len(low), len(low))
    near = {*low[max(0, start - WINDOW) : start], *low[end : end + WINDOW]}
    role = next((r for r in _ROLE_ORDER if r in draft.counts), "vague")
    features = ["bias:on", _magnitude(draft), f"role:{role}", f"kind:{draft.kind}"]
    features += [f"near:{w}" for w in near if w.isalpha()]
    if draft.qualifier is not None:
        features.append(f"hedge:{draft.qualifier}")
    if draft.attacker is None:
        features.append("side:none")
    if draft.sentence == 0:
        features.append("headline")
    if draft.time_ref is not None:
        features.append("timed")
    if drafts_in_sentence > 2:
        features.append("kinds:many")
    return features


#: The scorer every extraction uses unless it is handed another one.
SHIPPED = load_scorer()
