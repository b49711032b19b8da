"""``explain``: why a rule does or does not fire on an article, step by step, writing no state."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta

from monitor.extract.document import sentences_of
from monitor.extract.revisions import count_roles
from monitor.extract.strikes import set_aside
from monitor.models import Article, Facts, Item, Match
from monitor.models.kinds import facts_of
from monitor.pipeline import build_alert, event_time
from monitor.rules.compiled import CompiledRule
from monitor.rules.engine import build_match, item_view
from monitor.rules.ruleset import RuleSet
from monitor.rules.words import seen, written
from monitor.state.silences import Silence, silenced_by
from monitor.state.store import RedisStateStore
from monitor.stories.joiner import StoryJoiner
from monitor.stories.model import Join


def explain(
    ruleset: RuleSet,
    compiled: CompiledRule,
    item: Item,
    facts: Facts,
    store: RedisStateStore,
    now: datetime,
    silences: list[Silence],
    stories: StoryJoiner | None = None,
) -> Iterator[str]:
    """Lines telling each condition's verdict, the facts, the story the item would join (and
    why), the state read and the decision."""
    rule = compiled.rule
    view = item_view(ruleset, item)
    yield f"rule {rule.id} ({rule.type}, {rule.severity}) on item {item.id}: {item.title}"
    found = facts.model_dump(mode="json", exclude_defaults=True)
    yield f"facts found: {json.dumps(found, ensure_ascii=False)}"
    sentences = sentences_of(Article.from_item(item))
    for line in set_aside(sentences):
        yield f"strike count set aside by the single-attack scorer: {line}"
    for line in count_roles(sentences):
        yield f"count role read by the drafter (advisory): {line}"
    story = stories.join(item, facts, event_time(item, now), write=False) if stories else None
    if story is not None:
        yield f"story: {story.story_id} ({story.how}: {story.why}); {story.independent} independent source(s)"
    if rule.type == "flatline":
        yield "a flatline rule does not match articles; it fires from the periodic check"
        return
    candidates = {c.rule.id for c in ruleset.candidates(view.words)}
    if rule.id not in candidates:
        yield f"not a candidate: none of its keywords {sorted(compiled.required or ())} occur"
    any_fact = False
    for index, fact in enumerate(facts_of(rule.fact, facts)):
        any_fact = True
        verdict = compiled.condition.explain(view, fact)
        yield f"{rule.fact} #{index}: conditions {'hold' if verdict.matched else 'fail'}"
        yield from ("  " + line for line in verdict.lines(1))
        if verdict.matched:
            yield from _decision(compiled, item, fact, store, now, silences, story)
    if not any_fact:
        yield f"no {rule.fact} facts in the article: the rule cannot match"


def _decision(
    compiled: CompiledRule,
    item: Item,
    fact: dict[str, object],
    store: RedisStateStore,
    now: datetime,
    silences: list[Silence],
    story: Join | None,
) -> Iterator[str]:
    match = build_match(compiled, item, fact, story.template_values() if story else None)
    spec = compiled.rule.spec
    if spec is not None:  # the type's own test, in the rule file's words
        field = getattr(spec, "field", None)
        value = f"; the fact's {field}: {seen(fact.get(field))}" if isinstance(field, str) else ""
        yield f"    [{'yes' if match is not None else 'no '}] {compiled.rule.type}: {written(spec)}{value}"
    if match is None:
        yield f"    the {compiled.rule.type} test does not pass for this fact: no match"
        return
    yield f"    title: {match.title}"
    yield f"    dedup key: {match.dedup_key}; story: {match.story}"
    if match.check is not None:
        shown = json.dumps(match.check.model_dump(exclude_none=True), ensure_ascii=False)
        yield f"    state check: {shown}"
        state = store.read_state(match)
        yield f"    state read: {json.dumps(state, ensure_ascii=False)}"
    silence = silenced_by(silences, match, item, event_time(item, now))
    if silence is not None:
        yield f"    silence {silence.id} applies: {silence.reason} (until {silence.ends_at.isoformat()})"
    alert = build_alert(match, item, now, story)
    decision = store.dry_run(
        match, alert.alert_id, alert.model_dump_json(),
        now=now, at=event_time(item, now), mute="silenced" if silence else "",
    )  # fmt: skip
    verb = "FIRE" if decision.fire else "no alert"
    previous = f" (previous {decision.previous})" if decision.previous is not None else ""
    yield f"    decision: {verb}, reason {decision.reason}{previous}"
    if decision.reason in {"cooldown", "seen"}:
        yield f"    {_claimed(store, match, event_time(item, now))}"


def _claimed(store: RedisStateStore, match: Match, at: datetime) -> str:
    """Which alert holds the dedup key at the item's event time, and until when (the reason for
    a cooldown)."""
    claim = store.dedup_claim(match, at)
    if claim is None:
        return "no alert holds this dedup key at this item's time"
    alert_id, claimed, alert = claim
    until = (claimed + timedelta(seconds=match.realert_s)).strftime("%Y-%m-%d %H:%M:%SZ")
    held = f"the dedup key {match.dedup_key!r} is held until {until} by alert {alert_id}"
    if alert is None:
        return held
    item = alert.get("item") or {}
    return f"{held}: {alert.get('title')!r}, from {item.get('source')}, fired {alert.get('fired_at')}"
