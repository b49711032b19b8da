"""Buttons on alerts, through the real endpoint on a real port and the real slack_sdk client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
import redis

from monitor.interact.endpoint import ACTIONS_PATH
from monitor.settings import SlackSettings
from monitor.state.feedback import FeedbackStore
from monitor.state.keys import Keys
from monitor.state.silences import SilenceStore
from tests.slack.conftest import make_alert
from tests.slack.console import Harness, start_console
from tests.slack.fake_slack import FakeSlack, Posted


@pytest.fixture
async def console(
    fake_slack: FakeSlack, redis_client: redis.Redis, namespace: str, slack_settings: SlackSettings
) -> AsyncIterator[Harness]:
    harness = await start_console(fake_slack, redis_client, Keys(namespace), slack_settings)
    yield harness
    await harness.server.stop()


def marks(message: Posted) -> list[str]:
    return [e["text"] for b in message.blocks if b.get("block_id") == "monitor-marks" for e in b["elements"]]


async def test_every_alert_carries_the_three_controls(console: Harness) -> None:
    message = await console.post_alert(make_alert(1))
    [actions] = [b for b in message.blocks if b["type"] == "actions"]
    assert [e["action_id"] for e in actions["elements"]] == ["ack", "silence", "wrong"]
    assert actions["block_id"] == "monitor-actions:alert-0001"
    wrong = [o["text"]["text"] for o in actions["elements"][2]["options"]]
    assert wrong == [
        "not this war",
        "not a single attack",
        "wrong count",
        "wrong attacker",
        "duplicate",
        "other",
    ]


async def test_acknowledge_shows_who_and_when_and_replies_in_the_thread(console: Harness) -> None:
    message = await console.post_alert(make_alert(2))
    assert await console.click(message, "ack", "alert-0002", user="U0ALICE") == 200
    await console.settled(1)
    assert message.updates == 1
    [line] = marks(message)
    assert line.startswith(":white_check_mark: Acknowledged by <@U0ALICE> at <!date^")
    assert [b["type"] for b in message.blocks][-3:] == ["context", "actions", "context"]  # line above buttons
    [reply] = [m for m in console.fake.messages if m.thread_ts == message.ts]
    assert reply.text == "Acknowledged by <@U0ALICE>."
    # a second Acknowledge changes nothing and says so to the one who clicked
    assert await console.click(message, "ack", "alert-0002", user="U0BOB") == 200
    await console.settled(2)
    assert message.updates == 1
    assert console.fake.responses[-1]["text"] == "This alert was acknowledged already."
    assert console.fake.responses[-1]["response_type"] == "ephemeral"


@pytest.mark.parametrize(
    ("choice", "rule", "matchers", "hours"),
    [
        ("story:1h", "record-drone-attack", {"dedup_key": "record:Russia:803"}, 1),
        ("rule:24h", "record-drone-attack", {}, 24),
    ],
)
async def test_silence_this_story_or_this_rule(
    console: Harness, choice: str, rule: str, matchers: dict[str, str], hours: int
) -> None:
    message = await console.post_alert(make_alert(3))
    await console.click(message, "silence", choice)
    await console.settled(1)
    [silence] = SilenceStore(console.client, console.keys).active()
    assert (silence.rule, silence.matchers) == (rule, matchers)
    assert round((silence.ends_at - silence.created_at).total_seconds() / 3600) == hours
    assert silence.reason == "from Slack by U0ANALYST"
    assert f"(silence `{silence.id}`)" in marks(message)[0]


async def test_silence_until_a_time_through_the_modal(console: Harness) -> None:
    message = await console.post_alert(make_alert(4))
    await console.click(message, "silence", "rule:until")
    await console.settled(1)
    [opened] = console.fake.views
    view = opened["view"]
    assert view["callback_id"] == "monitor-silence-until"
    until = int(datetime.now(UTC).timestamp()) + 3 * 3600
    status = await console.submit(
        view, {"until": {"selected_date_time": until}, "note": {"value": "noisy tonight"}}
    )
    assert status == 200
    await console.settled(2)
    [silence] = SilenceStore(console.client, console.keys).active()
    assert abs(silence.ends_at.timestamp() - until) < 2
    assert silence.reason == "from Slack by U0ANALYST: noisy tonight"
    assert "silenced rule `record-drone-attack`" in marks(message)[0]  # updated after the modal


async def test_only_the_allow_list_may_silence(
    fake_slack: FakeSlack, redis_client: redis.Redis, namespace: str, slack_settings: SlackSettings
) -> None:
    fake_slack.usergroups["S0LEADS"] = ["U0DEPUTY"]
    console = await start_console(
        fake_slack, redis_client, Keys(namespace), slack_settings, silencers=["U0LEAD", "S0LEADS"]
    )
    try:
        message = await console.post_alert(make_alert(5))
        await console.click(message, "silence", "story:1h", user="U0INTRUDER")
        await console.settled(1)
        assert SilenceStore(console.client, console.keys).active() == []
        assert console.fake.responses[-1]["text"] == "You are not on the list of people who may silence."
        assert message.updates == 0
        await console.click(message, "silence", "story:1h", user="U0DEPUTY")  # via the group
        await console.settled(2)
        assert len(SilenceStore(console.client, console.keys).active()) == 1
        # a modal opened by someone allowed and submitted by someone who is not: refused too
        await console.click(message, "silence", "rule:until", user="U0LEAD")
        await console.settled(3)
        until = int(datetime.now(UTC).timestamp()) + 3600
        await console.submit(
            console.fake.views[-1]["view"], {"until": {"selected_date_time": until}}, "U0INTRUDER"
        )
        await console.settled(4)
        assert len(SilenceStore(console.client, console.keys).active()) == 1
    finally:
        await console.server.stop()


async def test_wrong_is_stored_with_item_fact_rule_and_reason(console: Harness) -> None:
    message = await console.post_alert(make_alert(6))
    await console.click(message, "wrong", "not_this_war", user="U0ALICE")
    await console.settled(1)
    [feedback] = FeedbackStore(console.client, console.keys).since()
    assert (feedback.rule, feedback.reason, feedback.user, feedback.alert_id) == (
        "record-drone-attack", "not_this_war", "U0ALICE", "alert-0006"
    )  # fmt: skip
    assert feedback.item["title"] == "Largest Russian air attack of the war"
    assert feedback.fact["launched"] == 806 and feedback.fact_kind == "strike"
    assert feedback.corrected is None
    assert marks(message) == [f":x: <@U0ALICE> marked this wrong: not this war (feedback `{feedback.id}`)"]
    assert FeedbackStore(console.client, console.keys).wrong_per_rule() == {"record-drone-attack": 1}


async def test_wrong_count_asks_for_the_corrected_figures(console: Harness) -> None:
    message = await console.post_alert(make_alert(7))
    await console.click(message, "wrong", "wrong_count")
    await console.settled(1)
    view = console.fake.views[0]["view"]
    assert view["callback_id"] == "monitor-correction"
    assert {b["block_id"] for b in view["blocks"] if b["type"] == "input"} == {"launched", "attacker", "note"}
    values = {"launched": {"value": "80"}, "attacker": {"selected_option": {"value": "Russia"}}}
    await console.submit(view, values)
    await console.settled(2)
    [feedback] = FeedbackStore(console.client, console.keys).since()
    assert feedback.reason == "wrong_count"
    assert feedback.corrected is not None
    assert (feedback.corrected["launched"], feedback.corrected["attacker"]) == (80, "Russia")
    assert "wrong count" in marks(message)[0]


async def test_marks_survive_an_update_of_the_story_parent(console: Harness) -> None:
    message = await console.post_alert(make_alert(8))
    await console.click(message, "ack", "alert-0008")
    await console.settled(1)
    other = make_alert(9, dedup_key="record:Russia:808", item={**make_alert(9).item, "source": "kyiv-post"})
    await console.sink.send(other)  # a second outlet: reply in the thread, parent updated
    assert message.updates >= 2
    assert marks(message)[0].startswith(":white_check_mark: Acknowledged by <@U0ANALYST>")


async def test_the_answer_comes_before_the_work(console: Harness) -> None:
    message = await console.post_alert(make_alert(10))
    console.fake.methods = ("chat.update",)
    console.fake.fail = ["hang"]  # chat.update never answers: the work cannot finish
    status = await console.sender.post(
        console.sender.sign(ACTIONS_PATH, console.sender.click(message, "ack", "alert-0010"))
    )
    assert status == 200
    assert console.fake.answered["chat.update"] == 0  # answered while the work was still waiting
    await console.fake.wait_for(console.fake.hanging.is_set)
    await console.settled(1)  # the update times out (timeout_s=1) and the job ends, logged


async def test_wrong_per_rule_this_week_is_a_metric(console: Harness) -> None:
    message = await console.post_alert(make_alert(11))
    await console.click(message, "wrong", "duplicate")
    await console.settled(1)
    text = console.metrics.render().decode()
    assert 'monitor_wrong_this_week{rule="record-drone-attack"} 1.0' in text
    assert 'monitor_slack_interactions_total{kind="action",verdict="ok"} 1.0' in text


async def test_a_click_on_an_alert_no_longer_kept_is_answered(console: Harness) -> None:
    message = await console.post_alert(make_alert(12))
    console.client.delete(console.keys.slack_alert("alert-0012"))
    await console.click(message, "ack", "alert-0012")
    await console.settled(1)
    assert console.fake.responses[-1]["text"] == "This alert is too old to act on from Slack."
    assert message.updates == 0


def test_only_our_actions_blocks_carry_an_alert_id() -> None:
    from monitor.sinks.slack.buttons import alert_id_of

    assert alert_id_of("monitor-actions:abc") == "abc"
    assert alert_id_of("someone-elses-block") is None
