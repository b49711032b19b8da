"""Redis killed (SIGKILL) in the middle of a replay and restarted: every alert once, none twice."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from pathlib import Path

from tests.ops.conftest import RedisServer, base_env, drone_items, only_rule, spawn, wait_for

ITEMS = 200


def corpus(path: Path) -> Path:
    # largest attack first, so only mass-drone-attack fires (no new records): one alert per item
    items = drone_items(ITEMS, "generated")[::-1]
    lines = [
        json.dumps({"id": i.id, "source": "generated", "title": i.title, "text": i.text,
                    "published": f"2025-07-{1 + n // 24:02d}T{n % 24:02d}:00:00Z"})
        for n, i in enumerate(items)
    ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n")
    return path


def delivered(path: Path) -> Counter[str]:
    if not path.exists():
        return Counter()
    return Counter(json.loads(line)["alert_id"] for line in path.read_text().splitlines() if line.strip())


async def test_redis_killed_and_restarted_during_replay_delivers_every_alert_once(
    own_redis: RedisServer, tmp_path: Path
) -> None:
    rules, source = only_rule(tmp_path, "mass-drone-attack"), corpus(tmp_path / "corpus.jsonl")
    env = base_env()
    reference, out = tmp_path / "reference.jsonl", tmp_path / "alerts.jsonl"

    def replay(namespace: str, sink: Path) -> list[str]:
        return [
            "replay", str(source), "--rules", str(rules), "--sink", f"jsonl:{sink}",
            "--redis", own_redis.url, "--namespace", namespace,
        ]  # fmt: skip

    clean = await spawn(replay("reference", reference), env, tmp_path, tmp_path / "reference.log")
    assert await asyncio.wait_for(clean.wait(), 60) == 0, (tmp_path / "reference.log").read_text()
    expected = set(delivered(reference))

    log = tmp_path / "replay.log"
    process = await spawn(replay("faulted", out), env, tmp_path, log)
    await wait_for(lambda: len(delivered(out)) >= ITEMS // 3, 60, "a third of the alerts")
    own_redis.kill()
    killed_at = len(delivered(out))
    # Redis stays down until the replay noticed: it must wait for it, not fail
    await wait_for(lambda: "unavailable" in log.read_text(), 30, "the replay waiting for Redis")
    own_redis.start()
    assert await asyncio.wait_for(process.wait(), 60) == 0, log.read_text()

    got = delivered(out)
    duplicated = sum(n - 1 for n in got.values() if n > 1)
    lost = len(expected - set(got))
    print(
        f"\nreplay, Redis SIGKILLed after {killed_at} alerts and restarted: expected {len(expected)}, "
        f"delivered {len(got)}, duplicated {duplicated}, lost {lost}"
    )
    assert len(expected) == ITEMS
    assert set(got) == expected
    assert duplicated == 0
    assert "unavailable" in log.read_text()  # one clear warning, then it resumed
    assert log.read_text().count("unavailable") == 1
