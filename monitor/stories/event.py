"""What attack an item is about, for joining it to a story when it shares no text or figure with
it: the attacking side, the attacked side's places it names, and whether it refers back to an
attack of an earlier night (a toll updated, "Monday's strike")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterator
from datetime import date, datetime, timedelta
from itertools import compress

from pydantic import BaseModel, ConfigDict

from monitor.extract.gazetteer import PLACES, find_places
from monitor.extract.lexicon import words
from monitor.extract.tokens import Tokens, tokenize
from monitor.models import Facts, Item
from monitor.models.facts import Side, Strike
from monitor.stories.model import into_night, night_of

#: A follow-up (a toll updated, a damage assessment) joins an attack's story up to this long
#: after the story's first report.
FOLLOW_UP = timedelta(hours=96)
#: The attacker of an article on an attack that names no side, no place and no country more than
#: the other (a grid operator's outage notice, a district's debris): nearly always Russia's.
DEFAULT_ATTACKER: Side = "Russia"
#: Nights looked back for a follow-up: the night before and the three before it (96 hours: a
#: toll or an assessment comes one to four days after the attack).
NIGHTS_BACK = 4
#: Kyiv's offset from UTC in summer, and the nights' shift (as in stories.model: 18:00 Kyiv).
_KYIV = timedelta(hours=3)
#: The first hours of a night (from 18:00 Kyiv) in which "overnight" still names the night before.
_EVENING = timedelta(hours=6)
#: Characters of an item read for its cues: the lead carries what the article is about.
_READ = 4000
_LEAD = 400

#: Words that make an article's headline or lead about an attack.
_ATTACK_WORDS = words(
    "attack attacks attacked strike strikes struck barrage bombardment shelling shelled raid raids "
    "drone drones missile missiles shahed shaheds explosions explosion blasts bombs bombing hit hits "
    "killed wounded injured toll debris destroyed damaged victim victims"
)
#: Words that make a headline about an attack told again: the dead, the damage, the search.
_AFTER_WORDS = _ATTACK_WORDS | words(
    "dead died dies mourns mourn search rescuers damage damaged destroyed ruined ruins rubble victims funeral"
)
_NOUNS = words(
    "drone drones missile missiles attack attacks strike strikes shelling forces bomb bombs barrage "
    "bombardment offensive aircraft jets"
)
_VERBS = words(
    "carried launched attacked struck fired hit pounded targeted sent shelled bombed bombarded unleashed"
)
_SIDE_NAMES: dict[str, Side] = {
    "russian": "Russia",
    "russia": "Russia",
    "ukrainian": "Ukraine",
    "ukraine": "Ukraine",
}
_ACTS = _NOUNS | _VERBS
#: Prepositions that make the side named after them the attacked one ("an attack on Ukraine";
#: not "in": "killed in Russia's attack" names the attacker).
_TARGET_BEFORE = words("on across against at over")
_OTHER: dict[Side, Side] = {"Russia": "Ukraine", "Ukraine": "Russia"}
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_WEEKDAYS = {day: n for n, day in enumerate(_WEEKDAY_NAMES)}
_MONTHS = {month: n + 1 for n, month in enumerate(_MONTH_NAMES)}
_NAMED = frozenset(_WEEKDAYS) | frozenset(_MONTHS)
#: A weekday is an attack's day when read "Monday's", "on/since/last/early/late Monday", "Monday
#: night", "overnight into Monday" (not "said on Monday"'s 'said' alone: 'on' is enough).
_DAY_BEFORE = words("on since last early late into overnight")
_DAY_AFTER = words("night morning evening afternoon")
_HIT = r"(?:attack|strike|strikes|barrage|bombardment|shelling|assault|raid)"
#: Words that date an attack to the time of the report (with a weekday or a date named).
_FRESH = words(
    "overnight tonight dawn morning afternoon evening today early earlier hour hours minute minutes now"
)
#: An evening article on the attack of the night just ended ("the day's attack", "overnight").
_EARLIER = words("overnight morning earlier")
_EARLIER_PHRASES = ("last night", "the day's", "during the day")
#: Words that report when something was said or counted, not when the attack was ("said on
#: Monday morning", "rose to 11 by noon"): a day or a time of day right after one dates the report.
_SAYS = words("said says told wrote reported announced added stated by until")
#: Words that may stand between a reporting verb and the day or time it dates the report by.
_REPORT_GAP = words(
    "on early late this reporters journalists morning afternoon evening monday tuesday wednesday "
    "thursday friday saturday sunday"
)
#: A time of day in daylight: an attack named by it ("on Monday afternoon", "in the middle of the
#: morning", "the late-morning strike") is a daytime strike, not the night's attack, unless a night
#: is named. Not "this morning" or "on Tuesday morning": the night's attack is called so too.
_DAYTIME = words("afternoon midday noon daytime daylight lunchtime late-morning")
_MORNING_BEFORE = words("late")
#: Words naming a night: an item naming one is about a night's attack (or a night's report).
_NIGHT = words("overnight night nighttime tonight nightly dawn")
_NOW = _NIGHT | {"today"}
_DAY_WORDS = _DAYTIME | {"morning", "day"}
#: A night named right after one of these is what a daytime strike came after, not its time.
_AFTER = words("after following since")
#: Headline words of a period's tally (a week's or a month's launches): it quotes the nights'
#: figures but reports no one attack. "For the third time this week" is an attack, not a tally.
_PERIODS = words("week month weekly monthly")
_PERIOD_BEFORE = words("this past last a the")
#: Wording of a story told again later: a toll updated, the dead counted, the day after.
_AFTERMATH = re.compile(
    r"\b(?:death toll|toll (?:has )?(?:rose|risen|rises|climbed|climbs)|rose to \d+|"
    r"died of (?:their|his|her) (?:wounds|injuries)|days? of mourning|"
    r"(?:total|number) of (?:the )?dead|another body|bodies (?:were |have been )?recovered|"
    rf"aftermath|after (?:the|last|this) (?:\w+ ){{0,3}}{_HIT}|since the {_HIT})\b"
)


class Event(BaseModel):
    """The attack an item is about, as join.lua compares it with a story's."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: The attacking side; None when the item names no side and no place of the attacked one.
    side: Side | None = None
    #: The headline or lead is about an attack (not talks, aid or troops).
    attack: bool = False
    #: Places of the attacked side (or of neither) the item names, sorted.
    places: tuple[str, ...] = ()
    #: Nights back (1 to NIGHTS_BACK) whose attack this item tells again later: a toll, the day after.
    back: tuple[int, ...] = ()
    #: ``back`` is read only from the lack of a day or time: it joins a story naming its places only.
    loose: bool = False
    #: The item's strikes of this war that its places do not contradict (its figures).
    strikes: tuple[Strike, ...] = ()
    #: The headline or lead denies, retracts or corrects a report (``Facts.denials``): the item
    #: may join the story it disputes, but never counts as a source corroborating it.
    denies: bool = False
    #: A daytime strike: the lead dates its attack by daylight and names no night. It joins
    #: another daytime story by a place in common only, never the night's attack by side alone.
    day: bool = False
    #: The days it names as its attack's are all before the day of the report ("after Monday's
    #: attack" read on Tuesday): it is looked for among the earlier nights before tonight's.
    past: bool = False


def event_of(item: Item, facts: Facts, at: datetime) -> Event:
    """The attack ``item`` (event time ``at``) is about, from its facts and its words."""
    text = f"{item.title}. {item.text[:_READ]}"[:_READ]  # no copy of a long text
    # no token spans a space, so the text's tokens are those before its last space in the lead
    # followed by those after it: the lead's words are tokenized once, not again with the rest
    cut = max(text.rfind(" ", 0, _LEAD), 0)
    head = tokenize(text[:cut])
    strikes = strikes_of(facts)
    denies = bool(facts.denials)
    if _tally(tokenize(item.title[:_LEAD])):
        return Event(denies=denies)  # a week's or a month's count: no one attack
    if (
        not strikes
        and _ATTACK_WORDS.isdisjoint(head.low)
        and _ATTACK_WORDS.isdisjoint(tokenize(text[cut:_LEAD]).low)
    ):
        return Event(denies=denies)
    rest = tokenize(text[cut:])
    tokens = Tokens(head.words + rest.words, head.low + rest.low)
    mentions = find_places(tokens.low, tokens.words)
    by_places = _side_by_places([m.side for m in mentions])
    # strikes of no place all read against the places named (a mayor's "attack on Moscow
    # repelled" read as Russia attacking); an article with a placed strike reports both sides
    if not any(s.places for s in strikes):
        strikes = [s for s in strikes if by_places in (None, s.attacker)]
    side = _side_of(strikes, tokens.low) or by_places or _side_by_countries(tokens.low) or DEFAULT_ATTACKER
    target = _OTHER[side]
    places = {m.name for m in mentions if m.side in (target, None)}
    places.update(p for s in strikes if s.attacker == side for p in s.places)
    places.update(c.place for c in facts.casualties if c.place and PLACE_SIDES.get(c.place) != side)
    low = text.lower()
    today = (at + _KYIV).date()
    days = _days_named(tokens, today)
    # a night or today named ("overnight", "the night of 28 June") is tonight's: a day alone is past
    past = bool(days) and max(days) < today and not _now(tokens.low)
    told_again = past or not _AFTER_WORDS.isdisjoint(tokenize(item.title).low)
    back, loose = _back(tokens, low, at, days) if told_again else ((), False)
    return Event(
        side=side,
        attack=True,
        places=tuple(sorted(places)),
        back=back,
        loose=loose,
        strikes=tuple(strikes),
        denies=denies,
        day=_daytime(tokens),
        past=past,
    )


#: The side of each canonical place name (None: contested, or a name of both sides).
PLACE_SIDES: dict[str, Side | None] = {place.name: place.side for place in PLACES.values()}


def strikes_of(facts: Facts) -> list[Strike]:
    """The item's strikes of this war, but for one whose places are all on its attacker's own
    side (an air defence's report read as the defender attacking)."""
    found = []
    for strike in facts.strikes:
        if strike.theatre != "russia-ukraine" or strike.attacker is None:
            continue
        if strike.places and {PLACE_SIDES.get(place) for place in strike.places} == {strike.attacker}:
            continue
        found.append(strike)
    return found


def _side_of(strikes: list[Strike], low: tuple[str, ...]) -> Side | None:
    """The attacker of the item's strikes of this war, else the side its words make attack
    ("Russian drones", "Ukraine's overnight attack", "Russia launched")."""
    for strike in strikes:
        return strike.attacker
    counts: dict[Side, int] = {"Russia": 0, "Ukraine": 0}
    for i in _positions(low, _SIDE_NAMES):
        word, after = low[i], low[i + 1 : i + 4]
        if i and low[i - 1] in _TARGET_BEFORE:
            continue  # "across Ukraine in the attack", "on Russia's": the attacked side
        if after[:1] != ("air",) and not _ACTS.isdisjoint(after):
            counts[_SIDE_NAMES[word]] += 1
    if counts["Russia"] == counts["Ukraine"]:
        return None
    return "Russia" if counts["Russia"] > counts["Ukraine"] else "Ukraine"


def _side_by_countries(low: tuple[str, ...]) -> Side | None:
    """The attacker when the item names neither attacker nor place: the other side of the country
    it names most (an energy company's plants, the president's address)."""
    named = Counter(map(_SIDE_NAMES.get, low))
    russia, ukraine = named["Russia"], named["Ukraine"]
    if russia == ukraine:
        return None
    return "Ukraine" if russia > ukraine else "Russia"


def _positions(low: tuple[str, ...], wanted: Container[str]) -> Iterator[int]:
    """The positions of the words of ``low`` in ``wanted``, found in C rather than word by word."""
    return compress(range(len(low)), map(wanted.__contains__, low))


def _side_by_places(sides: list[Side | None]) -> Side | None:
    """The attacker when the item only names places hit: the other side of most of them."""
    russia, ukraine = sides.count("Russia"), sides.count("Ukraine")
    if russia == ukraine:
        return None
    return "Ukraine" if russia > ukraine else "Russia"


def _days_named(tokens: Tokens, today: date) -> list[date]:
    """The days the text names as an attack's: weekdays ("Monday's strike", "on Monday", "Monday
    night", "overnight into Monday") and dates ("13 April", "April 13"), none later than today."""
    low, found = tokens.low, list[date]()
    if _NAMED.isdisjoint(low):
        return found
    for i in _positions(low, _NAMED):
        word = low[i]
        if _reported(low, i):
            continue
        if word in _WEEKDAYS:
            before, after = low[i - 1] if i else "", low[i + 1] if i + 1 < len(low) else ""
            if before in _DAY_BEFORE or after in _DAY_AFTER or tokens.words[i].lower().endswith(("'s", "’s")):
                found.append(today - timedelta(days=(today.weekday() - _WEEKDAYS[word]) % 7))
        elif word in _MONTHS:
            numbers = [low[k] for k in (i - 1, i + 1) if 0 <= k < len(low) and _day_number(low[k])]
            day = _date(_MONTHS[word], int(numbers[0]), today) if numbers else None
            if day is not None:
                found.append(day)
    return found


def _reported(low: tuple[str, ...], i: int) -> bool:
    """Whether the word at ``i`` dates a report ("said on Monday", "told reporters on Friday
    morning"): a reporting verb before it with only such words between ("said on Monday that
    Sunday's attack" dates the report by Monday, the attack by Sunday)."""
    for k in range(i - 1, max(i - 5, -1), -1):
        if low[k] in _SAYS:
            return True
        if low[k] not in _REPORT_GAP:
            return False
    return False


def _daytime(tokens: Tokens) -> bool:
    """A daytime strike: a time of day in daylight that dates no report ("on Monday afternoon",
    "in the middle of the morning", "later in the day"), and no night named but one it comes
    after ("hours after the overnight barrage")."""
    low = tokens.low
    if any(_AFTER.isdisjoint(low[max(i - 3, 0) : i]) for i in _positions(low, _NIGHT)):
        return False
    for i in _positions(low, _DAY_WORDS):
        word = low[i]
        if _reported(low, i):
            continue
        if word in _DAYTIME or (word == "day" and _in_the_day(low, i)):
            return True
        if word == "morning" and i and (low[i - 1] in _MORNING_BEFORE or low[i - 2 : i] == ("of", "the")):
            return True
    return False


def _now(low: tuple[str, ...]) -> bool:
    """Whether the text names a night or today as its attack's time (not "said today")."""
    return any(not _reported(low, i) for i in _positions(low, _NOW))


def _in_the_day(low: tuple[str, ...], i: int) -> bool:
    """ "During the day" or "later in the day" at ``i`` (not "the day of mourning")."""
    before = low[max(i - 3, 0) : i]
    return (before[-2:] == ("during", "the") or before == ("later", "in", "the")) and low[i + 1 : i + 2] != (
        "of",
    )


def _tally(title: Tokens) -> bool:
    """A headline counting a period ("this week", "a week of strikes", "monthly record", "in
    July", "July saw"): a month opening it or after "in" without a day, or a week or month that
    is no attack's time ("for the third time this week", "second strike in a week", "last
    week's strike")."""
    low = title.low
    for i, word in enumerate(low):
        before = low[i - 1] if i else ""
        if (
            word in _PERIODS
            and (word.endswith("ly") or before in _PERIOD_BEFORE)
            and not _attack_time(title, i)
        ):
            return True
        month = word in _MONTHS and word != "may" and before in ("", "in")  # "may": the verb too
        if month and not (i + 1 < len(low) and _day_number(low[i + 1])) and not _day_number(before):
            return True
    return False


def _attack_time(title: Tokens, i: int) -> bool:
    """Whether the week or month at ``i`` dates or counts attacks rather than a tally: "the third
    time this week", "in a week", "last week's"."""
    low = title.low
    possessive = title.words[i].lower().endswith(("'s", "’s"))
    return possessive or "time" in low[max(i - 2, 0) : i] or low[max(i - 2, 0) : i] == ("in", "a")


def _day_number(word: str) -> bool:
    """One or two ASCII digits: a day of the month. (``str.isdigit`` alone takes "²" too, which
    ``int`` then refuses: hostile text must not stop a join.)"""
    return len(word) < 3 and word.isascii() and word.isdigit()


def _date(month: int, day: int, today: date) -> date | None:
    """The date of a day and month, in the year that makes it not later than today."""
    for year in (today.year, today.year - 1):
        try:
            when = date(year, month, day)
        except ValueError:
            return None
        if when <= today:
            return when
    return None


def _earlier(tokens: Tokens, low: str) -> bool:
    return not _EARLIER.isdisjoint(tokens.low) or any(phrase in low for phrase in _EARLIER_PHRASES)


def _back(tokens: Tokens, low: str, at: datetime, days: list[date]) -> tuple[tuple[int, ...], bool]:
    """The earlier nights (1 = the night before) the text tells an attack of again: the ones its
    weekdays or dates name, else all of them when it reads like an aftermath (a toll, mourning),
    the night before for an evening's article on it; and whether the only reason is that it gives
    no day and no time of its own (loose: it may join by a shared place only)."""
    night = datetime.fromisoformat(night_of(at)).date()
    fresh = any(not _reported(tokens.low, i) for i in _positions(tokens.low, _FRESH)) or "last night" in low
    back: set[int] = set()
    for day in days:
        # an attack of day D is reported as the night named D (morning) or D + 1 (evening)
        for named in (day, day + timedelta(days=1)):
            offset = (night - named).days
            if 1 <= offset <= NIGHTS_BACK:
                back.add(offset)
    if not back and not fresh and _AFTERMATH.search(low):
        back.update(range(1, NIGHTS_BACK + 1))
    if into_night(at) < _EVENING and _earlier(tokens, low):
        back.add(1)  # an evening's article on the night just ended
    if back or days or fresh:
        return tuple(sorted(back)), False
    return (1,), True  # no day and no time of its own: perhaps a claim on the night before
