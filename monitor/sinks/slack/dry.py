"""Dry run: print the Block Kit JSON each alert would be posted with, calling no Slack API."""

from __future__ import annotations

import json
import sys
from typing import IO

from monitor.models import Alert
from monitor.settings import SlackSettings
from monitor.sinks.slack.blocks import build_message
from monitor.sinks.slack.routing import route


class DrySlackSink:
    """One JSON object per line: the chat.postMessage arguments (channel, text, blocks)."""

    name = "slack-dry"

    def __init__(self, settings: SlackSettings, stream: IO[str] | None = None) -> None:
        self.settings = settings
        self._stream = stream

    async def send(self, alert: Alert) -> str:
        target = route(alert, self.settings)
        buttons = self.settings.signing_secret is not None  # as SlackSink would post it
        message = build_message(alert, mention=target.mention, sources=1, buttons=buttons)
        payload = {"channel": target.channel, **message}
        stream = self._stream or sys.stdout
        stream.write(json.dumps(payload, ensure_ascii=False) + "\n")
        stream.flush()
        return alert.alert_id

    async def close(self) -> None:
        return None
