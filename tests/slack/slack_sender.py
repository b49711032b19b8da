"""Sends interaction payloads and slash commands to our endpoint the way Slack does.

Form-encoded bodies, signed with the app's signing secret (``v0=`` HMAC-SHA256 of
``v0:timestamp:body``, computed with slack_sdk's own ``generate_signature``), and retried with
``X-Slack-Retry-Num`` / ``X-Slack-Retry-Reason`` when no 200 arrives within 3 seconds.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TEAM = {"id": "T0MONITOR", "domain": "monitor"}
#: Slack's deadline for an answer; past it the request is retried (up to three times).
DEADLINE_S = 3.0


@dataclass(frozen=True)
class Signed:
    """One request as Slack sent it: body and headers (so a test can replay it verbatim)."""

    path: str
    body: bytes
    headers: dict[str, str]


@dataclass
class SlackSender:
    url: str
    secret: str = SECRET
    clock: Callable[[], float] = time.time
    sent: list[tuple[Signed, int]] = field(default_factory=list)
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def sign(self, path: str, body: bytes, *, timestamp: int | None = None, retry: int = 0) -> Signed:
        stamp = str(int(self.clock()) if timestamp is None else timestamp)
        signature = SignatureVerifier(self.secret).generate_signature(timestamp=stamp, body=body)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": str(signature),
        }
        if retry:
            headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        return Signed(path, body, headers)

    async def post(self, request: Signed, timeout: float = DEADLINE_S) -> int:
        """POST as Slack does; the status, or 0 when no answer came within the deadline."""
        async with aiohttp.ClientSession() as session:
            try:
                async with session.post(
                    self.url + request.path,
                    data=request.body,
                    headers=request.headers,
                    timeout=aiohttp.ClientTimeout(total=timeout),
                ) as response:
                    await response.read()
                    status = response.status
            except TimeoutError:
                status = 0
        self.sent.append((request, status))
        return status

    async def deliver(self, path: str, body: bytes, retries: int = 3) -> int:
        """Send, then retry (fresh timestamp and signature, same body) until a 200 or out of tries."""
        status = await self.post(self.sign(path, body))
        for n in range(1, retries + 1):
            if status == 200:
                break
            status = await self.post(self.sign(path, body, retry=n))
        return status

    # -- bodies as Slack builds them ---------------------------------------------------------

    def _trigger(self) -> str:
        return f"{next(self._ids)}.{int(self.clock())}.trigger"

    def click(
        self, message: Any, action_id: str, value: str, user: str = "U0ANALYST", response_url: str = ""
    ) -> bytes:
        """A block_actions payload for a button or menu of ``message`` (a fake Slack Posted)."""
        block = next(b for b in message.blocks if b.get("type") == "actions")
        element = next(e for e in block["elements"] if e["action_id"] == action_id)
        action: dict[str, Any] = {
            "type": element["type"],
            "action_id": action_id,
            "block_id": block["block_id"],
            "action_ts": f"{self.clock():.6f}",
        }
        if element["type"] == "static_select":
            option = next(o for o in element["options"] if o["value"] == value)
            action["selected_option"] = option
        else:
            action["value"] = value
        row: dict[str, Any] = {
            "type": "message",
            "ts": message.ts,
            "text": message.text,
            "blocks": message.blocks,
        }
        if message.thread_ts:
            row["thread_ts"] = message.thread_ts
        payload = {
            "type": "block_actions",
            "team": TEAM,
            "user": {"id": user, "username": user.lower()},
            "api_app_id": "A0MONITOR",
            "container": {"type": "message", "message_ts": message.ts, "channel_id": message.channel},
            "trigger_id": self._trigger(),
            "channel": {"id": message.channel},
            "message": row,
            "response_url": response_url,
            "actions": [action],
        }
        return urlencode({"payload": json.dumps(payload)}).encode()

    def submit(self, view: dict[str, Any], values: dict[str, Any], user: str = "U0ANALYST") -> bytes:
        """A view_submission of a modal the fake opened; ``values`` by action id (state shape)."""
        state: dict[str, dict[str, Any]] = {}
        for block in view["blocks"]:
            if block.get("type") != "input":
                continue
            element = block["element"]
            action_id = element["action_id"]
            if action_id in values:
                state[block["block_id"]] = {action_id: {"type": element["type"], **values[action_id]}}
        payload = {
            "type": "view_submission",
            "team": TEAM,
            "user": {"id": user},
            "trigger_id": self._trigger(),
            "view": {**view, "id": "V0000001", "state": {"values": state}},
        }
        return urlencode({"payload": json.dumps(payload)}).encode()

    def command(self, text: str, response_url: str, user: str = "U0ANALYST") -> bytes:
        return urlencode(
            {
                "token": "deprecated-verification-token",
                "team_id": TEAM["id"],
                "channel_id": "C0ALERTS",
                "user_id": user,
                "command": "/monitor",
                "text": text,
                "response_url": response_url,
                "trigger_id": self._trigger(),
            }
        ).encode()
