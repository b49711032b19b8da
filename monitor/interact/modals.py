"""The two modals: silence until a chosen time, and the analyst's correction of a wrong alert."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from monitor.models import Alert
from monitor.state.feedback import WRONG_REASONS

SILENCE_UNTIL = "monitor-silence-until"
CORRECTION = "monitor-correction"
#: Correction inputs per fact kind: (action id, label, numeric).
_CORRECTABLE: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "strike": (("launched", "Drones or missiles launched", True), ("attacker", "Attacker", False)),
    "troops": (("nationality", "Nationality (e.g. North Korean)", False), ("count", "Troops", True)),
    "weapon": (("name", "Weapon (e.g. Oreshnik)", False),),
}


def _plain(text: str) -> dict[str, str]:
    return {"type": "plain_text", "text": text[:150]}


def _input(block_id: str, label: str, element: dict[str, Any], optional: bool = True) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": block_id,
        "label": _plain(label),
        "optional": optional,
        "element": element,
    }


def _note() -> dict[str, Any]:
    element = {"type": "plain_text_input", "action_id": "note", "multiline": True, "max_length": 500}
    return _input("note", "Note", element)


def silence_until(alert: Alert, scope: str, metadata: dict[str, str], now: datetime) -> dict[str, Any]:
    """Pick the end of a silence of this story or rule."""
    picker = {
        "type": "datetimepicker",
        "action_id": "until",
        "initial_date_time": int((now + timedelta(hours=8)).timestamp()),
    }
    what = f"rule {alert.rule}" if scope == "rule" else "this story"
    return {
        "type": "modal",
        "callback_id": SILENCE_UNTIL,
        "private_metadata": json.dumps({**metadata, "scope": scope}),
        "title": _plain("Silence until…"),
        "submit": _plain("Silence"),
        "close": _plain("Cancel"),
        "blocks": [_input("until", f"Silence {what} until", picker, optional=False), _note()],
    }


def _field(name: str, label: str, numeric: bool, current: Any) -> dict[str, Any]:
    if name == "attacker":
        options = [{"text": _plain(side), "value": side} for side in ("Russia", "Ukraine")]
        element: dict[str, Any] = {"type": "static_select", "action_id": name, "options": options}
        if current in ("Russia", "Ukraine"):
            element["initial_option"] = {"text": _plain(str(current)), "value": str(current)}
        return _input(name, label, element)
    kind = "number_input" if numeric else "plain_text_input"
    element = {"type": kind, "action_id": name}
    if numeric:
        element["is_decimal_allowed"] = False
    if current not in (None, ""):
        element["initial_value"] = str(current)
    return _input(name, label, element)


def correction(alert: Alert, fact_kind: str, reason: str, metadata: dict[str, str]) -> dict[str, Any]:
    """What the article really says; left empty, the case says nothing should have fired."""
    fields = _CORRECTABLE.get(fact_kind, ())
    intro = (
        f"*{WRONG_REASONS.get(reason, reason)}*: give the figures the article really reports. "
        "Leave them empty if nothing should have fired. The case goes to `monitor feedback export`."
    )
    blocks: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": intro}}]
    blocks += [_field(name, label, numeric, alert.fact.get(name)) for name, label, numeric in fields]
    blocks.append(_note())
    return {
        "type": "modal",
        "callback_id": CORRECTION,
        "private_metadata": json.dumps({**metadata, "reason": reason, "fact_kind": fact_kind}),
        "title": _plain("Wrong alert"),
        "submit": _plain("Save"),
        "close": _plain("Cancel"),
        "blocks": blocks,
    }


def corrected_fact(fact_kind: str, fact: dict[str, Any], values: dict[str, str]) -> dict[str, Any] | None:
    """The fact with the analyst's values; None when they gave none (nothing should fire)."""
    given = {
        name: values[name].strip()
        for name, _, _ in _CORRECTABLE.get(fact_kind, ())
        if values.get(name, "").strip()
    }
    if not given:
        return None
    numeric = {name for name, _, is_number in _CORRECTABLE[fact_kind] if is_number}
    corrected = {k: v for k, v in fact.items() if k not in {"evidence", "size"}}
    for name, value in given.items():
        corrected[name] = int(value) if name in numeric and value.lstrip("-").isdigit() else value
    return corrected
