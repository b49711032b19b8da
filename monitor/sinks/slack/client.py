"""Thin async wrappers over slack_sdk (Web API and webhook) that raise DeliveryError."""

from __future__ import annotations

import asyncio
import logging
import math
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from monitor.sinks.base import DeliveryError
from monitor.sinks.slack.blocks import Message

#: slack_sdk logs request URLs (a webhook URL is a secret) at DEBUG; this logger never does.
_SDK_LOG = logging.getLogger("monitor.sinks.slack.sdk")
_SDK_LOG.setLevel(logging.INFO)

METADATA_EVENT = "monitor_alert"
#: Web API errors that a later attempt can get past; any other error is permanent.
RETRYABLE_ERRORS = frozenset(
    {"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
#: Webhook bodies that mean the same.
RETRYABLE_WEBHOOK = frozenset({"rollup_error", "rate_limited", "internal_error", "service_unavailable"})
_TRANSPORT = (TimeoutError, asyncio.TimeoutError, aiohttp.ClientError, OSError)


class SlackError(DeliveryError):
    """A DeliveryError that also says whether Slack may have acted despite the failure."""

    def __init__(
        self, reason: str, *, retryable: bool, retry_after: float | None = None, maybe_done: bool = False
    ) -> None:
        super().__init__(reason, retryable=retryable, retry_after=retry_after)
        self.maybe_done = maybe_done


def _retry_after(headers: Any) -> float | None:
    try:
        return float(headers.get("Retry-After")) if headers and headers.get("Retry-After") else None
    except (TypeError, ValueError):
        return None


def api_error(exc: SlackApiError, method: str, channel: str | None) -> SlackError:
    """A Web API failure as a DeliveryError; the reason names the method, error and channel."""
    response = exc.response
    status = getattr(response, "status_code", 0)
    data = response.data if isinstance(getattr(response, "data", None), dict) else {}
    error = str(data.get("error") or f"http_{status}")
    where = f" (channel {channel})" if channel else ""
    reason = f"slack {method}: {error}{where}"
    if status == 429:
        return SlackError(reason, retryable=True, retry_after=_retry_after(response.headers))
    return SlackError(reason, retryable=status >= 500 or error in RETRYABLE_ERRORS, maybe_done=status >= 500)


def transport_error(exc: BaseException, method: str) -> SlackError:
    """Timeouts and dropped connections: retryable, and the post may have happened."""
    # The exception text can hold a URL (a webhook URL is a secret): only its type is kept.
    return SlackError(f"slack {method}: {type(exc).__name__} (no answer)", retryable=True, maybe_done=True)


class WebApi:
    """chat.postMessage / chat.update / history lookups, with no retries inside one call."""

    def __init__(self, token: str, base_url: str, timeout_s: float) -> None:
        # No slack_sdk retry handlers: a retry inside the call would sleep for Retry-After
        # unbounded, and retrying a post whose answer was lost posts twice. The outbox retries.
        self._client = AsyncWebClient(
            token=token, base_url=base_url, timeout=math.ceil(timeout_s), retry_handlers=[], logger=_SDK_LOG
        )

    def __repr__(self) -> str:
        return f"WebApi(base_url={self._client.base_url!r})"

    async def post(self, channel: str, message: Message, thread_ts: str, alert_id: str) -> tuple[str, str]:
        """Post; returns (channel ID, ts). The alert id travels in the message metadata."""
        try:
            response = await self._client.chat_postMessage(
                channel=channel,
                text=message["text"],
                blocks=message["blocks"],
                thread_ts=thread_ts or None,
                unfurl_links=False,
                unfurl_media=False,
                metadata={"event_type": METADATA_EVENT, "event_payload": {"alert_id": alert_id}},
            )
        except SlackApiError as exc:
            raise api_error(exc, "chat.postMessage", channel) from None
        except _TRANSPORT as exc:
            raise transport_error(exc, "chat.postMessage") from None
        return str(response["channel"]), str(response["ts"])

    async def update(self, channel: str, ts: str, message: Message) -> None:
        try:
            await self._client.chat_update(
                channel=channel, ts=ts, text=message["text"], blocks=message["blocks"]
            )
        except SlackApiError as exc:
            raise api_error(exc, "chat.update", channel) from None
        except _TRANSPORT as exc:
            raise transport_error(exc, "chat.update") from None

    async def channel_id(self, name: str, max_pages: int = 20) -> str:
        """The ID of channel ``#name`` (conversations.list, paged); SlackError when there is none."""
        wanted = name.removeprefix("#")
        cursor = None
        for _ in range(max_pages):
            try:
                response = await self._client.conversations_list(
                    types="public_channel,private_channel", exclude_archived=True, limit=1000, cursor=cursor
                )
            except SlackApiError as exc:
                raise api_error(exc, "conversations.list", name) from None
            except _TRANSPORT as exc:
                raise transport_error(exc, "conversations.list") from None
            for channel in response.get("channels") or []:
                if channel.get("name") == wanted and channel.get("id"):
                    return str(channel["id"])
            cursor = (response.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
        raise SlackError(f"slack conversations.list: channel_not_found (channel {name})", retryable=False)

    async def find(self, channel: str, thread_ts: str, alert_id: str, since: float) -> str | None:
        """The ts of a message carrying ``alert_id`` in its metadata, posted since ``since``."""
        oldest = f"{max(since - 60, 0):.6f}"
        try:
            if thread_ts:
                response = await self._client.conversations_replies(
                    channel=channel, ts=thread_ts, oldest=oldest, include_all_metadata=True, limit=200
                )
            else:
                response = await self._client.conversations_history(
                    channel=channel, oldest=oldest, include_all_metadata=True, limit=200
                )
        except SlackApiError as exc:
            raise api_error(exc, "conversations lookup", channel) from None
        except _TRANSPORT as exc:
            raise transport_error(exc, "conversations lookup") from None
        for message in response.get("messages") or []:
            payload = (message.get("metadata") or {}).get("event_payload") or {}
            if payload.get("alert_id") == alert_id:
                return str(message["ts"])
        return None


class WebhookApi:
    """An incoming webhook: post only, to the channel the webhook was created for."""

    def __init__(self, url: str, timeout_s: float) -> None:
        self._client = AsyncWebhookClient(
            url=url, timeout=math.ceil(timeout_s), retry_handlers=[], logger=_SDK_LOG
        )

    def __repr__(self) -> str:
        return "WebhookApi(url='**********')"

    async def post(self, message: Message) -> None:
        try:
            response = await self._client.send(
                text=message["text"], blocks=message["blocks"], unfurl_links=False, unfurl_media=False
            )
        except _TRANSPORT as exc:
            raise transport_error(exc, "webhook") from None
        if response.status_code == 200:
            return
        body = (response.body or "").strip()[:100] or f"http_{response.status_code}"
        reason = f"slack webhook: {body} (http {response.status_code})"
        if response.status_code == 429:
            raise SlackError(reason, retryable=True, retry_after=_retry_after(response.headers))
        server = response.status_code >= 500
        raise SlackError(reason, retryable=server or body in RETRYABLE_WEBHOOK, maybe_done=server)
