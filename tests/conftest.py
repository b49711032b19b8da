"""Shared fixtures: a real Redis (REDIS_URL, else an embedded server) and a private namespace."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from monitor.state.connection import connect
from monitor.state.keys import Keys
from tests.installed import Installed, build_and_install

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Redis at REDIS_URL when set; otherwise an embedded server for the session."""
    url = os.environ.get("REDIS_URL")
    if url:
        yield url
        return
    connection = connect(None, tmp_path_factory.mktemp("redis"))
    try:
        yield connection.url
    finally:
        connection.close()


@pytest.fixture
def redis_client(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


@pytest.fixture
def namespace(redis_client: redis.Redis) -> Iterator[str]:
    """A namespace of this test's own; its keys (and only those) are deleted afterwards,
    including those of derived namespaces a test makes (``f"{namespace}-b"``)."""
    name = f"test-{uuid.uuid4().hex[:12]}"
    yield name
    pattern = f"{Keys(name).root}:{{{name}*"
    keys = list(redis_client.scan_iter(match=pattern, count=1000))
    if keys:
        redis_client.delete(*keys)


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The built wheel installed into a fresh virtual environment, once per test session."""
    return build_and_install(ROOT, tmp_path_factory.mktemp("wheel"))
