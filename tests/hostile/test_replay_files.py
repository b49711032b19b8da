"""Replay reads regular files only, each capped, and names every file it skips; delivery to a
failing Slack is bounded in time, leaves the rest in the outbox, and the exit code says so."""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from monitor.cli.main import cli
from monitor.sources.replay import MAX_FILE_BYTES
from tests.slack.fake_slack import TOKEN, FakeSlack

RULE = {"id": "every-item", "title": "{{ item.title }}", "type": "any", "fact": "item"}


def _corpus(folder: Path, items: int = 3) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "items.jsonl"
    rows = [{"id": f"i{n}", "title": f"Item {n}", "text": "text"} for n in range(items)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def _rules(tmp_path: Path) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  - " + json.dumps(RULE) + "\n")
    return path


def _replay(
    tmp_path: Path, redis_url: str, namespace: str, *args: str, env: dict[str, str] | None = None
) -> Result:
    base = ["replay", *args, "--rules", str(_rules(tmp_path)), "--redis", redis_url, "--namespace", namespace]
    return CliRunner().invoke(cli, base, env=env)


@pytest.mark.timeout(30)
def test_special_and_oversized_files_are_skipped_each_with_its_reason(
    tmp_path: Path, redis_url: str, namespace: str
) -> None:
    folder = tmp_path / "in"
    _corpus(folder)
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.jsonl").symlink_to("/dev/zero")
    (folder / "notes.md").write_text("not an article file")
    with (folder / "huge.txt").open("wb") as sparse:
        sparse.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, stat says 20 MiB + 1
    zero_link = tmp_path / "direct.jsonl"
    zero_link.symlink_to("/dev/zero")
    result = _replay(tmp_path, redis_url, namespace, str(folder), str(zero_link), "--sink", "console")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "skipped" in line]
    assert any("pipe.txt: skipped, a FIFO (named pipe), not a regular file" in w for w in warnings)
    assert any("in/zero.jsonl: skipped, a character device, not a regular file" in w for w in warnings)
    assert any("direct.jsonl: skipped, a character device" in w for w in warnings)
    assert any("notes.md: skipped, not a " in w for w in warnings)
    assert any(f"huge.txt: skipped, larger than {MAX_FILE_BYTES} bytes" in w for w in warnings)
    assert len(warnings) == 5
    assert "replay: 3 items read" in result.output


def _slack_env(slack: FakeSlack) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": TOKEN,
        "MONITOR_SLACK__API_URL": slack.api_url,
        "MONITOR_SLACK__DEFAULT_CHANNEL": "#alerts",
        "MONITOR_SLACK__TIMEOUT_S": "1",
    }


@pytest.mark.timeout(60)
async def test_replay_to_a_failing_slack_returns_in_bounded_time_and_leaves_the_rest_in_the_outbox(
    tmp_path: Path, redis_url: str, namespace: str, fake_slack: FakeSlack
) -> None:
    fake_slack.outage = "500"
    corpus = _corpus(tmp_path / "in", items=5)
    env = _slack_env(fake_slack)
    started = time.monotonic()
    result = await asyncio.to_thread(
        _replay,
        tmp_path,
        redis_url,
        namespace,
        str(corpus),
        "--sink",
        "slack",
        "--deliver-within",
        "2",
        env=env,
    )
    took = time.monotonic() - started
    assert result.exit_code == 3, result.output
    assert "replay: 5 alert(s) left in the outbox (a sink did not take them within 2s)" in result.output
    assert "`monitor outbox deliver --sink SPEC` sends them" in result.output
    print(f"\nreplay to a Slack answering 500: returned after {took:.1f}s (--deliver-within 2)")
    fake_slack.outage = None
    deliver = ["outbox", "deliver", "--sink", "slack", "--redis", redis_url, "--namespace", namespace]
    later = await asyncio.to_thread(CliRunner().invoke, cli, deliver, env=env)
    assert later.exit_code == 0, later.output
    assert len(fake_slack.posts_by_alert()) == 5 and set(fake_slack.posts_by_alert().values()) == {1}


@pytest.mark.timeout(60)
async def test_replay_exits_non_zero_when_slack_refuses_the_token(
    tmp_path: Path, redis_url: str, namespace: str, fake_slack: FakeSlack
) -> None:
    fake_slack.outage = "invalid_auth"
    fake_slack.methods = ("chat.postMessage", "conversations.list")
    corpus = _corpus(tmp_path / "in", items=2)
    result = await asyncio.to_thread(
        _replay, tmp_path, redis_url, namespace, str(corpus), "--sink", "slack", env=_slack_env(fake_slack)
    )
    assert result.exit_code == 3, result.output
    assert "replay: 2 alert(s) dead-lettered" in result.output
    assert "`monitor outbox retry --all` puts them back" in result.output
