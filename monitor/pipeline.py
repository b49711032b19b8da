"""The pipeline, written down once: sources -> extract -> rules -> state -> outbox -> sinks.

Besides ``process`` (items as they arrive) the service calls ``tick(now)`` periodically (every
minute is plenty): it runs the flatline checks, flushes aggregated alerts whose window ended and
fires, marked single-source, the alerts held for corroboration whose max_hold ended.
Async callers go through ``ingest`` and ``on_ingest_thread``: the pipeline owns one ingest
thread, so it never runs concurrently with itself and a rule swap never lands mid-item.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, TypeVar

from monitor.clock import Clock, utc_now
from monitor.counts import Counts
from monitor.models import Alert, Article, Decision, Facts, Item, Match
from monitor.models.item import stable_id
from monitor.rules.engine import evaluate, rendered
from monitor.rules.flatline import flatline_match, watched
from monitor.rules.ruleset import RuleSet
from monitor.state.aggregation import summary_alert
from monitor.state.silences import Silence, silenced_by
from monitor.state.store import RANK, DecideRequest, StateStore
from monitor.stories.model import Join
from monitor.stories.notices import StoryDisputes, StoryNotifier

log = logging.getLogger(__name__)

Extractor = Callable[[Article], Facts]
T = TypeVar("T")


class BatchExtractor(Protocol):
    """Extracts many articles at once (e.g. in worker processes: monitor.extract.pool)."""

    def __call__(self, articles: Sequence[Article]) -> list[Facts]: ...

    def close(self) -> None: ...


class StoryJoining(Protocol):
    """Joins each item to its story (monitor.stories.joiner.StoryJoiner): a batch's items in
    the order given, as if one by one."""

    def join_many(self, entries: Sequence[tuple[Item, Facts, datetime]]) -> list[Join]: ...


class FigureLog(Protocol):
    """Keeps the figures and facts of processed items for the morning digest (state.figures)."""

    def add(self, batch: Sequence[tuple[Item, Facts]], now: datetime) -> None: ...


#: Reasons worth an INFO line: the alert fired, or an analyst's setting held it back.
_NOTABLE = {"first", "silenced", "inhibited", "aggregated", "held"}


def default_extractor(article: Article) -> Facts:
    from monitor.extract import extract  # imported late: the pipeline loads without the extractor

    return extract(article)


class InlineExtractor:
    """Extracts each article in the calling thread (the ingest thread)."""

    def __init__(self, extractor: Extractor = default_extractor) -> None:
        self.extractor = extractor

    def __call__(self, articles: Sequence[Article]) -> list[Facts]:
        return [self.extractor(article) for article in articles]

    def close(self) -> None:
        return None


@dataclass
class Outcome:
    """What happened to one item: its facts, each match and the decision taken on it."""

    item: Item
    facts: Facts
    decisions: list[tuple[Match, Decision]] = field(default_factory=list)
    #: The story the item joined (None: no joiner; each item its own story).
    story: Join | None = None


def count(tally: Counts, outcome: Outcome) -> None:
    """Count an outcome's decisions: fired, and suppressed as duplicates (seen, cooldown)."""
    for _, decision in outcome.decisions:
        if decision.fire:
            tally["fired"] += 1
        elif decision.reason in {"seen", "cooldown"}:
            tally["suppressed"] += 1


def build_alert(
    match: Match, item: Item, fired_at: datetime, story: Join | None = None, also: Sequence[Match] = ()
) -> Alert:
    """The alert a match becomes if the state stage lets it fire; its item names the story it
    joined when the rule keys on it (``story: "{{ story_id }}"``), which the Slack sink threads
    by; other rules' alerts (a first sighting in the same article) keep threads of their own.
    ``also``: the lower-severity matches of the same story on this item, which it inhibits; the
    one message lists them."""
    keyed = story is not None and match.story == story.story_id
    ref = item.ref() | ({"story_id": story.story_id} if keyed and story else {})
    text = match.text
    if also:
        listed = "\n".join(f"• {m.title} ({m.rule_id}, {m.severity})" for m in also)
        text = f"{text}\nAlso matched:\n{listed}" if text else f"Also matched:\n{listed}"
    return Alert(
        alert_id=alert_id_of(match, item),
        rule=match.rule_id,
        severity=match.severity,
        title=match.title,
        reason="first",
        dedup_key=match.dedup_key,
        fired_at=fired_at,
        item=ref,
        fact=match.fact,
        text=text,
        figures=story.figures if story is not None and story.disagree else "",
    )


def _also_matched(matches: Sequence[Match]) -> dict[int, list[Match]]:
    """For each match that inhibits others of its story on this item, those others: one message
    lists every rule a story matched. A lower match is listed under a higher one of the same
    fact (the record of the attack it is the mass alert of), else the story's first; a match of
    another rule with the same severity is listed under the first by rule order. A listed match
    hosts none. Keyed by id(match); ``matches`` come highest severity first, then rule order."""
    hosts: dict[str, list[Match]] = {}
    also: dict[int, list[Match]] = {}
    for match in matches:
        story = match.story or match.dedup_key
        above = [
            m
            for m in hosts.get(story, [])
            if RANK[m.severity] > RANK[match.severity]
            or (RANK[m.severity] == RANK[match.severity] and m.rule_id != match.rule_id)
        ]
        if above:
            host = next((m for m in above if m.fact == match.fact), above[0])
            also.setdefault(id(host), []).append(match)
        else:
            hosts.setdefault(story, []).append(match)
    return also


def _equal_hosts(matches: Sequence[Match], item: Item, also: dict[int, list[Match]]) -> dict[int, str]:
    """The alert id of the host each match listed under one of its own severity has (keyed by
    id(match)): decide.lua inhibits it under that alert, as a lower match is under a higher."""
    by_id = {id(m): m for m in matches}
    found: dict[int, str] = {}
    for host_id, listed in also.items():
        host = by_id[host_id]
        for match in listed:
            if RANK[match.severity] == RANK[host.severity]:
                found[id(match)] = alert_id_of(host, item)
    return found


def alert_id_of(match: Match, item: Item) -> str:
    """The id of the alert a match becomes (stable for its rule, dedup key and item)."""
    return stable_id("alert", match.rule_id, match.dedup_key, item.id)


def _first_of_each(items: Sequence[Item], wanted: set[str]) -> list[Item]:
    """The first item of each wanted id: an id twice in a batch is processed once, as it would
    be in two batches."""
    out: list[Item] = []
    for item in items:
        if item.id in wanted:
            wanted = wanted - {item.id}
            out.append(item)
    return out


def event_time(item: Item, now: datetime) -> datetime:
    """The time every window counts an item at: when it was published, never later than now
    (the time it was fetched), so a feed cannot date an item into the future; undated, now."""
    return min(item.published, now) if item.published else now


class _Finish:
    """Renders a match's title and text and builds its request's alert payloads, once, when the
    store finds the match may fire or be held (the lower matches it lists are rendered too)."""

    def __init__(
        self,
        pipeline: Pipeline,
        match: Match,
        outcome: Outcome,
        now: datetime,
        also: list[Match] | None,
        under: str = "",
    ) -> None:
        self.pipeline, self.match, self.outcome, self.now, self.also = pipeline, match, outcome, now, also
        #: the alert id of the same-severity match this one is listed under ('' for none)
        self.under = under
        self.done: DecideRequest | None = None

    def __call__(self) -> DecideRequest:
        if self.done is None:
            item, story, rules = self.outcome.item, self.outcome.story, self.pipeline.rules
            values = story.template_values() if story else None
            match = rendered(rules, self.match, item, values)
            also = [rendered(rules, m, item, values) for m in self.also or ()]
            at = event_time(item, self.now)
            self.done = self.pipeline._request(match, item, self.now, at, story, also, self.under)[0]
        return self.done


class Pipeline:
    """Runs items through extraction, rules and the state stage; alerts land in the outbox."""

    def __init__(
        self,
        rules: RuleSet,
        store: StateStore,
        clock: Clock = utc_now,
        *,
        extractor: Extractor = default_extractor,
        batch_extractor: BatchExtractor | None = None,
        figures: FigureLog | None = None,
        stories: StoryJoining | None = None,
        disputes: StoryDisputes | None = None,
    ) -> None:
        self.rules = rules
        self.store = store
        self.clock = clock
        #: One extraction path: batches, in this thread or in worker processes (the assembly
        #: chooses from the settings); a plain per-article extractor runs inline.
        self.extractor: BatchExtractor = batch_extractor or InlineExtractor(extractor)
        #: read, new, fired, suppressed: for the summary line and metrics.
        self.tally = Counts()
        #: Nightly figures and the fact log the morning digest reads (None: not kept).
        self.figures = figures
        #: Joins items to stories before the rules see them (None: each item its own story).
        self.stories = stories
        holds = self.store.holds
        notices = self.store.notices
        #: Denials, retractions and corroborations to their stories' threads (no ``disputes``:
        #: denials queue nothing).
        self.notifier = StoryNotifier(holds, notices, disputes)
        self._active: list[Silence] = []
        self._ingest = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")

    async def ingest(self, items: Sequence[Item]) -> tuple[list[Outcome], float]:
        """``process`` on the ingest thread; the outcomes and the seconds processing took."""

        def timed() -> tuple[list[Outcome], float]:
            started = time.perf_counter()
            outcomes = self.process(items)
            return outcomes, time.perf_counter() - started

        return await self.on_ingest_thread(timed)

    async def on_ingest_thread(self, func: Callable[[], T]) -> T:
        """Run ``func`` on the ingest thread, never overlapping processing (ticks, rule swaps)."""
        return await asyncio.get_running_loop().run_in_executor(self._ingest, func)

    def close(self) -> None:
        """Let the ingest in progress finish (its items are then fully decided), stop extraction."""
        self._ingest.shutdown(wait=True, cancel_futures=True)
        self.extractor.close()

    def process(self, items: Sequence[Item]) -> list[Outcome]:
        """Process the items not seen before, then mark them seen. Three round trips per batch:
        which items are new, every decision (atomic scripts, run in order), the seen marks."""
        unseen = self.store.unseen(item.id for item in items)
        now = self.clock()
        # decided in event-time order, whatever order the feed listed them in (stable: items of
        # one moment keep the batch's order)
        fresh = sorted(_first_of_each(items, unseen), key=lambda item: event_time(item, now))
        self._active = self.store.silences.active(now) if fresh else []
        facts = self._extract(fresh)
        # joined in event-time order, the batch in one call that joins them as one by one (an
        # item may join the story the one before opened); a join is idempotent, so a batch
        # retried after Redis failed joins the same
        matched = [self._match(outcome) for outcome in self._joined_all(fresh, facts, now)]
        outcomes = self._decide_all(matched)
        self._notify(outcomes, now)
        if self.figures is not None and fresh:
            self.figures.add(list(zip(fresh, facts, strict=True)), self.clock())
        if fresh:
            self.store.mark_seen(item.id for item in fresh)
        # counted only once the batch is through: a batch retried after a Redis outage counts once
        self.tally["read"] += len(items)
        self.tally["new"] += len(fresh)
        for outcome in outcomes:
            count(self.tally, outcome)
        return outcomes

    def _extract(self, items: Sequence[Item]) -> list[Facts]:
        return self.extractor([Article.from_item(item) for item in items])

    def _joined_all(self, items: Sequence[Item], facts: Sequence[Facts], now: datetime) -> list[Outcome]:
        pairs = list(zip(items, facts, strict=True))
        if self.stories is None or not pairs:
            return [Outcome(item, found) for item, found in pairs]
        joins = self.stories.join_many([(item, found, event_time(item, now)) for item, found in pairs])
        return [Outcome(item, found, story=join) for (item, found), join in zip(pairs, joins, strict=True)]

    def _match(self, outcome: Outcome) -> tuple[Outcome, list[Match]]:
        # higher severities decide first, so they inhibit lower ones of the same story
        values = outcome.story.template_values() if outcome.story else None
        # titles and texts wait for the state check (decide_many): most matches never fire
        found = evaluate(self.rules, outcome.item, outcome.facts, values, render=False)
        return outcome, sorted(found, key=lambda m: -RANK[m.severity])

    def _decide_all(self, matched: list[tuple[Outcome, list[Match]]]) -> list[Outcome]:
        now = self.clock()
        requests: list[DecideRequest] = []
        silences: list[Silence | None] = []
        finishers: list[_Finish] = []
        for outcome, matches in matched:
            at = event_time(outcome.item, now)
            also = _also_matched(matches)
            under = _equal_hosts(matches, outcome.item, also)
            for match in matches:
                host = under.get(id(match), "")
                finish = _Finish(self, match, outcome, now, also.get(id(match)), host)
                request, silence = self._request(
                    match, outcome.item, now, at, outcome.story, under=host, finish=finish
                )
                requests.append(request)
                silences.append(silence)
                finishers.append(finish)
        decisions = iter(zip(self.store.decide_many(requests), silences, finishers, strict=True))
        for outcome, matches in matched:
            for match in matches:
                decision, silence, finish = next(decisions)
                self._log(match, outcome.item, decision, silence)
                # rendered when the store asked for its payload: every match that fired or is held
                outcome.decisions.append((finish.done.match if finish.done else match, decision))
            self._touch(outcome.item, matches, now)
        self._settle_holds([outcome for outcome, _ in matched], now)
        return [outcome for outcome, _ in matched]

    def _settle_holds(self, outcomes: Sequence[Outcome], now: datetime) -> None:
        """Release held alerts of the stories this batch's items corroborated, then those whose
        max_hold ended by the batch's latest event time. decide.lua does both as each match is
        decided; this catches items that matched no rule, so event time moves holds on in a
        replay as it does live (a round trip per story and one more, only when some rule holds
        for corroboration)."""
        if not outcomes or not self.rules.corroborating:
            return
        have: dict[str, int] = {}
        for outcome in outcomes:
            if outcome.story is not None and outcome.story.independent > 1:
                story = outcome.story.story_id
                have[story] = max(have.get(story, 0), outcome.story.independent)
        for story, independent in have.items():
            self.store.holds.release_story(story, independent)
        self.store.holds.release_due(max(event_time(o.item, now) for o in outcomes))

    def _notify(self, outcomes: Sequence[Outcome], now: datetime) -> None:
        """Story notices, after the batch's decisions (monitor.stories.notices.StoryNotifier)."""
        corroborating = self.rules.corroborating
        for outcome in outcomes:
            at = event_time(outcome.item, now)
            self.notifier.notify(outcome.item, outcome.facts, outcome.story, at, now, corroborating)

    def _request(
        self,
        match: Match,
        item: Item,
        now: datetime,
        at: datetime,
        story: Join | None = None,
        also: list[Match] | None = None,
        under: str = "",
        finish: Callable[[], DecideRequest] | None = None,
    ) -> tuple[DecideRequest, Silence | None]:
        """The decide request of a match. With ``finish`` its payloads are left empty: the
        store calls ``finish`` for them only when the state check may let the match fire."""
        silence = silenced_by(self._active, match, item, at) if self._active else None
        payload = single = ""
        if finish is None:
            alert = build_alert(match, item, now, story, also or [])
            payload = alert.model_dump_json()
            if match.min_sources:
                single = alert.model_copy(update={"single_source": True}).model_dump_json()
        request = DecideRequest(
            match,
            # left to ``finish`` when deferred: a match turned down by its check needs no id
            alert_id_of(match, item) if finish is None else "",
            payload,
            match.realert_s,
            now,
            at,
            "silenced" if silence else "",
            item.source,
            revised=story is not None and story.revised,
            story_id=story.story_id if story is not None else item.id,
            independent=story.independent if story is not None else 1,
            single_payload=single,
            under=under,
            finish=finish,
        )
        return request, silence

    def decide(self, match: Match, item: Item, now: datetime, at: datetime) -> Decision:
        """The state stage for one match: silences, then the atomic decision."""
        request, silence = self._request(match, item, now, at)
        decision = self.store.decide_many([request])[0]
        self._log(match, item, decision, silence)
        return decision

    @staticmethod
    def _log(match: Match, item: Item, decision: Decision, silence: Silence | None) -> None:
        level = logging.INFO if decision.reason in _NOTABLE else logging.DEBUG
        if not log.isEnabledFor(level):  # most decisions, at 10,000 rules tens per item
            return
        why = f" (silence {silence.id}: {silence.reason})" if silence else ""
        log.log(level, "rule %s on item %s: %s%s", match.rule_id, item.id, decision.reason, why)

    def _touch(self, item: Item, matches: list[Match], now: datetime) -> None:
        wanted: dict[str, set[str]] = {"source": set(), "tag": set(), "rule": set()}
        for compiled in self.rules.flatlines:
            kind, name = watched(compiled)
            wanted[kind].add(name)
        active = {
            "source": {item.source.casefold()},
            "tag": {t.casefold() for t in item.tags},
            "rule": {m.rule_id for m in matches},
        }
        at = event_time(item, now)
        for kind, names in wanted.items():
            self.store.touch(kind, names & active[kind], at)

    def check_flatlines(self, now: datetime | None = None) -> list[tuple[Match, Decision]]:
        """Fire flatline rules whose source, tag or rule has been silent past its window."""
        now = now or self.clock()
        self._active = self.store.silences.active(now)
        decided: list[tuple[Match, Decision]] = []
        for compiled in self.rules.flatlines:
            kind, name = watched(compiled)
            match = flatline_match(compiled, self.store.last_seen(kind, name, now), now)
            if match is not None:
                item = Item(id=match.item_id, source=f"monitor:{kind}", title=match.title)
                decided.append((match, self.decide(match, item, now, now)))
        return decided

    def flush_aggregations(self, now: datetime | None = None) -> list[Alert]:
        """Send one alert per aggregation buffer whose window ended; returns the alerts sent."""
        now = now or self.clock()
        sent: list[Alert] = []
        for buffer in self.store.aggregations.due(now):
            alert = summary_alert(buffer.held, now)
            if self.store.aggregations.commit(buffer, alert.model_dump_json()):
                log.info("rule %s: aggregated alert of %d matches", alert.rule, len(buffer.held))
                sent.append(alert)
        return sent

    def release_holds(self, now: datetime | None = None) -> int:
        """Fire, marked single-source, the held alerts whose max_hold ended by ``now``."""
        released = self.store.holds.release_due(now or self.clock())
        if released:
            log.info("%d held alerts fired single-source (max_hold ended)", released)
        return released

    def tick(self, now: datetime | None = None) -> None:
        """The periodic entry point for the service: flatline checks, aggregation flushes, then
        the alerts held for corroboration whose max_hold ended."""
        self.check_flatlines(now)
        self.flush_aggregations(now)
        self.release_holds(now)
