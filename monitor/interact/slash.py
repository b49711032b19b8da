"""``/monitor status | silences | silence RULE 2h reason... | unsilence ID``, answered via response_url."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection

import redis

from monitor.clock import Clock, utc_now
from monitor.interact.api import ConsoleApi, Silencers
from monitor.interact.payloads import Command
from monitor.models.duration import parse_duration
from monitor.state.feedback import FeedbackStore
from monitor.state.keys import Keys
from monitor.state.silences import SilenceStore

log = logging.getLogger(__name__)

USAGE = (
    "Usage: `/monitor status` · `/monitor silences` · `/monitor silence RULE 2h reason...` "
    "(RULE may be `*`) · `/monitor unsilence ID`"
)
#: Outbox depth and dead letters for `status` (the service passes RedisOutbox's counters).
Counts = Callable[[], tuple[int, int]]
#: The ids of the rules in force (they change on reload), to refuse a silence of a misspelt rule.
RuleIds = Callable[[], Collection[str]]


class SlashCommands:
    """Parses the command text, checks the allow-list for silencing, answers via response_url."""

    def __init__(
        self,
        api: ConsoleApi,
        silencers: Silencers,
        client: redis.Redis,
        keys: Keys,
        outbox_counts: Counts | None = None,
        clock: Clock = utc_now,
        rule_ids: RuleIds | None = None,
    ) -> None:
        self.api = api
        self.silencers = silencers
        self.silences = SilenceStore(client, keys)
        self.feedback = FeedbackStore(client, keys)
        self.outbox_counts = outbox_counts
        self.clock = clock
        self.rule_ids = rule_ids

    async def run(self, command: Command) -> None:
        answer = await self.answer(command)
        await self.api.respond(command.response_url, answer)

    async def answer(self, command: Command) -> str:
        """The text answering one command (also what the tests read)."""
        verb, _, rest = command.text.partition(" ")
        if verb == "status":
            return self._status()
        if verb == "silences":
            return self._silences()
        if verb in {"silence", "unsilence"}:
            if not await self.silencers.may(command.user):
                return "You are not on the list of people who may silence."
            return self._silence(command.user, rest) if verb == "silence" else self._unsilence(rest)
        return USAGE

    def _status(self) -> str:
        lines = []
        if self.outbox_counts is not None:
            depth, dead = self.outbox_counts()
            lines.append(f"Outbox: {depth} pending, {dead} dead letters.")
        lines.append(f"Silences in force: {len(self.silences.active(self.clock()))}.")
        wrong = self.feedback.wrong_per_rule(self.clock())
        listed = ", ".join(f"`{rule}` {n}" for rule, n in sorted(wrong.items(), key=lambda kv: -kv[1]))
        lines.append(f"Wrong this week: {listed or 'none'}.")
        return "\n".join(lines)

    def _silences(self) -> str:
        found = self.silences.active(self.clock())
        if not found:
            return "No silences in force."
        rows = []
        for s in found:
            matchers = " ".join(f"{k}={v}" for k, v in s.matchers.items())
            scope = f"`{s.rule}`" + (f" ({matchers})" if matchers else "")
            rows.append(f"`{s.id}` {scope} until {s.ends_at:%Y-%m-%d %H:%M} UTC: {s.reason}")
        return "\n".join(rows)

    def _silence(self, user: str, rest: str) -> str:
        parts = rest.split(maxsplit=2)
        if len(parts) < 3:
            return USAGE
        rule, length, reason = parts
        known = self.rule_ids() if self.rule_ids is not None else None
        if known is not None and rule != "*" and rule not in known:
            return f"No rule `{rule}` is loaded; nothing was silenced."
        try:
            seconds = parse_duration(length)
        except ValueError as exc:
            return f"`{length}`: {exc}"
        if seconds <= 0:
            return "The duration must be longer than zero."
        silence = self.silences.add(rule, {}, seconds, f"{reason} (by {user})", self.clock())
        log.info("slack: silence %s of rule %s added by %s", silence.id, rule, user)
        return f"Silence `{silence.id}` of `{rule}` until {silence.ends_at:%Y-%m-%d %H:%M} UTC."

    def _unsilence(self, rest: str) -> str:
        silence_id = rest.strip()
        if not silence_id:
            return USAGE
        if not self.silences.expire(silence_id):
            return f"No silence `{silence_id}`."
        return f"Silence `{silence_id}` ended."
