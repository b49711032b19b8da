"""Loading rule files: every error of every file in one pass, each at file:line:col."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from monitor.rules.compiled import CompiledRule, fact_fields, sample_context
from monitor.rules.model import Rule, RuleFile
from monitor.rules.ruleset import RuleSet
from monitor.rules.templates import TemplateError
from monitor.yamldoc import Problem, ProblemsError, YamlDocument, load_document


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files under each path (a file is taken as is), in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in {".yaml", ".yml"}))
        else:
            found.append(path)
    return found


def load_rules(paths: Iterable[Path]) -> tuple[RuleSet, list[Problem]]:
    """Load every rule file; the rule set holds only the rules without errors."""
    problems: list[Problem] = []
    compiled: list[CompiledRule] = []
    first_seen: dict[str, str] = {}
    for path in rule_files(paths):
        if not path.exists():
            problems.append(Problem(str(path), 1, 1, "no such file or directory"))
            continue
        for index, rule, doc in _rules_in(path, problems):
            where = f"{doc.path}:{doc.position(('rules', index, 'id'))[0]}"
            if rule.id in first_seen:
                first = first_seen[rule.id]
                msg = f"rules.{index}.id: duplicate rule id {rule.id!r} (first defined at {first})"
                problems.append(doc.problem(("rules", index, "id"), msg))
                continue
            first_seen[rule.id] = where
            built = _compile(rule, index, doc, problems)
            if built is not None:
                compiled.append(built)
    return RuleSet(tuple(compiled)), sorted(problems)


def _rules_in(path: Path, problems: list[Problem]) -> list[tuple[int, Rule, YamlDocument]]:
    try:
        doc = load_document(path)
    except ProblemsError as exc:
        problems.extend(exc.problems)
        return []
    if doc.data is None:
        return []
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("rules", []), list):
        problems.append(doc.problem((), "a rules file is a mapping with a 'rules:' list"))
        return []
    extra = set(doc.data) - set(RuleFile.model_fields)
    for key in sorted(extra, key=str):
        problems.append(doc.problem((key,), f"{key}: unknown key (not allowed here)"))
    found = []
    for index, raw in enumerate(doc.data.get("rules", [])):
        rule, errors = doc.validate(Rule, ("rules", index), raw)
        problems.extend(errors)
        if rule is not None:
            found.append((index, rule, doc))
    return found


def _compile(rule: Rule, index: int, doc: YamlDocument, problems: list[Problem]) -> CompiledRule | None:
    base = ("rules", index)
    before = len(problems)
    known = fact_fields(rule.fact)
    named = [("where", name) for name in rule.where]
    for spec_name in ("threshold", "record", "new_term"):
        spec = getattr(rule, spec_name)
        if spec is not None:
            named.append((spec_name, "field"))
    for section, key in named:
        field = key if section == "where" else getattr(rule, section).field
        if field not in known:
            allowed = ", ".join(sorted(known)) or "(none: item rules have no fact fields)"
            msg = f"{section}.{key}: unknown {rule.fact} field {field!r} (known: {allowed})"
            problems.append(doc.problem((*base, section, key), f"{'.'.join(map(str, base))}.{msg}"))
    try:
        built = CompiledRule.build(rule)
    except TemplateError as exc:
        problems.append(doc.problem((*base, "title"), f"rules.{index}: rule {rule.id!r}: {exc}"))
        return None
    context = sample_context(rule)
    for name, template in (
        ("title", built.title),
        ("dedup_key", built.dedup_key),
        ("group", built.group),
    ):
        error = template.check(context) if template is not None else None
        if error:
            loc = (*base, name) if name != "group" else (*base, rule.type)
            problems.append(doc.problem(loc, f"rules.{index}.{name}: rule {rule.id!r}: {error}"))
    return built if len(problems) == before else None
