"""The ``monitor`` command: the command groups below, each imported only when it runs.

``monitor --help`` lists them from this table without importing any (so it answers in tens of
milliseconds); ``monitor NAME ...`` imports ``monitor.cli.NAME`` alone.
"""

from __future__ import annotations

import importlib

import click

from monitor import __version__

#: Every top-level command: module under monitor.cli -> its one-line help. Adding a command is
#: one module and one entry here (tests/test_cli.py checks each line is the command's own short help).
COMMANDS: dict[str, str] = {
    "replay": (
        "Replay saved articles (text, RSS/Atom/JSON feeds, JSON lines) through extraction, rules and sinks."
    ),
    "extract": "Extract facts (strikes, troops, weapons, casualties) from articles.",
    "eval": "Score the extractor on the labeled cases at PATH (default: the --split folder).",
    "feeds": "Inspect the configured feeds; import and export them as OPML.",
    "run": "Poll RSS/Atom feeds and alert on new items; reloads feeds and rules live, stops on SIGTERM.",
    "outbox": "The durable outbox between the rules and the sinks (Slack, JSON lines, console).",
    "rules": "Check, test and explain analyst rules.",
    "backtest": "Run the rules over saved articles and print hits, first and last hit and examples per rule.",
    "stories": "Stories: the items about one event joined (copies, other outlets, revisions).",
    "silence": "Silences: matching alerts are held back (reason 'silenced') until the silence ends.",
    "config": "Inspect the configuration.",
    "init": "Write monitor.yaml, feeds.yaml and rules/ (commented, to edit) into DIRECTORY [default: .].",
    "demo": "Serve a saved corpus [default: seeds/] as a feed on loopback and run the service on it.",
    "feedback": "Feedback from the Wrong button: list it, or export it as evaluation cases.",
    "digest": "Print the digest the service posts each morning; --png writes its chart.",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use; help lists them from COMMANDS."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.commands:
            self.add_command(_load(cmd_name), cmd_name)
        return self.commands[cmd_name]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl(list(COMMANDS.items()))


def _load(name: str) -> click.Command:
    """The command of monitor.cli.NAME; an analyst's broken extractor data file ends the run
    with its positioned problems (imported late: yaml is not needed for --help)."""
    try:
        module = importlib.import_module(f"monitor.cli.{name}")
    except Exception as exc:
        from monitor.yamldoc import ProblemsError

        if isinstance(exc, ProblemsError):
            raise SystemExit(f"{exc}\n{len(exc.problems)} error(s) in the extractor's data files") from None
        raise
    command: click.Command = module.command
    return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="monitor")
def cli() -> None:
    """Streaming news alert monitor for the Russia-Ukraine war."""


def main() -> None:
    cli(prog_name="monitor")
