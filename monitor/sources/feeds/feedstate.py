"""Per-feed poll state in Redis (validators, current URL, errors, next allowed poll), one JSON value each."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

import redis
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from monitor.sources.feeds.config import FeedConfig
from monitor.sources.feeds.fetcher import Validators
from monitor.state.keys import FEED_STATE_TTL, Keys

log = logging.getLogger(__name__)


class FeedState(BaseModel):
    """What the poller remembers about one feed between polls and across restarts."""

    # Written by this program only; unknown keys from a newer version are ignored, not fatal.
    model_config = ConfigDict(extra="ignore")

    config_url: str | None = Field(default=None, description="The configured URL this state is for.")
    url: str | None = Field(default=None, description="Where to fetch (after permanent redirects).")
    etag: str | None = None
    last_modified: str | None = None
    since: datetime | None = Field(default=None, description="First poll of this feed.")
    last_poll: datetime | None = None
    last_success: datetime | None = None
    last_status: int | None = Field(default=None, description="HTTP status of the last answer.")
    last_error: str | None = None
    last_problem: str | None = Field(
        default=None, description="The last document was malformed (entries were recovered): why."
    )
    last_new_item: datetime | None = None
    errors: int = Field(default=0, description="Consecutive failed polls.")
    next_poll: datetime | None = Field(default=None, description="When the next poll is due.")
    next_allowed: datetime | None = Field(default=None, description="No poll before (backoff).")
    disabled: bool = False
    disabled_reason: str | None = None

    @classmethod
    def fresh(cls, feed: FeedConfig) -> FeedState:
        return cls(config_url=feed.url, url=feed.url)

    def for_config(self, feed: FeedConfig) -> FeedState:
        """This state, or a fresh one when the feed's configured URL changed since it was written."""
        if self.config_url == feed.url:
            return self
        return FeedState.fresh(feed).model_copy(update={"since": self.since})

    def validators(self) -> Validators:
        return Validators(self.etag, self.last_modified)

    def stale(self, feed: FeedConfig, now: datetime) -> bool:
        """Nothing new for longer than the feed's ``stale_after`` (counted from the first poll)."""
        reference = self.last_new_item or self.since
        return reference is not None and now - reference > timedelta(seconds=feed.stale_after)

    def due(self, now: datetime) -> bool:
        """Not disabled and past any backoff or Retry-After."""
        return not self.disabled and (self.next_allowed is None or now >= self.next_allowed)


class FeedStateStore:
    """Loads and saves FeedState values; each save is one SET, so a state is never half-written."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys

    def load(self, feed: FeedConfig) -> FeedState:
        return self.load_many([feed])[feed.name]

    def load_many(self, feeds: Iterable[FeedConfig]) -> dict[str, FeedState]:
        """Every feed's state in one round trip; a feed never polled gets a fresh state."""
        feeds = list(feeds)
        if not feeds:
            return {}
        values = self.client.mget([self.keys.feed(feed.name) for feed in feeds])
        pairs = zip(feeds, values, strict=True)
        return {feed.name: _decode(feed, value).for_config(feed) for feed, value in pairs}

    def save(self, name: str, state: FeedState) -> None:
        self.client.set(self.keys.feed(name), state.model_dump_json(), ex=FEED_STATE_TTL)


def _decode(feed: FeedConfig, value: bytes | str | None) -> FeedState:
    if value is None:
        return FeedState.fresh(feed)
    try:
        return FeedState.model_validate_json(value)
    except ValidationError:
        log.warning("feed %s: stored state unreadable, starting afresh", feed.name)
        return FeedState.fresh(feed)
