"""The one base of the errors raised when hostile or careless input passes a bound.

Every bound lives with the stage it protects (YamlLimits, TemplateLimits, FetchLimits and the
outbound policy, ParseLimits, replay's file cap); what passing one raises derives from here::

    BoundExceededError
    ├── FileRefusedError (also OSError)          monitor.safefiles: not a regular file, too large
    ├── TemplateBoundError (also SecurityError)  monitor.rules.templatebounds: steps, size, time
    ├── OutboundRefusedError (also ConnectError) monitor.sources.feeds.outbound: not public
    └── ParseTimeoutError                        monitor.sources.feeds.parsepool: past the deadline

Each message says which bound and its value, so the error is actionable as printed.
"""

from __future__ import annotations


class BoundExceededError(Exception):
    """Input passed one of the monitor's bounds; the message names the bound."""
