"""The buttons under an alert (Acknowledge, Silence, Wrong) and the lines analysts' actions add.

The interactivity endpoint (monitor/interact) reads these ids back: the alert id travels in the
actions block's ``block_id``, the choice in the element's ``action_id`` and option ``value``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from monitor.sinks.slack.escape import truncate
from monitor.state.feedback import WRONG_REASONS

ACTIONS_PREFIX = "monitor-actions:"
MARKS_BLOCK = "monitor-marks"
ACK, SILENCE, WRONG = "ack", "silence", "wrong"
#: Silence choices: value -> label. ``until`` opens a modal with a date and time picker.
SILENCE_CHOICES: dict[str, str] = {
    "story:1h": "this story for 1 h",
    "story:24h": "this story for 24 h",
    "story:until": "this story until…",
    "rule:1h": "this rule for 1 h",
    "rule:24h": "this rule for 24 h",
    "rule:until": "this rule until…",
}


def _option(value: str, label: str) -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": label}, "value": value}


def _select(action_id: str, placeholder: str, choices: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "static_select",
        "action_id": action_id,
        "placeholder": {"type": "plain_text", "text": placeholder},
        "options": [_option(value, label) for value, label in choices.items()],
    }


def actions_block(alert_id: str) -> dict[str, Any]:
    """Acknowledge, a Silence menu and a Wrong menu for one alert's message."""
    return {
        "type": "actions",
        "block_id": truncate(ACTIONS_PREFIX + alert_id, 255),
        "elements": [
            {
                "type": "button",
                "action_id": ACK,
                "text": {"type": "plain_text", "text": "Acknowledge"},
                "style": "primary",
                "value": alert_id[:2000],
            },
            _select(SILENCE, "Silence…", SILENCE_CHOICES),
            _select(WRONG, "Wrong…", WRONG_REASONS),
        ],
    }


def marks_block(lines: Sequence[str]) -> dict[str, Any] | None:
    """The analysts' actions on this message, one context element each (None: no actions yet)."""
    if not lines:
        return None
    elements = [{"type": "mrkdwn", "text": truncate(line, 3000)} for line in lines[:10]]
    return {"type": "context", "block_id": MARKS_BLOCK, "elements": elements}


def alert_id_of(block_id: str) -> str | None:
    """The alert id an actions block carries, or None for a block that is not ours."""
    return block_id[len(ACTIONS_PREFIX) :] if block_id.startswith(ACTIONS_PREFIX) else None


def with_marks(blocks: list[dict[str, Any]], lines: Sequence[str]) -> list[dict[str, Any]]:
    """A message's blocks with its marks block replaced (placed just above the buttons)."""
    kept = [b for b in blocks if b.get("block_id") != MARKS_BLOCK]
    marks = marks_block(lines)
    if marks is None:
        return kept
    at = next((i for i, b in enumerate(kept) if alert_id_of(str(b.get("block_id", ""))) is not None), None)
    if at is None:
        at = max(len(kept) - 1, 0)
    return [*kept[:at], marks, *kept[at:]]
