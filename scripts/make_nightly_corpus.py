"""Write tests/data/nightly/reports.jsonl: three years of dated nightly drone-attack reports.

Deterministic (seeded): figures repeat across nights and years on purpose (110 drones in 2024
and in 2025), and report times vary over the morning, so a decision keyed on the wall clock or
on the figure alone would suppress one night by another.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "nightly" / "reports.jsonl"
START = datetime(2023, 1, 1, tzinfo=UTC)
NIGHTS = 3 * 365
REPORTS = 600

RUSSIA = (
    "Russia launched {n} drones at Ukraine overnight, Ukraine's air force said.",
    "Russia launched {n} attack drones at Ukraine overnight, the air force said on {day}.",
)
UKRAINE = "Ukraine launched {n} drones at Russia overnight, Russia's defence ministry said."


def reports(seed: int = 12) -> list[dict[str, str]]:
    rng = random.Random(seed)
    nights = sorted(rng.sample(range(NIGHTS), REPORTS))
    out: list[dict[str, str]] = []
    for number, night in enumerate(nights):
        morning = START + timedelta(days=night, hours=rng.randint(4, 9), minutes=rng.choice((0, 15, 30, 45)))
        n = rng.randrange(40, 160, 10)
        if rng.random() < 0.2:
            attacker, body = "Ukraine", UKRAINE.format(n=n)
            title = f"Ukraine sends {n} drones at Russia"
        else:
            attacker, body = "Russia", rng.choice(RUSSIA).format(n=n, day=morning.strftime("%A"))
            title = f"Russia attacks Ukraine with {n} drones"
        out.append(
            {
                "id": f"nightly-{number:04d}",
                "source": "air-force" if attacker == "Russia" else "defence-ministry",
                "published": morning.isoformat().replace("+00:00", "Z"),
                "title": title,
                "text": body,
            }
        )
    return out


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(r) + "\n" for r in reports()), encoding="utf-8")
    print(f"wrote {OUT} ({REPORTS} reports)")


if __name__ == "__main__":
    main()
