"""``monitor digest``: the morning digest printed here, and its chart written to a PNG file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from monitor.cli.common import fail, redis_options, redis_or_exit, settings
from monitor.models.duration import parse_duration


@click.command("digest")
@click.option("--since", default="24h", show_default=True, metavar="DURATION", help="How far back to look.")
@click.option("--png", type=click.Path(path_type=Path, dir_okay=False), help="Write the chart to this file.")
@click.option("--days", type=click.IntRange(7, 400), default=None, help="Nights in the chart [default: 90].")
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M"]),
    help="End of the period, UTC (a replayed corpus's morning) [default: now].",
)
@click.option(
    "--feeds",
    "feeds_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Feeds file, for stale feeds [default: feeds, when it exists].",
)
@redis_options
def command(
    since: str,
    png: Path | None,
    days: int | None,
    until: datetime | None,
    feeds_path: Path | None,
    redis_url: str | None,
    namespace: str,
    data_dir: Path,
) -> None:
    """Print the digest the service posts each morning; --png writes its chart.

    The digest: strikes by attacker with figures and sources, records and near-records, troop
    and weapon reports, silences in force and stale feeds; the chart shows drones launched per
    night and attacker with each attacker's record."""
    from monitor.digest.chart import render_png
    from monitor.digest.compose import DigestSources, compose
    from monitor.digest.render import text
    from monitor.sources.feeds.config import load_feeds
    from monitor.sources.feeds.feedstate import FeedStateStore
    from monitor.state.figures import FigureStore
    from monitor.state.keys import Keys
    from monitor.state.silences import SilenceStore
    from monitor.yamldoc import ProblemsError

    config = settings()
    try:
        seconds = parse_duration(since)
    except ValueError as exc:
        fail(f"--since: {exc}")
    wanted = config.digest.model_copy(
        update={"since": seconds, "chart_days": days or config.digest.chart_days}
    )
    feeds_file = feeds_path or config.feeds
    try:
        feeds = load_feeds(feeds_file) if feeds_file.is_file() else []
    except ProblemsError as exc:
        fail(f"{feeds_file}: {len(exc.problems)} error(s); run `monitor feeds list` to see them")
    connection = redis_or_exit(redis_url, data_dir)
    keys = Keys(namespace)
    client = connection.client
    try:
        sources = DigestSources(
            FigureStore(client, keys), SilenceStore(client, keys), feeds, FeedStateStore(client, keys)
        )
        end = until.replace(tzinfo=UTC) if until is not None else datetime.now(UTC)
        digest = compose(sources, end, wanted.since, wanted.chart_days)
    finally:
        connection.close()
    click.echo(text(digest))
    if png is not None:  # matplotlib is imported only now: the text digest does without it
        chart = render_png(digest.nights, digest.night_records)
        png.write_bytes(chart)
        click.echo(f"chart written to {png} ({len(chart)} bytes)", err=True)
