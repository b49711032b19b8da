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
from monitor.settings import InteractSettings, Settings, SettingsError
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
    port = config.metrics.port if metrics_port is None else metrics_port
    _check_console_or_exit(config, port)
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
    from monitor.console import build_console  # the Slack console's modules load only for `run`

    service.console = build_console(
        config,
        connection.client,
        Keys(namespace),
        outbox=service.worker.outbox,
        metrics=metrics,
        feeds=feeds,
        rule_ids=lambda: [compiled.rule.id for compiled in service.pipeline.rules.rules],  # after reloads too
    )
    try:
        asyncio.run(_serve(service, metrics, config.metrics.host, port, config.interact))
    except MetricsPortInUseError as exc:
        fail_with(exc)
    finally:
        connection.close()


def _check_console_or_exit(config: Settings, port: int) -> None:
    """The Slack console's settings, checked before anything connects."""
    from monitor.console import check_console

    try:
        check_console(config)
    except SettingsError as exc:
        fail_with(exc)
    if config.interact.enabled and not port and config.interact.port is None:
        fail_with(
            SettingsError(
                "interact.enabled needs an HTTP server: set interact.port, or a metrics port other than 0"
            )
        )


async def _serve(
    service: MonitorService, metrics: Metrics, host: str, port: int, interact: InteractSettings
) -> None:
    """The health endpoint (unless port is 0) and the Slack endpoint, then the service until it stops."""
    from monitor.interact.server import InteractionServer

    endpoint = service.console.endpoint if service.console is not None else None
    shared = endpoint is not None and interact.port is None
    routes = [endpoint.add_routes] if shared and endpoint is not None else []
    server = HealthServer(metrics, service.ready_checks(), host, port, routes) if port else None
    own = InteractionServer(endpoint, interact.host, interact.port or 0) if endpoint and not shared else None
    try:
        for part in (server, own):
            if part is not None:
                await part.start()
    except (MetricsPortInUseError, OSError):
        await service.poller.fetcher.aclose()
        if server is not None:
            await server.stop()
        raise
    try:
        await service.run()
    finally:
        for part in (own, server):
            if part is not None:
                await part.stop()
