"""Posting the digest: its message, then the chart through the Web API's file upload (v2)."""

from __future__ import annotations

import asyncio
import logging
import math
from datetime import datetime, time
from zoneinfo import ZoneInfo

import redis
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from monitor.clock import Clock, utc_now
from monitor.digest import render
from monitor.digest.chart import render_png, warm_up
from monitor.digest.compose import Digest, DigestSources, compose
from monitor.settings import DigestSettings
from monitor.sinks.slack.client import _TRANSPORT, SlackError, api_error, transport_error
from monitor.state.keys import Keys

log = logging.getLogger(__name__)
_SDK_LOG = logging.getLogger("monitor.digest.sdk")
_SDK_LOG.setLevel(logging.INFO)
CHART_FILE = "drones-per-night.png"


class DigestPoster:
    """chat.postMessage for the digest, files_upload_v2 for its chart (to the channel's ID)."""

    def __init__(self, token: str, base_url: str, timeout_s: float) -> None:
        self._client = AsyncWebClient(
            token=token, base_url=base_url, timeout=math.ceil(timeout_s), retry_handlers=[], logger=_SDK_LOG
        )

    def __repr__(self) -> str:
        return f"DigestPoster(base_url={self._client.base_url!r})"

    async def post(self, channel: str, digest: Digest, png: bytes) -> str:
        """Post the digest and its chart; returns the message ts."""
        try:
            response = await self._client.chat_postMessage(
                channel=channel,
                text=render.fallback(digest),
                blocks=render.blocks(digest),
                unfurl_links=False,
            )
            channel_id, ts = str(response["channel"]), str(response["ts"])
            await self._client.files_upload_v2(
                channel=channel_id,
                content=png,
                filename=CHART_FILE,
                title="Drones launched per night",
                alt_txt="Drones launched per night and attacker, with each attacker's record",
                thread_ts=ts,
            )
        except SlackApiError as exc:
            raise api_error(exc, "digest", channel) from None
        except SlackRequestError as exc:  # the upload step: its message may hold the upload URL
            raise SlackError(f"slack digest upload failed ({type(exc).__name__})", retryable=True) from None
        except _TRANSPORT as exc:
            raise transport_error(exc, "digest") from None
        return ts


def make_digest(sources: DigestSources, settings: DigestSettings, now: datetime) -> tuple[Digest, bytes]:
    """Compose and chart (CPU and Redis work: run it in a thread from async code)."""
    digest = compose(sources, now, settings.since, settings.chart_days)
    return digest, render_png(digest.nights, digest.night_records)


class DigestJob:
    """Posts each channel's digest once a day, at or after ``at`` local time. A claim per channel
    and day in Redis makes one replica post it; a failed post drops the claim for a retry."""

    def __init__(
        self,
        settings: DigestSettings,
        sources: DigestSources,
        poster: DigestPoster,
        client: redis.Redis,
        keys: Keys,
        clock: Clock = utc_now,
    ) -> None:
        self.settings = settings
        self.sources = sources
        self.poster = poster
        self.client = client
        self.keys = keys
        self.clock = clock
        self.zone = ZoneInfo(settings.timezone)
        self._warm = False

    def due_day(self, now: datetime) -> str | None:
        """Today's local date once the digest time has passed, else None."""
        local = now.astimezone(self.zone)
        hour, minute = (int(p) for p in self.settings.at.split(":"))
        return local.date().isoformat() if local.time() >= time(hour, minute) else None

    async def run_due(self) -> list[str]:
        """Post the digests that are due; returns the channels posted to."""
        if not self._warm:  # first run, at the service's start: the chart library, in a thread
            await asyncio.to_thread(warm_up)
            self._warm = True
        now = self.clock()
        day = self.due_day(now)
        if day is None:
            return []
        claimed = [c for c in self.settings.channels if self._claim(c, day)]
        if not claimed:
            return []
        digest, png = await asyncio.to_thread(make_digest, self.sources, self.settings, now)
        posted = []
        for channel in claimed:
            try:
                await self.poster.post(channel, digest, png)
            except SlackError as exc:
                self.client.delete(self.keys.digest_claim(channel, day))
                log.warning("digest to %s failed, retried next minute: %s", channel, exc.reason)
                continue
            posted.append(channel)
            log.info("digest posted to %s", channel)
        return posted

    def _claim(self, channel: str, day: str) -> bool:
        return bool(self.client.set(self.keys.digest_claim(channel, day), "1", nx=True, ex=2 * 86_400))
