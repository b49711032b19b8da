"""A digest as plain text (the CLI) and as Block Kit (Slack), from the same Digest."""

from __future__ import annotations

from typing import Any

from monitor.digest.compose import Digest, ReportLine, Source, StrikeLine
from monitor.sinks.slack.escape import escape_mrkdwn, link, truncate

_WEAPON = {"drone": "drones", "missile": "missiles", "glide_bomb": "glide bombs", "targets": "air targets"}
#: Sources named per line; the rest are counted.
MAX_SOURCES = 4


def _figures(line: StrikeLine) -> str:
    what = _WEAPON.get(line.weapon, line.weapon)
    text = f"{line.launched} {what} launched" if line.launched is not None else what
    if line.neutralized is not None:
        text += f", {line.neutralized} downed or suppressed"
    if line.record_claim:
        text += " (reported as a record)"
    return text


def _names(sources: list[Source]) -> str:
    names = ", ".join(s.name for s in sources[:MAX_SOURCES])
    more = len(sources) - MAX_SOURCES
    return names + (f" and {more} more" if more > 0 else "")


def _period(digest: Digest) -> str:
    return f"{digest.since:%Y-%m-%d %H:%M} – {digest.until:%Y-%m-%d %H:%M} UTC"


def text(digest: Digest) -> str:
    """The digest for a terminal."""
    out = [f"Digest {_period(digest)}: {digest.items} items with facts"]
    out.append("\nStrikes by attacker:")
    out += [f"  {s.attacker}: {_figures(s)} ({_names(s.sources)})" for s in digest.strikes] or ["  none"]
    out.append("\nRecords and near-records:")
    out += [f"  {r.attacker}: {r.launched} drones, {r.kind} (record {r.record})" for r in digest.records] or [
        "  none"
    ]
    out.append("\nForeign troops reported:")
    out += [_report(t) for t in digest.troops] or ["  none"]
    out.append("\nWeapons reported used:")
    out += [_report(w) for w in digest.weapons] or ["  none"]
    out.append("\nSilences in force:")
    out += [
        f"  {s.id} {s.rule} until {s.ends_at:%Y-%m-%d %H:%M} UTC: {s.reason}" for s in digest.silences
    ] or ["  none"]
    out.append("\nStale feeds: " + (", ".join(digest.stale_feeds) or "none"))
    return "\n".join(out)


def _report(line: ReportLine) -> str:
    detail = f" ({line.detail})" if line.detail else ""
    return f"  {line.name}{detail}: {_names(line.sources)}"


def _linked(sources: list[Source]) -> str:
    shown = [link(s.url, truncate(s.name, 80)) for s in sources[:MAX_SOURCES]]
    more = len(sources) - MAX_SOURCES
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _section(title: str, lines: list[str]) -> dict[str, Any]:
    body = "\n".join(lines) if lines else "_none_"
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(f"*{title}*\n{body}", 3000)}}


def blocks(digest: Digest) -> list[dict[str, Any]]:
    """The digest as Block Kit: a header, then one section per part (feed text escaped)."""
    strikes = [
        f"• *{escape_mrkdwn(s.attacker)}*: {escape_mrkdwn(_figures(s))} — {_linked(s.sources)}"
        for s in digest.strikes
    ]
    records = [
        f"• {escape_mrkdwn(r.attacker)}: {r.launched} drones, *{r.kind}* (record {r.record})"
        for r in digest.records
    ]
    troops = [f"• {escape_mrkdwn(t.name)}: {_linked(t.sources)}" for t in digest.troops]
    weapons = [f"• {escape_mrkdwn(w.name)}: {_linked(w.sources)}" for w in digest.weapons]
    silences = [f"• `{s.id}` `{s.rule}` until {s.ends_at:%Y-%m-%d %H:%M} UTC" for s in digest.silences]
    stale = [", ".join(escape_mrkdwn(name) for name in digest.stale_feeds)] if digest.stale_feeds else []
    header = {"type": "header", "text": {"type": "plain_text", "text": "Morning digest"}}
    context = {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": f"{_period(digest)} · {digest.items} items"}],
    }
    return [
        header,
        context,
        _section("Strikes by attacker", strikes),
        _section("Records and near-records", records),
        _section("Foreign troops reported", troops),
        _section("Weapons reported used", weapons),
        _section("Silences in force", silences),
        _section("Stale feeds", stale),
    ]


def fallback(digest: Digest) -> str:
    top = ", ".join(
        f"{s.attacker} {s.launched} {_WEAPON.get(s.weapon, s.weapon)}" for s in digest.strikes[:3]
    )
    return truncate(f"Morning digest: {top or 'no strikes reported'}", 1000)
