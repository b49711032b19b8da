"""``monitor replay``: run saved articles through the whole pipeline, as a shift would have seen them."""

from __future__ import annotations

import asyncio
import functools
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import click
import redis
from rich.progress import Progress

from monitor.assembly import assemble
from monitor.cli.common import (
    EXIT_UNAVAILABLE,
    EXIT_UNDELIVERED,
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
from monitor.state.connection import RedisHealth, mask_url
from monitor.state.errors import classify
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace
from monitor.state.store import RedisStateStore
from monitor.tools.lookahead import LookaheadExtractor

#: How long a replay waits for a lost Redis to come back before giving up (exit 2).
REDIS_WAIT_S = 300.0
#: How long a replay keeps retrying a failing sink (Slack down) before leaving its alerts in the
#: outbox for `monitor outbox deliver` (the delivery of a healthy sink is not cut short by it).
DELIVER_WITHIN_S = 60.0


class RedisGoneError(UnavailableError):
    """Redis did not come back within REDIS_WAIT_S, or failed in a way waiting does not heal
    (full, read-only, credentials, a key of the wrong type)."""


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
@click.option(
    "--deliver-within",
    type=click.FloatRange(min=0),
    default=DELIVER_WITHIN_S,
    show_default=True,
    metavar="SECONDS",
    help="Stop retrying failing sinks after this long; what is left stays in the outbox.",
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
    deliver_within: float,
    verbose: int,
) -> None:
    """Replay saved articles (text, RSS/Atom/JSON feeds, JSON lines) through extraction, rules and sinks."""
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
    # the extraction pool, a batch ahead of the decisions (as backtests do); decisions in order
    ahead = LookaheadExtractor(config.extract)
    try:
        if fresh:  # before the outbox's consumer group is created
            RedisStateStore(state.client, state.keys).reset()
        built = [build_sink(spec, config, state) for spec in specs]
        parts = assemble(
            state, ruleset, built, extract=config.extract, delivery=config.delivery, extractor=ahead
        )
    except redis.RedisError as exc:  # a full or read-only Redis refusing the outbox group
        connection.close()
        ahead.close()
        fail(classify(exc, mask_url(connection.url)).message, EXIT_UNAVAILABLE)
    try:
        health = RedisHealth(connection.client, connection.url, probe_key=state.keys.health_probe())
        deadline = parts.worker.clock() + deliver_within
        run = Run(parts.pipeline, parts.worker, built, health, deadline, ahead)
        asyncio.run(_replay(items, run, speed))
        left = parts.worker.outbox.depth()
    except redis.RedisError as exc:  # outside a batch (a full Redis refusing the outbox read)
        fail(classify(exc, mask_url(connection.url)).message, EXIT_UNAVAILABLE)
    except RedisGoneError as exc:
        fail_with(exc)
    finally:
        parts.close()
        ahead.close()
        connection.close()
    tally = parts.pipeline.tally
    pooled = f", {ahead.ahead} extracted ahead in {ahead.workers} workers" if ahead.ahead else ""
    click.echo(
        f"replay: {tally.read} items read, {tally.new} new, {tally.fired} alerts fired, "
        f"{tally.suppressed} duplicates suppressed, {time.monotonic() - started:.2f}s{pooled}",
        err=True,
    )
    _undelivered(parts.worker.stats["dead_lettered"], left, deliver_within)


def _undelivered(dead: int, left: int, within: float) -> None:
    """Say what was not delivered and how to send it; exit 3 when anything was not."""
    if left:
        click.echo(
            f"replay: {left} alert(s) left in the outbox (a sink did not take them within "
            f"{within:g}s): `monitor outbox deliver --sink SPEC` sends them",
            err=True,
        )
    if dead:
        click.echo(
            f"replay: {dead} alert(s) dead-lettered (see `monitor outbox status`; "
            "`monitor outbox retry --all` puts them back)",
            err=True,
        )
    if dead or left:
        sys.exit(EXIT_UNDELIVERED)


#: Items decided per round of the pipeline (three Redis round trips) when not replaying in
#: real time; alerts still come out in the order the items were read.
BATCH = 64


@dataclass(frozen=True)
class Run:
    """What one replay runs through."""

    pipeline: Pipeline
    worker: DeliveryWorker
    sinks: list[Sink]
    health: RedisHealth
    deadline: float
    ahead: LookaheadExtractor


async def _replay(items: list[Item], run: Run, speed: float | None) -> None:
    show = sys.stderr.isatty() and not any(s.name == "console" for s in run.sinks)
    pipeline = run.pipeline
    try:
        with Progress(disable=not show, transient=True) as progress:
            task = progress.add_task("replaying", total=len(items))
            previous = None
            batches = _batches(items, 1 if speed else BATCH)
            for number, batch in enumerate(batches):
                item = batch[0]
                if speed and previous and item.published and item.published > previous:
                    await asyncio.sleep((item.published - previous).total_seconds() / speed)
                previous = item.published or previous
                # on the ingest thread, the one that takes the results
                await pipeline.on_ingest_thread(functools.partial(run.ahead.submit_next, batches, number))
                await _one(batch, run)
                progress.advance(task, len(batch))
            # the end of a replay is a tick: alerts held for corroboration whose max_hold ended
            # by now fire single-source, as the service would fire them
            if await pipeline.on_ingest_thread(pipeline.release_holds):
                await run.worker.drain(until=run.deadline)
    finally:  # also when Redis stops the replay: what was written is flushed and closed
        for sink in run.sinks:
            await sink.close()


def _batches(items: list[Item], size: int) -> list[list[Item]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


async def _one(batch: list[Item], run: Run) -> None:
    """Process and deliver a batch; when Redis goes away, wait for it and do the batch again.

    An item is marked seen only after its decisions, and each decision's dedup claim is atomic
    with its outbox entry, so doing an interrupted batch again never fires an alert twice.
    """
    health = run.health
    while True:
        try:
            await run.pipeline.ingest(batch)
            await run.worker.drain(until=run.deadline)
            return
        except redis.RedisError as exc:
            problem = classify(exc, health.url)
            if problem.kind != "unreachable":  # waiting does not make room or fix a password
                raise RedisGoneError(f"{problem.message}; replay stopped at item {batch[0].id}") from None
            health.lost(exc, f"replay (at item {batch[0].id})")
        try:
            await asyncio.wait_for(health.wait_up(), REDIS_WAIT_S)
        except TimeoutError:
            gone = f"Redis at {health.url} did not come back within {REDIS_WAIT_S:g}s"
            raise RedisGoneError(gone) from None
