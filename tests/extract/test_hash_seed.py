"""The extractor's output must not depend on the interpreter's hash seed: a replay, a backtest and
each worker process of the live service must read the same article the same way."""

from __future__ import annotations

import json
import os
import subprocess
import sys

#: Two counts naming opposite attackers once each, and a third naming none: the article's
#: attacker is a tie, which must go the same way in every process.
TIED = (
    "Russia launched 40 drones at Kharkiv overnight. Ukraine launched 30 drones at Belgorod. "
    "In all, 25 drones were shot down overnight.",
    "Russian forces launched 61 missiles at Ukraine's energy system overnight. Ukrainian forces "
    "fired 12 missiles at Crimea. A further 20 drones were launched overnight.",
)

PROGRAM = """
import json, sys
from monitor.extract import extract
from monitor.models import Article
texts = json.loads(sys.stdin.read())
out = [extract(Article(item_id=str(i), title="Night of strikes", text=t)).model_dump(mode="json")
       for i, t in enumerate(texts)]
print(json.dumps(out, sort_keys=True))
"""


def _facts_under(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        input=json.dumps(TIED),
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return done.stdout


def test_tied_attackers_read_the_same_under_every_hash_seed() -> None:
    outputs = {seed: _facts_under(seed) for seed in range(1, 9)}
    assert len(set(outputs.values())) == 1, "facts differ between hash seeds"
    strikes = [s for facts in json.loads(outputs[1]) for s in facts["strikes"]]
    # the unattributed count goes to the side named first in its article
    assert [s["attacker"] for s in strikes if s["launched"] in (40, 20)] == ["Russia", "Russia"]
