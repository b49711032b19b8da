"""The ``eval`` command: score the extractor on a labeled set and print per-slot F1 and misses."""

from __future__ import annotations

import json
from pathlib import Path

import click

from monitor.extract.evaluation import DEFAULT_SET, Report, evaluate


def _table(report: Report) -> str:
    lines = [f"{'slot':<26} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}"]
    for s in report.slots:
        lines.append(
            f"{s.slot:<26} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
        )
    lines.append(f"cases: {report.cases}   strikes from negative cases: {report.negative_strikes}")
    return "\n".join(lines)


def _misses(report: Report) -> str:
    if not report.misses:
        return "misses: none"
    rows = [f"  {m.case}  {m.slot}: expected {m.expected!r}, got {m.predicted!r}" for m in report.misses]
    return "misses:\n" + "\n".join(rows)


@click.command("eval")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--min-f1", type=float, default=None, help="Exit 1 if a key slot's F1 is lower.")
def command(path: Path | None, as_json: bool, min_f1: float | None) -> None:
    """Score the extractor on the labeled set at PATH (default: the project's set)."""
    report = evaluate(path or DEFAULT_SET)
    if as_json:
        click.echo(json.dumps(report.model_dump(mode="json"), indent=2))
    else:
        click.echo(_table(report))
        click.echo(_misses(report))
    if min_f1 is not None:
        failing = report.below(min_f1)
        if failing:
            click.echo(f"below threshold {min_f1}: {', '.join(failing)}", err=True)
            raise SystemExit(1)
