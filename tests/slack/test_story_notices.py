"""Story notices through the pipeline, the outbox and the real slack_sdk client against the local
Web API server: a later denial or retraction of a story is one reply in its thread and a mark on
its message (once per denying item, also when the batch or the delivery is retried); a denial
that ties to no alerted story, or an aside in a strike report, is none."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import redis

from monitor.clock import FixedClock
from monitor.models import Alert, Item
from monitor.outbox.stream import RedisOutbox
from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.settings import SlackSettings
from monitor.sinks.slack.sink import SlackSink
from monitor.sinks.wording import SINGLE_SOURCE
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from monitor.stories.disputes import DisputeTies
from monitor.stories.joiner import StoryJoiner
from tests.conftest import RULES
from tests.slack.fake_slack import FakeSlack

T = datetime(2025, 5, 18, 5, 30, tzinfo=UTC)
AIR_FORCE = (
    "Russia launched 472 drones and 48 missiles at Kyiv overnight. Air defences neutralized 382 "
    "of the drones, Ukraine's air force said on Sunday."
)
DENIAL = (
    "Russia's Defence Ministry on Sunday denied reports that its drones struck a children's "
    "hospital in the capital, calling them fake."
)
RETRACTION = "The outlet retracted its report of a drone attack on Kyiv's Obolon district."


def _item(item_id: str, source: str, text: str, at: datetime, title: str = "") -> Item:
    return Item(id=item_id, source=source, title=title or f"report {item_id}", text=text, published=at)


@pytest.fixture
def keys(namespace: str) -> Keys:
    return Keys(namespace)


def _pipeline(client: redis.Redis, keys: Keys) -> Pipeline:
    rules, _ = load_rules([RULES])
    joiner = StoryJoiner(client, keys)
    store = RedisStateStore(client, keys)
    return Pipeline(rules, store, stories=joiner, disputes=DisputeTies(client, keys, joiner))


async def _deliver(
    client: redis.Redis, keys: Keys, pipeline: Pipeline, sink: SlackSink, item: Item
) -> list[Alert]:
    pipeline.process([item])
    sent = []
    for entry in RedisOutbox(client, keys).read_new(count=100):
        await sink.send(entry.alert)
        sent.append(entry.alert)
    return sent


def _text(blocks: list[dict[str, Any]]) -> str:
    return "\n".join(str(block) for block in blocks)


async def test_a_denial_replies_in_the_story_thread_and_marks_its_message_once(
    redis_client: redis.Redis, keys: Keys, slack_settings: SlackSettings, fake_slack: FakeSlack
) -> None:
    sink = SlackSink(slack_settings, redis_client, keys)
    pipeline = _pipeline(redis_client, keys)
    (alert,) = await _deliver(redis_client, keys, pipeline, sink, _item("af", "air-force", AIR_FORCE, T))
    denial = _item("mod", "defence-ministry", DENIAL, T + timedelta(hours=3), "Russia denies drone strike")
    (notice,) = await _deliver(redis_client, keys, pipeline, sink, denial)
    assert (notice.notice, notice.reason, notice.rule) == ("disputed", "cooldown", "story-notice")
    assert notice.item["story_id"] == alert.item["story_id"]
    assert "Russia/drone, names Russia and drone" in notice.text
    parent, reply = fake_slack.messages
    assert parent.thread_ts is None and reply.thread_ts == parent.ts
    assert "Disputed: Russia denies drone strike" in _text(reply.blocks)
    assert parent.updates == 1
    assert "⛔ Disputed by defence-ministry: Russia denies drone strike" in _text(parent.blocks)
    assert "Mass drone attack by Russia: 472 drones launched" in parent.blocks[0]["text"]["text"]
    # the same item decided again (a retried batch) queues nothing; a redelivery posts nothing
    retried = pipeline._match(pipeline._joined_all([denial], pipeline._extract([denial]), T)[0])
    pipeline._notify([retried[0]], T + timedelta(hours=3))
    assert RedisOutbox(redis_client, keys).read_new(count=100) == []
    await sink.send(notice)
    assert len(fake_slack.messages) == 2
    # a later follow-up refreshes the parent and keeps the mark
    other = _item(
        "pres",
        "president",
        "Russia sent 500 drones at Kyiv overnight, the president said.",
        T + timedelta(hours=4),
    )
    await _deliver(redis_client, keys, pipeline, sink, other)
    assert "Mass drone attack by Russia: 500" in parent.blocks[0]["text"]["text"]  # the revision
    assert "⛔ Disputed by defence-ministry" in _text(parent.blocks)


async def test_a_retraction_naming_the_place_marks_the_message_retracted(
    redis_client: redis.Redis, keys: Keys, slack_settings: SlackSettings, fake_slack: FakeSlack
) -> None:
    sink = SlackSink(slack_settings, redis_client, keys)
    pipeline = _pipeline(redis_client, keys)
    await _deliver(redis_client, keys, pipeline, sink, _item("af", "air-force", AIR_FORCE, T))
    retraction = _item("rx", "daily-x", RETRACTION, T + timedelta(hours=6), "Correction to our Kyiv story")
    (notice,) = await _deliver(redis_client, keys, pipeline, sink, retraction)
    assert notice.notice == "retracted"  # a retraction outranks the headline's correction
    parent, reply = fake_slack.messages
    assert reply.thread_ts == parent.ts
    assert "⛔ Retracted by daily-x: Correction to our Kyiv story" in _text(parent.blocks)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # an aside in a strike report (its own figures), not a denial of the story
        ("Russia attacks Kyiv", "Russia launched 300 drones at Kyiv overnight; Moscow "
         "denied claims it targets civilians."),
        # denies something, but names no place or weapon of the story's attack
        ("Ukraine says Russian report of captured village is false",
         "Ukraine's military denied a Russian claim that its forces had captured a village in the "
         "Donetsk region."),
        # names no side, and a place the story's figures do not have
        ("Report of Kharkiv strike was false", "The report of a missile strike on Kharkiv was "
         "false, the regional governor said."),
        # no report denied at all
        ("Kremlin denies targeting civilians", "The Kremlin has repeatedly denied deliberately "
         "targeting civilian infrastructure."),
    ],
)  # fmt: skip
async def test_what_is_not_a_denial_of_the_story_posts_nothing(
    redis_client: redis.Redis,
    keys: Keys,
    slack_settings: SlackSettings,
    fake_slack: FakeSlack,
    title: str,
    text: str,
) -> None:
    sink = SlackSink(slack_settings, redis_client, keys)
    pipeline = _pipeline(redis_client, keys)
    await _deliver(redis_client, keys, pipeline, sink, _item("af", "air-force", AIR_FORCE, T))
    sent = await _deliver(
        redis_client, keys, pipeline, sink, _item("x", "other", text, T + timedelta(hours=2), title)
    )
    assert [a.notice for a in sent if a.notice] == []
    (parent, *_) = fake_slack.messages
    assert "Disputed" not in _text(parent.blocks) and "Retracted" not in _text(parent.blocks)


async def test_a_denial_of_a_story_with_no_alert_queues_nothing(
    redis_client: redis.Redis, keys: Keys
) -> None:
    pipeline = _pipeline(redis_client, keys)
    quiet = "Russia launched 40 drones at Kyiv overnight, the air force said."  # below every rule
    pipeline.process([_item("q", "air-force", quiet, T)])
    pipeline.process(
        [_item("mod", "defence-ministry", DENIAL, T + timedelta(hours=1), "Russia denies drone strike")]
    )
    assert RedisOutbox(redis_client, keys).read_new(count=100) == []


WIRE = (
    "Russia launched 539 drones and 11 missiles at Ukraine overnight, Ukraine's air force said on Friday. "
    "Air defences shot down or jammed 476 of the drones."
)
OWN_WORDS = (
    "Kyiv spent the night in shelters as Russia sent 539 drones against Ukraine, according to the "
    "air force, in one of the heaviest attacks on the capital this summer."
)
FEWER = "Russia launched 480 drones at Ukraine overnight, a regional governor said."
HOLD = """rules:
  - id: corroborated-drones
    title: "Drone attack by {{ fact.attacker }}: {{ fact.launched }} launched"
    type: threshold
    where: {weapon: drone}
    threshold: {field: launched, gte: 500}
    dedup_key: "drones:{{ story_id }}:{{ fact.attacker }}"
    story: "{{ story_id }}"
    realert: 24h
    min_sources: 2
    max_hold: 3h
"""


async def _single_source_parent(
    client: redis.Redis, keys: Keys, sink: SlackSink, tmp_path: Path
) -> tuple[Pipeline, list[Alert]]:
    """The wire's alert held, then fired single-source by the tick when its max_hold ended."""
    (tmp_path / "hold.yaml").write_text(HOLD, encoding="utf-8")
    rules, _ = load_rules([tmp_path])
    joiner = StoryJoiner(client, keys)
    clock = FixedClock(T + timedelta(days=1))  # items are dated by their publication
    pipeline = Pipeline(rules, RedisStateStore(client, keys), clock, stories=joiner)
    pipeline.process([_item("wire", "wire-a", WIRE, T)])
    pipeline.tick(T + timedelta(hours=3))
    sent = []
    for entry in RedisOutbox(client, keys).read_new(count=100):
        await sink.send(entry.alert)
        sent.append(entry.alert)
    assert [(a.item["id"], a.single_source) for a in sent] == [("wire", True)]
    return pipeline, sent


async def test_a_second_outlet_after_the_hold_corroborates_the_single_source_alert_once(
    redis_client: redis.Redis,
    keys: Keys,
    slack_settings: SlackSettings,
    fake_slack: FakeSlack,
    tmp_path: Path,
) -> None:
    sink = SlackSink(slack_settings, redis_client, keys)
    pipeline, _ = await _single_source_parent(redis_client, keys, sink, tmp_path)
    (parent,) = fake_slack.messages
    assert SINGLE_SOURCE in _text(parent.blocks)
    own = _item("own", "daily-c", OWN_WORDS, T + timedelta(hours=5))
    sent = await _deliver(redis_client, keys, pipeline, sink, own)
    assert [(a.item["id"], a.reason, a.notice) for a in sent] == [
        ("own", "cooldown", ""),  # its report: the follow-up reply
        ("own", "cooldown", "corroborated"),  # marks the parent, no second reply
    ]
    _, reply = fake_slack.messages
    assert reply.thread_ts == parent.ts
    assert SINGLE_SOURCE not in _text(parent.blocks)
    assert "✅ Corroborated by daily-c" in _text(parent.blocks)
    # the batch retried, the notice redelivered, a third outlet: no second notice
    pipeline._notify(pipeline._joined_all([own], pipeline._extract([own]), T + timedelta(hours=5)), T)
    await sink.send(sent[1])
    third = _item("third", "radio-d", FEWER, T + timedelta(hours=6))
    assert [a.notice for a in await _deliver(redis_client, keys, pipeline, sink, third)] == []
    assert len(fake_slack.messages) == 2
    assert _text(parent.blocks).count("Corroborated by") == 1


async def test_a_corroborating_report_that_matches_no_rule_gets_the_one_reply(
    redis_client: redis.Redis,
    keys: Keys,
    slack_settings: SlackSettings,
    fake_slack: FakeSlack,
    tmp_path: Path,
) -> None:
    sink = SlackSink(slack_settings, redis_client, keys)
    pipeline, (single,) = await _single_source_parent(redis_client, keys, sink, tmp_path)
    fewer = _item("fewer", "radio-d", FEWER, T + timedelta(hours=4))  # the same attack, below 500
    (notice,) = await _deliver(redis_client, keys, pipeline, sink, fewer)
    assert (notice.notice, notice.item["story_id"]) == ("corroborated", single.item["story_id"])
    parent, reply = fake_slack.messages
    assert reply.thread_ts == parent.ts
    assert "Corroborated by radio-d: Drone attack by Russia: 539 launched" in _text(reply.blocks)
    assert SINGLE_SOURCE not in _text(parent.blocks) and "✅ Corroborated by radio-d" in _text(parent.blocks)


def test_a_denial_of_a_story_whose_alert_is_held_queues_nothing(
    redis_client: redis.Redis, keys: Keys, tmp_path: Path
) -> None:
    """No message to reply under yet: the held alert is not marked (a limit the README states)."""
    (tmp_path / "hold.yaml").write_text(HOLD, encoding="utf-8")
    rules, _ = load_rules([tmp_path])
    joiner = StoryJoiner(redis_client, keys)
    store = RedisStateStore(redis_client, keys)
    clock = FixedClock(T + timedelta(days=1))
    pipeline = Pipeline(rules, store, clock, stories=joiner, disputes=DisputeTies(redis_client, keys, joiner))
    pipeline.process([_item("wire", "wire-a", WIRE, T)])
    denial = _item("mod", "defence-ministry", DENIAL, T + timedelta(hours=1), "Russia denies drone strike")
    pipeline.process([denial])
    assert store.holds.held() == 1
    assert RedisOutbox(redis_client, keys).read_new(count=100) == []


async def test_a_denial_goes_to_the_story_whose_place_it_names(
    redis_client: redis.Redis, keys: Keys, slack_settings: SlackSettings, fake_slack: FakeSlack
) -> None:
    """Two Russian drone attacks within the denial's 16 hours, each with its message (one in the
    small hours, one the next evening: two nights, so two stories; one night's attacks by one
    side make one story): a denial naming Odesa (and no side) marks the Odesa story, though the
    Kyiv story is the later one."""
    sink = SlackSink(slack_settings, redis_client, keys)
    pipeline = _pipeline(redis_client, keys)
    odesa = "Russia launched 150 drones at Odesa overnight, the regional governor said."
    small_hours = T - timedelta(hours=3, minutes=30)
    evening = T + timedelta(hours=10)  # 18:30 in Kyiv: the next night
    odesa_item = _item("od", "odesa-gov", odesa, small_hours)
    (first,) = await _deliver(redis_client, keys, pipeline, sink, odesa_item)
    kyiv_item = _item("af", "air-force", AIR_FORCE, evening)
    (second,) = await _deliver(redis_client, keys, pipeline, sink, kyiv_item)
    assert first.item["story_id"] != second.item["story_id"]
    false = "The report of a drone strike on Odesa's port was false, the port authority said."
    port = _item("port", "port-authority", false, evening + timedelta(minutes=30))
    (notice,) = await _deliver(redis_client, keys, pipeline, sink, port)
    assert (notice.notice, notice.item["story_id"]) == ("disputed", first.item["story_id"])
    odesa_parent, kyiv_parent, reply = fake_slack.messages
    assert reply.thread_ts == odesa_parent.ts
    assert "Disputed by port-authority" in _text(odesa_parent.blocks)
    assert "Disputed" not in _text(kyiv_parent.blocks)
