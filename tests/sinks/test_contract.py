"""The contract every sink passes, each built through the registry and driven by the real
delivery worker over a real Redis outbox (Slack sinks against the local fake Web API).

- a send returns a receipt;
- an outbox entry delivered again (a redelivery after a crash, a takeover) reaches a sink once;
- a failure is a DeliveryError whose ``retryable`` says whether a retry can succeed: the worker
  keeps retryable failures pending and dead-letters the others;
- nothing a sink raises is anything but a DeliveryError.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from pydantic import SecretStr

from monitor.models import Alert
from monitor.outbox.stream import RedisOutbox
from monitor.outbox.worker import DeliveryWorker
from monitor.settings import SINK_KINDS, Settings, SlackSettings
from monitor.sinks.base import DeliveryError, Sink
from monitor.sinks.registry import SINK_TYPES, build_sink
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace
from tests.slack.conftest import enqueue, make_alert
from tests.slack.fake_slack import FakeSlack


@dataclass
class Case:
    """One sink under contract: how to count what reached it and how to make it fail."""

    sink: Sink
    #: How many times an alert (known by a text only it has) reached the sink's destination.
    delivered: Callable[[Alert], int]
    #: Make the sink's next send fail retryably (None: nothing a test can break).
    retryable: Callable[[], None] | None = None
    #: Make a send fail for good; returns the sink to send with (None: this case's own).
    fatal: Callable[[], Sink | None] | None = None


def _printed(capsys: pytest.CaptureFixture[str]) -> Callable[[Alert], int]:
    seen: list[str] = []

    def count(alert: Alert) -> int:
        seen.append(capsys.readouterr().out)
        return sum(1 for line in "".join(seen).splitlines() if alert.title in line)

    return count


def _case(
    kind: str,
    tmp_path: Path,
    state: Namespace,
    fake_slack: FakeSlack,
    slack_settings: SlackSettings,
    capsys: pytest.CaptureFixture[str],
) -> Case:
    settings = Settings.model_construct(slack=slack_settings)
    if kind == "console":
        return Case(build_sink("console", settings, state), _printed(capsys))
    if kind == "slack-dry":
        return Case(build_sink("slack-dry", settings, state), _printed(capsys))
    if kind == "jsonl":
        folder = tmp_path / "out"
        folder.mkdir()
        path = folder / "alerts.jsonl"

        def lines(alert: Alert) -> int:
            return path.read_text().count(alert.alert_id) if path.exists() else 0

        def unwritable() -> None:  # the folder becomes a file: the next open fails, retryably
            if folder.is_dir():
                folder.rmdir()
                folder.write_text("not a folder")

        return Case(build_sink(f"jsonl:{path}", settings, state), lines, retryable=unwritable)
    if kind == "slack":
        return Case(
            build_sink("slack", settings, state),
            lambda alert: fake_slack.posts_by_alert()[alert.alert_id],
            retryable=lambda: fake_slack.fail.append("500"),
            fatal=lambda: fake_slack.fail.append("channel_not_found"),
        )

    def webhook(url: str) -> Sink:
        return build_sink(
            "slack", Settings.model_construct(slack=SlackSettings(webhook_url=SecretStr(url))), state
        )

    def posted(alert: Alert) -> int:
        return sum(
            1 for method, body in fake_slack.requests if method == "webhook" and alert.title in str(body)
        )

    return Case(
        webhook(fake_slack.webhook_url),
        posted,
        retryable=lambda: fake_slack.fail.append("429"),
        fatal=lambda: webhook(fake_slack.url + "/services/T/B/revoked"),  # 404 no_service
    )


KINDS = ["console", "jsonl", "slack", "slack-webhook", "slack-dry"]


@pytest.fixture(params=KINDS)
async def case(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    redis_client: redis.Redis,
    namespace: str,
    fake_slack: FakeSlack,
    slack_settings: SlackSettings,
    capsys: pytest.CaptureFixture[str],
) -> AsyncIterator[Case]:
    state = Namespace(redis_client, Keys(namespace))
    made = _case(request.param, tmp_path, state, fake_slack, slack_settings, capsys)
    yield made
    await made.sink.close()


@pytest.fixture
def outbox(redis_client: redis.Redis, namespace: str) -> RedisOutbox:
    return RedisOutbox(redis_client, Keys(namespace))


def test_every_registered_sink_is_under_contract() -> None:
    assert set(SINK_TYPES) == set(SINK_KINDS)
    assert {kind.partition("-webhook")[0] for kind in KINDS} == set(SINK_TYPES)


async def test_a_send_returns_a_receipt(case: Case) -> None:
    receipt = await case.sink.send(make_alert(1))
    assert isinstance(receipt, str) and receipt


async def test_a_redelivered_entry_reaches_the_sink_once(case: Case, outbox: RedisOutbox) -> None:
    alert = make_alert(2)
    enqueue(outbox.client, outbox.keys, alert)
    worker = DeliveryWorker(outbox, [case.sink])
    [entry] = outbox.read_new()
    assert await worker.deliver(entry)
    restarted = DeliveryWorker(outbox, [case.sink])  # a new process: nothing held in memory
    assert await restarted.deliver(entry)
    assert case.delivered(alert) == 1
    assert outbox.receipt(case.sink.name, alert.alert_id) not in (None, "dead-lettered")


#: Sinks a test can make fail: console and slack-dry write to the terminal, which cannot fail
#: here; the jsonl sink's only failure (an unwritable path) is retryable.
RETRYABLE_KINDS = ["jsonl", "slack", "slack-webhook"]
FATAL_KINDS = ["slack", "slack-webhook"]


def test_the_failure_lists_name_every_sink_that_can_fail() -> None:
    assert set(RETRYABLE_KINDS) | set(FATAL_KINDS) <= set(KINDS)
    assert set(KINDS) - set(RETRYABLE_KINDS) == {"console", "slack-dry"}


@pytest.mark.parametrize("case", RETRYABLE_KINDS, indirect=True)
async def test_a_retryable_failure_stays_pending_for_a_retry(case: Case, outbox: RedisOutbox) -> None:
    assert case.retryable is not None, f"{case.sink.name} lost its failure"
    case.retryable()
    with pytest.raises(DeliveryError) as caught:
        await case.sink.send(make_alert(3))
    assert caught.value.retryable
    alert = make_alert(4)
    enqueue(outbox.client, outbox.keys, alert)
    case.retryable()
    worker = DeliveryWorker(outbox, [case.sink])
    assert await worker.run_once() == 1
    assert outbox.depth() == 1 and outbox.dead_letters() == []  # pending, to be retried


@pytest.mark.parametrize("case", FATAL_KINDS, indirect=True)
async def test_a_fatal_failure_is_dead_lettered_at_once(case: Case, outbox: RedisOutbox) -> None:
    assert case.fatal is not None, f"{case.sink.name} lost its fatal failure"
    sink = case.fatal() or case.sink
    with pytest.raises(DeliveryError) as caught:
        await sink.send(make_alert(5))
    assert not caught.value.retryable
    alert = make_alert(6)
    enqueue(outbox.client, outbox.keys, alert)
    sink = case.fatal() or case.sink
    worker = DeliveryWorker(outbox, [sink])
    await worker.run_once()
    [letter] = outbox.dead_letters()
    assert letter.alert.alert_id == alert.alert_id and outbox.depth() == 0
