"""Typed models that travel between the pipeline stages: Item -> Article -> Facts -> Match -> Alert."""

from monitor.models.alert import Alert, Decision, Reason
from monitor.models.facts import (
    Casualty,
    Denial,
    Facts,
    Side,
    Strike,
    TroopReport,
    WeaponKind,
    WeaponMention,
)
from monitor.models.item import Article, Item
from monitor.models.match import Match, StateCheck

__all__ = [
    "Alert",
    "Article",
    "Casualty",
    "Decision",
    "Denial",
    "Facts",
    "Item",
    "Match",
    "Reason",
    "Side",
    "StateCheck",
    "Strike",
    "TroopReport",
    "WeaponKind",
    "WeaponMention",
]
