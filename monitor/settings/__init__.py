"""Application settings: one model, from the config file, .env and the environment."""

from __future__ import annotations

from monitor.settings.errors import SettingsError
from monitor.settings.interact import DigestSettings, InteractSettings
from monitor.settings.load import DEFAULT_CONFIG, config_path, load_settings, setting_name
from monitor.settings.model import (
    SINK_KINDS,
    DeliverySettings,
    ExtractSettings,
    LogSettings,
    MetricsSettings,
    RedisSettings,
    ServiceSettings,
    Settings,
)
from monitor.settings.slack import DEFAULT_SLACK_API, SlackSettings
from monitor.settings.sources import USUAL_ENV

__all__ = [
    "DEFAULT_CONFIG",
    "DEFAULT_SLACK_API",
    "SINK_KINDS",
    "USUAL_ENV",
    "DeliverySettings",
    "DigestSettings",
    "ExtractSettings",
    "InteractSettings",
    "LogSettings",
    "MetricsSettings",
    "RedisSettings",
    "ServiceSettings",
    "Settings",
    "SettingsError",
    "SlackSettings",
    "config_path",
    "load_settings",
    "setting_name",
]
