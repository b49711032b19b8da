"""One poll against a real HTTP server and real Redis: conditional GET, state, redirects, backoff."""

from __future__ import annotations

from datetime import timedelta

import pytest

from monitor.models import Item
from monitor.sources.feeds.feedstate import FeedStateStore
from tests.feeds.conftest import FakeClock, PollerFactory, SeenOnlyProcessor, feed
from tests.feeds.server import FeedServer, Route, atom, http_date, rss

ETAG = '"v1"'


async def test_first_poll_turns_every_entry_into_an_item(
    server: FeedServer, make_poller: PollerFactory, seed_items: list[Item], seen_processor: SeenOnlyProcessor
) -> None:
    server.routes["/rss"] = Route(rss(seed_items), etag=ETAG)
    result = await make_poller().poll(feed("seeds", server.url("/rss"), tags=("ua-press",)))
    assert (result.outcome, result.status, result.parsed) == ("ok", 200, True)
    assert result.entries == result.new == len(seed_items)
    assert [i.title for i in seen_processor.items] == [i.title for i in seed_items]
    assert {i.source for i in seen_processor.items} == {"seeds"}
    assert all(i.tags == ("ua-press",) for i in seen_processor.items)
    assert all("<p>" not in i.text and i.text for i in seen_processor.items)


async def test_atom_and_gzip(server: FeedServer, make_poller: PollerFactory, seed_items: list[Item]) -> None:
    server.routes["/atom"] = Route(atom(seed_items), gzip=True)
    result = await make_poller().poll(feed("atom", server.url("/atom")))
    assert (result.outcome, result.new) == ("ok", len(seed_items))
    assert "gzip" in server.request_headers["/atom"]["Accept-Encoding"]


async def test_unchanged_feed_costs_no_parsing_and_fires_nothing(
    server: FeedServer,
    make_poller: PollerFactory,
    seed_items: list[Item],
    states: FeedStateStore,
    clock: FakeClock,
) -> None:
    modified = http_date(clock.now - timedelta(days=1))
    server.routes["/rss"] = Route(rss(seed_items), etag=ETAG, last_modified=modified)
    poller, config = make_poller(), feed("seeds", server.url("/rss"))
    await poller.poll(config)
    clock.advance(config.interval)
    again = await poller.poll(config)
    assert (again.outcome, again.status, again.parsed, again.entries, again.new, again.fired) == (
        "not-modified",
        304,
        False,
        0,
        0,
        0,
    )
    sent = server.request_headers["/rss"]
    assert (sent["If-None-Match"], sent["If-Modified-Since"]) == (ETAG, modified)
    assert sent["User-Agent"].startswith("monitor/")
    state = states.load(config)
    assert (state.etag, state.last_modified, state.last_status, state.errors) == (ETAG, modified, 304, 0)


async def test_an_added_entry_is_the_only_new_item_and_a_restart_does_not_repeat_old_ones(
    server: FeedServer,
    make_poller: PollerFactory,
    seed_items: list[Item],
    seen_processor: SeenOnlyProcessor,
    clock: FakeClock,
) -> None:
    config = feed("seeds", server.url("/rss"))
    server.routes["/rss"] = Route(rss(seed_items[:-1]), etag=ETAG)
    await make_poller().poll(config)
    server.routes["/rss"] = Route(rss(seed_items), etag='"v2"')
    clock.advance(config.interval)
    added = await make_poller().poll(config)  # a new poller object: a restart
    assert (added.outcome, added.entries, added.new) == ("ok", len(seed_items), 1)
    assert seen_processor.items[-1].title == seed_items[-1].title
    server.routes["/rss"] = Route(rss(seed_items), etag='"v3"')  # same entries, new ETag: full body
    clock.advance(config.interval)
    again = await make_poller().poll(config)
    assert (again.parsed, again.new) == (True, 0)


async def test_permanent_redirect_updates_the_stored_url_and_temporary_does_not(
    server: FeedServer,
    make_poller: PollerFactory,
    seed_items: list[Item],
    states: FeedStateStore,
    clock: FakeClock,
) -> None:
    server.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    server.routes["/new"] = Route(rss(seed_items), etag=ETAG)
    server.routes["/temp"] = Route(status=302, headers={"Location": "/new"})
    poller, moved, temporary = (
        make_poller(),
        feed("moved", server.url("/old")),
        feed("temp", server.url("/temp")),
    )
    assert (await poller.poll(moved)).new == len(seed_items)
    assert states.load(moved).url == server.url("/new")
    assert (await poller.poll(temporary)).outcome == "ok"
    assert states.load(temporary).url == server.url("/temp")
    clock.advance(moved.interval)
    assert (await poller.poll(moved)).outcome == "not-modified"
    assert server.hits["/old"] == 1
    assert server.hits["/temp"] == 1


async def test_gone_disables_the_feed_with_one_warning(
    server: FeedServer, make_poller: PollerFactory, states: FeedStateStore, caplog: pytest.LogCaptureFixture
) -> None:
    server.routes["/gone"] = Route(status=410)
    poller, config = make_poller(), feed("gone-feed", server.url("/gone"))
    assert (await poller.poll(config)).outcome == "gone"
    assert states.load(config).disabled
    assert (await poller.poll(config)).outcome == "disabled"
    assert server.hits["/gone"] == 1
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warnings == ["feed gone-feed: gone (HTTP 410), disabled until its configuration changes"]


async def test_failures_back_off_exponentially_up_to_an_hour(
    server: FeedServer, make_poller: PollerFactory, states: FeedStateStore, clock: FakeClock
) -> None:
    server.routes["/broken"] = Route(status=500)
    poller, config = make_poller(), feed("broken", server.url("/broken"), interval="5m")
    waits = []
    for _ in range(7):
        result = await poller.poll(config)
        assert (result.outcome, result.reason) == ("failed", "HTTP 500")
        state = states.load(config)
        assert state.next_allowed is not None
        waits.append((state.next_allowed - clock.now).total_seconds())
        clock.advance(waits[-1] - 1)
        assert (await poller.poll(config)).outcome == "skipped"
        clock.advance(1)
    assert waits == [300, 600, 1200, 2400, 3600, 3600, 3600]
    assert server.hits["/broken"] == 7
    assert states.load(config).errors == 7
    server.routes["/broken"] = Route(rss([]))
    assert (await poller.poll(config)).outcome == "ok"
    state = states.load(config)
    assert (state.errors, state.next_allowed, state.last_error) == (0, None, None)


@pytest.mark.parametrize(
    ("status", "retry_after", "expected"),
    [
        (429, "120", 120.0),
        (503, "7200", 7200.0),
        (503, "date:+900", 900.0),
        (429, "soon", 300.0),  # unreadable: ordinary backoff (the interval for a first failure)
        (503, None, 300.0),
    ],
)
async def test_retry_after_is_honoured(
    server: FeedServer,
    make_poller: PollerFactory,
    states: FeedStateStore,
    clock: FakeClock,
    status: int,
    retry_after: str | None,
    expected: float,
) -> None:
    headers = {}
    if retry_after is not None:
        if retry_after.startswith("date:"):
            retry_after = http_date(clock.now + timedelta(seconds=int(retry_after[5:])))
        headers["Retry-After"] = retry_after
    server.routes["/busy"] = Route(status=status, headers=headers)
    config = feed("busy", server.url("/busy"), interval="5m")
    result = await make_poller().poll(config)
    assert (result.outcome, result.status) == ("failed", status)
    state = states.load(config)
    assert state.next_allowed is not None
    assert (state.next_allowed - clock.now).total_seconds() == expected


async def test_stale_when_nothing_new_for_longer_than_expected(
    server: FeedServer,
    make_poller: PollerFactory,
    seed_items: list[Item],
    states: FeedStateStore,
    clock: FakeClock,
) -> None:
    server.routes["/rss"] = Route(rss(seed_items), etag=ETAG)
    poller, config = make_poller(), feed("quiet", server.url("/rss"), stale_after="1d")
    await poller.poll(config)
    assert not states.load(config).stale(config, clock.now)
    clock.advance(86_400 + 1)
    assert (await poller.poll(config)).outcome == "not-modified"
    assert states.load(config).stale(config, clock.now)


async def test_a_changed_url_in_the_config_starts_afresh(
    server: FeedServer, make_poller: PollerFactory, seed_items: list[Item], states: FeedStateStore
) -> None:
    server.routes["/gone"] = Route(status=410)
    server.routes["/rss"] = Route(rss(seed_items), etag=ETAG)
    poller = make_poller()
    await poller.poll(feed("feed", server.url("/gone")))
    result = await poller.poll(feed("feed", server.url("/rss")))
    assert (result.outcome, result.new) == ("ok", len(seed_items))
    assert not states.load(feed("feed", server.url("/rss"))).disabled
