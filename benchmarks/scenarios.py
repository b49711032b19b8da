"""The scenarios of ``python -m benchmarks``: each returns its figures for one run."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import feedparser
import redis

from benchmarks import workload
from benchmarks.baselines import fair_naive, one_regex_per_rule, run_baseline
from monitor.extract import extract
from monitor.models import Article, Facts, Item
from monitor.rules.loader import load_rules
from monitor.rules.ruleset import RuleSet
from monitor.settings import ExtractSettings
from monitor.sources.entries import FAST
from monitor.state.keys import Keys
from monitor.state.seen import SeenItems
from monitor.tools.backtest import backtest

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


@dataclass
class Workload:
    """What every run of a scenario shares: Redis, the corpus, its facts, the rule files."""

    client: redis.Redis
    items: list[Item]
    facts: dict[str, Facts]
    rules_dir: Path
    rulesets: dict[int, RuleSet]

    def rules_file(self, count: int) -> Path:
        path = self.rules_dir / f"rules-{count}.yaml"
        return path if path.exists() else workload.write_rules(self.rules_dir, count)

    def ruleset(self, count: int) -> RuleSet:
        if count not in self.rulesets:
            ruleset, problems = load_rules([self.rules_file(count)])
            errors = [str(p) for p in problems if p.severity == "error"]
            assert not errors, errors[:3]
            self.rulesets[count] = ruleset
        return self.rulesets[count]


def prepare(client: redis.Redis, items: int) -> Workload:
    corpus = workload.corpus(items)
    facts = {item.id: extract(Article.from_item(item)) for item in corpus}
    return Workload(client, corpus, facts, Path(tempfile.mkdtemp(prefix="bench-rules-")), {})


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def backtest_rate(work: Workload, rules: int, *, extraction: bool) -> float:
    """Items per second of a backtest: extraction in the worker pool (one worker per core),
    or the facts given (rules, state and decisions only)."""
    ruleset = work.ruleset(rules)
    started = time.perf_counter()
    if extraction:
        backtest(work.client, ruleset, work.items, extract=ExtractSettings(mode="process"))
    else:
        facts = work.facts
        backtest(work.client, ruleset, work.items, extractor=lambda a: facts[a.item_id])
    return _rate(len(work.items), time.perf_counter() - started)


def baseline_rate(work: Workload, rules: int, kind: str) -> float:
    """Items per second of a baseline, on a sample sized so a run takes seconds, not hours."""
    ruleset = work.ruleset(rules)
    loop = fair_naive(ruleset) if kind == "naive" else one_regex_per_rule(ruleset)
    sample = work.items[: max(40, min(len(work.items), 400_000 // max(rules, 1)))]
    started = time.perf_counter()
    run_baseline(loop, work.client, sample, work.facts)
    return _rate(len(sample), time.perf_counter() - started)


def load_seconds(work: Workload, rules: int) -> float:
    path = work.rules_file(rules)
    started = time.perf_counter()
    load_rules([path])
    return time.perf_counter() - started


def peak_memory_mb(work: Workload, rules: int) -> float:
    """Peak RSS (MB) of a fresh process that loads the rules and backtests 500 items."""
    url = _url(work.client)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [PYTHON, "-m", "benchmarks.peak", str(work.rules_file(rules)), url]
    out = subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT, env=env)
    return float(out.stdout.strip().splitlines()[-1])


def _url(client: redis.Redis) -> str:
    kwargs = client.connection_pool.connection_kwargs
    if "path" in kwargs:
        return f"unix://{kwargs['path']}"
    return f"redis://{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}/{kwargs.get('db', 0)}"


def _feed_document(entries: int = 50, entry_chars: int = 40_000) -> bytes:
    """An RSS document like a news site's full-content feed: HTML paragraphs with relative links."""
    from html import escape as html_escape
    from xml.sax.saxutils import escape

    paragraphs = [p for item in workload.corpus(entries) for p in item.text.split("\n")]
    body = "".join(
        f'<p>{html_escape(p)} <a href="/news/{i}">more</a> <img src="img/{i}.jpg"/></p>'
        for i, p in enumerate(paragraphs)
    )
    parts = []
    for n in range(entries):
        html = body[n * 997 % len(body) :][:entry_chars]
        parts.append(
            f"<item><guid>g{n}</guid><title>Entry {n}</title><link>/story/{n}</link>"
            f"<content:encoded>{escape(html)}</content:encoded>"
            "<pubDate>Mon, 01 Sep 2025 12:00:00 GMT</pubDate></item>"
        )
    namespace = "http://purl.org/rss/1.0/modules/content/"
    head = f'<?xml version="1.0"?><rss version="2.0" xmlns:content="{namespace}">'
    return f"{head}<channel><title>t</title>{''.join(parts)}</channel></rss>".encode()


_FEED: list[bytes] = []


def parse_rate(options: dict[str, bool]) -> float:
    """feedparser entries per second on a 2 MB full-content feed."""
    if not _FEED:
        _FEED.append(_feed_document())
    headers = {"content-location": "https://news.example/feed"}
    started = time.perf_counter()
    parsed = feedparser.parse(io.BytesIO(_FEED[0]), response_headers=headers, **options)
    return _rate(len(parsed.entries), time.perf_counter() - started)


PARSE_DEFAULT: dict[str, bool] = {}
PARSE_FAST = FAST


def seen_bytes(work: Workload, *, old: bool) -> float:
    """Redis memory per seen item id (50,000 ids like feed entry URLs), now and as one key each."""
    client = work.client
    url = "https://www.example-news.com/world/europe/2025/06/{}-russia-ukraine-war-live"
    ids = [url.format(n) for n in range(50_000)]
    keys = Keys(f"bench-seen-{os.getpid()}-{time.monotonic_ns()}")
    before = int(client.info("memory")["used_memory"])
    if old:
        pipe = client.pipeline(transaction=False)
        for item_id in ids:
            pipe.set(f"{keys.prefix}seen:{item_id}", 1, ex=90 * 86_400)
        pipe.execute()
    else:
        SeenItems(client, keys).mark_seen(ids)
    used = int(client.info("memory")["used_memory"]) - before
    _delete_namespace(client, keys)
    return used / len(ids)


def command_seconds(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def startup(args: list[str]) -> Callable[[], float]:
    return lambda: command_seconds(args)


MONITOR = str(Path(PYTHON).with_name("monitor"))


def seed_replay_seconds(work: Workload) -> float:
    """``monitor replay seeds/`` (13 items) against the benchmark's Redis, as an analyst runs it;
    its namespace is deleted afterwards (``--fresh`` only clears it before)."""
    namespace = f"bench-seeds-{os.getpid()}"
    args = [MONITOR, "replay", "seeds/", "--redis", _url(work.client), "--fresh"]
    try:
        return command_seconds([*args, "--namespace", namespace, "--sink", "jsonl:/dev/null"])
    finally:
        _delete_namespace(work.client, Keys(namespace))


def _delete_namespace(client: redis.Redis, keys: Keys) -> None:
    found = list(client.scan_iter(match=keys.pattern(), count=1000))
    for start in range(0, len(found), 500):
        client.delete(*found[start : start + 500])
