"""A delivery worker killed with SIGKILL mid-post, then restarted, posts every alert once."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections import Counter
from pathlib import Path

import pytest
import redis

from monitor.state.keys import Keys
from tests.conftest import ROOT
from tests.slack.conftest import enqueue, make_alert
from tests.slack.fake_slack import TOKEN, FakeSlack


def _env(fake_slack: FakeSlack) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MONITOR_"))}
    env.update(
        SLACK_BOT_TOKEN=TOKEN,
        MONITOR_SLACK__API_URL=fake_slack.api_url,
        MONITOR_SLACK__DEFAULT_CHANNEL="C0ALERTS",
        MONITOR_SLACK__TIMEOUT_S="30",
        PYTHONPATH=str(ROOT),
    )
    return env


async def _deliver(
    fake_slack: FakeSlack, redis_url: str, namespace: str, out: Path, consumer: str
) -> asyncio.subprocess.Process:
    args = ["-m", "monitor", "outbox", "deliver", "--sink", f"jsonl:{out}", "--sink", "slack"]
    args += ["--redis", redis_url, "--namespace", namespace, "--consumer", consumer, "--claim-idle", "0"]
    return await asyncio.create_subprocess_exec(
        sys.executable,
        *args,
        env=_env(fake_slack),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


@pytest.mark.slow
async def test_sigkill_between_post_and_receipt_then_restart_posts_each_alert_once(
    redis_url: str, redis_client: redis.Redis, namespace: str, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    keys = Keys(namespace)
    alerts = [make_alert(n) for n in range(8)]
    # follow-ups: the same stories (rule + dedup key) reported by other outlets
    alerts += [
        make_alert(20 + n, dedup_key=alerts[n].dedup_key, item={**alerts[n].item, "source": f"outlet-{n}"})
        for n in (1, 4, 5, 6)
    ]
    for alert in alerts:
        enqueue(redis_client, keys, alert)
    fake_slack.fail = ["", "", "", "", "hang_after"]  # the 5th post reaches Slack, its answer never comes
    out = tmp_path / "alerts.jsonl"

    first = await _deliver(fake_slack, redis_url, namespace, out, "worker-1")
    await asyncio.wait_for(fake_slack.hanging.wait(), 60)
    first.send_signal(signal.SIGKILL)
    await first.wait()
    assert first.returncode == -signal.SIGKILL
    assert len(fake_slack.messages) == 5

    second = await _deliver(fake_slack, redis_url, namespace, out, "worker-2")
    _, err = await asyncio.wait_for(second.communicate(), 90)
    assert second.returncode == 0, err.decode()

    posts = fake_slack.posts_by_alert()
    assert posts == Counter({a.alert_id: 1 for a in alerts}), err.decode()
    written = Counter(json.loads(line)["alert_id"] for line in out.read_text().splitlines())
    assert written == Counter({a.alert_id: 1 for a in alerts})
    by_alert = {m.alert_id: m for m in fake_slack.messages}
    for n, story in zip((1, 4, 5, 6), alerts[8:], strict=True):
        assert by_alert[story.alert_id].thread_ts == by_alert[alerts[n].alert_id].ts
    assert redis_client.xlen(keys.outbox()) == 0
    lookups = [m for m, _ in fake_slack.requests].count("conversations.history")
    print(f"sigkill: {len(fake_slack.messages)} posts for {len(alerts)} alerts, {lookups} history lookups")
