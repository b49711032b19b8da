"""Console sink: one block per alert an analyst reads at a glance (what, how many, who said it,
the evidence sentence, the link, the record it beat); feed text is printed as text, never markup."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from monitor.models import Alert
from monitor.sinks.wording import REASONS, SINGLE_SOURCE, fact_line, notice_words, record_line, when

_STYLE = {"info": "cyan", "warning": "yellow", "critical": "bold red"}


def alert_text(alert: Alert) -> Text:
    """The block's lines: title, the fact in words, record, evidence, source and link, rule."""
    style = _STYLE.get(alert.severity, "white")
    body = Text()
    body.append(f"{alert.severity.upper()}  ", style=style)
    body.append(alert.title + "\n", style="bold")
    if alert.single_source:
        body.append(SINGLE_SOURCE + "\n", style="bold yellow")
    facts = fact_line(alert.fact)
    if facts:
        body.append(facts + "\n")
    if alert.figures:
        body.append(f"Figures by source: {alert.figures}\n")
    record = record_line(alert.fact, alert.previous)
    if record:
        body.append(record + "\n", style="bold")
    evidence = str(alert.fact.get("evidence") or "").strip()
    if evidence:
        body.append(f"“{evidence}”\n", style="italic")
    text = (alert.text or "").strip()
    if evidence and text.startswith(evidence):
        # the rule's text is the evidence (quoted just above), maybe with "Also matched" after it
        text = text[len(evidence) :].strip()
    if text:
        body.append(text + "\n")
    item = alert.item
    body.append(f"{item.get('source')}, {when(item.get('published'))}: ", style="dim")
    body.append(f"{item.get('title') or ''}\n", style="dim")
    if item.get("url"):
        body.append(str(item["url"]) + "\n", style="underline")
    body.append(f"rule {alert.rule}: {REASONS.get(alert.reason, alert.reason)}", style="dim")
    return body


class ConsoleSink:
    """Prints alerts with rich; text from feeds is printed as plain text, never as markup."""

    name = "console"

    def __init__(self, console: Console | None = None) -> None:
        self._console = console or Console(highlight=False)

    async def send(self, alert: Alert) -> str:
        if alert.notice:  # disputed, retracted, corrected or corroborated by this item's outlet
            said = notice_words(
                alert.notice, str(alert.item.get("source")), str(alert.item.get("title") or "")
            )
            self._console.print(Text(f"  ↳ {said}", style="bold"))
            return alert.alert_id
        if alert.reason == "cooldown":  # a follow-up: the story again, from another outlet
            source = Text(f"  ↳ also reported by {alert.item.get('source')}: ", style="dim")
            source.append(str(alert.item.get("title") or ""), style="dim")
            if alert.item.get("url"):
                source.append(f" {alert.item['url']}", style="dim underline")
            if alert.figures:  # the outlets disagree: who said what, side by side
                source.append(f"\n    Figures by source: {alert.figures}")
            self._console.print(source)
            return alert.alert_id
        self._console.print(Panel(alert_text(alert), border_style=_STYLE.get(alert.severity, "white")))
        return alert.alert_id

    async def close(self) -> None:
        return None
