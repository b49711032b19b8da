"""Cost of hostile rules files: each must become one positioned error, fast and small (issue 14).

Run: .venv/bin/python benchmarks/bench_hostile_rules.py
Writes each input to a temporary folder and loads it with ``load_rules`` as `rules check` and
the service's reloader do; prints CPU time, peak Python memory (tracemalloc) and the error.
"""

from __future__ import annotations

import json
import tempfile
import time
import tracemalloc
from pathlib import Path

from monitor.rules.loader import load_rules


def _rule(title: str) -> str:
    return (
        "rules:\n  - " + json.dumps({"id": "hostile", "type": "any", "fact": "item", "title": title}) + "\n"
    )


INPUTS = {
    "alias bomb (9 levels of 9)": "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)),
    "100,000 nested [": "[" * 100_000,
    "when: 3,000 deep": "rules:\n  - id: deep\n    title: t\n    type: any\n    fact: item\n    when:\n"
    + "".join("      " + "  " * i + "not:\n" for i in range(3000)),
    "NUL byte": "rules:\n  - id: a\x00b\n",
    "nested range(100000) loops": _rule(
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}"
    ),
    "'A' * 4000000000": _rule("{{ 'A' * 4000000000 }}"),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, text) in enumerate(INPUTS.items()):
            path = Path(tmp) / f"{n}.yaml"
            path.write_text(text)
            tracemalloc.start()
            started = time.process_time()
            _, problems = load_rules([path])
            took = time.process_time() - started
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            message = problems[0].message if problems else "(no error!)"
            print(f"{name}: {took * 1000:.0f} ms CPU, peak {peak / 1e6:.1f} MB: {message}")


if __name__ == "__main__":
    main()
