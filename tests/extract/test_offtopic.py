"""Off-topic news in real outlets' style (sport, US politics, Greenland, technology, other wars)
replayed through the shipped rules fires nothing, though it says "Patriots", "Lancet", "drone
show", "record" and "troops" in other senses and mentions Ukraine in passing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from monitor.cli.main import cli
from tests.conftest import DATA, RULES

OFFTOPIC = DATA / "offtopic"


def test_the_offtopic_folder_fires_no_alert(redis_url: str, namespace: str, tmp_path: Path) -> None:
    out = tmp_path / "alerts.jsonl"
    args = ["replay", str(OFFTOPIC), "--rules", str(RULES), "--redis", redis_url]
    args += ["--namespace", namespace, "--sink", f"jsonl:{out}"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    files = [p for p in OFFTOPIC.iterdir() if p.suffix == ".txt"]
    assert len(files) >= 40
    assert f"{len(files)} items read" in result.output
    alerts = out.read_text().splitlines() if out.exists() else []
    assert alerts == []
