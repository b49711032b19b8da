"""Totals of all air targets told kind by kind: one strike per kind when the outcomes are too."""

from __future__ import annotations

from monitor.extract.drafts import Draft, add_part
from monitor.extract.mentions import Mention
from monitor.models.facts import WeaponKind


def add_mentions(total: Draft, parts: list[Mention]) -> None:
    """'76 means of air attack: 49 drones and 27 missiles': the kinds' figures join the total."""
    by_kind: dict[WeaponKind, dict[str, int]] = {}
    for mention in parts:
        if mention.kind is None or mention.quantity.value is None:
            continue
        counts = by_kind.setdefault(mention.kind, {})
        counts[mention.role] = counts.get(mention.role, 0) + mention.quantity.value
        total.part_models.setdefault(mention.kind, []).extend(mention.models)
    for kind, counts in by_kind.items():
        add_part(total, kind, counts, [])


def _one_kind(total: Draft) -> list[Draft]:
    """'167 air targets - Shahed drones and other UAVs': a total of one kind is that kind's."""
    kind, counts = next(iter(total.breakdown.items()))
    if counts.get("launched", total.counts.get("launched")) == total.counts.get("launched"):
        total.kind = kind
        for role, value in counts.items():
            total.counts.setdefault(role, value)
    return [total]


def _derive(total: Draft) -> None:
    """'539 targets, including 516 drones' with 554 drones and 29 missiles: 23 missiles."""
    kinds = total.breakdown
    for role, value in total.counts.items():
        missing = [kind for kind, counts in kinds.items() if role not in counts]
        told = sum(counts.get(role, 0) for counts in kinds.values())
        if role != "launched" and len(missing) == 1 and 0 <= value - told < value:
            kinds[missing[0]][role] = value - told


def split_total(total: Draft) -> list[Draft]:
    """The strikes a merged draft stands for: a targets total whose outcomes are told by kind
    becomes one strike per kind (the record claim goes to the largest); otherwise it stays one."""
    if total.kind != "targets" or not total.breakdown:
        return [total]
    if len(total.breakdown) == 1:
        return _one_kind(total)
    if all(set(counts) <= {"launched"} for counts in total.breakdown.values()):
        return [total]  # outcomes only for the whole: one strike of all targets
    _derive(total)
    main = max(total.breakdown, key=lambda kind: total.breakdown[kind].get("launched", 0))
    strikes: list[Draft] = []
    for kind, counts in total.breakdown.items():
        part = Draft(kind, total.attacker, dict(counts), set(), total.sentence)
        part.places, part.time_ref, part.evidence = list(total.places), total.time_ref, list(total.evidence)
        part.models = total.part_models.get(kind, [])
        if kind == main:
            part.record, part.scope, part.previous_record = total.record, total.scope, total.previous_record
        strikes.append(part)
    return strikes
