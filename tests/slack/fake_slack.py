"""A local server speaking Slack's Web API and webhook JSON, with scripted failures.

Besides chat.*, it answers views.open, usergroups.users.list and the file upload (v2) steps
(files.getUploadURLExternal, the upload URL, files.completeUploadExternal), and takes messages
posted to response URLs (``response_url(n)``) the way hooks.slack.com does.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "xoxb-1111-2222-fakeTOKENsecret"
WEBHOOK_PATH = "/services/T000/B000/WEBHOOKsecret"
CHANNELS = {"#alerts": "C0ALERTS", "#air-desk": "C0AIRDESK", "#troops": "C0TROOPS", "#oncall": "C0ONCALL"}
#: Faults: HTTP-level or Slack errors answered instead of processing, or after processing.
FAULTS = {"429", "500", "invalid_auth", "channel_not_found", "hang", "drop", "hang_after", "drop_after"}


@dataclass
class Posted:
    """One message as the fake stored it."""

    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]]
    thread_ts: str | None
    metadata: dict[str, Any] | None
    updates: int = 0

    @property
    def alert_id(self) -> str | None:
        return ((self.metadata or {}).get("event_payload") or {}).get("alert_id")


@dataclass
class Uploaded:
    """A file uploaded with files_upload_v2 and shared to a channel."""

    file_id: str
    filename: str
    title: str
    data: bytes
    channel: str | None = None
    thread_ts: str | None = None


@dataclass
class FakeSlack:
    """Set ``fail`` (list of faults, consumed per request) or ``outage`` (until cleared)."""

    methods: tuple[str, ...] = ("chat.postMessage", "webhook")
    fail: list[str] = field(default_factory=list)
    outage: str | None = None
    retry_after: int = 3
    not_in_channel: set[str] = field(default_factory=set)
    messages: list[Posted] = field(default_factory=list)
    requests: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    answered: Counter[str] = field(default_factory=Counter)
    hanging: asyncio.Event = field(default_factory=asyncio.Event)
    #: Opened modals (views.open), user groups' members, uploaded files, response_url posts.
    views: list[dict[str, Any]] = field(default_factory=list)
    usergroups: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, Uploaded] = field(default_factory=dict)
    responses: list[dict[str, Any]] = field(default_factory=list)
    #: Set after every request handled (tests wait on a condition with a deadline).
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    url: str = ""
    _ts: Any = field(default_factory=lambda: itertools.count(1))
    _runner: web.AppRunner | None = None

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/services/{path:.*}", self._webhook)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_post("/response/{n}", self._response)
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    @property
    def webhook_url(self) -> str:
        return self.url + WEBHOOK_PATH

    def response_url(self, n: int | str) -> str:
        return f"{self.url}/response/{n}"

    async def wait_for(self, condition: Any, timeout: float = 5.0) -> None:
        """Until ``condition()`` holds (checked after every request), or AssertionError."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise AssertionError("the fake Slack did not see what was expected in time")
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except TimeoutError:
                continue

    def _touch(self) -> None:
        self.changed.set()

    def posts_by_alert(self) -> Counter[str | None]:
        return Counter(m.alert_id for m in self.messages)

    def in_channel(self, channel_id: str) -> list[Posted]:
        return [m for m in self.messages if m.channel == channel_id]

    # -- request handling -------------------------------------------------------------------

    async def _body(self, request: web.Request) -> dict[str, Any]:
        data: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                data.update(await request.json())
            else:
                data.update(dict(await request.post()))
        return data

    def _fault(self, method: str) -> str | None:
        if method not in self.methods:
            return None
        if self.fail:
            return self.fail.pop(0)
        return self.outage

    async def _before(self, fault: str | None, request: web.Request) -> web.StreamResponse | None:
        """Faults that answer instead of processing; None to process the request."""
        if fault == "429":
            return web.json_response(
                {"ok": False, "error": "ratelimited"},
                status=429,
                headers={"Retry-After": str(self.retry_after)},
            )
        if fault == "500":
            return web.Response(
                status=500, text="<html>Internal Server Error</html>", content_type="text/html"
            )
        if fault in {"invalid_auth", "channel_not_found"}:
            return web.json_response({"ok": False, "error": fault})
        if fault in {"hang", "drop"}:
            await self._break(fault, request)
        return None

    async def _break(self, fault: str, request: web.Request) -> None:
        if fault.startswith("hang"):
            self.hanging.set()
            self._touch()
            await asyncio.sleep(3600)
        assert request.transport is not None
        request.transport.close()
        raise asyncio.CancelledError  # the connection is gone: no answer at all

    async def _api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        body = await self._body(request)
        self.requests.append((method, body))
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            error = "not_authed" if "Authorization" not in request.headers else "invalid_auth"
            return web.json_response({"ok": False, "error": error})
        fault = self._fault(method)
        early = await self._before(fault, request)
        if early is not None:
            return early
        handler = {
            "chat.postMessage": self._post,
            "chat.update": self._update,
            "conversations.history": self._history,
            "conversations.replies": self._replies,
            "conversations.list": self._list,
            "views.open": self._views_open,
            "usergroups.users.list": self._group_users,
            "files.getUploadURLExternal": self._upload_url,
            "files.completeUploadExternal": self._complete_upload,
        }.get(method)
        answer = {"ok": False, "error": "unknown_method"} if handler is None else handler(body)
        if fault in {"hang_after", "drop_after"}:
            await self._break(fault, request)
        self.answered[method] += 1
        self._touch()
        return web.json_response(answer)

    def _views_open(self, body: dict[str, Any]) -> dict[str, Any]:
        view = body.get("view")
        if isinstance(view, str):
            view = json.loads(view)
        if not body.get("trigger_id"):
            return {"ok": False, "error": "invalid_trigger_id"}
        if not isinstance(view, dict) or view.get("type") != "modal" or not view.get("blocks"):
            return {"ok": False, "error": "invalid_arguments"}
        titles = [view.get(k, {}).get("text", "") for k in ("title", "submit", "close") if k in view]
        if any(len(t) > 24 for t in titles) or len(view.get("private_metadata", "")) > 3000:
            return {"ok": False, "error": "invalid_arguments"}  # Slack's modal limits
        self.views.append({"trigger_id": body["trigger_id"], "view": view})
        return {"ok": True, "view": {"id": f"V{len(self.views):06d}", **view}}

    def _group_users(self, body: dict[str, Any]) -> dict[str, Any]:
        group = str(body.get("usergroup"))
        if group not in self.usergroups:
            return {"ok": False, "error": "no_such_subteam"}
        return {"ok": True, "users": self.usergroups[group]}

    def _upload_url(self, body: dict[str, Any]) -> dict[str, Any]:
        if not body.get("filename") or not str(body.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{len(self.files) + 1:08d}"
        self.files[file_id] = Uploaded(file_id, str(body["filename"]), "", b"")
        return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}

    async def _upload(self, request: web.Request) -> web.StreamResponse:
        uploaded = self.files.get(request.match_info["file_id"])
        if uploaded is None:
            return web.Response(status=404, text="not found")
        uploaded.data = await request.read()
        self._touch()
        return web.Response(text="OK - " + str(len(uploaded.data)))

    def _complete_upload(self, body: dict[str, Any]) -> dict[str, Any]:
        files = body.get("files")
        files = json.loads(files) if isinstance(files, str) else files or []
        channel = body.get("channel_id")
        if channel is not None and channel not in CHANNELS.values():
            return {"ok": False, "error": "channel_not_found"}  # like Slack: an ID, never a #name
        done = []
        for entry in files:
            uploaded = self.files.get(entry.get("id"))
            if uploaded is None or not uploaded.data:
                return {"ok": False, "error": "file_not_found"}
            uploaded.title, uploaded.channel, uploaded.thread_ts = (
                entry.get("title", ""),
                channel,
                body.get("thread_ts"),
            )
            done.append({"id": uploaded.file_id, "name": uploaded.filename, "title": uploaded.title})
        return {"ok": True, "files": done}

    async def _response(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.responses.append({"n": request.match_info["n"], **body})
        self._touch()
        return web.Response(text="ok")

    def _channel(self, name: Any) -> str | None:
        if isinstance(name, str) and name in CHANNELS.values():
            return name
        return CHANNELS.get(name) if isinstance(name, str) else None

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel(body.get("channel"))
        if channel is None:
            return {"ok": False, "error": "channel_not_found"}
        if channel in self.not_in_channel:
            return {"ok": False, "error": "not_in_channel"}
        error = check_message(body)
        if error:
            return {"ok": False, "error": error}
        thread_ts = body.get("thread_ts")
        if thread_ts and not any(m.ts == thread_ts and m.channel == channel for m in self.messages):
            return {"ok": False, "error": "thread_not_found"}
        ts = f"{int(time.time())}.{next(self._ts):06d}"  # like Slack: epoch seconds, unique
        metadata = body.get("metadata")
        if isinstance(metadata, str):
            metadata = json.loads(metadata)
        posted = Posted(channel, ts, body.get("text", ""), _blocks(body), thread_ts, metadata)
        self.messages.append(posted)
        return {"ok": True, "channel": channel, "ts": ts, "message": {"text": posted.text, "ts": ts}}

    def _update(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel(body.get("channel"))
        found = [m for m in self.messages if m.channel == channel and m.ts == body.get("ts")]
        if not found:
            return {"ok": False, "error": "message_not_found"}
        error = check_message(body)
        if error:
            return {"ok": False, "error": error}
        found[0].text, found[0].blocks = body.get("text", ""), _blocks(body)
        found[0].updates += 1
        return {"ok": True, "channel": channel, "ts": found[0].ts}

    def _list(self, body: dict[str, Any]) -> dict[str, Any]:
        """One channel per page (Slack pages at its own discretion): callers must follow cursors."""
        names = sorted(CHANNELS)
        start = int(body.get("cursor") or 0)
        page = [{"id": CHANNELS[n], "name": n.removeprefix("#")} for n in names[start : start + 1]]
        more = start + 1 < len(names)
        return {
            "ok": True,
            "channels": page,
            "response_metadata": {"next_cursor": str(start + 1) if more else ""},
        }

    def _history(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = body.get("channel")
        if channel not in CHANNELS.values():  # like Slack: an ID, never a #name
            return {"ok": False, "error": "channel_not_found"}
        oldest = float(body.get("oldest") or 0)
        rows = [m for m in self.in_channel(str(channel)) if not m.thread_ts and float(m.ts) > oldest]
        return {"ok": True, "messages": [_render(m, body) for m in reversed(rows)]}

    def _replies(self, body: dict[str, Any]) -> dict[str, Any]:
        channel, parent = str(body.get("channel")), body.get("ts")
        rows = [m for m in self.in_channel(str(channel)) if parent in (m.ts, m.thread_ts)]
        if not rows:
            return {"ok": False, "error": "thread_not_found"}
        return {"ok": True, "messages": [_render(m, body) for m in rows]}

    async def _webhook(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.requests.append(("webhook", body))
        if request.path != WEBHOOK_PATH:
            return web.Response(status=404, text="no_service")
        fault = self._fault("webhook")
        if fault == "429":
            return web.Response(
                status=429, text="rate_limited", headers={"Retry-After": str(self.retry_after)}
            )
        if fault == "500":
            return web.Response(status=500, text="rollup_error")
        if fault in {"hang", "drop"}:
            await self._break(fault, request)
        error = check_message(body)
        if error:
            return web.Response(status=400, text="invalid_blocks" if error != "msg_too_long" else error)
        self.messages.append(
            Posted("webhook", f"w{next(self._ts)}", body.get("text", ""), _blocks(body), None, None)
        )
        return web.Response(text="ok")


def _blocks(body: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = body.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks)


def _render(m: Posted, body: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"type": "message", "ts": m.ts, "text": m.text}
    if m.thread_ts:
        row["thread_ts"] = m.thread_ts
    if m.metadata and str(body.get("include_all_metadata")).lower() in {"1", "true"}:
        row["metadata"] = m.metadata
    return row


def check_message(body: dict[str, Any]) -> str | None:
    """Slack's message limits, answered with the error names Slack uses."""
    text, blocks = body.get("text") or "", _blocks(body)
    if not text and not blocks:
        return "no_text"
    if len(text) > 40_000:
        return "msg_too_long"
    if len(blocks) > 50:
        return "invalid_blocks"
    return next((err for err in map(_check_block, blocks) if err), None)


def _check_block(block: dict[str, Any]) -> str | None:
    kind = block.get("type")
    if kind == "header":
        text = block.get("text") or {}
        if text.get("type") != "plain_text" or not 0 < len(text.get("text", "")) <= 150:
            return "invalid_blocks"
    if kind == "section":
        text, fields = block.get("text"), block.get("fields") or []
        if text is not None and not 0 < len(text.get("text", "")) <= 3000:
            return "invalid_blocks"
        if len(fields) > 10 or any(not 0 < len(f.get("text", "")) <= 2000 for f in fields):
            return "invalid_blocks"
        if text is None and not fields:
            return "invalid_blocks"
    if kind == "context" and not 0 < len(block.get("elements") or []) <= 10:
        return "invalid_blocks"
    if kind == "actions":
        return _check_actions(block)
    return None


def _check_actions(block: dict[str, Any]) -> str | None:
    """Slack's limits for an actions block: 1-25 elements, distinct action ids, menu options."""
    elements = block.get("elements") or []
    ids = [e.get("action_id") for e in elements]
    if not 0 < len(elements) <= 25 or len(set(ids)) != len(ids) or len(block.get("block_id", "")) > 255:
        return "invalid_blocks"
    for element in elements:
        options = element.get("options")
        if element.get("type") == "static_select" and not (
            options and len(options) <= 100
            and all(len(o["text"]["text"]) <= 75 and len(o["value"]) <= 150 for o in options)
        ):  # fmt: skip
            return "invalid_blocks"
        if element.get("type") == "button" and len(element.get("value", "")) > 2000:
            return "invalid_blocks"
    return None
