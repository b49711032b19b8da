"""Joining other outlets' articles on one night's attack, and its follow-ups, against the real Redis."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import redis
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.models import Article, Item
from monitor.pipeline import default_extractor
from monitor.state.keys import Keys
from monitor.stories.event import Event, event_of
from monitor.stories.joiner import StoryJoiner
from monitor.stories.model import SUMMARY_FIELD, Join

#: Wednesday 19 November 2025, 06:00 UTC: the morning after the night's attack.
WED = datetime(2025, 11, 19, 6, 0, tzinfo=UTC)
FIGURES = (
    "Russia launched 476 drones and 48 missiles at Ukraine overnight, the air force said on Wednesday. "
    "Air defences brought down 442 of the drones and 41 of the missiles. Strikes hit energy sites in the "
    "Lviv and Ivano-Frankivsk regions, and a residential area of Ternopil."
)
CITY = (
    "A missile slammed into a nine-storey apartment block in Ternopil before dawn, and rescuers pulled "
    "survivors from the rubble through the morning. At least 25 people were killed, regional officials said."
)
CASUALTIES = (
    "Hospitals in western Ukraine were treating 93 wounded people on Wednesday, among them 18 children, "
    "after the strike on Ternopil, the health ministry said."
)
OTHER_SIDE = (
    "Russia's defence ministry said its air defences destroyed 40 Ukrainian drones over the Bryansk and "
    "Kursk regions overnight. The Bryansk governor said a power substation caught fire."
)
UNRELATED = (
    "Ukraine's parliament voted on Wednesday to dismiss the justice and energy ministers over a "
    "corruption inquiry into the state nuclear company."
)
TOLL = (
    "The death toll from Wednesday's Russian strike on Ternopil rose to 31, including six children, the "
    "regional governor said on Thursday, as search teams finished clearing the rubble."
)
DEBRIS = (
    "Debris of a downed drone fell on a warehouse in the Darnytskyi district and two cars burned, the "
    "city military administration said. Medics are at the scene."
)
CLAIM = (
    "Russia's defence ministry said two Iskander missiles struck a meeting of Ukrainian commanders in "
    "Ternopil and that the officers had been hiding among civilians."
)
#: Sunday 1 September 2024: guided bombs on Kharkiv in the afternoon, reported on either side of
#: 18:00 Kyiv time (15:00 UTC), the nights' boundary.
SUN = datetime(2024, 9, 1, 14, 30, tzinfo=UTC)
AFTERNOON = (
    "Russian guided bombs struck Kharkiv on Sunday afternoon, wounding 41 people, the regional governor "
    "said. A sports complex and several apartment blocks caught fire."
)
AFTERNOON_WIRE = (
    "Russian glide bombs hit Kharkiv on Sunday, wounding dozens of people, officials said, and set "
    "a sports complex ablaze."
)
PLACELESS_TOLL = (
    "The death toll from Wednesday's Russian attack rose to 12 on Thursday, officials said, as rescue "
    "teams finished their search."
)
NEXT_NIGHT = (
    "Russian drones struck Ternopil and Lviv overnight, damaging a warehouse and cutting power to "
    "several streets. The death toll rose to 2 by morning, the regional administration said."
)


def _join(joiner: StoryJoiner, item_id: str, text: str, at: datetime, source: str) -> Join:
    item = Item(id=item_id, source=source, title=text.split(",", maxsplit=1)[0][:80], text=text, published=at)
    return joiner.join(item, default_extractor(Article.from_item(item)), at)


def test_other_outlets_reports_of_one_night_join_its_story(redis_client: redis.Redis, namespace: str) -> None:
    joiner = StoryJoiner(redis_client, Keys(namespace))
    first = _join(joiner, "af", FIGURES, WED, "air-force")
    city = _join(joiner, "city", CITY, WED + timedelta(minutes=40), "ternopil-news")
    hurt = _join(joiner, "hurt", CASUALTIES, WED + timedelta(hours=3), "health-desk")
    assert (city.story_id, city.how) == (first.story_id, "same_event")
    assert "Ternopil" in city.why
    assert (hurt.story_id, hurt.how) == (first.story_id, "same_event")
    assert hurt.independent == 3


def test_the_other_side_and_unrelated_news_of_that_night_stay_apart(
    redis_client: redis.Redis, namespace: str
) -> None:
    joiner = StoryJoiner(redis_client, Keys(namespace))
    first = _join(joiner, "af", FIGURES, WED, "air-force")
    other = _join(joiner, "mod", OTHER_SIDE, WED + timedelta(minutes=30), "defence-ministry")
    news = _join(joiner, "rada", UNRELATED, WED + timedelta(hours=2), "parliament-desk")
    assert other.story_id != first.story_id and other.how == "new"
    assert news.story_id not in (first.story_id, other.story_id) and news.how == "new"


def test_a_toll_updated_the_next_day_joins_but_the_next_nights_attack_does_not(
    redis_client: redis.Redis, namespace: str
) -> None:
    joiner = StoryJoiner(redis_client, Keys(namespace))
    first = _join(joiner, "af", CITY, WED, "ternopil-news")
    toll = _join(joiner, "toll", TOLL, WED + timedelta(days=1, hours=2), "wire-b")
    again = _join(joiner, "fri", NEXT_NIGHT, WED + timedelta(days=2), "ternopil-news")
    assert (toll.story_id, toll.how) == (first.story_id, "follow_up")
    assert again.story_id != first.story_id and again.how == "new"


def test_a_toll_past_the_window_opens_its_own_story(redis_client: redis.Redis, namespace: str) -> None:
    joiner = StoryJoiner(redis_client, Keys(namespace))
    first = _join(joiner, "af", CITY, WED, "ternopil-news")
    late = TOLL.replace("Wednesday's", "last week's").replace("Thursday", "Monday")
    toll = _join(joiner, "toll", late, WED + timedelta(days=5), "wire-b")
    assert toll.story_id != first.story_id and toll.how == "new"


def test_an_evening_report_across_the_nights_boundary_joins(
    redis_client: redis.Redis, namespace: str
) -> None:
    joiner = StoryJoiner(redis_client, Keys(namespace))
    first = _join(joiner, "gov", AFTERNOON, SUN, "kharkiv-ova")
    wire = _join(joiner, "wire", AFTERNOON_WIRE, SUN + timedelta(minutes=70), "wire-a")
    assert (wire.story_id, wire.how) == (first.story_id, "same_event")
    assert "this evening" in wire.why


def test_the_nights_only_attack_takes_a_report_naming_none_of_its_places(
    redis_client: redis.Redis, namespace: str
) -> None:
    """A district's debris post names no side and no gazetteer place (its side defaults to
    Russia's); the air force's figures later that night name other places: one attack."""
    joiner = StoryJoiner(redis_client, Keys(namespace))
    debris = _join(joiner, "debris", DEBRIS, WED - timedelta(hours=2), "kyiv-city")
    figures = _join(joiner, "af", FIGURES, WED, "air-force")
    assert (figures.story_id, figures.how) == (debris.story_id, "same_event")
    assert "only attack by Russia" in figures.why


def test_a_claim_the_day_after_joins_by_its_place_but_an_undated_post_without_one_does_not(
    redis_client: redis.Redis, namespace: str
) -> None:
    joiner = StoryJoiner(redis_client, Keys(namespace))
    first = _join(joiner, "af", FIGURES, WED, "air-force")
    claim = _join(joiner, "mod", CLAIM, WED + timedelta(hours=23), "defence-ministry")
    debris = _join(joiner, "debris", DEBRIS, WED + timedelta(hours=22), "kyiv-city")
    assert (claim.story_id, claim.how) == (first.story_id, "follow_up")
    assert debris.story_id != first.story_id and debris.how == "new"


def test_joining_scores_at_least_095_on_the_dev_corpus(redis_url: str) -> None:
    path = Path(__file__).resolve().parents[1] / "data" / "stories" / "dev" / "stories.jsonl"
    args = ["eval", "--stories", str(path), "--redis", redis_url, "--json"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["precision"] >= 0.95 and report["recall"] >= 0.95, (report["precision"], report["recall"])


@pytest.mark.parametrize(
    ("text", "side", "back"),
    [
        (TOLL, "Russia", (1,)),
        (OTHER_SIDE, "Ukraine", ()),
        (CITY, "Russia", ()),
        (UNRELATED, None, ()),  # not about an attack: no side is read
        (TOLL.replace("Wednesday's", "the 18 November"), "Russia", (1, 2)),  # nights 18 and 19 Nov
    ],
)
def test_the_event_of_an_item(text: str, side: str | None, back: tuple[int, ...]) -> None:
    title = text.split(",", maxsplit=1)[0]
    item = Item(id="x", source="s", title=title, text=text, published=WED + timedelta(days=1))
    event = event_of(item, default_extractor(Article.from_item(item)), WED + timedelta(days=1))
    assert (event.side, event.back) == (side, back)


@pytest.mark.parametrize("day", ["²", "³", "١٢", "１２"])
def test_a_day_of_the_month_in_other_digits_is_no_date_and_no_error(day: str) -> None:
    """Superscript, Arabic-Indic and full-width digits pass ``str.isdigit`` but ``int`` refuses
    some of them: a hostile headline must not stop the join, and none of them names a day."""

    def event(day: str) -> Event:
        text = f"The toll from Russia's drone strike on Kyiv on {day} November rose to 12, officials said."
        item = Item(id="x", source="s", title="Kyiv drone strike toll rises", text=text, published=WED)
        return event_of(item, default_extractor(Article.from_item(item)), WED)

    assert event(day) == event("the") and event(day).side == "Russia"


def test_a_follow_up_joins_when_the_night_before_is_past_the_story_span(
    redis_client: redis.Redis, namespace: str
) -> None:
    """17 hours into the next night the night before's bands and attacks are not read (no copy
    or report of the same attack can be there), yet a toll still follows its night's story up."""
    joiner = StoryJoiner(redis_client, Keys(namespace))
    first = _join(joiner, "af", CITY, WED, "ternopil-news")
    at = WED + timedelta(days=1, hours=2)
    item = Item(id="toll", source="wire-b", title="Toll", text=TOLL, published=at)
    _, args = joiner.request(item, (), at, write=False)
    toll = _join(joiner, "toll", TOLL, at, "wire-b")
    assert args[18] == "0"
    assert (toll.story_id, toll.how) == (first.story_id, "follow_up")


def test_a_story_filed_before_its_largest_counts_were_kept_is_big_by_any_of_its_figures(
    redis_client: redis.Redis, namespace: str
) -> None:
    """A toll naming no place follows up the night's only big attack. A story summarised before
    the largest count per attacker (`mx`) was kept is big by any of its figures, not only those
    of the attacks the toll reports (it reports none)."""
    joiner = StoryJoiner(redis_client, Keys(namespace))
    first = _join(joiner, "af", FIGURES, WED, "air-force")
    story = Keys(namespace).story_items(first.story_id)
    summary = json.loads(redis_client.hget(story, SUMMARY_FIELD) or b"{}")
    assert summary.pop("mx") == {"Russia": 476}
    redis_client.hset(story, SUMMARY_FIELD, json.dumps(summary))
    toll = _join(joiner, "toll", PLACELESS_TOLL, WED + timedelta(days=1, hours=2), "wire-b")
    assert (toll.story_id, toll.how) == (first.story_id, "follow_up")
    assert "only big attack" in toll.why


@pytest.mark.parametrize(
    ("word", "start", "attack"),
    [
        ("strikes", 393, True),  # ends on the lead's last character, no space after it in the lead
        ("struck", 396, False),  # cut by the lead's end: the lead reads "stru", no attack word
        ("struck", 400, False),  # just past the lead
        ("shelled", 380, True),
    ],
)
def test_the_lead_is_read_to_its_last_character_and_no_further(word: str, start: int, attack: bool) -> None:
    title = "Weather in the capital"
    read = f"{title}. "
    while len(read) < start - 60:
        read += "The morning was mild and the markets opened on time. "
    read += "x" * (start - 1 - len(read)) + " " + word + " and the rest of the day was calm."
    assert read.index(word) == start
    item = Item(id="lead", source="desk", title=title, text=read[len(title) + 2 :], published=WED)
    event = event_of(item, default_extractor(Article.from_item(item)), WED)
    assert event.attack is attack
