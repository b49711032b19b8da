"""SlackSink: post each alert once (claim, post, record), threading follow-ups of a story."""

from __future__ import annotations

import logging
import time

import redis

from monitor.clock import EpochClock
from monitor.models import Alert
from monitor.settings import SlackSettings
from monitor.sinks.base import DeliveryError
from monitor.sinks.slack.blocks import Message, build_message
from monitor.sinks.slack.client import SlackError, WebApi
from monitor.sinks.slack.ledger import Attempt, SendLedger
from monitor.sinks.slack.routing import mention_for, route
from monitor.sinks.slack.threads import Story, ThreadStore, story_key
from monitor.sinks.wording import notice_words
from monitor.state.keys import Keys
from monitor.state.marks import MarkStore
from monitor.state.posted import PostedAlerts

log = logging.getLogger(__name__)


class SlackSink:
    """Bot-token mode: chat.postMessage with threads per story and chat.update of the parent.

    Exactly-once: before posting, a 'sending' claim is written; the moment Slack answers, the
    ts is recorded. A redelivery that finds a claim without a ts looks for the alert id in the
    metadata of the channel's (or thread's) recent messages before posting again. A #name is
    resolved to its ID (conversations.list) before the first post, so the claim always names an
    ID. If the lookup is impossible (no channels:history or channels:read scope) it posts
    again: at most one duplicate, and only after a crash or a lost answer.
    """

    name = "slack"

    def __init__(
        self,
        settings: SlackSettings,
        client: redis.Redis,
        keys: Keys,
        clock: EpochClock = time.time,
    ) -> None:
        settings.require_delivery()
        if settings.bot_token is None:
            raise ValueError("SlackSink needs SLACK_BOT_TOKEN; use WebhookSink for SLACK_WEBHOOK_URL")
        self.settings = settings
        self.api = WebApi(settings.bot_token.get_secret_value(), settings.api_url, settings.timeout_s)
        self.clock = clock
        # send and thread state live in the outbox's namespace, so they survive restarts
        self._ledger = SendLedger(client, keys)
        self._threads = ThreadStore(client, keys, settings.story_ttl_s)
        #: What analysts did to each message, and the alert behind it, for the buttons.
        self._marks = MarkStore(client, keys)
        self._posted = PostedAlerts(client, keys)
        #: Acknowledge / Silence / Wrong under each alert when Slack can call us back (a signing secret).
        self.buttons = settings.signing_secret is not None

    def __repr__(self) -> str:
        return f"SlackSink(mode='bot', api={self.api!r})"

    async def send(self, alert: Alert) -> str:
        ledger, threads = self._ledger, self._threads
        attempt = ledger.get(alert.alert_id)
        if attempt is not None:
            ts = await self._resume(alert, attempt)
            if ts is not None:
                return ts
        story = story_key(alert)
        existing = threads.get(story)
        if existing is not None:
            if alert.notice == "corroborated" and threads.replied(story, _item_id(alert)):
                # the corroborating report has its reply already: the notice only marks the parent
                await self._noted(alert, story)
                return f"marked {existing.ts}"
            return await self._reply(alert, story, existing)
        if alert.reason == "cooldown":
            # a corroborating report of a story whose message is gone (or never posted here):
            # a new top-level message for something already alerted would be noise
            return "skipped: follow-up without a thread"
        if not threads.lock(story, int(self.settings.timeout_s * 1000) + 2000):
            raise DeliveryError(f"slack: story {story} is being posted by another worker", retryable=True)
        try:
            return await self._open(alert, story)
        finally:
            threads.unlock(story)

    async def _resume(self, alert: Alert, attempt: Attempt) -> str | None:
        """A previous attempt exists: finish it if Slack has the message, else None (post)."""
        ledger = self._ledger
        ts = attempt.ts if attempt.state == "sent" else await self._lookup(alert, attempt)
        if ts is None:
            return None
        if attempt.state != "sent":
            ledger.sent(alert.alert_id, attempt.channel, ts)
        await self._after_post(alert, attempt.channel, ts, attempt.thread_ts)
        log.info("slack: alert %s of rule %s was already posted (ts %s)", alert.alert_id, alert.rule, ts)
        return ts

    async def _lookup(self, alert: Alert, attempt: Attempt) -> str | None:
        channel = (
            await self._channel_id(attempt.channel) if attempt.channel.startswith("#") else attempt.channel
        )
        if channel.startswith("#"):
            log.warning("slack: cannot check %s for a lost post (name, not ID); posting again", channel)
            return None
        try:
            return await self.api.find(channel, attempt.thread_ts, alert.alert_id, attempt.at)
        except SlackError as exc:
            if exc.retryable:
                raise
            log.warning("slack: lookup of a possibly lost post failed (%s); posting again", exc.reason)
            return None

    async def _open(self, alert: Alert, story: str) -> str:
        target = route(alert, self.settings)
        channel = target.channel or self.settings.default_channel or ""
        message = build_message(alert, mention=target.mention, sources=1, buttons=self.buttons)
        known = self._ledger.channel_id(channel)  # an ID remembered from before may be stale
        channel_id = await self._channel_id(channel)
        try:
            channel_id, ts = await self._post(alert, channel_id, "", message)
        except SlackError as exc:
            if known.startswith("#") or "channel_not_found" not in exc.reason:
                raise
            # the name may point at another channel now (renamed, recreated): resolve it again
            self._ledger.forget_channel(channel)
            again = await self._channel_id(channel)
            if again == channel_id:
                raise
            channel_id, ts = await self._post(alert, again, "", message)
        self._ledger.remember_channel(channel, channel_id)
        await self._after_post(alert, channel_id, ts, "")
        return ts

    async def _channel_id(self, channel: str) -> str:
        """The channel's ID, resolving a #name before the first post, so the claim written
        before posting names an ID and a lost post can always be looked for in the history."""
        ledger = self._ledger
        known = ledger.channel_id(channel)
        if not known.startswith("#"):
            return known
        try:
            found = await self.api.channel_id(channel)
        except SlackError as exc:
            if exc.retryable or "channel_not_found" in exc.reason:
                raise
            # no channels:read scope: post by name (a lost post is then posted again)
            log.warning("slack: cannot resolve %s to an ID (%s); posting by name", channel, exc.reason)
            return channel
        ledger.remember_channel(channel, found)
        return found

    async def _reply(self, alert: Alert, story: str, parent: Story) -> str:
        source = _source(alert)
        count = len(parent.sources | {source})
        message = build_message(alert, mention=None, sources=count, reply=True, buttons=self.buttons)
        channel_id, ts = await self._post(alert, parent.channel, parent.ts, message)
        await self._after_post(alert, channel_id, ts, parent.ts)
        return ts

    async def _post(self, alert: Alert, channel: str, thread_ts: str, message: Message) -> tuple[str, str]:
        ledger = self._ledger
        ledger.claim(alert.alert_id, ledger.channel_id(channel), thread_ts, self.clock())
        try:
            channel_id, ts = await self.api.post(channel, message, thread_ts, alert.alert_id)
        except SlackError as exc:
            if not exc.maybe_done:
                ledger.release(alert.alert_id)
            raise
        ledger.sent(alert.alert_id, channel_id, ts)  # first thing after the answer: closes the window
        return channel_id, ts

    async def _after_post(self, alert: Alert, channel: str, ts: str, thread_ts: str) -> None:
        """Thread bookkeeping once the post is recorded; the parent update is best effort."""
        threads = self._threads
        if self.buttons:
            self._posted.keep(alert)
        story = story_key(alert)
        if not thread_ts:
            threads.start(story, channel, ts, _source(alert), alert.model_dump_json())
            return
        threads.replied(story, _item_id(alert), add=True)
        if alert.notice:
            await self._noted(alert, story)
            return
        threads.add_source(story, _source(alert))
        await self.refresh_parent(alert)

    async def _noted(self, alert: Alert, story: str) -> None:
        """A notice marks the story's message (once per notice; a redelivery writes the same):
        disputed, retracted or corrected by its source; corroborated by it, which also takes
        the single-source mark off the parent's alert."""
        threads = self._threads
        threads.note(story, alert.alert_id, notice_words(alert.notice, _source(alert), _headline(alert)))
        if alert.notice == "corroborated":
            threads.add_source(story, _source(alert))
            parent = threads.get(story)
            if parent is not None and parent.alert:
                shown = Alert.model_validate_json(parent.alert)
                threads.show(story, shown.model_copy(update={"single_source": False}).model_dump_json())
        await self.refresh_parent(alert)

    async def refresh_parent(self, alert: Alert) -> None:
        """chat.update the story's parent with the source count, and with this alert's figures
        when it is of the parent's rule (a revision, another outlet's figure); a follow-up of a
        lower rule the parent inhibited leaves the parent's own alert in place."""
        threads = self._threads
        key = story_key(alert)
        story = threads.get(key)
        if story is None:
            return
        shown = _parent(story, alert)
        if shown is alert:
            threads.show(key, alert.model_dump_json())
        marks = self._marks.lines(story.channel, story.ts)
        message = build_message(
            shown,
            mention=mention_for(shown, self.settings),
            sources=len(story.sources),
            buttons=self.buttons,
            marks=marks,
            notes=threads.notes(key),
        )
        try:
            await self.api.update(story.channel, story.ts, message)
        except SlackError as exc:
            log.warning("slack: update of story %s failed, next follow-up retries: %s", story.ts, exc.reason)

    async def close(self) -> None:
        return None


def _parent(story: Story, alert: Alert) -> Alert:
    """The alert the story's parent message should show after ``alert`` came."""
    if not story.alert:
        return alert
    parent = Alert.model_validate_json(story.alert)
    if alert.notice:  # a notice marks the parent; it never replaces the parent's alert
        return parent
    if parent.rule == alert.rule:
        return alert
    # the parent keeps its own alert, but shows the story's figures as they now stand
    return parent.model_copy(update={"figures": alert.figures}) if alert.figures else parent


def _source(alert: Alert) -> str:
    return str(alert.item.get("source") or "unknown")


def _item_id(alert: Alert) -> str:
    return str(alert.item.get("id") or "")


def _headline(alert: Alert) -> str:
    return str(alert.item.get("title") or "")[:200]
