"""``monitor extract``: show the facts found in articles (the same inputs as replay)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from monitor.cli.common import fail, setup_logging
from monitor.extract import extract
from monitor.models import Article
from monitor.sources.replay import ReplayError, replay_items


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article.")
@click.option("--all", "show_all", is_flag=True, help="Include articles with no facts.")
@click.option("-v", "--verbose", count=True)
def command(paths: tuple[Path, ...], as_json: bool, show_all: bool, verbose: int) -> None:
    """Extract facts (strikes, troops, weapons, casualties) from articles."""
    setup_logging(verbose)
    try:
        items = replay_items(paths)
    except ReplayError as exc:
        fail(str(exc))
    for item in items:
        facts = extract(Article.from_item(item))
        if facts.is_empty() and not (show_all or as_json):
            continue
        payload = {"item": item.ref(), "facts": facts.model_dump(mode="json")}
        if as_json:
            click.echo(json.dumps(payload, ensure_ascii=False))
        else:
            click.echo(f"# {item.source} · {item.title}")
            click.echo(json.dumps(payload["facts"], ensure_ascii=False, indent=2))
