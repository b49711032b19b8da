"""The /readyz checks of a running service: Redis reachable, rules loaded, scheduler running."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from monitor.observability.server import ReadyCheck

if TYPE_CHECKING:
    from monitor.service import MonitorService


def readiness(service: MonitorService) -> dict[str, ReadyCheck]:
    """name -> check, for HealthServer; each answers False rather than raising."""

    async def redis_ready() -> bool:
        return service.health.up and await asyncio.to_thread(service.health.ping)

    async def rules_ready() -> bool:
        return bool(service.pipeline.rules.rules)

    async def scheduler_ready() -> bool:
        return bool(service.scheduler.scheduler.running) and not service.stopping

    return {"redis": redis_ready, "rules": rules_ready, "scheduler": scheduler_ready}
