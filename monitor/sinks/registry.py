"""Sink registry: the ``--sink TYPE[:ARG]`` spec string to a sink instance."""

from __future__ import annotations

from collections.abc import Callable

from monitor.sinks.base import Sink
from monitor.sinks.console import ConsoleSink
from monitor.sinks.jsonl import JsonlSink


class SinkSpecError(ValueError):
    """A --sink value that names no known sink or lacks its argument."""


def _console(arg: str) -> Sink:
    return ConsoleSink()


def _jsonl(arg: str) -> Sink:
    if not arg:
        raise SinkSpecError("jsonl sink needs a path: --sink jsonl:PATH (or jsonl:- for stdout)")
    return JsonlSink(arg)


#: type name -> factory taking the text after the first ':'.
SINK_TYPES: dict[str, Callable[[str], Sink]] = {
    "console": _console,
    "jsonl": _jsonl,
}


def build_sink(spec: str) -> Sink:
    kind, _, arg = spec.partition(":")
    factory = SINK_TYPES.get(kind)
    if factory is None:
        known = ", ".join(sorted(SINK_TYPES))
        raise SinkSpecError(f"unknown sink {kind!r} in --sink {spec!r} (known: {known})")
    return factory(arg)
