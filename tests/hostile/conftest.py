"""Fixtures for the hostile-input tests: feed server, Slack fakes, a fake clock (shared), Redis servers."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from tests.feeds.conftest import server
from tests.ops.conftest import REDIS_SERVER, free_port
from tests.outbox.conftest import FakeTime, fake_time
from tests.slack.conftest import fake_slack, outbox, slack_settings

__all__ = ["FakeTime", "fake_slack", "fake_time", "outbox", "server", "slack_settings"]

StartRedis = Callable[..., str]


@pytest.fixture
def start_redis(tmp_path: Path) -> Iterator[StartRedis]:
    """Start a redis-server of this test's own with extra arguments (``--maxmemory``,
    ``--requirepass``, ``--replicaof``); returns its URL (no password). Killed at the end."""
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> str:
        port = free_port()
        folder = tmp_path / f"redis-{port}"
        folder.mkdir()
        command = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder)]
        command += ["--save", "", "--appendonly", "no", *args]
        started.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        # no retries: redis-py's default backs off for seconds on the NOAUTH of a password server
        client = redis.Redis(port=port, socket_connect_timeout=1, retry=Retry(NoBackoff(), 0))
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                break
            except redis.AuthenticationError:
                break  # up, and asking for a password
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)  # polling the new server's port, with a deadline
        client.close()
        return f"redis://127.0.0.1:{port}/0"

    yield start
    for process in started:
        process.kill()
        process.wait()
