"""Strike drafts and how drafts from several sentences merge into one attack."""

from __future__ import annotations

from dataclasses import dataclass, field

from monitor.models.facts import Qualifier, Side, WeaponKind

#: How far back (in drafts) a sentence may link to an earlier report of the same attack.
_LINK_WINDOW = 12
#: How many sentences apart an outcome ("76 were shot down") may be from its launch report.
_FOLLOW_SENTENCES = 4


@dataclass(slots=True)
class Draft:
    """What one sentence (then several merged sentences) says about one attack."""

    kind: WeaponKind | None
    attacker: Side | None
    counts: dict[str, int]
    parts: set[str]
    sentence: int
    launched_max: int | None = None
    qualifier: Qualifier | None = None
    lower_bound: int | None = None
    another: bool = False
    impact: bool = False  # only counts of what got through ('three drones hit targets')
    remainder: bool = False
    rest: str | None = None  # the outcome of 'the rest' ('the rest was lost locationally')
    total: bool = False  # only a stated total ('put the night's total at 337'), role unknown
    places: list[str] = field(default_factory=list)
    models: list[str] = field(default_factory=list)
    record: bool = False
    scope: str | None = None
    previous_record: int | None = None
    time_ref: str | None = None
    evidence: list[str] = field(default_factory=list)
    #: A total of all air targets told kind by kind: counts and models per weapon kind.
    breakdown: dict[WeaponKind, dict[str, int]] = field(default_factory=dict)
    part_models: dict[WeaponKind, list[str]] = field(default_factory=dict)
    #: The single-attack scorer's verdict on this draft's count ('p=0.93: +near:overnight ...').
    verdict: str | None = None


def _compatible(a: Draft, b: Draft) -> bool:
    """Whether ``b`` may report the same attack as the earlier ``a``; outcomes of one kind
    ('56 enemy drones vanished from radar') belong to an earlier total of all targets."""
    outcome_of_total = a.kind == "targets" and "launched" not in b.counts
    # '45 Shaheds ... 38 aerial targets were knocked down': outcomes told as targets
    targets_outcome = b.kind == "targets" and "launched" not in b.counts and "launched" in a.counts
    kinds = a.kind is None or b.kind is None or a.kind == b.kind or outcome_of_total or targets_outcome
    sides = a.attacker is None or b.attacker is None or a.attacker == b.attacker
    return kinds and sides


def _shares_count(a: Draft, b: Draft) -> bool:
    return any(b.counts.get(role) == value for role, value in a.counts.items())


def _recent(merged: list[Draft], draft: Draft) -> Draft | None:
    """The latest earlier draft this one may continue: compatible and a few sentences back."""
    for earlier in reversed(merged[-4:]):
        if draft.sentence - earlier.sentence > _FOLLOW_SENTENCES:
            return None
        if _compatible(earlier, draft):
            return earlier
    return None


def _within(part: Draft, whole: Draft, *, loose: bool = True) -> bool:
    """Whether ``part`` is a regional sub-count of ``whole``: its places are among the whole's
    (or, ``loose``, the whole names none), and its figures are no larger, for the same night."""
    shared = [role for role in part.counts if role in whole.counts]
    if (
        part.another
        or whole.another
        or not part.places
        or not shared
        or any(part.counts[r] > whole.counts[r] for r in shared)
    ):
        return False
    if part.time_ref and whole.time_ref and part.time_ref != whole.time_ref:
        return False
    if not whole.places:
        return loose
    return set(part.places) <= set(whole.places) and part.counts != whole.counts


def _shared_role(a: Draft, b: Draft) -> str | None:
    return next(
        (role for role in ("launched", "neutralized", "shot_down") if role in a.counts and role in b.counts),
        None,
    )


def _hedge_fits(hedged: Draft, exact: Draft) -> bool:
    """'almost 600' (headline) and 583 (body), 'more than 100' and 117: the same figure told
    twice, once rounded."""
    role = _shared_role(hedged, exact)
    if role is None or hedged.qualifier is None or exact.qualifier is not None:
        return False
    low, high = hedged.counts[role], exact.counts[role]
    if hedged.qualifier == "about":  # 'about 100' and 119: either side
        return 0.8 * low <= high <= 1.2 * low
    below = hedged.qualifier in ("nearly", "almost", "up to")
    return 0.8 * low <= high <= low * 1.05 if below else low <= high <= 1.5 * low


def _headline_hedge(headline: Draft, body: Draft) -> bool:
    """'at least 30' in the headline, 23 in the body: the body's exact figure is the strike's."""
    return (
        headline.sentence == 0 < body.sentence
        and headline.qualifier is not None
        and (body.qualifier is None and _shared_role(headline, body) is not None)
    )


def _additional(last: Draft, draft: Draft) -> bool:
    """'another' (not 'other', the rest) more launched of the same attack."""
    launched = "launched" in draft.counts and "launched" in last.counts
    if draft.impact and launched and _within_rest(last, draft.counts["launched"]):
        return False
    return draft.another and not draft.remainder and launched and set(draft.counts) == {"launched"}


def _within_rest(last: Draft, hits: int) -> bool:
    """'46 launched, 31 shot down, 12 lost' ... 'three hit targets': hits that fit in what the
    outcomes leave of the launch are part of it, not more launched."""
    counts = last.counts
    out = max(counts.get("neutralized", 0), counts.get("shot_down", 0) + counts.get("suppressed", 0))
    return out > 0 and hits <= counts["launched"] - out


def _how(merged: list[Draft], draft: Draft) -> tuple[Draft, str] | None:
    """Which earlier draft this one belongs to, and how: 'fill', 'add' parts, 'refine' a rounded
    figure with an exact one, or 'note' only."""
    last = _recent(merged, draft)
    if last is not None and draft.total:
        return last, "total"
    if last is not None and _additional(last, draft):
        return last, "add"  # 'the enemy dropped a guided bomb ... Another KAB hit near Krasnopillia'
    for earlier in reversed(merged[-_LINK_WINDOW:]):
        if _compatible(earlier, draft) and _shares_count(earlier, draft):
            return earlier, "fill"
        if _compatible(earlier, draft) and (
            _hedge_fits(earlier, draft) or _hedge_fits(draft, earlier) or _headline_hedge(earlier, draft)
        ):
            return earlier, "refine"
        if _compatible(earlier, draft) and _within(draft, earlier):
            return earlier, "note"  # '21 drones over five regions' ... 'one over Voronezh'
        if _compatible(earlier, draft) and _within(earlier, draft, loose=False):
            return earlier, "supersede"  # 'a drone was destroyed over Voronezh' ... 'in all, 21'

    return None if last is None else _follow(last, draft)


def _follow(last: Draft, draft: Draft) -> tuple[Draft, str] | None:
    """How a draft with no shared figure continues the latest compatible one, if it does."""
    roles = set(draft.counts)
    if draft.parts and roles == draft.parts and roles <= last.parts:
        return last, "add"  # '... two over Voronezh, and another two over Rostov'
    if draft.another and ("launched" not in roles or "launched" in last.counts):
        # 'another 36 drones were shot down', 'other 19 hit in eight places': same report, not a
        # new strike; 'another 19 were locationally lost' after '61 were shot down' fills a count
        return last, "note" if roles & set(last.counts) else "fill"
    if draft.kind is None or ("launched" in last.counts and not roles & set(last.counts)):
        return last, "fill"  # '76 were shot down' after 'Russia attacked with 112 drones'
    if _part_of_launch(last, draft):
        return last, "fill"  # '51 launched ... 29 Shaheds were downed; all 20 imitators were lost'
    if _outcome_first(last, draft):
        return last, "fill"  # headline '78 drones down' ... body 'the enemy attacked with 112'
    return None


def _part_of_launch(last: Draft, draft: Draft) -> bool:
    """A sentence whose 'all N' launched figure is one of its own outcomes, smaller than the launch
    told before and with outcomes that fit inside it: a part of that launch, not another attack."""
    launched, before = draft.counts.get("launched"), last.counts.get("launched")
    if launched is None or before is None or launched >= before:
        return False
    outcomes = [v for role, v in draft.counts.items() if role in ("shot_down", "suppressed")]
    return launched in outcomes and sum(outcomes) <= before


def _outcome_first(last: Draft, draft: Draft) -> bool:
    """Outcomes told before the launch ('78 downed, 31 lost' in a headline or lead, then 'the
    enemy attacked with 112'): one attack when the launched figure is at least their sum."""
    if set(draft.counts) != {"launched"} or "launched" in last.counts or not last.counts:
        return False
    told = last.counts.get("shot_down", 0) + last.counts.get("suppressed", 0)
    return max(told, last.counts.get("neutralized", 0)) <= draft.counts["launched"]


def _refine(into: Draft, draft: Draft) -> None:
    """Keep the exact figures of the two reports of one attack; drop the rounded one's hedge."""
    role = _shared_role(into, draft)
    if draft.qualifier is None and role is not None:
        into.counts[role] = draft.counts[role]
        into.launched_max, into.qualifier = draft.launched_max, None
    for role, value in draft.counts.items():
        into.counts.setdefault(role, value)


def add_part(into: Draft, kind: WeaponKind, counts: dict[str, int], models: list[str]) -> None:
    """One kind's figures ('49 Shahed-type drones', '516 drones') inside a total of targets."""
    told = into.breakdown.setdefault(kind, {})
    for role, value in counts.items():
        told.setdefault(role, value)
    into.part_models.setdefault(kind, []).extend(models)


def _total(into: Draft, draft: Draft) -> None:
    """A stated total replaces the figure of the role the earlier reports gave ('74 were downed
    over Moscow' ... 'the ministry put the night's total at 337')."""
    value = next(iter(draft.counts.values()))
    role = next((r for r in ("launched", "neutralized", "shot_down", "suppressed") if r in into.counts), None)
    if role is not None:
        if role == "shot_down" and into.counts.get("neutralized") == into.counts[role]:
            into.counts["neutralized"] = value
        into.counts[role] = value
    _note(into, draft)


def _absorb(into: Draft, draft: Draft, how: str) -> None:
    if how == "total":
        _total(into, draft)
        return
    if how == "supersede":
        into.counts.update(draft.counts)
        into.qualifier = draft.qualifier
    if how == "refine":
        _refine(into, draft)
    for kind, counts in draft.breakdown.items():
        add_part(into, kind, counts, draft.part_models.get(kind, []))
    if into.kind == "targets" and draft.kind not in (None, "targets"):
        add_part(into, draft.kind, draft.counts, draft.models)  # '718 of the drones' after '741 targets'
        _note(into, draft)
        return
    for role, value in draft.counts.items():
        if how == "add" and role in into.counts:
            into.counts[role] += value
        elif how != "note" and role not in into.counts:
            into.counts[role] = value
            into.parts.discard(role)
            into.parts.update(draft.parts & {role})
    into.kind = into.kind or draft.kind
    into.attacker = into.attacker or draft.attacker
    if into.launched_max is None and how == "fill":
        into.launched_max = draft.launched_max
    if "launched" not in into.counts or draft.counts.get("launched") == into.counts["launched"]:
        # a hedged outcome ('up to 56 vanished') does not hedge the launched figure
        into.qualifier = into.qualifier or (draft.qualifier if how == "fill" else None)
    _note(into, draft)


def _note(into: Draft, draft: Draft) -> None:
    """What any later report of the same attack adds: places, models, claims, evidence."""
    into.places.extend(draft.places)
    into.models.extend(draft.models)
    into.record = into.record or draft.record
    into.scope = into.scope or draft.scope
    into.previous_record = into.previous_record or draft.previous_record
    into.time_ref = into.time_ref or draft.time_ref
    into.rest = into.rest or draft.rest
    into.evidence.extend(e for e in draft.evidence if e not in into.evidence)
    into.sentence = draft.sentence


def absorb_repeat(merged: list[Draft], part: Draft) -> bool:
    """Fold one kind's part of a split total into a recent draft that told the same launch (same
    kind, attacker and launched figure); True when it did."""
    launched = part.counts.get("launched")
    for earlier in reversed(merged[-4:]):
        same = earlier.kind == part.kind and _compatible(earlier, part)
        if same and launched is not None and earlier.counts.get("launched") == launched:
            _absorb(earlier, part, "fill")
            return True
    return False


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """Merge drafts that report the same attack; keeps the order of first mention."""
    merged: list[Draft] = []
    for draft in drafts:
        target = _how(merged, draft)
        if target is None:
            merged.append(draft)
        else:
            _absorb(target[0], draft, target[1])
    return _told_exactly(merged)


def _told_exactly(merged: list[Draft]) -> list[Draft]:
    """'Dozens of drones' (headline) and '58 UAVs were shot down' (body): the vague figure is
    the exact one's, wherever in the article it is told."""
    kept: list[Draft] = []
    for draft in merged:
        exact = None
        if not draft.counts and draft.lower_bound is not None:
            exact = next(
                (
                    e
                    for e in merged
                    if e.counts and _compatible(draft, e) and max(e.counts.values()) >= draft.lower_bound
                ),
                None,
            )
        if exact is None:
            kept.append(draft)
        else:
            _note(exact, draft)
    return kept
