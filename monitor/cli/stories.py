"""``monitor stories``: the stories items joined, their sources, figures and alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from monitor.cli.common import fail, redis_options, redis_or_exit
from monitor.models.duration import parse_duration
from monitor.state.keys import Keys
from monitor.stories.joiner import StoryJoiner


@click.group("stories")
def command() -> None:
    """Stories: the items about one event joined (copies, other outlets, revisions)."""


@command.command("list")
@click.option("--since", default="24h", show_default=True, metavar="DURATION", help="Begun within this.")
@redis_options
def list_command(since: str, redis_url: str | None, namespace: str, data_dir: Path) -> None:
    """Stories begun within --since: id, first report, sources, best figures."""
    try:
        seconds = parse_duration(since)
    except ValueError as exc:
        fail(f"--since: {exc}")
    connection = redis_or_exit(redis_url, data_dir)
    try:
        joiner = StoryJoiner(connection.client, Keys(namespace))
        found = joiner.since(datetime.now(UTC) - timedelta(seconds=seconds))
        shown = 0
        for story_id, _ in found:
            story = joiner.story(story_id)
            if story is None:
                continue
            shown += 1
            first = story.first
            best = "; ".join(
                f"{what} {f.launched} ({src})" for what, (f, src) in story.best().items() if f.launched
            )
            click.echo(
                f"{story.id}  {first.at:%Y-%m-%d %H:%M}Z  {len(story.sources)} source(s), "
                f"{story.independent} independent  {first.title[:60]}" + (f"  [{best}]" if best else "")
            )
        if not shown:
            click.echo(f"no stories begun in the last {since}")
    finally:
        connection.close()


@command.command("show")
@click.argument("story_id", metavar="ID")
@redis_options
def show(story_id: str, redis_url: str | None, namespace: str, data_dir: Path) -> None:
    """One story: its items (how and why each joined), figures per source, alerts sent."""
    connection = redis_or_exit(redis_url, data_dir)
    try:
        joiner = StoryJoiner(connection.client, Keys(namespace))
        story = joiner.story(story_id)
        if story is None:
            fail(f"no story {story_id!r} (stories are kept 30 days)")
        alerts = joiner.alerts(story_id)
    finally:
        connection.close()
    first = story.first
    click.echo(f"story {story.id}: first {first.title!r} ({first.source}, {first.at:%Y-%m-%d %H:%M}Z)")
    click.echo(
        f"sources: {', '.join(story.sources)} ({story.independent} independent: wire copies count once)"
    )
    click.echo("items:")
    for c in story.contributions:
        click.echo(f"  {c.at:%Y-%m-%d %H:%M}Z  {c.source:<16} {c.how:<11} {c.title[:50]}  ({c.why})")
    click.echo(f"figures per source: {story.side_by_side() or 'none'}")
    for what, (figure, source) in story.best().items():
        click.echo(f"best {what}: {figure.said()} ({source})")
    click.echo("alerts sent: " + (", ".join(f"{a} ({severity})" for a, severity in alerts) or "none"))
