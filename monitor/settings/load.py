"""Loading the settings: the YAML config file (positioned errors), then .env and the environment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from dotenv import dotenv_values
from pydantic import ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

from monitor.settings.errors import SettingsError
from monitor.settings.model import Settings
from monitor.yamldoc import Problem, ProblemsError, YamlDocument, load_document

DEFAULT_CONFIG = Path("monitor.yaml")
#: Env vars read under their usual names (no MONITOR_ prefix) -> where they go in the model.
USUAL_ENV: dict[str, tuple[str, str]] = {
    "REDIS_URL": ("redis", "url"),
    "SLACK_BOT_TOKEN": ("slack", "bot_token"),
    "SLACK_WEBHOOK_URL": ("slack", "webhook_url"),
}


class _UsualNamesSource(PydanticBaseSettingsSource):
    """REDIS_URL, SLACK_BOT_TOKEN and SLACK_WEBHOOK_URL from the environment or .env."""

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
    usual = _UsualNamesSource(settings_cls)
    return (env_settings, dotenv_settings, usual, init_settings)


class _FileSettings(Settings):
    """The settings model reading nothing but its arguments: validates the config file alone."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


def config_path(explicit: Path | None = None) -> Path | None:
    """--config, else $MONITOR_CONFIG, else ./monitor.yaml when it exists, else none."""
    chosen = explicit
    if chosen is None and os.environ.get("MONITOR_CONFIG"):
        chosen = Path(os.environ["MONITOR_CONFIG"])
    if chosen is None:
        return DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else None
    if not chosen.is_file():
        raise SettingsError(f"config file {chosen} does not exist")
    return chosen


def load_settings(config_file: Path | None = None) -> Settings:
    """The effective settings; SettingsError listing every problem (file and environment) at once."""
    path = config_path(config_file)
    data, file_problems = _read_file(path) if path is not None else ({}, [])
    try:
        settings: Settings | None = Settings(**(data if not file_problems else {}))
        env_lines: list[str] = []
    except ValidationError as exc:
        settings, env_lines = None, describe(exc)
    lines = [str(p) for p in sorted(file_problems)] + env_lines
    if settings is None or lines:
        raise SettingsError("invalid settings:\n  " + "\n  ".join(lines), lines)
    return settings


def _read_file(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The file's data and every problem in it, each at file:line:col."""
    try:
        doc = load_document(path)
    except ProblemsError as exc:
        return {}, exc.problems
    if doc.data is None:
        return {}, []
    if not isinstance(doc.data, dict):
        return {}, [doc.problem((), "the config file must be a mapping of settings (key: value)")]
    return doc.data, _validate_file(doc)


def _validate_file(doc: YamlDocument) -> list[Problem]:
    _, problems = doc.validate(_FileSettings)
    return problems


def setting_name(loc: tuple[int | str, ...]) -> str:
    """The name an operator sets: the usual env var, else MONITOR_A__B and the file path a.b."""
    parts = [str(p) for p in loc]
    for var, place in USUAL_ENV.items():
        if tuple(parts[:2]) == place:
            return var
    env = "MONITOR_" + "__".join(p.upper() for p in parts)
    return f"{env} (config: {'.'.join(parts)})"


def describe(exc: ValidationError) -> list[str]:
    """One line per error naming the setting; input values are never included."""
    return [f"{setting_name(err['loc'])}: {err['msg']}" for err in exc.errors(include_input=False)]
