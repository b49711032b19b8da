"""Console sink: one readable block per alert (severity, rule, title, fact, source, link)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from monitor.models import Alert

_STYLE = {"info": "cyan", "warning": "yellow", "critical": "bold red"}
_FACT_FIELDS = (
    "weapon",
    "launched",
    "shot_down",
    "suppressed",
    "neutralized",
    "attacker",
    "target",
    "places",
    "qualifier",
    "record_claim",
    "nationality",
    "count",
    "count_max",
    "side",
    "activity",
    "name",
    "used",
)


def fact_summary(fact: dict[str, Any]) -> str:
    """The fact's non-empty slots as 'key=value' pairs, in a fixed order."""
    parts = []
    for key in _FACT_FIELDS:
        value = fact.get(key)
        if value in (None, False, [], ()):
            continue
        if isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value)
        parts.append(f"{key}={value}")
    return " ".join(parts)


class ConsoleSink:
    """Prints alerts with rich; text from feeds is printed as plain text, never as markup."""

    name = "console"

    def __init__(self, console: Console | None = None) -> None:
        self._console = console or Console(highlight=False)

    async def send(self, alert: Alert) -> str:
        if alert.reason == "cooldown":
            source = Text(f"  ↳ also reported by {alert.item.get('source')}: ", style="dim")
            source.append(str(alert.item.get("title") or ""), style="dim")
            self._console.print(source)
            return alert.alert_id
        style = _STYLE.get(alert.severity, "white")
        body = Text()
        body.append(f"{alert.severity.upper()}  ", style=style)
        body.append(f"{alert.rule}  ", style="bold")
        body.append(f"({alert.reason})\n")
        body.append(alert.title + "\n", style="bold")
        body.append(fact_summary(alert.fact) + "\n")
        if alert.previous is not None:
            body.append(f"previous record: {alert.previous}\n")
        item = alert.item
        body.append(f"{item.get('source')} · {item.get('published') or 'undated'}\n", style="dim")
        body.append(f"{item.get('title') or ''}\n", style="dim")
        if item.get("url"):
            body.append(str(item["url"]), style="underline")
        self._console.print(Panel(body, border_style=style, expand=False))
        return alert.alert_id

    async def close(self) -> None:
        return None
