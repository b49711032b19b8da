"""``monitor feeds``: list the configured feeds, check one without touching state, show poll status."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from monitor.cli.common import fail, redis_options, redis_or_exit, settings, setup_logging
from monitor.sources.feeds.config import FeedConfig, check_url, load_feeds
from monitor.sources.feeds.feedstate import FeedState, FeedStateStore
from monitor.sources.feeds.fetcher import Fetcher, FetchError
from monitor.sources.feeds.limits import FetchLimits
from monitor.sources.feeds.outbound import OutboundPolicy
from monitor.sources.feeds.parse import ParsedFeed, parse_items
from monitor.sources.feeds.xmlguard import UnsafeXmlError
from monitor.state.keys import Keys
from monitor.yamldoc import ProblemsError

DEFAULT_FEEDS = Path("feeds.yaml")

feeds_option = click.option(
    "--feeds",
    "feeds_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_FEEDS,
    show_default=True,
    help="Feeds file (YAML).",
)


def load_feeds_or_exit(path: Path) -> list[FeedConfig]:
    """Load the feeds file; on any error print every one as file:line:col and exit 1."""
    if not path.exists():
        fail(
            f"{path}: no such feeds file. `monitor init` writes a commented feeds.yaml (with "
            "monitor.yaml and rules/) to start from; --feeds FILE names another file; "
            "`monitor demo` runs on the seed corpus with no feeds file at all"
        )
    try:
        return load_feeds(path)
    except ProblemsError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        fail(f"{len(exc.problems)} error(s) in {path}; nothing was started")


@click.group("feeds")
def command() -> None:
    """Inspect the configured feeds; import and export them as OPML."""


@command.command("list")
@feeds_option
def list_feeds(feeds_path: Path) -> None:
    """Validate the feeds file and list its feeds."""
    for feed in load_feeds_or_exit(feeds_path):
        flag = "" if feed.enabled else "  (disabled)"
        tags = ",".join(feed.tags) or "-"
        click.echo(f"{feed.name}\t{_duration(feed.interval)}\t{tags}\t{feed.url}{flag}")


@command.command("check")
@click.argument("target", metavar="URL")
@feeds_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per item.")
@click.option("-v", "--verbose", count=True)
def check(target: str, feeds_path: Path, as_json: bool, verbose: int) -> None:
    """Fetch URL (or the feed so named in --feeds) once and show its items; touches no state."""
    setup_logging(verbose)
    feed = _feed_for(target, feeds_path)
    try:
        result, parsed = asyncio.run(_check(feed))
    except (FetchError, UnsafeXmlError) as exc:
        fail(f"{feed.name}: {exc}")
    if parsed.error:
        fail(f"{feed.name}: {parsed.error}")
    for item in parsed.items:
        if as_json:
            click.echo(
                json.dumps({**item.ref(), "tags": list(item.tags), "text": item.text}, ensure_ascii=False)
            )
        else:
            when = item.published.isoformat() if item.published else "undated"
            click.echo(f"{when}  {item.title or '(no title)'}\n    {item.url or '-'}  id={item.id}")
    moved = f", moved permanently to {result}" if result else ""
    note = "".join(f", {what}: {text}" for what, text in (("warning", parsed.warning),
                   ("malformed", parsed.problem)) if text)  # fmt: skip
    click.echo(f"{feed.name}: {parsed.entries} entries, {len(parsed.items)} items{moved}{note}", err=True)


def _feed_for(target: str, feeds_path: Path) -> FeedConfig:
    try:
        check_url(target)
    except ValueError as exc:
        if "://" in target or not feeds_path.exists():
            fail(f"{target}: {exc}")
        by_name = {feed.name: feed for feed in load_feeds_or_exit(feeds_path)}
        if target not in by_name:
            fail(f"{target}: not a URL and no feed of that name in {feeds_path}")
        return by_name[target]
    return FeedConfig(name=urlsplit(target).hostname or "feed", url=target)


async def _check(feed: FeedConfig) -> tuple[str | None, ParsedFeed]:
    fetcher = Fetcher(FetchLimits(outbound=OutboundPolicy.allowing(settings().outbound.allow)))
    try:
        result = await fetcher.fetch(feed.url, headers=feed.headers)
    finally:
        await fetcher.aclose()
    if not result.ok or result.body is None:
        raise FetchError(f"HTTP {result.status}")
    parsed = parse_items(result.body, result.headers, result.final_url, feed.name, feed.tags)
    return result.moved_to, parsed


@command.command("status")
@feeds_option
@redis_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per feed.")
def status(feeds_path: Path, redis_url: str | None, namespace: str, data_dir: Path, as_json: bool) -> None:
    """Per feed: last poll, HTTP status, last new item, errors in a row, next poll, stale or not."""
    feeds = load_feeds_or_exit(feeds_path)
    connection = redis_or_exit(redis_url, data_dir)
    try:
        states = FeedStateStore(connection.client, Keys(namespace)).load_many(feeds)
    finally:
        connection.close()
    now = datetime.now(UTC)
    rows = [_status_row(feed, states[feed.name], now) for feed in feeds]
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    header = ("feed", "last poll", "status", "last new item", "errors", "next poll", "state")
    widths = [max(len(header[i]), *(len(str(list(r.values())[i])) for r in rows)) for i in range(len(header))]
    for line in [header, *(tuple(str(v) for v in r.values()) for r in rows)]:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())


def _status_row(feed: FeedConfig, state: FeedState, now: datetime) -> dict[str, Any]:
    if not feed.enabled:
        condition = "disabled in config"
    elif state.disabled:
        condition = f"disabled: {state.disabled_reason}"
    elif state.last_error:
        condition = f"failing: {state.last_error}"
    elif state.last_problem:
        condition = f"malformed: {state.last_problem}"
    else:
        condition = "stale" if state.stale(feed, now) else "ok"
    next_poll = max((t for t in (state.next_poll, state.next_allowed) if t), default=None)
    return {
        "feed": feed.name,
        "last_poll": _when(state.last_poll),
        "status": state.last_status or "-",
        "last_new_item": _when(state.last_new_item),
        "errors": state.errors,
        "next_poll": _when(next_poll),
        "state": condition,
    }


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%SZ") if value else "-"


def _duration(seconds: float) -> str:
    for unit, size in (("d", 86_400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


@command.command("import")
@click.argument("opml", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@feeds_option
def import_opml(opml: Path, feeds_path: Path) -> None:
    """Add the feeds of an OPML file (a feed reader's export) to the feeds file.

    Feeds already configured (same URL) are left alone; new ones are appended, named after
    their titles and tagged with their folders, so the file's comments survive.
    """
    from monitor.sources.feeds.opml import OpmlError, feeds_yaml, new_feeds, read_opml

    existing = load_feeds_or_exit(feeds_path) if feeds_path.exists() else []
    try:
        found, skipped = read_opml(opml.read_bytes())
    except OpmlError as exc:
        fail(f"{opml}: {exc}")
    for note in skipped:
        click.echo(f"{opml}: skipped {note}", err=True)
    added = new_feeds(found, existing)
    if added:
        _append_feeds(feeds_path, feeds_yaml(added, _item_indent(feeds_path)))
    click.echo(f"{feeds_path}: {len(added)} feed(s) added, {len(found) - len(added)} already there", err=True)


def _item_indent(path: Path) -> str:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    match = re.search(r"^( *)- +name:", text, re.MULTILINE)
    return match.group(1) if match else "  "


def _append_feeds(path: Path, entries: str) -> None:
    """Append list items to the ``feeds:`` list, or write a new file; refuse what would not load."""
    old = path.read_text(encoding="utf-8").rstrip("\n") + "\n" if path.exists() else ""
    if not re.search(r"^feeds:", old, re.MULTILINE):
        old += "feeds:\n"
    text = old + entries
    try:
        load_feeds(path, text)
    except ProblemsError:
        click.echo(entries, nl=False)
        fail(f"{path}: cannot append to its feeds list (is it the last key, in block style?); "
             "add the entries above by hand")  # fmt: skip
    path.write_text(text, encoding="utf-8")


@command.command("export")
@feeds_option
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File [default: stdout]."
)
def export_opml(feeds_path: Path, output: Path | None) -> None:
    """Write the feeds as OPML 2.0, for a feed reader or another monitor (`monitor feeds import`)."""
    from monitor.sources.feeds.opml import write_opml

    document = write_opml(load_feeds_or_exit(feeds_path))
    if output is None:
        click.echo(document, nl=False)
    else:
        output.write_text(document, encoding="utf-8")


@command.command("serve")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True)
@click.option("--batch", type=click.IntRange(1), default=1, show_default=True, help="Items per step.")
@click.option("--every", default="30s", show_default=True, help="Time between steps (e.g. 30s, 0s: all).")
@click.option("--title", default="corpus", show_default=True, help="The feed's title.")
def serve(paths: tuple[Path, ...], host: str, port: int, batch: int, every: str, title: str) -> None:
    """Serve saved articles (as for replay) as an RSS feed at /feed.xml, a batch more every step."""
    from aiohttp import web

    from monitor.models.duration import parse_duration
    from monitor.sources.corpusfeed import CorpusFeed, feed_app
    from monitor.sources.replay import ReplayError, replay_items

    try:
        items, step = replay_items(paths), parse_duration(every)
    except (ReplayError, ValueError) as exc:
        fail(str(exc))
    feed = CorpusFeed(items, title=title, batch=batch, every=step)
    click.echo(f"serving {len(items)} items on http://{host}:{port}/feed.xml", err=True)
    try:
        web.run_app(feed_app(feed), host=host, port=port, print=None, access_log=None)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror}")
