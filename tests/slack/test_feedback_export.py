"""Wrong feedback becomes evaluation cases that `monitor eval` reads and scores."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import redis
import yaml
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.extract import extract
from monitor.extract.cases import load_cases
from monitor.models import Article
from monitor.state.feedback import Feedback, FeedbackStore
from monitor.state.keys import Keys

AT = datetime(2025, 9, 7, 8, 0, tzinfo=UTC)


def wrong(
    n: int, reason: str, evidence: str, fact: dict[str, Any], corrected: dict[str, Any] | None
) -> Feedback:
    return Feedback.model_validate(
        {
            "id": f"f{n}", "at": AT, "user": "U0ALICE", "reason": reason, "alert_id": f"alert-{n}",
            "rule": "mass-drone-attack", "fact_kind": "strike",
            "item": {"id": f"i{n}", "source": "wire", "url": f"https://ex.org/{n}", "title": f"Headline {n}"},
            "fact": {**fact, "evidence": evidence}, "corrected": corrected,
        }
    )  # fmt: skip


@pytest.fixture
def stored(redis_client: redis.Redis, namespace: str) -> list[Feedback]:
    russia = {"weapon": "drone", "attacker": "Russia", "launched": 800, "size": 800}
    feedbacks = [
        wrong(1, "not_this_war", "The RSF launched 120 drones at Port Sudan overnight, the army said.",
              {"weapon": "drone", "attacker": "Russia", "launched": 120}, None),
        wrong(2, "wrong_count", "Russia launched 80 drones at Ukraine overnight, the air force said.",
              russia, {**russia, "launched": 80}),
        wrong(3, "duplicate", "Russia launched 800 drones at Ukraine overnight.", russia, None),
    ]  # fmt: skip
    store = FeedbackStore(redis_client, Keys(namespace))
    for feedback in feedbacks:
        store.add(feedback)
    return feedbacks


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_export_feeds_monitor_eval(
    stored: list[Feedback], redis_url: str, namespace: str, tmp_path: Path
) -> None:
    cases = tmp_path / "feedback.yaml"
    where = ["--redis", redis_url, "--namespace", namespace]
    run("feedback", "export", "--format", "eval", "-o", str(cases), *where)
    text = cases.read_text(encoding="utf-8")
    assert "# feedback f1: not this war on rule mass-drone-attack (alert alert-1) by U0ALICE" in text
    loaded = load_cases(cases)
    assert [c.id for c in loaded] == ["fb-f1", "fb-f2"]  # the duplicate says nothing about the text
    assert loaded[0].strikes == [] and loaded[0].alerts == []
    assert loaded[1].strikes == [{"weapon": "drone", "attacker": "Russia", "launched": 80}]
    assert loaded[1].title == "Headline 2" and loaded[1].text.startswith("Russia launched 80 drones")
    report = json.loads(run("eval", str(cases), "--json"))
    assert report["cases"] == 2
    launched = next(s for s in report["slots"] if s["slot"] == "strike.launched")
    assert launched["tp"] == 1 and launched["fn"] == 0  # the corrected count is what the text says
    # the Sudan case is scored as a negative: every strike the extractor reads there counts against it
    sudan = extract(Article(item_id="x", title=loaded[0].title, text=loaded[0].text))
    assert report["negative_strikes"] == len(sudan.strikes)


def test_list_shows_every_feedback(stored: list[Feedback], redis_url: str, namespace: str) -> None:
    out = run("feedback", "list", "--redis", redis_url, "--namespace", namespace)
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("f1  2025-09-07 08:00  rule=mass-drone-attack  not this war  by=U0ALICE")
    assert 'corrected={"weapon": "drone"' in lines[1]
    as_json = run("feedback", "list", "--json", "--redis", redis_url, "--namespace", namespace)
    assert [json.loads(line)["reason"] for line in as_json.splitlines()] == [
        "not_this_war", "wrong_count", "duplicate"
    ]  # fmt: skip


def test_the_export_is_valid_yaml_even_for_hostile_text(redis_client: redis.Redis, namespace: str) -> None:
    from monitor.interact.export import eval_yaml

    hostile = wrong(9, "other", "- id: injected\n  text: ': {[}' # \u202e", {"weapon": "drone"}, None)
    [case] = yaml.safe_load(eval_yaml([hostile]))
    assert case["id"] == "fb-f9" and case["text"] == "- id: injected\n  text: ': {[}' # \u202e"
