"""``monitor outbox``: inspect the delivery outbox, re-queue dead letters, run a delivery worker."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import click

from monitor.assembly import delivery_worker
from monitor.cli.common import (
    check_sinks_or_exit,
    fail,
    redis_options,
    redis_or_exit,
    settings,
    setup_logging,
)
from monitor.outbox.stream import RedisOutbox
from monitor.outbox.worker import DeliveryWorker
from monitor.settings import DeliverySettings
from monitor.sinks.base import Sink
from monitor.sinks.registry import build_sink
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace


@click.group("outbox")
def command() -> None:
    """The durable outbox between the rules and the sinks (Slack, JSON lines, console)."""


@command.command("status")
@redis_options
@click.option("--limit", default=50, show_default=True, help="Dead letters to list.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
def status(redis_url: str | None, namespace: str, data_dir: Path, limit: int, as_json: bool) -> None:
    """Depth, pending entries per consumer, and dead letters with their reason."""
    connection = redis_or_exit(redis_url, data_dir)
    try:
        outbox = RedisOutbox(connection.client, Keys(namespace), consumer="status")
        depth, pending = outbox.depth(), outbox.pending()
        total_dead, letters = outbox.dead_letter_count(), outbox.dead_letters(limit)
    finally:
        connection.close()
    if as_json:
        report = {
            "namespace": namespace,
            "depth": depth,
            "pending": pending.count,
            "consumers": pending.consumers,
            "max_idle_ms": pending.max_idle_ms,
            "dead_letters": total_dead,
            "dead": [
                {"id": d.entry_id, "at": d.at.isoformat(), "sink": d.sink, "rule": d.alert.rule,
                 "alert_id": d.alert.alert_id, "title": d.alert.title, "reason": d.reason}
                for d in letters
            ],
        }  # fmt: skip
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    click.echo(f"outbox {namespace}: {depth} waiting ({depth - pending.count} new, {pending.count} pending)")
    if pending.count:
        held = ", ".join(f"{name}: {n}" for name, n in sorted(pending.consumers.items()))
        click.echo(f"pending: {held}; longest idle {pending.max_idle_ms / 1000:.1f}s")
    click.echo(f"dead letters: {total_dead}")
    for d in letters:
        when = d.at.strftime("%Y-%m-%d %H:%M:%S")
        click.echo(f"  {d.entry_id}  {when}  {d.sink}  {d.alert.rule}  {d.reason}")
        click.echo(f"      {d.alert.title}")
    if total_dead > len(letters):
        click.echo(f"  ... {total_dead - len(letters)} more (--limit)")


@command.command("retry")
@click.argument("entry_ids", nargs=-1)
@click.option("--all", "everything", is_flag=True, help="Re-queue every dead letter.")
@redis_options
def retry(
    entry_ids: tuple[str, ...], everything: bool, redis_url: str | None, namespace: str, data_dir: Path
) -> None:
    """Put dead letters (by id, or --all) back in the outbox for the failed sink only."""
    if not entry_ids and not everything:
        fail("name dead-letter ids (see `monitor outbox status`) or pass --all")
    connection = redis_or_exit(redis_url, data_dir)
    try:
        outbox = RedisOutbox(connection.client, Keys(namespace), consumer="retry")
        moved = outbox.requeue(None if everything else list(entry_ids))
    finally:
        connection.close()
    click.echo(f"re-queued {moved} dead letter(s); run a delivery worker to send them")


@command.command("deliver")
@click.option("--sink", "sinks", multiple=True, metavar="SPEC", help="slack, jsonl:PATH, console...")
@redis_options
@click.option("--consumer", default="worker-1", show_default=True, help="Consumer name in the group.")
@click.option(
    "--claim-idle",
    type=float,
    default=DeliverySettings().claim_idle,
    show_default=True,
    help="Take over entries another consumer has held this many seconds.",
)
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
def deliver(
    sinks: tuple[str, ...],
    redis_url: str | None,
    namespace: str,
    data_dir: Path,
    consumer: str,
    claim_idle: float,
    verbose: int,
) -> None:
    """Deliver everything waiting in the outbox, then exit (retrying failures with backoff)."""
    setup_logging(verbose)
    config = settings()
    specs = check_sinks_or_exit(sinks or ("console",), config)
    connection = redis_or_exit(redis_url, data_dir)
    try:
        state = Namespace(connection.client, Keys(namespace))
        built = [build_sink(spec, config, state) for spec in specs]
        delivery = config.delivery.model_copy(update={"claim_idle": claim_idle})
        worker = delivery_worker(state, built, delivery, consumer=consumer)
        asyncio.run(_drain(worker, built))
    finally:
        connection.close()
    stats = worker.stats
    click.echo(
        f"outbox: {stats.delivered} delivered, {stats.retried} retried, {stats.dead_lettered} dead-lettered",
        err=True,
    )


async def _drain(worker: DeliveryWorker, sinks: list[Sink]) -> None:
    try:
        await worker.drain()
    finally:
        for sink in sinks:
            await sink.close()
