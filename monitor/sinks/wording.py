"""Alerts in an analyst's words: each count with what it counts, reasons as sentences, dates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

#: Plural nouns of a strike's weapon kind.
_WEAPONS = {"drone": "drones", "missile": "missiles", "glide_bomb": "glide bombs", "targets": "targets"}
#: What each strike count says, after the number and the weapon.
_STRIKE_COUNTS = (
    ("launched", "launched"),
    ("shot_down", "shot down"),
    ("suppressed", "jammed or lost"),
    ("neutralized", "put out of action in all"),
)
_ACTIVITIES = {
    "deployment": "deployed",
    "combat": "fighting",
    "capture": "captured",
    "casualties": "killed or wounded",
    "recruitment": "recruited",
    "plan": "planned, not deployed",
}

#: Every decision reason, said as an analyst would read it on an alert.
REASONS: dict[str, str] = {
    "first": "new alert",
    "seen": "already alerted",
    "cooldown": "the same story again, within the rule's realert period",
    "baseline": "first attack seen for this group (or a higher figure of it): stored as the baseline",
    "not_record": "not above the stored record",
    "known_term": "seen before",
    "silenced": "held back by a silence",
    "inhibited": "held back: a more severe alert covers this story",
    "aggregated": "held for the rule's summary alert",
    "counting": "counting: the window has not reached the rule's count or rate yet",
    "unchanged": "unchanged since the last report",
    "held": "held until other outlets corroborate the story (or the rule's max_hold ends)",
}

#: The mark of an alert that fired on its hold: no second outlet reported the story in time.
SINGLE_SOURCE = "Single source: no other outlet corroborated this within the rule's hold"


#: How a story's message is marked by each notice (followed by the source and its headline).
NOTICES = {
    "disputed": "⛔ Disputed by",
    "retracted": "⛔ Retracted by",
    "corrected": "✏️ Corrected by",
    "corroborated": "✅ Corroborated by",
}


def notice_words(notice: str, source: str, headline: str) -> str:
    """'⛔ Disputed by defence-ministry: Russia denies drone attack on Kyiv' (plain text)."""
    said = f"{NOTICES.get(notice, notice)} {source}"
    return f"{said}: {headline}" if headline and notice != "corroborated" else said


def _count(fact: dict[str, Any], key: str) -> str:
    value = fact[key]
    upper = fact.get(f"{key}_max")
    number = f"{value}–{upper}" if upper else str(value)
    qualifier = fact.get("qualifier") if key in {"launched", "count"} else None
    return f"{qualifier} {number}" if qualifier else number


def strike_counts(fact: dict[str, Any]) -> list[str]:
    """'over 800 drones launched', '34 drones shot down': each count with its name (the weapon
    named on the first); a total equal to the shot-down count is not repeated."""
    noun = _WEAPONS.get(str(fact.get("weapon")), "weapons")
    counts: list[str] = []
    for key, words in _STRIKE_COUNTS:
        if fact.get(key) is None or (key == "neutralized" and fact[key] == fact.get("shot_down")):
            continue
        counts.append(f"{_count(fact, key)} {'' if counts else noun + ' '}{words}")
    if not counts and fact.get("lower_bound") is not None:
        counts.append(f"at least {fact['lower_bound']} {noun}")
    return counts


def _strike(fact: dict[str, Any]) -> str:
    line = "Attack"
    if fact.get("attacker"):
        line += f" by {fact['attacker']}"
    if fact.get("target"):
        line += f" on {fact['target']}"
    if fact.get("places"):
        line += f" ({', '.join(fact['places'])})"
    if fact.get("time_ref"):
        line += f", {fact['time_ref']}"
    counts = strike_counts(fact)
    line += ": " + ", ".join(counts) if counts else ""
    if fact.get("record_claim"):
        scope = f" ({fact['record_scope']})" if fact.get("record_scope") else ""
        line += f". The text calls it a record{scope}"
    return line


def _troops(fact: dict[str, Any]) -> str:
    count = f"{_count(fact, 'count')} " if fact.get("count") is not None else ""
    line = f"{count}{fact.get('nationality')} troops"
    if fact.get("activity"):
        line += f" {_ACTIVITIES.get(str(fact['activity']), fact['activity'])}"
    if fact.get("side"):
        line += f", on {fact['side']}'s side"
    return line


def _weapon(fact: dict[str, Any]) -> str:
    kind = f" ({fact['kind']})" if fact.get("kind") else ""
    return f"{fact.get('name')}{kind} " + ("used in an attack" if fact.get("used") else "mentioned")


def _casualty(fact: dict[str, Any]) -> str:
    parts = []
    for key in ("killed", "injured"):
        if fact.get(key) is not None:
            hedge = fact.get(f"{key}_qualifier")
            parts.append(f"{hedge + ' ' if hedge else ''}{fact[key]} {key}")
    place = f" in {fact['place']}" if fact.get("place") else ""
    return (", ".join(parts) or "casualties") + place


def _denial(fact: dict[str, Any]) -> str:
    named = [*fact.get("sides", ()), *fact.get("weapons", ()), *fact.get("places", ())]
    return f"The report is {fact['kind']}" + (f" (names {', '.join(map(str, named))})" if named else "")


def fact_line(fact: dict[str, Any]) -> str:
    """The fact in one line of words, whatever its kind (told apart by its fields)."""
    if "sides" in fact and "kind" in fact:
        return _denial(fact)
    if "weapon" in fact:
        return _strike(fact)
    if "nationality" in fact:
        return _troops(fact)
    if "name" in fact:
        return _weapon(fact)
    if "killed" in fact or "injured" in fact:
        return _casualty(fact)
    return ""


def record_line(fact: dict[str, Any], previous: int | None) -> str | None:
    """'New record: 800, previous 145' for an alert that beat a stored record."""
    if previous is None:
        return None
    size = fact.get("size", fact.get("count"))
    if size is None:
        return f"Previous record {previous}"
    return f"New record: {size}, previous record {previous}"


def when(value: Any) -> str:
    """A published time as '7 Sep 2025 15:00 UTC'; 'undated' when there is none."""
    if not value:
        return "undated"
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    zone = moment.tzname() or ""
    return f"{moment.day} {moment:%b %Y %H:%M} {'UTC' if zone in {'UTC', 'UTC+00:00'} else zone}".strip()
