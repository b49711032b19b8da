"""What the buttons and modals do: acknowledge, silence, record a Wrong; then update the message."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

import redis

from monitor.clock import Clock, utc_now
from monitor.interact import modals
from monitor.interact.api import ConsoleApi, Silencers
from monitor.interact.payloads import Click, Submission
from monitor.models import Alert
from monitor.models.duration import parse_duration
from monitor.sinks.slack.blocks import fallback_text
from monitor.sinks.slack.buttons import ACK, SILENCE, WRONG, with_marks
from monitor.state.feedback import WRONG_REASONS, Feedback, FeedbackStore
from monitor.state.keys import Keys
from monitor.state.marks import Mark, MarkStore
from monitor.state.posted import PostedAlerts
from monitor.state.silences import SilenceStore

log = logging.getLogger(__name__)

#: Wrong reasons that ask for the corrected facts in a modal; the others are stored at once.
CORRECTED_REASONS = frozenset({"wrong_count", "wrong_attacker", "other"})


def slack_date(moment: datetime) -> str:
    """A time every reader sees in their own time zone, with a UTC fallback."""
    fallback = moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} {{time}}|{fallback}>"


def fact_kind_of(fact: dict[str, Any]) -> str:
    """The kind of fact an alert fired on, from the fields it has."""
    if "nationality" in fact:
        return "troops"
    if "weapon" in fact and ("launched" in fact or "attacker" in fact):
        return "strike"
    if "name" in fact and "used" in fact:
        return "weapon"
    if "killed" in fact or "injured" in fact:
        return "casualty"
    return "item"


class ConsoleActions:
    """Handles clicks and modal submissions after the endpoint has acknowledged them."""

    def __init__(
        self,
        api: ConsoleApi,
        silencers: Silencers,
        client: redis.Redis,
        keys: Keys,
        clock: Clock = utc_now,
    ) -> None:
        self.api = api
        self.silencers = silencers
        self.marks = MarkStore(client, keys)
        self.posted = PostedAlerts(client, keys)
        self.silences = SilenceStore(client, keys)
        self.feedback = FeedbackStore(client, keys)
        self.clock = clock

    async def on_click(self, click: Click) -> None:
        alert = self.posted.get(click.alert_id)
        if alert is None:
            await self.api.respond(click.response_url, "This alert is too old to act on from Slack.")
            return
        if click.action == ACK:
            await self._acknowledge(alert, click)
        elif click.action == SILENCE:
            await self._silence_choice(alert, click)
        elif click.action == WRONG:
            await self._wrong_choice(alert, click)

    async def on_submission(self, submission: Submission) -> None:
        meta = submission.metadata
        alert = self.posted.get(meta.get("alert_id", ""))
        if alert is None:
            log.warning("slack: a modal for alert %s, which is no longer kept", meta.get("alert_id"))
            return
        if submission.callback_id == modals.SILENCE_UNTIL:
            await self._silence_until(alert, submission)
        elif submission.callback_id == modals.CORRECTION:
            fact_kind = meta.get("fact_kind", "strike")
            corrected = modals.corrected_fact(fact_kind, alert.fact, submission.values)
            note = submission.values.get("note", "")
            await self._wrong(alert, submission.user, meta, meta.get("reason", "other"), corrected, note)

    # -- acknowledge --------------------------------------------------------------------------

    async def _acknowledge(self, alert: Alert, click: Click) -> None:
        now = self.clock()
        line = f":white_check_mark: Acknowledged by <@{click.user}> at {slack_date(now)}"
        if not self.marks.set(click.channel, click.ts, "ack", line):
            await self.api.respond(click.response_url, "This alert was acknowledged already.")
            return
        await self._refresh(alert, click.channel, click.ts, click.blocks)
        await self.api.reply(click.channel, click.thread_ts or click.ts, f"Acknowledged by <@{click.user}>.")
        log.info("slack: alert %s of rule %s acknowledged", alert.alert_id, alert.rule)

    # -- silence ----------------------------------------------------------------------------------

    async def _silence_choice(self, alert: Alert, click: Click) -> None:
        if not await self.silencers.may(click.user):
            await self.api.respond(click.response_url, "You are not on the list of people who may silence.")
            return
        scope, _, length = click.value.partition(":")
        meta = _meta(alert, click)
        if length == "until":
            self.marks.remember_blocks(click.channel, click.ts, json.dumps(click.blocks))
            await self.api.open_modal(
                click.trigger_id, modals.silence_until(alert, scope, meta, self.clock())
            )
            return
        await self._silence(alert, click.user, meta, scope, parse_duration(length), "", click.blocks)

    async def _silence_until(self, alert: Alert, submission: Submission) -> None:
        meta = submission.metadata
        if not await self.silencers.may(submission.user):
            log.warning("slack: user %s may not silence rule %s", submission.user, alert.rule)
            return
        until = submission.values.get("until", "")
        seconds = int(until) - self.clock().timestamp() if until.isdigit() else 0.0
        if seconds <= 0:
            log.warning("slack: silence of rule %s until a past time ignored", alert.rule)
            return
        note = submission.values.get("note", "")
        await self._silence(alert, submission.user, meta, meta.get("scope", "story"), seconds, note, None)

    async def _silence(
        self,
        alert: Alert,
        user: str,
        meta: dict[str, str],
        scope: str,
        seconds: float,
        note: str,
        blocks: list[dict[str, Any]] | None,
    ) -> None:
        matchers = {"dedup_key": alert.dedup_key} if scope == "story" else {}
        reason = f"from Slack by {user}" + (f": {note}" if note else "")
        silence = self.silences.add(alert.rule, matchers, seconds, reason, self.clock())
        what = "this story" if scope == "story" else f"rule `{alert.rule}`"
        until = slack_date(silence.ends_at)
        line = f":no_bell: <@{user}> silenced {what} until {until} (silence `{silence.id}`)"
        await self._mark(alert, meta, "silence", line, blocks)
        log.info("slack: silence %s of rule %s (%s) added by %s", silence.id, alert.rule, scope, user)

    # -- wrong ------------------------------------------------------------------------------------

    async def _wrong_choice(self, alert: Alert, click: Click) -> None:
        meta = _meta(alert, click)
        if click.value in CORRECTED_REASONS:
            self.marks.remember_blocks(click.channel, click.ts, json.dumps(click.blocks))
            view = modals.correction(alert, fact_kind_of(alert.fact), click.value, meta)
            await self.api.open_modal(click.trigger_id, view)
            return
        await self._wrong(alert, click.user, meta, click.value, None, "", click.blocks)

    async def _wrong(
        self,
        alert: Alert,
        user: str,
        meta: dict[str, str],
        reason: str,
        corrected: dict[str, Any] | None,
        note: str,
        blocks: list[dict[str, Any]] | None = None,
    ) -> None:
        if reason not in WRONG_REASONS:
            log.warning("slack: unknown Wrong reason %r ignored", reason)
            return
        feedback = Feedback.model_validate(
            {
                "id": FeedbackStore.new_id(),
                "at": self.clock(),
                "user": user,
                "reason": reason,
                "note": note,
                "alert_id": alert.alert_id,
                "rule": alert.rule,
                "fact_kind": fact_kind_of(alert.fact),
                "item": alert.item,
                "fact": alert.fact,
                "corrected": corrected,
            }
        )
        self.feedback.add(feedback)
        line = f":x: <@{user}> marked this wrong: {WRONG_REASONS[reason]} (feedback `{feedback.id}`)"
        await self._mark(alert, meta, "wrong", line, blocks)
        log.info("slack: Wrong (%s) on rule %s stored as feedback %s", reason, alert.rule, feedback.id)

    # -- the message --------------------------------------------------------------------------------

    async def _mark(
        self, alert: Alert, meta: dict[str, str], mark: Mark, line: str, blocks: list[dict[str, Any]] | None
    ) -> None:
        channel, ts = meta["channel"], meta["ts"]
        self.marks.set(channel, ts, mark, line)
        if blocks is None:
            stored = self.marks.blocks(channel, ts)
            blocks = json.loads(stored) if stored else None
        if blocks is None:
            log.warning(
                "slack: message %s of alert %s not updated (its blocks are not kept)", ts, alert.alert_id
            )
            return
        await self._refresh(alert, channel, ts, blocks)

    async def _refresh(self, alert: Alert, channel: str, ts: str, blocks: list[dict[str, Any]]) -> None:
        """The message as it was, with the analysts' lines above its buttons."""
        updated = with_marks(blocks, self.marks.lines(channel, ts))
        await self.api.update(channel, ts, fallback_text(alert, None), updated)


def _meta(alert: Alert, click: Click) -> dict[str, str]:
    return {"alert_id": alert.alert_id, "channel": click.channel, "ts": click.ts}
