"""The dev corpus for story joining: reproducible, well formed, scored by `monitor eval --stories`."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from datetime import datetime
from itertools import combinations
from pathlib import Path
from types import ModuleType

from click.testing import CliRunner

from monitor.cli.main import cli

DEV = Path(__file__).resolve().parents[1] / "data" / "stories" / "dev"
FIELDS = {"id", "story", "case", "source", "published", "title", "text"}


def _make() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_stories_make", DEV / "make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows() -> list[dict[str, str]]:
    lines = (DEV / "stories.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_the_script_reproduces_the_corpus() -> None:
    written = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _make().reports())
    assert written == (DEV / "stories.jsonl").read_text(encoding="utf-8")


def test_the_corpus_is_well_formed_and_large_enough() -> None:
    rows = _rows()
    assert all(set(r) == FIELDS for r in rows), [sorted(r) for r in rows if set(r) != FIELDS][:3]
    assert all(isinstance(r[f], str) and r[f].strip() for r in rows for f in FIELDS)
    assert len({r["id"] for r in rows}) == len(rows)
    stories = Counter(r["story"] for r in rows)
    assert len(rows) >= 120 and len(stories) >= 30, (len(rows), len(stories))
    times = [datetime.fromisoformat(r["published"]) for r in rows]
    assert all(t.tzinfo is not None for t in times)
    assert (max(times) - min(times)).days >= 21
    # the same wording is never labeled two stories (a copy carries its original's label)
    by_text: dict[str, set[str]] = {}
    for r in rows:
        by_text.setdefault(r["text"], set()).add(r["story"])
    assert all(len(labels) == 1 for labels in by_text.values())


def test_eval_stories_scores_every_pair_of_the_dev_corpus(redis_url: str) -> None:
    rows = _rows()
    args = ["eval", "--stories", str(DEV / "stories.jsonl"), "--redis", redis_url, "--json"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert sorted(i["item"] for i in report["items"]) == sorted(r["id"] for r in rows)
    truth_pairs = sum(a["story"] == b["story"] for a, b in combinations(rows, 2))
    assert report["tp"] + report["fn"] == truth_pairs
    assert 0.0 <= report["precision"] <= 1.0 and 0.0 <= report["recall"] <= 1.0
