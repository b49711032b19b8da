"""Feeds and their redirects reach public addresses only (checked on the address dialled, after
DNS), unless outbound.allow says otherwise; credentials never follow a redirect to another host."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from monitor.sources.feeds.fetcher import Fetcher, FetchError
from monitor.sources.feeds.limits import FetchLimits
from monitor.sources.feeds.outbound import OutboundPolicy
from tests.feeds.server import FeedServer, Route, rss
from tests.ops.conftest import free_port

STRICT = FetchLimits(connect_timeout=2.0, total_timeout=5.0)
#: The feed's own server (127.0.0.1) is allowed; the "internal" one (127.0.0.2) is not.
FEED_ONLY = FetchLimits(
    connect_timeout=2.0, total_timeout=5.0, outbound=OutboundPolicy.allowing(["127.0.0.1/32"])
)
LOOPBACK = FetchLimits(
    connect_timeout=2.0, total_timeout=5.0, outbound=OutboundPolicy.allowing(["127.0.0.0/8"])
)


class Internal:
    """An 'internal admin' server on 127.0.0.2 that records every request it gets."""

    def __init__(self) -> None:
        self.requests: list[dict[str, str]] = []
        self.base = ""

    async def handle(self, request: web.Request) -> web.Response:
        self.requests.append(dict(request.headers))
        return web.Response(body=rss([]), content_type="application/rss+xml")


@pytest.fixture
async def internal() -> AsyncIterator[Internal]:
    target = Internal()
    app = web.Application()
    app.router.add_get("/{tail:.*}", target.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.2", port).start()
    target.base = f"http://127.0.0.2:{port}"
    yield target
    await runner.cleanup()


async def _fetch(limits: FetchLimits, url: str, headers: dict[str, str] | None = None) -> str:
    fetcher = Fetcher(limits)
    try:
        result = await fetcher.fetch(url, headers=headers)
        return f"HTTP {result.status}"
    except FetchError as exc:
        return str(exc)
    finally:
        await fetcher.aclose()


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    ("host", "reason"),
    [
        ("127.0.0.1", "127.0.0.1 is a loopback address"),
        ("localhost", "is a loopback address"),  # a name is checked on the address it resolves to
        ("[::1]", "::1 is a loopback address"),
        ("[::ffff:127.0.0.1]", "127.0.0.1 is a loopback address"),
        ("169.254.169.254", "169.254.169.254 is a link-local address (cloud metadata lives there)"),
        ("10.0.0.1", "10.0.0.1 is a private address"),
        ("100.100.100.200", "100.100.100.200 is not a public address"),
        ("0.0.0.0", "0.0.0.0 is the unspecified address"),
    ],
)
async def test_internal_addresses_are_refused_by_default(host: str, reason: str) -> None:
    message = await _fetch(STRICT, f"http://{host}:{free_port()}/feed")
    assert message.startswith("cannot connect (refused: ")
    assert reason in message and "outbound.allow" in message


@pytest.mark.timeout(30)
@pytest.mark.parametrize("target", ["internal", "metadata", "ipv6-loopback", "private"])
async def test_a_redirect_to_an_internal_address_is_refused_and_never_reaches_it(
    server: FeedServer, internal: Internal, target: str
) -> None:
    port = internal.base.rsplit(":", 1)[1]
    locations = {
        "internal": f"{internal.base}/internal-admin",
        "metadata": "http://169.254.169.254/latest/meta-data/",
        "ipv6-loopback": f"http://[::1]:{port}/internal-admin",
        "private": "http://10.0.0.1:6379/",  # e.g. a Redis port on the private network
    }
    server.routes["/feed"] = Route(status=302, headers={"Location": locations[target]})
    message = await _fetch(FEED_ONLY, server.url("/feed"))
    assert message.startswith("cannot connect (refused: "), message
    assert internal.requests == []


@pytest.mark.timeout(30)
async def test_the_allow_list_lets_an_intranet_feed_through(internal: Internal) -> None:
    assert await _fetch(LOOPBACK, f"{internal.base}/feed") == "HTTP 200"
    assert len(internal.requests) == 1


@pytest.mark.timeout(30)
async def test_credentials_do_not_follow_a_redirect_to_another_host(
    server: FeedServer, internal: Internal
) -> None:
    port = internal.base.rsplit(":", 1)[1]
    server.routes["/feed"] = Route(
        status=302, headers={"Location": f"http://admin:hunter2@127.0.0.2:{port}/x"}
    )
    secret = {"Authorization": "Bearer feed-token", "X-Api-Key": "feed-key"}
    assert await _fetch(LOOPBACK, server.url("/feed"), secret) == "HTTP 200"
    [headers] = internal.requests
    assert "Authorization" not in headers and "X-Api-Key" not in headers  # no Basic from user:pass@
    assert server.request_headers["/feed"]["Authorization"] == "Bearer feed-token"


@pytest.mark.timeout(30)
async def test_credentials_follow_a_redirect_on_the_same_origin(server: FeedServer) -> None:
    server.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    server.routes["/new"] = Route(body=rss([]))
    assert await _fetch(LOOPBACK, server.url("/old"), {"Authorization": "Bearer feed-token"}) == "HTTP 200"
    assert server.request_headers["/new"]["Authorization"] == "Bearer feed-token"
