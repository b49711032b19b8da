"""Train the single-attack scorer on the dev cases and report how it generalizes.

Run: ``.venv/bin/python scripts/train_scorer.py [--write]``. Prints, for the grammar alone and
the grammar with the scorer: (1) fresh4 scored by a scorer trained on dev without fresh4, (2)
leave-one-group-out over real_*, real2_*, fresh3_* (each trained on dev without the group and
without fresh4), (3) the whole dev split with the scorer trained on all of it. ``--write`` saves
the all-dev weights to monitor/extract/model/single_attack.json.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypedDict, Unpack

from monitor.extract.cases import Case, cases_by_prefix
from monitor.extract.evaluation import evaluate_cases
from monitor.extract.scorer import MODEL_PATH
from monitor.tools.scorer_fit import examples, extractor_with, fit, save

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "extraction" / "dev"
GROUPS = ("real_", "real2_", "fresh3_")
SLOTS = ("strike", "strike.launched", "strike.neutralized")


def _cases(*, only: str | None = None, without: tuple[str, ...] = ()) -> list[Case]:
    return cases_by_prefix(DEV, only=only, without=without)


def _line(label: str, cases: list[Case], scorer: object) -> str:
    report = evaluate_cases(cases, extractor_with(scorer))  # type: ignore[arg-type]
    parts = []
    for slot in SLOTS:
        s = report.score(slot)
        parts.append(f"{slot} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
    neg = report.negative_facts["strikes"]
    return f"  {label:<22} {' | '.join(parts)} | strikes from negatives {neg}"


class _FitOptions(TypedDict):
    l2: float
    threshold: float


def _compare(title: str, train: list[Case], test: list[Case], **opts: Unpack[_FitOptions]) -> None:
    scorer = fit(examples(train), **opts)
    print(f"{title} (train {len(train)} cases, test {len(test)} cases)")
    print(_line("grammar alone", test, None))
    print(_line("grammar + scorer", test, scorer))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="save the all-dev weights")
    parser.add_argument("--l2", type=float, default=5.0)
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    opts: _FitOptions = {"l2": args.l2, "threshold": args.threshold}
    _compare("fresh look: fresh4", _cases(without=("fresh4_",)), _cases(only="fresh4_"), **opts)
    for group in GROUPS:
        _compare(f"held out: {group}*", _cases(without=(group, "fresh4_")), _cases(only=group), **opts)
    everything = _cases()
    _compare("dev (in-sample)", everything, everything, **opts)
    if args.write:
        save(fit(examples(everything), **opts), MODEL_PATH)
        print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
