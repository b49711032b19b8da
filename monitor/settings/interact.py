"""Settings of the Slack console: the interactivity endpoint and the morning digest."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from monitor.models.duration import Duration

_SECTION = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)
_CHANNEL = re.compile(r"^(#[a-z0-9_\-]{1,80}|[CGD][A-Z0-9]{2,})$")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class InteractSettings(BaseModel):
    """Where Slack sends button clicks and /monitor commands (needs slack.signing_secret)."""

    model_config = _SECTION

    enabled: bool = Field(default=False, description="Serve /slack/actions and /slack/commands.")
    port: int | None = Field(
        default=None,
        ge=0,
        le=65535,
        description="A port of its own; unset: the same server as /metrics (metrics.host:port).",
    )
    host: str = Field(default="127.0.0.1", description="Address of the own port (0.0.0.0 behind a proxy).")


class DigestSettings(BaseModel):
    """The morning digest posted to each channel: the night's strikes, records, a chart."""

    model_config = _SECTION

    channels: list[str] = Field(default_factory=list, description="Channels that get the digest; none: off.")
    at: str = Field(default="06:00", description="Time of day (HH:MM, in `timezone`) of the digest.")
    timezone: str = Field(default="UTC", description="IANA time zone of `at`, e.g. Europe/Kyiv.")
    since: Duration = Field(default=86_400.0, gt=0, description="How far back the digest looks.")
    chart_days: int = Field(default=90, ge=7, le=400, description="Nights shown in the chart.")

    @field_validator("channels")
    @classmethod
    def _channel_shapes(cls, value: list[str]) -> list[str]:
        bad = [channel for channel in value if not _CHANNEL.match(channel)]
        if bad:
            raise ValueError(f"{bad[0]!r} must look like '#alerts' or 'C0123ABCD'")
        return value

    @field_validator("at")
    @classmethod
    def _clock_shape(cls, value: str) -> str:
        if not _CLOCK.match(value):
            raise ValueError("must be a time of day like 07:00")
        return value

    @field_validator("timezone")
    @classmethod
    def _zone_exists(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (e.g. Europe/Kyiv, UTC)") from None
        return value
