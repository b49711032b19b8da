"""Pairwise precision and recall of story joining per case kind (the corpus' ``case`` field).

Each item's pairs with every other item are counted under the item's own case kind (so a pair
of two kinds counts under both): true when both items share the labeled story and the joined
one, false positive when they share the joined story only, false negative when they share the
labeled story only. Items with a miss are listed with how and why they joined.
Run: ``REDIS_URL=redis://... .venv/bin/python scripts/story_cases.py tests/data/stories/dev/stories.jsonl``
(without REDIS_URL an embedded Redis is started in a temporary folder).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from monitor.pipeline import default_extractor
from monitor.state.connection import connect
from monitor.tools.storyeval import score_stories


def main(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = {row["id"]: row.get("case", "-") for row in rows}
    connection = connect(os.environ.get("REDIS_URL"), Path(tempfile.mkdtemp(prefix="story-cases-")))
    try:
        score = score_stories(connection.client, path, default_extractor)
    finally:
        connection.close()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for a in score.joined:
        others = [b for b in score.joined if b is not a]
        tp = sum(b.label == a.label and b.story == a.story for b in others)
        fp = sum(b.label != a.label and b.story == a.story for b in others)
        fn = sum(b.label == a.label and b.story != a.story for b in others)
        for k, n in enumerate((tp, fp, fn)):
            counts[cases[a.item]][k] += n
        if fp or fn:
            said = f"{a.how:11} {a.title[:48]:48} {a.why[:60]}"
            print(f"miss {a.label:4} {cases[a.item]:20} fp {fp} fn {fn} {said}")
    print(f"all: precision {score.precision:.3f}, recall {score.recall:.3f} ({len(score.joined)} items)")
    for case, (tp, fp, fn) in sorted(counts.items()):
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"  {case:20} precision {precision:.3f}  recall {recall:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
