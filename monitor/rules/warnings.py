"""Load-time warnings: rule mistakes that are legal but almost certainly not meant."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from monitor.rules.compiled import CompiledRule
from monitor.rules.condition import Condition
from monitor.rules.conditions import RegexNode
from monitor.rules.keywords import normalize
from monitor.rules.lists import Loc
from monitor.yamldoc import Problem

MakeProblem = Callable[[Loc, str], Problem]


def rule_warnings(compiled: CompiledRule, make: MakeProblem) -> list[Problem]:
    """No examples, regexes that match empty text and keywords that can never match, for one rule."""
    rule = compiled.rule
    found: list[Problem] = []
    if not rule.examples and rule.type != "flatline":  # a flatline fires from the clock, not a text
        msg = (
            f"rule {rule.id!r}: no examples: `monitor rules test` cannot check it "
            "(add one text that fires and one that does not)"
        )
        found.append(make(("id",), msg))
    for loc, word in _raw_keywords(rule.keywords, rule.when):
        norm = normalize(word)
        if not any(ch.isalnum() for ch in norm):
            found.append(make(loc, f"rule {rule.id!r}: keyword {word!r} can never match after normalization"))
    if rule.keywords is not None:
        clash = {normalize(w) for w in rule.keywords.any + rule.keywords.all} & {
            normalize(w) for w in rule.keywords.none
        }
        for word in sorted(clash):
            msg = f"rule {rule.id!r}: keyword {word!r} is both required and forbidden: the rule never matches"
            found.append(make(("keywords", "none"), msg))
    for loc, node in _regexes(rule.when, ("when",)):
        if node.compiled is not None and node.compiled.search("") is not None:
            found.append(make(loc, f"rule {rule.id!r}: regex {node.pattern!r} matches empty text"))
    return found


def _raw_keywords(keywords: Any, when: Condition | None) -> Iterator[tuple[Loc, str]]:
    if keywords is not None:
        for mode in ("any", "all", "none"):
            for i, word in enumerate(getattr(keywords, mode)):
                if not word.startswith("$"):
                    yield ("keywords", mode, i), word
    yield from _condition_words(when, ("when",))


def _condition_words(cond: Condition | None, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if cond is None:
        return
    for kind in ("all", "any"):
        for i, child in enumerate(getattr(cond, kind) or []):
            yield from _condition_words(child, (*loc, kind, i))
    yield from _condition_words(cond.not_, (*loc, "not"))
    for i, word in enumerate(cond.keywords or []):
        if not word.startswith("$"):
            yield (*loc, "keywords", i), word


def _regexes(cond: Condition | None, loc: Loc) -> Iterator[tuple[Loc, RegexNode]]:
    from monitor.rules.conditions import compile_regex

    if cond is None:
        return
    for kind in ("all", "any"):
        for i, child in enumerate(getattr(cond, kind) or []):
            yield from _regexes(child, (*loc, kind, i))
    yield from _regexes(cond.not_, (*loc, "not"))
    if cond.regex is not None:
        yield (*loc, "regex"), RegexNode(cond.regex, cond.in_, compile_regex(cond.regex))
