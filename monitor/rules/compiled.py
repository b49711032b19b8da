"""A rule made ready to run: conditions compiled (lists resolved, RE2), templates compiled."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import re2

from monitor.models.kinds import fact_fields
from monitor.rules.condition import Condition, Keywords, SourceFilter
from monitor.rules.conditions import (
    AllNode,
    AnyNode,
    FactNode,
    Node,
    NotNode,
    RegexNode,
    SourceNode,
    compile_regex,
    words_node,
)
from monitor.rules.lists import ListResolver, Loc, Report
from monitor.rules.model import WINDOWED, Rule
from monitor.rules.templates import Template, TemplateError


@dataclass(frozen=True)
class CompiledRule:
    """A validated rule with its condition tree and templates compiled."""

    rule: Rule
    condition: AllNode
    templates: dict[str, Template]
    position: int = 0
    path: str = ""
    line: int = 0
    example_lines: tuple[int, ...] = ()

    @property
    def title(self) -> Template:
        return self.templates["title"]

    @property
    def required(self) -> frozenset[str] | None:
        """Keywords one of which must occur for the rule to match (None: always evaluated)."""
        return self.condition.required

    @property
    def keywords(self) -> frozenset[str]:
        return _all_words(self.condition)

    def template(self, name: str) -> Template | None:
        return self.templates.get(name)


def _all_words(node: Any) -> frozenset[str]:
    words: set[str] = set(getattr(node, "words", ()))
    for child in getattr(node, "children", ()):
        words |= _all_words(child)
    if hasattr(node, "child"):
        words |= _all_words(node.child)
    return frozenset(words)


class RuleCompiler:
    """Builds CompiledRules, reporting each problem at its location within the rule."""

    def __init__(self, resolver: ListResolver) -> None:
        self.resolver = resolver
        #: Strict-check outcomes by template shape and sample context (fact kind, flatline):
        #: 10,000 rules' titles differ in their words, rarely in what a check can find.
        self._checked: dict[tuple[Any, ...], str | None] = {}

    def build(self, rule: Rule, report: Report, position: int = 0) -> CompiledRule:
        parts: list[Node] = []
        if rule.sources is not None:
            parts.append(self._sources(rule.sources))
        if rule.keywords is not None:
            parts.extend(self._keywords(rule.keywords, ("keywords",), report))
        for name, test in rule.where.items():
            resolved = self.resolver.test(test, ("where", name), report)
            parts.append(FactNode(name, resolved, as_written=test, clause="where"))
        if rule.when is not None:
            parts.append(self.condition(rule.when, ("when",), report))
        templates = self._templates(rule, report)
        return CompiledRule(rule, AllNode(tuple(parts), label="rule"), templates, position)

    def _sources(self, spec: SourceFilter) -> Node:
        return SourceNode(
            frozenset(s.casefold() for s in spec.include), frozenset(s.casefold() for s in spec.exclude)
        )

    def _keywords(self, spec: Keywords, loc: Loc, report: Report) -> list[Node]:
        nodes: list[Node] = []
        for mode in ("any", "all", "none"):
            words = getattr(spec, mode)
            if words:
                nodes.append(words_node(self.resolver.words(words, (*loc, mode), report), mode, words))
        return nodes

    def condition(self, cond: Condition, loc: Loc, report: Report) -> Node:
        kind = cond.kind
        if cond.all is not None or cond.any is not None:
            subs = cond.all if cond.all is not None else cond.any
            children = tuple(self.condition(c, (*loc, kind, i), report) for i, c in enumerate(subs or []))
            return AllNode(children) if kind == "all" else AnyNode(children)
        if cond.not_ is not None:
            return NotNode(self.condition(cond.not_, (*loc, "not"), report))
        if cond.keywords is not None:
            found = self.resolver.words(cond.keywords, (*loc, "keywords"), report)
            return words_node(found, "any", cond.keywords)
        if cond.regex is not None:
            return self._regex(cond.regex, cond.in_, (*loc, "regex"), report)
        if cond.fact is not None:
            tests = [
                FactNode(n, self.resolver.test(t, (*loc, "fact", n), report), as_written=t, clause="fact")
                for n, t in cond.fact.items()
            ]
            return AllNode(tuple(tests), label="fact")
        names = frozenset(
            s.casefold() for s in self.resolver.words(cond.source or [], (*loc, "source"), report)
        )
        return SourceNode(names)

    def _regex(self, pattern: str, on: str, loc: Loc, report: Report) -> Node:
        try:
            compiled = compile_regex(pattern)
        except re2.error as exc:
            detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
            report(loc, f"regex {pattern!r} is not valid RE2: {detail}")
            compiled = None
        return RegexNode(pattern, on, compiled)

    def _templates(self, rule: Rule, report: Report) -> dict[str, Template]:
        sources: dict[str, tuple[str, Loc]] = {
            "title": (rule.title, ("title",)),
            "text": (rule.text, ("text",)),
        }
        spec = rule.spec
        group = getattr(spec, "group", None) if spec is not None else None
        if group is not None:
            sources["group"] = (group, (rule.type, "group"))
        default_key = "{{ group }}" if rule.type in WINDOWED else "{{ item.id }}"
        sources["dedup_key"] = (rule.dedup_key or default_key, ("dedup_key",))
        sources["story"] = (rule.story or "{{ dedup_key }}", ("story",))
        if rule.aggregation is not None:
            sources["aggregation_group"] = (rule.aggregation.group, ("aggregation", "group"))
        out: dict[str, Template] = {}
        context = sample_context(rule)
        for name, (source, loc) in sources.items():
            try:
                template = Template(source, f"rule {rule.id}, {name}")
            except TemplateError as exc:
                report(loc, f"{exc}")
                continue
            error = self._check(template, rule, context)
            if error:
                report(loc, error)
            out[name] = template
        return out

    def _check(self, template: Template, rule: Rule, context: dict[str, Any]) -> str | None:
        shape = template.shape
        if shape is None:
            return template.check(context)
        key = (shape, rule.fact, rule.type == "flatline")
        if key not in self._checked:
            self._checked[key] = template.check(context)
        return self._checked[key]


def sample_context(rule: Rule) -> dict[str, Any]:
    """A context with every field present, to check templates strictly at load time."""
    fact = {name: "x" for name in fact_fields(rule.fact)}
    item = {"id": "x", "source": "x", "url": "x", "title": "x", "published": "x", "tags": []}
    extra = {"watch": "x", "name": "x", "silent_for": "x", "last_seen": "x"}
    return {
        "fact": fact if rule.type != "flatline" else extra,
        "item": item,
        "rule": rule,
        "group": "x",
        "dedup_key": "x",
        "story": "x",
        "story_id": "x",
        "story_sources": 1,
        "story_figures": "x",
    }
