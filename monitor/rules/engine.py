"""The rules engine: pure. Item and facts in, matches out; state questions are returned, not asked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from monitor.models import Facts, Item, Match, StateCheck
from monitor.rules.compiled import CompiledRule
from monitor.rules.keywords import normalize
from monitor.rules.predicates import check_field
from monitor.rules.ruleset import RuleSet

_FACT_ATTR = {
    "strike": "strikes",
    "troops": "troops",
    "weapon": "weapons",
    "casualty": "casualties",
}


def evaluate(ruleset: RuleSet, item: Item, facts: Facts) -> list[Match]:
    """Every (rule, fact) pair whose conditions hold, in rule order then fact order."""
    words = ruleset.index.found(normalize(f"{item.title}\n{item.text}"))
    matches: list[Match] = []
    for compiled in ruleset.enabled:
        if not (_source_ok(compiled, item) and _keywords_ok(compiled, words)):
            continue
        for fact in _facts_for(compiled, facts):
            match = _match(compiled, item, fact)
            if match is not None:
                matches.append(match)
    return matches


def _source_ok(compiled: CompiledRule, item: Item) -> bool:
    sources = compiled.rule.sources
    if sources is None:
        return True
    names = {item.source.casefold(), *(t.casefold() for t in item.tags)}
    if sources.include and not names & {s.casefold() for s in sources.include}:
        return False
    return not names & {s.casefold() for s in sources.exclude}


def _keywords_ok(compiled: CompiledRule, words: frozenset[str]) -> bool:
    if compiled.any_words and not compiled.any_words & words:
        return False
    if not compiled.all_words <= words:
        return False
    return not compiled.none_words & words


def _facts_for(compiled: CompiledRule, facts: Facts) -> Iterator[dict[str, Any]]:
    kind = compiled.rule.fact
    if kind == "item":
        yield {}
        return
    for fact in getattr(facts, _FACT_ATTR[kind]):
        yield fact.model_dump(mode="json")


def _match(compiled: CompiledRule, item: Item, fact: dict[str, Any]) -> Match | None:
    rule = compiled.rule
    if not all(check_field(fact.get(name), test) for name, test in rule.where.items()):
        return None
    context = {"fact": fact, "item": {**item.ref(), "tags": list(item.tags)}, "rule": rule}
    check: StateCheck | None = None
    if rule.threshold is not None:
        spec = rule.threshold
        value = fact.get(spec.field)
        if not _passes_threshold(value, spec.gte, spec.gt, spec.lte, spec.lt):
            return None
    elif rule.record is not None:
        value = fact.get(rule.record.field)
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        claim = bool(fact.get(rule.record.claim_field)) if rule.record.claim_field else False
        group = _render_group(compiled, context)
        check = StateCheck(kind="record", group=group, value=value, claim=claim)
    elif rule.new_term is not None:
        term = fact.get(rule.new_term.field)
        if term in (None, ""):
            return None
        group = _render_group(compiled, context)
        check = StateCheck(kind="new_term", group=group, term=normalize(str(term)))
    return Match(
        rule_id=rule.id,
        item_id=item.id,
        title=compiled.title.render(context),
        severity=rule.severity,
        realert_s=rule.realert,
        fact_kind=rule.fact,
        fact=fact,
        dedup_key=compiled.dedup_key.render(context),
        check=check,
    )


def _render_group(compiled: CompiledRule, context: dict[str, Any]) -> str:
    return compiled.group.render(context) if compiled.group is not None else "all"


def _passes_threshold(
    value: Any, gte: float | None, gt: float | None, lte: float | None, lt: float | None
) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return (
        (gte is None or value >= gte)
        and (gt is None or value > gt)
        and (lte is None or value <= lte)
        and (lt is None or value < lt)
    )
