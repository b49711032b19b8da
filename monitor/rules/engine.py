"""The rules engine: pure. Item and facts in, matches out; state questions are returned, not asked."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from monitor.models import Facts, Item, Match, StateCheck
from monitor.models.kinds import facts_of
from monitor.rules.compiled import CompiledRule
from monitor.rules.conditions import ItemView
from monitor.rules.keywords import normalize
from monitor.rules.ruleset import RuleSet


def item_view(ruleset: RuleSet, item: Item) -> ItemView:
    """The item with the keywords of every rule found in one automaton scan."""
    return ItemView(item, ruleset.index.found(normalize(f"{item.title}\n{item.text}")))


def lone_story(item: Item) -> dict[str, Any]:
    """The story values of an item no joiner placed: a story of its own."""
    return {"story_id": item.id, "story_sources": 1, "story_figures": ""}


def evaluate(
    ruleset: RuleSet,
    item: Item,
    facts: Facts,
    story: Mapping[str, Any] | None = None,
    *,
    render: bool = True,
) -> list[Match]:
    """Every (rule, fact) pair whose conditions hold, in rule order then fact order. Only the
    rules the index files under what a fact offers are tested; each fact is dumped once.
    ``render=False`` leaves title, text and aggregation group empty (the keys and the state
    check are rendered): the pipeline renders them with ``rendered`` only for the matches
    whose state check may let them fire."""
    view = item_view(ruleset, item)
    pairs: list[tuple[int, int, dict[str, Any]]] = []
    for kind, index in ruleset.matcher.kinds.items():
        found = list(facts_of(kind, facts))
        if not found:
            continue
        by_words = index.for_words(view.words)
        for number, fact in enumerate(found):
            pairs.extend((position, number, fact) for position in by_words | index.for_fact(fact))
    pairs.sort(key=lambda pair: pair[:2])
    matches: list[Match] = []
    base = item_context(item, story)
    for position, _, fact in pairs:
        compiled = ruleset.rules[position]
        if compiled.condition.test(view, fact):
            match = build_match(compiled, item, fact, story, render=render, base=base)
            if match is not None:
                matches.append(match)
    return matches


def item_context(item: Item, story: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What every match of an item renders with: the item and its story (story_id,
    story_sources: independent outlets, story_figures: each source's figures side by side).
    Built once per item; the sandbox cannot change it (ImmutableSandboxedEnvironment)."""
    return {"item": {**item.ref(), "tags": list(item.tags)}, **(story or lone_story(item))}


def render_context(
    compiled: CompiledRule,
    item: Item,
    fact: dict[str, Any],
    story: Mapping[str, Any] | None = None,
    base: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The template context: fact, item and story (``base``, from ``item_context``), rule, then
    group, dedup_key and story as they render."""
    context: dict[str, Any] = {"fact": fact, **(base if base is not None else item_context(item, story))}
    context["rule"] = compiled.rule
    for name in ("group", "dedup_key", "story"):
        template = compiled.template(name)
        context[name] = template.render(context) if template is not None else "all"
    return context


def rendered(ruleset: RuleSet, match: Match, item: Item, story: Mapping[str, Any] | None = None) -> Match:
    """``match`` (from ``evaluate(..., render=False)``) with its title, text and aggregation
    group rendered."""
    compiled = ruleset.by_id[match.rule_id]
    context = render_context(compiled, item, match.fact, story)
    aggregation = compiled.template("aggregation_group")
    return match.model_copy(
        update={
            "title": compiled.title.render(context),
            "text": compiled.templates["text"].render(context),
            "aggregate_group": aggregation.render(context) if aggregation else "",
        }
    )


def build_match(
    compiled: CompiledRule,
    item: Item,
    fact: dict[str, Any],
    story: Mapping[str, Any] | None = None,
    *,
    render: bool = True,
    base: Mapping[str, Any] | None = None,
) -> Match | None:
    """The match of a rule whose conditions hold, with its state check; None when the type says
    no. ``render=False``: title, text and aggregation group left empty (see ``rendered``);
    ``base``: the item's ``item_context``, when the caller built it already."""
    context = render_context(compiled, item, fact, story, base)
    check = state_check(compiled, item, fact, context["group"])
    if check is False:
        return None
    rule = compiled.rule
    aggregation = compiled.template("aggregation_group") if render else None
    # Built without validation: every field comes from a validated rule, a validated fact or a
    # rendered template (a string), and a rule set of 10,000 makes tens of matches per item.
    return Match.model_construct(
        rule_id=rule.id,
        item_id=item.id,
        title=compiled.title.render(context) if render else "",
        text=compiled.templates["text"].render(context) if render else "",
        severity=rule.severity,
        realert_s=float(rule.realert),
        fact_kind=rule.fact,
        fact=fact,
        dedup_key=context["dedup_key"],
        story=context["story"],
        group=context["group"],
        check=check if isinstance(check, StateCheck) else None,
        aggregate_s=float(rule.aggregation.window) if rule.aggregation else 0.0,
        aggregate_group=aggregation.render(context) if aggregation else "",
        min_sources=rule.min_sources or 0,
        max_hold_s=float(rule.max_hold or 0.0),
    )


def state_check(compiled: CompiledRule, item: Item, fact: dict[str, Any], group: str) -> StateCheck | bool:
    """The state question of a stateful rule; True: no state needed; False: the fact cannot fire."""
    rule = compiled.rule
    spec: Any = rule.spec
    if rule.type == "threshold":
        return passes_bounds(fact.get(spec.field), spec.gte, spec.gt, spec.lte, spec.lt)
    if rule.type == "record":
        value: Any = fact.get(spec.field)
        if not _is_number(value):
            return False
        claim = bool(fact.get(spec.claim_field)) if spec.claim_field else False
        # built without validation (as matches are): every field has its type already
        return StateCheck.model_construct(kind="record", group=group, value=int(value), claim=claim)
    if rule.type == "new_term":
        term = fact.get(spec.field)
        if term in (None, ""):
            return False
        return StateCheck.model_construct(kind="new_term", group=group, term=normalize(str(term)))
    if rule.type == "change":
        value = fact.get(spec.field)
        if value in (None, ""):
            return False
        term = str(value) if _is_number(value) else normalize(str(value))
        return StateCheck(kind="change", group=group, term=term, direction=spec.direction)
    return _window_check(rule.type, spec, item, group)


def _window_check(kind: str, spec: Any, item: Item, group: str) -> StateCheck | bool:
    if kind == "frequency":
        member = item.source.casefold() if spec.distinct == "source" else item.id
        return StateCheck(
            kind="frequency", group=group, member=member, window_s=spec.window, count=spec.count
        )
    if kind == "spike":
        return StateCheck(
            kind="spike",
            group=group,
            member=item.id,
            window_s=spec.window,
            reference_s=spec.reference,
            count=spec.min_count,
            ratio=spec.ratio,
            direction=spec.direction,
        )
    return True


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def passes_bounds(
    value: Any, gte: float | None, gt: float | None, lte: float | None, lt: float | None
) -> bool:
    if not _is_number(value):
        return False
    return (
        (gte is None or value >= gte)
        and (gt is None or value > gt)
        and (lte is None or value <= lte)
        and (lt is None or value < lt)
    )
