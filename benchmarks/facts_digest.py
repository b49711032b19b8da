"""One sha256 over the Facts of every dev case, every benchmark article and the seed corpus.

A speed change must not change output: run this before and after and compare the digest.
Run: ``.venv/bin/python -m benchmarks.facts_digest`` (``--each`` prints one line per article).
The extractor breaks some ties by set order (``_article_attacker`` in strikes.py picks among
equally named sides by ``max(set(...))``), so the script re-runs itself with a fixed
PYTHONHASHSEED: the digest is comparable across runs only under one hash seed.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from benchmarks.bench_extract import build_articles
from monitor.extract import extract
from monitor.extract.cases import find_split, load_cases
from monitor.models.item import Article
from monitor.sources.replay import replay_items

ROOT = Path(__file__).resolve().parents[1]
HASH_SEED = "0"


def articles() -> Iterator[tuple[str, Article]]:
    """(label, article): dev cases, seed items, whole seed files, then the benchmark's articles."""
    for case in load_cases(find_split("dev", ROOT)):
        yield f"dev:{case.id}", Article(item_id=case.id, title=case.title, text=case.text)
    for item in replay_items([ROOT / "seeds"]):
        yield f"seed:{item.id}", Article.from_item(item)
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield f"file:{path.name}", Article(item_id=path.name, title="", text=path.read_text("utf-8"))
    for article in build_articles():
        yield f"bench:{article.item_id}", article


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != HASH_SEED:
        env = {**os.environ, "PYTHONHASHSEED": HASH_SEED}
        os.execve(sys.executable, [sys.executable, "-m", "benchmarks.facts_digest", *sys.argv[1:]], env)
    each = "--each" in sys.argv[1:]
    total = hashlib.sha256()
    count = 0
    for label, article in articles():
        line = f"{label}\t{extract(article).model_dump_json()}\n".encode()
        total.update(line)
        count += 1
        if each:
            sys.stdout.write(line.decode())
    print(f"{count} articles  sha256 {total.hexdigest()}")


if __name__ == "__main__":
    main()
