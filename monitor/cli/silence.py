"""``monitor silence``: mute a rule (or some of its matches) for a while, list and end silences."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from monitor.cli.common import fail, redis_options, redis_or_exit
from monitor.models.duration import parse_duration
from monitor.state.keys import Keys
from monitor.state.silences import SilenceStore


@click.group("silence")
def command() -> None:
    """Silences: matching alerts are held back (reason 'silenced') until the silence ends."""


@command.command("add")
@click.option("--rule", required=True, help="Rule id, or '*' for every rule.")
@click.option(
    "--match", "matchers", multiple=True, metavar="FIELD=VALUE", help="Only matches with this value."
)
@click.option("--for", "duration", required=True, metavar="DURATION", help="How long, e.g. 4h, 2d.")
@click.option("--reason", required=True, help="Why (shown in logs and explain).")
@redis_options
def add(
    rule: str,
    matchers: tuple[str, ...],
    duration: str,
    reason: str,
    redis_url: str | None,
    namespace: str,
    data_dir: Path,
) -> None:
    """Add a silence."""
    try:
        seconds = parse_duration(duration)
    except ValueError as exc:
        fail(f"--for: {exc}")
    if seconds <= 0:
        fail("--for: must be longer than zero")
    parsed: dict[str, str] = {}
    for matcher in matchers:
        name, sep, value = matcher.partition("=")
        if not sep or not name.strip():
            fail(f"--match {matcher!r}: use FIELD=VALUE, e.g. attacker=Russia")
        parsed[name.strip()] = value.strip()
    connection = redis_or_exit(redis_url, data_dir)
    try:
        silence = SilenceStore(connection.client, Keys(namespace)).add(
            rule, parsed, seconds, reason, datetime.now(UTC)
        )
    finally:
        connection.close()
    click.echo(f"silence {silence.id} added until {silence.ends_at.isoformat()}")


@command.command("list")
@redis_options
def list_command(redis_url: str | None, namespace: str, data_dir: Path) -> None:
    """List the silences in force."""
    connection = redis_or_exit(redis_url, data_dir)
    try:
        silences = SilenceStore(connection.client, Keys(namespace)).active()
    finally:
        connection.close()
    if not silences:
        click.echo("no silences")
    for s in silences:
        matchers = " ".join(f"{k}={v}" for k, v in s.matchers.items()) or "-"
        click.echo(
            f"{s.id}  rule={s.rule}  match={matchers}  until={s.ends_at.isoformat()}  reason={s.reason}"
        )


@command.command("expire")
@click.argument("silence_id")
@redis_options
def expire(silence_id: str, redis_url: str | None, namespace: str, data_dir: Path) -> None:
    """End a silence now."""
    connection = redis_or_exit(redis_url, data_dir)
    try:
        found = SilenceStore(connection.client, Keys(namespace)).expire(silence_id)
    finally:
        connection.close()
    if not found:
        fail(f"no silence {silence_id!r}")
    click.echo(f"silence {silence_id} expired")
