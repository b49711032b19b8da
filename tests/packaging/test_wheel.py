"""The built wheel, installed into a fresh virtual environment, runs: what users and the image get."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, RULES, SEEDS
from tests.installed import Installed

pytestmark = pytest.mark.timeout(600)  # the first test of a session builds and installs the wheel


def test_every_file_of_the_package_ships_in_the_wheel(installed: Installed) -> None:
    package = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "monitor").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    missing = package - installed.files()
    assert not missing, f"left out of the wheel: {sorted(missing)}"
    assert "monitor/state/decide.lua" in installed.files()


def test_the_installed_console_script_replays_the_seeds(installed: Installed, tmp_path: Path) -> None:
    data = tmp_path / "state"
    args = ["replay", str(SEEDS), "--rules", str(RULES), "--data-dir", str(data)]
    first = installed.run(args, cwd=tmp_path)  # outside the repository: only the wheel is importable
    assert first.returncode == 0, first.stderr
    assert "13 items read, 13 new, 8 alerts fired" in first.stderr
    assert "Record drone attack" in first.stdout
    assert not (data / "embedded.json").exists(), "the embedded Redis outlived the replay"
    again = installed.run(args, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "13 items read, 0 new, 0 alerts fired" in again.stderr


def test_the_installed_package_is_the_wheel_not_this_tree(installed: Installed, tmp_path: Path) -> None:
    python = installed.venv / "bin" / "python"
    where = subprocess.run(
        [str(python), "-c", "import monitor; print(monitor.__file__)"],
        cwd=tmp_path, env=installed.env(), capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert str(installed.venv) in where and str(ROOT) not in where
