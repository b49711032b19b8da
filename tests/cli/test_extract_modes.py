"""One extraction path: replay gives the same alerts with extraction in a thread or in processes."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.sources.replay import replay_items
from tests.conftest import RULES, SEEDS


def alerts(path: Path) -> list[dict[str, object]]:
    """The alerts as written, less the moment they fired."""
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    return [{key: value for key, value in row.items() if key != "fired_at"} for row in rows]


def test_thread_and_process_extraction_fire_the_same_alerts(
    monkeypatch: pytest.MonkeyPatch, redis_url: str, namespace: str, tmp_path: Path
) -> None:
    found = {}
    for mode in ("thread", "process"):
        monkeypatch.setenv("MONITOR_EXTRACT__MODE", mode)
        out = tmp_path / f"{mode}.jsonl"
        result = CliRunner().invoke(
            cli,
            ["replay", str(SEEDS), "--rules", str(RULES), "--sink", f"jsonl:{out}",
             "--redis", redis_url, "--namespace", f"{namespace}-{mode}"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        found[mode] = alerts(out)
    assert found["thread"] == found["process"] and found["thread"]


def test_replay_extracts_ahead_in_the_pool_with_the_alerts_of_inline_extraction(
    monkeypatch: pytest.MonkeyPatch, redis_url: str, namespace: str, tmp_path: Path
) -> None:
    """104 items (enough to start the pool), an hour apart in a shuffled order: which copy
    fires a record or a first sighting depends on the order they are decided in."""
    seeds = replay_items([SEEDS])
    copies = [(n, item) for n in range(8) for item in seeds]
    random.Random(5).shuffle(copies)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    rows = [
        {"id": f"{item.id}-{n}", "source": item.source, "title": item.title, "text": item.text,
         "published": (start + timedelta(hours=hour)).isoformat()}
        for hour, (n, item) in enumerate(copies)
    ]  # fmt: skip
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    found, said = {}, {}
    monkeypatch.setenv("MONITOR_EXTRACT__WORKERS", "2")
    for mode in ("thread", "process"):
        monkeypatch.setenv("MONITOR_EXTRACT__MODE", mode)
        out = tmp_path / f"{mode}.jsonl"
        result = CliRunner().invoke(
            cli,
            ["replay", str(corpus), "--rules", str(RULES), "--sink", f"jsonl:{out}",
             "--redis", redis_url, "--namespace", f"{namespace}-{mode}"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        found[mode], said[mode] = alerts(out), result.output
    assert found["thread"] == found["process"] and len(found["thread"]) > 8
    assert "extracted ahead" not in said["thread"]
    assert "104 items read" in said["process"] and "extracted ahead in 2 workers" in said["process"]
