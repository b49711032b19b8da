"""Options and setup shared by the commands: logging, Redis, rules, exits with clear messages."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

import click

from monitor.rules.loader import load_rules
from monitor.rules.ruleset import RuleSet
from monitor.state.connection import RedisConnection, RedisUnavailableError, connect

DEFAULT_RULES = Path("rules")
DEFAULT_DATA_DIR = Path(".monitor")

#: Exit codes: 1 bad input (rules, config, arguments), 2 a service (Redis) is unreachable.
EXIT_INPUT = 1
EXIT_UNAVAILABLE = 2


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    click.echo(f"monitor: {message}", err=True)
    sys.exit(code)


def setup_logging(verbose: int, log_format: str = "text") -> None:
    level = logging.WARNING - 10 * verbose
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        from monitor.cli.logjson import JsonFormatter

        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(max(level, logging.DEBUG))


def load_rules_or_exit(paths: Iterable[Path]) -> RuleSet:
    """Load rules; on any error print every one as file:line:col and exit 1."""
    ruleset, problems = load_rules(list(paths))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        for problem in errors:
            click.echo(str(problem), err=True)
        fail(f"{len(errors)} error(s) in rules; nothing was processed")
    return ruleset


def redis_or_exit(url: str | None, data_dir: Path) -> RedisConnection:
    try:
        return connect(url or os.environ.get("REDIS_URL") or None, data_dir)
    except RedisUnavailableError as exc:
        fail(str(exc), EXIT_UNAVAILABLE)


def redis_options(func: click.decorators.FC) -> click.decorators.FC:
    """--redis, --namespace and --data-dir, in that order."""
    func = click.option(
        "--data-dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=DEFAULT_DATA_DIR,
        show_default=True,
        help="Where the embedded Redis keeps its data (used when no Redis URL is given).",
    )(func)
    func = click.option("--namespace", default="default", show_default=True, help="Key namespace in Redis.")(
        func
    )
    return click.option(
        "--redis", "redis_url", metavar="URL", help="Redis URL (default: $REDIS_URL, else embedded)."
    )(func)
