"""Redis failures by kind, against real redis-server processes started with the limiting setting:
each kind its own one-line message and behaviour, never a traceback or a retry loop."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest
import redis
from click.testing import CliRunner, Result

from monitor.cli.main import cli
from monitor.state.connection import RedisHealth
from monitor.state.keys import Keys
from tests.feeds.server import FeedServer, Route, rss
from tests.hostile.conftest import StartRedis
from tests.ops.conftest import base_env, drone_items, free_port, spawn, stop, wait_for

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


def _fill(url: str, headroom: int | None = None) -> redis.Redis:
    """Cap the server's memory ``headroom`` bytes above what it uses now; without headroom, 64 KB
    below it, so that every write is refused (noeviction) until the cap is lifted."""
    client = redis.Redis.from_url(url)
    used = int(client.info("memory")["used_memory"])
    client.config_set("maxmemory", str(used + headroom if headroom is not None else used - 64 * 1024))
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
    _fill(url, headroom=1_500_000)  # room for a few batches of any size
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


async def _readyz_becomes(port: int, status: int, timeout: float) -> None:
    """Poll /readyz until it answers ``status``; fail after ``timeout`` seconds."""
    deadline = asyncio.get_running_loop().time() + timeout
    seen: list[int] = []
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        while True:
            try:
                seen.append((await client.get("/readyz")).status_code)
            except httpx.TransportError:
                seen.append(0)
            if seen[-1] == status:
                return
            assert asyncio.get_running_loop().time() < deadline, f"/readyz answered {seen[-5:]}"
            await asyncio.sleep(0.2)  # polling the endpoint, bounded by the deadline


@pytest.mark.timeout(90)
async def test_a_running_service_is_unready_while_redis_is_full_and_loses_nothing(
    tmp_path: Path, start_redis: StartRedis
) -> None:
    url = start_redis("--maxmemory-policy", "noeviction")
    server = FeedServer()
    await server.start()
    items = drone_items(5, "full")
    server.routes["/feed"] = Route(body=rss(items[:1]))

    def configure(tag: str) -> None:  # a changed feed is rescheduled, polled at once
        feeds = [{"name": "full", "url": server.url("/feed"), "interval": "10s", "tags": [tag]}]
        (tmp_path / "feeds.yaml").write_text(json.dumps({"feeds": feeds}))

    def alerts() -> int:
        return len(out.read_text().splitlines()) if out.exists() else 0

    configure("start")
    (tmp_path / "rules.yaml").write_text("rules:\n  - " + json.dumps(RULE) + "\n")
    out, port, log = tmp_path / "alerts.jsonl", free_port(), tmp_path / "run.log"
    args = ["run", "--feeds", "feeds.yaml", "--rules", "rules.yaml", "--sink", f"jsonl:{out}"]
    env = base_env(
        REDIS_URL=url,
        MONITOR_SERVICE__START_SPREAD="0s",
        MONITOR_SERVICE__RELOAD_EVERY="1s",
        MONITOR_EXTRACT__MODE="thread",  # no worker process to start: a shorter test
    )
    process = await spawn([*args, "--metrics-port", str(port), "-v"], env, tmp_path, log)
    try:
        await wait_for(lambda: alerts() == 1, 30, "the first alert")
        full = _fill(url)  # every write refused from now on
        server.routes["/feed"] = Route(body=rss(items))  # four new items
        configure("full")
        await _readyz_becomes(port, 503, 40)
        assert alerts() == 1
        full.config_set("maxmemory", "0")  # room again
        await wait_for(lambda: "writable again" in log.read_text(), 20, "resumed")
        configure("room")
        await wait_for(lambda: alerts() == 5, 40, "the four alerts after Redis has room")
        await _readyz_becomes(port, 200, 20)
        assert await stop(process) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await server.close()
    text = log.read_text()
    assert text.count("is full (maxmemory reached") == 1, text[-2000:]
    ids = [json.loads(line)["alert_id"] for line in out.read_text().splitlines()]
    assert len(ids) == len(set(ids)) == 5
