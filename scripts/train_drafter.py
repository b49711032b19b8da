"""Train the count-role drafter on the dev cases and report how it generalizes.

Run: ``.venv/bin/python scripts/train_drafter.py [--write]``. Prints, for the shipped grammar
(with its single-attack scorer) alone and with the drafter, leave-one-round-out figures: each of
fresh4_*, fresh3_*, real2_* and real_* scored by a drafter trained on dev without that round;
then the whole dev split with the drafter trained on all of it. ``--write`` saves the all-dev
weights to monitor/extract/model/count_roles.json. Deterministic: no sampling, no seed needed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from monitor.extract.cases import Case, cases_by_prefix
from monitor.extract.casualties import find_casualties
from monitor.extract.document import sentences_of
from monitor.extract.drafter import MODEL_PATH, Drafter
from monitor.extract.evaluation import Extractor, evaluate_cases
from monitor.extract.revisions import Policy
from monitor.extract.strikes import find_strikes
from monitor.models.facts import Facts
from monitor.models.item import Article
from monitor.tools.drafter_fit import examples, fit, save

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "extraction" / "dev"
ROUNDS = ("fresh4_", "fresh3_", "real2_", "real_")
SLOTS = ("strike", "strike.launched", "strike.shot_down", "strike.neutralized")


def _cases(*, only: str | None = None, without: tuple[str, ...] = ()) -> list[Case]:
    return cases_by_prefix(DEV, only=only, without=without)


def extractor_with(drafter: Drafter | None, policy: Policy) -> Extractor:
    """Strikes and casualties as extract() finds them, revised by ``drafter`` (None: grammar alone)."""

    def run(article: Article) -> Facts:
        sentences = sentences_of(article)
        if not sentences:
            return Facts()
        strikes = find_strikes(sentences, drafter=drafter, policy=policy)
        return Facts(strikes=strikes, casualties=find_casualties(sentences))

    return run


def _scores(cases: list[Case], drafter: Drafter | None, policy: Policy) -> tuple[float, ...]:
    report = evaluate_cases(cases, extractor_with(drafter, policy))
    return tuple(report.score(slot).f1 for slot in SLOTS)


def _row(label: str, cases: list[Case], drafter: Drafter, policy: Policy) -> tuple[float, ...]:
    alone, both = _scores(cases, None, policy), _scores(cases, drafter, policy)
    cells = " | ".join(f"{a:.3f} -> {b:.3f}" for a, b in zip(alone, both, strict=True))
    print(f"| {label:<8} | {len(cases):>5} | {cells} |")
    return tuple(b - a for a, b in zip(alone, both, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="save the all-dev weights")
    parser.add_argument("--l2", type=float, default=0.3)
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--sum-at", type=float, default=Policy().sum_at)
    parser.add_argument("--outcome-at", type=float, default=Policy().outcome_at)
    parser.add_argument("--add-at", type=float, default=Policy().add_at)
    parser.add_argument("--drop-at", type=float, default=Policy().drop_at)
    args = parser.parse_args()
    policy = Policy(args.sum_at, args.outcome_at, args.add_at, args.drop_at)
    heads = " | ".join(f"{slot} F1 (grammar -> +drafter)" for slot in SLOTS)
    print(f"| held out | cases | {heads} |")
    print("|---|---|" + "---|" * len(SLOTS))
    gains = []
    for group in ROUNDS:
        drafter = fit(examples(_cases(without=(group,))), l2=args.l2, steps=args.steps)
        gains.append(_row(group.rstrip("_"), _cases(only=group), drafter, policy))
    mean = [sum(g[k] for g in gains) / len(gains) for k in range(len(SLOTS))]
    print("| mean gain |  | " + " | ".join(f"{m:+.4f}" for m in mean) + " |")
    everything = _cases()
    final = fit(examples(everything), l2=args.l2, steps=args.steps)
    _row("dev", everything, final, policy)
    if args.write:
        save(final, MODEL_PATH)
        print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
