"""Which channel an alert goes to, and whether it mentions the on-call group."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.models import Alert
from monitor.settings import SlackSettings

_RANK = {"info": 0, "warning": 1, "critical": 2}


@dataclass(frozen=True)
class Route:
    """Where to post (None in webhook mode: the webhook owns its channel) and whom to mention."""

    channel: str | None
    mention: str | None


def channel_for(alert: Alert, settings: SlackSettings) -> str | None:
    """Alert.channel, else the rule's channel, else the severity's, else the default."""
    return (
        alert.channel
        or settings.channels_by_rule.get(alert.rule)
        or settings.channels_by_severity.get(alert.severity)
        or settings.default_channel
    )


def mention_for(alert: Alert, settings: SlackSettings) -> str | None:
    """``<!subteam^ID>`` built from the configured group ID only, never from alert text."""
    if settings.oncall_group is None:
        return None
    if _RANK[alert.severity] < _RANK[settings.mention_severity]:
        return None
    return f"<!subteam^{settings.oncall_group}>"


def route(alert: Alert, settings: SlackSettings) -> Route:
    return Route(channel_for(alert, settings), mention_for(alert, settings))
