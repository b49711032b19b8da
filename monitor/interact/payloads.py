"""Slack's interaction and slash-command requests, parsed into the few fields the handlers use."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from monitor.errors import InputError
from monitor.sinks.slack.buttons import alert_id_of


class PayloadError(InputError):
    """A signed request we cannot read (an interaction type we do not handle, missing fields)."""


def form(body: bytes) -> dict[str, str]:
    """An application/x-www-form-urlencoded body as a dict (first value of each field)."""
    text = body.decode("utf-8", errors="replace")
    return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}


@dataclass(frozen=True)
class Click:
    """A button press or a menu choice on one of our alert messages."""

    user: str
    action: str
    value: str
    alert_id: str
    channel: str
    ts: str
    thread_ts: str
    blocks: list[dict[str, Any]]
    trigger_id: str
    response_url: str


@dataclass(frozen=True)
class Submission:
    """A modal submitted: which one (callback id), its private metadata and the values entered."""

    user: str
    callback_id: str
    metadata: dict[str, str]
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Command:
    """A ``/monitor ...`` slash command."""

    user: str
    channel: str
    text: str
    response_url: str


def _value(action: dict[str, Any]) -> str:
    if action.get("type") == "static_select":
        return str((action.get("selected_option") or {}).get("value", ""))
    return str(action.get("value", ""))


def click(payload: dict[str, Any]) -> Click:
    """A ``block_actions`` payload on an alert message."""
    actions = payload.get("actions") or []
    if not actions:
        raise PayloadError("block_actions without an action")
    action = actions[0]
    alert_id = alert_id_of(str(action.get("block_id", "")))
    message = payload.get("message") or {}
    channel = str((payload.get("channel") or {}).get("id", ""))
    if alert_id is None or not channel or not message.get("ts"):
        raise PayloadError("an action on a message that is not a monitor alert")
    return Click(
        user=str((payload.get("user") or {}).get("id", "")),
        action=str(action.get("action_id", "")),
        value=_value(action),
        alert_id=alert_id,
        channel=channel,
        ts=str(message["ts"]),
        thread_ts=str(message.get("thread_ts") or ""),
        blocks=list(message.get("blocks") or []),
        trigger_id=str(payload.get("trigger_id", "")),
        response_url=str(payload.get("response_url", "")),
    )


def _state_value(element: dict[str, Any]) -> str:
    kind = element.get("type")
    if kind == "static_select":
        return str((element.get("selected_option") or {}).get("value") or "")
    if kind == "datetimepicker":
        return str(element.get("selected_date_time") or "")
    return str(element.get("value") or "")


def submission(payload: dict[str, Any]) -> Submission:
    """A ``view_submission`` payload: input values by action id."""
    view = payload.get("view") or {}
    values: dict[str, str] = {}
    for block in ((view.get("state") or {}).get("values") or {}).values():
        for action_id, element in block.items():
            values[action_id] = _state_value(element)
    try:
        metadata = json.loads(view.get("private_metadata") or "{}")
    except json.JSONDecodeError:
        raise PayloadError("a modal with unreadable metadata") from None
    return Submission(
        user=str((payload.get("user") or {}).get("id", "")),
        callback_id=str(view.get("callback_id", "")),
        metadata={str(k): str(v) for k, v in metadata.items()},
        values=values,
    )


def command(fields: dict[str, str]) -> Command:
    return Command(
        user=fields.get("user_id", ""),
        channel=fields.get("channel_id", ""),
        text=fields.get("text", "").strip(),
        response_url=fields.get("response_url", ""),
    )


def interaction(body: bytes) -> dict[str, Any]:
    """The JSON ``payload`` field of an interaction request."""
    raw = form(body).get("payload")
    if raw is None:
        raise PayloadError("no payload field")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        raise PayloadError("payload is not JSON") from None
    if not isinstance(data, dict):
        raise PayloadError("payload is not an object")
    return data
