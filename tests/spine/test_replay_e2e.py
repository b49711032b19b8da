"""`monitor replay seeds/` end to end against a real Redis: the alerts of the shift, exactly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from monitor.cli.main import cli
from tests.conftest import DATA, ROOT, RULES, SEEDS

GOLDEN = DATA / "golden" / "seed_alerts.jsonl"
#: Fields that legitimately change between runs; everything else is compared exactly.
VOLATILE = ("fired_at",)


def replay(redis_url: str, namespace: str, out: Path, *extra: str) -> tuple[list[dict[str, Any]], str]:
    args = [
        "replay",
        str(SEEDS),
        "--rules",
        str(RULES),
        "--redis",
        redis_url,
        "--namespace",
        namespace,
        "--sink",
        f"jsonl:{out}",
        *extra,
    ]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    alerts = [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
    out.unlink(missing_ok=True)
    return alerts, result.output


def stable(alerts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in a.items() if k not in VOLATILE} for a in alerts]


def fired(alerts: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(a["rule"], a["title"]) for a in alerts]


def test_seed_replay_fires_the_expected_alerts(redis_url: str, namespace: str, tmp_path: Path) -> None:
    alerts, output = replay(redis_url, namespace, tmp_path / "a.jsonl")
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for alert in alerts:
        by_rule.setdefault(alert["rule"], []).append(alert)
    records = {(a["fact"]["attacker"], a["fact"]["size"]) for a in by_rule["record-drone-attack"]}
    assert records == {("Russia", 145), ("Russia", 800), ("Ukraine", 34)}
    # one message per story: each record night's mass alert is inhibited and listed in it
    listed = [a for a in by_rule["record-drone-attack"] if "Also matched:" in a["text"]]
    assert sorted(a["fact"]["size"] for a in listed) == [145, 800]
    assert all("Mass drone attack by Russia" in a["text"] for a in listed)
    nationalities = [a["fact"]["nationality"] for a in by_rule["foreign-troops-new"]]
    assert sorted(nationalities) == ["Indian", "Nepali", "North Korean", "Yemeni"]
    assert [a["fact"]["name"] for a in by_rule["new-strategic-weapon"]] == ["Oreshnik"]
    assert set(by_rule) == {
        "record-drone-attack",
        "foreign-troops-new",
        "new-strategic-weapon",
    }
    sources = {a["item"]["source"] for a in alerts}
    assert "seed-opinion" not in sources and "seed-explainer" not in sources  # 000 and 001
    the_800 = next(a for a in by_rule["record-drone-attack"] if a["fact"]["size"] == 800)
    assert the_800["previous"] == 145
    assert "13 items read, 13 new, 8 alerts fired" in output


def test_seed_replay_matches_golden_file(redis_url: str, namespace: str, tmp_path: Path) -> None:
    alerts, _ = replay(redis_url, namespace, tmp_path / "a.jsonl")
    if os.environ.get("MONITOR_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in stable(alerts)))
    expected = [json.loads(line) for line in GOLDEN.read_text().splitlines()]
    assert stable(alerts) == expected


def test_second_replay_fires_nothing_and_fresh_fires_again(
    redis_url: str, namespace: str, tmp_path: Path
) -> None:
    first, _ = replay(redis_url, namespace, tmp_path / "a.jsonl")
    again, output = replay(redis_url, namespace, tmp_path / "b.jsonl")
    assert again == []
    assert "0 new, 0 alerts fired" in output
    fresh, _ = replay(redis_url, namespace, tmp_path / "c.jsonl", "--fresh")
    assert fired(fresh) == fired(first)
    other, _ = replay(redis_url, f"{namespace}-b", tmp_path / "d.jsonl", "--fresh")
    assert fired(other) == fired(first)


def test_alert_lines_follow_the_output_contract(redis_url: str, namespace: str, tmp_path: Path) -> None:
    alerts, _ = replay(redis_url, namespace, tmp_path / "a.jsonl")
    required = {"alert_id", "rule", "severity", "title", "reason", "dedup_key", "fired_at", "item", "fact"}
    for alert in alerts:
        assert required <= set(alert)
        assert set(alert["item"]) >= {"id", "source", "url", "title", "published"}
        assert alert["reason"] == "first"


def test_invalid_rules_stop_before_any_item(redis_url: str, namespace: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: x\n    title: t\n    type: any\n    colour: red\n    realert: soon\n")
    out = tmp_path / "a.jsonl"
    args = [
        "replay",
        str(SEEDS),
        "--rules",
        str(bad),
        "--redis",
        redis_url,
        "--namespace",
        namespace,
        "--sink",
        f"jsonl:{out}",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert f"{bad}:5:5: rules.0.colour: unknown key" in result.output
    assert f"{bad}:6:5: rules.0.realert:" in result.output
    assert not out.exists()


def test_unreachable_redis_is_one_line_and_exit_2(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "monitor",
            "replay",
            str(SEEDS),
            "--redis",
            "redis://user:hunter2@127.0.0.1:1/0",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert lines == ["monitor: cannot reach Redis at redis://user:***@127.0.0.1:1/0 (ConnectionError)"]


@pytest.mark.parametrize("spec", ["nope", "jsonl"])
def test_bad_sink_spec_is_a_clear_error(spec: str) -> None:
    result = CliRunner().invoke(cli, ["replay", str(SEEDS), "--sink", spec])
    assert result.exit_code == 1
    assert "sink" in result.output


def test_speed_replays_in_scaled_time_with_the_same_alerts(
    redis_url: str, namespace: str, tmp_path: Path
) -> None:
    # the seeds span ten months; at 1e12x that is a few microseconds of sleeping in all
    fast, _ = replay(redis_url, namespace, tmp_path / "a.jsonl")
    scaled, _ = replay(redis_url, f"{namespace}-speed", tmp_path / "b.jsonl", "--fresh", "--speed", "1e12")
    assert fired(scaled) == fired(fast)


def test_speed_must_be_positive(redis_url: str, namespace: str) -> None:
    args = ["replay", str(SEEDS), "--redis", redis_url, "--namespace", namespace, "--speed", "0"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "--speed must be a positive number" in result.output
