"""Load-time template checks are shared between rules whose templates differ only in their
words, and only then: a check that could come out otherwise for another rule runs again."""

from __future__ import annotations

from pathlib import Path

from monitor.rules.loader import load_rules


def _errors(tmp_path: Path, rules: list[tuple[str, str, str]]) -> list[str]:
    """Errors from loading rules given as (id, fact kind, title)."""
    lines = ["rules:"]
    for rule_id, kind, title in rules:
        lines += [
            f"  - id: {rule_id}",
            "    type: any",
            f"    fact: {kind}",
            f"    title: '{title}'",
        ]
    path = tmp_path / "rules.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = load_rules([path])
    return [p.message for p in problems if p.severity == "error"]


def test_the_same_title_shape_is_checked_against_each_fact_kind(tmp_path: Path) -> None:
    title = "{% if fact.size %}Attack {{ fact.size }}{% endif %} seen"
    errors = _errors(
        tmp_path, [("a", "strike", title), ("b", "strike", "Another " + title), ("c", "troops", title)]
    )
    assert len(errors) == 1 and "rule 'c'" in errors[0], errors


def test_a_longer_text_in_a_loop_passes_the_output_bound_for_its_own_rule(tmp_path: Path) -> None:
    short = "{% for i in range(1000) %}" + "x" * 10 + "{% endfor %}"
    long = "{% for i in range(1000) %}" + "x" * 100 + "{% endfor %}"  # 100,000 characters out
    errors = _errors(
        tmp_path, [("short", "strike", short), ("short-too", "strike", short), ("long", "strike", long)]
    )
    assert len(errors) == 1 and "rule 'long'" in errors[0] and "bound" in errors[0], errors


def test_text_a_block_captures_is_checked_for_each_rule(tmp_path: Path) -> None:
    fine = "{% set n %}000000012{% endset %}{{ range(n | int) | length }}"
    huge = "{% set n %}999999999{% endset %}{{ range(n | int) | length }}"
    errors = _errors(tmp_path, [("fine", "strike", fine), ("huge", "strike", huge)])
    assert len(errors) == 1 and "rule 'huge'" in errors[0], errors


def test_the_same_lookups_are_checked_against_each_fact_kind(tmp_path: Path) -> None:
    errors = _errors(
        tmp_path, [("a", "strike", "{{ fact.size }} seen"), ("b", "troops", "{{ fact.size }} seen")]
    )
    assert len(errors) == 1 and "rule 'b'" in errors[0], errors
