"""Which story a denial disputes: the story it joined or one begun within STORY_SPAN before it,
with an alert, whose figures name the side the denial names and a place or weapon kind it names.

Decided: a denial has no figures and new wording, so it joins no story by copy or by figures
(at most as an article on the same event, stories/event.py, where it never corroborates); it is
tied here, for the notice, whether or not it joined. The tie asks that the denial name the
attacking side (when it names a side at all) and either a place of the attack or, when it names
a side, the attack's weapon kind; a denial naming no side must name a place. Stories whose items
report no figures (no strike of this war) cannot be disputed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

import redis

from monitor.models import Denial
from monitor.state.keys import Keys
from monitor.stories.joiner import STORY_SPAN
from monitor.stories.model import Join, Story


class StoryLookup(Protocol):
    """The stories of the last hours and what each holds (monitor.stories.joiner.StoryJoiner)."""

    def since(self, moment: datetime) -> list[tuple[str, int]]: ...

    def story(self, story_id: str) -> Story | None: ...


def tie(denial: Denial, story: Story) -> tuple[int, str]:
    """How well a denial names a story's attack (0: not at all; 2: a place, 1: side and weapon
    kind) and why."""
    best: tuple[int, str] = (0, "")
    for contribution in story.contributions:
        for figure in contribution.figures:
            if denial.sides and figure.attacker not in denial.sides:
                continue
            places = sorted(set(denial.places) & set(figure.places))
            if places:
                return 2, f"{figure.what}, names {', '.join(places)}"
            if denial.sides and figure.weapon in denial.weapons and best[0] < 1:
                best = (1, f"{figure.what}, names {figure.attacker} and {figure.weapon}")
    return best


class DisputeTies:
    """Finds the story a denial disputes among the stories with an alert (Redis, read only)."""

    def __init__(self, client: redis.Redis, keys: Keys, stories: StoryLookup) -> None:
        self.client = client
        self.keys = keys
        self.stories = stories

    def target(self, denial: Denial, join: Join | None, at: datetime) -> tuple[str, str] | None:
        """(story id, why) of the story ``denial`` (event time ``at``) disputes, or None. The
        story it joined comes first, then the latest begun."""
        at_ms = int(at.timestamp() * 1000)
        own = join.story_id if join is not None else ""
        candidates = [own] if join is not None and join.how != "new" else []
        recent = [
            (s, first) for s, first in self.stories.since(at - STORY_SPAN) if first <= at_ms and s != own
        ]
        candidates += [s for s, _ in sorted(recent, key=lambda pair: -pair[1])]
        pipe: Any = self.client.pipeline(transaction=False)
        for story_id in candidates:
            pipe.zcard(self.keys.story(story_id))
        alerted = [s for s, n in zip(candidates, pipe.execute(), strict=True) if n]
        best: tuple[int, str, str] = (0, "", "")
        for story_id in alerted:
            story = self.stories.story(story_id)
            score, why = tie(denial, story) if story is not None else (0, "")
            if score > best[0]:
                best = (score, story_id, why)
        return (best[1], best[2]) if best[0] else None
