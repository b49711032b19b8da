"""Every Redis key the monitor writes, in one place, with what it holds and for how long.

All keys of a namespace share the hash tag ``{ns}``, so the Lua scripts that touch several
of them at once (a record update, a dedup claim and the outbox append) work on Redis
Cluster: a namespace lives in one slot. Run several namespaces to spread load.
"""

from __future__ import annotations

from dataclasses import dataclass

DAY = 86_400

#: How long an item id is remembered as seen (at least). Feeds rarely re-publish entries older
#: than a few weeks; 90 days keeps re-alerting impossible in practice at a bounded memory cost.
SEEN_TTL = 90 * DAY
#: Seen ids are filed by the period they were seen in (monitor.state.seen) ...
SEEN_PERIOD = 30 * DAY
#: ... in this many sets per period: up to 512 ids each (about 500,000 a period) stay in
#: Redis' compact integer-set encoding; beyond that a set still works, at about 50 bytes an id.
SEEN_BUCKETS = 1024
#: Records (maxima) and first-seen terms are the monitor's memory of the war; they are
#: refreshed on every write and kept for two years of silence.
MEMORY_TTL = 730 * DAY
#: Windows are decided on event time; key TTLs only collect garbage. A key outlives its window by
#: this grace, which is also how late an item may arrive and still be decided against the state
#: of its own window (an item later than this may find the claims it should meet gone).
GRACE_MS = 7 * DAY * 1000
#: Stories (joined items, their MinHash index) are about the news of the last days: an item
#: joins a story of its own night; everything of a night is dropped this long after it.
STORY_TTL = 30 * DAY
#: Delivery receipts (sink, alert id): long enough to cover any redelivery of an outbox entry.
RECEIPT_TTL = 30 * DAY
#: Trimming bound of the outbox stream (approximate, acknowledged entries only matter).
OUTBOX_MAXLEN = 100_000
#: A feed's poll state (validators, errors, next allowed poll) is refreshed on every poll; a
#: feed gone from the configuration for 90 days is forgotten.
FEED_STATE_TTL = 90 * DAY
#: Analysts' feedback (Wrong) is the raw material of new evaluation cases: kept a year.
FEEDBACK_TTL = 365 * DAY
#: Nightly figures feed the digest's 90-day chart; a little more is kept so the chart is full.
FIGURES_TTL = 100 * DAY
#: The digest's log of facts (strikes, troops, weapons seen): a week covers any --since.
FACTS_LOG_TTL = 8 * DAY
#: An interaction request already handled: longer than Slack's five-minute signature window,
#: so a copy replayed inside the window is recognised and dropped.
INTERACTION_TTL = 10 * 60


def _part(value: str) -> str:
    """Keep key parts readable and unambiguous: no braces (hash tags) or colons inside."""
    return value.replace("{", "(").replace("}", ")").replace(":", ";")


@dataclass(frozen=True)
class Keys:
    """Key builder for one namespace."""

    namespace: str = "default"
    root: str = "monitor"

    @property
    def prefix(self) -> str:
        return f"{self.root}:{{{_part(self.namespace)}}}:"

    def seen(self, period: int, bucket: int) -> str:
        """Set of 63-bit digests of the item ids processed in one SEEN_PERIOD (numbered from the
        epoch), one of SEEN_BUCKETS sets. TTL: SEEN_TTL after the period ends."""
        return f"{self.prefix}seen:{period}:{bucket}"

    def record(self, rule_id: str, group: str) -> str:
        """Hash {max, item, at}: the largest value seen for a rule's group. TTL MEMORY_TTL."""
        return f"{self.prefix}record:{_part(rule_id)}:{_part(group)}"

    def terms(self, rule_id: str, group: str) -> str:
        """Set of terms already seen by a new_term rule in a group. TTL MEMORY_TTL."""
        return f"{self.prefix}terms:{_part(rule_id)}:{_part(group)}"

    def dedup(self, rule_id: str, dedup_key: str) -> str:
        """Sorted set {alert id: event ms}: the alerts that claimed a dedup key, at the event time
        of their item; a match within the realert of one (either side) is a duplicate. TTL: the
        realert plus GRACE_MS after the latest claim."""
        return f"{self.prefix}dedup:{_part(rule_id)}:{_part(dedup_key)}"

    def dedup_alerts(self, rule_id: str, dedup_key: str) -> str:
        """Hash {alert id: {title, item.source, fired_at} JSON} of a dedup key's claims (explain
        names the alert behind a cooldown). TTL: with the dedup key."""
        return f"{self.prefix}dedupalert:{_part(rule_id)}:{_part(dedup_key)}"

    def story_follow_ups(self, story: str) -> str:
        """Set of "alert id<TAB>source" (and "alert id<TAB>item id" for revisions): the follow-ups
        queued under each alert of a story (its rule's or a lower one's); a new member queues one.
        TTL: with the story's ranks."""
        return f"{self.prefix}followups:{_part(story)}"

    def outbox(self) -> str:
        """Stream of alerts waiting for delivery; consumer group per deployment. No TTL."""
        return f"{self.prefix}outbox"

    def dead_letters(self) -> str:
        """Stream of deliveries that failed permanently, with sink and reason. No TTL."""
        return f"{self.prefix}deadletter"

    def receipt(self, sink: str, alert_id: str) -> str:
        """String: a sink confirmed delivery of an alert (its reply, e.g. Slack ts). RECEIPT_TTL."""
        return f"{self.prefix}receipt:{_part(sink)}:{_part(alert_id)}"

    def health_probe(self) -> str:
        """String written while Redis refused writes (full, read-only), to see it take one. TTL 10 s."""
        return f"{self.prefix}probe"

    # feeds

    def feed(self, name: str) -> str:
        """String (JSON): one feed's poll state: current URL, ETag and Last-Modified, last poll,
        success, status and new item, consecutive errors, next allowed poll, disabled flag.
        TTL FEED_STATE_TTL, refreshed on every poll."""
        return f"{self.prefix}feed:{_part(name)}"

    def lease(self, feed: str) -> str:
        """String: the token (owner:random) of the replica polling a feed right now. TTL the
        lease TTL (service.lease_ttl), renewed while the poll runs, deleted when it ends."""
        return f"{self.prefix}lease:feed:{_part(feed)}"

    # slack

    def slack_story(self, story: str) -> str:
        """Hash {channel, ts}: the Slack message that opened a story's thread. TTL story_ttl_s."""
        return f"{self.prefix}slack:story:{_part(story)}"

    def slack_story_sources(self, story: str) -> str:
        """Set of source names that reported a story (its context line). TTL story_ttl_s."""
        return f"{self.prefix}slack:sources:{_part(story)}"

    def slack_story_notes(self, story: str) -> str:
        """Hash {notice alert id: line}: the marks notices left on a story's message ("Disputed
        by ...", "Corroborated by ..."), shown whenever it is refreshed. TTL story_ttl_s."""
        return f"{self.prefix}slack:notes:{_part(story)}"

    def slack_story_replies(self, story: str) -> str:
        """Set of item ids with a reply in a story's thread (a corroboration notice for an item
        already replied only marks the message). TTL story_ttl_s."""
        return f"{self.prefix}slack:replies:{_part(story)}"

    def slack_story_lock(self, story: str) -> str:
        """String: a worker is posting to this story now (no second parent). TTL a few seconds."""
        return f"{self.prefix}slack:lock:{_part(story)}"

    def slack_send(self, alert_id: str) -> str:
        """Hash {state: sending|sent, channel, thread_ts, ts, at}: one alert's post. RECEIPT_TTL."""
        return f"{self.prefix}slack:send:{_part(alert_id)}"

    def slack_channel_id(self, channel: str) -> str:
        """String: the ID Slack answered for a channel name (for history lookups). RECEIPT_TTL."""
        return f"{self.prefix}slack:channel:{_part(channel)}"

    def slack_alert(self, alert_id: str) -> str:
        """String (JSON): an alert as posted, for the buttons on its message (silence, wrong).
        RECEIPT_TTL."""
        return f"{self.prefix}slack:alert:{_part(alert_id)}"

    def slack_marks(self, channel: str, ts: str) -> str:
        """Hash {ack, silence, wrong}: the lines analysts' actions added to one Slack message, so
        a later update of the message (a new source) keeps them. RECEIPT_TTL."""
        return f"{self.prefix}slack:marks:{_part(channel)}:{_part(ts)}"

    def interaction(self, fingerprint: str) -> str:
        """String: a signed Slack request (hash of signature and body) already handled; drops
        Slack's retries and replays inside the signature window. TTL INTERACTION_TTL."""
        return f"{self.prefix}slack:interaction:{_part(fingerprint)}"

    def digest_claim(self, channel: str, day: str) -> str:
        """String: the replica that posts a channel's digest of a day (one post per day, however
        many replicas). TTL two days."""
        return f"{self.prefix}digest:{_part(channel)}:{_part(day)}"

    # feedback and figures

    def feedback(self, feedback_id: str) -> str:
        """String (JSON): one Wrong from an analyst: alert, item, fact, rule, reason, corrected
        facts. TTL FEEDBACK_TTL."""
        return f"{self.prefix}feedback:{_part(feedback_id)}"

    def feedbacks(self) -> str:
        """Sorted set {feedback id: ms}, to list feedback in order; ids past their TTL are pruned
        on read. No TTL."""
        return f"{self.prefix}feedbacks"

    def wrong_week(self, week: str) -> str:
        """Hash {rule: count} of Wrong per rule in an ISO week (2025-W36). TTL 8 weeks."""
        return f"{self.prefix}wrong:{_part(week)}"

    def night(self, day: str) -> str:
        """Hash {attacker: drones launched}: the largest figure reported for the night ending on
        the morning of ``day`` (YYYY-MM-DD), per attacker. TTL FIGURES_TTL."""
        return f"{self.prefix}night:{_part(day)}"

    def night_record(self) -> str:
        """Hash {attacker: drones}: the largest nightly figure kept by the digest (its chart's
        record line). TTL MEMORY_TTL, refreshed on write."""
        return f"{self.prefix}night:record"

    def facts_log(self) -> str:
        """Sorted set {fact JSON: event ms} of the strikes, troop reports and weapons extracted,
        for the digest; entries older than FACTS_LOG_TTL are trimmed on write. TTL FACTS_LOG_TTL."""
        return f"{self.prefix}factslog"

    # rules: state of the windowed rule types, silences, inhibition and aggregation

    def window(self, rule_id: str, group: str) -> str:
        """Sorted set {member: event ms} of a frequency or spike rule's group, trimmed to the
        rule's windows on each write. TTL: the windows plus a minute, refreshed on write."""
        return f"{self.prefix}window:{_part(rule_id)}:{_part(group)}"

    def change(self, rule_id: str, group: str) -> str:
        """Hash {value, item, at}: the last value of a change rule's group. TTL MEMORY_TTL."""
        return f"{self.prefix}change:{_part(rule_id)}:{_part(group)}"

    def story(self, story: str) -> str:
        """Sorted set {"rank<TAB>alert id": event ms}: severity rank (1 info, 2 warning, 3 critical)
        of each alert fired for a story; a higher one within a match's realert (event time)
        inhibits it. TTL: the realert plus GRACE_MS after the latest alert."""
        return f"{self.prefix}story:{_part(story)}"

    def aggregation(self, rule_id: str, window: int) -> str:
        """List of alert payloads held for a rule's aggregated alert, one list per window of event
        time (numbered from the epoch: event ms // window ms). TTL: ten windows plus GRACE_MS."""
        return f"{self.prefix}agg:{_part(rule_id)}:{window}"

    def aggregations(self) -> str:
        """Sorted set {aggregation list key: flush due ms}. No TTL (members removed on flush)."""
        return f"{self.prefix}aggs"

    def holds(self) -> str:
        """Hash {alert id: JSON of the held alert, its single-source form and 'previous'}: alerts
        of min_sources rules waiting for corroboration. TTL: the longest max_hold plus GRACE_MS,
        refreshed on write (members are removed when released)."""
        return f"{self.prefix}holds"

    def hold_due(self) -> str:
        """Sorted set {alert id: event ms when its max_hold ends}: when each held alert fires
        single-source. Also {"single<TAB>alert id": event ms when it is forgotten}: an alert
        fired single-source stays in ``holds`` and ``hold_stories`` under that field for a day
        of event time, so that a second outlet joining its story later corroborates it once.
        TTL as holds."""
        return f"{self.prefix}holds:due"

    def hold_stories(self) -> str:
        """Hash {alert id: "min_sources<TAB>story id"}: which story must reach how many independent
        outlets to release each held alert. TTL as holds."""
        return f"{self.prefix}holds:story"

    def story_notices(self, story: str) -> str:
        """Set {item id}: the items whose denial, retraction or correction of a story was queued
        to its thread (one notice per item, a retried batch queues none). TTL STORY_TTL."""
        return f"{self.prefix}notices:{_part(story)}"

    def silence(self, silence_id: str) -> str:
        """String: a silence as JSON. TTL: until the silence ends (it expires on its own)."""
        return f"{self.prefix}silence:{_part(silence_id)}"

    def silences(self) -> str:
        """Sorted set {silence id: end ms}, to list silences; ended ids pruned on read. No TTL."""
        return f"{self.prefix}silences"

    def last_seen(self, watch: str) -> str:
        """Hash {name: last ms} of the sources, tags or rules a flatline rule watches (watch is
        source, tag or rule). TTL MEMORY_TTL, refreshed on write."""
        return f"{self.prefix}lastseen:{_part(watch)}"

    # stories

    def story_band_prefix(self, night: str) -> str:
        """Prefix of a night's band hashes, ``{prefix}{band}:{shard}`` (join.lua names them):
        Hash {bucket (4 bytes of the band digest after its first): the 8-byte digests of the
        items in that LSH bucket, concatenated}: one shard (the digest's first byte) of one of
        the 16 MinHash bands of a night's items. Sharded so that each hash stays small enough
        for Redis' compact encoding (about 80 bytes less per bucket entry). TTL STORY_TTL.
        ``lsh2``: bands of 16-bit signatures (the 32-bit index before them, ``lsh``, is left to
        expire)."""
        return f"{self.prefix}lsh2:{_part(night)}:"

    def story_signatures(self, night: str) -> str:
        """Hash {item digest (8 bytes): MinHash signature (64 x 2 bytes), then its event ms,
        story id and wire item, tab-separated}: the items of a night, for verifying LSH
        candidates and knowing an item filed. TTL STORY_TTL. ``lshsig2``: 16-bit signatures
        (``lshsig`` held 32-bit ones, left to expire)."""
        return f"{self.prefix}lshsig2:{_part(night)}"

    def story_items(self, story_id: str) -> str:
        """Hash {item id: contribution JSON, stories.model.SUMMARY_FIELD: the story's compact
        summary (sources, figures per source), which joins read instead of the contributions,
        and FIGURES_FIELD: its distinct figures, which placement reads}: what each item added to
        a story (idempotent per item: a retried batch writes the same). ``story_items("")`` is
        the prefix join.lua reads and writes stories under. TTL STORY_TTL."""
        return f"{self.prefix}storyitems:{_part(story_id)}"

    def night_stories(self, night: str) -> str:
        """Sorted set {story id: first event ms}: the stories of a night (same-attack joins,
        `stories list`). TTL STORY_TTL."""
        return f"{self.prefix}nightstories:{_part(night)}"

    def night_attacks(self, night: str, attack: str) -> str:
        """Sorted set {story id: first event ms}: a night's stories reporting an attack
        ("Russia/drone"), for joining other reports of it. TTL STORY_TTL."""
        return f"{self.prefix}nightattack:{_part(night)}:{_part(attack)}"

    def night_side(self, night: str, side: str) -> str:
        """Sorted set {story id: first event ms}: a night's stories about an attack by ``side``
        (reports with or without figures: a city's damage, a toll), for joining other articles
        on that attack and its follow-ups. TTL STORY_TTL."""
        return f"{self.prefix}nightside:{_part(night)}:{_part(side)}"

    def story_nights(self) -> str:
        """Sorted set {night: its last event ms}: the nights that have stories (`stories
        list --since`); nights past STORY_TTL are pruned on write. No TTL."""
        return f"{self.prefix}storynights"

    def pattern(self) -> str:
        """Glob matching every key of this namespace (for --fresh and test cleanup)."""
        return f"{self.prefix}*"
