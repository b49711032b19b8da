"""The send ledger: a 'sending' claim before each Slack post and its 'sent' record right after."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import redis

from monitor.state.keys import RECEIPT_TTL, Keys


@dataclass(frozen=True)
class Attempt:
    """What the ledger knows about one alert's post."""

    state: str  # "sending": posted maybe (a crash or a lost answer); "sent": Slack confirmed
    channel: str
    thread_ts: str
    ts: str
    at: float


def _s(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class SendLedger:
    """Per-alert send state in Redis, so a redelivery can tell 'never sent' from 'maybe sent'."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys

    def get(self, alert_id: str) -> Attempt | None:
        raw = self.client.hgetall(self.keys.slack_send(alert_id))
        if not raw:
            return None
        data = {_s(k): _s(v) for k, v in raw.items()}
        return Attempt(
            state=data.get("state", "sending"),
            channel=data.get("channel", ""),
            thread_ts=data.get("thread_ts", ""),
            ts=data.get("ts", ""),
            at=float(data.get("at") or 0),
        )

    def claim(self, alert_id: str, channel: str, thread_ts: str, at: float) -> None:
        """Written just before chat.postMessage: from now on the post may exist in Slack."""
        key = self.keys.slack_send(alert_id)
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(
            key,
            mapping={
                "state": "sending",
                "channel": channel,
                "thread_ts": thread_ts,
                "ts": "",
                "at": repr(at),
            },
        )
        pipe.expire(key, RECEIPT_TTL)
        pipe.execute()

    def sent(self, alert_id: str, channel: str, ts: str) -> None:
        """Written the moment Slack answers ok, before any other work (one round trip)."""
        self.client.hset(
            self.keys.slack_send(alert_id), mapping={"state": "sent", "channel": channel, "ts": ts}
        )

    def release(self, alert_id: str) -> None:
        """Slack definitely did not post (an error answer): the next attempt starts clean."""
        self.client.delete(self.keys.slack_send(alert_id))

    def channel_id(self, channel: str) -> str:
        """The channel ID Slack answered for a name before, else the name itself."""
        if not channel.startswith("#"):
            return channel
        value = self.client.get(self.keys.slack_channel_id(channel))
        return channel if value is None else _s(value)

    def forget_channel(self, channel: str) -> None:
        """The ID stored for a name is stale (channel_not_found): resolve the name again."""
        self.client.delete(self.keys.slack_channel_id(channel))

    def remember_channel(self, channel: str, channel_id: str) -> None:
        if channel.startswith("#") and channel_id:
            self.client.set(self.keys.slack_channel_id(channel), channel_id, ex=RECEIPT_TTL)
