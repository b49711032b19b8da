"""What analysts did to a Slack message (acknowledged, silenced, marked wrong), kept per message."""

from __future__ import annotations

from typing import Literal

import redis

from monitor.state.keys import RECEIPT_TTL, Keys

Mark = Literal["ack", "silence", "wrong"]
#: The order the lines appear in under the message.
MARK_ORDER: tuple[Mark, ...] = ("ack", "silence", "wrong")


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class MarkStore:
    """One hash per message {ack|silence|wrong: line}; an update of the message re-reads it."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys

    def set(self, channel: str, ts: str, mark: Mark, line: str) -> bool:
        """Record a mark; False when the message already had this mark (a second Acknowledge)."""
        key = self.keys.slack_marks(channel, ts)
        pipe = self.client.pipeline(transaction=True)
        pipe.hsetnx(key, mark, line) if mark == "ack" else pipe.hset(key, mark, line)
        pipe.expire(key, RECEIPT_TTL)
        added, _ = pipe.execute()
        return bool(added) or mark != "ack"

    def lines(self, channel: str, ts: str) -> list[str]:
        raw = {_text(k): _text(v) for k, v in self.client.hgetall(self.keys.slack_marks(channel, ts)).items()}
        return [raw[mark] for mark in MARK_ORDER if mark in raw]

    def remember_blocks(self, channel: str, ts: str, blocks: str) -> None:
        """The message's blocks (JSON) as Slack last showed them, for an update after a modal."""
        key = self.keys.slack_marks(channel, ts)
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(key, "_blocks", blocks)
        pipe.expire(key, RECEIPT_TTL)
        pipe.execute()

    def blocks(self, channel: str, ts: str) -> str | None:
        raw = self.client.hget(self.keys.slack_marks(channel, ts), "_blocks")
        return None if raw is None else _text(raw)
