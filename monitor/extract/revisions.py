"""Where the count-role drafter revises the grammar's merged drafts: a count told place by place
with no total becomes the sum of its places' shares, and a count the drafter confidently reads as
no attack's figure is dropped. Each revision leaves its reason in the draft's verdict."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitor.extract.cues import Cue
from monitor.extract.document import Sentence
from monitor.extract.drafter import SHIPPED_DRAFTER, Drafter, Reading, read_number
from monitor.extract.drafts import Draft

_MAIN = ("launched", "shot_down", "neutralized", "suppressed")


@dataclass(frozen=True, slots=True)
class Policy:
    """How sure the drafter must be before it sums sub-counts or drops a count (above 1: never)."""

    sum_at: float = 0.6
    drop_at: float = 0.97


class _Readings:
    """The drafter's readings of an article's numbers, each read once, on demand."""

    def __init__(self, drafter: Drafter) -> None:
        self.drafter = drafter
        self._done: dict[tuple[int, int], Reading] = {}

    def of(self, sentence: Sentence, k: int) -> Reading:
        key = (sentence.index, k)
        if key not in self._done:
            places = [place.start for place in sentence.places]
            low, quantities = sentence.tokens.low, sentence.quantities
            self._done[key] = read_number(self.drafter, low, quantities, k, sentence.index == 0, places)
        return self._done[key]

    def all(self, sentence: Sentence) -> list[Reading]:
        return [self.of(sentence, k) for k in range(len(sentence.quantities))]


def _main_role(draft: Draft) -> str | None:
    return next((role for role in _MAIN if role in draft.counts), None)


def _shares(readings: list[Reading], draft: Draft, at: float) -> list[Reading]:
    """The confident sub-counts of the draft's kind (a bare share takes the kind before it:
    'one UAV over Bryansk, four over Krasnodar')."""
    shares: list[Reading] = []
    kind: str | None = None
    for r in readings:
        kind = r.kind or kind
        if r.role == "sub" and r.probability >= at and r.value and kind in (None, draft.kind):
            shares.append(r)
    return shares


def _summed(draft: Draft, readings: list[Reading], policy: Policy, drafter: Drafter) -> bool:
    """Replace a count that is one place's share (or a run of them) by the sum of all shares."""
    role = _main_role(draft)
    shares = _shares(readings, draft, policy.sum_at)
    if role is None or len(shares) < 2 or draft.total:
        return False
    values = [r.value or 0 for r in shares]
    total, current = sum(values), draft.counts[role]
    runs = {sum(values[i:j]) for i in range(len(values)) for j in range(i + 1, len(values) + 1)}
    stated = {r.value for r in readings if r.role != "sub"}
    if current >= total or current not in runs or total in stated:
        return False
    for name, value in list(draft.counts.items()):
        if value == current and name in (role, "neutralized"):
            draft.counts[name] = total
    why = "; ".join(r.text(drafter) for r in shares[:2])
    draft.verdict = f"drafter summed {'+'.join(map(str, values))}={total} ({why})"
    return True


def _dropped(draft: Draft, sentence: Sentence, readings: _Readings, policy: Policy) -> bool:
    """A count the drafter reads as a period total, a casualty or a date with high confidence."""
    role = _main_role(draft)
    if role is None:
        return False
    value = draft.counts[role]
    mine = [readings.of(sentence, k) for k, q in enumerate(sentence.quantities) if q.value == value]
    return bool(mine) and all(r.role in ("none", "previous") and r.probability >= policy.drop_at for r in mine)


def revise(
    drafts: list[Draft], sentences: Sequence[Sentence], drafter: Drafter, policy: Policy = Policy()
) -> list[Draft]:
    """The drafts after the drafter's revisions; ``sentences`` are those the drafts came from."""
    by_text = {s.text: s for s in sentences}
    readings = _Readings(drafter)
    kept: list[Draft] = []
    for draft in drafts:
        told = [by_text[t] for t in draft.evidence if t in by_text and by_text[t].quantities]
        if told and _dropped(draft, told[0], readings, policy):
            continue
        # shares are told place by place: a draft the grammar tied to one place or none has none
        listed = [s for s in told if len(s.quantities) > 1] if len(set(draft.places)) > 1 else []
        for sentence in listed:
            if _summed(draft, readings.all(sentence), policy, drafter):
                break
        kept.append(draft)
    return kept


def count_roles(sentences: Sequence[Sentence], drafter: Drafter = SHIPPED_DRAFTER) -> list[str]:
    """The drafter's reading of every number of the strike sentences, for explain:
    'sentence 1: 27 sub p=0.62: place_after +0.76, nq:3 +0.59, list_next +0.55'."""
    readings = _Readings(drafter)
    return [
        f"sentence {s.index}: {readings.of(s, k).text(drafter)}"
        for s in sentences
        if s.cues & Cue.STRIKE
        for k in range(len(s.quantities))
    ]
