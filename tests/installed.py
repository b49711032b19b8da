"""The package as users get it: the wheel built from this tree, installed into a fresh venv."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

#: Left out of the copy the wheel is built from: state, caches and environments of this tree.
_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "venv", ".monitor", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
)


@dataclass(frozen=True)
class Installed:
    """A fresh virtual environment holding the built wheel (and its dependencies)."""

    wheel: Path
    venv: Path

    @property
    def monitor(self) -> Path:
        return self.venv / "bin" / "monitor"

    def env(self, **extra: str) -> dict[str, str]:
        """A user's environment: none of this session's monitor settings, the venv first on PATH."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MONITOR_", "SLACK_", "REDIS_URL"))}
        env.pop("PYTHONPATH", None)
        env["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        env["VIRTUAL_ENV"] = str(self.venv)
        env.update(extra)
        return env

    def run(
        self, args: list[str], cwd: Path, timeout: float = 120, **env: str
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.monitor), *args],
            cwd=cwd,
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def files(self) -> set[str]:
        with zipfile.ZipFile(self.wheel) as archive:
            return set(archive.namelist())


def build_and_install(root: Path, work: Path) -> Installed:
    """Build the wheel from a copy of ``root`` (the tree stays clean), install it into a new venv.

    pip's own cache serves the dependencies, so only the first run on a machine downloads them.
    """
    source = work / "source"
    shutil.copytree(root, source, ignore=_IGNORE)
    dist = work / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    _check([*pip, "wheel", "--no-deps", "--wheel-dir", str(dist), str(source)], work)
    (wheel,) = dist.glob("monitor-*.whl")
    venv = work / "venv"
    _check([sys.executable, "-m", "venv", str(venv)], work)
    _check([str(venv / "bin" / "python"), *pip[1:], "install", str(wheel)], work)
    return Installed(wheel, venv)


def _check(argv: list[str], cwd: Path) -> None:
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False, timeout=600)
    if done.returncode:
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
