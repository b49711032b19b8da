"""`monitor stories list` and `show` after a replay of the seeds."""

from __future__ import annotations

import json

from click.testing import CliRunner

from monitor.cli.main import cli
from tests.conftest import RULES, SEEDS


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_stories_list_and_show_name_sources_figures_and_alerts(redis_url: str, namespace: str) -> None:
    common = ("--redis", redis_url, "--namespace", namespace)
    code, out = _run("replay", str(SEEDS), "--rules", str(RULES), "--sink", "jsonl:-", *common)
    assert code == 0, out
    record = next(
        json.loads(line) for line in out.splitlines() if '"Record drone attack by Russia: 800 drones"' in line
    )
    story = record["item"]["story_id"]
    code, listed = _run("stories", "list", "--since", "5000d", *common)
    assert code == 0 and story in listed, listed
    assert "Russia/drone 800 (seed-blog)" in listed
    code, shown = _run("stories", "show", story, *common)
    assert code == 0, shown
    assert "sources: seed-blog (1 independent" in shown
    assert "figures per source: seed-blog: 800 drones launched" in shown
    assert f"alerts sent: {record['alert_id']} (critical)" in shown
    code, missing = _run("stories", "show", "s000000000000", *common)
    assert code != 0 and "no story 's000000000000'" in missing
    code, recent = _run("stories", "list", "--since", "1h", *common)
    assert "no stories begun in the last 1h" in recent
