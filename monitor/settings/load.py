"""Loading the settings: the YAML config file (positioned errors), then .env and the environment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

from monitor.settings.errors import SettingsError
from monitor.settings.model import Settings
from monitor.settings.sources import USUAL_ENV
from monitor.yamldoc import Problem, ProblemsError, YamlDocument, load_document

DEFAULT_CONFIG = Path("monitor.yaml")


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
