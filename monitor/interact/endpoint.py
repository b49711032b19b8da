"""The interactivity endpoint: verify, acknowledge at once, then do the work in the background.

Slack gives an app 3 seconds to answer a click or a command. The handler checks the signature
and the replay guard (one Redis round trip), answers 200, and the work (Redis writes, Web API
calls, modals) runs as a task afterwards. A request that fails the check gets 401 and changes
nothing; a retry or replay of a handled one gets 200 and is not handled again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Protocol

from aiohttp import web

from monitor.interact import payloads
from monitor.interact.actions import ConsoleActions
from monitor.interact.slash import SlashCommands
from monitor.interact.verify import RequestGuard, Verdict
from monitor.sinks.base import DeliveryError

log = logging.getLogger(__name__)

ACTIONS_PATH = "/slack/actions"
COMMANDS_PATH = "/slack/commands"
#: Slack's requests are small; anything larger is not from Slack.
MAX_BODY = 256 * 1024


class InteractionObserver(Protocol):
    """Told the verdict on every request (metrics)."""

    def interaction(self, kind: str, verdict: str) -> None: ...


class InteractionEndpoint:
    """aiohttp handlers for /slack/actions and /slack/commands; ``close`` awaits pending work."""

    def __init__(
        self,
        guard: RequestGuard,
        actions: ConsoleActions,
        commands: SlashCommands,
        observer: InteractionObserver | None = None,
    ) -> None:
        self.guard = guard
        self.actions = actions
        self.commands = commands
        self.observer = observer
        self._tasks: set[asyncio.Task[None]] = set()
        #: Called after each background job ends (tests and benchmarks wait on it).
        self.done: list[Callable[[], None]] = []

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post(ACTIONS_PATH, self._on_action)
        app.router.add_post(COMMANDS_PATH, self._on_command)

    async def close(self, grace: float = 5.0) -> None:
        """Let work in flight finish (bounded by ``grace``) before the service stops."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=grace)

    async def _verified(self, request: web.Request, kind: str) -> tuple[bytes, Verdict]:
        body = await request.content.read(MAX_BODY + 1)
        verdict: Verdict = "bad_signature" if len(body) > MAX_BODY else "ok"
        if verdict == "ok":
            verdict = await asyncio.to_thread(self.guard.check, body, request.headers)
        if self.observer is not None:
            self.observer.interaction(kind, verdict)
        if verdict != "ok":
            retry = request.headers.get("X-Slack-Retry-Num")
            log.info("slack %s request refused: %s%s", kind, verdict, f" (retry {retry})" if retry else "")
        return body, verdict

    async def _on_action(self, request: web.Request) -> web.Response:
        body, verdict = await self._verified(request, "action")
        if verdict != "ok":
            return _refusal(verdict)
        try:
            payload = payloads.interaction(body)
            job = self._action_job(payload)
        except payloads.PayloadError as exc:
            log.warning("slack: interaction not handled: %s", exc)
            return web.Response(status=200)
        if job is not None:
            self._spawn(job)
        return web.Response(status=200)

    def _action_job(self, payload: dict[str, Any]) -> Coroutine[Any, Any, None] | None:
        kind = payload.get("type")
        if kind == "block_actions":
            return self.actions.on_click(payloads.click(payload))
        if kind == "view_submission":
            return self.actions.on_submission(payloads.submission(payload))
        return None  # view_closed and the like: nothing to do

    async def _on_command(self, request: web.Request) -> web.Response:
        body, verdict = await self._verified(request, "command")
        if verdict != "ok":
            return _refusal(verdict)
        self._spawn(self.commands.run(payloads.command(payloads.form(body))))
        return web.Response(status=200)

    def _spawn(self, job: Awaitable[None]) -> None:
        task = asyncio.ensure_future(self._run(job))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, job: Awaitable[None]) -> None:
        try:
            await job
        except DeliveryError as exc:
            log.warning("slack: interaction work failed: %s", exc.reason)
        except Exception as exc:  # a background task must never die silently
            log.warning("slack: interaction work failed: %s", type(exc).__name__)
        finally:
            for callback in self.done:
                callback()


def _refusal(verdict: Verdict) -> web.Response:
    # a duplicate was handled already: 200 so Slack stops retrying; the others are not Slack's
    if verdict == "duplicate":
        return web.Response(status=200)
    return web.Response(status=401, text="invalid request\n")
