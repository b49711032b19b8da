"""The ``eval`` command: score the extractor (and optionally the shipped rules) on a labeled split."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from monitor.cli.common import fail, load_rules_or_exit, redis_options, redis_or_exit
from monitor.extract.cases import SPLITS, Case, SplitNotFoundError, find_split, load_cases
from monitor.extract.evaluation import Report, SlotScore, evaluate_cases
from monitor.yamldoc import ProblemsError

if TYPE_CHECKING:  # the rules stack is imported only when --rules asks for it
    from monitor.tools.casebook import AlertReport

_HEADER = f"{'slot':<26} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}"
_KIND_SLOTS = ("strike", "strike.launched", "strike.attacker", "troop.nationality", "weapon.name")


def _row(s: SlotScore) -> str:
    return f"{s.slot:<26} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"


def _negatives(counts: dict[str, int]) -> str:
    return ", ".join(f"{facet} {n}" for facet, n in counts.items())


def _table(report: Report) -> str:
    lines = [_HEADER, *(_row(s) for s in report.slots)]
    lines.append(f"cases: {report.cases}   facts from negative cases: {_negatives(report.negative_facts)}")
    return "\n".join(lines)


def _kinds(report: Report) -> str:
    head = f"{'source kind':<20} {'cases':>5} " + " ".join(f"{s:>17}" for s in _KIND_SLOTS)
    lines = ["per source kind (F1; '-' when nothing is labeled or found):", head]
    for kind in report.by_kind:
        cells = []
        for slot in _KIND_SLOTS:
            score = kind.score(slot)
            cells.append(f"{score.f1:>17.3f}" if score.tp + score.fp + score.fn else f"{'-':>17}")
        negatives = sum(kind.negative_facts.values())
        lines.append(
            f"{kind.source_kind:<20} {kind.cases:>5} " + " ".join(cells) + f"   neg facts {negatives}"
        )
    return "\n".join(lines)


def _misses(report: Report) -> str:
    grouped = report.misses_by_class()
    if not grouped:
        return "misses: none"
    lines = ["misses by class:"]
    for name, misses in grouped.items():
        lines.append(f"[{name}] {len(misses)}")
        lines.extend(f"  {m.case}  {m.slot}: expected {m.expected!r}, got {m.predicted!r}" for m in misses)
    return "\n".join(lines)


def _alerts_text(alerts: AlertReport) -> str:
    lines = [f"alerts of the shipped rules ({alerts.cases} case(s), each alone on empty state):", _HEADER]
    lines.extend(_row(s) for s in alerts.rules)
    lines.extend(f"  {miss}" for miss in alerts.misses)
    return "\n".join(lines)


def _cases(path: Path | None, split: str) -> list[Case]:
    try:
        return load_cases(path or find_split(split))
    except SplitNotFoundError as exc:
        fail(str(exc))
    except ProblemsError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        fail(f"{len(exc.problems)} error(s) in the cases; nothing was scored")


def _score_alerts(
    cases: list[Case], rules_dirs: tuple[Path, ...], redis_url: str | None, data_dir: Path
) -> AlertReport:
    from monitor.tools.casebook import CaseAlerts

    ruleset = load_rules_or_exit(rules_dirs)
    connection = redis_or_exit(redis_url, data_dir)
    try:
        return CaseAlerts(connection.client, ruleset).score(cases)
    finally:
        connection.close()


def _emit(report: Report, alerts: AlertReport | None, as_json: bool) -> None:
    if as_json:
        payload: dict[str, Any] = report.model_dump(mode="json")
        if alerts is not None:
            payload["alerts"] = {
                "cases": alerts.cases,
                "rules": [s.model_dump(mode="json") for s in alerts.rules],
                "misses": [vars(m) for m in alerts.misses],
            }
        click.echo(json.dumps(payload, indent=2))
        return
    click.echo(_table(report))
    click.echo(_kinds(report))
    if alerts is not None:
        click.echo(_alerts_text(alerts))
    click.echo(_misses(report))


@click.command("eval")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--split",
    type=click.Choice(SPLITS),
    default="dev",
    show_default=True,
    help="Which split to find under tests/data/extraction (from here upward) when PATH is not given.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--min-f1", type=float, default=None, help="Exit 1 if a key slot's F1 is lower.")
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Also score each case's alerts against these rules (needs Redis; repeatable).",
)
@click.option(
    "--stories",
    is_flag=True,
    help="Score story joining instead: pairwise precision and recall of 'same story' on the labeled "
    "JSON lines at PATH (default: tests/data/stories/stories.jsonl, from here upward; needs Redis).",
)
@redis_options
def command(
    path: Path | None,
    split: str,
    as_json: bool,
    min_f1: float | None,
    rules_dirs: tuple[Path, ...],
    stories: bool,
    redis_url: str | None,
    namespace: str,
    data_dir: Path,
) -> None:
    """Score the extractor on the labeled cases at PATH (default: the --split folder)."""
    if stories:
        _stories(path, as_json, min_f1, redis_url, data_dir)
        return
    cases = _cases(path, split)
    report = evaluate_cases(cases)
    alerts = _score_alerts(cases, rules_dirs, redis_url, data_dir) if rules_dirs else None
    _emit(report, alerts, as_json)
    if min_f1 is not None:
        failing = report.below(min_f1)
        if failing:
            click.echo(f"below threshold {min_f1}: {', '.join(failing)}", err=True)
            raise SystemExit(1)


def _stories(
    path: Path | None, as_json: bool, least: float | None, redis_url: str | None, data_dir: Path
) -> None:
    from monitor.pipeline import default_extractor
    from monitor.tools.storyeval import find_story_corpus, score_stories

    corpus = path or find_story_corpus()
    if corpus is None:
        fail("no tests/data/stories/stories.jsonl here or in a parent folder; pass the corpus as PATH")
    connection = redis_or_exit(redis_url, data_dir)
    try:
        score = score_stories(connection.client, corpus, default_extractor)
    finally:
        connection.close()
    if as_json:
        rows = [vars(j) for j in score.joined]
        summary = {"precision": score.precision, "recall": score.recall, "tp": score.tp, "fp": score.fp}
        click.echo(json.dumps({**summary, "fn": score.fn, "items": rows}, indent=2))
    else:
        for j in score.joined:
            click.echo(f"{j.label:<6} {j.story}  {j.how:<11} {j.title[:50]:<50}  {j.why}")
        click.echo(
            f"same-story pairs: precision {score.precision:.3f}, recall {score.recall:.3f} "
            f"(tp {score.tp}, fp {score.fp}, fn {score.fn}; {len(score.joined)} items)"
        )
    if least is not None and min(score.precision, score.recall) < least:
        click.echo(f"below threshold {least}", err=True)
        raise SystemExit(1)
