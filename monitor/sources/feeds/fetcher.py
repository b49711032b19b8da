"""Feed fetching over HTTP(S) with one shared httpx client: conditional GET, redirects, hard bounds."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime

import httpx

from monitor.errors import FeedError
from monitor.sources.feeds.body import BodyError, read_capped
from monitor.sources.feeds.config import check_url
from monitor.sources.feeds.limits import USER_AGENT, FetchLimits
from monitor.sources.feeds.outbound import GuardedTransport

REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


class FetchError(FeedError):
    """A fetch that produced no HTTP answer to act on; the message is the reason (no secrets)."""


@dataclass(frozen=True)
class Validators:
    """What the server gave us to make the next GET conditional."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class FetchResult:
    """The final answer of a fetch, after redirects; ``body`` only for 2xx answers."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    #: The new address when every redirect hop was permanent (301/308).
    moved_to: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def validators(self, previous: Validators) -> Validators:
        """The validators to store: new ones when the server sent them, else the previous ones."""
        return Validators(
            self.headers.get("etag") or previous.etag,
            self.headers.get("last-modified") or previous.last_modified,
        )


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds from ``now`` that a Retry-After header (delta-seconds or HTTP-date) asks for."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds())


class Fetcher:
    """Fetches feeds through one keep-alive AsyncClient; every fetch is bounded by FetchLimits."""

    def __init__(self, limits: FetchLimits | None = None) -> None:
        self.limits = limits or FetchLimits()
        total = self.limits.total_timeout
        pool = httpx.Limits(
            max_connections=self.limits.max_connections,
            max_keepalive_connections=self.limits.max_connections,
        )
        self.client = httpx.AsyncClient(
            timeout=httpx.Timeout(total, connect=self.limits.connect_timeout),
            transport=GuardedTransport(self.limits.outbound, pool),
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,
            trust_env=False,
        )
        self._slots = asyncio.Semaphore(self.limits.max_connections)

    async def aclose(self) -> None:
        await self.client.aclose()

    async def fetch(
        self, url: str, validators: Validators | None = None, headers: dict[str, str] | None = None
    ) -> FetchResult:
        """GET ``url`` (conditionally), following redirects; FetchError when there is no answer."""
        conditional = (validators or Validators()).headers()
        async with self._slots:
            try:
                async with asyncio.timeout(self.limits.total_timeout):
                    return await self._follow(url, headers or {}, conditional)
            except TimeoutError:
                raise FetchError(f"timed out after {self.limits.total_timeout:g}s") from None
            except BodyError as exc:
                raise FetchError(str(exc)) from None
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchError(describe(exc)) from None

    async def _follow(self, url: str, configured: dict[str, str], conditional: dict[str, str]) -> FetchResult:
        """GET, following redirects ourselves: the configured headers (they may hold a token)
        go only to the feed's own origin, and a redirect's user:pass@ is never sent."""
        current, permanent, visited = url, True, {url}
        home = _origin(url)
        for _ in range(self.limits.max_redirects + 1):
            _refuse_unless_http(current, "URL")
            headers = {**configured, **conditional} if _origin(current) == home else conditional
            async with self.client.stream("GET", current, headers=headers) as response:
                status = response.status_code
                if status not in REDIRECTS:
                    body = await self._body(response) if 200 <= status < 300 else None
                    moved = current if permanent and current != url else None
                    return FetchResult(url, current, status, _headers(response), body, moved)
                target = _redirect_target(response)
            permanent = permanent and status in PERMANENT
            if target in visited:
                raise FetchError(f"redirect loop (HTTP {status} back to an address already visited)")
            visited.add(target)
            current = target
        raise FetchError(f"more than {self.limits.max_redirects} redirects")

    async def _body(self, response: httpx.Response) -> bytes:
        encoding = response.headers.get("content-encoding", "")
        declared = response.headers.get("content-length", "")
        if encoding in ("", "identity") and declared.isdigit() and int(declared) > self.limits.max_bytes:
            raise BodyError(f"body larger than {self.limits.max_bytes} bytes (Content-Length {declared})")
        return await read_capped(response.aiter_raw(), encoding, self.limits.max_bytes)


def _refuse_unless_http(url: str, what: str) -> None:
    try:
        check_url(url)
    except ValueError as exc:
        raise FetchError(f"refused {what}: {exc}") from None


def _redirect_target(response: httpx.Response) -> str:
    location = response.headers.get("location")
    if not location:
        raise FetchError(f"HTTP {response.status_code} redirect without a Location header")
    try:
        joined = response.url.join(location.strip())
        target = str(joined.copy_with(username=None, password=None) if joined.userinfo else joined)
    except (httpx.InvalidURL, ValueError):
        raise FetchError(f"HTTP {response.status_code} redirect to an invalid URL") from None
    _refuse_unless_http(target, "redirect target")
    return target


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = httpx.URL(url)
    return parts.scheme, parts.host, parts.port


def _headers(response: httpx.Response) -> dict[str, str]:
    return {key.lower(): response.headers[key] for key in response.headers}


def describe(exc: Exception) -> str:
    """A short reason for a transport failure, without URLs (they may carry tokens)."""
    kinds = (
        (httpx.ConnectTimeout, "connect timed out"),
        (httpx.ReadTimeout, "read timed out"),
        (httpx.ConnectError, "cannot connect"),
        (httpx.RemoteProtocolError, "protocol error"),
        (httpx.DecodingError, "cannot decode the body"),
        (httpx.UnsupportedProtocol, "unsupported protocol"),
        (httpx.InvalidURL, "invalid URL"),
    )
    for kind, text in kinds:
        if isinstance(exc, kind):
            detail = str(exc).split("\n")[0][:120]
            return f"{text} ({detail})" if detail and "://" not in detail else text
    return type(exc).__name__
