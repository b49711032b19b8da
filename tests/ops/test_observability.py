"""/metrics, /healthz and /readyz over real HTTP; a taken metrics port is a clear error."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.observability.metrics import Metrics
from monitor.observability.server import HealthServer, MetricsPortInUseError
from monitor.sources.feeds.poller import PollResult
from tests.conftest import RULES
from tests.ops.conftest import write_feeds


async def test_metrics_health_and_readiness() -> None:
    metrics, other = Metrics(), Metrics()  # registries of their own: several in one process
    ready = {"redis": True}

    async def redis_ready() -> bool:
        return ready["redis"]

    metrics.watch_outbox(lambda: 7, lambda: 1)
    decisions = (("mass-drone-attack", "first"), ("record-drone-attack", "baseline"))
    result = PollResult(
        "kyiv", "ok", 200, True, 3, 2, 1, items=3, facts=(("strikes", 2),), decisions=decisions
    )
    metrics.observe_poll(result, 0.2)
    metrics.delivered("slack", 0.3)
    metrics.retried("slack")
    server = HealthServer(metrics, {"redis": redis_ready}, port=0)
    await server.start()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.port}") as client:
            text = (await client.get("/metrics")).text
            assert 'monitor_feed_polls_total{feed="kyiv",outcome="ok"} 1.0' in text
            assert 'monitor_feed_http_responses_total{feed="kyiv",status="200"} 1.0' in text
            assert 'monitor_items_total{state="new"} 2.0' in text
            assert 'monitor_items_total{state="seen"} 1.0' in text
            assert 'monitor_facts_extracted_total{kind="strikes"} 2.0' in text
            assert 'monitor_alerts_total{reason="first",rule="mass-drone-attack"} 1.0' in text
            assert 'monitor_deliveries_total{sink="slack"} 1.0' in text
            assert 'monitor_delivery_retries_total{sink="slack"} 1.0' in text
            assert "monitor_outbox_depth 7.0" in text and "monitor_outbox_dead_letters 1.0" in text
            assert "monitor_poll_seconds_count 1.0" in text
            assert "monitor_rule_reload_errors_total 0.0" in text
            assert "monitor_feed_polls_total{" not in other.render().decode()
            assert (await client.get("/healthz")).status_code == 200
            answer = await client.get("/readyz")
            assert (answer.status_code, answer.json()["checks"]) == (200, {"redis": True})
            ready["redis"] = False
            assert (await client.get("/readyz")).status_code == 503
    finally:
        await server.stop()


async def test_taken_port_is_an_error_naming_it() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(MetricsPortInUseError, match=f"metrics port {port} .* already in use"):
            await HealthServer(Metrics(), {}, port=port).start()


def test_run_with_the_metrics_port_taken_exits_1_naming_the_port(
    redis_url: str, namespace: str, tmp_path: Path
) -> None:
    feeds = write_feeds(tmp_path / "feeds.yaml", {"a": "http://127.0.0.1:9/feed.xml"})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, [
            "run", "--feeds", str(feeds), "--rules", str(RULES), "--redis", redis_url,
            "--namespace", namespace, "--metrics-port", str(port),
        ])  # fmt: skip
    assert result.exit_code == 1
    assert f"metrics port {port} on 127.0.0.1 is already in use" in result.output
    assert "Traceback" not in result.output
