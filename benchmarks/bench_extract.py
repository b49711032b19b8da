"""Extractor throughput on one core: a tokenize-only baseline versus the whole extractor.

Builds about 1,000 articles of roughly 4 KB from the seed corpus and the labeled extraction
set, padded with realistic news filler, then prints articles per second for both passes and
their ratio. Run: ``/work/venv/bin/python benchmarks/bench_extract.py``.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

from monitor.extract import extract
from monitor.extract.cases import find_split, load_cases
from monitor.extract.sentences import split_sentences
from monitor.models.item import Article

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 1_000
ARTICLE_CHARS = 4_000
_WORD = re.compile(r"\w+")


def _paragraphs() -> tuple[list[str], list[str]]:
    """(reports, filler): paragraphs with figures from the seeds and the labeled set, and the
    seeds' figure-free prose (analysis, diplomacy, interviews) as realistic filler."""
    reports = [case.text for case in load_cases(find_split("dev", ROOT))]
    filler: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8").split("\n-\n")[0]
        for paragraph in (p for p in text.split("\n") if len(p) > 80):
            has_figure = any(c.isdigit() for c in paragraph)
            (reports if has_figure else filler).append(paragraph)
    return reports, filler


def build_articles(count: int = ARTICLES, size: int = ARTICLE_CHARS) -> list[Article]:
    """Deterministic articles: two to four report paragraphs padded with filler to ``size``."""
    rng = random.Random(7)
    reports, filler = _paragraphs()
    articles: list[Article] = []
    for i in range(count):
        parts = [rng.choice(reports) for _ in range(rng.randint(2, 4))]
        while sum(len(p) + 1 for p in parts) < size:
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(filler))
        text = "\n".join(parts)[:size]
        articles.append(Article(item_id=str(i), title=parts[0][:80], text=text))
    return articles


def tokenize_only(article: Article) -> int:
    """The baseline: split into sentences and find the words, nothing else."""
    text = article.text
    return sum(len(_WORD.findall(text[s:e])) for s, e in split_sentences(text))


def _rate(articles: list[Article], work: object) -> float:
    assert callable(work)
    start = time.process_time()  # CPU time of this process: one core, unaffected by neighbours
    for article in articles:
        work(article)
    return len(articles) / (time.process_time() - start)


def main() -> None:
    articles = build_articles()
    mean = sum(len(a.text) for a in articles) / len(articles)
    for article in articles[:50]:  # warm caches and lazy imports
        extract(article)
    baseline = max(_rate(articles, tokenize_only) for _ in range(3))
    full = max(_rate(articles, extract) for _ in range(3))
    print(f"articles: {len(articles)}  mean size: {mean:.0f} chars")
    print(f"tokenize only:   {baseline:10.0f} articles/s")
    print(f"full extractor:  {full:10.0f} articles/s")
    print(f"ratio (full / tokenize-only): {full / baseline:.2f}")
    print(f"target >= 1000 articles/s: {'met' if full >= 1_000 else 'NOT met'}")


if __name__ == "__main__":
    main()
