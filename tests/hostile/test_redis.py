"""Redis failures by kind, against real redis-server processes started with the limiting setting:
each kind its own one-line message and behaviour, never a traceback or a retry loop."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
import redis
from click.testing import CliRunner, Result

from monitor.cli.main import cli
from monitor.state.connection import RedisHealth
from monitor.state.keys import Keys
from tests.hostile.conftest import StartRedis

RULE = {"id": "every-item", "title": "{{ item.title }}", "type": "any", "fact": "item"}
SECRET = "s3cretPW"


def _replay(tmp_path: Path, url: str, items: int = 3, namespace: str = "hostile") -> Result:
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - " + json.dumps(RULE) + "\n")
    corpus = tmp_path / "items.jsonl"
    rows = [{"id": f"i{n}", "title": f"Item {n} " + "x" * 400, "text": "y" * 2000} for n in range(items)]
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = tmp_path / "alerts.jsonl"
    args = ["replay", str(corpus), "--rules", str(rules), "--sink", f"jsonl:{out}"]
    return CliRunner().invoke(cli, [*args, "--redis", url, "--namespace", namespace])


def _fill(url: str, headroom: int = 0) -> redis.Redis:
    """Cap the server's memory at what it uses now (plus ``headroom`` bytes), refusing writes."""
    client = redis.Redis.from_url(url)
    used = int(client.info("memory")["used_memory"])
    client.config_set("maxmemory", str(used + headroom))
    return client


def _one_line_exit_2(result: Result, expected: str) -> str:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("monitor: ")]
    assert len(lines) == 1 and expected in lines[0], result.output
    assert "Traceback" not in result.output and SECRET not in result.output
    return lines[0]


@pytest.mark.timeout(30)
def test_a_full_redis_at_start_stops_replay_with_exit_2_and_says_so(
    tmp_path: Path, start_redis: StartRedis
) -> None:
    url = start_redis("--maxmemory-policy", "noeviction")
    _fill(url)
    _one_line_exit_2(_replay(tmp_path, url), "is full (maxmemory reached, writes refused)")


@pytest.mark.timeout(60)
def test_redis_filling_up_mid_replay_stops_it_once_not_a_pause_loop(
    tmp_path: Path, start_redis: StartRedis
) -> None:
    url = start_redis("--maxmemory-policy", "noeviction")
    client = redis.Redis.from_url(url)
    client.xgroup_create(Keys("hostile").outbox(), "delivery", id="0", mkstream=True)
    _fill(url, headroom=300_000)
    result = _replay(tmp_path, url, items=2_000)
    line = _one_line_exit_2(result, "is full")
    assert "replay stopped at item " in line
    assert "unavailable" not in result.output and "reachable again" not in result.output
    alerts = (tmp_path / "alerts.jsonl").read_text().splitlines()
    assert 0 < len(alerts) < 2_000  # what fitted was delivered; the rest is for a rerun


@pytest.mark.timeout(30)
def test_a_read_only_replica_is_named_as_such(tmp_path: Path, start_redis: StartRedis) -> None:
    primary = start_redis()
    port = primary.rsplit(":", 1)[1].split("/")[0]
    replica = start_redis("--replicaof", "127.0.0.1", port)
    _one_line_exit_2(_replay(tmp_path, replica), "is a read-only replica")


@pytest.mark.timeout(30)
@pytest.mark.parametrize("password", ["", "wrong-password"])
def test_a_password_redis_refuses_is_one_line_without_the_password(
    tmp_path: Path, start_redis: StartRedis, password: str
) -> None:
    url = start_redis("--requirepass", SECRET)
    if password:
        url = url.replace("redis://", f"redis://:{password}@")
    line = _one_line_exit_2(_replay(tmp_path, url), "rejected the credentials")
    assert password not in line or not password


@pytest.mark.timeout(30)
def test_a_key_of_the_wrong_type_in_the_namespace_is_named(tmp_path: Path, start_redis: StartRedis) -> None:
    url = start_redis()
    redis.Redis.from_url(url).set(Keys("hostile").outbox(), "another program's value")
    _one_line_exit_2(_replay(tmp_path, url), "holds a key of the wrong type in this namespace")


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "url", [f"redis://:{SECRET}@host:notaport/0", f"redis://:{SECRET}@[::1/0", "redis://[not-an-ip]:6379/0"]
)
def test_a_malformed_redis_url_is_one_line(tmp_path: Path, url: str) -> None:
    _one_line_exit_2(_replay(tmp_path, url), "invalid Redis URL")


@pytest.mark.timeout(30)
async def test_the_service_health_stays_down_while_redis_is_full_and_resumes_after(
    start_redis: StartRedis,
) -> None:
    url = start_redis("--maxmemory-policy", "noeviction")
    client = _fill(url)
    health = RedisHealth(redis.Redis.from_url(url), url, initial=0.01, maximum=0.05, probe_key="probe")
    try:
        client.set("k", "v" * 100_000)
    except redis.RedisError as exc:
        health.lost(exc, "polls and deliveries")
    assert health.problem is not None and health.problem.kind == "full"
    assert not health.ping()  # PING would answer; the write probe does not
    waiting = asyncio.create_task(health.wait_up())
    done, _ = await asyncio.wait({waiting}, timeout=0.3)
    assert not done  # still paused, no "reachable again after 0.0s" loop
    client.config_set("maxmemory", "0")
    assert await asyncio.wait_for(waiting, 10)
    assert health.up


@pytest.mark.timeout(30)
def test_monitor_run_against_a_full_redis_is_one_line_not_a_traceback(
    tmp_path: Path, start_redis: StartRedis
) -> None:
    url = start_redis("--maxmemory-policy", "noeviction")
    _fill(url)
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds: []\n")
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - " + json.dumps(RULE) + "\n")
    args = ["run", "--feeds", str(feeds), "--rules", str(rules), "--redis", url, "--metrics-port", "0"]
    _one_line_exit_2(CliRunner().invoke(cli, args), "is full")
