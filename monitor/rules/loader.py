"""Loading rule files: every error of every file in one pass, each at file:line:col."""

from __future__ import annotations

import dataclasses
import gc
import operator
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor.models.kinds import FACT_KINDS, ITEM, fact_fields
from monitor.rules.compiled import CompiledRule, RuleCompiler
from monitor.rules.condition import Condition
from monitor.rules.lists import ListResolver, Loc, Report
from monitor.rules.model import Rule, RuleFile
from monitor.rules.ruleset import RuleSet
from monitor.rules.warnings import rule_warnings
from monitor.yamldoc import Problem, ProblemsError, YamlDocument, load_document

_LIST_NAME = r"^[a-z][a-z0-9_]*$"
_PROBLEM_ORDER = operator.attrgetter(*(f.name for f in dataclasses.fields(Problem)))


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files under each path (a file is taken as is), in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in {".yaml", ".yml"}))
        else:
            found.append(path)
    return found


@dataclass
class _Loaded:
    """Documents parsed and validated, before compiling (lists must all be known first)."""

    rules: list[tuple[int, Rule, YamlDocument]] = field(default_factory=list)
    lists: dict[str, list[str | int | float | bool]] = field(default_factory=dict)
    list_places: dict[str, tuple[YamlDocument, Loc]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: Rules that failed validation, kept raw: their list references and fact fields are still
    #: checked, so one pass reports every error of every kind.
    invalid: list[tuple[int, dict[str, Any], YamlDocument]] = field(default_factory=list)


def load_rules(paths: Iterable[Path]) -> tuple[RuleSet, list[Problem]]:
    """Load every rule file; the rule set holds only the rules without errors."""
    # Loading makes millions of small objects that all live on; the cyclic collector would
    # walk them again and again (loading grew superlinearly). Reference counting frees them.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_rules(paths)
    finally:
        if collecting:
            gc.enable()


def _load_rules(paths: Iterable[Path]) -> tuple[RuleSet, list[Problem]]:
    loaded = _Loaded()
    for path in rule_files(paths):
        if not path.exists():
            loaded.problems.append(Problem(str(path), 1, 1, "no such file or directory"))
            continue
        _read(path, loaded)
    resolver = ListResolver(loaded.lists)
    compiler = RuleCompiler(resolver)
    compiled: list[CompiledRule] = []
    first_seen: dict[str, str] = {}
    for index, rule, doc in loaded.rules:
        base: Loc = ("rules", index)
        where = f"{doc.path}:{doc.position((*base, 'id'))[0]}"
        if rule.id in first_seen:
            msg = f"rules.{index}.id: duplicate rule id {rule.id!r} (first defined at {first_seen[rule.id]})"
            loaded.problems.append(doc.problem((*base, "id"), msg))
            continue
        first_seen[rule.id] = where
        built = _compile(compiler, rule, index, doc, loaded.problems, len(compiled))
        if built is not None:
            compiled.append(built)
    for index, raw, doc in loaded.invalid:
        _check_raw(raw, index, doc, resolver, loaded.problems)
    for name in sorted(set(loaded.lists) - resolver.used):
        doc, loc = loaded.list_places[name]
        loaded.problems.append(doc.problem(loc, f"lists.{name}: list is never used", "warning"))
    ruleset = RuleSet(tuple(compiled), lists=dict(loaded.lists))
    # the dataclass order, by a key: 10,000 rules without examples make 10,000 warnings
    return ruleset, sorted(set(loaded.problems), key=_PROBLEM_ORDER)


def _read(path: Path, loaded: _Loaded) -> None:
    try:
        doc = load_document(path)
    except ProblemsError as exc:
        loaded.problems.extend(exc.problems)
        return
    if doc.data is None:
        return
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("rules", []), list):
        loaded.problems.append(doc.problem((), "a rules file is a mapping with a 'rules:' list"))
        return
    for key in sorted(set(doc.data) - set(RuleFile.model_fields), key=str):
        loaded.problems.append(doc.problem((key,), f"{key}: unknown key (not allowed here)"))
    _read_lists(doc, loaded)
    for index, raw in enumerate(doc.data.get("rules", [])):
        rule, errors = doc.validate(Rule, ("rules", index), raw)
        loaded.problems.extend(errors)
        if rule is not None:
            loaded.rules.append((index, rule, doc))
        elif isinstance(raw, dict):
            loaded.invalid.append((index, raw, doc))


def _read_lists(doc: YamlDocument, loaded: _Loaded) -> None:
    raw = doc.data.get("lists", {})
    if not isinstance(raw, dict):
        loaded.problems.append(doc.problem(("lists",), "lists: a mapping of list name to values"))
        return
    for name, values in raw.items():
        model, errors = doc.validate(RuleFile, (), {"lists": {name: values}})
        loaded.problems.extend(errors)
        if model is None:
            continue
        if not re.match(_LIST_NAME, str(name)):
            msg = f"lists.{name}: list names are lowercase letters, digits and _"
            loaded.problems.append(doc.problem(("lists", name), msg))
            continue
        if name in loaded.lists:
            first_doc, first_loc = loaded.list_places[name]
            first = f"{first_doc.path}:{first_doc.position(first_loc)[0]}"
            msg = f"lists.{name}: duplicate list {name!r} (first defined at {first})"
            loaded.problems.append(doc.problem(("lists", name), msg))
            continue
        loaded.lists[name] = list(model.lists[name])
        loaded.list_places[name] = (doc, ("lists", name))


#: The parts of a rule that may name lists ('$name' items, in_list / not_in_list).
_REFERRING = ("where", "keywords", "when", "sources")


def _check_raw(
    raw: dict[str, Any], index: int, doc: YamlDocument, resolver: ListResolver, problems: list[Problem]
) -> None:
    """The list references and ``where`` fields of a rule that failed validation."""
    base: Loc = ("rules", index)

    def report(loc: Loc, message: str) -> None:
        dotted = ".".join(str(p) for p in (*base, *loc))
        problems.append(doc.problem((*base, *loc), f"{dotted}: rule {raw.get('id')!r}: {message}"))

    for key in _REFERRING:
        for loc, name in _references(raw.get(key), (key,)):
            resolver.named(name, loc, report)
    kind, where = raw.get("fact", "strike"), raw.get("where")
    if isinstance(kind, str) and (kind in FACT_KINDS or kind == ITEM) and isinstance(where, dict):
        known = fact_fields(kind)
        for name in where:
            if name not in known:
                allowed = ", ".join(sorted(known)) or "(none: item rules have no fact fields)"
                report(("where", name), f"unknown {kind} field {name!r} (known: {allowed})")


def _references(raw: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(raw, str) and raw.startswith("$") and len(raw) > 1:
        yield loc, raw[1:]
    elif isinstance(raw, list):
        for i, value in enumerate(raw):
            yield from _references(value, (*loc, i))
    elif isinstance(raw, dict):
        for key, value in raw.items():
            if key in {"in_list", "not_in_list"} and isinstance(value, str):
                yield (*loc, key), value
            else:
                yield from _references(value, (*loc, key))


def _compile(
    compiler: RuleCompiler, rule: Rule, index: int, doc: YamlDocument, problems: list[Problem], position: int
) -> CompiledRule | None:
    base: Loc = ("rules", index)
    errors: list[Problem] = []

    def report(loc: Loc, message: str) -> None:
        dotted = ".".join(str(p) for p in (*base, *loc))
        errors.append(doc.problem((*base, *loc), f"{dotted}: rule {rule.id!r}: {message}"))

    _check_fields(rule, report)
    built = compiler.build(rule, report, position)
    problems.extend(errors)
    if errors:
        return None
    lines = tuple(doc.position((*base, "examples", i))[0] for i in range(len(rule.examples)))
    built = dataclasses.replace(
        built, path=doc.path, line=doc.position((*base, "id"))[0], example_lines=lines
    )
    problems.extend(rule_warnings(built, lambda loc, msg: doc.problem((*base, *loc), msg, "warning")))
    return built


def _check_fields(rule: Rule, report: Report) -> None:
    known = fact_fields(rule.fact)
    named: list[tuple[Loc, str]] = [(("where", name), name) for name in rule.where]
    spec = rule.spec
    value = getattr(spec, "field", None) if spec is not None else None
    if isinstance(value, str):
        named.append(((rule.type, "field"), value))
    named.extend(_condition_fields(rule.when, ("when",)) if rule.when is not None else [])
    for loc, name in named:
        if name not in known:
            allowed = ", ".join(sorted(known)) or "(none: item rules have no fact fields)"
            report(loc, f"unknown {rule.fact} field {name!r} (known: {allowed})")


def _condition_fields(cond: Condition, loc: Loc) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    for kind in ("all", "any"):
        for i, child in enumerate(getattr(cond, kind) or []):
            found.extend(_condition_fields(child, (*loc, kind, i)))
    if cond.not_ is not None:
        found.extend(_condition_fields(cond.not_, (*loc, "not")))
    found.extend(((*loc, "fact", name), name) for name in cond.fact or {})
    if cond.regex is not None and cond.in_.startswith("fact."):
        found.append(((*loc, "in"), cond.in_[5:]))
    return found
