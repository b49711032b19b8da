"""Story notices: the alerts that tell a story's thread it was disputed, retracted, corrected or
corroborated (threaded under the story's message by the Slack sink, never a message of their own)."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Protocol

from monitor.models import Alert, Denial, Facts, Item
from monitor.models.alert import Notice
from monitor.models.item import stable_id
from monitor.state.store import Holds, Notices
from monitor.stories.model import Join

log = logging.getLogger(__name__)

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


class StoryDisputes(Protocol):
    """Finds the story a denial disputes (monitor.stories.disputes.DisputeTies)."""

    def target(self, denial: Denial, join: Join | None, at: datetime) -> tuple[str, str] | None: ...


class StoryNotifier:
    """Queues an item's story notices after its batch is decided: a denial, retraction or
    correction queues one to the story it disputes; a second independent outlet in a story whose
    alert fired single-source queues one that it is corroborated. Once per item and alert (the
    state scripts keep the marks), so a retried batch queues none again."""

    def __init__(self, holds: Holds, notices: Notices, disputes: StoryDisputes | None) -> None:
        self.holds = holds
        self.notices = notices
        self.disputes = disputes

    def notify(
        self, item: Item, facts: Facts, story: Join | None, at: datetime, now: datetime, corroborating: bool
    ) -> None:
        """``at``: the item's event time; ``corroborating``: some rule holds for min_sources."""
        for denial in facts.denials:
            self._dispute(item, denial, story, at, now)
        if corroborating and story is not None and story.independent > 1:
            for single in self.holds.singles(story.story_id):
                if single.need <= story.independent:
                    alert = corroboration_notice(Alert.model_validate_json(single.payload), item, now)
                    if self.holds.corroborate(single.alert_id, alert.model_dump_json()):
                        log.info("alert %s corroborated by %s", single.alert_id, item.source)

    def _dispute(self, item: Item, denial: Denial, story: Join | None, at: datetime, now: datetime) -> None:
        found = self.disputes.target(denial, story, at) if self.disputes is not None else None
        if found is None:
            return
        story_id, why = found
        alert = denial_notice(item, denial, story_id, why, now)
        queued = self.notices.queue(story_id, item.id, alert.model_dump_json())
        level = logging.INFO if queued == "queued" else logging.DEBUG
        log.log(level, "item %s %s story %s (%s): %s", item.id, alert.notice, story_id, why, queued)
