"""A story's one Slack message as it develops, from articles through the pipeline, the outbox and
the real slack_sdk client against the local Web API server: sources that disagree are shown side
by side with attribution, and a revised figure updates the parent and adds a thread reply."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import redis
from rich.console import Console

from monitor.models import Alert, Item
from monitor.outbox.stream import RedisOutbox
from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.settings import SlackSettings
from monitor.sinks.console import ConsoleSink, alert_text
from monitor.sinks.slack.sink import SlackSink
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from monitor.stories.joiner import StoryJoiner
from tests.conftest import RULES
from tests.slack.fake_slack import FakeSlack

T = datetime(2025, 5, 18, 5, 30, tzinfo=UTC)
AIR_FORCE = (
    "Russia launched 472 drones and 48 missiles at Ukraine overnight. Air defences neutralized 382 "
    "of the drones, Ukraine's air force said on Sunday."
)
PRESIDENT = (
    "President Zelensky said Russia sent 500 drones against Ukrainian cities overnight and called "
    "for more air defence systems."
)
#: An earlier, larger attack: the record rule's baseline, so this story's figures are no record.
EARLIER = "Russia launched 810 drones at Ukraine overnight, Ukraine's air force said."
REVISION = "Russia launched 550 drones at Ukraine overnight, the air force said, revising its first count."


def _item(item_id: str, source: str, text: str, at: datetime) -> Item:
    return Item(id=item_id, source=source, title=f"report {item_id}", text=text, published=at)


@pytest.fixture
def keys(namespace: str) -> Keys:
    return Keys(namespace)


async def _deliver(client: redis.Redis, keys: Keys, items: list[Item], sink: SlackSink) -> list[Alert]:
    """Each item through the pipeline as it arrives, then its alerts from the outbox to Slack;
    the alerts of the story under test (the earlier attack's message is the first post)."""
    rules, _ = load_rules([RULES])
    pipeline = Pipeline(rules, RedisStateStore(client, keys), stories=StoryJoiner(client, keys))
    outbox = RedisOutbox(client, keys)
    sent: list[Alert] = []
    for item in [_item("earlier", "air-force", EARLIER, T - timedelta(days=7)), *items]:
        pipeline.process([item])
        for entry in outbox.read_new(count=100):
            await sink.send(entry.alert)
            sent.append(entry.alert)
    assert [(a.item["id"], a.reason) for a in sent[:1]] == [("earlier", "first")]
    return sent[1:]


def _text(blocks: list[dict[str, Any]]) -> str:
    return "\n".join(str(block) for block in blocks)


async def test_disagreeing_figures_side_by_side_with_attribution(
    redis_client: redis.Redis, keys: Keys, slack_settings: SlackSettings, fake_slack: FakeSlack
) -> None:
    sink = SlackSink(slack_settings, redis_client, keys)
    items = [
        _item("af", "air-force", AIR_FORCE, T),
        _item("pres", "president", PRESIDENT, T + timedelta(hours=1)),
    ]
    sent = await _deliver(redis_client, keys, items, sink)
    assert [(a.rule, a.item["id"], a.reason) for a in sent] == [
        ("mass-drone-attack", "af", "first"),
        ("mass-drone-attack", "pres", "cooldown"),
    ]
    # each source's latest figure per attack (drones, then the missiles), as the story keeps them
    side_by_side = (
        "air-force: 472 drones launched, 382 neutralized, 48 missiles launched; "
        "president: 500 drones launched"
    )
    assert sent[0].figures == ""  # one source: nothing to set side by side
    assert sent[1].figures == side_by_side
    assert f"Figures by source: {side_by_side}" in alert_text(sent[1]).plain
    buffer = io.StringIO()
    printed = Console(file=buffer, width=400)
    await ConsoleSink(printed).send(sent[1])  # a follow-up: one line, and the figures under it
    assert f"Figures by source: {side_by_side}" in buffer.getvalue()
    _, parent, reply = fake_slack.messages
    assert reply.thread_ts == parent.ts
    shown = f"*Figures by source:* {side_by_side}"
    assert shown in _text(reply.blocks)
    assert parent.updates == 1 and shown in _text(parent.blocks)  # chat.update brought them up


async def test_agreeing_sources_show_no_figures_line(
    redis_client: redis.Redis, keys: Keys, slack_settings: SlackSettings, fake_slack: FakeSlack
) -> None:
    sink = SlackSink(slack_settings, redis_client, keys)
    items = [
        _item("af", "air-force", AIR_FORCE, T),
        _item("copy", "daily", AIR_FORCE + " (Reporting by our bureau)", T + timedelta(hours=1)),
    ]
    sent = await _deliver(redis_client, keys, items, sink)
    assert [a.figures for a in sent] == ["", ""]
    assert all("Figures by source" not in _text(m.blocks) for m in fake_slack.messages)


async def test_a_revised_figure_updates_the_parent_and_adds_a_thread_reply(
    redis_client: redis.Redis, keys: Keys, slack_settings: SlackSettings, fake_slack: FakeSlack
) -> None:
    sink = SlackSink(slack_settings, redis_client, keys)
    items = [
        _item("af", "air-force", AIR_FORCE, T),
        _item("rev", "air-force", REVISION, T + timedelta(hours=4)),  # the same outlet revises
    ]
    sent = await _deliver(redis_client, keys, items, sink)
    assert [(a.rule, a.item["id"], a.reason) for a in sent] == [
        ("mass-drone-attack", "af", "first"),
        ("mass-drone-attack", "rev", "cooldown"),
    ]
    _, parent, reply = fake_slack.messages
    assert parent.thread_ts is None and reply.thread_ts == parent.ts
    assert parent.updates == 1  # chat.update, once, for the one follow-up
    assert "550" in _text(reply.blocks)
    header = parent.blocks[0]["text"]["text"]
    assert "550 drones" in header and "472" not in header  # the parent now shows the revision
    assert sent[1].figures == ""  # one source revising itself does not disagree with anyone
