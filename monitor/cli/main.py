"""The ``monitor`` command: assembles the command groups registered below."""

from __future__ import annotations

import click

from monitor import __version__

#: Every top-level command, by module. Adding a command is one module and one entry here.
COMMAND_MODULES: tuple[str, ...] = (
    "replay",
    "extract",
    "eval",
    "feeds",
    "run",
    "outbox",
    "rules",
    "backtest",
    "silence",
    "config",
    "init",
    "demo",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="monitor")
def cli() -> None:
    """Streaming news alert monitor for the Russia-Ukraine war."""


def _register() -> None:
    import importlib

    from monitor.yamldoc import ProblemsError

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"monitor.cli.{name}")
        except ProblemsError as exc:  # an analyst's edit broke a data file (extract/vocab/*.yaml)
            raise SystemExit(f"{exc}\n{len(exc.problems)} error(s) in the extractor's data files") from None
        cli.add_command(module.command)


_register()


def main() -> None:
    cli(prog_name="monitor")
