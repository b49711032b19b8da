"""Corroboration: a rule with min_sources waits for independent outlets (wire copies count once),
or fires marked single-source when its max_hold ends in event time, also across a restart."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import redis
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.clock import FixedClock
from monitor.models import Alert, Item
from monitor.outbox.stream import RedisOutbox
from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.service import MonitorService, ServiceTimings
from monitor.sinks.console import alert_text
from monitor.sinks.jsonl import JsonlSink
from monitor.sinks.slack.blocks import build_message
from monitor.sinks.wording import SINGLE_SOURCE
from monitor.sources.feeds.config import load_feeds
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from monitor.stories.joiner import StoryJoiner
from tests.feeds.conftest import TEST_LIMITS
from tests.feeds.server import FeedServer, Route, rss
from tests.feeds.test_service import eventually

T = datetime(2025, 7, 4, 5, 40, tzinfo=UTC)
WIRE = (
    "Russia launched 539 drones and 11 missiles at Ukraine overnight, Ukraine's air force said on Friday. "
    "Air defences shot down or jammed 476 of the drones. Kyiv was the main target: two people were "
    "killed and 26 wounded, the city administration said, and fires broke out in six districts."
)
OWN_WORDS = (
    "Kyiv spent the night in shelters as Russia sent 539 drones against Ukraine, according to the "
    "air force, in one of the heaviest attacks on the capital this summer."
)
RULE = """rules:
  - id: corroborated-drones
    title: "Drone attack by {{ fact.attacker }}: {{ fact.launched }} launched"
    type: threshold
    where: {weapon: drone}
    threshold: {field: launched, gte: 100}
    dedup_key: "drones:{{ story_id }}:{{ fact.attacker }}"
    story: "{{ story_id }}"
    realert: 24h
    min_sources: 2
    max_hold: 3h
"""


def _item(item_id: str, source: str, text: str, at: datetime) -> Item:
    return Item(id=item_id, source=source, title=f"report {item_id}", text=text, published=at)


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    (tmp_path / "hold.yaml").write_text(RULE, encoding="utf-8")
    return tmp_path


def _pipeline(client: redis.Redis, namespace: str, rules_dir: Path, clock: FixedClock) -> Pipeline:
    """A pipeline as the service assembles it; a second one on the same namespace is a restart."""
    keys = Keys(namespace)
    rules, problems = load_rules([rules_dir])
    assert not [p for p in problems if p.severity == "error"]
    store = RedisStateStore(client, keys)
    return Pipeline(rules, store, clock, stories=StoryJoiner(client, keys))


def _sent(client: redis.Redis, namespace: str) -> list[Alert]:
    return [entry.alert for entry in RedisOutbox(client, Keys(namespace)).read_new(count=100)]


def _reasons(pipeline: Pipeline, item: Item) -> list[str]:
    return [decision.reason for outcome in pipeline.process([item]) for _, decision in outcome.decisions]


def test_held_until_an_independent_outlet_reports_and_wire_copies_do_not_count(
    redis_client: redis.Redis, namespace: str, rules_dir: Path
) -> None:
    clock = FixedClock(T + timedelta(hours=1))
    pipeline = _pipeline(redis_client, namespace, rules_dir, clock)
    assert _reasons(pipeline, _item("wire", "wire-a", WIRE, T)) == ["held"]
    # a copy of the same wire text under another outlet's name is no corroboration
    copy = _item("copy", "daily-b", WIRE + " (Reporting by our bureau)", T + timedelta(minutes=20))
    assert _reasons(pipeline, copy) == ["cooldown"]
    assert _sent(redis_client, namespace) == []
    # an outlet with its own text: two independent sources, the held alert fires, not single-source
    own = _item("own", "daily-c", OWN_WORDS, T + timedelta(minutes=40))
    assert _reasons(pipeline, own) == ["cooldown"]
    sent = _sent(redis_client, namespace)
    assert [(a.item["id"], a.reason, a.single_source) for a in sent] == [
        ("wire", "first", False),
        ("own", "cooldown", False),  # the corroborating report: a follow-up threaded under it
    ]
    assert sent[0].item["story_id"] == sent[1].item["story_id"]
    # nothing is left to fire when the hold would have ended
    clock.now = T + timedelta(hours=4)
    assert pipeline.release_holds() == 0


def test_a_hold_survives_a_restart_and_the_tick_fires_it_single_source(
    redis_client: redis.Redis, namespace: str, rules_dir: Path
) -> None:
    clock = FixedClock(T + timedelta(minutes=5))
    first = _pipeline(redis_client, namespace, rules_dir, clock)
    assert _reasons(first, _item("wire", "wire-a", WIRE, T)) == ["held"]
    first.close()
    assert RedisStateStore(redis_client, Keys(namespace)).holds.held() == 1
    restarted = _pipeline(redis_client, namespace, rules_dir, clock)  # state is only in Redis
    restarted.tick(T + timedelta(hours=2, minutes=59))
    assert _sent(redis_client, namespace) == []
    restarted.tick(T + timedelta(hours=3))
    (alert,) = _sent(redis_client, namespace)
    assert (alert.item["id"], alert.single_source) == ("wire", True)
    assert alert.model_dump()["single_source"] is True  # in the JSON-lines payload
    assert SINGLE_SOURCE in alert_text(alert).plain
    blocks = build_message(alert, mention=None, sources=1)["blocks"]
    assert any(SINGLE_SOURCE in str(block) for block in blocks)
    restarted.tick(T + timedelta(hours=4))
    assert _sent(redis_client, namespace) == []


def test_event_time_ends_a_hold_in_a_replay_whatever_the_batch_size(
    redis_client: redis.Redis, namespace: str, rules_dir: Path
) -> None:
    """A replay of history: the wall clock is far ahead, so only event time can end the hold. A
    later night's report, and the corroborating report arriving after max_hold, find it fired
    single-source, then corroborate it (one notice); one batch or one item at a time give the
    same outbox."""
    late = T + timedelta(hours=4)
    items = [
        _item("wire", "wire-a", WIRE, T),
        _item("own", "daily-c", OWN_WORDS, late),  # too late to corroborate: the hold has ended
    ]
    outcomes: list[list[tuple[str, str, bool, str]]] = []
    for run, batches in enumerate(([items], [[i] for i in items])):
        ns = f"{namespace}-{run}"
        pipeline = _pipeline(redis_client, ns, rules_dir, FixedClock(datetime(2026, 1, 1, tzinfo=UTC)))
        for batch in batches:
            pipeline.process(batch)
        outcomes.append(
            [(a.item["id"], a.reason, a.single_source, a.notice) for a in _sent(redis_client, ns)]
        )
    assert outcomes[0] == outcomes[1]
    assert outcomes[0] == [
        ("wire", "first", True, ""),
        ("own", "cooldown", False, ""),  # the report: a follow-up in the thread
        ("own", "cooldown", False, "corroborated"),  # the single-source alert is corroborated
    ]


def test_replay_fires_a_hold_single_source_at_its_end(redis_url: str, namespace: str, tmp_path: Path) -> None:
    """`monitor replay` of a lone report: no other outlet, and the hold long over by the clock."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "hold.yaml").write_text(RULE, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wire.txt").write_text("Russia launches 539 drones at Ukraine\n" + WIRE, encoding="utf-8")
    manifest = "files:\n  wire.txt:\n    published: 2025-07-04T05:40:00Z\n    source: wire-a\n"
    (corpus / "manifest.yaml").write_text(manifest, encoding="utf-8")
    out = tmp_path / "alerts.jsonl"
    args = ["replay", str(corpus), "--rules", str(rules), "--redis", redis_url, "--namespace", namespace]
    result = CliRunner().invoke(cli, [*args, "--sink", f"jsonl:{out}"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert out.exists(), result.output
    alerts = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(a["rule"], a["single_source"]) for a in alerts] == [("corroborated-drones", True)]


async def test_the_running_service_tick_fires_a_held_alert_single_source(
    server: FeedServer, redis_client: redis.Redis, namespace: str, rules_dir: Path, tmp_path: Path
) -> None:
    """The service as `monitor run` assembles it: a feed over HTTP with one outlet's report; the
    poll holds the alert, and the periodic tick (the hold is long over by the clock) fires it."""
    server.routes["/wire"] = Route(rss([_item("wire", "wire-a", WIRE, T)]), etag='"w"')
    feeds_path = tmp_path / "feeds.yaml"
    feeds_path.write_text(f"feeds:\n  - name: wire-a\n    url: {server.url('/wire')}\n")
    out = tmp_path / "alerts.jsonl"
    rules, _ = load_rules([rules_dir])
    timings = ServiceTimings(reload_every=3600, start_spread=0, stop_grace=5, tick_every=0.05)
    service = MonitorService.assemble(
        redis_client, Keys(namespace), rules, [JsonlSink(str(out))], feeds_path,
        load_feeds(feeds_path), TEST_LIMITS, timings,
    )  # fmt: skip
    reasons: list[str] = []
    service.observers.append(lambda result: reasons.append(result.outcome))
    running = asyncio.create_task(service.run())
    try:
        await eventually(lambda: out.exists() and out.read_text().strip() != "")
    finally:
        service.stop()
        await asyncio.wait_for(running, 30)
    (alert,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert (alert["item"]["title"], alert["single_source"]) == ("report wire", True)
    assert reasons and reasons[0] == "ok"
