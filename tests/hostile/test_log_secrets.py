"""Every log line of a verbose service run, ours and the libraries', is free of the secrets in
feed URLs (query, userinfo), feed headers, redirects and settings (Slack token, Redis password)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.feeds.server import FeedServer, Route, rss
from tests.hostile.conftest import StartRedis
from tests.ops.conftest import base_env, drone_items, spawn, stop, wait_for
from tests.slack.fake_slack import TOKEN, FakeSlack

REDIS_PASSWORD = "redisPWsecret42"
FEED_TOKEN = "feedTOKENsecret17"
URL_PASSWORD = "urlPASSsecret23"
HEADER_TOKEN = "headerTOKENsecret99"
REDIRECT_SIG = "redirectSIGsecret31"
SECRETS = [REDIS_PASSWORD, FEED_TOKEN, URL_PASSWORD, HEADER_TOKEN, REDIRECT_SIG, TOKEN, TOKEN.split("-")[-1]]
RULE = {"id": "every-item", "title": "{{ item.title }}", "type": "any", "fact": "item"}


@pytest.mark.timeout(90)
async def test_a_verbose_run_logs_no_secret(
    tmp_path: Path, server: FeedServer, fake_slack: FakeSlack, start_redis: StartRedis
) -> None:
    redis_url = start_redis("--requirepass", REDIS_PASSWORD).replace(
        "redis://", f"redis://:{REDIS_PASSWORD}@"
    )
    for name in ("query", "userinfo", "header", "target"):
        server.routes[f"/{name}"] = Route(body=rss(drone_items(2, name)))
    server.routes["/moved"] = Route(status=302, headers={"Location": f"/target?sig={REDIRECT_SIG}"})
    host = server.base.split("://", 1)[1]
    feeds: list[dict[str, str | dict[str, str]]] = [
        {"name": "query", "url": f"{server.base}/query?token={FEED_TOKEN}"},
        {"name": "userinfo", "url": f"http://reader:{URL_PASSWORD}@{host}/userinfo"},
        {
            "name": "header",
            "url": f"{server.base}/header",
            "headers": {"Authorization": f"Bearer {HEADER_TOKEN}"},
        },
        {"name": "moved", "url": f"{server.base}/moved"},
        {"name": "missing", "url": f"{server.base}/missing?token={FEED_TOKEN}"},
    ]
    (tmp_path / "feeds.yaml").write_text(json.dumps({"feeds": [{**f, "interval": "10s"} for f in feeds]}))
    (tmp_path / "rules.yaml").write_text("rules:\n  - " + json.dumps(RULE) + "\n")
    env = base_env(
        REDIS_URL=redis_url,
        SLACK_BOT_TOKEN=TOKEN,
        MONITOR_SLACK__API_URL=fake_slack.api_url,
        MONITOR_SLACK__DEFAULT_CHANNEL="#alerts",
        MONITOR_SERVICE__START_SPREAD="0s",
        MONITOR_EXTRACT__MODE="thread",
    )
    log = tmp_path / "run.log"
    args = [
        "run",
        "--feeds",
        "feeds.yaml",
        "--rules",
        "rules.yaml",
        "--sink",
        "slack",
        "--metrics-port",
        "0",
        "-vv",
    ]
    process = await spawn(args, env, tmp_path, log)
    try:
        await wait_for(lambda: len(fake_slack.messages) >= 8, 60, "8 alerts posted")
        await wait_for(lambda: server.hits["/missing"] >= 1, 30, "the missing feed polled")
        assert await stop(process) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    text = log.read_text()
    assert "HTTP Request: GET" in text  # httpx's own lines are there, with the query masked
    assert "?***" in text
    leaked = [(secret, line) for line in text.splitlines() for secret in SECRETS if secret in line]
    assert leaked == [], leaked[:3]
    assert server.request_headers["/header"]["Authorization"] == f"Bearer {HEADER_TOKEN}"  # still sent
