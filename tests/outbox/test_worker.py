"""Delivery through the outbox: storms, outages, dead letters, requeue and takeover."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import redis

from monitor.outbox.stream import RedisOutbox
from monitor.outbox.worker import DeliveryWorker
from monitor.settings import SlackSettings
from monitor.sinks.base import Sink
from monitor.sinks.jsonl import JsonlSink
from monitor.sinks.slack.sink import SlackSink
from monitor.state.keys import Keys
from tests.outbox.conftest import FakeTime
from tests.slack.conftest import enqueue, make_alert
from tests.slack.fake_slack import FakeSlack


def jsonl_ids(path: Path) -> Counter[str]:
    return Counter(json.loads(line)["alert_id"] for line in path.read_text().splitlines())


async def drain(worker: DeliveryWorker) -> None:
    try:
        await worker.drain()
    finally:
        for sink in worker.sinks:
            await sink.close()


def worker_for(
    outbox: RedisOutbox, settings: SlackSettings, path: Path, fake_time: FakeTime
) -> DeliveryWorker:
    sinks: list[Sink] = [
        JsonlSink(str(path)),
        SlackSink(settings, outbox.client, outbox.keys, clock=fake_time.clock),
    ]
    return DeliveryWorker(outbox, sinks, clock=fake_time.clock, sleep=fake_time.sleep)


async def test_a_storm_of_429s_and_500s_loses_nothing_and_posts_nothing_twice(
    outbox: RedisOutbox,
    slack_settings: SlackSettings,
    fake_slack: FakeSlack,
    fake_time: FakeTime,
    tmp_path: Path,
) -> None:
    alerts = [make_alert(n) for n in range(40)]
    for alert in alerts:
        enqueue(outbox.client, outbox.keys, alert)
    # every other request fails, the lost-answer kinds included
    fake_slack.fail = ["429", "ok", "500", "ok", "drop_after", "ok", "429", "500", "hang_after", "ok"] * 6
    fake_slack.fail = [f if f != "ok" else "" for f in fake_slack.fail]
    worker = worker_for(outbox, slack_settings, tmp_path / "out.jsonl", fake_time)
    await drain(worker)
    posts = fake_slack.posts_by_alert()
    assert posts == Counter({a.alert_id: 1 for a in alerts})
    assert jsonl_ids(tmp_path / "out.jsonl") == Counter({a.alert_id: 1 for a in alerts})
    assert outbox.depth() == 0 and outbox.dead_letter_count() == 0
    assert min(s for s in fake_time.sleeps) >= 0.01
    assert worker.stats.retried >= 20
    print(f"storm: {len(fake_slack.messages)} posts, {len(fake_slack.requests)} requests, "
          f"{worker.stats.retried} retries, {len(fake_time.sleeps)} waits")  # fmt: skip


@pytest.mark.parametrize("kind", ["500", "429", "drop"])
async def test_a_minute_of_outage_loses_nothing(
    outbox: RedisOutbox,
    slack_settings: SlackSettings,
    fake_slack: FakeSlack,
    fake_time: FakeTime,
    tmp_path: Path,
    kind: str,
) -> None:
    alerts = [make_alert(n) for n in range(15)]
    for alert in alerts:
        enqueue(outbox.client, outbox.keys, alert)
    fake_slack.outage = kind

    def recover_after_a_minute(clock: FakeTime) -> None:
        if clock.offset >= 60:
            fake_slack.outage = None

    fake_time.on_sleep = recover_after_a_minute
    worker = worker_for(outbox, slack_settings, tmp_path / "out.jsonl", fake_time)
    await drain(worker)
    assert fake_slack.posts_by_alert() == Counter({a.alert_id: 1 for a in alerts})
    assert outbox.depth() == 0 and outbox.dead_letter_count() == 0
    # the paused sink is tried about once per wait, not once per alert
    posts = [method for method, _ in fake_slack.requests if method == "chat.postMessage"]
    failed = len(posts) - len(alerts)
    assert failed <= len(fake_time.sleeps) + 1
    if kind == "429":
        assert min(fake_time.sleeps) >= fake_slack.retry_after - 0.5
    waits = len(fake_time.sleeps)
    print(f"outage {kind}: {len(fake_slack.messages)}/{len(alerts)} posted, {failed} failed, {waits} waits")


async def test_unknown_channel_is_dead_lettered_and_the_rest_is_delivered(
    outbox: RedisOutbox,
    slack_settings: SlackSettings,
    fake_slack: FakeSlack,
    fake_time: FakeTime,
    tmp_path: Path,
) -> None:
    bad = slack_settings.model_copy(update={"channels_by_rule": {"lost-rule": "#nowhere"}})
    alerts = [make_alert(n, rule="lost-rule" if n % 3 == 0 else "record-drone-attack") for n in range(9)]
    for alert in alerts:
        enqueue(outbox.client, outbox.keys, alert)
    worker = worker_for(outbox, bad, tmp_path / "out.jsonl", fake_time)
    await drain(worker)
    assert outbox.depth() == 0
    letters = outbox.dead_letters()
    assert [d.alert.alert_id for d in letters] == ["alert-0000", "alert-0003", "alert-0006"]
    assert {d.reason for d in letters} == {"slack conversations.list: channel_not_found (channel #nowhere)"}
    assert len(fake_slack.messages) == 6
    assert len(jsonl_ids(tmp_path / "out.jsonl")) == 9  # the other sink got everything
    # fixed configuration + requeue: only Slack is tried again
    assert outbox.requeue() == 3
    fixed = worker_for(outbox, slack_settings, tmp_path / "out.jsonl", fake_time)
    await drain(fixed)
    assert fake_slack.posts_by_alert() == Counter({a.alert_id: 1 for a in alerts})
    assert jsonl_ids(tmp_path / "out.jsonl") == Counter({a.alert_id: 1 for a in alerts})
    assert outbox.dead_letter_count() == 0


async def test_entries_of_a_dead_consumer_are_claimed(
    redis_client: redis.Redis,
    namespace: str,
    slack_settings: SlackSettings,
    fake_slack: FakeSlack,
    tmp_path: Path,
) -> None:
    keys = Keys(namespace)
    dead = RedisOutbox(redis_client, keys, consumer="worker-dead")
    for n in range(5):
        enqueue(redis_client, keys, make_alert(n))
    assert len(dead.read_new()) == 5  # handed out, never acknowledged: the consumer died
    alive = RedisOutbox(redis_client, keys, consumer="worker-2")
    patient = DeliveryWorker(alive, [SlackSink(slack_settings, redis_client, keys)], claim_idle_ms=60_000)
    assert await patient.retry_pending() == 0 and not fake_slack.messages  # not stale yet
    taker = DeliveryWorker(alive, [SlackSink(slack_settings, redis_client, keys)], claim_idle_ms=0)
    assert await taker.retry_pending() == 0
    assert len(fake_slack.messages) == 5 and alive.depth() == 0


async def test_retryable_failures_are_dead_lettered_after_the_give_up_age(
    outbox: RedisOutbox, slack_settings: SlackSettings, fake_slack: FakeSlack, fake_time: FakeTime
) -> None:
    enqueue(outbox.client, outbox.keys, make_alert(1))
    fake_slack.outage = "500"
    fake_time.offset = 25 * 3600
    worker = DeliveryWorker(
        outbox,
        [SlackSink(slack_settings, outbox.client, outbox.keys)],
        clock=fake_time.clock,
        sleep=fake_time.sleep,
    )
    await drain(worker)
    [letter] = outbox.dead_letters()
    assert letter.reason.startswith("gave up after ") and letter.reason.endswith(
        "http_500 (channel C0ALERTS)"
    )
