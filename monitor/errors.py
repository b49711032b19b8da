"""The project's exception tree: every error monitor raises on purpose is a ``MonitorError``.

    MonitorError
    ├── InputError                  bad input an analyst or operator can fix (CLI exit 1)
    │   ├── SettingsError           monitor.settings.errors: config file, .env or environment
    │   ├── SinkSpecError           monitor.sinks.registry: a --sink / sinks: value
    │   ├── ProblemsError           monitor.yamldoc: a YAML document's positioned problems
    │   ├── YamlReadError           monitor.safeyaml: where a file passed a bound or is not YAML
    │   ├── TemplateError           monitor.rules.templates: a rule template that does not compile
    │   ├── ReplayError             monitor.sources.replay: a path replay cannot read
    │   ├── SplitNotFoundError      monitor.extract.cases: no labeled split where eval looked
    │   ├── OpmlError               monitor.sources.feeds.opml: a file `feeds import` cannot read
    │   ├── PayloadError            monitor.interact.payloads: a signed Slack request we cannot read
    │   └── MetricsPortInUseError   monitor.observability.server: the metrics port is taken
    ├── UnavailableError            a service we depend on is unreachable (CLI exit 2)
    │   ├── RedisUnavailableError   monitor.state.connection: Redis cannot be reached at start
    │   ├── EmbeddedRedisError      monitor.state.embedded: the embedded server did not start
    │   └── RedisGoneError          monitor.cli.replay: Redis did not come back during a replay
    ├── FeedError                   one feed's answer cannot be used (the poll fails, others go on)
    │   ├── FetchError              monitor.sources.feeds.fetcher: no HTTP answer to act on
    │   ├── BodyError               monitor.sources.feeds.body: too large, or cannot be decoded
    │   ├── JsonFeedError           monitor.sources.jsonfeed: not a JSON Feed after all
    │   ├── UnsafeXmlError          monitor.sources.feeds.xmlguard: a document refused outright
    │   └── ParserCrashedError      monitor.sources.feeds.parsepool: the parser process died
    ├── DeliveryError               monitor.sinks.base: a sink failed; ``retryable`` says if a
    │   └── SlackError              retry can succeed (monitor.sinks.slack.client adds
    │                               ``maybe_done``: Slack may have acted anyway)
    └── BoundExceededError          hostile input passed a bound (each is also the
        ├── FileRefusedError        library type each is raised through): a special or
        ├── TemplateBoundError      oversized file, a template's steps or size, a non-public
        ├── OutboundRefusedError    address, a parse past its deadline (ParseTimeoutError is
        └── ParseTimeoutError       also a FeedError)

Errors from libraries (``redis.RedisError``, ``httpx.HTTPError``, pydantic's ``ValidationError``)
are caught at the edge that called the library and either handled there or raised again as one
of the classes above. Messages never contain a secret; they name the file, setting, feed, rule or
URL (password masked) the user has to look at.
"""

from __future__ import annotations


class MonitorError(Exception):
    """Base of every error monitor raises on purpose."""


class InputError(MonitorError):
    """Bad input the user can fix: rules, settings, arguments, files to replay."""


class UnavailableError(MonitorError):
    """A service monitor depends on (Redis) is unreachable."""


class BoundExceededError(MonitorError):
    """Hostile or careless input passed one of the monitor's bounds; the message names the bound
    and its value. The bounds live with the stage each protects: YamlLimits (monitor.safeyaml),
    TemplateLimits (monitor.rules.templatebounds), FetchLimits and OutboundPolicy, ParseLimits
    (monitor.sources.feeds), replay's file cap (monitor.sources.replay)."""


class FeedError(MonitorError):
    """A feed's answer that cannot be used; the message is the reason."""
