"""What a feed document is: sniffed from its bytes, JSON Feed 1.1, unparsable documents as errors
(in `feeds status`, metrics and logs, once per change), repeated entries, per-feed gauges."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from prometheus_client.parser import text_string_to_metric_families

from monitor.cli.main import cli
from monitor.models import Item
from monitor.observability.metrics import Metrics
from monitor.sources.feeds.feedstate import FeedStateStore
from monitor.sources.replay import replay_items
from monitor.sources.sniff import sniff
from tests.feeds.conftest import FakeClock, PollerFactory, feed
from tests.feeds.server import FeedServer, Route, atom, rss


def json_feed(items: Sequence[Item], version: str = "1.1") -> bytes:
    return json.dumps(
        {
            "version": f"https://jsonfeed.org/version/{version}",
            "title": "Seed news",
            "language": "en",
            "items": [
                {
                    "id": item.id,
                    "url": f"https://news.example/{item.id}",
                    "title": item.title,
                    "content_html": f"<p>{item.text}</p>",
                    "date_published": item.published.isoformat() if item.published else None,
                    "authors": [{"name": "desk"}],
                }
                for item in items
            ],
        }
    ).encode()


TRUNCATED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut off</title></chan'
HTML = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "feed"),
        (b"\xef\xbb\xbf  <feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>", "feed"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "json_feed"),
        (b'{"title": "a"}\n{"title": "b"}\n', "jsonl"),
        (b'{\n  "type": "FeatureCollection"\n}\n', "json"),
        (b'<?xml version="1.0"?><opml version="2.0"><body/></opml>', "opml"),
        (HTML, "html"),
        (b"<note>hi</note>", "xml"),
        (b"Headline\nSome text.", "text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ],
)
def test_sniffing_reads_the_bytes_not_the_name(body: bytes, kind: str) -> None:
    assert sniff(body) == kind


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("json11", "application/feed+json"),
        ("json10", "text/plain"),  # JSON Feed 1.0, served with a wrong type
        ("rss", "text/html; charset=utf-8"),  # an RSS feed a CMS serves as a page
        ("atom", "application/octet-stream"),
    ],
)
async def test_a_feed_is_read_whatever_its_content_type(
    body: str, content_type: str, server: FeedServer, make_poller: PollerFactory, seed_items: list[Item]
) -> None:
    items = seed_items[:4]
    documents = {
        "json11": json_feed(items),
        "json10": json_feed(items, "1"),
        "rss": rss(items),
        "atom": atom(items),
    }
    server.routes["/feed"] = Route(documents[body], headers={"Content-Type": content_type})
    result = await make_poller().poll(feed("f", server.url("/feed")))
    assert (result.outcome, result.new, result.reason) == ("ok", 4, None)


async def test_json_feed_items_carry_title_text_link_and_time(
    server: FeedServer, make_poller: PollerFactory, seed_items: list[Item], seen_processor: object
) -> None:
    server.routes["/feed.json"] = Route(
        json_feed(seed_items[:2]), headers={"Content-Type": "application/json"}
    )
    await make_poller().poll(feed("json", server.url("/feed.json"), tags=("desk",)))
    got = seen_processor.items  # type: ignore[attr-defined]
    assert [i.title for i in got] == [i.title for i in seed_items[:2]]
    assert (
        got[0].text.startswith(seed_items[0].text[:40])
        and got[0].url == f"https://news.example/{seed_items[0].id}"
    )
    assert (
        got[0].published == seed_items[0].published and got[0].tags == ("desk",) and got[0].language == "en"
    )


async def test_entries_repeated_within_a_document_are_one_item(
    server: FeedServer, make_poller: PollerFactory, seed_items: list[Item], tmp_path: Path
) -> None:
    twice = [seed_items[0], seed_items[1], seed_items[0]]
    server.routes["/rss"] = Route(rss(twice))
    result = await make_poller().poll(feed("dup", server.url("/rss")))
    assert (result.entries, result.items, result.new) == (3, 2, 2)
    (tmp_path / "dup.xml").write_bytes(rss(twice))
    assert len(replay_items([tmp_path / "dup.xml"])) == 2  # replay: the same


async def test_an_unparsable_feed_is_an_error_in_status_metrics_and_logs_once_per_change(
    server: FeedServer,
    make_poller: PollerFactory,
    states: FeedStateStore,
    clock: FakeClock,
    seed_items: list[Item],
    redis_url: str,
    namespace: str,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = feed("broken", server.url("/rss"), interval=60)
    poller = make_poller()
    metrics = Metrics()
    metrics.watch_feeds(lambda: states.load_many([config]))
    server.routes["/rss"] = Route(TRUNCATED, headers={"Content-Type": "application/rss+xml"})
    with caplog.at_level(logging.DEBUG, logger="monitor.sources.feeds.poller"):
        for _ in range(3):
            result = await poller.poll(config)
            metrics.observe_poll(result, 0.1)
            clock.advance(3600)  # past any backoff
    assert (result.outcome, result.status) == ("unparsable", 200)
    assert "cannot parse" in (result.reason or "") and "SAXParseException" in (result.reason or "")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and warnings[0].startswith("feed broken: cannot parse"), warnings

    feeds_file = tmp_path / "feeds.yaml"
    feeds_file.write_text(f"feeds:\n  - name: broken\n    url: {config.url}\n    interval: 60s\n")
    args = ["feeds", "status", "--feeds", str(feeds_file), "--redis", redis_url, "--namespace", namespace]
    row = json.loads(CliRunner().invoke(cli, [*args, "--json"]).output)
    assert (row["status"], row["errors"]) == (200, 3) and row["state"].startswith("failing: cannot parse")

    samples = _samples(metrics)
    assert samples[("monitor_feed_polls_total", (("feed", "broken"), ("outcome", "unparsable")))] == 3
    assert samples[("monitor_feed_consecutive_errors", (("feed", "broken"),))] == 3

    server.routes["/rss"] = Route(rss(seed_items[:1]))  # fixed: one info line, errors reset
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="monitor.sources.feeds.poller"):
        assert (await poller.poll(config)).outcome == "ok"
    assert [r.getMessage() for r in caplog.records] == [
        "feed broken: polled fine again after 3 failed poll(s)"
    ]
    samples = _samples(metrics)
    assert samples[("monitor_feed_consecutive_errors", (("feed", "broken"),))] == 0
    at = clock.now.timestamp()
    assert samples[("monitor_feed_last_success_timestamp_seconds", (("feed", "broken"),))] == at
    assert samples[("monitor_feed_last_new_item_timestamp_seconds", (("feed", "broken"),))] == at


async def test_an_html_page_is_not_a_feed(server: FeedServer, make_poller: PollerFactory) -> None:
    server.routes["/"] = Route(HTML, headers={"Content-Type": "text/html"})
    result = await make_poller().poll(feed("site", server.url("/")))
    assert result.outcome == "unparsable" and "an HTML page" in (result.reason or "")


async def test_a_malformed_feed_with_entries_is_processed_and_noted_once(
    server: FeedServer, make_poller: PollerFactory, states: FeedStateStore, clock: FakeClock,
    seed_items: list[Item], caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    broken = rss(seed_items[:2]).replace(b"</channel></rss>", b"<item><title>cut")
    server.routes["/rss"] = Route(broken)
    config, poller = feed("sloppy", server.url("/rss")), make_poller()
    with caplog.at_level(logging.WARNING):
        first = await poller.poll(config)
        clock.advance(config.interval)
        await poller.poll(config)
    assert (first.outcome, first.new) == ("ok", 3)
    assert [r.getMessage().split(":")[0] for r in caplog.records] == ["feed sloppy"]  # once, not per poll
    assert (states.load(config).last_problem or "").startswith("SAXParseException")


def test_replay_sniffs_files_whatever_their_name(tmp_path: Path, seed_items: list[Item]) -> None:
    (tmp_path / "feed").write_bytes(rss(seed_items[:2]))  # no extension: a feed
    (tmp_path / "news.txt").write_bytes(json_feed(seed_items[2:3]))  # named as text, is a JSON Feed
    (tmp_path / "items.json").write_bytes(json_feed(seed_items[3:4], "1"))
    (tmp_path / "reader.opml").write_text('<opml version="2.0"><body/></opml>')
    (tmp_path / "NOTES").write_text("Not an article\nThis folder's notes.")  # no extension, no feed
    titles = {item.title for item in replay_items([tmp_path])}
    assert titles == {item.title for item in seed_items[:4]}
    assert [i.title for i in replay_items([tmp_path / "NOTES"])] == ["Not an article"]  # named: read


def _samples(metrics: Metrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(metrics.render().decode())
        for sample in family.samples
    }
