"""Where the count-role drafter revises the grammar's strikes: a count told place by place with
no total becomes the sum of the places' shares, a strike with a launch but no outcome takes the
outcome the drafter reads beside it, a weapon kind the grammar counted nowhere is added when the
drafter is sure of its count, and a count the drafter is sure is no attack's is dropped. Each
revision leaves its reason in the strike's ``single_attack`` provenance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitor.extract.cues import Cue
from monitor.extract.document import Sentence
from monitor.extract.drafter import SHIPPED_DRAFTER, Drafter, Reading, Scene, read_number, scene_of
from monitor.extract.lexicon import ROLE_PHRASES
from monitor.models.facts import Strike

_SIZE = ("launched", "neutralized", "shot_down", "suppressed")
#: Above 1: never.
OFF = 2.0


@dataclass(frozen=True, slots=True)
class Policy:
    """How sure the drafter must be before each revision (a probability; OFF turns it off)."""

    sum_at: float = 0.6
    outcome_at: float = 0.5
    add_at: float = OFF
    drop_at: float = OFF


#: First words of the vocabulary's outcome phrases ('shot down', 'intercepted', 'lost'): a
#: sentence without one tells no outcome for the drafter to read.
_OUTCOME_WORDS = frozenset(
    phrase[0] for phrase, role in ROLE_PHRASES.items() if role not in ("launched", "block")
)
#: The thresholds scripts/train_drafter.py reports by default.
DEFAULT_POLICY = Policy()


class _Readings:
    """The drafter's readings of an article's numbers, each sentence read once, on demand."""

    def __init__(self, drafter: Drafter, sentences: Sequence[Sentence]) -> None:
        self.drafter = drafter
        self._all = sentences
        self._counted: list[Sentence] | None = None
        self._done: dict[tuple[int, int], Reading] = {}
        self._scenes: dict[int, Scene] = {}

    @property
    def sentences(self) -> list[Sentence]:
        """The article's strike sentences that hold a number."""
        if self._counted is None:
            self._counted = [s for s in self._all if s.cues & Cue.STRIKE and s.quantities]
        return self._counted

    def number(self, sentence: Sentence, k: int) -> Reading:
        """The reading of the k-th number of ``sentence``."""
        key = (sentence.index, k)
        if key not in self._done:
            scene = self._scenes.get(sentence.index)
            if scene is None:
                scene = self._scenes[sentence.index] = scene_of(sentence)
            self._done[key] = read_number(self.drafter, scene, k)
        return self._done[key]

    def of(self, sentence: Sentence) -> list[Reading]:
        """The readings of every number of ``sentence``."""
        return [self.number(sentence, k) for k in range(len(sentence.quantities))]

    def told(self, strike: Strike) -> list[Sentence]:
        """The sentences a strike was read from."""
        return [s for s in self.sentences if s.text in strike.evidence]


def _main(strike: Strike) -> tuple[str, int] | None:
    return next(((slot, v) for slot in _SIZE if (v := getattr(strike, slot)) is not None), None)


def _shares(readings: list[Reading], weapon: str, at: float) -> list[Reading]:
    """The confident sub-counts of one weapon kind (a bare share takes the kind before it:
    'one UAV over Bryansk, four over Krasnodar')."""
    shares: list[Reading] = []
    kind: str | None = None
    for r in readings:
        kind = r.kind or kind
        if r.role == "sub" and r.probability >= at and r.value and kind in (None, weapon):
            shares.append(r)
    return shares


def _why(readings: Sequence[Reading], drafter: Drafter) -> str:
    return "drafter: " + "; ".join(r.text(drafter) for r in readings[:2])


def _summed(strike: Strike, readings: list[Reading], policy: Policy, drafter: Drafter) -> Strike | None:
    """The strike with its count replaced by the sum of all shares, when its count is one share
    or a run of them and the sentence states no total."""
    main = _main(strike)
    shares = _shares(readings, strike.weapon, policy.sum_at)
    if main is None or len(shares) < 2:
        return None
    values = [r.value or 0 for r in shares]
    total, current = sum(values), main[1]
    runs = {sum(values[i:j]) for i in range(len(values)) for j in range(i + 1, len(values) + 1)}
    stated = {r.value for r in readings if r.role != "sub"}
    if current >= total or current not in runs or total in stated:
        return None
    update: dict[str, object] = {s: total for s in _SIZE if getattr(strike, s) == current}
    update["single_attack"] = f"{_why(shares, drafter)} (sum {'+'.join(map(str, values))}={total})"
    return strike.model_copy(update=update)


def _sure(readings: list[Reading], role: str, strike: Strike, at: float) -> list[Reading]:
    launched = strike.launched or 0
    return [
        r
        for r in readings
        if r.role == role and r.probability >= at and r.value is not None
        if r.value <= launched and r.kind in (None, strike.weapon)
    ]


def _with_outcome(
    strike: Strike, readings: list[Reading], values: set[int], policy: Policy, drafter: Drafter
) -> Strike | None:
    """A launch with no outcome takes the one number beside it read as downed, and the one read
    as suppressed if there is one; the total put out of action only when no other number of the
    launch's size (``values``: the sentences' numbers up to the launch) is left unread ('shot down
    64 and another 62 failed to reach their targets': 62 may be lost too)."""
    launched = strike.launched
    if launched is None or strike.shot_down is not None or strike.neutralized is not None:
        return None
    downed = _sure(readings, "downed", strike, policy.outcome_at)
    if len(downed) != 1 or downed[0].value is None:
        return None
    shot = downed[0].value
    lost = _sure(readings, "suppressed", strike, policy.outcome_at) if strike.suppressed is None else []
    suppressed = strike.suppressed
    if len(lost) == 1 and shot + (lost[0].value or 0) <= launched:
        suppressed = lost[0].value
    update: dict[str, object] = {"shot_down": shot, "suppressed": suppressed}
    if not values - {launched, shot, suppressed}:
        update["neutralized"] = shot + (suppressed or 0)
    update["single_attack"] = _why(downed + lost, drafter)
    return strike.model_copy(update=update)


def _dropped(strike: Strike, readings: list[Reading], policy: Policy) -> bool:
    """A count the drafter is sure is a period total, a casualty or a date."""
    main = _main(strike)
    value = main[1] if main is not None else None  # a vague count ('dozens of') reads as None
    mine = [r for r in readings if r.value == value]
    return bool(mine) and all(
        r.role in ("none", "previous") and r.probability >= policy.drop_at for r in mine
    )


def _added(strikes: list[Strike], readings: _Readings, policy: Policy) -> list[Strike]:
    """Strikes of a weapon kind the grammar counted nowhere in the article, from numbers the
    drafter is sure are one attack's launch or outcome, on the side the article's strikes name."""
    sides = {s.attacker for s in strikes}
    attacker = sides.pop() if len(sides) == 1 else None
    if attacker is None:
        return []
    kinds: set[str] = {s.weapon for s in strikes}
    used = {v for s in strikes for slot in _SIZE if (v := getattr(s, slot)) is not None}
    added: list[Strike] = []
    for sentence in readings.sentences:
        for r in readings.of(sentence):
            if r.kind is None or r.kind in kinds or r.value is None or r.value in used:
                continue
            if r.role in ("launched", "downed") and r.probability >= policy.add_at:
                slot = {"launched": "launched", "downed": "shot_down"}[r.role]
                counts: dict[str, int] = {slot: r.value}
                if slot == "shot_down":
                    counts["neutralized"] = r.value
                first = strikes[0]
                added.append(
                    Strike.model_validate(
                        {
                            "weapon": r.kind,
                            **counts,
                            "attacker": attacker,
                            "target": first.target,
                            "evidence": sentence.text[:800],
                            "theatre": first.theatre,
                            "single_attack": _why([r], readings.drafter),
                        }
                    )
                )
                kinds.add(r.kind)
    return added


def _revised(strike: Strike, readings: _Readings, policy: Policy) -> Strike | None:
    """One strike after the drop, the sum and the outcome (None: dropped). Sentences are read
    only for a revision that may apply, so most strikes cost one membership test."""
    drop = policy.drop_at <= 1
    outcome = strike.launched is not None and strike.shot_down is None and strike.neutralized is None
    summed = len(strike.places) > 1
    if not (drop or outcome or summed):
        return strike
    told = readings.told(strike)
    if drop and _dropped(strike, [r for s in told for r in readings.of(s)], policy):
        return None
    if summed:
        for sentence in (s for s in told if len(s.quantities) > 1):
            strike = _summed(strike, readings.of(sentence), policy, readings.drafter) or strike
    # an outcome told beside the launch's count, with an outcome word
    beside = [s for s in told if len(s.quantities) > 1 and not _OUTCOME_WORDS.isdisjoint(s.tokens.low)]
    if outcome and beside:
        launched = strike.launched or 0
        found = [  # only a number below the launch can be its outcome
            readings.number(s, k)
            for s in beside
            for k, q in enumerate(s.quantities)
            if q.value is not None and q.value < launched
        ]
        others = {
            q.value for s in beside for q in s.quantities if q.value is not None and q.value <= launched
        }
        strike = _with_outcome(strike, found, others, policy, readings.drafter) or strike
    return strike


def revise(
    strikes: Sequence[Strike],
    sentences: Sequence[Sentence],
    drafter: Drafter,
    policy: Policy = DEFAULT_POLICY,
) -> tuple[Strike, ...]:
    """The article's strikes after the drafter's revisions (``sentences``: the article's)."""
    readings = _Readings(drafter, sentences)
    kept = [s for strike in strikes if (s := _revised(strike, readings, policy)) is not None]
    return (*kept, *_added(kept, readings, policy)) if kept and policy.add_at <= 1 else tuple(kept)


def count_roles(sentences: Sequence[Sentence], drafter: Drafter = SHIPPED_DRAFTER) -> list[str]:
    """The drafter's reading of every number of the strike sentences, for explain:
    'sentence 1: 27 sub p=0.62: place_after +0.76, nq:3 +0.59, list +0.55'."""
    readings = _Readings(drafter, sentences)
    return [f"sentence {s.index}: {r.text(drafter)}" for s in readings.sentences for r in readings.of(s)]
