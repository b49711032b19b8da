"""Scores story joining on a labeled corpus: pairwise precision and recall of "same story"."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

import redis

from monitor.models import Article, Item
from monitor.pipeline import Extractor, event_time
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from monitor.stories.joiner import StoryJoiner


@dataclass(frozen=True)
class Joined:
    """One item of the corpus: its labeled story and the story it joined, and why."""

    item: str
    title: str
    label: str
    story: str
    how: str
    why: str


@dataclass(frozen=True)
class StoryScore:
    """Pairs of items put in one story (predicted) against pairs labeled one story (truth)."""

    joined: list[Joined]
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


STORY_CORPUS = Path("tests/data/stories/stories.jsonl")


def find_story_corpus(start: Path | None = None) -> Path | None:
    """tests/data/stories/stories.jsonl in ``start`` (default: the current directory) or a parent."""
    here = (start or Path.cwd()).resolve()
    return next((f / STORY_CORPUS for f in (here, *here.parents) if (f / STORY_CORPUS).is_file()), None)


def load_labeled(path: Path) -> list[tuple[Item, str]]:
    """Items of a JSON-lines corpus with their ``story`` label, in event-time order."""
    rows: list[tuple[Item, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        label = str(raw.pop("story"))
        raw.pop("case", None)  # the kind of report (a dev-corpus note for people), not an Item field
        rows.append((Item.model_validate(raw), label))
    return sorted(rows, key=lambda row: (row[0].published or datetime.max.replace(tzinfo=UTC), row[0].id))


def score_stories(client: redis.Redis, path: Path, extractor: Extractor) -> StoryScore:
    """Join every item of ``path`` in a scratch namespace (deleted after) and score the pairs."""
    keys = Keys(f"stories-eval-{uuid.uuid4().hex[:12]}")
    joiner = StoryJoiner(client, keys)
    joined: list[Joined] = []
    now = datetime.now(UTC)
    try:
        for item, label in load_labeled(path):
            join = joiner.join(item, extractor(Article.from_item(item)), event_time(item, now))
            joined.append(Joined(item.id, item.title, label, join.story_id, join.how, join.why))
    finally:
        RedisStateStore(client, keys).reset()
    tp = fp = fn = 0
    for a, b in combinations(joined, 2):
        same, truth = a.story == b.story, a.label == b.label
        tp += same and truth
        fp += same and not truth
        fn += truth and not same
    return StoryScore(joined, tp, fp, fn)
