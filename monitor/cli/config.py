"""``monitor config``: show the effective configuration (file, .env, environment) with secrets masked."""

from __future__ import annotations

import json
from typing import Any

import click
import yaml

from monitor.cli.common import config_option, invocation, settings
from monitor.settings import Settings, config_path
from monitor.state.connection import mask_url


@click.group("config")
def command() -> None:
    """Inspect the configuration."""


@command.command("show")
@config_option
@click.option("--json", "as_json", is_flag=True, help="JSON instead of YAML.")
def show(as_json: bool) -> None:
    """Print the effective settings (config file overridden by .env and MONITOR_* variables).

    Secrets (Slack token and webhook) are masked, and so is the password in the Redis URL.
    """
    effective = settings()
    data = masked(effective)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    source = config_path(invocation().config_file)
    click.echo(f"# effective configuration; file: {source or '(none)'}, overridden by .env and MONITOR_*")
    click.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True).rstrip())


def masked(settings: Settings) -> dict[str, Any]:
    """The settings as plain data: SecretStr fields as '**********', the Redis password as '***'."""
    data: dict[str, Any] = settings.model_dump(mode="json")  # SecretStr dumps masked
    url = data["redis"].get("url")
    if url:
        data["redis"]["url"] = mask_url(url)
    return data
