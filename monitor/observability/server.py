"""The small HTTP endpoint: /metrics (Prometheus text), /healthz (alive), /readyz (can work)."""

from __future__ import annotations

import asyncio
import errno
import json
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from monitor.errors import InputError
from monitor.observability.metrics import Metrics

log = logging.getLogger(__name__)

#: name -> a check that is True when that part is ready (Redis reachable, rules loaded, ...).
ReadyCheck = Callable[[], Awaitable[bool]]
#: Adds more routes to the app (the Slack interactivity endpoint, when it shares this server).
Routes = Callable[[web.Application], None]


class MetricsPortInUseError(InputError):
    """The metrics port is taken by another process; the message names host and port."""


class HealthServer:
    """Serves the metrics registry and the health checks; ``start`` binds, ``stop`` unbinds."""

    def __init__(
        self,
        metrics: Metrics,
        checks: Mapping[str, ReadyCheck],
        host: str = "127.0.0.1",
        port: int = 9108,
        routes: Sequence[Routes] = (),
    ) -> None:
        self.metrics = metrics
        self.routes = list(routes)
        self.checks = dict(checks)
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        """Listen on host:port (port 0 picks a free one, see ``port`` afterwards)."""
        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/readyz", self._readyz)
        for add in self.routes:
            add(app)
        runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, reuse_address=False)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            if exc.errno == errno.EADDRINUSE:
                raise MetricsPortInUseError(
                    f"metrics port {self.port} on {self.host} is already in use "
                    "(choose another with --metrics-port or metrics.port; 0 disables the endpoint)"
                ) from None
            raise MetricsPortInUseError(f"cannot listen on {self.host}:{self.port}: {exc.strerror}") from None
        self._runner = runner
        self.port = runner.addresses[0][1]
        log.info("metrics and health on http://%s:%d/metrics", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _metrics(self, request: web.Request) -> web.Response:
        body = await asyncio.to_thread(self.metrics.render)  # outbox gauges ask Redis
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def _healthz(self, request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def _readyz(self, request: web.Request) -> web.Response:
        results = {name: await _safely(check) for name, check in self.checks.items()}
        ready = all(results.values())
        return web.Response(
            text=json.dumps({"ready": ready, "checks": results}) + "\n",
            status=200 if ready else 503,
            content_type="application/json",
        )


async def _safely(check: ReadyCheck) -> bool:
    try:
        return await check()
    except Exception:  # a failing check means not ready, never a 500
        return False
