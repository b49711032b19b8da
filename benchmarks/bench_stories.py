"""Story clustering cost per article with many articles already indexed, against extraction.

    python -m benchmarks.bench_stories [--indexed 100000] [--measured 1000]

Fills a scratch namespace with ``--indexed`` distinct articles (joined through the real
StoryJoiner: MinHash, the LSH probe and the writes), ten nights of them, then times joining
``--measured`` realistic 4 KB articles (benchmarks.bench_extract) into the latest night. The
baseline, measured in the same run on the same articles, is extraction alone. Prints the
milliseconds per article of both, their ratio, and the Redis bytes per indexed article (MEMORY
USAGE of every key the index wrote, divided by the articles). Redis: ``REDIS_URL`` when set,
else an embedded one. The namespace is deleted at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.bench_extract import build_articles
from monitor.extract import extract
from monitor.models import Item
from monitor.state.connection import connect
from monitor.state.keys import STORY_TTL, Keys
from monitor.state.store import RedisStateStore
from monitor.stories.index import MOST_PER_BUCKET, Candidate, digest
from monitor.stories.joiner import StoryJoiner, story_id_for
from monitor.stories.minhash import BANDS, bands, signature
from monitor.stories.model import Contribution, night_of

NIGHT = datetime(2025, 7, 4, 6, tzinfo=UTC)
NIGHTS = 10


def _filler(count: int, vocabulary: list[str], rng: random.Random) -> list[Item]:
    """Distinct articles of 250 words drawn from the corpus' vocabulary, spread over the nights
    before the measured one (unrelated news: no copies among them)."""
    items = []
    for number in range(count):
        at = NIGHT - timedelta(days=number % NIGHTS, minutes=number % 600)
        text = " ".join(rng.choices(vocabulary, k=250))
        items.append(Item(id=f"fill-{number}", source=f"outlet-{number % 50}", text=text, published=at))
    return items


def _fill(joiner: StoryJoiner, items: list[Item]) -> None:
    """Index the filler as the joiner would (each article a story of its own: they are unrelated),
    500 articles per pipelined round trip so that filling 100,000 takes seconds, not minutes."""
    for start in range(0, len(items), 500):
        pipe = joiner.client.pipeline(transaction=False)
        for item in items[start : start + 500]:
            at = item.published or NIGHT
            night = night_of(at)
            sig = signature(item.text)
            keys = [
                joiner.keys.story_bands(n, b)
                for n in (night, night_of(at - timedelta(days=1)))
                for b in range(BANDS)
            ]
            keys += [
                joiner.keys.story_signatures(night),
                joiner.keys.story_signatures(night_of(at - timedelta(days=1))),
            ]
            args = [digest(item.id), *bands(sig), STORY_TTL, MOST_PER_BUCKET, "1"]
            joiner.index._probe(keys=keys, args=args, client=pipe)
            story_id = story_id_for(item.id)
            joiner.index.file(
                pipe, item.id, night, Candidate(sig, int(at.timestamp() * 1000), story_id, item.id)
            )
            contribution = Contribution(
                item=item.id, source=item.source, title="", at=at, how="new", why="", wire=item.id
            )
            pipe.hset(joiner.keys.story_items(story_id), item.id, contribution.model_dump_json())
            pipe.zadd(joiner.keys.night_stories(night), {story_id: int(at.timestamp() * 1000)})
        pipe.execute()


def _memory(client: object, keys: Keys) -> int:
    total = 0
    for key in client.scan_iter(match=keys.pattern(), count=1000):  # type: ignore[attr-defined]
        total += int(client.memory_usage(key, samples=0) or 0)  # type: ignore[attr-defined]
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--indexed", type=int, default=100_000)
    parser.add_argument("--measured", type=int, default=1_000)
    args = parser.parse_args()
    connection = connect(os.environ.get("REDIS_URL"), Path(tempfile.mkdtemp(prefix="bench-redis-")))
    keys = Keys(f"bench-stories-{uuid.uuid4().hex[:8]}")
    joiner = StoryJoiner(connection.client, keys)
    articles = build_articles(args.measured)
    vocabulary = sorted({w for a in articles for w in a.text.split()})
    try:
        started = time.perf_counter()
        _fill(joiner, _filler(args.indexed, vocabulary, random.Random(12)))
        fill_s = time.perf_counter() - started
        per_article = _memory(connection.client, keys) / max(1, args.indexed)

        started = time.perf_counter()
        facts = [extract(article) for article in articles]
        extract_ms = (time.perf_counter() - started) * 1000 / len(articles)

        items = [
            Item(id=f"m-{n}", source=f"outlet-{n % 50}", title=a.title, text=a.text, published=NIGHT)
            for n, a in enumerate(articles)
        ]
        started = time.perf_counter()
        for item, found in zip(items, facts, strict=True):
            joiner.join(item, found, item.published or NIGHT)
        join_ms = (time.perf_counter() - started) * 1000 / len(items)
    finally:
        RedisStateStore(connection.client, keys).reset()
        connection.close()
    print(f"indexed {args.indexed:,} articles over {NIGHTS} nights in {fill_s:.1f} s")
    print(f"extraction (baseline): {extract_ms:.3f} ms per article")
    print(f"story join with {args.indexed:,} indexed: {join_ms:.3f} ms per article")
    print(f"ratio join / extraction: {join_ms / extract_ms:.3f}")
    print(f"Redis memory per indexed article: {per_article:,.0f} bytes")


if __name__ == "__main__":
    main()
