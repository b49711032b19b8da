"""``monitor run``: poll the configured feeds on a schedule and deliver alerts until stopped."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import click

from monitor.cli.common import (
    DEFAULT_RULES,
    fail,
    load_rules_or_exit,
    redis_options,
    redis_or_exit,
    setup_logging,
)
from monitor.cli.feeds import feeds_option, load_feeds_or_exit
from monitor.service import MonitorService
from monitor.sinks.registry import SinkSpecError, build_sink
from monitor.state.keys import Keys


@click.command("run")
@feeds_option
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Rules folder or file (repeatable; default: ./rules).",
)
@click.option(
    "--sink",
    "sinks",
    multiple=True,
    metavar="SPEC",
    help="console, jsonl:PATH (repeatable; default: console).",
)
@redis_options
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
def command(
    feeds_path: Path,
    rules_dirs: tuple[Path, ...],
    sinks: tuple[str, ...],
    redis_url: str | None,
    namespace: str,
    data_dir: Path,
    verbose: int,
) -> None:
    """Poll RSS/Atom feeds and alert on new items; reloads the feeds file live, stops on SIGTERM."""
    setup_logging(verbose)
    if verbose < 2:  # APScheduler logs every job run at INFO; one summary line per cycle is ours
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
    feeds = load_feeds_or_exit(feeds_path)
    ruleset = load_rules_or_exit(rules_dirs or (DEFAULT_RULES,))
    try:
        built = [build_sink(spec) for spec in sinks or ("console",)]
    except SinkSpecError as exc:
        fail(str(exc))
    connection = redis_or_exit(redis_url, data_dir)
    try:
        service = MonitorService.assemble(
            connection.client, Keys(namespace), ruleset, built, feeds_path, feeds
        )
        asyncio.run(service.run())
    finally:
        connection.close()
