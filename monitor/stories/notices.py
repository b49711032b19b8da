"""Story notices: the alerts that tell a story's thread it was disputed, retracted, corrected or
corroborated (threaded under the story's message by the Slack sink, never a message of their own)."""

from __future__ import annotations

from datetime import datetime

from monitor.models import Alert, Denial, Item
from monitor.models.alert import Notice
from monitor.models.item import stable_id

#: The notice a denial of each kind makes.
NOTICE_OF: dict[str, Notice] = {"denied": "disputed", "retracted": "retracted", "corrected": "corrected"}
#: The rule name notices carry (they come from no rule).
NOTICE_RULE = "story-notice"


def denial_notice(item: Item, denial: Denial, story_id: str, why: str, now: datetime) -> Alert:
    """The notice that ``item`` disputes, retracts or corrects the story ``story_id``; its id is
    stable per story and item, so a retried batch or a redelivery makes the same one."""
    notice = NOTICE_OF[denial.kind]
    return Alert(
        alert_id=stable_id("notice", story_id, item.id),
        rule=NOTICE_RULE,
        severity="info",
        title=f"{notice.capitalize()}: {item.title.strip()[:200] or item.source}",
        reason="cooldown",
        dedup_key=f"notice:{story_id}",
        fired_at=now,
        item=item.ref() | {"story_id": story_id},
        fact=denial.model_dump(mode="json"),
        text=f"{denial.evidence}\n(Tied to the story: {why})",
        notice=notice,
    )


def corroboration_notice(single: Alert, item: Item, now: datetime) -> Alert:
    """The notice that ``item``, from a second independent outlet, corroborates ``single`` (an
    alert that fired single-source): in the same thread, with the corroborating report."""
    ref = item.ref() | ({"story_id": single.item["story_id"]} if "story_id" in single.item else {})
    return single.model_copy(
        update={
            "alert_id": stable_id("corroborated", single.alert_id),
            "reason": "cooldown",
            "title": f"Corroborated by {item.source}: {single.title}",
            "fired_at": now,
            "item": ref,
            "previous": None,
            "single_source": False,
            "notice": "corroborated",
        }
    )
