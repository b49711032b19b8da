"""What goes into a digest, read from Redis: a pure summary of the facts logged for a period."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from monitor.sources.feeds.config import FeedConfig
from monitor.sources.feeds.feedstate import FeedStateStore
from monitor.state.figures import FigureStore, LoggedFact, night_of
from monitor.state.silences import Silence, SilenceStore

#: A night at or above this share of the record is a near-record.
NEAR_RECORD = 0.8


@dataclass(frozen=True)
class Source:
    name: str
    url: str | None


@dataclass
class StrikeLine:
    """One attacker's attacks with one weapon in the period: the largest figures reported."""

    attacker: str
    weapon: str
    launched: int | None = None
    neutralized: int | None = None
    record_claim: bool = False
    sources: list[Source] = field(default_factory=list)


@dataclass
class ReportLine:
    """A troop nationality or a weapon reported in the period, with who reported it."""

    name: str
    detail: str = ""
    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class RecordLine:
    attacker: str
    launched: int
    record: int
    kind: str  # "record" or "near record"


@dataclass
class Digest:
    since: datetime
    until: datetime
    strikes: list[StrikeLine]
    records: list[RecordLine]
    troops: list[ReportLine]
    weapons: list[ReportLine]
    silences: list[Silence]
    stale_feeds: list[str]
    nights: dict[date, dict[str, int]]
    night_records: dict[str, int]
    items: int = 0


def _add_source(sources: list[Source], item: dict[str, object]) -> None:
    name = str(item.get("source") or "unknown")
    if all(s.name != name for s in sources):
        url = item.get("url")
        sources.append(Source(name, str(url) if url else None))


def _larger(a: int | None, b: object) -> int | None:
    if not isinstance(b, int) or isinstance(b, bool):
        return a
    return b if a is None else max(a, b)


def strike_lines(facts: Sequence[LoggedFact]) -> list[StrikeLine]:
    """Strikes by attacker and weapon, largest launched first."""
    lines: dict[tuple[str, str], StrikeLine] = {}
    for logged in facts:
        if logged.kind != "strike":
            continue
        fact = logged.fact
        key = (str(fact.get("attacker")), str(fact.get("weapon")))
        line = lines.setdefault(key, StrikeLine(*key))
        line.launched = _larger(line.launched, fact.get("launched") or fact.get("size"))
        line.neutralized = _larger(line.neutralized, fact.get("neutralized") or fact.get("shot_down"))
        line.record_claim = line.record_claim or bool(fact.get("record_claim"))
        _add_source(line.sources, logged.item)
    return sorted(lines.values(), key=lambda s: (-(s.launched or 0), s.attacker, s.weapon))


def report_lines(facts: Sequence[LoggedFact], kind: str, key: str) -> list[ReportLine]:
    """Troop reports by nationality, or weapons used by name, in order of first report."""
    lines: dict[str, ReportLine] = {}
    for logged in facts:
        if logged.kind != kind:
            continue
        name = str(logged.fact.get(key))
        line = lines.setdefault(name, ReportLine(name))
        detail = logged.fact.get("activity") or logged.fact.get("kind") or ""
        if detail and not line.detail:
            line.detail = str(detail)
        _add_source(line.sources, logged.item)
    return list(lines.values())


def record_lines(
    nights: dict[date, dict[str, int]], records: dict[str, int], since: datetime, until: datetime
) -> list[RecordLine]:
    """Nights of the period at or near the record of their attacker."""
    found: list[RecordLine] = []
    first, last = night_of(since), night_of(until)
    best: dict[str, int] = {}
    for night, figures in nights.items():
        if first <= night <= last:
            for attacker, launched in figures.items():
                best[attacker] = max(best.get(attacker, 0), launched)
    for attacker, launched in sorted(best.items()):
        record = records.get(attacker, launched)
        if launched >= record:
            found.append(RecordLine(attacker, launched, record, "record"))
        elif launched >= NEAR_RECORD * record:
            found.append(RecordLine(attacker, launched, record, "near record"))
    return found


@dataclass(frozen=True)
class DigestSources:
    """Where a digest reads from; feeds (with their state) only when a feeds file is known."""

    figures: FigureStore
    silences: SilenceStore
    feeds: Sequence[FeedConfig] = ()
    feed_states: FeedStateStore | None = None


def stale_feeds(feeds: Sequence[FeedConfig], states: FeedStateStore | None, now: datetime) -> list[str]:
    if states is None or not feeds:
        return []
    loaded = states.load_many(f for f in feeds if f.enabled)
    return sorted(
        name for name, state in loaded.items() if state.disabled or state.stale(_feed(feeds, name), now)
    )


def _feed(feeds: Sequence[FeedConfig], name: str) -> FeedConfig:
    return next(f for f in feeds if f.name == name)


def compose(sources: DigestSources, until: datetime, since_s: float, chart_days: int = 90) -> Digest:
    """The digest of the ``since_s`` seconds before ``until``."""
    since = until - timedelta(seconds=since_s)
    facts = sources.figures.logged(since, until)
    nights = sources.figures.nights(night_of(until), chart_days)
    records = sources.figures.records()
    return Digest(
        since=since,
        until=until,
        strikes=strike_lines(facts),
        records=record_lines(nights, records, since, until),
        troops=report_lines(facts, "troops", "nationality"),
        weapons=report_lines(facts, "weapon", "name"),
        silences=sources.silences.active(until),
        stale_feeds=stale_feeds(sources.feeds, sources.feed_states, until),
        nights=nights,
        night_records=records,
        items=len({f.item.get("id") for f in facts}),
    )
