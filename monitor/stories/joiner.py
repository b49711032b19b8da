"""Joins each item to its story: a copy of an item's text, another article on the same attack,
or a new story. Idempotent per item id: joining an item again (a batch retried after Redis
failed) finds its stored contribution and answers the same join, revisions included."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from importlib import resources
from typing import Any

import redis

from monitor.models import Facts, Item
from monitor.models.facts import Strike
from monitor.state.keys import STORY_TTL, Keys
from monitor.stories.event import FOLLOW_UP, NIGHTS_BACK, Event, event_of
from monitor.stories.index import MOST_PER_BUCKET, digest
from monitor.stories.minhash import bands, signature
from monitor.stories.model import (
    FIGURES_FIELD,
    SUMMARY_FIELD,
    Contribution,
    Figure,
    Figures,
    How,
    Join,
    Story,
    Summary,
    best_of,
    disagree,
    into_night,
    latest_of,
    night_of,
    night_start,
    order_key,
    side_by_side,
)

#: Estimated Jaccard similarity of the texts (headlines left out: a copy gets a new one) from
#: which an item is a copy of another: light edits and a credit line stay well above it; a copy
#: trimmed by a quarter of a short text falls to about 0.5, and may be missed (it can still join
#: as a report of the same attack).
COPY_SIMILARITY = 0.5
#: Copies and reports of one attack come within this many hours of the story's first report;
#: the next night's report, worded alike, comes 18 hours or more later.
STORY_SPAN = timedelta(hours=16)
#: Two counts of one attack are the same figure reported twice when within this fraction of
#: the larger ("nearly 500" and 472, "over 800" and 810).
FIGURE_TOLERANCE = 0.15
#: An attack counted at this many drones or missiles or more is a night's big attack: an article
#: on that side's attack naming none of a story's places joins it when it is the night's only one.
BIG_ATTACK = 20
#: A story of the night before begun this long before an item is still this evening's news: an
#: article on the same side's attack naming one of its places joins it (a strike at 17:00 Kyiv
#: time reported at 19:00 falls on either side of the nights' 18:00 boundary).
EVENING = timedelta(hours=6)
#: Items per join.lua call: a call holds Redis (and other replicas' commands) for its whole
#: batch, about a third of a millisecond per item.
JOIN_CHUNK = 64
_SPAN_MS = int(STORY_SPAN.total_seconds() * 1000)
_FOLLOW_UP_MS = int(FOLLOW_UP.total_seconds() * 1000)


def story_id_for(item_id: str) -> str:
    """A story's id, from the item that opened it (short enough to type)."""
    return "s" + hashlib.blake2b(item_id.encode(), digest_size=6).hexdigest()


def figures_of(strikes: Sequence[Strike]) -> tuple[Figure, ...]:
    """The attacks of this war an item reports (``Event.strikes``), one per attacker and weapon kind."""
    found: dict[str, Figure] = {}
    for strike in strikes:
        assert strike.attacker is not None  # strikes_of keeps attributed strikes only
        figure = Figure(
            attacker=strike.attacker,
            weapon=strike.weapon,
            launched=strike.launched,
            neutralized=strike.neutralized if strike.neutralized is not None else strike.shot_down,
            places=tuple(strike.places),
        )
        found.setdefault(figure.what, figure)
    return tuple(found.values())


class StoryJoiner:
    """Joins items to stories in Redis (shared by replicas): one Lua call (join.lua) per batch
    of items (up to JOIN_CHUNK) looks each one's MinHash bands up, places it (copy, same attack
    or new, by the rules documented on the constants above) and files it with its story's
    summary.

    Decided: the placement runs in Redis, beside what it reads (candidates' signatures, the
    summaries of their stories and of the night's stories reporting the item's attacks), so
    that none of it crosses the network. A batch's items go in one call (``join_many``): the
    script joins them in turn, in the order given, each reading what the ones before it filed
    (the call is atomic as a whole), so the stories are those of one call per item, with one
    round trip and one client-side packing for up to JOIN_CHUNK items instead of one each. A
    join reads the story's compact summary, not its contributions. When the item is the
    latest of its story in event time (items are joined in event-time order, so nearly always)
    the join is computed from the summary before and after it. A late item (older than the
    story's latest) or one joined before (a retried batch) reads the contributions and
    computes the story as it was before that item, as the first pass did: the same answer
    whenever and however often it is computed (a batch's late items read their stories after
    the call: contributions later than the item, filed by the same call, count for nothing)."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        text = resources.files("monitor.stories").joinpath("join.lua").read_text("utf-8")
        #: join.lua as a redis-py Script: EVALSHA, loaded again if the server lost it.
        self.script: Any = client.register_script(text)
        #: Sends a long batch's join.lua calls (``join_many``), started when first needed.
        self._sending: ThreadPoolExecutor | None = None
        #: Contributions already parsed, by their stored bytes (late items and retries read a
        #: story's contributions). Bounded; replicas stay correct because the key is the value.
        self._parsed: dict[bytes, Contribution] = {}

    def join(self, item: Item, facts: Facts, at: datetime, *, write: bool = True) -> Join:
        """Join ``item`` (event time ``at``) to its story and return how, and what it changed.
        ``write=False`` (explain) answers the same without filing anything."""
        if write:
            return self.join_many([(item, facts, at)])[0]
        event = event_of(item, facts, at)
        figures = figures_of(event.strikes)
        reply = self.call([self.request(item, figures, at, write=False, event=event)])[0]
        story_id = _text(reply[1])
        if _text(reply[0]) in _REREAD:
            return self._rejoin(story_id, item.id)
        contribution = Contribution(
            item=item.id, source=item.source, title=item.title[:200], at=at, how=_HOWS[_text(reply[2])],
            why=_text(reply[3]), wire=_text(reply[4]), figures=figures,
        )  # fmt: skip
        stored = self.client.hgetall(self.keys.story_items(story_id))
        return _join(story_id, item.id, [*self._contributions(stored), contribution])

    def join_many(self, entries: Sequence[tuple[Item, Facts, datetime]]) -> list[Join]:
        """Join each (item, facts, event time), in the order given (event-time order: an item
        may join the story one before it opened), JOIN_CHUNK items per join.lua call. The same
        joins as ``join`` item by item: the script joins them in turn, each reading what the
        ones before it wrote; a late or repeated item's story is read afterwards, and the join
        computed from it counts only contributions earlier than the item's own. A batch longer
        than JOIN_CHUNK is sent chunk by chunk from a thread, the next chunk's events, signatures
        and arguments computed here while Redis runs the one before."""
        chunks = [entries[start : start + JOIN_CHUNK] for start in range(0, len(entries), JOIN_CHUNK)]
        replies: list[Any] = []
        sent: Future[list[Any]] | None = None
        for chunk in chunks:
            requests = [self._prepared(item, facts, at) for item, facts, at in chunk]
            if len(chunks) == 1:
                replies = self.call(requests)
                break
            # a chunk goes once the one before it is filed (a failed call stops the batch there,
            # as a failed join stops one by one); it was prepared while that one ran in Redis
            if sent is not None:
                replies += sent.result()
            sent = self._sender().submit(self.call, requests)
        if sent is not None:
            replies += sent.result()
        # late and repeated items: their stories read once each, in one round trip, after the call
        stories = self._stories({_text(reply[1]) for reply in replies if _text(reply[0]) in _REREAD})
        read: dict[bytes, _Read] = {}
        return [
            self._answer(entry[0].id, reply, read, stories)
            for entry, reply in zip(entries, replies, strict=True)
        ]

    def _prepared(self, item: Item, facts: Facts, at: datetime) -> tuple[list[str], list[Any]]:
        event = event_of(item, facts, at)
        return self.request(item, figures_of(event.strikes), at, event=event)

    def _sender(self) -> ThreadPoolExecutor:
        """The thread that sends a long batch's calls while the next chunk is prepared."""
        if self._sending is None:
            self._sending = ThreadPoolExecutor(max_workers=1, thread_name_prefix="story-join")
        return self._sending

    def _stories(self, story_ids: set[str]) -> dict[str, Story]:
        """The stories of ``story_ids`` as stored, read in one round trip."""
        if not story_ids:
            return {}
        ordered = sorted(story_ids)
        pipe = self.client.pipeline(transaction=False)
        for story_id in ordered:
            pipe.hgetall(self.keys.story_items(story_id))
        stored = pipe.execute()
        return {
            story_id: Story.of(story_id, self._contributions(fields))
            for story_id, fields in zip(ordered, stored, strict=True)
        }

    def call(self, requests: Sequence[tuple[list[str], list[Any]]]) -> list[Any]:
        """One join.lua call for the requests (``request``'s keys and arguments): its replies."""
        keys: list[str] = []
        counts: list[Any] = [len(requests)]
        args: list[Any] = []
        for its_keys, its_args in requests:
            keys += its_keys
            args += its_args
            counts += [len(its_keys), len(its_args)]
        return list(self.script(keys=keys, args=[*counts, *args]))

    def _answer(self, item_id: str, reply: Any, read: dict[bytes, _Read], stories: dict[str, Story]) -> Join:
        """The join a filing reply tells (a late or repeated item's from its story's items, in
        ``stories``). ``read``: summaries parsed for this batch, by their text (an item's story
        before it is most often the story after the item before)."""
        status, story_id = _text(reply[0]), _text(reply[1])
        if status in _REREAD:
            return _join_in(stories[story_id], item_id)
        before = _read(reply[5], read)[1] if reply[5] else None
        now, latest = _read(reply[6], read)
        return Join(
            story_id=story_id,
            how=_HOWS[_text(reply[2])],
            why=_text(reply[3]),
            before=_best_launched(before) if before is not None else {},
            after=_best_launched(latest),
            sources=now.sources,
            independent=now.independent,
            figures=side_by_side(latest),
            disagree=disagree(latest),
        )

    def request(
        self,
        item: Item,
        figures: Figures,
        at: datetime,
        *,
        write: bool = True,
        event: Event | None = None,
    ) -> tuple[list[str], list[Any]]:
        """The keys and arguments of join.lua joining ``item`` (``call`` sends them, a batch's
        together); ``event``: the attack it is about (none: it joins only as a copy or by its
        figures)."""
        event = event or Event()
        night, before = night_of(at), night_of(at - timedelta(days=1))
        sig = signature(item.text or item.title)
        digests = bands(sig)
        said = [figure.model_dump_json() for figure in figures]
        keys = [
            self.keys.story_signatures(night),
            self.keys.story_signatures(before),
            self.keys.night_stories(night),
            self.keys.story_nights(),
            *self._side_keys(at, event),
        ]
        args: list[Any] = [
            item.id, digest(item.id), sig.tobytes(), "1" if write else "0", _ms(at), _SPAN_MS, night,
            order_key(at, item.id), item.source, _head(item, at, said), story_id_for(item.id),
            self.keys.story_items(""), SUMMARY_FIELD, STORY_TTL, MOST_PER_BUCKET, sig.itemsize,
            COPY_SIMILARITY, FIGURE_TOLERANCE, "1" if _looks_back(at) else "0",
            self.keys.story_band_prefix(night), self.keys.story_band_prefix(before), b"".join(digests),
            FIGURES_FIELD, *_event_args(event), _ms(night_start(at)), _EVENING_MS,
        ]  # fmt: skip
        for figure, raw in zip(figures, said, strict=True):
            keys += [
                self.keys.night_attacks(night, figure.what),
                self.keys.night_attacks(before, figure.what),
            ]
            args += [
                figure.what, raw, _count(figure.launched), _count(figure.neutralized),
                "\t".join(sorted(set(figure.places))), raw[: raw.index(',"launched":') + 1],
            ]  # fmt: skip
        return keys, args

    def _side_keys(self, at: datetime, event: Event) -> list[str]:
        """The stories of an attack by the item's side this night and the nights before."""
        side = event.side or "-"
        return [self.keys.night_side(night_of(at - timedelta(days=k)), side) for k in range(NIGHTS_BACK + 1)]

    def _rejoin(self, story_id: str, item_id: str) -> Join:
        stored = self.client.hgetall(self.keys.story_items(story_id))
        return _join(story_id, item_id, self._contributions(stored))

    def since(self, moment: datetime) -> list[tuple[str, int]]:
        """(story id, first event ms) of the stories begun at or after ``moment``, oldest first."""
        nights = [_text(n) for n in self.client.zrangebyscore(self.keys.story_nights(), _ms(moment), "+inf")]
        pipe = self.client.pipeline(transaction=False)
        for night in nights:
            pipe.zrangebyscore(self.keys.night_stories(night), _ms(moment), "+inf", withscores=True)
        found = {_text(story): int(at) for rows in pipe.execute() for story, at in rows}
        return sorted(found.items(), key=lambda pair: (pair[1], pair[0]))

    def alerts(self, story_id: str) -> list[tuple[str, str]]:
        """(alert id, severity) of the alerts fired for a story, in event-time order."""
        names = {"1": "info", "2": "warning", "3": "critical"}
        found = []
        for member in self.client.zrange(self.keys.story(story_id), 0, -1):
            rank, _, alert_id = _text(member).partition("\t")
            found.append((alert_id, names.get(rank, rank)))
        return found

    def _contributions(self, stored: Mapping[Any, Any]) -> list[Contribution]:
        if len(self._parsed) > 100_000:
            self._parsed.clear()
        found = []
        for field, raw in stored.items():
            if _text(field) in _STORY_FIELDS:
                continue
            key = raw if isinstance(raw, bytes) else str(raw).encode()
            parsed = self._parsed.get(key)
            if parsed is None:
                parsed = self._parsed[key] = Contribution.model_validate_json(key)
            found.append(parsed)
        return found

    def story(self, story_id: str) -> Story | None:
        """A story as stored, None when unknown (or collected)."""
        contributions = self._contributions(self.client.hgetall(self.keys.story_items(story_id)))
        return Story.of(story_id, contributions) if contributions else None


def _join(story_id: str, item_id: str, contributions: list[Contribution]) -> Join:
    """The join as it was when ``item_id`` came: the story before it (contributions earlier in
    event time) and after it. The same answer however often it is computed."""
    return _join_in(Story.of(story_id, contributions), item_id)


def _join_in(story: Story, item_id: str) -> Join:
    """``_join`` of a story already built (a batch's late items of one story share it). Its
    contributions are in (event time, item) order, item ids distinct: the ones earlier than
    the item are those before it, so the story before it and up to it are read off in one pass
    each, not built again."""
    ordered = story.contributions
    at = next(n for n, c in enumerate(ordered) if c.item == item_id)
    mine, earlier = ordered[at], ordered[:at]
    then = latest_of(earlier)
    latest = latest_of([mine], {source: dict(figures) for source, figures in then.items()})
    upto = (*earlier, mine)
    return Join(
        story_id=story.id,
        how=mine.how,
        why=mine.why,
        before=_best_launched(then) if earlier else {},
        after=_best_launched(latest),
        sources=len(dict.fromkeys(c.source for c in upto)),
        independent=len({c.source for c in upto if c.wire == c.item}),
        figures=side_by_side(latest),
        disagree=disagree(latest),
    )


#: A summary as read: the summary and its sources' latest figures.
_Read = tuple[Summary, dict[str, dict[str, Figure]]]


def _read(raw: bytes, read: dict[bytes, _Read]) -> _Read:
    found = read.get(raw)
    if found is None:
        summary = Summary.parse(raw)
        found = read[raw] = (summary, summary.latest_by_source())
    return found


def _best_launched(latest: dict[str, dict[str, Figure]]) -> dict[str, int]:
    return {what: f.launched for what, (f, _) in best_of(latest).items() if f.launched is not None}


def _head(item: Item, at: datetime, said: list[str]) -> str:
    """The item's contribution as JSON but for how, why and wire (join.lua adds them)."""
    head = {"item": item.id, "source": item.source, "title": item.title[:200], "at": at.isoformat()}
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    return f'{text[:-1]},"figures":[{",".join(said)}]}}' if said else text


def _event_args(event: Event) -> list[Any]:
    """join.lua's arguments 24 to 29: side, places, attack, nights back, window, big attack."""
    back = "".join(str(k) for k in event.back)
    places = "\t".join(event.places)
    flags = "".join(
        flag
        for flag, on in (
            ("a", event.attack),
            ("l", event.loose),
            ("d", event.denies),
            ("y", event.day),
            ("p", event.past),
        )
        if on
    )
    return [event.side or "", places, flags, back, _FOLLOW_UP_MS, BIG_ATTACK]


_EVENING_MS = int(EVENING.total_seconds() * 1000)


def _looks_back(at: datetime) -> bool:
    """Whether the night before can hold a copy or a story of an item at ``at``: only within
    STORY_SPAN of its start (a second's margin for the milliseconds filed)."""
    return into_night(at) <= STORY_SPAN + timedelta(seconds=1)


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


#: join.lua's statuses whose join is computed from the story's contributions.
_REREAD = ("again", "late")
#: A story hash's fields that are not an item's contribution.
_STORY_FIELDS = frozenset({SUMMARY_FIELD, FIGURES_FIELD})
_HOWS: dict[str, How] = {
    "new": "new", "copy": "copy", "same_attack": "same_attack", "same_event": "same_event",
    "follow_up": "follow_up",
}  # fmt: skip


def _ms(at: datetime) -> int:
    return int(at.timestamp() * 1000)


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
