"""The README's shell blocks, run as a new user would: every command either runs here or is
checked against the file it names (Docker commands: docker-compose.yml; `make check` is this run).

Commands run in one session whose working directory carries over (``cd``), with the built wheel
installed in a fresh virtual environment standing in for ``. .venv/bin/activate``. Long-running
commands (``monitor run``, ``monitor demo``, ``make demo``) run until they are up, then get SIGTERM.
"""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import signal
import socket
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.installed import Installed

pytestmark = pytest.mark.timeout(600)

README = (ROOT / "README.md").read_text(encoding="utf-8")
SHELL_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.S | re.M)


def readme_commands() -> list[str]:
    """Every command of the README's ``sh`` blocks, in order, without its trailing comment."""
    commands = []
    for block in SHELL_BLOCK.findall(README):
        for line in block.splitlines():
            command = re.split(r"\s+#\s", line, maxsplit=1)[0].strip()
            if command and not command.startswith("#"):
                commands.append(command)
    return commands


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@dataclass
class Session:
    """A user's shell: a working directory that ``cd`` changes, the installed wheel on PATH."""

    installed: Installed
    cwd: Path
    data: Path
    ran: list[str] = field(default_factory=list)

    def env(self, **extra: str) -> dict[str, str]:
        return self.installed.env(MONITOR_SERVICE__SHUTDOWN_GRACE="2s", **extra)

    async def run(self, command: str) -> None:
        argv = shlex.split(command)
        handler = {
            ".": self._activate, "cd": self._cd, "make": self._make, "monitor": self._monitor,
            "docker": self._docker,
        }.get(argv[0])  # fmt: skip
        assert handler is not None, f"README command not covered by tests/test_readme.py: {command}"
        await handler(argv)
        self.ran.append(command)

    async def _activate(self, argv: list[str]) -> None:
        assert argv[1] == ".venv/bin/activate"
        assert "VENV ?= .venv" in (ROOT / "Makefile").read_text()  # what `make` installs into

    async def _cd(self, argv: list[str]) -> None:
        self.cwd = (self.cwd / argv[1]).resolve()
        assert self.cwd.is_dir(), argv

    async def _make(self, argv: list[str]) -> None:
        target = argv[1]
        makefile = (ROOT / "Makefile").read_text()
        assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"no make target {target}"
        if target == "check":  # the README's test command is this very run; CI runs it as .ci/run
            assert "make check" in (ROOT / ".ci" / "run").read_text()
            return
        env = {**self.env(), "PATH": os.environ["PATH"], "MONITOR_REDIS__DATA_DIR": str(self.data)}
        env.pop("VIRTUAL_ENV", None)
        if target == "demo":
            await _until_up(["make", "demo"], ROOT, env, lambda out, err: "demo: 13 articles on" in err)
            return
        done = await _finish(["make", target], ROOT, env)
        assert done[0] == 0, done[2]
        if target == "replay":
            assert "13 items read, 13 new, 8 alerts fired" in done[2]

    async def _monitor(self, argv: list[str]) -> None:
        command = str(self.installed.monitor)
        if argv[1] == "run":
            port = _free_port()
            env = self.env(MONITOR_METRICS__PORT=str(port), MONITOR_REDIS__DATA_DIR=str(self.data))
            await _until_up([command, *argv[1:]], self.cwd, env, lambda out, err: _healthy(port))
            return
        code, out, err = await _finish([command, *argv[1:]], self.cwd, self.env())
        assert code == 0, f"{' '.join(argv)}: {out}{err}"

    async def _docker(self, argv: list[str]) -> None:
        assert argv[:2] == ["docker", "compose"]
        compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
        services, rest = compose["services"], argv[2:]
        if "--profile" in rest:
            profile = rest[rest.index("--profile") + 1]
            assert any(profile in s.get("profiles", []) for s in services.values()), profile
        if "--scale" in rest:
            name, count = rest[rest.index("--scale") + 1].split("=")
            published = services[name]["ports"][0].split(":")[1]
            low, _, high = published.partition("-")
            assert int(high or low) - int(low) + 1 >= int(count), "one published port per replica"
        assert "up" in rest


async def _finish(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        *argv, cwd=cwd, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await asyncio.wait_for(process.communicate(), 300)
    return process.returncode or 0, out.decode(), err.decode()


async def _until_up(argv: list[str], cwd: Path, env: dict[str, str], up: object) -> None:
    """Start a long-running command, wait until ``up(stdout, stderr)``, then SIGTERM its group."""
    assert callable(up)
    out_path, err_path = cwd / f".readme-{os.getpid()}.out", cwd / f".readme-{os.getpid()}.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        process = await asyncio.create_subprocess_exec(
            *argv, cwd=cwd, env=env, stdout=out, stderr=err, start_new_session=True
        )
    deadline = time.monotonic() + 60
    try:
        while not up(out_path.read_text(errors="replace"), err_path.read_text(errors="replace")):
            assert process.returncode is None, f"{argv} ended: {err_path.read_text(errors='replace')}"
            assert time.monotonic() < deadline, f"{argv} not up: {err_path.read_text(errors='replace')}"
            await asyncio.sleep(0.1)
    finally:
        if process.returncode is None:
            os.killpg(process.pid, signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), 60)
        err_text = err_path.read_text(errors="replace")
        out_path.unlink()
        err_path.unlink()
    if argv[0] != "make":  # make reports its child's signal its own way; the monitor exits 0
        assert code == 0, err_text


async def test_every_readme_command_runs(installed: Installed, tmp_path: Path) -> None:
    sandbox = tmp_path / "clone"
    sandbox.mkdir()
    session = Session(installed, sandbox, tmp_path / "state")
    commands = readme_commands()
    assert {"make replay", "make demo", "monitor run"} <= set(commands)
    for command in commands:
        await session.run(command)
    assert session.ran == commands
