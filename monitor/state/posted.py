"""Alerts as they were posted to Slack, so a button on the message can act on the alert itself."""

from __future__ import annotations

import redis

from monitor.models import Alert
from monitor.state.keys import RECEIPT_TTL, Keys


class PostedAlerts:
    """alert id -> the Alert (rule, item, fact) for the buttons on its message."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys

    def keep(self, alert: Alert) -> None:
        self.client.set(self.keys.slack_alert(alert.alert_id), alert.model_dump_json(), ex=RECEIPT_TTL)

    def get(self, alert_id: str) -> Alert | None:
        raw = self.client.get(self.keys.slack_alert(alert_id))
        return None if raw is None else Alert.model_validate_json(raw)
