"""Alert precision and recall of the shipped rules on labeled cases, each article alone on empty state."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import redis

from monitor.assembly import assemble
from monitor.clock import FixedClock
from monitor.extract.cases import Case
from monitor.extract.evaluation import SlotScore
from monitor.models import Decision, Item, Match
from monitor.models.item import stable_id
from monitor.pipeline import Extractor, default_extractor
from monitor.rules.ruleset import RuleSet
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace
from monitor.tools.examples import EXAMPLE_TIME

#: Rules every labeled case is scored on, named in LABELING.md; rules named in labels are added.
SHIPPED_ALERTS = ("record-drone-attack", "mass-drone-attack", "foreign-troops-new", "new-strategic-weapon")
_FIRED = {"first", "aggregated", "held"}


def alerted(decisions: Sequence[tuple[Match, Decision]]) -> set[str]:
    """The rules an analyst is alerted by on one item: those that fired, and those inhibited by
    a match of the same item that fired, since its one message lists them ("Also matched: ...",
    pipeline.build_alert): a record night's mass alert reaches the analyst inside the record's
    message. A case is scored alone on empty state, so an inhibition can only come from its
    own item."""
    fired = {m.rule_id for m, d in decisions if d.reason in _FIRED}
    if not fired:
        return set()
    return fired | {m.rule_id for m, d in decisions if d.reason == "inhibited"}


@dataclass(frozen=True)
class AlertMiss:
    """A rule that fired where it should not have, or stayed silent where it should have fired."""

    case: str
    rule_id: str
    expected: bool
    classes: tuple[str, ...]

    def __str__(self) -> str:
        wrong = "did not fire" if self.expected else "fired"
        return f"{self.case}  {self.rule_id}: {wrong} [{', '.join(self.classes) or 'no class'}]"


@dataclass(frozen=True)
class AlertReport:
    """Per-rule scores over the cases that label their alerts, and each wrong verdict."""

    cases: int
    rules: tuple[SlotScore, ...]
    misses: tuple[AlertMiss, ...]


def _scored_rules(ruleset: RuleSet, cases: Iterable[Case]) -> list[str]:
    named = {rule for case in cases for rule in case.alerts or ()}
    known = {compiled.rule.id for compiled in ruleset.rules}
    return sorted((set(SHIPPED_ALERTS) | named) & known)


class CaseAlerts:
    """Plays each case's article through the real rules in a namespace of its own, deleted after."""

    def __init__(
        self, client: redis.Redis, ruleset: RuleSet, extractor: Extractor = default_extractor
    ) -> None:
        self.client = client
        self.ruleset = ruleset
        self.extractor = extractor

    def fired(self, case: Case) -> set[str]:
        """Ids of the rules that alert on this case's article, seen first by an empty monitor."""
        state = Namespace(self.client, Keys(f"eval-{uuid.uuid4().hex[:12]}"))
        item = Item(
            id=stable_id("eval", case.title, case.text),
            source=case.source_kind or "eval",
            title=case.title,
            text=case.text,
            published=EXAMPLE_TIME,
        )
        parts = assemble(state, self.ruleset, clock=FixedClock(EXAMPLE_TIME), extractor=self.extractor)
        try:
            outcomes = parts.pipeline.process([item])
        finally:
            parts.close()
            parts.store.reset()
        return {rule for outcome in outcomes for rule in alerted(outcome.decisions)}

    def score(self, cases: list[Case]) -> AlertReport:
        labeled = [case for case in cases if case.alerts is not None]
        rules = _scored_rules(self.ruleset, labeled)
        scores = {rule: SlotScore(slot=rule) for rule in rules}
        misses: list[AlertMiss] = []
        for case in labeled:
            fired = self.fired(case)
            wanted = set(case.alerts or ())
            for rule in rules:
                expected, happened = rule in wanted, rule in fired
                scores[rule].count(expected, happened, expected == happened)
                if expected != happened:
                    misses.append(AlertMiss(case.id, rule, expected, case.classes))
        return AlertReport(len(labeled), tuple(scores.values()), tuple(misses))
