"""`monitor run` at the default log level: a summary line every period (polls, new items, alerts,
deliveries, errors), even a quiet one, and no line per HTTP request."""

from __future__ import annotations

import re
from pathlib import Path

from tests.feeds.server import FeedServer, Route
from tests.ops.conftest import (
    GrowingFeed,
    add_growing,
    base_env,
    drone_items,
    only_rule,
    spawn,
    stop,
    wait_for,
    write_feeds,
)

SUMMARY = re.compile(
    r"^INFO monitor\.service: last \d+s: (\d+) feeds polled \((\d+) changed, (\d+) unchanged, (\d+) failed"
    r"(?:, (\d+) of them unparsable)?\), \d+ left to other replicas or not due; (\d+) new items, "
    r"(\d+) alerts; (\d+) delivered, (\d+) delivery retries, (\d+) dead letters",
    re.MULTILINE,
)


async def test_the_service_says_what_it_did_once_a_period_and_nothing_per_request(
    redis_url: str, namespace: str, feed_server: FeedServer, tmp_path: Path
) -> None:
    good = GrowingFeed(drone_items(2, "wire"))
    good.reveal(2)
    add_growing(feed_server, "/good", good)
    feed_server.routes["/page"] = Route(b"<!DOCTYPE html><html><body>moved</body></html>")
    feeds = write_feeds(
        tmp_path / "feeds.yaml", {"good": feed_server.url("/good"), "page": feed_server.url("/page")}
    )
    env = base_env(
        REDIS_URL=redis_url, MONITOR_SERVICE__START_SPREAD="0s", MONITOR_SERVICE__SUMMARY_EVERY="1s"
    )
    args = ["run", "--feeds", str(feeds), "--rules", str(only_rule(tmp_path, "mass-drone-attack"))]
    args += ["--sink", f"jsonl:{tmp_path / 'alerts.jsonl'}", "--metrics-port", "0", "--namespace", namespace]
    log = tmp_path / "run.log"
    process = await spawn(args, env, tmp_path, log)  # no -v: the default level

    def totals() -> list[int]:
        rows = [[int(n or 0) for n in m.groups()] for m in SUMMARY.finditer(log.read_text())]
        return [sum(column) for column in zip(*rows, strict=True)] if rows else []

    # both feeds polled; the page is an error (unparsable); both alerts fired and delivered
    await wait_for(lambda: (t := totals()) != [] and t[0] >= 2 and t[7] >= 2, 60, "summary lines")
    quiet = len(SUMMARY.findall(log.read_text()))
    await wait_for(lambda: len(SUMMARY.findall(log.read_text())) > quiet, 30, "a summary of a quiet period")
    assert await stop(process) == 0
    text = log.read_text()
    polled, _, _, failed, unparsable, new, alerts, delivered, _, dead = totals()
    assert (new, alerts, delivered, dead) == (2, 2, 2, 0), text
    assert polled >= 2 and failed == unparsable >= 1  # the page, polled again after its backoff
    assert "httpx" not in text and "HTTP Request" not in text  # per-request lines only at -vv
    # the page's failure is one warning, however often it is polled again
    assert text.count("WARNING monitor.sources.feeds.poller: feed page: cannot parse (an HTML page)") == 1
