"""The token never reaches a log line, an exception message or a repr, even when rejected."""

from __future__ import annotations

import logging

import pytest
import redis
from pydantic import SecretStr

from monitor.outbox.stream import RedisOutbox
from monitor.outbox.worker import DeliveryWorker
from monitor.settings import SlackSettings
from monitor.sinks.base import DeliveryError
from monitor.sinks.slack.sink import SlackSink
from monitor.sinks.slack.webhook import WebhookSink
from monitor.state.keys import Keys
from tests.slack.conftest import enqueue, make_alert
from tests.slack.fake_slack import WEBHOOK_PATH, FakeSlack

WRONG = "xoxb-0000-0000-WRONGtokenSECRET"


async def test_rejected_token_stays_out_of_logs_and_errors(
    fake_slack: FakeSlack,
    redis_client: redis.Redis,
    namespace: str,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = SlackSettings(
        bot_token=SecretStr(WRONG), api_url=fake_slack.api_url, default_channel="#alerts"
    )
    sink = SlackSink(settings, redis_client, Keys(namespace))
    outbox = RedisOutbox(redis_client, Keys(namespace))
    enqueue(redis_client, outbox.keys, make_alert(1))
    worker = DeliveryWorker(outbox, [sink])
    await worker.drain()
    [letter] = outbox.dead_letters()
    assert letter.reason == "slack chat.postMessage: invalid_auth (channel #alerts)"
    with pytest.raises(DeliveryError) as caught:
        await sink.send(make_alert(2))
    out, err = capsys.readouterr()
    for text in (caplog.text, out, err, str(caught.value), repr(caught.value), repr(sink), repr(settings)):
        assert WRONG not in text and "WRONGtoken" not in text
    assert "invalid_auth" in caplog.text  # the reason is logged, the token is not


async def test_webhook_url_stays_out_of_logs_and_errors(
    fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("slack_sdk").setLevel(logging.DEBUG)
    sink = WebhookSink(SlackSettings(webhook_url=SecretStr(fake_slack.webhook_url)))
    await sink.send(make_alert(1))
    fake_slack.fail = ["drop"]
    with pytest.raises(DeliveryError) as caught:
        await sink.send(make_alert(2))
    out, err = capsys.readouterr()
    for text in (caplog.text, out, err, str(caught.value), repr(sink)):
        assert WEBHOOK_PATH not in text and "WEBHOOKsecret" not in text
