"""Block Kit messages for alerts, built within Slack's limits from escaped feed text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from monitor.models import Alert
from monitor.sinks.slack.buttons import actions_block, marks_block
from monitor.sinks.slack.escape import escape_mrkdwn, escape_text, link, one_line, truncate
from monitor.sinks.wording import SINGLE_SOURCE

#: Slack's documented limits for messages and blocks.
MAX_BLOCKS = 50
MAX_HEADER = 150
MAX_SECTION = 3000
MAX_FIELDS = 10
MAX_FIELD = 2000
MAX_CONTEXT_ELEMENTS = 10
#: The notification text is kept far below the limit: it is what a phone shows.
FALLBACK_CHARS = 1000

_ICON = {"info": "🔵", "warning": "🟠", "critical": "🔴"}
#: Fact slots shown as fields, in order: (key, label).
_FIELDS = (
    ("launched", "Launched"),
    ("shot_down", "Shot down"),
    ("neutralized", "Neutralized"),
    ("suppressed", "Suppressed"),
    ("attacker", "Attacker"),
    ("target", "Target"),
    ("weapon", "Weapon"),
    ("models", "Models"),
    ("places", "Places"),
    ("qualifier", "Qualifier"),
    ("nationality", "Nationality"),
    ("count", "Count"),
    ("side", "Side"),
    ("activity", "Activity"),
    ("name", "Name"),
    ("killed", "Killed"),
    ("injured", "Injured"),
    ("place", "Place"),
)
Message = dict[str, Any]


def build_message(
    alert: Alert,
    *,
    mention: str | None,
    sources: int,
    reply: bool = False,
    buttons: bool = False,
    marks: Sequence[str] = (),
    notes: Sequence[str] = (),
) -> Message:
    """``{"text", "blocks"}`` for chat.postMessage/chat.update; ``reply`` is the thread form.
    ``buttons`` adds Acknowledge / Silence / Wrong; ``marks`` are the lines analysts' actions left;
    ``notes`` the marks story notices left (disputed, corroborated: plain text, escaped here)."""
    blocks: list[dict[str, Any]] = []
    if reply:
        blocks.append(_section(f"*{_title(alert, MAX_SECTION - 2)}*"))
    else:
        blocks.append(_header(alert))
    if notes:
        blocks.append(_section("\n".join(f"*{escape_mrkdwn(one_line(n))}*" for n in notes[:10])))
    if mention or alert.text:
        body = " ".join(p for p in (mention or "", escape_mrkdwn(alert.text.strip())) if p)
        blocks.append(_section(body))
    if alert.single_source:
        blocks.append(_section(f":warning: *{SINGLE_SOURCE}*"))
    fields = fact_fields(alert)
    if fields:
        blocks.append({"type": "section", "fields": fields})
    if alert.figures:
        blocks.append(_section(f"*Figures by source:* {escape_mrkdwn(one_line(alert.figures))}"))
    blocks.append(_section(source_line(alert.item)))
    marked = marks_block(marks)
    if marked is not None:
        blocks.append(marked)
    if buttons:
        blocks.append(actions_block(alert.alert_id))
    blocks.append(_context(alert, sources))
    return {"text": fallback_text(alert, mention), "blocks": blocks[:MAX_BLOCKS]}


def _title(alert: Alert, limit: int) -> str:
    return truncate(escape_mrkdwn(one_line(alert.title)), limit)


def _header(alert: Alert) -> dict[str, Any]:
    # plain_text: Slack parses neither mentions nor formatting here, so the title goes in as is.
    text = f"{_ICON[alert.severity]} {alert.severity.upper()} · {one_line(alert.title)}"
    return {"type": "header", "text": {"type": "plain_text", "text": truncate(text, MAX_HEADER)}}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, MAX_SECTION)}}


def _value(value: Any) -> str | None:
    if value in (None, False, "", [], ()):
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def fact_fields(alert: Alert) -> list[dict[str, str]]:
    """The fact's slots as mrkdwn fields (at most 10), a record line first when there is one."""
    fact = alert.fact
    fields: list[tuple[str, str]] = []
    record = record_line(alert)
    if record:
        fields.append(("New record", record))
    for key, label in _FIELDS:
        value = _value(fact.get(key))
        if value is None:
            continue
        if key == "launched" and fact.get("launched_max"):
            value = f"{value}–{fact['launched_max']}"
        fields.append((label, value))
    return [_field(label, value) for label, value in fields[:MAX_FIELDS]]


def _field(label: str, value: str) -> dict[str, str]:
    head = f"*{label}*\n"
    return {"type": "mrkdwn", "text": head + truncate(escape_mrkdwn(value), MAX_FIELD - len(head))}


def record_line(alert: Alert) -> str | None:
    """'800 > 728' when the alert beat a stored record, else None."""
    if alert.previous is None:
        return None
    for key in ("size", "launched", "neutralized", "shot_down", "count"):
        value = alert.fact.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value} > {alert.previous}"
    return f"previous record {alert.previous}"


def source_line(item: dict[str, Any]) -> str:
    """'*Source:* <url|name> · published <date>' and the headline quoted below it."""
    name = one_line(str(item.get("source") or "unknown source"))
    line = f"*Source:* {link(item.get('url'), truncate(name, 200))}"
    published = _published(item.get("published"))
    if published:
        line += f" · published {published}"
    headline = one_line(str(item.get("title") or ""))
    if headline:
        line += "\n>" + truncate(escape_mrkdwn(headline), MAX_SECTION - len(line) - 2)
    return line


def _published(value: Any) -> str | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(str(value))
    except ValueError:
        return escape_mrkdwn(truncate(str(value), 40))
    iso = escape_text(when.isoformat())
    if when.tzinfo is None:
        return iso
    return f"<!date^{int(when.timestamp())}^{{date_short_pretty}} {{time}}|{iso}>"


def _context(alert: Alert, sources: int) -> dict[str, Any]:
    reports = "1 source reports this story" if sources == 1 else f"{sources} sources report this story"
    rule = escape_text(alert.rule).replace("`", "'")
    elements = [
        {"type": "mrkdwn", "text": f"rule `{truncate(rule, 200)}`"},
        {"type": "mrkdwn", "text": reports},
        {"type": "mrkdwn", "text": f"alert {escape_text(alert.alert_id)[:64]}"},
    ]
    return {"type": "context", "elements": elements[:MAX_CONTEXT_ELEMENTS]}


def fallback_text(alert: Alert, mention: str | None) -> str:
    """The notification text: mention, severity, title, source; escaped and short."""
    source = one_line(str(alert.item.get("source") or ""))
    body = escape_mrkdwn(f"{alert.severity.upper()}: {one_line(alert.title)} ({source})")
    text = truncate(body, FALLBACK_CHARS)
    return f"{mention} {text}" if mention else text
