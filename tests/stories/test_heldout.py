"""The held-out story split (tests/data/stories/test/): well formed, and `monitor eval --stories` scores it.

No threshold on the score here: the split is scored once and reported, never tuned on.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from datetime import datetime
from itertools import combinations
from types import ModuleType

from click.testing import CliRunner

from monitor.cli.main import cli
from tests.conftest import DATA

SPLIT = DATA / "stories" / "test"
CORPUS = SPLIT / "stories.jsonl"
FIELDS = {"id", "story", "source", "published", "title", "text", "case"}
KINDS = {
    "wire", "copy", "other-outlet", "revision", "follow-up", "other-side-claim", "days-later-update",
    "consecutive-night", "same-night-other-attack", "same-city-other-day", "same-day-other-strike",
    "unrelated",
}  # fmt: skip


def _rows() -> list[dict[str, str]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _make() -> ModuleType:
    spec = importlib.util.spec_from_file_location("stories_test_make", SPLIT / "make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_split_is_what_its_script_writes() -> None:
    assert _make().reports() == _rows()


def test_the_split_is_large_and_long_enough_with_hard_cases_both_ways() -> None:
    rows = _rows()
    assert all(set(r) == FIELDS and all(r.values()) for r in rows)
    assert len({r["id"] for r in rows}) == len(rows) >= 80
    assert len({r["story"] for r in rows}) >= 20
    times = sorted(datetime.fromisoformat(r["published"]) for r in rows)
    assert (times[-1] - times[0]).days >= 14
    kinds = Counter(r["case"] for r in rows)
    assert set(kinds) == KINDS, set(kinds) ^ KINDS
    # Same story, other words: a story holds items from several outlets, not only copies.
    by_story: dict[str, set[str]] = {}
    for r in rows:
        by_story.setdefault(r["story"], set()).add(r["source"])
    assert sum(len(sources) >= 3 for sources in by_story.values()) >= 10
    # Different stories close in time: items of two stories published within six hours.
    at = {r["id"]: datetime.fromisoformat(r["published"]) for r in rows}
    close = {
        frozenset((a["story"], b["story"]))
        for a, b in combinations(rows, 2)
        if a["story"] != b["story"] and abs((at[a["id"]] - at[b["id"]]).total_seconds()) < 6 * 3600
    }
    assert len(close) >= 8


def test_eval_stories_scores_the_held_out_split(redis_url: str) -> None:
    result = CliRunner().invoke(cli, ["eval", "--stories", str(CORPUS), "--json", "--redis", redis_url])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    rows = _rows()
    assert sorted(j["item"] for j in report["items"]) == sorted(r["id"] for r in rows)
    labels = {r["id"]: r["story"] for r in rows}
    assert all(j["label"] == labels[j["item"]] for j in report["items"])
    same_pairs = sum(a["story"] == b["story"] for a, b in combinations(rows, 2))
    assert report["tp"] + report["fn"] == same_pairs
    assert 0.0 <= report["precision"] <= 1.0 and 0.0 <= report["recall"] <= 1.0
