"""A logging filter that keeps secrets out of every log line, ours and every library's.

Installed on the log handler, so it sees records from httpx, httpcore, slack_sdk, APScheduler
and redis alike: URL query strings and userinfo, bearer and Slack tokens, and the exact
secret values of the settings (and of feed headers) are replaced by ``***`` before formatting.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

MASK = "***"
#: Minimum length of an exact secret to mask (shorter values would mask ordinary words).
MIN_SECRET = 6
_NAMES = "token|access_token|api_key|apikey|key|password|secret"
_HEADERS = "authorization|proxy-authorization|cookie|set-cookie|x-api-key"
_PATTERNS = (
    # scheme://user:pass@host -> scheme://***@host
    (re.compile(r"(\b[a-zA-Z][\w+.-]*://)[^/\s@'\"<>]+@"), rf"\1{MASK}@"),
    # ...?query#frag -> ...?*** (a token often rides in the query string)
    (re.compile(r"(\b[a-zA-Z][\w+.-]*://[^\s?#'\"<>]*)\?[^\s#'\"<>]*"), rf"\1?{MASK}"),
    # a relative URL's query (a Location header in httpcore's debug lines): /path?a=b -> /path?***
    (re.compile(r"\?[\w.%-]+=[^\s'\"<>]*"), f"?{MASK}"),
    # header values that carry credentials, as httpcore logs them: (b'Set-Cookie', b'...')
    (re.compile(rf"(b'(?:{_HEADERS})',\s*b')[^']*'", re.IGNORECASE), rf"\1{MASK}'"),
    (re.compile(rf"\b((?:{_HEADERS}):\s*)[^\s,;]+", re.IGNORECASE), rf"\1{MASK}"),
    (re.compile(r"\b(Bearer|Basic|Token)\s+[\w.~+/=-]+", re.IGNORECASE), rf"\1 {MASK}"),
    (re.compile(r"\bxox[a-z]-[\w-]+"), f"xox-{MASK}"),
    (re.compile(r"(hooks\.slack\.com/services/)[\w/]+"), rf"\1{MASK}"),
    (
        re.compile(r"([?&;\s](?:token|access_token|api_key|apikey|key|password|secret)=)[^&\s'\"]+", re.I),
        rf"\1{MASK}",
    ),
)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with secret values and secret-looking parts replaced by ``***``."""
    for secret in secrets:
        text = text.replace(secret, MASK)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and traceback) with ``redact``; never drops a record."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self.add(secrets)

    def add(self, secrets: Iterable[str]) -> None:
        """More exact values to mask (feed header values once the feeds file is read)."""
        self._secrets.update(s for s in secrets if s and len(s) >= MIN_SECRET)

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = sorted(self._secrets, key=len, reverse=True)
        record.msg = redact(record.getMessage(), secrets)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, secrets)
        return True


def installed(root: logging.Logger | None = None) -> RedactingFilter | None:
    """The filter on the root logger's handlers, if one was installed (to add secrets later)."""
    for handler in (root or logging.getLogger()).handlers:
        for found in handler.filters:
            if isinstance(found, RedactingFilter):
                return found
    return None
