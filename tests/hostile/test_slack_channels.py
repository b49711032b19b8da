"""A channel given by name is resolved to its ID before the first post, so a post whose answer
was lost is found in the history instead of posted again; Retry-After is honoured exactly."""

from __future__ import annotations

import logging

import pytest
import redis

from monitor.outbox.stream import RedisOutbox
from monitor.outbox.worker import DeliveryWorker
from monitor.settings import SlackSettings
from monitor.sinks.slack.ledger import SendLedger
from monitor.sinks.slack.sink import SlackSink
from monitor.state.keys import Keys
from tests.hostile.conftest import FakeTime
from tests.slack.conftest import enqueue, make_alert
from tests.slack.fake_slack import CHANNELS, FakeSlack


@pytest.mark.timeout(60)
async def test_a_post_answered_after_the_timeout_is_found_not_posted_again(
    redis_client: redis.Redis,
    namespace: str,
    slack_settings: SlackSettings,
    fake_slack: FakeSlack,
    fake_time: FakeTime,
    caplog: pytest.LogCaptureFixture,
) -> None:
    keys = Keys(namespace)
    # Slack posts, then answers after the client's 1 s timeout: five times in a row
    fake_slack.fail = ["hang_after"] * 5
    sink = SlackSink(slack_settings.model_copy(update={"channels_by_severity": {}}), redis_client, keys)
    worker = DeliveryWorker(
        RedisOutbox(redis_client, keys), [sink], clock=fake_time.clock, sleep=fake_time.sleep
    )
    alerts = [make_alert(n) for n in range(3)]
    for alert in alerts:
        enqueue(redis_client, keys, alert)
    with caplog.at_level(logging.WARNING):
        await worker.drain()
    assert fake_slack.posts_by_alert() == {a.alert_id: 1 for a in alerts}
    assert {m.channel for m in fake_slack.messages} == {CHANNELS["#alerts"]}
    methods = [method for method, _ in fake_slack.requests]
    assert methods[0] == "conversations.list"  # the name is resolved before the first post
    assert methods.count("conversations.history") >= 1
    assert "posting again" not in caplog.text
    assert SendLedger(redis_client, keys).channel_id("#alerts") == CHANNELS["#alerts"]


@pytest.mark.timeout(60)
async def test_a_stale_channel_id_is_resolved_again_on_channel_not_found(
    redis_client: redis.Redis, namespace: str, slack_settings: SlackSettings, fake_slack: FakeSlack
) -> None:
    keys = Keys(namespace)
    SendLedger(redis_client, keys).remember_channel("#alerts", "C0RENAMED")  # the old channel's ID
    sink = SlackSink(slack_settings.model_copy(update={"channels_by_severity": {}}), redis_client, keys)
    await sink.send(make_alert(1))
    assert [m.channel for m in fake_slack.messages] == [CHANNELS["#alerts"]]
    assert SendLedger(redis_client, keys).channel_id("#alerts") == CHANNELS["#alerts"]


@pytest.mark.timeout(60)
async def test_after_a_429_the_wait_is_what_slack_asked_not_an_older_backoff(
    redis_client: redis.Redis,
    namespace: str,
    slack_settings: SlackSettings,
    fake_slack: FakeSlack,
    fake_time: FakeTime,
    caplog: pytest.LogCaptureFixture,
) -> None:
    keys = Keys(namespace)
    fake_slack.retry_after = 2
    fake_slack.fail = ["500"] * 6 + ["429"]  # backoff grows to 16 s, then Slack asks for 2 s
    worker = DeliveryWorker(
        RedisOutbox(redis_client, keys),
        [SlackSink(slack_settings, redis_client, keys)],
        clock=fake_time.clock,
        sleep=fake_time.sleep,
    )
    enqueue(redis_client, keys, make_alert(1))
    with caplog.at_level(logging.WARNING, logger="monitor.outbox.worker"):
        await worker.drain()
    assert fake_slack.posts_by_alert() == {"alert-0001": 1}
    waits = [float(m.split("retrying in ")[1].split("s:")[0]) for m in caplog.messages if "retrying in" in m]
    assert waits == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 2.0]  # the last: Slack's 2 s, not max(32, 2)
