"""Fixtures for Slack tests: the fake Web API server, settings pointing at it, alerts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
import redis
from pydantic import SecretStr

from monitor.models import Alert
from monitor.outbox.stream import RedisOutbox
from monitor.settings import SlackSettings
from monitor.state.keys import Keys
from tests.slack.fake_slack import TOKEN, FakeSlack


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    server = FakeSlack()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def slack_settings(fake_slack: FakeSlack) -> SlackSettings:
    return SlackSettings(
        bot_token=SecretStr(TOKEN),
        api_url=fake_slack.api_url,
        default_channel="#alerts",
        channels_by_severity={"warning": "#air-desk"},
        channels_by_rule={"foreign-troops-new": "#troops"},
        oncall_group="S0ONCALL",
        timeout_s=1,
    )


@pytest.fixture
def outbox(redis_client: redis.Redis, namespace: str) -> RedisOutbox:
    return RedisOutbox(redis_client, Keys(namespace))


def make_alert(n: int = 0, **changes: Any) -> Alert:
    """An alert like the record rule fires, with ``changes`` applied (item keys via item=)."""
    data: dict[str, Any] = {
        "alert_id": f"alert-{n:04d}",
        "rule": "record-drone-attack",
        "severity": "critical",
        "title": f"Record drone attack by Russia: {800 + n} drones",
        "reason": "first",
        "dedup_key": f"record:Russia:{800 + n}",
        "fired_at": datetime(2025, 9, 7, 15, tzinfo=UTC),
        "item": {
            "id": f"item-{n}",
            "source": "seed-blog",
            "url": f"https://example.org/news/{n}",
            "title": "Largest Russian air attack of the war",
            "published": "2025-09-07T15:00:00+00:00",
        },
        "fact": {"weapon": "drone", "launched": 800 + n, "neutralized": 747, "attacker": "Russia",
                 "places": ["Kyiv", "Lviv"], "size": 800 + n},
        "previous": 728,
    }  # fmt: skip
    data.update(changes)
    return Alert.model_validate(data)


def enqueue(client: redis.Redis, keys: Keys, alert: Alert) -> str:
    """Append an alert to the outbox the way the decision script does."""
    previous = "" if alert.previous is None else str(alert.previous)
    entry = client.xadd(keys.outbox(), {"alert": alert.model_dump_json(), "previous": previous})
    return entry.decode() if isinstance(entry, bytes) else str(entry)
