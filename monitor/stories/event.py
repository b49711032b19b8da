"""What attack an item is about, for joining it to a story when it shares no text or figure with
it: the attacking side, the attacked side's places it names, and whether it refers back to an
attack of an earlier night (a toll updated, "Monday's strike")."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from pydantic import BaseModel, ConfigDict

from monitor.extract.gazetteer import PLACES, find_places
from monitor.extract.lexicon import words
from monitor.extract.tokens import tokenize
from monitor.models import Facts, Item
from monitor.models.facts import Side, Strike
from monitor.stories.model import night_of

#: A follow-up (a toll updated, a damage assessment) joins an attack's story up to this long
#: after the story's first report.
FOLLOW_UP = timedelta(hours=72)
#: The attacker of an article on an attack that names no side, no place and no country more than
#: the other (a grid operator's outage notice, a district's debris): nearly always Russia's.
DEFAULT_ATTACKER: Side = "Russia"
#: Nights looked back for a follow-up: the night before and the two before it (72 hours).
NIGHTS_BACK = 3
#: Kyiv's offset from UTC in summer, and the nights' shift (as in stories.model: 18:00 Kyiv).
_KYIV = timedelta(hours=3)
_NIGHT_SHIFT = timedelta(hours=9)
#: Characters of an item read for its cues: the lead carries what the article is about.
_READ = 4000
_LEAD = 400

#: Words that make an article's headline or lead about an attack.
_ATTACK_WORDS = words(
    "attack attacks attacked strike strikes struck barrage bombardment shelling shelled raid raids "
    "drone drones missile missiles shahed shaheds explosions explosion blasts bombs bombing hit hits "
    "killed wounded injured toll debris destroyed damaged"
)
#: Words that make a headline about an attack told again: the dead, the damage, the search.
_AFTER_WORDS = _ATTACK_WORDS | words(
    "dead mourns mourn search rescuers damage damaged destroyed victims funeral"
)
_NOUNS = words(
    "drone drones missile missiles attack attacks strike strikes shelling forces bombs barrage "
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
_OTHER: dict[Side, Side] = {"Russia": "Ukraine", "Ukraine": "Russia"}
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = "|".join(_DAYS)
_HIT = r"(?:attack|strike|strikes|barrage|bombardment|shelling|assault|raid)"
#: A weekday named as an attack's day: "Monday's strike", "the attack on Kyiv on Monday",
#: "Monday night", "overnight into Monday", "early on Monday".
_DAY_REFS = (
    re.compile(rf"\b({_DAY})(?:'s| night| morning| evening| afternoon)\b"),
    re.compile(rf"\b(?:on|since|last|early|late) ({_DAY})\b"),
    re.compile(rf"\bovernight (?:into |on )?({_DAY})\b"),
)
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
_MONTH = "|".join(_MONTHS)
_DATE = re.compile(rf"\b(?:(\d{{1,2}}) ({_MONTH})|({_MONTH}) (\d{{1,2}}))\b")
#: Words that date an attack to the time of the report (with a weekday or a date named).
_FRESH = re.compile(
    r"\b(?:overnight|last night|tonight|dawn|morning|afternoon|evening|today|early|earlier|"
    r"hours?|minutes?|now|currently|ongoing)\b"
)
#: An evening article on the attack of the night just ended ("the day's attack", "overnight").
_EARLIER = re.compile(
    r"\b(?:overnight|last night|this morning|the day's|earlier today|during the day|in the morning)\b"
)
#: Wording of a story told again later: a toll updated, the dead counted, the day after.
_AFTERMATH = re.compile(
    r"\b(?:death toll|toll (?:has )?(?:rose|risen|rises|climbed|climbs)|rose to \d+|"
    r"died of (?:their|his|her) (?:wounds|injuries)|days? of mourning|"
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


def event_of(item: Item, facts: Facts, at: datetime) -> Event:
    """The attack ``item`` (event time ``at``) is about, from its facts and its words."""
    text = f"{item.title}. {item.text}"[:_READ]
    lead = tokenize(text[:_LEAD]).low
    strikes = strikes_of(facts)
    if _ATTACK_WORDS.isdisjoint(lead) and not strikes:
        return Event()
    tokens = tokenize(text)
    mentions = find_places(tokens.low, tokens.words)
    by_places = _side_by_places([m.side for m in mentions])
    # a strike of no place read against the places named (a mayor's "attack on Moscow repelled")
    strikes = [s for s in strikes if s.places or by_places in (None, s.attacker)]
    side = _side_of(strikes, tokens.low) or by_places or _side_by_countries(tokens.low) or DEFAULT_ATTACKER
    target = _OTHER[side]
    places = {m.name for m in mentions if m.side in (target, None)}
    places.update(p for s in strikes if s.attacker == side for p in s.places)
    places.update(c.place for c in facts.casualties if c.place and PLACE_SIDES.get(c.place) != side)
    told_again = not _AFTER_WORDS.isdisjoint(tokenize(item.title).low)
    back, loose = _back(text.lower(), at) if told_again else ((), False)
    return Event(
        side=side, attack=True, places=tuple(sorted(places)), back=back, loose=loose, strikes=tuple(strikes)
    )


#: The side of each canonical place name (None: contested, or a name of both sides).
PLACE_SIDES: dict[str, Side | None] = {place.name: place.side for place in PLACES.values()}


def strikes_of(facts: Facts) -> list[Strike]:
    """The item's strikes of this war, but for one whose places (else those of its sentence) are
    all on its attacker's own side (an air defence's report read as the defender attacking)."""
    found = []
    for strike in facts.strikes:
        if strike.theatre != "russia-ukraine" or strike.attacker is None:
            continue
        places = strike.places
        if not places:
            tokens = tokenize(strike.evidence[:_LEAD])
            places = tuple(m.name for m in find_places(tokens.low, tokens.words))
        if places and {PLACE_SIDES.get(place) for place in places} == {strike.attacker}:
            continue
        found.append(strike)
    return found


def _side_of(strikes: list[Strike], low: tuple[str, ...]) -> Side | None:
    """The attacker of the item's strikes of this war, else the side its words make attack
    ("Russian drones", "Ukraine's overnight attack", "Russia launched")."""
    for strike in strikes:
        return strike.attacker
    counts: dict[Side, int] = {"Russia": 0, "Ukraine": 0}
    for i, word in enumerate(low):
        side = _SIDE_NAMES.get(word)
        after = low[i + 1 : i + 4]
        if side is not None and after[:1] != ("air",) and not _ACTS.isdisjoint(after):
            counts[side] += 1
    if counts["Russia"] == counts["Ukraine"]:
        return None
    return "Russia" if counts["Russia"] > counts["Ukraine"] else "Ukraine"


def _side_by_countries(low: tuple[str, ...]) -> Side | None:
    """The attacker when the item names neither attacker nor place: the other side of the country
    it names most (an energy company's plants, the president's address)."""
    named = Counter(_SIDE_NAMES.get(word) for word in low)
    russia, ukraine = named["Russia"], named["Ukraine"]
    if russia == ukraine:
        return None
    return "Ukraine" if russia > ukraine else "Russia"


def _side_by_places(sides: list[Side | None]) -> Side | None:
    """The attacker when the item only names places hit: the other side of most of them."""
    russia, ukraine = sides.count("Russia"), sides.count("Ukraine")
    if russia == ukraine:
        return None
    return "Ukraine" if russia > ukraine else "Russia"


def _day_refs(low: str) -> list[re.Match[str]]:
    return [found for pattern in _DAY_REFS for found in pattern.finditer(low)]


def _date(found: re.Match[str], today: date) -> date | None:
    """The day of a date written '13 april' or 'april 13', in the year that makes it not later than today."""
    month = _MONTHS.index(found[2] or found[3]) + 1
    day = int(found[1] or found[4])
    for year in (today.year, today.year - 1):
        try:
            when = date(year, month, day)
        except ValueError:
            return None
        if when <= today:
            return when
    return None


def _back(low: str, at: datetime) -> tuple[tuple[int, ...], bool]:
    """The earlier nights (1 = the night before) the text tells an attack of again: the ones its
    weekdays or dates name, else all of them when it reads like an aftermath (a toll, mourning),
    the night before for an evening's article on it; and whether the only reason is that it gives
    no day and no time of its own (loose: it may join by a shared place only)."""
    night = datetime.fromisoformat(night_of(at)).date()
    today = (at + _KYIV).date()
    days = [today - timedelta(days=(today.weekday() - _DAYS.index(found[1])) % 7) for found in _day_refs(low)]
    days += [d for found in _DATE.finditer(low) if (d := _date(found, today)) is not None]
    back: set[int] = set()
    for day in days:
        # an attack of day D is reported as the night named D (morning) or D + 1 (evening)
        for named in (day, day + timedelta(days=1)):
            offset = (night - named).days
            if 1 <= offset <= NIGHTS_BACK:
                back.add(offset)
    if not back and _AFTERMATH.search(low) and not _FRESH.search(low):
        back.update(range(1, NIGHTS_BACK + 1))
    if at + _NIGHT_SHIFT - timedelta(hours=6) < datetime.combine(night, time(), UTC) and _EARLIER.search(low):
        back.add(1)  # an evening's article on the night just ended
    if back or days or _FRESH.search(low):
        return tuple(sorted(back)), False
    return (1,), True  # no day and no time of its own: perhaps a claim on the night before
