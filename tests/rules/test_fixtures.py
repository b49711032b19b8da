"""Every kind of rule mistake gives the exact positioned message; valid fixtures load cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.rules.loader import load_rules
from tests.conftest import DATA, ROOT

INVALID = sorted((DATA / "rules" / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("case", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_rule_file_gives_the_expected_errors(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    _, problems = load_rules([case.relative_to(ROOT)])
    errors = [str(p) for p in problems if p.severity == "error"]
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert errors == expected


def test_every_mistake_kind_has_a_fixture() -> None:
    kinds = {"unknown_key", "wrong_type", "unknown_list", "bad_duration", "bad_regex", "bad_template",
             "duplicate_id", "yaml_syntax", "schema_and_references"}  # fmt: skip
    assert kinds <= {p.stem for p in INVALID}


def test_errors_of_all_files_come_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    _, problems = load_rules([(DATA / "rules" / "invalid").relative_to(ROOT)])
    files = {p.path for p in problems if p.severity == "error"}
    assert len(files) == len(INVALID)


def test_valid_fixtures_load_without_errors_and_warn_only_on_missing_examples() -> None:
    ruleset, problems = load_rules([DATA / "rules" / "valid"])
    assert {p.severity for p in problems} == {"warning"}
    assert all("no examples" in p.message for p in problems)
    without = {r.rule.id for r in ruleset.rules if not r.rule.examples and r.rule.type != "flatline"}
    assert len(problems) == len(without) > 0  # one warning per rule without examples
    assert {r.rule.type for r in ruleset.rules} == {
        "any", "threshold", "record", "new_term", "frequency", "spike", "flatline", "change"
    }  # fmt: skip


def test_shipped_rules_load_without_errors_or_warnings() -> None:
    ruleset, problems = load_rules([ROOT / "rules"])
    assert problems == []
    ids = {r.rule.id for r in ruleset.rules}
    assert {"record-drone-attack", "mass-drone-attack", "foreign-troops-new", "new-strategic-weapon"} <= ids
    assert all(r.rule.examples for r in ruleset.rules)
    assert all(any(e.expect == "no_fire" for e in r.rule.examples) for r in ruleset.rules)


def test_a_rule_without_examples_is_a_warning_at_its_id(tmp_path: Path) -> None:
    rules = tmp_path / "r.yaml"
    rules.write_text(
        "rules:\n  - id: untested\n    title: t\n    type: threshold\n"
        "    threshold: {field: launched, gte: 100}\n"
    )
    ruleset, problems = load_rules([rules])
    assert [r.rule.id for r in ruleset.rules] == ["untested"]  # a warning: the rule still loads
    assert [str(p) for p in problems] == [
        f"{rules}:2:5: warning: rule 'untested': no examples: `monitor rules test` cannot check it "
        "(add one text that fires and one that does not)"
    ]
