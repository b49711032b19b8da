"""Event kinds the joiner tells apart against the real Redis: a daytime strike after a night's
attack, a week's or a month's tally quoting the night's figures, a later report naming an
earlier day, and tolls one to four days on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import redis

from monitor.models import Article, Item
from monitor.pipeline import default_extractor
from monitor.state.keys import Keys
from monitor.stories.event import Event, event_of
from monitor.stories.joiner import StoryJoiner
from monitor.stories.model import Join

#: Tuesday 24 June 2025, 05:00 UTC (08:00 in Kyiv): the morning after the night's attack.
TUE = datetime(2025, 6, 24, 5, 0, tzinfo=UTC)
NIGHT = (
    "Russia launched 352 drones and 16 missiles at Ukraine overnight, the air force said. A missile "
    "tore through an apartment block in Kyiv, killing six people, and a drone hit a hospital in Bila "
    "Tserkva."
)
DAYTIME = (
    "Russian ballistic missiles struck Dnipro in the middle of the morning, killing nine people and "
    "damaging a passenger train, the regional governor said. A dormitory and a school were hit."
)
DAYTIME_COPY = DAYTIME + " Reporting by our Kyiv staff."
AFTERNOON = (
    "A Russian missile hit a college in Odesa on Tuesday afternoon, hours after the overnight "
    "barrage on Kyiv, killing three people, the regional governor said."
)
DAYTIME_EVENING = (
    "As of this evening 17 people have died in Dnipro and 279 have been injured, the head of the "
    "regional administration said. Fourteen schools and a hospital were damaged."
)
WEEK = (
    "Over the past week Russia launched about 114 missiles and more than 1,270 drones at Ukraine, the "
    "president said, among them the 352 drones and 16 missiles fired overnight on Kyiv."
)
MONDAY_TOLL = (
    "A seventh person has died in Kyiv as a result of Monday's Russian missile strike on a block of "
    "flats, the city administration said, after rescuers finished clearing the rubble."
)
KYIV_TONIGHT = (
    "Russian drones struck Kyiv before dawn, setting fire to a warehouse in the Darnytskyi district, "
    "the city administration said."
)
TOLL_DAYS_ON = (
    "The number of people killed in Monday's Russian strike on a Kyiv apartment block has reached 12, "
    "the city administration said, as the last of the injured were discharged."
)
TOLL_A_WEEK_ON = TOLL_DAYS_ON.replace("Monday's", "last week's")


def _item(item_id: str, text: str, at: datetime, source: str, title: str | None = None) -> Item:
    head = title or text.split(",", maxsplit=1)[0][:80]
    return Item(id=item_id, source=source, title=head, text=text, published=at)


def _join(joiner: StoryJoiner, item: Item) -> Join:
    assert item.published is not None
    return joiner.join(item, default_extractor(Article.from_item(item)), item.published)


def _event(item: Item) -> Event:
    assert item.published is not None
    return event_of(item, default_extractor(Article.from_item(item)), item.published)


def test_a_daytime_strike_elsewhere_opens_its_own_story_and_keeps_its_copies_and_evening_toll(
    redis_client: redis.Redis, namespace: str
) -> None:
    """The night's big attack would take any report of that side by side alone; a strike dated by
    daylight does not join it, its copy joins it, and its toll at nightfall (past the 6 h evening
    window of other stories) follows it by place."""
    joiner = StoryJoiner(redis_client, Keys(namespace))
    night = _join(joiner, _item("night", NIGHT, TUE - timedelta(hours=2), "air-force"))
    day = _join(joiner, _item("day", DAYTIME, TUE + timedelta(hours=4, minutes=30), "wire-b"))
    copy = _join(joiner, _item("copy", DAYTIME_COPY, TUE + timedelta(hours=5), "post-c", title="Train hit"))
    evening = TUE + timedelta(hours=12, minutes=30)  # 20:30 in Kyiv: the next night's
    toll = _join(joiner, _item("toll", DAYTIME_EVENING, evening, "dnipro-ova", title="Dnipro: 17 dead"))
    assert day.how == "new" and day.story_id != night.story_id
    assert (copy.story_id, copy.how) == (day.story_id, "copy")
    assert (toll.story_id, toll.how) == (day.story_id, "same_event")
    assert "Dnipro" in toll.why


def test_an_undated_report_of_that_side_still_joins_the_nights_big_attack(
    redis_client: redis.Redis, namespace: str
) -> None:
    """The same text without its daylight words is a report of the night's attack (the rule
    that takes it is the one a daytime strike is kept out of)."""
    joiner = StoryJoiner(redis_client, Keys(namespace))
    night = _join(joiner, _item("night", NIGHT, TUE - timedelta(hours=2), "air-force"))
    text = DAYTIME.replace(" in the middle of the morning", "")
    report = _join(joiner, _item("day", text, TUE + timedelta(hours=4, minutes=30), "wire-b"))
    assert (report.story_id, report.how) == (night.story_id, "same_event")
    assert "only big attack" in report.why


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (DAYTIME, True),
        (AFTERNOON, True),  # the night it names is what it came after
        ("Missiles hit Odesa later in the day, killing two.", True),
        ("Missiles hit Odesa during the day of mourning, killing two.", False),
        (NIGHT, False),
        ("Russian drones struck Kyiv overnight and again in the afternoon.", False),
        ("Russian drones struck Kyiv, the mayor told reporters on Tuesday afternoon.", False),
        ("Kyiv was hit this morning, the mayor said.", False),  # the night's attack is called so too
        ("The toll in Kyiv rose to eight by midday, the mayor said.", False),  # counted, not struck, at noon
    ],
)
def test_a_daytime_strike_is_dated_by_daylight_not_by_the_report(text: str, day: bool) -> None:
    assert _event(_item("x", text, TUE + timedelta(hours=6), "s")).day is day


def test_a_weeks_tally_quoting_the_nights_figures_stays_apart(
    redis_client: redis.Redis, namespace: str
) -> None:
    joiner = StoryJoiner(redis_client, Keys(namespace))
    title = "Russia fired 114 missiles and 1,270 drones at Ukraine this week"
    night = _join(joiner, _item("night", NIGHT, TUE - timedelta(hours=2), "air-force"))
    week = _join(joiner, _item("week", WEEK, TUE + timedelta(hours=8), "wire-a", title=title))
    assert week.story_id != night.story_id and week.how == "new"
    assert week.after == {}  # a tally adds no figure to any story


@pytest.mark.parametrize(
    ("title", "tally"),
    [
        ("Russia fired 114 missiles and 1,270 drones at Ukraine this week", True),
        ("Zelenskiy counts a week of Russian strikes", True),
        ("Russian drone launches hit monthly record in July", True),
        ("July saw most Russian drones of the war", True),
        ("Russia strikes Kyiv for the third time this week", False),
        ("Second deadly strike on Kyiv in a week", False),
        ("Toll from last week's strike on Kyiv rises to 30", False),
        ("Russia strikes Kyiv on 9 July", False),
        ("Kyiv toll may rise as rescuers search rubble", False),
    ],
)
def test_a_headline_counting_a_period_is_no_attack(title: str, tally: bool) -> None:
    event = _event(_item("x", NIGHT, TUE, "s", title=title))
    assert (event.attack, event.strikes == ()) == (not tally, tally)


def test_a_toll_naming_an_earlier_day_follows_that_day_up_before_tonights_story(
    redis_client: redis.Redis, namespace: str
) -> None:
    """Tonight's story names Kyiv too; "Monday's strike" read on Tuesday is Monday's attack."""
    joiner = StoryJoiner(redis_client, Keys(namespace))
    monday = _join(joiner, _item("mon", NIGHT, TUE - timedelta(days=1), "air-force"))
    tonight = _join(joiner, _item("tue", KYIV_TONIGHT, TUE - timedelta(hours=1), "kyiv-city"))
    toll = _join(
        joiner, _item("toll", MONDAY_TOLL, TUE + timedelta(hours=3), "wire-b", title="Kyiv toll rises")
    )
    assert tonight.story_id != monday.story_id
    assert (toll.story_id, toll.how) == (monday.story_id, "follow_up")


@pytest.mark.parametrize(
    ("text", "past"),
    [
        (MONDAY_TOLL, True),
        ("From 21:00 on 23 June the enemy attacked overnight with 352 drones, the air force said.", False),
        ("Russian drones struck Kyiv, the mayor said on Tuesday.", False),
        ("Russian drones hit Kyiv again today, a day after Monday's strike on the city.", False),
        # the report is dated by Tuesday, the attack by Monday
        ("The interior ministry said on Tuesday that Monday's Russian strike on Kyiv killed seven.", True),
    ],
)
def test_a_report_naming_only_earlier_days_and_no_night_is_past(text: str, past: bool) -> None:
    assert _event(_item("x", text, TUE + timedelta(hours=3), "s")).past is past


@pytest.mark.parametrize(("days", "joins"), [(4, True), (6, False)])
def test_a_toll_joins_up_to_four_days_on(
    redis_client: redis.Redis, namespace: str, days: int, joins: bool
) -> None:
    joiner = StoryJoiner(redis_client, Keys(namespace))
    monday = _join(joiner, _item("mon", NIGHT, TUE - timedelta(days=1), "air-force"))
    text = TOLL_DAYS_ON if joins else TOLL_A_WEEK_ON
    at = TUE - timedelta(days=1) + timedelta(days=days, hours=-1)
    toll = _join(joiner, _item("toll", text, at, "wire-b", title="Kyiv toll reaches 12"))
    assert (toll.story_id == monday.story_id) is joins
    assert toll.how == ("follow_up" if joins else "new")


def test_the_side_named_after_across_or_on_is_the_attacked_one() -> None:
    text = (
        "Fifteen people have been killed and 139 injured across Ukraine in the attack, the interior "
        "minister said. Residents of a building in Kyiv are still missing."
    )
    event = _event(
        _item("x", text, TUE + timedelta(hours=6), "interior-ministry", title="15 killed across Ukraine")
    )
    assert (event.side, event.places) == ("Russia", ("Kyiv",))


def test_a_day_named_in_a_reporting_clause_dates_the_report_only() -> None:
    """'said on Friday morning' is when it was said, not a day or a time of the attack: the
    body recovered tells the nights before again (read as the day's attack, it would not)."""
    text = (
        "Rescuers recovered another body from the rubble in the Sviatoshynskyi district of Kyiv, the "
        "State Emergency Service said on Friday morning. In total 28 people have died and 159 were injured."
    )
    friday = datetime(2025, 8, 1, 6, 10, tzinfo=UTC)
    event = _event(_item("x", text, friday, "ses", title="Another body recovered, 28 dead"))
    assert (event.back, event.loose, event.day, event.past) == ((1, 2, 3, 4), False, False, False)
