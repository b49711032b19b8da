"""The state store: the one interface through which the pipeline reads and writes Redis."""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any, Protocol

import redis

from monitor.models import Decision, Match
from monitor.state.aggregation import AggregationBuffers, DueBuffer
from monitor.state.holds import HeldAlerts, SingleSource, holds_lua
from monitor.state.keys import GRACE_MS, MEMORY_TTL, OUTBOX_MAXLEN, Keys
from monitor.state.notices import StoryNotices
from monitor.state.seen import SeenItems
from monitor.state.silences import Silence, SilenceStore

#: Severity ranks for inhibition: a story's higher rank suppresses lower ones.
RANK = {"info": 1, "warning": 2, "critical": 3}


class Silences(Protocol):
    """The silences an analyst set (monitor.state.silences.SilenceStore)."""

    def active(self, now: datetime | None = None) -> list[Silence]: ...


class Aggregations(Protocol):
    """Buffers of held matches (monitor.state.aggregation.AggregationBuffers)."""

    def due(self, now: datetime) -> list[DueBuffer]: ...

    def commit(self, buffer: DueBuffer, payload: str) -> bool: ...


class Holds(Protocol):
    """Alerts held for corroboration (monitor.state.holds.HeldAlerts)."""

    def release_due(self, now: datetime) -> int: ...

    def release_story(self, story_id: str, independent: int) -> int: ...

    def singles(self, story_id: str) -> list[SingleSource]: ...

    def corroborate(self, alert_id: str, payload: str) -> bool: ...


class Notices(Protocol):
    """Denials, retractions and corrections queued to stories' threads (state.notices)."""

    def queue(self, story_id: str, item_id: str, payload: str) -> str: ...


class StateStore(Protocol):
    """Everything the pipeline reads and writes; RedisStateStore is the implementation."""

    @property
    def silences(self) -> Silences: ...

    @property
    def aggregations(self) -> Aggregations: ...

    @property
    def holds(self) -> Holds: ...

    @property
    def notices(self) -> Notices: ...

    def unseen(self, item_ids: Iterable[str]) -> set[str]: ...

    def mark_seen(self, item_ids: Iterable[str]) -> None: ...

    def decide_many(self, requests: Sequence[DecideRequest]) -> list[Decision]: ...

    def touch(self, watch: str, names: Iterable[str], moment: datetime) -> None: ...

    def last_seen(self, watch: str, name: str, now: datetime) -> datetime: ...


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _script(client: redis.Redis, name: str, prefix: str = "") -> Any:
    return client.register_script(prefix + resources.files("monitor.state").joinpath(name).read_text("utf-8"))


class RedisStateStore:
    """State in Redis; every deciding update runs as one Lua script (atomic)."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        self.silences = SilenceStore(client, keys)
        self.aggregations = AggregationBuffers(client, keys)
        self.seen = SeenItems(client, keys)
        self.holds = HeldAlerts(client, keys)
        self.notices = StoryNotices(client, keys)
        settled = resources.files("monitor.state").joinpath("settled.lua").read_text("utf-8")
        self._decide = _script(client, "decide.lua", holds_lua() + settled)
        self._prefilter = _script(client, "prefilter.lua", settled)

    def unseen(self, item_ids: Iterable[str]) -> set[str]:
        """Ids not processed before, in one pipelined round trip."""
        return self.seen.unseen(item_ids)

    def mark_seen(self, item_ids: Iterable[str]) -> None:
        self.seen.mark_seen(item_ids)

    def state_key(self, match: Match) -> str:
        """The key holding the state a match's check reads (a placeholder in the slot if none)."""
        check = match.check
        if check is None:
            return self.keys.dedup(match.rule_id, "-")
        builders = {
            "record": self.keys.record,
            "new_term": self.keys.terms,
            "change": self.keys.change,
            "frequency": self.keys.window,
            "spike": self.keys.window,
        }
        return builders[check.kind](match.rule_id, check.group)

    def decide(
        self,
        match: Match,
        alert_id: str,
        payload: str,
        realert_s: float,
        *,
        now: datetime | None = None,
        at: datetime | None = None,
        mute: str = "",
    ) -> Decision:
        """``decide_many`` for one match: state check, silence, dedup claim, inhibition and outbox
        append, atomically. ``now`` is the clock; ``at`` the event time windows count (default
        now); ``mute`` a reason ('silenced') to hold the alert back after the state check."""
        request = DecideRequest(match, alert_id, payload, realert_s, now=now, at=at, mute=mute)
        return self.decide_many([request])[0]

    def decide_many(self, requests: Sequence[DecideRequest]) -> list[Decision]:
        """The one decide path: every match's decision in one script call, atomic as a whole, in
        order (a match sees the state left by the ones before it). A batch retried after Redis
        failed mid-call therefore finds either all of its claims or none.

        Two phases: one read-only call finds the matches whose state check already says no
        (``settled``); the others' ``finish`` builds their payloads (a match's title, text and
        alert are rendered only when it may fire or be held), then the deciding call, which
        checks the settled ones again before writing anything (decide.lua)."""
        if not requests:
            return []
        state_keys = [self.state_key(request.match) for request in requests]
        settled = self._settled_now(requests, state_keys)
        ready: dict[int, DecideRequest] = {}
        while True:
            reply = self._decide(*self._batch(requests, state_keys, settled, ready))
            if isinstance(reply, str | bytes):
                return [_decision(*line.split("\t")) for line in _text(reply).split("\n")]
            # a settled match's state changed since phase 1 (a reset): build those, call again
            settled -= {int(position) - 1 for position in reply[1]}

    def _batch(
        self,
        requests: Sequence[DecideRequest],
        state_keys: list[str],
        settled: set[int],
        ready: dict[int, DecideRequest],
    ) -> tuple[list[str], list[str]]:
        """decide.lua's keys and arguments; ``ready`` keeps the requests finished so far."""
        keys = [
            self.keys.outbox(),
            self.keys.aggregations(),
            self.keys.holds(),
            self.keys.hold_due(),
            self.keys.hold_stories(),
        ]
        layout: list[str] = []
        args: list[str] = [""]
        for position, request in enumerate(requests):
            if position in settled:
                layout.append("S")
                keys.append(state_keys[position])
                args.append(self._settled(request))
                continue
            if position not in ready:  # a muted match never needs its payload
                ready[position] = request.finish() if request.finish and not request.mute else request
            call_keys, call_args = self._call(ready[position])
            layout.append("F")
            keys.extend(call_keys)
            args.extend(call_args)
        args[0] = "".join(layout)
        return keys, args

    def _settled_now(self, requests: Sequence[DecideRequest], state_keys: list[str]) -> set[int]:
        """Phase 1: the positions of the matches whose state check already says no."""
        positions: list[int] = []
        keys: list[str] = []
        args: list[str | int] = []
        for position, request in enumerate(requests):
            check = request.match.check
            if check is None or check.kind not in {"record", "new_term"} or check.claim:
                continue
            positions.append(position)
            keys.append(state_keys[position])
            args.extend((check.kind, check.value or 0, "", check.term or ""))
        if not positions:
            return set()
        flags = self._prefilter(keys=keys, args=args)
        return {position for position, flag in zip(positions, flags, strict=True) if int(flag)}

    def _settled(self, request: DecideRequest) -> str:
        """The parameters of a settled match: its check, and what every match runs before its
        decision (held alerts released by event time and by story)."""
        match, check = request.match, request.match.check
        now = request.now or datetime.now(UTC)
        assert check is not None
        return json.dumps(
            {
                "kind": check.kind,
                "value": check.value or 0,
                "claim": check.claim,
                "term": check.term or "",
                "item_id": match.item_id,
                "memory_ttl": MEMORY_TTL,
                "at": _ms(request.at or now),
                "maxlen": OUTBOX_MAXLEN,
                "story_id": request.story_id,
                "have": request.independent,
            }
        )

    def _call(self, request: DecideRequest) -> tuple[list[str], list[str]]:
        match = request.match
        now = request.now or datetime.now(UTC)
        at = request.at or now
        aggregate_ms = int(match.aggregate_s * 1000)
        # aggregation windows are fixed spans of event time, so the same items make the same
        # buffers whatever order they come in; a buffer is due when its span ends
        window = _ms(at) // aggregate_ms if aggregate_ms > 0 else 0
        params = _check_params(match) | {
            "item_id": match.item_id,
            "alert_id": request.alert_id,
            "realert_ms": max(1, int(request.realert_s * 1000)),
            "memory_ttl": MEMORY_TTL,
            "grace_ms": GRACE_MS,
            "at_iso": at.isoformat(),
            "at": _ms(at),
            "mute": request.mute,
            "rank": RANK[match.severity],
            "aggregate_ms": aggregate_ms,
            "agg_due": (window + 1) * aggregate_ms,
            "agg_group": match.aggregate_group,
            "maxlen": OUTBOX_MAXLEN,
            "source": request.source,
            "revised": request.revised,
            # corroboration: held while the story has fewer independent outlets than asked
            "need": match.min_sources,
            "have": request.independent,
            "hold_ms": int(match.max_hold_s * 1000),
            "story_id": request.story_id,
            "under": request.under,
            # what explain names behind a cooldown; not the whole alert (the outbox has it)
            "claimed": json.dumps(
                {"title": match.title, "item": {"source": request.source}, "fired_at": now.isoformat()}
            ),
        }
        story = match.story or match.dedup_key
        keys = [
            self.state_key(match),
            self.keys.dedup(match.rule_id, match.dedup_key),
            self.keys.story(story),
            self.keys.aggregation(match.rule_id, window),
            self.keys.story_follow_ups(story),
            self.keys.dedup_alerts(match.rule_id, match.dedup_key),
        ]
        return keys, [json.dumps(params), request.payload, request.single_payload]

    def dry_run(self, match: Match, alert_id: str, payload: str, **options: Any) -> Decision:
        """The decision ``decide`` would take, leaving this namespace untouched: the keys it reads
        are copied to a scratch namespace, decided there, and the scratch is deleted."""
        scratch = RedisStateStore(self.client, Keys(f"dry-run-{uuid.uuid4().hex[:12]}", self.keys.root))
        try:
            for source, target in zip(self._read_keys(match), scratch._read_keys(match), strict=True):
                dumped = self.client.dump(source)
                if dumped is not None:
                    self.client.restore(target, 0, dumped, replace=True)
            return scratch.decide(match, alert_id, payload, match.realert_s, **options)
        finally:
            scratch.reset()

    def _read_keys(self, match: Match) -> list[str]:
        story = match.story or match.dedup_key
        return [
            self.state_key(match),
            self.keys.dedup(match.rule_id, match.dedup_key),
            self.keys.story(story),
            self.keys.story_follow_ups(story),
            self.keys.dedup_alerts(match.rule_id, match.dedup_key),
        ]

    def record(self, rule_id: str, group: str) -> int | None:
        """The stored maximum for a record group (for explain and tests)."""
        value = self.client.hget(self.keys.record(rule_id, group), "max")
        return int(value) if value is not None else None

    def dedup_claim(self, match: Match, at: datetime) -> tuple[str, datetime, dict[str, Any] | None] | None:
        """The alert holding ``match``'s dedup key at event time ``at`` (its id, the event time
        of its claim, the alert itself), or None: what explain says about a cooldown."""
        key = self.keys.dedup(match.rule_id, match.dedup_key)
        hold = max(1, int(match.realert_s * 1000))
        low, high = _ms(at) - hold + 1, _ms(at) + hold - 1
        rows: list[Any] = list(self.client.zrangebyscore(key, low, high, withscores=True))
        found = [(_text(row[0]), float(row[1])) for row in rows]
        if not found:
            return None
        alert_id, score = min(found, key=lambda pair: abs(pair[1] - _ms(at)))
        raw = self.client.hget(self.keys.dedup_alerts(match.rule_id, match.dedup_key), alert_id)
        try:
            alert = json.loads(_text(raw)) if raw is not None else None
        except ValueError:
            alert = None
        claimed = datetime.fromtimestamp(score / 1000, UTC)
        return alert_id, claimed, alert if isinstance(alert, dict) else None

    def read_state(self, match: Match) -> dict[str, str]:
        """What a match's check would read, without writing (for explain)."""
        check = match.check
        if check is None:
            return {}
        key = self.state_key(match)
        if check.kind == "new_term":
            seen = bool(self.client.sismember(key, check.term or ""))
            return {"term": check.term or "", "first_sighting": "no" if seen else "yes"}
        if check.kind in {"frequency", "spike"}:
            return {"window_members": str(self.client.zcard(key))}
        raw = self.client.hgetall(key)
        return {_text(k): _text(v) for k, v in raw.items()} or {"stored": "nothing yet"}

    def touch(self, watch: str, names: Iterable[str], moment: datetime) -> None:
        """Note that sources, tags or rules (``watch``) were active at ``moment`` (flatlines)."""
        names = sorted(set(names))
        if names:
            key = self.keys.last_seen(watch)
            pipe = self.client.pipeline(transaction=False)
            for name in names:
                pipe.hset(key, name, _ms(moment))
            pipe.expire(key, MEMORY_TTL)
            pipe.execute()

    def last_seen(self, watch: str, name: str, now: datetime) -> datetime:
        """When ``name`` was last active; the first time asked, from now on (watching starts)."""
        key = self.keys.last_seen(watch)
        self.client.hsetnx(key, name, _ms(now))
        value = self.client.hget(key, name)
        return datetime.fromtimestamp(int(_text(value)) / 1000, UTC)

    def reset(self) -> int:
        """Delete every key of this namespace; returns how many were deleted."""
        deleted = 0
        batch: list[str] = []
        for key in self.client.scan_iter(match=self.keys.pattern(), count=1000):
            batch.append(_text(key))
            if len(batch) >= 500:
                deleted += int(self.client.delete(*batch))
                batch.clear()
        if batch:
            deleted += int(self.client.delete(*batch))
        return deleted


def _check_params(match: Match) -> dict[str, Any]:
    check = match.check
    if check is None:
        return {"kind": ""}
    return {
        "kind": check.kind,
        "value": check.value or 0,
        "claim": check.claim,
        "term": check.term or "",
        "member": check.member or "",
        "window_ms": int((check.window_s or 0) * 1000),
        "reference_ms": int((check.reference_s or 0) * 1000),
        "count": check.count or 0,
        "ratio": check.ratio or 1.0,
        "direction": check.direction or "any",
    }


@dataclass(frozen=True)
class DecideRequest:
    """One match waiting for its decision (see ``RedisStateStore.decide``)."""

    match: Match
    alert_id: str
    payload: str
    realert_s: float
    now: datetime | None = None
    at: datetime | None = None
    mute: str = ""
    #: The item's source: a new source on a held dedup key queues a follow-up.
    source: str = ""
    #: The item revised a figure of its story: on a held dedup key it queues a follow-up (once
    #: per item) even from a source already heard, instead of firing again.
    revised: bool = False
    #: The story the item joined and its independent outlets (min_sources rules hold on them).
    story_id: str = ""
    independent: int = 1
    #: The alert marked single-source, sent if its hold runs out (min_sources rules only).
    single_payload: str = ""
    #: The alert of this item's match of the same severity (an earlier rule of the story) this
    #: match is listed under: inhibited under it, as a lower match is under a higher one.
    under: str = ""
    #: Builds this request with its title, text and payloads, called only when the store finds
    #: the match may fire or be held (phase 1 of decide_many); None: the request is final.
    finish: Callable[[], DecideRequest] | None = None


@functools.lru_cache(maxsize=4096)
def _decision(reason: str, previous: str) -> Decision:
    """Validated once per distinct reply (decisions are frozen, so they can be shared)."""
    return Decision.model_validate(
        {
            "fire": reason == "first",
            "reason": reason,
            "previous": int(previous) if previous.lstrip("-").isdigit() else None,
        }
    )
