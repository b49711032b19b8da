"""``monitor feedback``: the Wrong feedback analysts gave in Slack, listed or exported as eval cases."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from monitor.cli.common import fail, redis_options, redis_or_exit
from monitor.models.duration import parse_duration
from monitor.state.feedback import WRONG_REASONS, Feedback, FeedbackStore
from monitor.state.keys import Keys


@click.group("feedback")
def command() -> None:
    """Feedback from the Wrong button: list it, or export it as evaluation cases."""


def _since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.now(UTC) - timedelta(seconds=parse_duration(value))
    except ValueError as exc:
        fail(f"--since: {exc}")


def _load(redis_url: str | None, namespace: str, data_dir: Path, since: str | None) -> list[Feedback]:
    start = _since(since)
    connection = redis_or_exit(redis_url, data_dir)
    try:
        return FeedbackStore(connection.client, Keys(namespace)).since(start)
    finally:
        connection.close()


_since_option = click.option("--since", metavar="DURATION", help="Only feedback this recent, e.g. 7d.")


@command.command("list")
@_since_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@redis_options
def list_command(
    since: str | None, as_json: bool, redis_url: str | None, namespace: str, data_dir: Path
) -> None:
    """List feedback, oldest first."""
    found = _load(redis_url, namespace, data_dir, since)
    if not found and not as_json:
        click.echo("no feedback")
    for f in found:
        if as_json:
            click.echo(json.dumps(f.model_dump(mode="json"), ensure_ascii=False))
            continue
        fixed = f"  corrected={json.dumps(f.corrected, ensure_ascii=False)}" if f.corrected else ""
        click.echo(
            f"{f.id}  {f.at:%Y-%m-%d %H:%M}  rule={f.rule}  {WRONG_REASONS[f.reason]}  "
            f"by={f.user}  item={f.item.get('title', '')!r}{fixed}"
        )


@command.command("export")
@click.option("--format", "fmt", type=click.Choice(["eval"]), default="eval", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here (default: stdout)."
)
@_since_option
@redis_options
def export(
    fmt: str, output: Path | None, since: str | None, redis_url: str | None, namespace: str, data_dir: Path
) -> None:
    """Write feedback as cases of the evaluation set (YAML), readable by `monitor eval PATH`."""
    from monitor.interact.export import eval_yaml, exportable

    found = _load(redis_url, namespace, data_dir, since)
    text = eval_yaml(found)
    skipped = sum(1 for f in found if not exportable(f))
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    click.echo(f"{len(found) - skipped} case(s) exported, {skipped} skipped (duplicates)", err=True)
