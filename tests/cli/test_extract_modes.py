"""One extraction path: replay gives the same alerts with extraction in a thread or in processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli.main import cli
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
