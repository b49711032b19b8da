"""Is this request from Slack, and new? Signature and timestamp (slack_sdk), then a replay check."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from typing import Literal

import redis
from pydantic import SecretStr
from slack_sdk.signature import Clock, SignatureVerifier

from monitor.clock import EpochClock
from monitor.state.keys import INTERACTION_TTL, Keys

#: Slack's window: a request signed more than five minutes ago is refused.
MAX_AGE_S = 5 * 60
Verdict = Literal["ok", "unsigned", "stale", "bad_signature", "duplicate"]


class _InjectedClock(Clock):
    def __init__(self, clock: EpochClock) -> None:
        self._clock = clock

    def now(self) -> float:
        return self._clock()


class RequestGuard:
    """Accepts a request only when Slack signed it, less than five minutes ago, and it was not
    handled before (Slack's retries, or a copy replayed inside the window). Nothing is written
    for a request that fails the signature check."""

    def __init__(
        self, secret: SecretStr, client: redis.Redis, keys: Keys, clock: EpochClock = time.time
    ) -> None:
        self._verifier = SignatureVerifier(secret.get_secret_value(), _InjectedClock(clock))
        self.client = client
        self.keys = keys
        self.clock = clock

    def __repr__(self) -> str:
        return f"RequestGuard(keys={self.keys!r}, secret='**********')"

    def check(self, body: bytes, headers: Mapping[str, str]) -> Verdict:
        timestamp = headers.get("X-Slack-Request-Timestamp")
        signature = headers.get("X-Slack-Signature")
        if not timestamp or not signature:
            return "unsigned"
        try:
            age = abs(self.clock() - int(timestamp))
        except ValueError:
            return "bad_signature"
        if age > MAX_AGE_S:
            return "stale"
        if not self._verifier.is_valid(body, timestamp, signature):
            return "bad_signature"
        # A click or a command carries a trigger id and an action time of its own: the same body
        # twice is a retry or a replay, whatever its (fresh) signature.
        fingerprint = hashlib.sha256(body).hexdigest()
        first = self.client.set(self.keys.interaction(fingerprint), "1", nx=True, ex=INTERACTION_TTL)
        return "ok" if first else "duplicate"
