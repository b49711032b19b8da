"""Two-phase decide: payloads are built only for matches whose state check may let them fire,
and a match settled in phase 1 whose state changed before phase 2 is built and decided whole."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import redis

from monitor.models import Match, StateCheck
from monitor.state.keys import Keys
from monitor.state.store import DecideRequest, RedisStateStore

T0 = datetime(2025, 9, 7, 12, tzinfo=UTC)


def _term(term: str, item: str) -> Match:
    return Match.model_construct(
        rule_id="first-sighting",
        item_id=item,
        title="",
        severity="warning",
        realert_s=60.0,
        fact_kind="troops",
        fact={"nationality": term},
        dedup_key=f"{term}:{item}",
        check=StateCheck(kind="new_term", group="all", term=term),
    )


def _lazy(match: Match, built: list[str], before: Callable[[], object] = lambda: None) -> DecideRequest:
    """A request whose payload is built by ``finish``; ``built`` lists the items finished."""
    request = DecideRequest(match, f"a-{match.item_id}", "", 60, now=T0)

    def finish() -> DecideRequest:
        before()
        built.append(match.item_id)
        payload = json.dumps({"item": match.item_id})
        return replace(
            request, match=match.model_copy(update={"title": "rendered"}), payload=payload, finish=None
        )

    return replace(request, finish=finish)


def _outbox(client: redis.Redis, keys: Keys) -> list[str]:
    entries = client.xrange(keys.outbox())
    assert isinstance(entries, list)
    alerts: list[str] = []
    for _, fields in entries:
        assert fields is not None
        alert = fields[b"alert"]
        assert isinstance(alert, bytes)
        alerts.append(alert.decode())
    return alerts


def test_payloads_are_built_only_for_matches_that_may_fire(redis_client: redis.Redis, namespace: str) -> None:
    keys = Keys(namespace)
    store = RedisStateStore(redis_client, keys)
    built: list[str] = []
    assert store.decide_many([_lazy(_term("yemeni", "i1"), built)])[0].reason == "first"
    batch = [_lazy(_term("yemeni", "i2"), built), _lazy(_term("cuban", "i3"), built)]
    assert [d.reason for d in store.decide_many(batch)] == ["known_term", "first"]
    assert built == ["i1", "i3"]  # the known term's match was never rendered
    assert _outbox(redis_client, keys) == ['{"item": "i1"}', '{"item": "i3"}']


def test_a_term_new_earlier_in_the_same_batch_is_known_to_the_later_match(
    redis_client: redis.Redis, namespace: str
) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))
    built: list[str] = []
    batch = [_lazy(_term("yemeni", "i1"), built), _lazy(_term("yemeni", "i2"), built)]
    assert [d.reason for d in store.decide_many(batch)] == ["first", "known_term"]


def test_state_changed_between_the_phases_is_decided_whole(redis_client: redis.Redis, namespace: str) -> None:
    """Phase 1 finds 'yemeni' known; before phase 2 another process resets the term memory
    (here: while the batch's first payload is built). Nothing of the first attempt is written;
    the second decides both, each alert once, with its payload."""
    keys = Keys(namespace)
    store = RedisStateStore(redis_client, keys)
    built: list[str] = []
    store.decide_many([_lazy(_term("yemeni", "i0"), built)])
    terms = store.state_key(_term("yemeni", "i0"))
    reset = _lazy(_term("cuban", "i1"), built, before=lambda: redis_client.delete(terms))
    batch = [reset, _lazy(_term("yemeni", "i2"), built)]
    assert [d.reason for d in store.decide_many(batch)] == ["first", "first"]
    assert built == ["i0", "i1", "i2"]  # i1 built once, though decided in the second attempt
    assert _outbox(redis_client, keys) == ['{"item": "i0"}', '{"item": "i1"}', '{"item": "i2"}']
