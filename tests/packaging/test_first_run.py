"""A new user's first commands: `monitor run` with nothing set up, `monitor init`, `monitor demo`."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.settings import load_settings
from monitor.sources.feeds.config import load_feeds
from tests.conftest import ROOT, SEEDS
from tests.ops.conftest import base_env


def test_run_without_a_feeds_file_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["run"])
    assert result.exit_code == 1
    assert "feeds.yaml: no such feeds file" in result.output
    assert "`monitor init`" in result.output and "`monitor demo`" in result.output


def test_init_writes_files_that_load_and_whose_rules_pass_their_examples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, redis_url: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REDIS_URL", redis_url)
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 0, result.output
    for name in ("monitor.yaml", "feeds.yaml", "rules/starter.yaml", "rules/schema.json"):
        assert (tmp_path / name).is_file(), name
    settings = load_settings(tmp_path / "monitor.yaml")
    assert settings.feeds == Path("feeds.yaml") and load_feeds(tmp_path / settings.feeds)
    tested = CliRunner().invoke(cli, ["rules", "test", "rules"])
    assert tested.exit_code == 0, tested.output
    assert "0 failed" in tested.output
    again = CliRunner().invoke(cli, ["init"])
    assert again.exit_code == 1 and "already exist" in again.output  # never overwrites unasked


def test_the_repository_examples_are_the_files_init_writes() -> None:
    starter = ROOT / "monitor" / "starter"
    assert (ROOT / "monitor.example.yaml").read_text() == (starter / "monitor.yaml").read_text()
    assert (ROOT / "feeds.example.yaml").read_text() == (starter / "feeds.yaml").read_text()


async def test_demo_serves_the_seeds_and_alerts_on_the_console_and_slack_dry_run(tmp_path: Path) -> None:
    """`make demo`: no Docker, no feeds file, no Redis: alerts appear, SIGTERM stops it cleanly."""
    args = ["demo", str(SEEDS), "--every", "0s", "--rules", str(ROOT / "rules"), "--data-dir", str(tmp_path)]
    env = base_env()
    env.pop("MONITOR_OUTBOUND__ALLOW", None)  # as a user runs it: the demo allows its own feed
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "monitor", *args,
        cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    out = ""
    deadline = time.monotonic() + 90  # the first poll comes within the 10 s start spread
    try:
        while out.count('{"channel"') < 8:  # the eight alerts of the seed corpus, as Slack would get them
            assert time.monotonic() < deadline, f"alerts seen so far:\n{out}"
            line = await asyncio.wait_for(process.stdout.readline(), deadline - time.monotonic())
            assert line, (await process.stderr.read()).decode()
            out += line.decode()
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, err.decode()
    assert "Record drone attack by Russia" in out and "North Korean" in out
    assert "seed-corpus" in out
    assert "demo: 13 articles on http://127.0.0.1:" in err.decode()
    assert not (tmp_path / "embedded.json").exists()


def test_the_starter_record_title_says_what_its_count_counts() -> None:
    from monitor.models import Facts, Item
    from monitor.rules.engine import evaluate
    from monitor.rules.loader import load_rules

    ruleset, problems = load_rules([ROOT / "monitor" / "starter" / "rules"])
    assert problems == []
    item = Item(id="x", source="s", title="t", text="t")
    for fact, words in (
        ({"shot_down": 34}, "34 drones shot down"),
        ({"launched": 800}, "800 drones launched"),
    ):
        facts = Facts.model_validate({"strikes": [{"weapon": "drone", "attacker": "Ukraine", **fact}]})
        titles = [m.title for m in evaluate(ruleset, item, facts) if m.rule_id == "record-drone-attack"]
        assert titles == [f"Record drone attack by Ukraine: {words}"]
