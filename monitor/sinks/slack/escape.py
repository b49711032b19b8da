"""Escaping untrusted feed text for Slack mrkdwn, safe links and clean truncation."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

ELLIPSIS = "…"

#: Slack's required escapes: the only three entities it decodes. Without them ``<!channel>``,
#: ``<@U123>`` or ``<https://evil|click me>`` in a headline would notify or link.
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
#: mrkdwn has no backslash escape, so formatting characters become look-alikes that Slack does
#: not parse (asterisk operator, modifier low macron, tilde operator, modifier grave accent).
_FORMATTING = str.maketrans({"*": "∗", "_": "ˍ", "~": "∼", "`": "ˋ"})
#: Characters that would end or split a ``<url|label>`` link, percent-encoded inside the URL.
_URL_SAFE = "/:?#[]@!$'()*+,;=%-._~"
#: Longer links are shown as their label only: a cut link would break the message's markup.
MAX_URL = 1000


def escape_mrkdwn(text: str) -> str:
    """Untrusted text as inert mrkdwn: entities escaped, formatting characters neutralised."""
    return text.translate(_ENTITIES).translate(_FORMATTING)


def escape_text(text: str) -> str:
    """Untrusted text for a field Slack parses for mentions but where formatting is wanted."""
    return text.translate(_ENTITIES)


def one_line(text: str) -> str:
    """Whitespace (newlines included) collapsed to single spaces, so a title stays one line."""
    return " ".join(text.split())


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters on a word boundary, ending in an ellipsis."""
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return text[:limit]
    cut = text[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return _drop_partial_entity(cut).rstrip() + ELLIPSIS


def _drop_partial_entity(text: str) -> str:
    """Never leave half an ``&amp;`` at the cut: Slack would show the fragment."""
    amp = text.rfind("&")
    if amp != -1 and ";" not in text[amp:]:
        return text[:amp]
    return text


def safe_url(url: object) -> str | None:
    """The URL if it is http(s) with a host, with link-breaking characters encoded; else None."""
    if not isinstance(url, str) or not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return None
    encoded = quote(url.strip(), safe=_URL_SAFE + "&").replace("&", "&amp;")
    return encoded if len(encoded) <= MAX_URL else None


def link(url: object, label: str) -> str:
    """A mrkdwn link to an http(s) URL with an escaped label; just the label for any other URL."""
    label = escape_mrkdwn(one_line(label)).replace("|", "¦") or "link"
    target = safe_url(url)
    if target is None:
        return label
    return f"<{target}|{label}>"
