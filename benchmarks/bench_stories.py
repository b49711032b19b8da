"""Story clustering cost per article with many articles already indexed, against extraction.

    python -m benchmarks.bench_stories [--indexed 100000] [--measured 500] [--batch 64]

Fills a scratch namespace with ``--indexed`` distinct articles over ten nights, written by the
joiner's own script (join.lua: bands, signature, contribution, story summary, night indexes),
then times two scenarios of ``--measured`` 4 KB articles
(benchmarks.bench_extract: two to four report paragraphs drawn from a few dozen, padded):

- realistic: the articles spread over the ten nights (a busy night's reports, tens per night),
  joined in event-time order, as the pipeline joins them;
- worst case: all of them at one moment of one night, so that they pile into stories of
  hundreds of items (the first pass measured only this).

Each scenario runs twice: item by item (``StoryJoiner.join``, a poll of one new entry) and in
batches of ``--batch`` (``join_many``, as the pipeline joins a poll's or a backtest batch's
items), the second in a copy of the filled namespace (Redis COPY of every key: the same index,
without the first run's articles); the two must give the same joins, which the run checks.

The baseline, measured in the same run on the same articles, is extraction alone. Prints the
milliseconds per article of each, their ratio, the 1-minute load average, and the Redis bytes
per indexed article (MEMORY USAGE of every key the filler wrote, divided by the articles).
Redis: ``REDIS_URL`` when set, else an embedded one. The namespace is deleted at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.bench_extract import build_articles
from monitor.extract import extract
from monitor.models import Article, Facts, Item
from monitor.state.connection import connect
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from monitor.stories.joiner import StoryJoiner

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
    """Index the filler with the joiner's own script and arguments (join.lua, as
    ``StoryJoiner.join_many`` sends them), 500 articles per call so that 100,000 take seconds,
    not minutes. The filler reports no attack: each is placed as a copy or, being unrelated,
    as a new story."""
    for start in range(0, len(items), 500):
        batch = items[start : start + 500]
        joiner.call([joiner.request(item, (), item.published or NIGHT) for item in batch])


def _memory(client: object, keys: Keys) -> int:
    total = 0
    for key in client.scan_iter(match=keys.pattern(), count=1000):  # type: ignore[attr-defined]
        total += int(client.memory_usage(key, samples=0) or 0)  # type: ignore[attr-defined]
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--indexed", type=int, default=100_000)
    parser.add_argument("--measured", type=int, default=1_000)
    parser.add_argument("--batch", type=int, default=64, help="items per join_many call (default 64)")
    args = parser.parse_args()
    connection = connect(os.environ.get("REDIS_URL"), Path(tempfile.mkdtemp(prefix="bench-redis-")))
    keys = Keys(f"bench-stories-{uuid.uuid4().hex[:8]}")
    joiner = StoryJoiner(connection.client, keys)
    copy = Keys(f"{keys.namespace}-b")
    batcher = StoryJoiner(connection.client, copy)
    articles = build_articles(args.measured)
    vocabulary = sorted({w for a in articles for w in a.text.split()})
    try:
        started = time.perf_counter()
        _fill(joiner, _filler(args.indexed, vocabulary, random.Random(12)))
        fill_s = time.perf_counter() - started
        per_article = _memory(connection.client, keys) / max(1, args.indexed)
        _copy(connection.client, keys, copy)

        started, cpu = time.perf_counter(), time.process_time()
        facts = [extract(article) for article in articles]
        extract_ms = (time.perf_counter() - started) * 1000 / len(articles)
        extract_cpu = (time.process_time() - cpu) * 1000 / len(articles)
        load_extract = os.getloadavg()[0]

        # realistic: spread over the filler's ten nights, minutes apart, joined in event-time order
        spread = [NIGHT - timedelta(days=n % NIGHTS, minutes=7 * (n // NIGHTS)) for n in range(len(articles))]
        realistic = sorted(
            zip(
                (
                    _measured(f"m-{n:05d}", a, at)
                    for n, (a, at) in enumerate(zip(articles, spread, strict=True))
                ),
                facts,
                strict=True,
            ),
            key=lambda pair: (pair[0].published or NIGHT, pair[0].id),
        )
        realistic_cost, stories = _time(joiner, realistic)
        load_realistic = os.getloadavg()[0]
        realistic_batched, batched_stories = _time(batcher, realistic, args.batch)
        assert batched_stories == stories, "batched joins differ"
        load_batched = os.getloadavg()[0]
        # worst case: every article at one moment of the night after, piling into a few stories
        worst = [
            (_measured(f"w-{n:05d}", a, NIGHT + timedelta(days=1)), f)
            for n, (a, f) in enumerate(zip(articles, facts, strict=True))
        ]  # ids in event-time order: no item joins late
        worst_cost, worst_stories = _time(joiner, worst)
        load_worst = os.getloadavg()[0]
        worst_batched, worst_batched_stories = _time(batcher, worst, args.batch)
        assert worst_batched_stories == worst_stories, "batched joins differ"
    finally:
        RedisStateStore(connection.client, keys).reset()
        RedisStateStore(connection.client, copy).reset()
        connection.close()
    print(f"indexed {args.indexed:,} articles over {NIGHTS} nights in {fill_s:.1f} s")
    print(
        f"extraction (baseline): {extract_ms:.3f} ms per article "
        f"(CPU {extract_cpu:.3f} ms; load {load_extract:.2f})"
    )
    print(
        f"story join, realistic ({len(realistic)} articles over {NIGHTS} nights, largest story "
        f"{_largest(stories)} items) with {args.indexed:,} indexed: {realistic_cost}; "
        f"ratio to extraction {realistic_cost.wall / extract_ms:.3f} (load {load_realistic:.2f})"
    )
    print(
        f"  in batches of {args.batch}: {realistic_batched}; ratio to extraction "
        f"{realistic_batched.wall / extract_ms:.3f} (load {load_batched:.2f}; the same stories)"
    )
    print(
        f"story join, worst case ({len(worst)} articles at one moment, largest story "
        f"{_largest(worst_stories)} items): {worst_cost}; "
        f"ratio to extraction {worst_cost.wall / extract_ms:.3f} (load {load_worst:.2f})"
    )
    print(
        f"  in batches of {args.batch}: {worst_batched}; ratio to extraction "
        f"{worst_batched.wall / extract_ms:.3f} (load {os.getloadavg()[0]:.2f}; the same stories)"
    )
    print(f"Redis memory per indexed article: {per_article:,.0f} bytes")


def _measured(item_id: str, article: Article, at: datetime) -> Item:
    return Item(
        id=item_id,
        source=f"outlet-{int(item_id[2:]) % 50}",
        title=article.title,
        text=article.text,
        published=at,
    )


def _copy(client: object, source: Keys, target: Keys) -> None:
    """Copy every key of ``source``'s namespace to ``target``'s (values and TTLs), 1,000 a trip."""
    old, new = source.prefix, target.prefix
    names = list(client.scan_iter(match=source.pattern(), count=1000))  # type: ignore[attr-defined]
    for start in range(0, len(names), 1000):
        pipe = client.pipeline(transaction=False)  # type: ignore[attr-defined]
        for name in names[start : start + 1000]:
            text = name.decode() if isinstance(name, bytes) else str(name)
            pipe.copy(text, new + text.removeprefix(old))
        pipe.execute()


def _time(
    joiner: StoryJoiner, pairs: list[tuple[Item, Facts]], batch: int = 1
) -> tuple[Cost, dict[str, str]]:
    """The cost per article of joining ``pairs`` in order (one by one, or ``batch`` per
    ``join_many`` call), and the story each item joined."""
    stories: dict[str, str] = {}
    redis_before = _redis_usec(joiner.client)
    started, cpu = time.perf_counter(), time.process_time()
    if batch == 1:
        for item, found in pairs:
            stories[item.id] = joiner.join(item, found, item.published or NIGHT).story_id
    else:
        for start in range(0, len(pairs), batch):
            chunk = [(item, found, item.published or NIGHT) for item, found in pairs[start : start + batch]]
            for (item, _, _), join in zip(chunk, joiner.join_many(chunk), strict=True):
                stories[item.id] = join.story_id
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    redis_s = (_redis_usec(joiner.client) - redis_before) / 1e6
    count = len(pairs)
    return Cost(wall * 1000 / count, cpu * 1000 / count, redis_s * 1000 / count), stories


def _largest(joined: dict[str, str]) -> int:
    return max(Counter(joined.values()).values())


@dataclass(frozen=True)
class Cost:
    """Milliseconds per article: wall clock (what a loaded machine gives), this process' CPU,
    and Redis' CPU in the commands a join sends (commandstats: server-wide, so a shared
    REDIS_URL counts other clients' scripts too)."""

    wall: float
    cpu: float
    redis: float

    def __str__(self) -> str:
        return f"{self.wall:.3f} ms per article (CPU: {self.cpu:.3f} ms here + {self.redis:.3f} ms in Redis)"


#: The commands a join sends itself. Redis also counts each command a script runs under its own
#: name, inside the script's time: summing every row counted those twice.
_JOIN_COMMANDS = ("cmdstat_evalsha", "cmdstat_eval", "cmdstat_hgetall")


def _redis_usec(client: object) -> int:
    stats = client.info("commandstats")  # type: ignore[attr-defined]
    return sum(int(stats[name]["usec"]) for name in _JOIN_COMMANDS if name in stats)


if __name__ == "__main__":
    main()
