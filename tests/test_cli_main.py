"""`monitor --help` lists every command without importing any of them (it answers at once)."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import click.testing
import pytest

from monitor.cli.main import COMMANDS, cli
from tests.conftest import ROOT

#: Modules of monitor/cli that are helpers, not commands.
HELPERS = {"__init__", "common", "main", "logjson"}


def test_the_table_names_every_command_module() -> None:
    modules = {p.stem for p in (ROOT / "monitor" / "cli").glob("*.py")} - HELPERS
    assert set(COMMANDS) == modules


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_line_of_the_help_is_the_commands_own_short_help(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None and command.name == name
    assert COMMANDS[name] == command.get_short_help_str(limit=200)


def test_help_imports_no_command_and_none_of_the_heavy_libraries() -> None:
    probe = (
        "import sys\n"
        "from monitor.cli.main import main\n"
        "sys.argv = ['monitor', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "import json\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "Commands:" in done.stdout and "demo" in done.stdout
    assert not {f"monitor.cli.{name}" for name in COMMANDS} & loaded
    assert not {"redis", "aiohttp", "httpx", "feedparser", "pydantic", "rich", "yaml"} & loaded


def test_an_unknown_command_is_a_usage_error() -> None:
    result = click.testing.CliRunner().invoke(cli, ["nope"])
    assert result.exit_code == 2 and "No such command 'nope'" in result.output
