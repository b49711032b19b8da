"""Sink registry: the ``--sink TYPE[:ARG]`` spec string to a sink instance."""

from __future__ import annotations

from collections.abc import Callable

from monitor.errors import InputError
from monitor.sinks.base import Sink
from monitor.sinks.console import ConsoleSink
from monitor.sinks.jsonl import JsonlSink


class SinkSpecError(InputError, ValueError):
    """A --sink value that names no known sink or lacks its argument."""


def _console(arg: str) -> Sink:
    return ConsoleSink()


def _jsonl(arg: str) -> Sink:
    if not arg:
        raise SinkSpecError("jsonl sink needs a path: --sink jsonl:PATH (or jsonl:- for stdout)")
    return JsonlSink(arg)


def _slack(arg: str, *, dry_run: bool = False) -> Sink:
    """slack[:CHANNEL] from the settings (SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL, MONITOR_SLACK__*)."""
    from monitor.settings import SettingsError
    from monitor.sinks.slack.factory import build_slack_sink

    try:
        return build_slack_sink(arg, dry_run=dry_run)
    except SettingsError as exc:
        raise SinkSpecError(f"--sink slack: {exc}") from None


#: type name -> factory taking the text after the first ':'.
SINK_TYPES: dict[str, Callable[[str], Sink]] = {
    "console": _console,
    "jsonl": _jsonl,
    "slack": _slack,
    "slack-dry": lambda arg: _slack(arg, dry_run=True),
}


def dry_run_specs(specs: tuple[str, ...]) -> tuple[str, ...]:
    """``--dry-run``: every Slack sink renders what it would post instead of calling Slack."""
    return tuple(
        "slack-dry" + spec[len("slack") :] if spec.split(":")[0] == "slack" else spec for spec in specs
    )


def build_sink(spec: str) -> Sink:
    kind, _, arg = spec.partition(":")
    factory = SINK_TYPES.get(kind)
    if factory is None:
        known = ", ".join(sorted(SINK_TYPES))
        raise SinkSpecError(f"unknown sink {kind!r} in --sink {spec!r} (known: {known})")
    return factory(arg)
