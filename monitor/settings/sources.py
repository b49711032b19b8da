"""Where settings come from besides the config file: MONITOR_* env, .env and the usual names."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from dotenv import dotenv_values
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

#: Env vars read under their usual names (no MONITOR_ prefix) -> where they go in the model.
USUAL_ENV: dict[str, tuple[str, str]] = {
    "REDIS_URL": ("redis", "url"),
    "SLACK_BOT_TOKEN": ("slack", "bot_token"),
    "SLACK_WEBHOOK_URL": ("slack", "webhook_url"),
    "SLACK_SIGNING_SECRET": ("slack", "signing_secret"),
}


class UsualNamesSource(PydanticBaseSettingsSource):
    """REDIS_URL, SLACK_BOT_TOKEN, SLACK_WEBHOOK_URL and SLACK_SIGNING_SECRET from the environment or .env."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        dotenv = {k: v for k, v in dotenv_values(".env").items() if v} if Path(".env").is_file() else {}
        found: dict[str, dict[str, str]] = {}
        for var, (section, name) in USUAL_ENV.items():
            value = os.environ.get(var) or dotenv.get(var)
            if value:
                found.setdefault(section, {})[name] = value
        return dict(found)


def customise_sources(
    settings_cls: type[BaseSettings],
    init_settings: PydanticBaseSettingsSource,
    env_settings: PydanticBaseSettingsSource,
    dotenv_settings: PydanticBaseSettingsSource,
) -> tuple[PydanticBaseSettingsSource, ...]:
    """Priority: MONITOR_* env, .env, REDIS_URL/SLACK_* env, then the keyword arguments (the
    config file's data, passed in by load_settings)."""
    usual = UsualNamesSource(settings_cls)
    return (env_settings, dotenv_settings, usual, init_settings)
