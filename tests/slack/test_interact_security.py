"""Only Slack's signed, fresh, first requests change anything; secrets stay out of every output."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
import redis

from monitor.interact.endpoint import ACTIONS_PATH, COMMANDS_PATH
from monitor.interact.verify import MAX_AGE_S
from monitor.settings import SlackSettings
from monitor.state.feedback import FeedbackStore
from monitor.state.keys import Keys
from tests.slack.conftest import make_alert
from tests.slack.console import Harness, start_console
from tests.slack.fake_slack import TOKEN, FakeSlack
from tests.slack.slack_sender import SECRET, Signed, SlackSender


@pytest.fixture
async def console(
    fake_slack: FakeSlack, redis_client: redis.Redis, namespace: str, slack_settings: SlackSettings
) -> AsyncIterator[Harness]:
    harness = await start_console(fake_slack, redis_client, Keys(namespace), slack_settings)
    yield harness
    await harness.server.stop()


def _forged(request: Signed) -> Signed:
    return Signed(request.path, request.body, request.headers | {"X-Slack-Signature": "v0=" + "0" * 64})


def _unsigned(request: Signed) -> Signed:
    headers = {k: v for k, v in request.headers.items() if not k.startswith("X-Slack-")}
    return Signed(request.path, request.body, headers)


def _tampered(request: Signed) -> Signed:
    return Signed(request.path, request.body + b"&user_id=U0MALLORY", request.headers)


def _from_the_future(request: Signed) -> Signed:
    return Signed(request.path, request.body, request.headers | {"X-Slack-Request-Timestamp": "99999999999"})


@pytest.mark.parametrize("spoil", [_forged, _unsigned, _tampered, _from_the_future])
@pytest.mark.parametrize("path", [ACTIONS_PATH, COMMANDS_PATH])
async def test_a_bad_signature_is_refused_and_changes_nothing(
    console: Harness, spoil: object, path: str
) -> None:
    message = await console.post_alert(make_alert(1))
    before = console.snapshot()
    if path == ACTIONS_PATH:
        body = console.sender.click(
            message, "wrong", "not_this_war", response_url=console.fake.response_url(1)
        )
    else:
        body = console.sender.command("silence * 2h spoofed", console.fake.response_url(1))
    request = spoil(console.sender.sign(path, body))  # type: ignore[operator]
    assert await console.sender.post(request) == 401
    assert console.snapshot() == before  # not even the replay guard's key
    assert message.updates == 0 and console.fake.responses == []
    assert console.endpoint._tasks == set()  # no work was started


async def test_a_request_replayed_after_five_minutes_is_refused(console: Harness) -> None:
    message = await console.post_alert(make_alert(2))
    captured = console.sender.sign(ACTIONS_PATH, console.sender.click(message, "wrong", "not_this_war"))
    console.clock.offset = MAX_AGE_S + 1  # the same bytes, five minutes and a second later
    before = console.snapshot()
    assert await console.sender.post(captured) == 401
    assert console.snapshot() == before
    assert FeedbackStore(console.client, console.keys).since() == []
    text = console.metrics.render().decode()
    assert 'monitor_slack_interactions_total{kind="action",verdict="stale"} 1.0' in text


async def test_retries_and_replays_inside_the_window_are_handled_once(console: Harness) -> None:
    message = await console.post_alert(make_alert(3))
    body = console.sender.click(message, "wrong", "not_this_war")
    assert await console.sender.post(console.sender.sign(ACTIONS_PATH, body)) == 200
    # Slack did not see our answer and retries (fresh timestamp and signature, same payload)
    assert await console.sender.post(console.sender.sign(ACTIONS_PATH, body, retry=1)) == 200
    # an eavesdropper replays the first request as captured, inside the five minutes
    assert await console.sender.post(console.sender.sent[0][0]) == 200
    await console.settled(1)
    assert len(FeedbackStore(console.client, console.keys).since()) == 1
    assert message.updates == 1
    text = console.metrics.render().decode()
    assert 'monitor_slack_interactions_total{kind="action",verdict="duplicate"} 2.0' in text


async def test_secrets_stay_out_of_logs_errors_and_reprs(
    console: Harness, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("slack_sdk").setLevel(logging.DEBUG)
    message = await console.post_alert(make_alert(5))
    await console.click(message, "ack", "alert-0005")
    await console.sender.post(_forged(console.sender.sign(ACTIONS_PATH, b"payload=%7B%7D")))
    console.fake.fail = ["invalid_auth"]
    console.fake.methods = ("chat.update",)
    await console.click(message, "wrong", "duplicate")
    await console.settled(2)
    out, err = capsys.readouterr()
    outputs = (caplog.text, out, err, repr(console.endpoint.guard), repr(console.endpoint.actions.api))
    for text in outputs:
        assert SECRET not in text and TOKEN not in text
    assert "invalid_auth" in caplog.text  # the reason is logged, the secrets are not


async def test_the_endpoint_can_share_the_metrics_server(console: Harness) -> None:
    from monitor.observability.server import HealthServer

    server = HealthServer(console.metrics, {}, "127.0.0.1", 0, routes=[console.endpoint.add_routes])
    await server.start()
    try:
        sender = SlackSender(f"http://127.0.0.1:{server.port}")
        message = await console.post_alert(make_alert(6))
        assert await sender.post(_unsigned(sender.sign(ACTIONS_PATH, b"payload=%7B%7D"))) == 401
        assert await sender.deliver(ACTIONS_PATH, sender.click(message, "ack", "alert-0006")) == 200
        await console.settled(1)
        assert message.updates == 1
    finally:
        await server.stop()
