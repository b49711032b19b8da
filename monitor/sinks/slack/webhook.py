"""WebhookSink: post alerts through an incoming webhook (one fixed channel, no threads)."""

from __future__ import annotations

from monitor.models import Alert
from monitor.settings import SlackSettings
from monitor.sinks.slack.blocks import build_message
from monitor.sinks.slack.client import WebhookApi
from monitor.sinks.slack.routing import mention_for


class WebhookSink:
    """Webhook mode. A webhook answers only 'ok' (no ts, no history), so there is no lookup:
    a crash between Slack's answer and the outbox receipt, or a lost answer, can post an alert
    once more. Use bot mode where that matters.
    """

    name = "slack"

    def __init__(self, settings: SlackSettings) -> None:
        if settings.webhook_url is None:
            raise ValueError("WebhookSink needs SLACK_WEBHOOK_URL")
        self.settings = settings
        self.api = WebhookApi(settings.webhook_url.get_secret_value(), settings.timeout_s)

    def __repr__(self) -> str:
        return f"WebhookSink(api={self.api!r})"

    async def send(self, alert: Alert) -> str:
        if alert.reason == "cooldown":
            return "skipped: webhooks cannot thread follow-ups"
        message = build_message(alert, mention=mention_for(alert, self.settings), sources=1)
        await self.api.post(message)
        return f"webhook:{alert.alert_id}"

    async def close(self) -> None:
        return None
