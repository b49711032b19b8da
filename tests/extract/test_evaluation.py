"""The labeled set: size, coverage, thresholds via ``evaluate``, and the ``eval`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli.eval import command
from monitor.extract.evaluation import DEFAULT_SET, KEY_SLOTS, Report, evaluate, load_cases


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(DEFAULT_SET)


def test_set_is_large_and_unique() -> None:
    cases = load_cases(DEFAULT_SET)
    ids = [case["id"] for case in cases]
    assert len(cases) >= 150
    assert len(set(ids)) == len(ids)
    assert sum(1 for case in cases if case.get("strikes") == []) >= 40


@pytest.mark.parametrize("slot", KEY_SLOTS)
def test_key_slot_f1(report: Report, slot: str) -> None:
    assert report.score(slot).f1 >= 0.97, [m for m in report.misses if m.slot == slot]


def test_no_strikes_from_negative_cases(report: Report) -> None:
    assert report.negative_strikes == 0


def test_every_strike_slot_is_labeled(report: Report) -> None:
    labeled = {s.slot for s in report.slots if s.tp + s.fn > 0}
    for slot in (
        "launched",
        "shot_down",
        "neutralized",
        "suppressed",
        "qualifier",
        "places",
        "models",
        "record_claim",
        "record_scope",
        "previous_record",
        "time_ref",
        "launched_max",
        "lower_bound",
    ):
        assert f"strike.{slot}" in labeled


def _write(tmp_path: Path, text: str, strikes: str) -> Path:
    path = tmp_path / "one.yaml"
    path.write_text(f"- id: x\n  text: {text}\n  strikes: {strikes}\n", encoding="utf-8")
    return path


def test_miss_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "Russia launched 40 drones overnight.", "[{launched: 41, attacker: Russia}]")
    result = evaluate(path)
    assert result.score("strike.launched").f1 == 0.0
    assert [(m.case, m.slot) for m in result.misses] == [("x", "strike.launched")] * 1


def test_cli_table_json_and_threshold(tmp_path: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(command, [])
    assert table.exit_code == 0 and "strike.launched" in table.output
    as_json = runner.invoke(command, ["--json"])
    assert json.loads(as_json.output)["negative_strikes"] == 0
    bad = _write(tmp_path, "Russia launched 40 drones overnight.", "[]")
    failed = runner.invoke(command, [str(bad), "--min-f1", "0.97"])
    assert failed.exit_code == 1
    assert runner.invoke(command, ["--min-f1", "0.97"]).exit_code == 0
