"""Sink registry: the ``TYPE[:ARG]`` spec string (``--sink``, ``sinks:``) to a sink instance.

Every sink is built from its spec, the settings and the Redis namespace it may keep state in
(``build_sink(spec, settings, state)``); no sink loads settings or reads the environment itself.
``check_sink`` does the same checks without building, so a command can refuse a bad spec before
it connects to anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from monitor.errors import InputError
from monitor.settings import Settings, SettingsError
from monitor.sinks.base import Sink
from monitor.sinks.console import ConsoleSink
from monitor.sinks.jsonl import JsonlSink
from monitor.sinks.slack.factory import build_slack_sink, slack_settings_for
from monitor.state.namespace import Namespace


class SinkSpecError(InputError, ValueError):
    """A --sink value that names no known sink, lacks its argument or cannot be used."""


def _no_check(arg: str, settings: Settings) -> None:
    return None


@dataclass(frozen=True)
class SinkType:
    """How one ``type:`` builds its sink, and the checks it makes first."""

    build: Callable[[str, Settings, Namespace], Sink]
    check: Callable[[str, Settings], None] = _no_check


def _jsonl_path(arg: str, settings: Settings) -> None:
    if not arg:
        raise SinkSpecError("jsonl sink needs a path: --sink jsonl:PATH (or jsonl:- for stdout)")


def _slack_check(dry_run: bool) -> Callable[[str, Settings], None]:
    def check(arg: str, settings: Settings) -> None:
        try:
            slack_settings_for(arg, settings, dry_run=dry_run)
        except SettingsError as exc:
            raise SinkSpecError(f"--sink slack: {exc}") from None

    return check


def _console(arg: str, settings: Settings, state: Namespace) -> Sink:
    return ConsoleSink()


def _jsonl(arg: str, settings: Settings, state: Namespace) -> Sink:
    return JsonlSink(arg)


def _slack_dry(arg: str, settings: Settings, state: Namespace) -> Sink:
    return build_slack_sink(arg, settings, state, dry_run=True)


#: type name -> how to build it. The names are settings.SINK_KINDS (the sink tests check).
SINK_TYPES: dict[str, SinkType] = {
    "console": SinkType(_console),
    "jsonl": SinkType(_jsonl, _jsonl_path),
    "slack": SinkType(build_slack_sink, _slack_check(dry_run=False)),
    "slack-dry": SinkType(_slack_dry, _slack_check(dry_run=True)),
}


def dry_run_specs(specs: tuple[str, ...]) -> tuple[str, ...]:
    """``--dry-run``: every Slack sink renders what it would post instead of calling Slack."""
    return tuple(
        "slack-dry" + spec[len("slack") :] if spec.split(":")[0] == "slack" else spec for spec in specs
    )


def check_sink(spec: str, settings: Settings) -> SinkType:
    """The spec's sink type once its argument and settings pass; SinkSpecError otherwise."""
    kind, _, arg = spec.partition(":")
    sink_type = SINK_TYPES.get(kind)
    if sink_type is None:
        known = ", ".join(sorted(SINK_TYPES))
        raise SinkSpecError(f"unknown sink {kind!r} in --sink {spec!r} (known: {known})")
    sink_type.check(arg, settings)
    return sink_type


def build_sink(spec: str, settings: Settings, state: Namespace) -> Sink:
    """The sink ``spec`` names, given the settings and the namespace it keeps state in."""
    return check_sink(spec, settings).build(spec.partition(":")[2], settings, state)
