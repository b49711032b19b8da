"""Feedback as evaluation cases (tests/data/extraction format), so a false alert becomes a test.

A Wrong without corrected facts says the article holds no fact of that kind for this war (the
facet is ``[]`` and no shipped rule should fire); a correction gives the facts the analyst read.
The case text is the headline plus the evidence the extractor read the fact from.
"""

from __future__ import annotations

from typing import Any

import yaml

from monitor.state.feedback import WRONG_REASONS, Feedback

#: Fact kind -> (facet in the case, slots an exported correction keeps).
_FACETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "strike": ("strikes", ("weapon", "attacker", "launched", "shot_down", "neutralized", "suppressed")),
    "troops": ("troops", ("nationality", "count", "activity")),
    "weapon": ("weapons", ("name", "used")),
    "casualty": ("casualties", ("killed", "injured")),
}
#: Reasons about the monitor's memory, not the article: no extraction case says anything useful.
NOT_EXPORTED = frozenset({"duplicate"})


def exportable(feedback: Feedback) -> bool:
    return feedback.reason not in NOT_EXPORTED and feedback.fact_kind in _FACETS


def to_case(feedback: Feedback) -> dict[str, Any]:
    """One case; the facet of the alert's fact says what the article really holds."""
    facet, slots = _FACETS[feedback.fact_kind]
    title = str(feedback.item.get("title") or "")
    evidence = str(feedback.fact.get("evidence") or "").strip()
    case: dict[str, Any] = {
        "id": f"fb-{feedback.id}",
        "source_kind": "slack_feedback",
        "classes": [],
        "title": title,
        "text": evidence or title,
    }
    if feedback.corrected is None:
        case[facet] = []
        case["alerts"] = []
    else:
        kept = {slot: feedback.corrected[slot] for slot in slots if feedback.corrected.get(slot) is not None}
        if feedback.fact_kind == "weapon":
            kept["used"] = True
        case[facet] = [kept]
    return case


def _comment(feedback: Feedback) -> str:
    note = " ".join(feedback.note.split())
    lines = [
        f"# feedback {feedback.id}: {WRONG_REASONS[feedback.reason]} on rule {feedback.rule} "
        f"(alert {feedback.alert_id}) by {feedback.user} at {feedback.at:%Y-%m-%d %H:%M} UTC",
        f"# source: {feedback.item.get('source')} {feedback.item.get('url') or ''}".rstrip(),
    ]
    if note:
        lines.append(f"# note: {note[:300]}")
    return "\n".join(lines)


def eval_yaml(feedbacks: list[Feedback]) -> str:
    """A YAML file of cases `monitor eval PATH` reads, each preceded by where it came from."""
    parts = ["# Cases from analysts' Wrong feedback in Slack (monitor feedback export --format eval)."]
    for feedback in feedbacks:
        if not exportable(feedback):
            continue
        dumped = yaml.safe_dump([to_case(feedback)], sort_keys=False, allow_unicode=True, width=100)
        parts.append(_comment(feedback) + "\n" + dumped.rstrip())
    return "\n".join(parts) + "\n"
