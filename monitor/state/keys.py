"""Every Redis key the monitor writes, in one place, with what it holds and for how long.

All keys of a namespace share the hash tag ``{ns}``, so the Lua scripts that touch several
of them at once (a record update, a dedup claim and the outbox append) work on Redis
Cluster: a namespace lives in one slot. Run several namespaces to spread load.
"""

from __future__ import annotations

from dataclasses import dataclass

DAY = 86_400

#: How long an item id is remembered as seen. Feeds rarely re-publish entries older than
#: a few weeks; 90 days keeps re-alerting impossible in practice at a bounded memory cost.
SEEN_TTL = 90 * DAY
#: Records (maxima) and first-seen terms are the monitor's memory of the war; they are
#: refreshed on every write and kept for two years of silence.
MEMORY_TTL = 730 * DAY
#: Delivery receipts (sink, alert id): long enough to cover any redelivery of an outbox entry.
RECEIPT_TTL = 30 * DAY
#: Trimming bound of the outbox stream (approximate, acknowledged entries only matter).
OUTBOX_MAXLEN = 100_000


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

    def seen(self, item_id: str) -> str:
        """String, an item already processed. TTL SEEN_TTL."""
        return f"{self.prefix}seen:{_part(item_id)}"

    def record(self, rule_id: str, group: str) -> str:
        """Hash {max, item, at}: the largest value seen for a rule's group. TTL MEMORY_TTL."""
        return f"{self.prefix}record:{_part(rule_id)}:{_part(group)}"

    def terms(self, rule_id: str, group: str) -> str:
        """Set of terms already seen by a new_term rule in a group. TTL MEMORY_TTL."""
        return f"{self.prefix}terms:{_part(rule_id)}:{_part(group)}"

    def dedup(self, rule_id: str, dedup_key: str) -> str:
        """String holding the alert id that claimed a dedup key. TTL: the rule's realert."""
        return f"{self.prefix}dedup:{_part(rule_id)}:{_part(dedup_key)}"

    def outbox(self) -> str:
        """Stream of alerts waiting for delivery; consumer group per deployment. No TTL."""
        return f"{self.prefix}outbox"

    def dead_letters(self) -> str:
        """Stream of deliveries that failed permanently, with sink and reason. No TTL."""
        return f"{self.prefix}deadletter"

    def receipt(self, sink: str, alert_id: str) -> str:
        """String: a sink confirmed delivery of an alert (its reply, e.g. Slack ts). RECEIPT_TTL."""
        return f"{self.prefix}receipt:{_part(sink)}:{_part(alert_id)}"

    def pattern(self) -> str:
        """Glob matching every key of this namespace (for --fresh and test cleanup)."""
        return f"{self.prefix}*"
