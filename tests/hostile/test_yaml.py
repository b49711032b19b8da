"""Hostile YAML in rules, feeds and settings: one positioned line each, at once, and a reloader
that keeps its last good rules whatever a file does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.rules.reload import RulesReloader

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)
DEEP_WHEN = "rules:\n  - id: deep\n    title: t\n    type: any\n    fact: item\n    when:\n" + "".join(
    "      " + "  " * i + "not:\n" for i in range(3000)
)
#: (name, file content, the error expected on its one line)
HOSTILE = [
    ("alias-bomb", ALIAS_BOMB, ":2:8: aliases expand to more than 100000 values"),
    ("nested-brackets", "[" * 100_000, ":1:"),
    ("deep-when", DEEP_WHEN, "nested deeper than 64 levels"),
    ("nul-byte", "rules:\n  - id: a\x00b\n", ":2:10: control character U+0000 is not allowed"),
    ("escape-char", "feeds: []\n# \x1b[31m\n", ":2:3: control character U+001B"),
    ("python-tag", "x: !!python/object/apply:os.system [ls]\n", ":1:4: cannot read value"),
    ("huge-scalar", "x: '" + "A" * 300_000 + "'\n", ":1:4: value longer than 262144 characters"),
    ("two-documents", "a: 1\n---\nb: 2\n", ":2:1: one YAML document per file"),
    ("not-utf8", "a: \xff\n", ":1:4: not UTF-8 text"),
]
COMMANDS = {
    "rules": lambda p: ["rules", "check", "--no-examples", str(p)],
    "feeds": lambda p: ["feeds", "list", "--feeds", str(p)],
    "settings": lambda p: ["config", "show", "--config", str(p)],
}


def _write(path: Path, text: str) -> None:
    path.write_bytes(
        text.encode("utf-8", "surrogateescape") if "\xff" not in text else text.encode("latin-1")
    )


@pytest.mark.timeout(20)
@pytest.mark.parametrize("kind", sorted(COMMANDS))
@pytest.mark.parametrize(("name", "text", "expected"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_yaml_is_one_positioned_line(
    tmp_path: Path, kind: str, name: str, text: str, expected: str
) -> None:
    path = tmp_path / f"{name}.yaml"
    _write(path, text)
    result = CliRunner().invoke(cli, COMMANDS[kind](path))
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.startswith((str(path), path.name))]
    assert len(lines) == 1, result.output
    assert expected in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.timeout(20)
@pytest.mark.parametrize("special", ["fifo", "dev-zero"])
def test_a_rules_file_that_is_a_fifo_or_a_device_is_refused_without_reading(
    tmp_path: Path, special: str
) -> None:
    path = tmp_path / "rules.yaml"
    if special == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    result = CliRunner().invoke(cli, ["rules", "check", "--no-examples", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{path}:1:1: cannot read file: " in result.output
    assert "not a regular file" in result.output


@pytest.mark.timeout(20)
@pytest.mark.parametrize(("name", "text", "expected"), HOSTILE[:4], ids=[h[0] for h in HOSTILE[:4]])
def test_the_reloader_keeps_the_last_good_rules_and_counts_each_failure(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("rules:\n  - {id: good, title: t, type: any, fact: item}\n")
    reloader = RulesReloader([tmp_path])
    before = reloader.current
    assert before is not None and reloader.failures == 0
    _write(tmp_path / f"{name}.yaml", text)
    assert reloader.check() is None
    assert reloader.current is before
    assert reloader.failures == 1
    (tmp_path / "fifo.yaml").unlink(missing_ok=True)
    os.mkfifo(tmp_path / "fifo.yaml")  # a FIFO dropped in the folder: no hang, one more failure
    assert reloader.check() is None
    assert reloader.failures == 2 and reloader.current is before
