"""Flatline rules, pure: given when each watched source, tag or rule was last active, which fire."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from monitor.models import Match
from monitor.rules.compiled import CompiledRule


def watched(compiled: CompiledRule) -> tuple[str, str]:
    """(watch, name) of a flatline rule; names are compared case-insensitively."""
    spec: Any = compiled.rule.spec
    return spec.watch, spec.name.casefold()


def flatline_match(compiled: CompiledRule, last_seen: datetime, now: datetime) -> Match | None:
    """The match of a flatline rule whose watched name has been silent longer than its window."""
    rule = compiled.rule
    spec: Any = rule.spec
    silent = (now - last_seen).total_seconds()
    if silent <= spec.window:
        return None
    watch, name = watched(compiled)
    fact = {
        "watch": watch,
        "name": spec.name,
        "silent_for": _human(silent),
        "last_seen": last_seen.isoformat(),
    }
    context: dict[str, Any] = {"fact": fact, "item": {"id": f"flatline:{watch}:{name}"}, "rule": rule}
    context.update(story_id=f"flatline:{watch}:{name}", story_sources=1, story_figures="")
    context["group"] = f"{watch}:{name}"
    for key in ("dedup_key", "story"):
        context[key] = compiled.templates[key].render(context)
    return Match(
        rule_id=rule.id,
        item_id=f"flatline:{watch}:{name}:{int(last_seen.timestamp())}",
        title=compiled.title.render(context),
        text=compiled.templates["text"].render(context),
        severity=rule.severity,
        realert_s=rule.realert,
        fact_kind="item",
        fact=fact,
        dedup_key=context["dedup_key"],
        story=context["story"],
        group=context["group"],
    )


def _human(seconds: float) -> str:
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours}h{rest // 60:02d}m"
