"""Joins each item to its story: a copy of an item's text, another article on the same attack,
or a new story. Idempotent per item id: joining an item again (a batch retried after Redis
failed) finds its stored contribution and answers the same join, revisions included."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime, timedelta
from importlib import resources
from typing import Any

import redis

from monitor.models import Facts, Item
from monitor.state.keys import STORY_TTL, Keys
from monitor.stories.index import Candidate, Probe, StoryIndex, digest
from monitor.stories.minhash import Signature, signature, similarity
from monitor.stories.model import (
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
    night_of,
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


def story_id_for(item_id: str) -> str:
    """A story's id, from the item that opened it (short enough to type)."""
    return "s" + hashlib.blake2b(item_id.encode(), digest_size=6).hexdigest()


def figures_of(facts: Facts) -> tuple[Figure, ...]:
    """The attacks of this war an item reports, one figure per attacker and weapon kind."""
    found: dict[str, Figure] = {}
    for strike in facts.strikes:
        if strike.theatre != "russia-ukraine" or strike.attacker is None:
            continue
        figure = Figure(
            attacker=strike.attacker,
            weapon=strike.weapon,
            launched=strike.launched,
            neutralized=strike.neutralized if strike.neutralized is not None else strike.shot_down,
            places=tuple(strike.places),
        )
        found.setdefault(figure.what, figure)
    return tuple(found.values())


def same_attack(figure: Figure, other: Figure) -> str:
    """Why two figures are one attack ('' when they are not): same attacker and weapon kind, and
    a place in common or counts that agree."""
    if figure.what != other.what:
        return ""
    places = sorted(set(figure.places) & set(other.places))
    if places:
        return f"{figure.what}, places {', '.join(places)}"
    for field in ("launched", "neutralized"):
        a, b = getattr(figure, field), getattr(other, field)
        if a is not None and b is not None and abs(a - b) <= FIGURE_TOLERANCE * max(a, b):
            return f"{figure.what}, {field} {b} and {a}"
    return ""


class StoryJoiner:
    """Joins items to stories in Redis (shared by replicas): one Lua call to probe the MinHash
    index, one pipelined read of candidate stories' summaries when the item reports an attack
    or copies a text, and one Lua call (join.lua) that files the item and updates its story's
    summary atomically.

    Decided: a join reads the story's compact summary, not its contributions. When the item is
    the latest of its story in event time (items are joined in event-time order, so nearly
    always) the join is computed from the summary before and after it. A late item (older than
    the story's latest) or one joined before (a retried batch) reads the contributions and
    computes the story as it was before that item, as the first pass did: the same answer
    whenever and however often it is computed."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        self.index = StoryIndex(client, keys)
        text = resources.files("monitor.stories").joinpath("join.lua").read_text("utf-8")
        self._write: Any = client.register_script(text)
        #: Contributions already parsed, by their stored bytes (late items and retries read a
        #: story's contributions). Bounded; replicas stay correct because the key is the value.
        self._parsed: dict[bytes, Contribution] = {}

    def join(self, item: Item, facts: Facts, at: datetime, *, write: bool = True) -> Join:
        """Join ``item`` (event time ``at``) to its story and return how, and what it changed.
        ``write=False`` (explain) answers the same without filing anything."""
        night = night_of(at)
        sig = signature(item.text or item.title)
        nights = (night, night_of(at - timedelta(days=1)))
        figures = figures_of(facts)
        span = int(STORY_SPAN.total_seconds() * 1000)
        attacks = list(dict.fromkeys(figure.what for figure in figures))
        probe = self.index.probe(item.id, nights, sig, attacks, (_ms(at) - span, _ms(at) + span), file=write)
        if probe.already is not None:
            return self._rejoin(probe.already.story_id, item.id)
        story_id, how, why, wire = self._place(item, sig, probe, figures, at)
        contribution = Contribution(
            item=item.id, source=item.source, title=item.title[:200], at=at, how=how, why=why,
            wire=wire, figures=figures,
        )  # fmt: skip
        if not write:
            stored = self.client.hgetall(self.keys.story_items(story_id))
            return _join(story_id, item.id, [*self._contributions(stored), contribution])
        keys, args = self.filing(contribution, story_id, sig)
        status, before, after = self._write(keys=keys, args=args)
        if _text(status) != "new":
            return self._rejoin(story_id, item.id)
        then = Summary.parse(before) if before else None
        now = Summary.parse(after)
        latest = now.latest_by_source()
        return Join(
            story_id=story_id,
            how=how,
            why=why,
            before=_best_launched(then.latest_by_source()) if then else {},
            after=_best_launched(latest),
            sources=now.sources,
            independent=now.independent,
            figures=side_by_side(latest),
            disagree=disagree(latest),
        )

    def filing(
        self, contribution: Contribution, story_id: str, sig: Signature
    ) -> tuple[list[str], list[Any]]:
        """The keys and arguments of join.lua filing ``contribution`` in ``story_id``."""
        item, at, figures, night = (
            contribution.item,
            contribution.at,
            contribution.figures,
            night_of(contribution.at),
        )
        keys = [
            self.keys.story_items(story_id),
            self.keys.story_signatures(night),
            self.keys.night_stories(night),
            self.keys.story_nights(),
            *(self.keys.night_attacks(night, figure.what) for figure in figures),
        ]
        args: list[Any] = [
            item, order_key(at, item), contribution.source, "1" if contribution.wire == item else "0",
            contribution.model_dump_json(exclude_defaults=True), digest(item),
            Candidate(sig, _ms(at), story_id, contribution.wire).filed(), _ms(at), night, STORY_TTL,
            SUMMARY_FIELD, story_id,
        ]  # fmt: skip
        for figure in figures:
            args += [figure.what, figure.model_dump_json()]
        return keys, args

    def _rejoin(self, story_id: str, item_id: str) -> Join:
        stored = self.client.hgetall(self.keys.story_items(story_id))
        return _join(story_id, item_id, self._contributions(stored))

    def _place(
        self, item: Item, sig: Signature, probe: Probe, figures: Figures, at: datetime
    ) -> tuple[str, How, str, str]:
        """(story id, how, why, wire item) for a new item, from what the probe read."""
        span, night = STORY_SPAN.total_seconds() * 1000, night_of(at)
        near = [c for c in probe.candidates if abs(c.at_ms - _ms(at)) <= span or c.night == night]
        scored = [(similarity(sig, c.signature), c) for c in near]
        score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        if (
            best is not None
            and score >= COPY_SIMILARITY
            and _agrees(probe.summaries.get(best.story_id), figures)
        ):
            return best.story_id, "copy", f"copies a text of the story (similarity {score:.2f})", best.wire
        for story_id in probe.attack_stories:
            summary = probe.summaries.get(story_id)
            for theirs, source in summary.figures() if summary else ():
                for mine in figures:
                    why = same_attack(mine, theirs)
                    if why:
                        return story_id, "same_attack", f"same attack as {source}: {why}", item.id
        return story_id_for(item.id), "new", "no copy and no report of the same attack this night", item.id

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
            if _text(field) == SUMMARY_FIELD:
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
    story = Story.of(story_id, contributions)
    mine = next(c for c in story.contributions if c.item == item_id)
    earlier = [c for c in story.contributions if (c.at, c.item) < (mine.at, mine.item)]
    before = Story.of(story_id, earlier) if earlier else None
    upto = Story.of(story_id, [*earlier, mine])
    return Join(
        story_id=story_id,
        how=mine.how,
        why=mine.why,
        before=_launched(before),
        after=_launched(upto),
        sources=len(upto.sources),
        independent=upto.independent,
        figures=upto.side_by_side(),
        disagree=disagree(upto.latest_by_source()),
    )


def _agrees(summary: Summary | None, figures: Figures) -> bool:
    """A text like a story's but counting an attack of the story otherwise (short reports in one
    formula: "Russia launched 100 drones ..." and "... 200 drones ...") is no copy."""
    theirs = [f for f, _ in summary.figures()] if summary else []
    for mine in figures:
        same = [f for f in theirs if f.what == mine.what and f.launched is not None]
        if mine.launched is not None and same and not any(same_attack(mine, f) for f in same):
            return False
    return True


def _launched(story: Story | None) -> dict[str, int]:
    return _best_launched(story.latest_by_source()) if story else {}


def _best_launched(latest: dict[str, dict[str, Figure]]) -> dict[str, int]:
    return {what: f.launched for what, (f, _) in best_of(latest).items() if f.launched is not None}


def _ms(at: datetime) -> int:
    return int(at.timestamp() * 1000)


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
