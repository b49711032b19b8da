"""The pipeline, written down once: sources -> extract -> rules -> state -> outbox -> sinks."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from monitor.extract import extract
from monitor.models import Alert, Article, Decision, Facts, Item, Match
from monitor.models.item import stable_id
from monitor.outbox.worker import DeliveryWorker
from monitor.rules.engine import evaluate
from monitor.rules.ruleset import RuleSet
from monitor.state.store import StateStore

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Outcome:
    """What happened to one item: its facts, each match and the decision taken on it."""

    item: Item
    facts: Facts
    decisions: list[tuple[Match, Decision]] = field(default_factory=list)


@dataclass
class Tally:
    """Counters for the summary line and metrics."""

    read: int = 0
    new: int = 0
    fired: int = 0
    suppressed: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        for _, decision in outcome.decisions:
            self.reasons[decision.reason] += 1
            if decision.fire:
                self.fired += 1
            elif decision.reason in {"seen", "cooldown"}:
                self.suppressed += 1


def build_alert(match: Match, item: Item, fired_at: datetime) -> Alert:
    """The alert a match becomes if the state stage lets it fire."""
    return Alert(
        alert_id=stable_id("alert", match.rule_id, match.dedup_key, item.id),
        rule=match.rule_id,
        severity=match.severity,
        title=match.title,
        reason="first",
        dedup_key=match.dedup_key,
        fired_at=fired_at,
        item=item.ref(),
        fact=match.fact,
    )


class Pipeline:
    """Runs items through extraction, rules and the state stage; alerts land in the outbox."""

    def __init__(self, rules: RuleSet, store: StateStore, clock: Clock = utc_now) -> None:
        self.rules = rules
        self.store = store
        self.clock = clock
        self.tally = Tally()

    def process(self, items: Sequence[Item]) -> list[Outcome]:
        """Process the items not seen before (one round trip decides which), then mark them seen."""
        self.tally.read += len(items)
        unseen = self.store.unseen(item.id for item in items)
        fresh = [item for item in items if item.id in unseen]
        outcomes = [self.process_item(item) for item in fresh]
        if fresh:
            self.store.mark_seen(item.id for item in fresh)
        self.tally.new += len(fresh)
        for outcome in outcomes:
            self.tally.add(outcome)
        return outcomes

    def process_item(self, item: Item) -> Outcome:
        """Extract, match and decide one item (no seen check)."""
        facts = extract(Article.from_item(item))
        outcome = Outcome(item, facts)
        for match in evaluate(self.rules, item, facts):
            alert = build_alert(match, item, self.clock())
            decision = self.store.decide(match, alert.alert_id, alert.model_dump_json(), match.realert_s)
            outcome.decisions.append((match, decision))
            log.debug("rule %s on item %s: %s", match.rule_id, item.id, decision.reason)
        return outcome


async def deliver(worker: DeliveryWorker) -> None:
    """Drain the outbox into the sinks (claim, send, confirm, acknowledge)."""
    await worker.drain()
