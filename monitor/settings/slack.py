"""Slack delivery settings: credentials (SecretStr), routing and limits."""

from __future__ import annotations

import ipaddress
import re

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from monitor.models.alert import Severity
from monitor.settings.errors import SettingsError

DEFAULT_SLACK_API = "https://slack.com/api/"
_TOKEN = re.compile(r"^(xoxe\.)?xox[bp]-[A-Za-z0-9-]+$")
_GROUP_ID = re.compile(r"^S[A-Z0-9]{2,}$")
_SILENCER = re.compile(r"^[UWS][A-Z0-9]{2,}$")
_CHANNEL = re.compile(r"^(#[a-z0-9_\-]{1,80}|[CGD][A-Z0-9]{2,})$")


class SlackSettings(BaseModel):
    """Slack delivery: credentials, routing and limits. Bot mode when a token is set."""

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    bot_token: SecretStr | None = Field(
        default=None, description="SLACK_BOT_TOKEN: bot token (xoxb-...), chat.postMessage and threads."
    )
    webhook_url: SecretStr | None = Field(
        default=None, description="SLACK_WEBHOOK_URL: incoming webhook, post only (no threads)."
    )
    signing_secret: SecretStr | None = Field(
        default=None,
        description="SLACK_SIGNING_SECRET: verifies button clicks and /monitor commands (interactivity).",
    )
    silencers: list[str] = Field(
        default_factory=list,
        description="Slack user (U...) or user group (S...) IDs who may silence from Slack; empty: anyone.",
    )
    api_url: str = Field(default=DEFAULT_SLACK_API, description="Web API base URL (tests, proxies).")
    default_channel: str | None = Field(
        default=None, description="Channel (#name or ID) for alerts no rule or severity routes."
    )
    channels_by_severity: dict[Severity, str] = Field(
        default_factory=dict, description="Severity -> channel; a rule's own route wins."
    )
    channels_by_rule: dict[str, str] = Field(
        default_factory=dict, description="Rule id -> channel; Alert.channel wins over this."
    )
    oncall_group: str | None = Field(
        default=None, description="User group ID (S...) mentioned on alerts at mention_severity."
    )
    mention_severity: Severity = Field(default="critical", description="Lowest severity that mentions.")
    timeout_s: float = Field(default=10.0, gt=0, le=60, description="Bound on one Slack call, seconds.")
    story_ttl_s: int = Field(default=7 * 86_400, gt=0, description="How long a story keeps its thread.")
    dry_run: bool = Field(default=False, description="Print the Block Kit JSON instead of posting.")

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _TOKEN.match(value.get_secret_value()):
            raise ValueError("must be a Slack bot token starting with 'xoxb-' (or 'xoxp-')")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _is_webhook_url(value.get_secret_value()):
            raise ValueError("must be an https:// URL such as https://hooks.slack.com/services/...")
        return value

    @field_validator("default_channel")
    @classmethod
    def _channel_shape(cls, value: str | None) -> str | None:
        if value is not None and not _CHANNEL.match(value):
            raise ValueError("must be a channel name like '#alerts' or an ID like 'C0123ABCD'")
        return value

    @field_validator("channels_by_severity", "channels_by_rule")
    @classmethod
    def _route_shapes(cls, value: dict[str, str]) -> dict[str, str]:
        bad = sorted(key for key, channel in value.items() if not _CHANNEL.match(channel))
        if bad:
            raise ValueError(f"channel for {', '.join(bad)} must look like '#alerts' or 'C0123ABCD'")
        return value

    @field_validator("silencers")
    @classmethod
    def _silencer_shapes(cls, value: list[str]) -> list[str]:
        bad = [entry for entry in value if not _SILENCER.match(entry)]
        if bad:
            raise ValueError(f"{bad[0]!r} is not a user ID (U...) or a user group ID (S...)")
        return value

    @field_validator("oncall_group")
    @classmethod
    def _group_shape(cls, value: str | None) -> str | None:
        if value is not None and not _GROUP_ID.match(value):
            raise ValueError("must be a user group ID like 'S0123ABCD' (see the group's profile)")
        return value

    @property
    def mode(self) -> str | None:
        """``bot`` when a token is set, else ``webhook`` when a URL is set, else None."""
        if self.bot_token is not None:
            return "bot"
        return "webhook" if self.webhook_url is not None else None

    def require_delivery(self) -> None:
        """Raise SettingsError unless these settings can post (checked when the sink starts)."""
        if self.mode is None:
            raise SettingsError(
                "the slack sink needs SLACK_BOT_TOKEN (bot mode) or SLACK_WEBHOOK_URL (webhook mode)"
            )
        if self.mode == "bot" and self.default_channel is None:
            raise SettingsError(
                "bot mode needs a default channel: set MONITOR_SLACK__DEFAULT_CHANNEL "
                "(or slack.default_channel in the config file)"
            )


def _is_webhook_url(url: str) -> bool:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if not parts.hostname or any(c.isspace() for c in url):
        return False
    if parts.scheme == "https":
        return True
    return parts.scheme == "http" and _is_loopback(parts.hostname)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
