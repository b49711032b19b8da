"""Story joining against the real Redis: copies, same attack, nights apart, revisions, retries."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import redis
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.models import Article, Item
from monitor.pipeline import default_extractor
from monitor.state.keys import Keys
from monitor.stories.joiner import StoryJoiner
from monitor.stories.model import FIGURES_FIELD, SUMMARY_FIELD, Join, night_of

T = datetime(2025, 7, 4, 5, 40, tzinfo=UTC)
WIRE = (
    "Russia launched 539 drones and 11 missiles at Ukraine overnight, Ukraine's air force said on Friday. "
    "Air defences shot down or jammed 476 of the drones. Kyiv was the main target: two people were "
    "killed and 26 wounded, the city administration said, and fires broke out in six districts."
)


def _item(item_id: str, text: str, at: datetime, source: str = "wire-a", title: str = "t") -> Item:
    return Item(id=item_id, source=source, title=title, text=text, published=at)


def _join(joiner: StoryJoiner, item: Item) -> Join:
    assert item.published is not None
    return joiner.join(item, default_extractor(Article.from_item(item)), item.published)


def test_copies_and_other_reports_of_one_attack_join_one_story(
    redis_client: redis.Redis, namespace: str
) -> None:
    joiner = StoryJoiner(redis_client, Keys(namespace))
    first = _join(joiner, _item("a", WIRE, T))
    assert first.how == "new"
    copy = _join(joiner, _item("b", WIRE + " (Reporting by our bureau)", T + timedelta(hours=1), "daily-b"))
    assert (copy.story_id, copy.how, copy.sources, copy.independent) == (first.story_id, "copy", 2, 1)
    other = "Residents of Kyiv sheltered in metro stations. Russia launched 550 drones at Ukraine overnight."
    revised = _join(joiner, _item("c", other, T + timedelta(hours=5), "air-force"))
    assert (revised.story_id, revised.how, revised.independent) == (first.story_id, "same_attack", 2)
    assert (revised.before["Russia/drone"], revised.after["Russia/drone"]) == (539, 550)
    assert revised.revised
    story = joiner.story(first.story_id)
    assert story is not None and story.sources == ["wire-a", "daily-b", "air-force"]
    assert story.best()["Russia/drone"][1] == "air-force"
    assert "wire-a: 539 drones launched, 476 neutralized" in story.side_by_side()


def test_the_next_night_worded_alike_is_another_story(redis_client: redis.Redis, namespace: str) -> None:
    joiner = StoryJoiner(redis_client, Keys(namespace))
    tonight = _join(joiner, _item("a", WIRE, T))
    tomorrow = _join(joiner, _item("b", WIRE.replace("Friday", "Saturday"), T + timedelta(hours=23)))
    assert tomorrow.story_id != tonight.story_id and tomorrow.how == "new"
    assert night_of(T) == "2025-07-04" and night_of(T - timedelta(hours=12)) == "2025-07-04"


def test_joining_again_answers_the_same_join(redis_client: redis.Redis, namespace: str) -> None:
    """A batch retried after Redis failed joins its items again: same story, same revision."""
    keys = Keys(namespace)
    _join(StoryJoiner(redis_client, keys), _item("a", WIRE, T))
    later = _item(
        "c", "Russia launched 550 drones at Ukraine overnight, hitting Kyiv.", T + timedelta(hours=3)
    )
    once = _join(StoryJoiner(redis_client, keys), later)
    twice = _join(StoryJoiner(redis_client, keys), later)  # another replica, or the retry
    assert once == twice and twice.revised


def test_eval_stories_reports_pairwise_precision_and_recall(redis_url: str) -> None:
    result = CliRunner().invoke(cli, ["eval", "--stories", "--redis", redis_url, "--min-f1", "0.95"])
    assert result.exit_code == 0, result.output
    found = re.search(r"precision ([\d.]+), recall ([\d.]+) \(tp (\d+)", result.output)
    assert found is not None, result.output
    precision, recall, pairs = float(found[1]), float(found[2]), int(found[3])
    assert precision >= 0.95 and recall >= 0.95 and pairs >= 30


REPORTS = [
    (
        "air-force",
        "Russia launched 472 drones and 7 missiles at Ukraine overnight; 382 were shot down over Kyiv.",
    ),
    ("wire-a", WIRE),
    ("daily-b", WIRE + " (Reporting by our bureau)"),
    (
        "air-force",
        "Russia launched 480 drones at Ukraine overnight, the air force said, revising its count for Kyiv.",
    ),
    (
        "ministry",
        "Russia's defence ministry said Ukraine launched 38 drones over the Kursk region overnight.",
    ),
    ("wire-a", "Russia launched 550 drones at Ukraine overnight, hitting Kyiv, in a revised count."),
    ("daily-c", "Sirens in Kyiv: Russia launched nearly 500 drones at Ukraine overnight."),
]


def test_a_join_from_the_summary_equals_the_story_recomputed_from_its_items(
    redis_client: redis.Redis, namespace: str
) -> None:
    """Items in event-time order are joined from the story's summary; joining them again (a
    retried batch) recomputes each from the stored items as they were before it: the same."""
    keys = Keys(namespace)
    items = [
        _item(f"r{n}", text, T + timedelta(minutes=20 * n), source)
        for n, (source, text) in enumerate(REPORTS)
    ]
    first = [_join(StoryJoiner(redis_client, keys), item) for item in items]
    again = [_join(StoryJoiner(redis_client, keys), item) for item in items]
    assert first == again
    russia = {join.story_id for n, join in enumerate(first) if n != 4}
    assert len(russia) == 1 and first[4].story_id not in russia  # Kursk: Ukraine's attack
    assert [join.how for join in first] == [
        "new",
        "same_attack",
        "copy",
        "same_attack",
        "new",
        "same_attack",
        "same_attack",
    ]
    assert (first[-1].sources, first[-1].independent) == (4, 3)
    assert [join.revised for join in first] == [False, True, False, False, False, True, False]
    assert first[-1].figures.startswith("air-force: 480 drones launched, 7 missiles launched")
    wire_and_daily = "; wire-a: 550 drones launched, 11 missiles launched; daily-b: 539 drones launched"
    assert wire_and_daily in first[-1].figures
    story = StoryJoiner(redis_client, keys).story(first[0].story_id)
    assert story is not None and first[-1].figures == story.side_by_side()


def test_a_late_item_joins_the_story_as_it_was_at_its_own_time(
    redis_client: redis.Redis, namespace: str
) -> None:
    keys = Keys(namespace)
    joiner = StoryJoiner(redis_client, keys)
    _join(joiner, _item("a", REPORTS[0][1], T, "air-force"))
    _join(joiner, _item("c", REPORTS[5][1], T + timedelta(hours=3), "wire-a"))
    late = _join(joiner, _item("b", REPORTS[3][1], T + timedelta(hours=1), "air-force"))
    # the story at 06:40 holds the 472 of 05:40, not the 550 filed before it but reported at 08:40
    assert (late.before, late.after, late.sources) == (
        {"Russia/drone": 472, "Russia/missile": 7},
        {"Russia/drone": 480, "Russia/missile": 7},
        1,
    )
    assert late.revised and "550" not in late.figures


BODY = (
    " Air defences were active over several regions, officials said in the morning, and debris fell"
    " on farmland; the regional administration said no one was hurt and that power lines were"
    " being repaired by noon, while schools stayed open."
)


def test_a_text_like_a_story_counting_its_attack_otherwise_is_no_copy(
    redis_client: redis.Redis, namespace: str
) -> None:
    """Short reports in one formula differ in their count only: the second is no copy (it joins
    the night's story of that side's attack as another report of the same event)."""
    joiner = StoryJoiner(redis_client, Keys(namespace))
    first = _join(joiner, _item("a", "Russia launched 100 drones at Ukraine overnight." + BODY, T))
    again = _join(joiner, _item("b", "Russia launched 101 drones at Ukraine overnight." + BODY, T))
    other = _join(joiner, _item("c", "Russia launched 200 drones at Ukraine overnight." + BODY, T, "daily-b"))
    assert (again.story_id, again.how) == (first.story_id, "copy")
    assert (other.story_id, other.how) == (first.story_id, "same_event")


def test_a_copy_from_the_night_before_joins_within_the_story_span(
    redis_client: redis.Redis, namespace: str
) -> None:
    """The night before is looked at only within 16 h of the night's start (18:00 Kyiv, 15:00
    UTC): a copy 15.5 h after its original, across the boundary, joins; 16.5 h after, it opens
    a story of its own (neither a copy nor a report of a story begun within 16 h)."""
    evening = datetime(2025, 7, 3, 14, 30, tzinfo=UTC)
    for n, (hours, joined) in enumerate([(15.5, True), (16.5, False)]):
        joiner = StoryJoiner(redis_client, Keys(f"{namespace}-{n}"))
        first = _join(joiner, _item("a", WIRE, evening))
        copy = _join(joiner, _item("b", WIRE, evening + timedelta(hours=hours), "daily-b"))
        assert night_of(evening) != night_of(evening + timedelta(hours=hours))
        assert (copy.story_id == first.story_id, copy.how) == (joined, "copy" if joined else "new")


def test_explain_places_an_item_without_filing_it(redis_client: redis.Redis, namespace: str) -> None:
    keys = Keys(namespace)
    joiner = StoryJoiner(redis_client, keys)
    first = _join(joiner, _item("a", WIRE, T))
    held = sorted(redis_client.scan_iter(match=keys.pattern()))
    story = redis_client.hgetall(keys.story_items(first.story_id))
    copy = _item("b", WIRE + " (Reporting by our bureau)", T + timedelta(hours=1), "daily-b")
    assert copy.published is not None
    facts = default_extractor(Article.from_item(copy))
    explained = joiner.join(copy, facts, copy.published, write=False)
    assert (explained.story_id, explained.how, explained.sources) == (first.story_id, "copy", 2)
    assert sorted(redis_client.scan_iter(match=keys.pattern())) == held
    assert redis_client.hgetall(keys.story_items(first.story_id)) == story
    assert joiner.join(copy, facts, copy.published) == explained


def test_an_item_without_a_word_opens_a_story(redis_client: redis.Redis, namespace: str) -> None:
    joined = _join(StoryJoiner(redis_client, Keys(namespace)), _item("p", "!!! ...", T, title=""))
    assert joined.how == "new" and joined.sources == 1


def test_a_story_filed_with_its_figures_in_the_summary_is_read_and_moved(
    redis_client: redis.Redis, namespace: str
) -> None:
    """Stories filed before the distinct figures had a field of their own kept them in the
    summary as ``figs``: placement still reads them there, and the next join moves them."""
    keys = Keys(namespace)
    joiner = StoryJoiner(redis_client, keys)
    first = _join(joiner, _item("a", REPORTS[0][1], T, "air-force"))
    story = keys.story_items(first.story_id)
    summary = json.loads(redis_client.hget(story, SUMMARY_FIELD) or b"{}")
    summary["figs"] = json.loads(redis_client.hget(story, FIGURES_FIELD) or b"{}")
    redis_client.hset(story, SUMMARY_FIELD, json.dumps(summary))
    redis_client.hdel(story, FIGURES_FIELD)
    other = _join(joiner, _item("c", "Russia launched 480 drones at Ukraine overnight.", T, "wire-a"))
    assert (other.story_id, other.how) == (first.story_id, "same_attack")
    assert "figs" not in json.loads(redis_client.hget(story, SUMMARY_FIELD) or b"{}")
    assert len(json.loads(redis_client.hget(story, FIGURES_FIELD) or b"{}")) == 3
