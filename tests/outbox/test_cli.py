"""``monitor outbox status`` and ``monitor outbox retry``."""

from __future__ import annotations

import json

import redis
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.outbox.stream import RedisOutbox
from monitor.state.keys import Keys
from tests.slack.conftest import enqueue, make_alert


def test_status_lists_depth_pending_and_dead_letters_then_retry_requeues(
    redis_url: str, redis_client: redis.Redis, namespace: str
) -> None:
    keys = Keys(namespace)
    outbox = RedisOutbox(redis_client, keys, consumer="worker-1")
    for n in range(3):
        enqueue(redis_client, keys, make_alert(n))
    outbox.read_new(count=1)  # one handed out, not acknowledged
    reason = "slack chat.postMessage: channel_not_found (channel #nowhere)"
    outbox.dead_letter(make_alert(7), "slack", reason)
    outbox.confirm("slack", "alert-0007", "dead-lettered")
    outbox.confirm("jsonl:x", "alert-0007", "ok")
    common = ["--redis", redis_url, "--namespace", namespace]
    runner = CliRunner()

    status = runner.invoke(cli, ["outbox", "status", *common])
    assert status.exit_code == 0, status.output
    assert f"outbox {namespace}: 3 waiting (2 new, 1 pending)" in status.output
    assert "pending: worker-1: 1" in status.output
    assert "dead letters: 1" in status.output and reason in status.output

    report = json.loads(runner.invoke(cli, ["outbox", "status", "--json", *common]).output)
    assert (report["depth"], report["pending"], report["dead_letters"]) == (3, 1, 1)
    assert report["dead"][0]["reason"] == reason and report["dead"][0]["alert_id"] == "alert-0007"

    refused = runner.invoke(cli, ["outbox", "retry", *common])
    assert refused.exit_code == 1 and "--all" in refused.output
    retried = runner.invoke(cli, ["outbox", "retry", report["dead"][0]["id"], *common])
    assert "re-queued 1 dead letter(s)" in retried.output
    assert outbox.dead_letter_count() == 0 and outbox.depth() == 4
    assert outbox.receipt("slack", "alert-0007") is None  # Slack is tried again...
    assert outbox.receipt("jsonl:x", "alert-0007") == "ok"  # ...the sink that delivered is not
