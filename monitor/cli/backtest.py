"""``monitor backtest``: run rules over a corpus in a throw-away namespace, hits per rule."""

from __future__ import annotations

from pathlib import Path

import click

from monitor.cli.common import (
    DEFAULT_RULES,
    fail,
    load_rules_or_exit,
    redis_options,
    redis_or_exit,
    settings,
    setup_logging,
)
from monitor.sources.replay import ReplayError, replay_items
from monitor.tools.backtest import BacktestResult, Hit, backtest, compare
from monitor.tools.report import html_report


@click.command("backtest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--rules", "rules_dir", type=click.Path(path_type=Path), default=DEFAULT_RULES, show_default=True
)
@click.option("--report", type=click.Path(path_type=Path), help="Write an HTML report here.")
@click.option(
    "--compare", "other", type=click.Path(path_type=Path), help="Other rules folder to compare with."
)
@redis_options
@click.option("-v", "--verbose", count=True)
def command(
    paths: tuple[Path, ...],
    rules_dir: Path,
    report: Path | None,
    other: Path | None,
    redis_url: str | None,
    namespace: str,
    data_dir: Path,
    verbose: int,
) -> None:
    """Run the rules over saved articles and print hits, first and last hit and examples per rule."""
    setup_logging(verbose)
    ruleset = load_rules_or_exit([rules_dir])
    other_set = load_rules_or_exit([other]) if other is not None else None
    try:
        items = replay_items(paths)
    except ReplayError as exc:
        fail(str(exc))
    connection = redis_or_exit(redis_url, data_dir)
    try:
        extract = settings().extract
        result = backtest(connection.client, ruleset, items, extract=extract)
        baseline = backtest(connection.client, other_set, items, extract=extract) if other_set else None
    finally:
        connection.close()
    _table(result)
    comparison = compare(baseline, result) if baseline is not None else None
    if comparison is not None:
        click.echo(
            f"\ncompared with {other}: {len(comparison.added)} added, {len(comparison.removed)} removed"
        )
        _hits("+", comparison.added)
        _hits("-", comparison.removed)
    if report is not None:
        report.write_text(html_report(result, comparison), encoding="utf-8")
        click.echo(f"report written to {report}", err=True)


def _table(result: BacktestResult) -> None:
    click.echo(f"{result.items} items, {len(result.hits)} alerts")
    click.echo(f"{'rule':32} {'hits':>5}  {'first':10}  {'last':10}  examples")
    for rule in result.rules.values():
        first = rule.first.date().isoformat() if rule.first else "-"
        last = rule.last.date().isoformat() if rule.last else "-"
        examples = " | ".join(h.title for h in rule.hits[:2])
        click.echo(f"{rule.rule:32} {len(rule.hits):>5}  {first:10}  {last:10}  {examples}")


def _hits(sign: str, hits: list[Hit]) -> None:
    for hit in hits:
        click.echo(f"  {sign} {hit.rule}: {hit.title} [{hit.item_title[:60]}]")
