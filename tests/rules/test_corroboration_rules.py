"""min_sources and max_hold: valid together, and each misuse an error at its file:line:col."""

from __future__ import annotations

from pathlib import Path

from monitor.rules.loader import load_rules

HEAD = "rules:\n"
RULE = "  - id: {id}\n    title: t\n    type: any\n"
#: (rule id, the keys after the rule's type, where the error is and how it starts)
CASES = [
    ("lone-hold", "    max_hold: 2h\n", "5:5: rules.0.max_hold: max_hold needs min_sources"),
    (
        "zero",
        "    min_sources: 0\n    max_hold: 1h\n",
        "5:5: rules.0.min_sources: Input should be greater than or equal to 1",
    ),
    ("unbounded", "    min_sources: 2\n", "2:5: rules.0.max_hold: min_sources needs max_hold"),
    (
        "instant",
        "    min_sources: 2\n    max_hold: 0s\n",
        "6:5: rules.0.max_hold: max_hold must be longer than zero",
    ),
    ("bad-hold", "    min_sources: 2\n    max_hold: soon\n", "6:5: rules.0.max_hold: bad duration 'soon'"),
    (
        "summed",
        "    min_sources: 2\n    max_hold: 1h\n    aggregation: {window: 1h}\n",
        "2:5: rules.0: min_sources applies to alerts about one story, not to aggregation or flatline",
    ),
]


def test_each_misuse_is_one_positioned_error_and_all_are_reported_in_one_pass(tmp_path: Path) -> None:
    for name, extra, _ in CASES:
        (tmp_path / f"{name}.yaml").write_text(HEAD + RULE.format(id=name) + extra, encoding="utf-8")
    _, problems = load_rules([tmp_path])
    errors = sorted(str(p) for p in problems if p.severity == "error")
    expected = sorted(f"{tmp_path}/{name}.yaml:{where}" for name, _, where in CASES)
    assert len(errors) == len(expected)
    for error, start in zip(errors, expected, strict=True):
        assert error.startswith(start), (error, start)


def test_a_valid_pair_loads_and_reaches_the_match(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(HEAD + RULE.format(id="ok") + "    min_sources: 2\n    max_hold: 90m\n")
    ruleset, problems = load_rules([tmp_path])
    assert not [p for p in problems if p.severity == "error"]
    rule = ruleset.rules[0].rule
    assert (rule.min_sources, rule.max_hold) == (2, 5400.0)
