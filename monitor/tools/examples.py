"""Rule tests: run each rule's examples through the whole pipeline in a throw-away namespace."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import redis

from monitor.assembly import assemble
from monitor.clock import FixedClock
from monitor.models import Facts, Item
from monitor.models.item import stable_id
from monitor.models.kinds import facts_of
from monitor.pipeline import Extractor, Pipeline, default_extractor
from monitor.rules.compiled import CompiledRule
from monitor.rules.ruleset import RuleSet
from monitor.rules.spec import Example
from monitor.sources.replay import ReplayError, replay_items
from monitor.sources.textfile import split_articles
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace

#: When an example gives no publication time: a fixed moment, so runs are repeatable.
EXAMPLE_TIME = datetime(2025, 1, 1, tzinfo=UTC)
_FIRED = {"first", "aggregated", "held"}


@dataclass(frozen=True)
class ExampleResult:
    """One example's verdict, pointing at its place in the rules file."""

    path: str
    line: int
    rule_id: str
    expected: str
    happened: str
    ok: bool

    def __str__(self) -> str:
        verdict = "ok" if self.ok else "FAIL"
        return f"{self.path}:{self.line}: {verdict} {self.rule_id}: expected {self.expected}, {self.happened}"


def example_items(example: Example, base: Path) -> list[Item]:
    """The example's article(s): its text split like a text file, or the file at its path."""
    published = example.published or EXAMPLE_TIME
    if example.path is not None:
        items = replay_items([base / example.path])
        return [i.model_copy(update={"source": example.source, "published": published}) for i in items]
    return _text_items(example.text or "", example.source, published)


def _text_items(text: str, source: str, published: datetime) -> list[Item]:
    return [
        Item(
            id=stable_id("example", a.title, a.text),
            source=source,
            title=a.title,
            text=a.text,
            published=published,
        )
        for a in split_articles(text)
    ]


class ExampleRunner:
    """Runs examples in namespaces of their own, deleted afterwards."""

    def __init__(self, client: redis.Redis, extractor: Extractor = default_extractor) -> None:
        self.client = client
        self.extractor = extractor

    def run(self, ruleset: RuleSet) -> Iterator[ExampleResult]:
        for compiled in ruleset.rules:
            alone = ruleset.only(compiled.rule.id)
            for index, example in enumerate(compiled.rule.examples):
                line = compiled.example_lines[index] if index < len(compiled.example_lines) else compiled.line
                yield self.run_one(alone, compiled, example, line)

    def run_one(self, ruleset: RuleSet, compiled: CompiledRule, example: Example, line: int) -> ExampleResult:
        expected = "fire" if example.expect == "fire" else "no fire"
        result = ExampleResult(compiled.path, line, compiled.rule.id, expected, "", ok=False)
        try:
            items = example_items(example, Path(compiled.path).parent)
        except ReplayError as exc:
            return _with(result, f"cannot read the example: {exc}", ok=False)
        published = example.published or EXAMPLE_TIME
        clock = FixedClock(published)
        state = Namespace(self.client, Keys(f"rules-test-{uuid.uuid4().hex[:12]}"))
        parts = assemble(state, ruleset, clock=clock, extractor=self.extractor)
        try:
            happened, fired, facts = self._play(parts.pipeline, clock, example, items)
        finally:
            parts.close()
            parts.store.reset()
        missing = [want for want in example.facts if not _has_fact(compiled.rule.fact, facts, want)]
        if missing:
            return _with(result, f"no extracted {compiled.rule.fact} fact has {missing[0]}", ok=False)
        return _with(result, happened, ok=fired == (example.expect == "fire"))

    @staticmethod
    def _play(
        pipeline: Pipeline, clock: FixedClock, example: Example, items: list[Item]
    ) -> tuple[str, bool, list[Facts]]:
        published = clock.now
        for offset, given in enumerate(example.given):
            # earlier articles a minute apart, so windows see them before the example
            clock.now = published - timedelta(minutes=len(example.given) - offset)
            text, source = (given, example.source) if isinstance(given, str) else (given.text, given.source)
            pipeline.process(_text_items(text, source, clock.now))
        clock.now = published
        outcomes = pipeline.process(items)
        reasons = [d.reason for o in outcomes for _, d in o.decisions]
        fired = any(r in _FIRED for r in reasons)
        if not reasons:
            happened = "the rule did not match"
        else:
            happened = f"{'fired' if fired else 'did not fire'} ({', '.join(dict.fromkeys(reasons))})"
        return happened, fired, [o.facts for o in outcomes]


def _with(result: ExampleResult, happened: str, ok: bool) -> ExampleResult:
    return ExampleResult(result.path, result.line, result.rule_id, result.expected, happened, ok)


def _has_fact(kind: str, all_facts: list[Facts], want: dict[str, Any]) -> bool:
    kind = "strike" if kind == "item" else kind
    for facts in all_facts:
        for fact in facts_of(kind, facts):
            if all(_same(fact.get(name), value) for name, value in want.items()):
                return True
    return False


def _same(value: Any, want: Any) -> bool:
    if isinstance(want, list):
        return isinstance(value, list) and [_fold(v) for v in value] == [_fold(w) for w in want]
    return bool(_fold(value) == _fold(want))


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value
