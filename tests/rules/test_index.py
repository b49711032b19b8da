"""The rule index returns exactly what a linear scan of every rule would, on generated rule sets."""

from __future__ import annotations

import random
from typing import Any

import pytest

from monitor.models import Facts, Item, Match
from monitor.models.kinds import facts_of
from monitor.rules.compiled import RuleCompiler
from monitor.rules.conditions import ItemView
from monitor.rules.engine import build_match, evaluate, item_view
from monitor.rules.index import anchor_of
from monitor.rules.lists import ListResolver
from monitor.rules.model import Rule
from monitor.rules.ruleset import RuleSet

PLACES = ["Odesa", "Kharkiv", "Kyiv", "Sumy", "Lviv", "Dnipro"]
MODELS = ["Shahed-136", "Geran-2", "Iskander-M", "Kh-101"]
NATIONS = ["North Korean", "Chinese", "Cuban", "Nepali"]
WORDS = ["drone", "missile", "odesa", "record", "attack", "shahed", "troops", "grid"]
SIDES = ["Russia", "Ukraine"]
LISTS: dict[str, list[Any]] = {"sides": SIDES, "places": PLACES[:3]}

#: Field tests by fact kind: a generator of one random test each.
FIELDS: dict[str, dict[str, Any]] = {
    "strike": {
        "weapon": lambda r: r.choice(["drone", "missile", ["drone", "glide_bomb"], {"ne": "drone"}]),
        "attacker": lambda r: r.choice(["Russia", "$sides", {"in_list": "sides"}, {"exists": True}]),
        "places": lambda r: r.choice([r.choice(PLACES), {"contains": r.choice(PLACES)}, "$places"]),
        "models": lambda r: r.choice([r.choice(MODELS), {"in": r.sample(MODELS, 2)}]),
        "launched": lambda r: r.choice(
            [{"gte": r.randint(0, 300)}, {"gt": r.randint(0, 300), "lt": 400}, {"lte": r.randint(0, 50)}]
        ),
        "size": lambda r: {"gte": r.choice([1, 50, 100, 500, float("nan")])},
        "record_claim": lambda r: r.choice([True, False, 1]),
        "theatre": lambda r: r.choice(["russia-ukraine", "other", {"ne": "other"}]),
    },
    "troops": {
        "nationality": lambda r: r.choice([r.choice(NATIONS), {"not_in": NATIONS[:2]}, NATIONS[1:3]]),
        "count": lambda r: r.choice([{"gte": r.randint(0, 5000)}, {"exists": False}]),
        "side": lambda r: r.choice(SIDES),
        "theatre": lambda r: "russia-ukraine",
    },
    "weapon": {
        "name": lambda r: r.choice([*MODELS, {"eq": "oreshnik"}]),
        "used": lambda r: r.choice([True, False]),
    },
    "casualty": {"killed": lambda r: {"gte": r.randint(0, 20)}, "place": lambda r: r.choice(PLACES)},
}


def random_rule(rng: random.Random, number: int) -> dict[str, Any]:
    kind = rng.choice([*FIELDS, "item"])
    rule: dict[str, Any] = {"id": f"r{number}", "title": "t", "type": "any", "fact": kind}
    rule["enabled"] = rng.random() > 0.05
    if kind != "item":
        fields = FIELDS[kind]
        names = rng.sample(sorted(fields), rng.randint(0, min(3, len(fields))))
        rule["where"] = {name: fields[name](rng) for name in names}
        if rng.random() < 0.3:
            name = rng.choice(sorted(fields))
            rule["when"] = {"any": [{"fact": {name: fields[name](rng)}}, {"keywords": rng.sample(WORDS, 1)}]}
        if kind == "strike" and rng.random() < 0.3:
            rule["type"] = "threshold"
            rule["threshold"] = {"field": rng.choice(["launched", "size"]), rng.choice(["gte", "lt"]): 100}
    if rng.random() < 0.4:
        mode = rng.choice(["any", "all", "none"])
        rule["keywords"] = {mode: rng.sample(WORDS, rng.randint(1, 3))}
    if rng.random() < 0.1:
        rule["when"] = {"not": {"keywords": rng.sample(WORDS, 2)}}
    return rule


def random_facts(rng: random.Random) -> Facts:
    strikes = [
        {
            "weapon": rng.choice(["drone", "missile", "glide_bomb", "targets"]),
            "attacker": rng.choice([*SIDES, None]),
            "places": rng.sample(PLACES, rng.randint(0, 2)),
            "models": rng.sample(MODELS, rng.randint(0, 2)),
            "launched": rng.choice([None, 0, 12, 100, 250, 399, 400, 1200]),
            "record_claim": rng.random() < 0.2,
            "theatre": rng.choice(["russia-ukraine", "other"]),
        }
        for _ in range(rng.randint(0, 3))
    ]
    troops = [
        {
            "nationality": rng.choice(NATIONS),
            "count": rng.choice([None, 10, 3000]),
            "side": rng.choice(SIDES),
            "theatre": rng.choice(["russia-ukraine", "other"]),
        }
        for _ in range(rng.randint(0, 2))
    ]
    weapons = [{"name": rng.choice(MODELS), "used": rng.random() < 0.5} for _ in range(rng.randint(0, 2))]
    casualties = [{"killed": rng.choice([None, 1, 20]), "place": rng.choice(PLACES)}]
    return Facts.model_validate(
        {"strikes": strikes, "troops": troops, "weapons": weapons, "casualties": casualties}
    )


def linear_scan(ruleset: RuleSet, item: Item, facts: Facts) -> list[Match]:
    """The reference: every enabled rule, in order, against every fact of its kind."""
    view: ItemView = item_view(ruleset, item)
    out: list[Match] = []
    for compiled in ruleset.rules:
        if not compiled.rule.enabled or compiled.rule.type == "flatline":
            continue
        for fact in facts_of(compiled.rule.fact, facts):
            match = build_match(compiled, item, fact) if compiled.condition.test(view, fact) else None
            if match is not None:
                out.append(match)
    return out


def build(rules: list[dict[str, Any]]) -> RuleSet:
    compiler = RuleCompiler(ListResolver(LISTS))
    errors: list[str] = []
    compiled = tuple(
        compiler.build(Rule.model_validate(r), lambda loc, msg: errors.append(msg), i)
        for i, r in enumerate(rules)
    )
    assert not errors, errors
    return RuleSet(compiled, lists=LISTS)


@pytest.mark.parametrize("seed", range(12))
def test_index_matches_linear_scan(seed: int) -> None:
    rng = random.Random(seed)
    ruleset = build([random_rule(rng, n) for n in range(150)])
    for number in range(60):
        text = " ".join(rng.sample(WORDS, rng.randint(0, 4)))
        item = Item(id=f"i{number}", source="test", title=text[:20], text=text)
        facts = random_facts(rng)
        assert evaluate(ruleset, item, facts) == linear_scan(ruleset, item, facts)


def test_every_kind_of_anchor_is_used() -> None:
    """The generated rules exercise each way of filing a rule, not only the fallback."""
    rng = random.Random(0)
    ruleset = build([random_rule(rng, n) for n in range(150)])
    kinds = {type(anchor_of(compiled)).__name__ for compiled in ruleset.rules}
    assert kinds >= {"_Equal", "_Bound", "frozenset", "NoneType"}


def test_a_fact_reaches_only_rules_it_can_satisfy() -> None:
    """Of 300 place rules, an Odesa strike is tested against the Odesa ones only: the place
    files the rule, not the weapon or the attacker, which most strikes share."""
    where = {"weapon": "drone", "attacker": "$sides"}
    rules = [
        {
            "id": f"p{n}",
            "title": "t",
            "type": "any",
            "fact": "strike",
            "where": {**where, "places": PLACES[n % 6]},
        }
        for n in range(300)
    ]
    ruleset = build(rules)
    strike = {"weapon": "drone", "places": ["odesa"]}
    assert len(ruleset.matcher.kinds["strike"].for_fact(strike)) == 50
