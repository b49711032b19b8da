"""The Web API calls the console makes (update, thread reply, modal, group members, response_url)."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from monitor.sinks.slack.client import _TRANSPORT, SlackError, api_error, transport_error

log = logging.getLogger(__name__)
#: slack_sdk logs request URLs and bodies at DEBUG; this logger never does.
_SDK_LOG = logging.getLogger("monitor.interact.sdk")
_SDK_LOG.setLevel(logging.INFO)
#: A user group's members are asked for at most this often.
GROUP_CACHE_S = 60.0


class ConsoleApi:
    """Calls with no retries inside (a click is answered once; the analyst can click again)."""

    def __init__(
        self, token: str, base_url: str, timeout_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._client = AsyncWebClient(
            token=token, base_url=base_url, timeout=math.ceil(timeout_s), retry_handlers=[], logger=_SDK_LOG
        )
        self._timeout = math.ceil(timeout_s)
        self._groups: dict[str, tuple[float, frozenset[str]]] = {}
        self._clock = clock

    def __repr__(self) -> str:
        return f"ConsoleApi(base_url={self._client.base_url!r})"

    async def _call(self, method: str, where: str | None = None, **kwargs: Any) -> dict[str, Any]:
        try:
            response = await self._client.api_call(method, json=kwargs)
        except SlackApiError as exc:
            raise api_error(exc, method, where) from None
        except _TRANSPORT as exc:
            raise transport_error(exc, method) from None
        return dict(response.data) if isinstance(response.data, dict) else {}

    async def update(self, channel: str, ts: str, text: str, blocks: Sequence[dict[str, Any]]) -> None:
        await self._call("chat.update", channel, channel=channel, ts=ts, text=text, blocks=list(blocks))

    async def reply(self, channel: str, thread_ts: str, text: str) -> None:
        await self._call("chat.postMessage", channel, channel=channel, thread_ts=thread_ts, text=text)

    async def open_modal(self, trigger_id: str, view: dict[str, Any]) -> None:
        await self._call("views.open", trigger_id=trigger_id, view=view)

    async def members(self, group: str) -> frozenset[str]:
        """The users of a user group (cached for a minute)."""
        cached = self._groups.get(group)
        if cached is not None and self._clock() - cached[0] < GROUP_CACHE_S:
            return cached[1]
        try:
            response = await self._client.usergroups_users_list(usergroup=group)
        except SlackApiError as exc:
            raise api_error(exc, "usergroups.users.list", None) from None
        except _TRANSPORT as exc:
            raise transport_error(exc, "usergroups.users.list") from None
        users = frozenset(str(u) for u in response.get("users") or [])
        self._groups[group] = (self._clock(), users)
        return users

    async def respond(self, response_url: str, text: str, *, public: bool = False) -> None:
        """Answer a click or command through its response_url (ephemeral unless ``public``)."""
        client = AsyncWebhookClient(
            url=response_url, timeout=self._timeout, retry_handlers=[], logger=_SDK_LOG
        )
        try:
            response = await client.send(
                text=text, response_type="in_channel" if public else "ephemeral", replace_original=False
            )
        except _TRANSPORT as exc:
            raise transport_error(exc, "response_url") from None
        if response.status_code != 200:
            raise SlackError(f"slack response_url: http {response.status_code}", retryable=False)


class Silencers:
    """Who may silence from Slack: listed users and members of listed groups; nobody listed: all."""

    def __init__(self, allowed: Sequence[str], api: ConsoleApi) -> None:
        self.users = frozenset(a for a in allowed if not a.startswith("S"))
        self.groups = tuple(a for a in allowed if a.startswith("S"))
        self.api = api

    async def may(self, user: str) -> bool:
        if not self.users and not self.groups:
            return True
        if user in self.users:
            return True
        for group in self.groups:
            try:
                members = await self.api.members(group)
            except SlackError as exc:  # e.g. no usergroups:read scope: refuse, and say why in the log
                log.warning("slack: members of group %s unknown, silencing refused: %s", group, exc.reason)
                continue
            if user in members:
                return True
        return False
