"""A batch joined in one join.lua call gives the joins and stories of joining it item by item."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import redis

from monitor.models import Article, Facts, Item
from monitor.pipeline import default_extractor
from monitor.state.keys import Keys
from monitor.stories import joiner
from monitor.stories.joiner import JOIN_CHUNK, StoryJoiner
from monitor.stories.model import Join, Story, best_of, disagree
from monitor.tools.storyeval import load_labeled

DATA = Path(__file__).resolve().parents[1] / "data" / "stories"


def _entries() -> list[tuple[Item, Facts, datetime]]:
    """The story corpora, each in event-time order, the second's every fifth item moved to the
    end: late items, older than stories they join, come after the items that made them."""
    found = [item for item, _ in load_labeled(DATA / "stories.jsonl")]
    dev = [item for item, _ in load_labeled(DATA / "dev" / "stories.jsonl")]
    found += [item for n, item in enumerate(dev) if n % 5] + dev[::5]
    entries = []
    for item in found:
        assert item.published is not None
        entries.append((item, default_extractor(Article.from_item(item)), item.published))
    return entries


def test_a_batch_joins_as_its_items_one_by_one(redis_client: redis.Redis, namespace: str) -> None:
    entries = _entries()
    assert len(entries) > 2 * JOIN_CHUNK  # several calls, stories carried across them
    single = StoryJoiner(redis_client, Keys(f"{namespace}-single"))
    batch = StoryJoiner(redis_client, Keys(f"{namespace}-batch"))
    one_by_one = [single.join(item, facts, at) for item, facts, at in entries]
    together = batch.join_many(entries)
    assert together == one_by_one
    # not vacuous: items joined stories opened earlier in their own call, and some joined late
    first_call = together[:JOIN_CHUNK]
    opened = {join.story_id for join in first_call if join.how == "new"}
    assert any(join.how != "new" and join.story_id in opened for join in first_call)
    hows = {join.how for join in together}
    assert {"new", "copy", "same_attack"} <= hows
    for story_id in {join.story_id for join in together}:
        assert batch.story(story_id) == single.story(story_id)
    late = 0
    for (item, _, _), join in zip(entries[-28:], together[-28:], strict=True):
        story = batch.story(join.story_id)
        assert story is not None
        late += story.contributions[-1].item != item.id
    assert late > 0


def test_a_batch_joined_again_answers_as_its_items_joined_again(
    redis_client: redis.Redis, namespace: str
) -> None:
    """A batch retried after Redis failed (some of it filed, some not), then again whole:
    each item answers as it does joined again on its own."""
    entries = _entries()[:90]
    single = StoryJoiner(redis_client, Keys(f"{namespace}-single"))
    batch = StoryJoiner(redis_client, Keys(f"{namespace}-batch"))
    assert batch.join_many(entries[:45]) == [single.join(*entry) for entry in entries[:45]]
    for _ in range(2):
        assert batch.join_many(entries) == [single.join(*entry) for entry in entries]
    for story_id in {join.story_id for join in batch.join_many(entries)}:
        assert batch.story(story_id) == single.story(story_id)


def _launched(story: Story | None) -> dict[str, int]:
    best = best_of(story.latest_by_source()) if story else {}
    return {what: f.launched for what, (f, _) in best.items() if f.launched is not None}


def _reference(story: Story, item_id: str) -> Join:
    """A late item's join as the story's definition gives it: the stories before it and up to
    it built anew from their contributions."""
    mine = next(c for c in story.contributions if c.item == item_id)
    earlier = [c for c in story.contributions if (c.at, c.item) < (mine.at, mine.item)]
    upto = Story.of(story.id, [*earlier, mine])
    return Join(
        story_id=story.id,
        how=mine.how,
        why=mine.why,
        before=_launched(Story.of(story.id, earlier) if earlier else None),
        after=_launched(upto),
        sources=len(upto.sources),
        independent=upto.independent,
        figures=upto.side_by_side(),
        disagree=disagree(upto.latest_by_source()),
    )


def test_a_late_items_join_read_off_its_story_is_the_one_built_anew(
    redis_client: redis.Redis, namespace: str
) -> None:
    entries = _entries()
    joins = StoryJoiner(redis_client, Keys(namespace)).join_many(entries)
    stories = StoryJoiner(redis_client, Keys(namespace))._stories({j.story_id for j in joins})
    several = 0
    for (item, _, _), join in zip(entries, joins, strict=True):
        story = stories[join.story_id]
        several += len(story.contributions) > 3
        assert joiner._join_in(story, item.id) == _reference(story, item.id)
    assert several > 10
