"""Options and setup shared by the commands: settings, logging, Redis, rules, clear exits."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import click

from monitor.errors import MonitorError, UnavailableError
from monitor.observability.redact import RedactingFilter
from monitor.rules.loader import load_rules
from monitor.rules.ruleset import RuleSet
from monitor.settings import Settings, SettingsError, load_settings
from monitor.sinks.registry import SinkSpecError, check_sink
from monitor.state.connection import RedisConnection, RedisUnavailableError, connect

DEFAULT_RULES = Path("rules")

#: Exit codes: 1 bad input (rules, config, arguments), 2 a service (Redis) is unreachable or
#: unusable (full, read-only, credentials), 3 alerts were dead-lettered or left in the outbox.
EXIT_INPUT = 1
EXIT_UNAVAILABLE = 2
EXIT_UNDELIVERED = 3


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    click.echo(f"monitor: {message}", err=True)
    sys.exit(code)


def fail_with(error: MonitorError) -> NoReturn:
    """Exit with the error's message and the code its branch of the tree (monitor.errors) has."""
    fail(str(error), EXIT_UNAVAILABLE if isinstance(error, UnavailableError) else EXIT_INPUT)


@dataclass
class Invocation:
    """What one command line loaded: kept in click's context object, never in a module."""

    config_file: Path | None = None
    settings: Settings | None = None
    log_format: str | None = None


def invocation(ctx: click.Context | None = None) -> Invocation:
    """This invocation's state, on the root context (subcommands share it)."""
    root = (ctx or click.get_current_context()).find_root()
    if not isinstance(root.obj, Invocation):
        root.obj = Invocation()
    return root.obj


def settings(ctx: click.Context | None = None) -> Settings:
    """This invocation's settings: config file, .env and environment; exits 1 listing every error."""
    current = invocation(ctx)
    if current.settings is not None:
        return current.settings
    try:
        current.settings = load_settings(current.config_file)
    except SettingsError as exc:
        for line in exc.lines:
            click.echo(line, err=True)
        fail(f"{len(exc.lines)} error(s) in the configuration; nothing was started")
    return current.settings


def _use_config(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    invocation(ctx).config_file = value
    settings(ctx)


def _use_log_format(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    invocation(ctx).log_format = value


def config_option(func: click.decorators.FC) -> click.decorators.FC:
    """--config FILE, read before the other options (their defaults come from it)."""
    return click.option(
        "--config",
        type=click.Path(path_type=Path, dir_okay=False),
        expose_value=False,
        is_eager=True,
        callback=_use_config,
        help="Config file (YAML); default: ./monitor.yaml when present. Env MONITOR_* overrides it.",
    )(func)


def log_format_option(func: click.decorators.FC) -> click.decorators.FC:
    """--log-format text|json (default: log.format in the settings)."""
    return click.option(
        "--log-format",
        type=click.Choice(["text", "json"]),
        expose_value=False,
        callback=_use_log_format,
        help="text for a terminal, json for one JSON object per line (default: log.format).",
    )(func)


def setup_logging(verbose: int, log_format: str | None = None, default: int = logging.WARNING) -> None:
    """Log to stderr at the settings' level (else this command's ``default``) lowered by -v, in
    text or JSON lines."""
    current = invocation()
    base, fmt = default, "text"
    if current.settings is not None:
        chosen = current.settings.log.level
        base = logging.getLevelNamesMapping()[chosen.upper()] if chosen else default
        fmt = current.settings.log.format
    log_format = log_format or current.log_format or fmt
    # -v means at least INFO and -vv DEBUG, whatever the base (monitor run's base is INFO already)
    level = min(base, (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)])
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        from monitor.cli.logjson import JsonFormatter

        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(_secrets(current.settings)))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(max(level, logging.DEBUG))


def check_sinks_or_exit(specs: Iterable[str], config: Settings) -> tuple[str, ...]:
    """The specs, once each names a usable sink (before anything connects); exit 1 otherwise."""
    specs = tuple(specs)
    try:
        for spec in specs:
            check_sink(spec, config)
    except SinkSpecError as exc:
        fail(str(exc))
    return specs


def _secrets(current: object) -> list[str]:
    """The settings' secret values (and REDIS_URL's password), masked in every log line."""
    if not isinstance(current, Settings):
        return []
    slack = current.slack
    found = [s.get_secret_value() for s in (slack.bot_token, slack.webhook_url, slack.signing_secret) if s]
    url = current.redis.url or ""
    password = url.split("://", 1)[-1].split("@", 1)[0].split(":", 1)[-1] if "@" in url else ""
    return [*found, password]


def load_rules_or_exit(paths: Iterable[Path]) -> RuleSet:
    """Load rules; on any error print every one as file:line:col and exit 1."""
    paths = list(paths)
    ruleset, problems = load_rules(paths)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        for problem in errors:
            click.echo(str(problem), err=True)
        missing = not all(path.exists() for path in paths)
        hint = "; `monitor init` writes a rules folder to start from" if missing else ""
        fail(f"{len(errors)} error(s) in rules; nothing was processed{hint}")
    return ruleset


def redis_or_exit(url: str | None, data_dir: Path) -> RedisConnection:
    """Connect to ``url``, else the settings' Redis URL (REDIS_URL), else an embedded Redis."""
    try:
        return connect(url or settings().redis.url or None, data_dir)
    except RedisUnavailableError as exc:
        fail_with(exc)


def redis_options(func: click.decorators.FC) -> click.decorators.FC:
    """--redis, --namespace, --data-dir and --config; the defaults come from the settings."""
    func = click.option(
        "--data-dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=lambda: settings().redis.data_dir,
        help="Where the embedded Redis keeps its data (used when no Redis URL is given) "
        "[default: redis.data_dir, .monitor].",
    )(func)
    func = click.option(
        "--namespace",
        default=lambda: settings().redis.namespace,
        help="Key namespace in Redis [default: redis.namespace, default].",
    )(func)
    func = click.option(
        "--redis",
        "redis_url",
        metavar="URL",
        help="Redis URL (default: redis.url or $REDIS_URL, else an embedded Redis).",
    )(func)
    return config_option(func)


def pipeline_options(func: click.decorators.FC) -> click.decorators.FC:
    """--rules, --sink and --dry-run, shared by the commands that run the pipeline (replay, run)."""
    func = click.option(
        "--dry-run",
        is_flag=True,
        help="Render what Slack sinks would post (Block Kit JSON) without calling Slack.",
    )(func)
    func = click.option(
        "--sink",
        "sinks",
        multiple=True,
        metavar="SPEC",
        help="console, jsonl:PATH, slack[:CHANNEL], slack-dry (repeatable) [default: sinks, console].",
    )(func)
    return click.option(
        "--rules",
        "rules_dirs",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Rules folder or file (repeatable) [default: rules, ./rules].",
    )(func)
