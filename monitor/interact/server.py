"""The interactivity endpoint on a port of its own (interact.port), when it does not share /metrics."""

from __future__ import annotations

import logging

from aiohttp import web

from monitor.interact.endpoint import InteractionEndpoint

log = logging.getLogger(__name__)


class InteractionServer:
    """Serves /slack/actions and /slack/commands; ``start`` binds (port 0: any free), ``stop`` unbinds."""

    def __init__(self, endpoint: InteractionEndpoint, host: str = "127.0.0.1", port: int = 0) -> None:
        self.endpoint = endpoint
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def start(self) -> None:
        app = web.Application()
        self.endpoint.add_routes(app)
        runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, reuse_address=False)
        try:
            await site.start()
        except OSError:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = runner.addresses[0][1]
        log.info("slack interactivity on %s/slack/actions and /slack/commands", self.url)

    async def stop(self) -> None:
        if self._runner is not None:
            await self.endpoint.close()
            await self._runner.cleanup()
            self._runner = None
