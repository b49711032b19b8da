"""Event time everywhere: the same alerts whatever the speed, the tool and the order of arrival.

Two corpora: the seeds, and three years of dated nightly reports (tests/data/nightly, written by
scripts/make_nightly_corpus.py) whose figures repeat across nights and years. Each goes through
`monitor replay`, `monitor replay --speed`, `backtest`, and the feed poller of `monitor run`
against a local feed server listing every entry newest first in one poll, oldest first in one
poll, and a growing feed two new entries at a time.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
import redis
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.models import Item
from monitor.models.item import stable_id
from monitor.pipeline import Outcome, Pipeline
from monitor.rules.loader import load_rules
from monitor.rules.ruleset import RuleSet
from monitor.sources.replay import replay_items
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from monitor.stories.joiner import StoryJoiner
from monitor.tools.backtest import backtest
from tests.conftest import DATA, RULES, SEEDS
from tests.feeds.conftest import FakeClock, PollerFactory, feed
from tests.feeds.server import FeedServer, Route, rss

NIGHTLY = DATA / "nightly"
CORPORA = {"seeds": SEEDS, "nightly": NIGHTLY}
#: After every corpus date: event times are the publication times, never clamped by the clock.
AFTER = datetime(2026, 1, 1, tzinfo=UTC)
#: Entries a growing feed lists at once (a real feed shows its latest few).
WINDOW = 20

Fired = set[tuple[str, str, str]]


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    ruleset, problems = load_rules([RULES])
    assert not [p for p in problems if p.severity == "error"]
    return ruleset


def _replayed(corpus: Path, redis_url: str, namespace: str, out: Path, *extra: str) -> Fired:
    args = ["replay", str(corpus), "--rules", str(RULES), "--redis", redis_url, "--namespace", namespace]
    result = CliRunner().invoke(cli, [*args, "--sink", f"jsonl:{out}", *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    alerts = [json.loads(line) for line in out.read_text().splitlines()]
    return {(a["rule"], a["title"], a["item"]["title"]) for a in alerts}


class Recording:
    """The pipeline as the poller sees it, keeping what fired (rule, alert title, item title)."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.fired: Fired = set()

    async def ingest(self, items: Sequence[Item]) -> tuple[list[Outcome], float]:
        outcomes, seconds = await self.pipeline.ingest(items)
        for outcome in outcomes:
            for match, decision in outcome.decisions:
                if decision.fire:
                    self.fired.add((match.rule_id, match.title, outcome.item.title))
        return outcomes, seconds


async def _polled(
    order: str, items: list[Item], rules: RuleSet, client: redis.Redis, namespace: str,
    server: FeedServer, make_poller: PollerFactory,
) -> Fired:  # fmt: skip
    clock = FakeClock(AFTER)
    keys = Keys(namespace)
    stories = StoryJoiner(client, keys)
    recording = Recording(Pipeline(rules, RedisStateStore(client, keys), clock, stories=stories))
    poller = make_poller(recording)
    config = feed(f"corpus-{order}", server.url(f"/{order}"))
    if order == "newest-first":
        polls = [items[::-1]]
    elif order == "oldest-first":
        polls = [items]
    else:  # two new entries per poll, the feed listing its latest WINDOW newest first
        polls = [items[max(0, end - WINDOW) : end][::-1] for end in range(2, len(items) + 2, 2)]
    try:
        for number, listed in enumerate(polls):
            server.routes[f"/{order}"] = Route(rss(listed), etag=f'"{number}"')
            result = await poller.poll(config)
            assert result.outcome == "ok", result
            clock.advance(config.interval)
    finally:
        recording.pipeline.close()
    return recording.fired


@pytest.mark.parametrize("name", sorted(CORPORA))
async def test_same_alerts_through_replay_backtest_and_polls_in_any_order(
    name: str,
    rules: RuleSet,
    redis_url: str,
    redis_client: redis.Redis,
    namespace: str,
    server: FeedServer,
    make_poller: PollerFactory,
    tmp_path: Path,
) -> None:
    corpus = CORPORA[name]
    items = replay_items([corpus])
    # the CLI runs its own event loop: in a thread of its own
    replayed = await asyncio.to_thread(_replayed, corpus, redis_url, f"{namespace}-r", tmp_path / "r.jsonl")
    assert replayed, "the corpus fires alerts"
    fast_out, speed = tmp_path / "s.jsonl", ("--speed", "1e12")
    fast = await asyncio.to_thread(_replayed, corpus, redis_url, f"{namespace}-s", fast_out, *speed)
    assert fast == replayed
    tested = backtest(redis_client, rules, items)
    assert {(h.rule, h.title, h.item_title) for h in tested.hits} == replayed
    for order in ("newest-first", "oldest-first", "two-at-a-time"):
        polled = await _polled(order, items, rules, redis_client, f"{namespace}-{order}", server, make_poller)
        assert polled == replayed, order


def _figures() -> list[tuple[str, str, str, int]]:
    """(id, night, attacker, drones) of each nightly report, read from its fixed wording."""
    found = []
    for line in (NIGHTLY / "reports.jsonl").read_text().splitlines():
        report = json.loads(line)
        attacker, drones = re.match(r"(\w+) launched (\d+)", report["text"]).groups()  # type: ignore[union-attr]
        found.append((report["id"], report["published"][:10], attacker, int(drones)))
    return found


def test_nightly_corpus_one_alert_per_night_at_or_above_the_threshold(
    redis_url: str, namespace: str, tmp_path: Path
) -> None:
    out = tmp_path / "alerts.jsonl"
    args = ["replay", str(NIGHTLY), "--rules", str(RULES), "--redis", redis_url, "--namespace", namespace]
    result = CliRunner().invoke(cli, [*args, "--sink", f"jsonl:{out}"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    alerts = [json.loads(line) for line in out.read_text().splitlines()]
    figures = _figures()
    assert len(figures) >= 500
    # a figure repeats across years (110 in 2023 and in 2025): the corpus really tests that
    repeated = [n for n in range(100, 160, 10) if len({f[1][:4] for f in figures if f[3] == n}) > 1]
    assert repeated
    # one alert per night at or above the threshold: the mass alert, or on a record night the
    # record, whose message lists the mass alert it inhibits; no night held back by another
    per_item: dict[str, list[str]] = {}
    for alert in alerts:
        per_item.setdefault(alert["item"]["id"], []).append(alert["rule"])
    big = {stable_id(source, report_id) for report_id, source, drones in _sized() if drones >= 100}
    assert {item for item in per_item if "mass-drone-attack" in per_item[item]} <= big
    for item in big:
        assert len(per_item.get(item, [])) == 1, (item, per_item.get(item))
    inhibiting = [a for a in alerts if a["rule"] == "record-drone-attack" and a["item"]["id"] in big]
    assert inhibiting and all("Mass drone attack" in a["text"] for a in inhibiting)
    best: dict[str, int] = {}
    records: list[tuple[str, int]] = []
    for _, _, attacker, drones in figures:
        if attacker in best and drones > best[attacker]:
            records.append((attacker, drones))
        best[attacker] = max(best.get(attacker, 0), drones)
    assert "0 duplicates suppressed" in result.output
    fired = [(a["fact"]["attacker"], a["fact"]["size"]) for a in alerts if a["rule"] == "record-drone-attack"]
    assert fired == records


def _sized() -> list[tuple[str, str, int]]:
    """(report id, source, drones) of each nightly report."""
    rows = [json.loads(line) for line in (NIGHTLY / "reports.jsonl").read_text().splitlines()]
    return [(r["id"], r["source"], int(re.findall(r"launched (\d+)", r["text"])[0])) for r in rows]
