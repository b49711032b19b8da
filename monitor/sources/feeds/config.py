"""The feeds file (feeds.yaml): strict models and a loader whose errors name file:line:col."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from monitor.models.duration import Duration
from monitor.yamldoc import Problem, ProblemsError, YamlDocument, load_document

SCHEMES = ("http", "https")
DEFAULT_INTERVAL = 300.0
DEFAULT_STALE_AFTER = 86_400.0
MIN_INTERVAL = 10.0


def check_url(value: str) -> str:
    """An absolute http(s) URL with a host, or ValueError saying what is wrong."""
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in SCHEMES:
        raise ValueError(f"only http and https URLs are allowed, not {parts.scheme or 'no scheme'!r}")
    if not parts.hostname:
        raise ValueError("URL has no host")
    return value.strip()


class FeedConfig(BaseModel):
    """One feed to poll."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, description="Unique feed name; becomes Item.source.")
    url: str = Field(description="http(s) URL of the RSS or Atom document.")
    interval: Duration = Field(default=DEFAULT_INTERVAL, description="Time between polls, e.g. 5m.")
    tags: tuple[str, ...] = Field(default=(), description="Put on every item (rule source filters).")
    headers: dict[str, str] = Field(default_factory=dict, description="Extra request headers.")
    enabled: bool = Field(default=True, description="False keeps the feed configured but unpolled.")
    stale_after: Duration = Field(
        default=DEFAULT_STALE_AFTER,
        description="Flag the feed stale when it publishes nothing new for this long, e.g. 1d.",
    )

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        return check_url(value)

    @field_validator("interval")
    @classmethod
    def _min_interval(cls, value: float) -> float:
        if value < MIN_INTERVAL:
            raise ValueError(f"interval must be at least {MIN_INTERVAL:g}s")
        return value

    @field_validator("headers")
    @classmethod
    def _no_reserved_headers(cls, value: dict[str, str]) -> dict[str, str]:
        reserved = {"if-none-match", "if-modified-since", "accept-encoding", "host"}
        clash = sorted(k for k in value if k.lower() in reserved)
        if clash:
            raise ValueError(f"header {clash[0]!r} is set by the poller and cannot be configured")
        return value


class FeedsFile(BaseModel):
    """The whole feeds file: a list under ``feeds:``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    feeds: list[FeedConfig] = Field(default_factory=list, description="The feeds to poll.")


def load_feeds(path: Path, text: str | None = None) -> list[FeedConfig]:
    """Every feed in ``path``; raises ProblemsError with all errors (file:line:col) at once."""
    doc = load_document(path, text)
    if doc.data is None:
        return []
    parsed, problems = doc.validate(FeedsFile)
    raw = doc.data.get("feeds") if isinstance(doc.data, dict) else None
    problems += _duplicate_names(doc, raw)
    if problems or parsed is None:
        raise ProblemsError(problems)
    return parsed.feeds


def _duplicate_names(doc: YamlDocument, raw: object) -> list[Problem]:
    if not isinstance(raw, list):
        return []
    first: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(raw):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str):
            continue
        if name in first:
            message = f"feeds.{index}.name: duplicate feed name {name!r} (first at feeds.{first[name]})"
            problems.append(doc.problem(("feeds", index, "name"), message))
        else:
            first[name] = index
    return problems
