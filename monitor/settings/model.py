"""The one settings model of the whole application, section by section, with its descriptions."""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from monitor.models.duration import Duration
from monitor.settings.interact import DigestSettings, InteractSettings
from monitor.settings.slack import SlackSettings
from monitor.settings.sources import customise_sources

#: The sink types a ``sinks:`` entry may name (monitor.sinks.registry builds one per name).
SINK_KINDS = ("console", "jsonl", "slack", "slack-dry")
_SECTION = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


class RedisSettings(BaseModel):
    """Where state lives. All keys of a namespace share one hash tag (one Redis Cluster slot)."""

    model_config = _SECTION

    url: str | None = Field(
        default=None,
        description="REDIS_URL: redis://[:password@]host:port/db; unset starts an embedded Redis.",
    )
    namespace: str = Field(default="default", min_length=1, description="Key namespace in Redis.")
    data_dir: Path = Field(
        default=Path(".monitor"), description="Where the embedded Redis keeps its data (no url set)."
    )


class MetricsSettings(BaseModel):
    """The HTTP endpoint serving /metrics (Prometheus), /healthz and /readyz."""

    model_config = _SECTION

    host: str = Field(default="127.0.0.1", description="Address to listen on (0.0.0.0 in containers).")
    port: int = Field(default=9108, ge=0, le=65535, description="Port to listen on; 0 disables it.")


class LogSettings(BaseModel):
    """Log lines on standard error."""

    model_config = _SECTION

    format: Literal["text", "json"] = Field(
        default="text", description="text (for a terminal) or json (one JSON object per line)."
    )
    level: Literal["debug", "info", "warning", "error"] | None = Field(
        default=None,
        description="Lowest level logged; unset: info for monitor run (one summary line a minute), "
        "warning for the other commands. -v and -vv lower it from the command line.",
    )


class ServiceSettings(BaseModel):
    """``monitor run``: shutdown, replicas and housekeeping."""

    model_config = _SECTION

    shutdown_grace: Duration = Field(
        default=10.0, gt=0, description="On SIGTERM, how long in-flight polls and deliveries may finish."
    )
    lease_ttl: Duration = Field(
        default=60.0,
        gt=0,
        description="Expiry of a feed-poll lease (renewed while polling); a dead replica's lapse after it.",
    )
    consumer_name: str | None = Field(
        default=None,
        description="This replica's outbox consumer name; unset: hostname-pid (distinct per process).",
    )
    reload_every: Duration = Field(default=3.0, gt=0, description="How often the feeds file is checked.")
    summary_every: Duration = Field(default=60.0, gt=0, description="One INFO summary line this often.")
    tick_every: Duration = Field(default=30.0, gt=0, description="Flatline checks and aggregation flushes.")
    start_spread: Duration = Field(
        default=10.0, ge=0, description="First polls after start or reload are spread over this long."
    )

    def consumer(self) -> str:
        """The consumer name this process uses in the outbox's consumer group."""
        return self.consumer_name or f"{socket.gethostname()}-{os.getpid()}"


class ExtractSettings(BaseModel):
    """Where fact extraction runs, for every entry point alike (run, replay, backtest, examples)."""

    model_config = _SECTION

    mode: Literal["thread", "process"] = Field(
        default="process",
        description="process: batches go to worker processes (started once 48 articles have "
        "come, then used for batches of 8+), beside fetching and "
        "matching; thread: everything on the pipeline's ingest thread.",
    )
    workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        le=64,
        description="Worker processes in process mode (default: one per core).",
    )


class DeliverySettings(BaseModel):
    """The outbox: retries, takeover of a dead replica's entries, giving up."""

    model_config = _SECTION

    retry_every: Duration = Field(default=10.0, gt=0, description="How often pending entries are retried.")
    claim_idle: Duration = Field(
        default=60.0,
        gt=0,
        description="An entry another replica held unacknowledged this long is taken over (XAUTOCLAIM).",
    )
    give_up_after: Duration = Field(
        default=86_400.0, gt=0, description="A retryable failure this old is dead-lettered."
    )


class OutboundSettings(BaseModel):
    """Where feed fetches (and their redirects) may connect."""

    model_config = _SECTION

    allow: list[str] = Field(
        default_factory=list,
        description="Networks (CIDR) feeds may reach although not public, e.g. ['10.20.0.0/16'] for "
        "intranet feeds; loopback, private, link-local and metadata addresses are refused otherwise.",
    )

    @field_validator("allow")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for network in value:
            try:
                ipaddress.ip_network(network.strip(), strict=False)
            except ValueError:
                raise ValueError(f"{network!r} is not a network (CIDR, e.g. 10.20.0.0/16)") from None
        return value


class Settings(BaseSettings):
    """All settings. Env: MONITOR_<SECTION>__<FIELD> (e.g. MONITOR_METRICS__PORT), plus
    REDIS_URL, SLACK_BOT_TOKEN and SLACK_WEBHOOK_URL under their usual names. Keyword arguments
    are the config file's data and rank below the environment (see ``load_settings``)."""

    model_config = SettingsConfigDict(
        env_prefix="MONITOR_",
        env_nested_delimiter="__",
        env_file=".env",
        env_ignore_empty=True,
        dotenv_filtering="match_prefix",  # SLACK_*, REDIS_URL in .env: the usual-names source
        extra="forbid",
        frozen=True,
        hide_input_in_errors=True,
    )

    redis: RedisSettings = Field(default_factory=RedisSettings, description="Redis connection.")
    feeds: Path = Field(default=Path("feeds.yaml"), description="Feeds file (YAML), reloaded live.")
    rules: list[Path] = Field(default_factory=lambda: [Path("rules")], description="Rules folders or files.")
    sinks: list[str] = Field(
        default_factory=lambda: ["console"],
        description="Where alerts go: console, jsonl:PATH, slack[:CHANNEL], slack-dry.",
    )
    metrics: MetricsSettings = Field(default_factory=MetricsSettings, description="Metrics and health.")
    log: LogSettings = Field(default_factory=LogSettings, description="Logging.")
    service: ServiceSettings = Field(default_factory=ServiceSettings, description="The running service.")
    extract: ExtractSettings = Field(default_factory=ExtractSettings, description="Fact extraction.")
    delivery: DeliverySettings = Field(default_factory=DeliverySettings, description="Alert delivery.")
    slack: SlackSettings = Field(default_factory=SlackSettings, description="Slack delivery.")
    outbound: OutboundSettings = Field(
        default_factory=OutboundSettings, description="Outbound connections of feed fetches."
    )
    interact: InteractSettings = Field(
        default_factory=InteractSettings, description="Slack buttons and /monitor (interactivity)."
    )
    digest: DigestSettings = Field(default_factory=DigestSettings, description="The morning digest.")

    @field_validator("sinks")
    @classmethod
    def _known_sinks(cls, value: list[str]) -> list[str]:
        unknown = sorted({spec.partition(":")[0] for spec in value} - set(SINK_KINDS))
        if unknown:
            raise ValueError(f"unknown sink {unknown[0]!r} (known: {', '.join(sorted(SINK_KINDS))})")
        return value

    @field_validator("rules")
    @classmethod
    def _some_rules(cls, value: list[Path]) -> list[Path]:
        if not value:
            raise ValueError("name at least one rules folder or file")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Priority: MONITOR_* env, .env, REDIS_URL/SLACK_* env, then the arguments (the config file)."""
        return customise_sources(settings_cls, init_settings, env_settings, dotenv_settings)
