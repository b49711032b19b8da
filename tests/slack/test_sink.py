"""SlackSink against the fake Web API: routing, mentions, threads, updates, failures."""

from __future__ import annotations

import pytest
import redis

from monitor.settings import SlackSettings
from monitor.sinks.base import DeliveryError
from monitor.sinks.slack.sink import SlackSink
from monitor.sinks.slack.webhook import WebhookSink
from monitor.state.keys import Keys
from tests.slack.conftest import make_alert
from tests.slack.fake_slack import CHANNELS, FakeSlack


@pytest.fixture
def sink(slack_settings: SlackSettings, redis_client: redis.Redis, namespace: str) -> SlackSink:
    return SlackSink(slack_settings, redis_client, Keys(namespace))


async def test_posts_to_the_routed_channel_with_the_oncall_mention(
    sink: SlackSink, fake_slack: FakeSlack
) -> None:
    ts = await sink.send(make_alert(1))
    [posted] = fake_slack.messages
    assert (posted.channel, posted.ts, posted.thread_ts) == (CHANNELS["#alerts"], ts, None)
    assert posted.text.startswith("<!subteam^S0ONCALL> CRITICAL: Record drone attack by Russia: 801 drones")
    assert posted.alert_id == "alert-0001"


@pytest.mark.parametrize(
    ("changes", "channel"),
    [
        ({"severity": "warning", "rule": "mass-drone-attack"}, "#air-desk"),  # severity route
        ({"severity": "critical", "rule": "foreign-troops-new"}, "#troops"),  # rule route
        ({"severity": "warning", "rule": "foreign-troops-new"}, "#troops"),  # rule beats severity
        ({"channel": "#oncall", "rule": "foreign-troops-new"}, "#oncall"),  # Alert.channel wins
        ({"severity": "info", "rule": "other"}, "#alerts"),  # default
    ],
)
async def test_routing(sink: SlackSink, fake_slack: FakeSlack, changes: dict[str, str], channel: str) -> None:
    await sink.send(make_alert(2, **changes))
    assert fake_slack.messages[0].channel == CHANNELS[channel]


async def test_no_mention_below_critical(sink: SlackSink, fake_slack: FakeSlack) -> None:
    await sink.send(make_alert(3, severity="warning"))
    assert "subteam" not in fake_slack.messages[0].text


async def test_follow_ups_go_to_the_thread_and_update_the_parent(
    slack_settings: SlackSettings, redis_client: redis.Redis, namespace: str, fake_slack: FakeSlack
) -> None:
    first = SlackSink(slack_settings, redis_client, Keys(namespace))
    parent_ts = await first.send(make_alert(5))
    # a restarted monitor (new sink, same Redis) still knows the story's thread
    second = SlackSink(slack_settings, redis_client, Keys(namespace))
    story = {"dedup_key": "record:Russia:805"}
    other = make_alert(6, **story, item={**make_alert(6).item, "source": "kyiv-post"})
    again = make_alert(7, **story, item={**make_alert(7).item, "source": "kyiv-post"})
    await second.send(other)
    await second.send(again)
    parent, reply1, reply2 = fake_slack.messages
    assert parent.ts == parent_ts and parent.thread_ts is None
    assert reply1.thread_ts == reply2.thread_ts == parent_ts
    assert "subteam" not in reply1.text  # the on-call group is pinged once per story
    assert parent.updates == 2
    context = parent.blocks[-1]["elements"][1]["text"]
    assert context == "2 sources report this story"  # seed-blog and kyiv-post
    assert "807" in parent.blocks[0]["text"]["text"]  # the latest figures


async def test_unknown_channel_is_a_permanent_error_naming_the_channel(
    sink: SlackSink, fake_slack: FakeSlack
) -> None:
    with pytest.raises(DeliveryError) as caught:
        await sink.send(make_alert(8, channel="#nowhere"))
    assert not caught.value.retryable
    assert caught.value.reason == "slack conversations.list: channel_not_found (channel #nowhere)"


@pytest.mark.parametrize(
    ("fault", "reason", "retry_after"),
    [
        ("429", "slack chat.postMessage: ratelimited (channel C0ALERTS)", 3.0),
        ("500", "slack chat.postMessage: http_500 (channel C0ALERTS)", None),
        ("hang", "slack chat.postMessage: TimeoutError (no answer)", None),
        ("drop", "slack chat.postMessage: ServerDisconnectedError (no answer)", None),
    ],
)
async def test_transient_failures_are_retryable(
    sink: SlackSink, fake_slack: FakeSlack, fault: str, reason: str, retry_after: float | None
) -> None:
    fake_slack.fail = [fault]
    with pytest.raises(DeliveryError) as caught:
        await sink.send(make_alert(9))
    assert (caught.value.retryable, caught.value.reason, caught.value.retry_after) == (
        True,
        reason,
        retry_after,
    )
    await sink.send(make_alert(9))
    assert fake_slack.posts_by_alert()["alert-0009"] == 1


@pytest.mark.parametrize("fault", ["drop_after", "hang_after"])
async def test_a_post_whose_answer_was_lost_is_found_not_reposted(
    sink: SlackSink, fake_slack: FakeSlack, redis_client: redis.Redis, namespace: str, fault: str
) -> None:
    redis_client.set(Keys(namespace).slack_channel_id("#alerts"), "C0ALERTS")  # learnt earlier
    fake_slack.fail = [fault]
    with pytest.raises(DeliveryError):
        await sink.send(make_alert(10))
    assert fake_slack.posts_by_alert()["alert-0010"] == 1  # Slack did post
    ts = await sink.send(make_alert(10))
    assert fake_slack.posts_by_alert()["alert-0010"] == 1
    assert ts == fake_slack.messages[0].ts
    assert [m for m, _ in fake_slack.requests].count("conversations.history") == 1


async def test_webhook_mode_posts_blocks(fake_slack: FakeSlack) -> None:
    from pydantic import SecretStr

    settings = SlackSettings(webhook_url=SecretStr(fake_slack.webhook_url), oncall_group="S0ONCALL")
    sink = WebhookSink(settings)
    await sink.send(make_alert(11))
    [posted] = fake_slack.messages
    assert posted.channel == "webhook" and posted.blocks[0]["type"] == "header"
    fake_slack.fail = ["429"]
    with pytest.raises(DeliveryError) as caught:
        await sink.send(make_alert(12))
    assert caught.value.retryable and caught.value.retry_after == 3.0
    bad = WebhookSink(SlackSettings(webhook_url=SecretStr(fake_slack.url + "/services/T/B/wrong")))
    with pytest.raises(DeliveryError) as caught:
        await bad.send(make_alert(13))
    assert not caught.value.retryable and "no_service" in caught.value.reason
    assert "wrong" not in caught.value.reason
