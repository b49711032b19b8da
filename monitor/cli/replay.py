"""``monitor replay``: run saved articles through the whole pipeline, as a shift would have seen them."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import click
import redis
from rich.progress import Progress

from monitor.assembly import assemble
from monitor.cli.common import (
    check_sinks_or_exit,
    fail,
    fail_with,
    load_rules_or_exit,
    log_format_option,
    pipeline_options,
    redis_options,
    redis_or_exit,
    settings,
    setup_logging,
)
from monitor.errors import UnavailableError
from monitor.models import Item
from monitor.outbox.worker import DeliveryWorker
from monitor.pipeline import Pipeline
from monitor.sinks.base import Sink
from monitor.sinks.registry import build_sink, dry_run_specs
from monitor.sources.replay import ReplayError, replay_items
from monitor.state.connection import RedisHealth
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace
from monitor.state.store import RedisStateStore

#: How long a replay waits for a lost Redis to come back before giving up (exit 2).
REDIS_WAIT_S = 300.0


class RedisGoneError(UnavailableError):
    """Redis did not come back within REDIS_WAIT_S."""


@click.command("replay")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@pipeline_options
@redis_options
@log_format_option
@click.option("--fresh", is_flag=True, help="Forget this namespace's state before replaying.")
@click.option(
    "--speed",
    type=float,
    default=None,
    metavar="N",
    help="Replay in real time scaled by N (e.g. 3600: an hour per second).",
)
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
def command(
    paths: tuple[Path, ...],
    rules_dirs: tuple[Path, ...],
    sinks: tuple[str, ...],
    dry_run: bool,
    redis_url: str | None,
    namespace: str,
    data_dir: Path,
    fresh: bool,
    speed: float | None,
    verbose: int,
) -> None:
    """Replay saved articles (text, RSS/Atom, JSON lines) through extraction, rules and sinks."""
    config = settings()
    setup_logging(verbose)
    started = time.monotonic()
    ruleset = load_rules_or_exit(rules_dirs or tuple(config.rules))
    chosen = sinks or tuple(config.sinks)
    specs = check_sinks_or_exit(dry_run_specs(chosen) if dry_run else chosen, config)
    try:
        items = replay_items(paths)
    except ReplayError as exc:
        fail(str(exc))
    if speed is not None and speed <= 0:
        fail("--speed must be a positive number")
    connection = redis_or_exit(redis_url, data_dir)
    state = Namespace(connection.client, Keys(namespace))
    if fresh:  # before the outbox's consumer group is created
        RedisStateStore(state.client, state.keys).reset()
    built = [build_sink(spec, config, state) for spec in specs]
    parts = assemble(state, ruleset, built, extract=config.extract, delivery=config.delivery)
    try:
        health = RedisHealth(connection.client, connection.url)
        asyncio.run(_replay(items, parts.pipeline, parts.worker, built, speed, health))
    except RedisGoneError as exc:
        fail_with(exc)
    finally:
        parts.close()
        connection.close()
    tally = parts.pipeline.tally
    click.echo(
        f"replay: {tally.read} items read, {tally.new} new, {tally.fired} alerts fired, "
        f"{tally.suppressed} duplicates suppressed, {time.monotonic() - started:.2f}s",
        err=True,
    )


#: Items decided per round of the pipeline (three Redis round trips) when not replaying in
#: real time; alerts still come out in the order the items were read.
BATCH = 64


async def _replay(
    items: list[Item],
    pipeline: Pipeline,
    worker: DeliveryWorker,
    sinks: list[Sink],
    speed: float | None,
    health: RedisHealth,
) -> None:
    show = sys.stderr.isatty() and not any(s.name == "console" for s in sinks)
    with Progress(disable=not show, transient=True) as progress:
        task = progress.add_task("replaying", total=len(items))
        previous = None
        for batch in _batches(items, 1 if speed else BATCH):
            item = batch[0]
            if speed and previous and item.published and item.published > previous:
                await asyncio.sleep((item.published - previous).total_seconds() / speed)
            previous = item.published or previous
            await _one(batch, pipeline, worker, health)
            progress.advance(task, len(batch))
    for sink in sinks:
        await sink.close()


def _batches(items: list[Item], size: int) -> list[list[Item]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


async def _one(batch: list[Item], pipeline: Pipeline, worker: DeliveryWorker, health: RedisHealth) -> None:
    """Process and deliver a batch; when Redis goes away, wait for it and do the batch again.

    An item is marked seen only after its decisions, and each decision's dedup claim is atomic
    with its outbox entry, so doing an interrupted batch again never fires an alert twice.
    """
    while True:
        try:
            await pipeline.ingest(batch)
            await worker.drain()
            return
        except redis.RedisError as exc:
            health.lost(exc, f"replay (at item {batch[0].id})")
        try:
            await asyncio.wait_for(health.wait_up(), REDIS_WAIT_S)
        except TimeoutError:
            gone = f"Redis at {health.url} did not come back within {REDIS_WAIT_S:g}s"
            raise RedisGoneError(gone) from None
