"""``monitor run``: poll the configured feeds on a schedule and deliver alerts until stopped."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import click
import redis

from monitor.cli.common import (
    EXIT_UNAVAILABLE,
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
from monitor.cli.feeds import load_feeds_or_exit
from monitor.observability.metrics import Metrics
from monitor.observability.redact import installed
from monitor.observability.server import HealthServer, MetricsPortInUseError
from monitor.rules.reload import RulesReloader
from monitor.service import Extras, MonitorService, ServiceTimings
from monitor.sinks.registry import build_sink, dry_run_specs
from monitor.sources.feeds.limits import FetchLimits
from monitor.sources.feeds.outbound import OutboundPolicy
from monitor.state.connection import mask_url
from monitor.state.errors import classify
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace


@click.command("run")
@click.option(
    "--feeds",
    "feeds_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Feeds file (YAML) [default: feeds, feeds.yaml].",
)
@pipeline_options
@redis_options
@click.option(
    "--metrics-port",
    type=click.IntRange(0, 65535),
    help="Port of /metrics, /healthz and /readyz; 0 disables [default: metrics.port, 9108].",
)
@click.option(
    "--consumer",
    metavar="NAME",
    help="This replica's outbox consumer name [default: service.consumer_name, hostname-pid].",
)
@log_format_option
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
def command(
    feeds_path: Path | None,
    rules_dirs: tuple[Path, ...],
    sinks: tuple[str, ...],
    dry_run: bool,
    redis_url: str | None,
    namespace: str,
    data_dir: Path,
    metrics_port: int | None,
    consumer: str | None,
    verbose: int,
) -> None:
    """Poll RSS/Atom feeds and alert on new items; reloads feeds and rules live, stops on SIGTERM.

    Any number of replicas may run against one Redis: each feed is polled by one replica at a
    time (a lease per feed) and each alert is delivered once (the outbox consumer group).
    """
    config = settings()
    setup_logging(verbose, default=logging.INFO)  # the service's summary line a minute is INFO
    if verbose < 2:  # APScheduler and httpx log every job run and request at INFO: debug only
        for noisy in ("apscheduler", "httpx"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
    feeds_file = feeds_path or config.feeds
    feeds = load_feeds_or_exit(feeds_file)
    redactor = installed()
    if redactor is not None:  # configured header values (tokens) never reach a log line
        redactor.add(value for feed in feeds for value in feed.headers.values())
    rules_paths = rules_dirs or tuple(config.rules)
    ruleset = load_rules_or_exit(rules_paths)
    chosen = sinks or tuple(config.sinks)
    specs = check_sinks_or_exit(dry_run_specs(chosen) if dry_run else chosen, config)
    connection = redis_or_exit(redis_url, data_dir)
    built = [build_sink(spec, config, Namespace(connection.client, Keys(namespace))) for spec in specs]
    metrics = Metrics()
    extras = Extras(metrics=metrics, reloader=RulesReloader(rules_paths), redis_url=connection.url)
    timings = ServiceTimings.from_settings(config)
    name = consumer or config.service.consumer()
    try:
        service = MonitorService.assemble(
            connection.client, Keys(namespace), ruleset, built, feeds_file, feeds,
            limits=FetchLimits(outbound=OutboundPolicy.allowing(config.outbound.allow)),
            timings=timings, extract=config.extract, consumer=name, replicas=True, extras=extras,
        )  # fmt: skip
    except redis.RedisError as exc:  # a full or read-only Redis refusing the outbox group
        connection.close()
        fail(classify(exc, mask_url(connection.url)).message, EXIT_UNAVAILABLE)
    port = config.metrics.port if metrics_port is None else metrics_port
    try:
        asyncio.run(_serve(service, metrics, config.metrics.host, port))
    except MetricsPortInUseError as exc:
        fail_with(exc)
    finally:
        connection.close()


async def _serve(service: MonitorService, metrics: Metrics, host: str, port: int) -> None:
    """The health endpoint (unless port is 0), then the service until it stops."""
    server = HealthServer(metrics, service.ready_checks(), host, port) if port else None
    if server is not None:
        try:
            await server.start()
        except MetricsPortInUseError:
            await service.poller.fetcher.aclose()
            raise
    try:
        await service.run()
    finally:
        if server is not None:
            await server.stop()
