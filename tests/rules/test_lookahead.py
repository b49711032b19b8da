"""Backtests extract a batch ahead in the worker pool and decide exactly as extraction inline does."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import redis

from monitor.extract import extract
from monitor.models import Article, Item
from monitor.rules.loader import load_rules
from monitor.settings import ExtractSettings
from monitor.sources.replay import replay_items
from monitor.tools.backtest import BATCH, backtest
from monitor.tools.lookahead import LookaheadExtractor

ROOT = Path(__file__).resolve().parents[2]


def _corpus(copies: int) -> list[Item]:
    """The seeds, copied with ids of their own and shuffled, an hour apart: which copy fires a
    record or a first sighting depends on the order the items are decided in."""
    seeds = replay_items([ROOT / "seeds"])
    copied = [item.model_copy(update={"id": f"{item.id}-{n}"}) for n in range(copies) for item in seeds]
    random.Random(3).shuffle(copied)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    return [
        item.model_copy(update={"published": start + timedelta(hours=n)}) for n, item in enumerate(copied)
    ]


def test_the_pool_extracts_what_the_caller_would() -> None:
    items = _corpus(4)
    ahead = LookaheadExtractor(ExtractSettings(mode="process", workers=2))
    try:
        ahead.submit([items[:30], items[30:]])
        assert ahead.started
        for item in reversed(items):  # any order: each article finds its own chunk's result
            article = Article.from_item(item)
            assert ahead(article) == extract(article)
    finally:
        ahead.close()


def test_a_short_run_never_starts_the_pool() -> None:
    ahead = LookaheadExtractor(ExtractSettings(mode="process", workers=2))
    items = _corpus(1)
    ahead.submit([items])
    assert not ahead.started
    assert ahead(Article.from_item(items[0])) == extract(Article.from_item(items[0]))
    ahead.close()


def test_backtest_hits_are_the_same_with_extraction_ahead_in_workers(redis_client: redis.Redis) -> None:
    items = _corpus(-(-BATCH * 2 // 13) + 1)  # three batches
    ruleset, problems = load_rules([ROOT / "rules"])
    assert not [p for p in problems if p.severity == "error"]
    inline = backtest(redis_client, ruleset, items, extract=ExtractSettings(mode="thread"))
    pooled = backtest(redis_client, ruleset, items, extract=ExtractSettings(mode="process", workers=2))
    assert len(inline.hits) >= 10
    assert len({h.item_id.rsplit("-", 1)[1] for h in inline.hits}) > 1  # several copies fire
    assert [h.key for h in pooled.hits] == [h.key for h in inline.hits]
    assert [h.at for h in pooled.hits] == [h.at for h in inline.hits]
