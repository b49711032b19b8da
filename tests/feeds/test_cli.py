"""``monitor feeds check`` and ``monitor feeds status`` against a real server and Redis."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import redis
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.models import Item
from monitor.state.keys import Keys
from tests.feeds.conftest import FakeClock, PollerFactory, feed
from tests.feeds.server import FeedServer, Route, rss


@pytest.fixture
def threaded_server(seed_items: list[Item]) -> Iterator[str]:
    """A plain threaded HTTP server (the CLI runs its own event loop)."""
    body = rss(seed_items[:3])

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200 if self.path == "/rss" else 404)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return None

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


#: The threaded server listens on loopback, which feeds may not reach by default.
LOOPBACK_ENV = {"MONITOR_OUTBOUND__ALLOW": '["127.0.0.0/8"]'}


def test_check_shows_the_items_and_touches_no_state(
    threaded_server: str, seed_items: list[Item], redis_client: redis.Redis, namespace: str
) -> None:
    result = CliRunner(env=LOOPBACK_ENV).invoke(cli, ["feeds", "check", f"{threaded_server}/rss", "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["title"] for line in lines] == [item.title for item in seed_items[:3]]
    assert "127.0.0.1: 3 entries, 3 items" in result.stderr
    assert not list(redis_client.scan_iter(match=Keys(namespace).pattern()))


@pytest.mark.parametrize(
    ("path", "message"),
    [("/missing", "HTTP 404"), ("file:///etc/passwd", "only http and https URLs are allowed")],
)
def test_check_fails_clearly(threaded_server: str, path: str, message: str) -> None:
    url = path if "://" in path else f"{threaded_server}{path}"
    result = CliRunner(env=LOOPBACK_ENV).invoke(cli, ["feeds", "check", url])
    assert result.exit_code == 1
    assert message in result.stderr


async def test_status_shows_each_feed(
    server: FeedServer,
    make_poller: PollerFactory,
    seed_items: list[Item],
    clock: FakeClock,
    redis_url: str,
    namespace: str,
    tmp_path: Path,
) -> None:
    server.routes["/good"] = Route(rss(seed_items), etag='"1"')
    server.routes["/bad"] = Route(status=500)
    feeds_path = tmp_path / "feeds.yaml"
    feeds_path.write_text(
        f"feeds:\n  - name: good\n    url: {server.url('/good')}\n"
        f"  - name: bad\n    url: {server.url('/bad')}\n"
        f"  - name: never\n    url: {server.url('/never')}\n    enabled: false\n"
    )
    poller = make_poller()
    await poller.poll(feed("good", server.url("/good")))
    await poller.poll(feed("bad", server.url("/bad")))
    args = ["feeds", "status", "--feeds", str(feeds_path), "--redis", redis_url, "--namespace", namespace]
    result = CliRunner().invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["feed"]: row for row in map(json.loads, result.stdout.splitlines())}
    when = clock.now.strftime("%Y-%m-%d %H:%M:%SZ")
    assert rows["good"] == {
        "feed": "good",
        "last_poll": when,
        "status": 200,
        "last_new_item": when,
        "errors": 0,
        "next_poll": "2025-07-04 12:05:00Z",
        "state": "stale",  # the fake clock is far behind the real one the command uses
    }
    assert (rows["bad"]["status"], rows["bad"]["errors"], rows["bad"]["state"]) == (
        500,
        1,
        "failing: HTTP 500",
    )
    assert rows["never"]["state"] == "disabled in config"
    table = CliRunner().invoke(cli, args)
    assert table.output.splitlines()[0].split() == [
        "feed",
        "last",
        "poll",
        "status",
        "last",
        "new",
        "item",
        "errors",
        "next",
        "poll",
        "state",
    ]
