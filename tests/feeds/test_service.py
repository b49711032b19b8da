"""End to end: feeds served over HTTP, the real pipeline and rules, the outbox and a JSON-lines sink."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import redis
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.models import Item
from monitor.outbox.stream import RedisOutbox
from monitor.outbox.worker import DeliveryWorker
from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.rules.reload import RulesReloader
from monitor.rules.ruleset import RuleSet
from monitor.service import Extras, MonitorService, ServiceTimings
from monitor.sinks.jsonl import JsonlSink
from monitor.sources.feeds.config import load_feeds
from monitor.sources.feeds.poller import PollResult
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from monitor.stories.joiner import StoryJoiner
from tests.conftest import RULES
from tests.feeds.conftest import TEST_LIMITS, FakeClock, PollerFactory, feed
from tests.feeds.server import FeedServer, Route, rss

INVALID = Path(__file__).resolve().parent / "data" / "invalid" / "many.yaml"
QUIET = (6, 8, 10, 11)  # seed articles no rule matches
RECORD = 12  # "over 800 drones and 13 missiles": a record and a mass drone attack


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    ruleset, problems = load_rules([RULES])
    assert not [p for p in problems if p.severity == "error"]
    return ruleset


def alerts(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


async def test_new_entry_alerts_once_unchanged_feed_fires_nothing_restart_does_not_realert(
    server: FeedServer,
    make_poller: PollerFactory,
    seed_items: list[Item],
    rules: RuleSet,
    redis_client: redis.Redis,
    namespace: str,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    keys, out = Keys(namespace), tmp_path / "alerts.jsonl"
    sink = JsonlSink(str(out))
    worker = DeliveryWorker(RedisOutbox(redis_client, keys), [sink])

    def pipeline() -> Pipeline:
        return Pipeline(
            rules, RedisStateStore(redis_client, keys), clock, stories=StoryJoiner(redis_client, keys)
        )

    config = feed("seeds", server.url("/rss"), tags=("seed",))
    quiet = [seed_items[i] for i in QUIET]
    server.routes["/rss"] = Route(rss(quiet), etag='"1"')
    first = await make_poller(pipeline()).poll(config)
    assert (first.new, first.fired) == (len(quiet), 0)

    server.routes["/rss"] = Route(rss([*quiet, seed_items[RECORD]]), etag='"2"')
    poller = make_poller(pipeline())
    clock.advance(config.interval)
    added = await poller.poll(config)
    await worker.drain()
    assert (added.new, added.fired > 0) == (1, True)
    fired = alerts(out)
    assert len(fired) == added.fired
    assert {a["item"]["title"] for a in fired} == {seed_items[RECORD].title}  # type: ignore[index]
    # the record night's one message: the record, listing the mass alert it inhibits
    assert {a["rule"] for a in fired} >= {"record-drone-attack"}
    assert any("Mass drone attack" in str(a["text"]) for a in fired)

    clock.advance(config.interval)
    unchanged = await poller.poll(config)
    assert (unchanged.outcome, unchanged.parsed, unchanged.fired) == ("not-modified", False, 0)

    server.routes["/rss"] = Route(rss([*quiet, seed_items[RECORD]]), etag='"3"')  # forces a full body
    clock.advance(config.interval)
    restarted = await make_poller(pipeline()).poll(config)
    await worker.drain()
    assert (restarted.parsed, restarted.new, restarted.fired) == (True, 0, 0)
    assert len(alerts(out)) == len(fired)
    await sink.close()


@pytest.fixture
async def service_parts(
    server: FeedServer, seed_items: list[Item], tmp_path: Path
) -> AsyncIterator[tuple[Path, Path]]:
    server.routes["/a"] = Route(rss([seed_items[i] for i in QUIET]), etag='"a"')
    server.routes["/b"] = Route(rss([seed_items[RECORD]]), etag='"b"')
    feeds_path = tmp_path / "feeds.yaml"
    feeds_path.write_text(f"feeds:\n  - name: a\n    url: {server.url('/a')}\n")
    yield feeds_path, tmp_path / "alerts.jsonl"


async def test_service_polls_reloads_on_sighup_delivers_and_stops_on_sigterm(
    server: FeedServer,
    service_parts: tuple[Path, Path],
    rules: RuleSet,
    redis_client: redis.Redis,
    namespace: str,
) -> None:
    feeds_path, out = service_parts
    timings = ServiceTimings(reload_every=3600, start_spread=0, stop_grace=5)
    service = MonitorService.assemble(
        redis_client,
        Keys(namespace),
        rules,
        [JsonlSink(str(out))],
        feeds_path,
        load_feeds(feeds_path),
        TEST_LIMITS,
        timings,
    )
    polled: dict[str, asyncio.Event] = {"a": asyncio.Event(), "b": asyncio.Event()}
    results: list[PollResult] = []

    def observe(result: PollResult) -> None:
        results.append(result)
        polled[result.feed].set()

    service.observers.append(observe)
    running = asyncio.create_task(service.run())
    await asyncio.wait_for(polled["a"].wait(), 30)
    feeds_path.write_text(feeds_path.read_text() + f"  - name: b\n    url: {server.url('/b')}\n")
    os.kill(os.getpid(), signal.SIGHUP)
    await asyncio.wait_for(polled["b"].wait(), 30)
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(running, 30)
    by_feed = {r.feed: r for r in results}
    assert (by_feed["a"].outcome, by_feed["a"].fired) == ("ok", 0)
    assert (by_feed["b"].outcome, by_feed["b"].fired > 0) == ("ok", True)
    assert len(alerts(out)) == by_feed["b"].fired  # the final delivery pass ran before stopping
    assert RedisOutbox(redis_client, Keys(namespace)).depth() == 0


@pytest.mark.parametrize("args", [["run"], ["feeds", "list"], ["feeds", "status"]])
def test_commands_refuse_an_invalid_feeds_file_with_positioned_errors(args: list[str]) -> None:
    result = CliRunner().invoke(cli, [*args, "--feeds", str(INVALID)])
    assert result.exit_code == 1
    expected = [f"{INVALID.parent}/{line}" for line in INVALID.with_suffix(".txt").read_text().splitlines()]
    assert result.output.splitlines()[: len(expected)] == expected


async def eventually(predicate: Callable[[], bool], timeout: float = 30.0) -> None:
    """Wait for a condition the service reaches on its own schedule (its reload loop)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        assert loop.time() < deadline, "condition not reached"
        await asyncio.sleep(0.05)


async def test_running_service_reloads_rules_and_keeps_the_last_good_set(
    service_parts: tuple[Path, Path],
    redis_client: redis.Redis,
    namespace: str,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    feeds_path, out = service_parts
    rules_dir = tmp_path / "rules"
    shutil.copytree(RULES, rules_dir)
    reloader = RulesReloader([rules_dir])
    assert reloader.current is not None
    timings = ServiceTimings(reload_every=0.05, start_spread=0, stop_grace=5)
    service = MonitorService.assemble(
        redis_client, Keys(namespace), reloader.current, [JsonlSink(str(out))], feeds_path,
        load_feeds(feeds_path), TEST_LIMITS, timings, extras=Extras(reloader=reloader),
    )  # fmt: skip
    ids: Callable[[], set[str]] = lambda: {r.rule.id for r in service.pipeline.rules.rules}  # noqa: E731
    assert "mass-drone-attack" in ids()
    running = asyncio.create_task(service.run())
    try:
        broken = rules_dir / "broken.yaml"
        broken.write_text("rules:\n  - id: oops\n    title: t\n    type: any\n    colour: red\n")
        await eventually(lambda: "colour: unknown key" in caplog.text)
        assert f"{broken}:5:5" in caplog.text
        assert "mass-drone-attack" in ids()  # the last good set keeps running
        broken.unlink()
        strikes = rules_dir / "strikes.yaml"
        strikes.write_text(strikes.read_text().replace("id: mass-drone-attack", "id: mass-drone-raid"))
        await eventually(lambda: "mass-drone-raid" in ids())
        assert "mass-drone-attack" not in ids()
    finally:
        service.stop()
        await asyncio.wait_for(running, 30)
