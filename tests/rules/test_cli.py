"""The analyst commands: rules check/test/explain/schema, backtest and silence."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import redis
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.rules.schema import schema_text
from monitor.state.keys import Keys
from tests.conftest import RULES, SEEDS

WARNINGS = """
lists:
  unused: [a, b]
rules:
  - id: sumy
    title: t
    type: any
    fact: item
    keywords: {any: [Sumy, "--"]}
    when: {regex: 'x*'}
    examples:
      - text: "Kyiv news\\nNothing about the oblast."
        expect: fire
"""


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_check_lists_every_error_then_warnings_apart(tmp_path: Path, redis_url: str) -> None:
    (tmp_path / "a.yaml").write_text(WARNINGS)
    code, out = _run("rules", "check", str(tmp_path), "--redis", redis_url)
    assert code == 0
    head, _, warnings = out.partition("warnings:\n")
    assert head == ""
    assert f"{tmp_path}/a.yaml:3:3: warning: lists.unused: list is never used" in warnings
    assert "keyword '--' can never match after normalization" in warnings
    assert "regex 'x*' matches empty text" in warnings
    assert "example fails:" in warnings and "expected fire, the rule did not match" in warnings

    (tmp_path / "b.yaml").write_text("rules:\n  - {id: x, title: t, type: nope, where: {a: $nolist}}\n")
    code, out = _run("rules", "check", str(tmp_path), "--redis", redis_url)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{tmp_path}/b.yaml:2:23: rules.0.type: Input should be")
    assert lines[1].startswith(f"{tmp_path}/b.yaml:2:43: rules.0.where.a: rule 'x': unknown list 'nolist'")
    # one pass: the other file's warnings, its failing example included, come in the same run
    assert "example fails:" in out and "list is never used" in out


def test_rules_test_reports_each_failure_at_file_and_line(tmp_path: Path, redis_url: str) -> None:
    (tmp_path / "a.yaml").write_text(WARNINGS.replace("x*", "oblast"))
    code, out = _run("rules", "test", str(tmp_path), "--redis", redis_url)
    assert code == 1
    assert out.splitlines() == [
        f"{tmp_path}/a.yaml:12: FAIL sumy: expected fire, the rule did not match",
        "1 example(s) run, 1 failed",
    ]


def test_shipped_rules_pass_their_examples(redis_url: str) -> None:
    code, out = _run("rules", "test", str(RULES), "--redis", redis_url)
    assert code == 0, out
    assert out.strip().endswith(", 0 failed")


def test_committed_schema_is_the_generated_one() -> None:
    assert (RULES / "schema.json").read_text(encoding="utf-8") == schema_text()
    code, out = _run("rules", "schema")
    assert code == 0 and json.loads(out)["properties"]["rules"]
    for path in RULES.glob("*.yaml"):
        assert path.read_text().startswith("# yaml-language-server: $schema=schema.json\n"), path


def test_explain_shows_conditions_state_and_decision_without_writing(
    redis_url: str, redis_client: redis.Redis, namespace: str
) -> None:
    text = (
        "Russia launches record drone attack on Ukraine\n"
        "Russia launched a record 145 drones at Ukraine overnight, the largest drone attack of the war."
    )
    args = (
        "rules",
        "explain",
        "record-drone-attack",
        "--text",
        text,
        "--redis",
        redis_url,
        "--namespace",
        namespace,
    )
    code, out = _run(*args)
    assert code == 0, out
    # each condition in the rule file's own words, beside what the fact says
    assert "[yes] where weapon: drone; the fact's weapon: drone" in out
    assert "[yes] where attacker: {in_list: war_sides}; the fact's attacker: Russia" in out
    assert "in_:" not in out and "{'" not in out  # never the models' internal names
    assert 'state read: {"stored": "nothing yet"}' in out
    assert "decision: FIRE, reason first" in out
    assert list(redis_client.scan_iter(match=Keys(namespace).pattern())) == []
    assert list(redis_client.scan_iter(match="monitor:{dry-run-*")) == []


def test_backtest_table_report_and_compare(tmp_path: Path, redis_url: str) -> None:
    other = tmp_path / "other"
    shutil.copytree(RULES, other)
    (other / "weapons.yaml").unlink()
    report = tmp_path / "report.html"
    code, out = _run(
        "backtest", str(SEEDS), "--rules", str(RULES), "--compare", str(other),
        "--report", str(report), "--redis", redis_url,
    )  # fmt: skip
    assert code == 0, out
    rows = {line.split()[0]: line.split()[1] for line in out.splitlines()[2:] if line and line[0].isalpha()}
    assert rows["record-drone-attack"] == "3"
    assert rows["mass-drone-attack"] == "0"  # inhibited by the record of the same story
    assert rows["foreign-troops-new"] == "4"
    assert rows["new-strategic-weapon"] == "1"
    assert "1 added, 0 removed" in out
    assert "+ new-strategic-weapon: First reported use of Oreshnik in the war" in out
    html = report.read_text()
    assert "<svg" in html and "<polyline" in html
    assert "<script" not in html and "<link" not in html and "src=" not in html


@pytest.mark.parametrize("bad", ["--for=soon", "--match=noequals"])
def test_silence_rejects_bad_input(bad: str, redis_url: str, namespace: str) -> None:
    args = ["silence", "add", "--rule", "r", "--for", "1h", "--reason", "x", bad, "--redis", redis_url]
    code, _ = _run(*args, "--namespace", namespace)
    assert code == 1


def test_silence_add_list_expire(redis_url: str, namespace: str) -> None:
    base = ("--redis", redis_url, "--namespace", namespace)
    code, out = _run("silence", "add", "--rule", "mass-drone-attack", "--match", "attacker=Russia",
                     "--for", "4h", "--reason", "known wave", *base)  # fmt: skip
    assert code == 0
    silence_id = out.split()[1]
    code, out = _run("silence", "list", *base)
    assert silence_id in out and "match=attacker=Russia" in out and "reason=known wave" in out
    assert _run("silence", "expire", silence_id, *base)[0] == 0
    assert _run("silence", "list", *base)[1].strip() == "no silences"
    assert _run("silence", "expire", silence_id, *base)[0] == 1


def test_explain_shows_the_type_test_and_names_the_alert_behind_a_cooldown(
    redis_url: str, namespace: str
) -> None:
    common = ("--redis", redis_url, "--namespace", namespace)
    code, out = _run("replay", str(SEEDS), "--rules", str(RULES), "--sink", "jsonl:-", *common)
    assert code == 0, out
    fired = next(
        json.loads(line) for line in out.splitlines() if '"Record drone attack by Russia: 145 drones"' in line
    )
    text = (
        "Russia launched 145 drones at Ukraine again\n"
        "Russia launched 145 drones at Ukraine overnight, the air force said."
    )
    # the seed's 145 drones were reported on 2024-11-10: another outlet's report of that attack
    # joins its story, where the record already fired (the mass alert is inhibited by it); the
    # same figure a year later is a new attack (event time, not now)
    night = ("--published", "2024-11-10T21:00:00")
    code, out = _run("rules", "explain", "record-drone-attack", "--text", text, *night, *common)
    assert code == 0, out
    assert f"story: {fired['item']['story_id']} (same_attack: same attack as time.news" in out
    assert "decision: no alert, reason not_record" in out
    code, out = _run("rules", "explain", "mass-drone-attack", "--text", text, *night, *common)
    assert "[yes] threshold: {field: size, gte: 100}; the fact's size: 145" in out
    assert "decision: no alert, reason inhibited" in out
    later = ("--published", "2025-11-10")
    code, later_out = _run("rules", "explain", "mass-drone-attack", "--text", text, *later, *common)
    assert "(new: no copy and no report of the same attack" in later_out
    assert "decision: FIRE, reason first" in later_out, later_out
