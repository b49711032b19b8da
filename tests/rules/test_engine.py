"""The pure engine: composed conditions, named lists, RE2 regexes, candidate rules by keyword."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from monitor.models import Facts
from monitor.rules.engine import evaluate
from monitor.rules.loader import load_rules
from monitor.rules.ruleset import RuleSet
from tests.rules.conftest import article, facts_from_text

COMPOSED = """
lists:
  oblasts: [Kharkiv, Sumy]
rules:
  - id: oblast-drones
    title: "{{ fact.weapon }} strike in {{ item.title }}"
    type: any
    fact: strike
    when:
      all:
        - keywords: [$oblasts]
        - not: {keywords: [drill]}
        - any:
            - fact: {weapon: drone}
            - regex: 'ballistic\\s+missiles?'
              in: text
"""

STRIKE = {"strikes": [{"weapon": "missile", "launched": 3}]}
DRONES = {"strikes": [{"weapon": "drone", "launched": 3}]}


@pytest.mark.parametrize(
    ("title", "text", "facts", "fires"),
    [
        ("Kharkiv hit", "Drones hit Kharkiv", DRONES, True),
        ("Sumy hit", "Ballistic  MISSILES hit Sumy", STRIKE, True),
        ("Sumy hit", "Cruise missiles hit Sumy", STRIKE, False),
        ("Sumy drill", "Drones in Sumy drill", DRONES, False),
        ("Lviv hit", "Drones hit Lviv", DRONES, False),
    ],
)
def test_all_any_not_with_lists_and_regex(
    rules_from: Callable[[str], RuleSet], title: str, text: str, facts: dict[str, object], fires: bool
) -> None:
    ruleset = rules_from(COMPOSED)
    item = article(title, text=text)
    assert bool(evaluate(ruleset, item, Facts.model_validate(facts))) is fires


def test_list_reference_in_fact_predicates(rules_from: Callable[[str], RuleSet]) -> None:
    ruleset = rules_from(
        """
lists:
  strategic: [Oreshnik, Sarmat]
rules:
  - id: a
    title: "{{ fact.name }}"
    type: any
    fact: weapon
    where: {name: {in_list: strategic}}
  - id: b
    title: "{{ fact.name }}"
    type: any
    fact: weapon
    where: {name: $strategic}
  - id: c
    title: "{{ fact.name }}"
    type: any
    fact: weapon
    where: {name: {not_in: [$strategic, Kinzhal]}}
"""
    )
    for name, fired in (("oreshnik", ["a", "b"]), ("Kinzhal", []), ("Shahed", ["c"])):
        facts = Facts.model_validate({"weapons": [{"name": name}]})
        assert [m.rule_id for m in evaluate(ruleset, article("x"), facts)] == fired


def test_lists_are_shared_across_files(tmp_path: Path) -> None:
    (tmp_path / "a_lists.yaml").write_text("lists:\n  sides: [Russia]\n")
    (tmp_path / "b_rules.yaml").write_text(
        "rules:\n  - {id: r, title: t, type: any, fact: strike, where: {attacker: $sides}}\n"
    )
    ruleset, problems = load_rules([tmp_path])
    assert [p for p in problems if "no examples" not in p.message] == []  # the list is used
    facts = Facts.model_validate({"strikes": [{"weapon": "drone", "attacker": "Russia"}]})
    assert len(evaluate(ruleset, article("x"), facts)) == 1


def test_only_rules_whose_keywords_occur_are_candidates(rules_from: Callable[[str], RuleSet]) -> None:
    rules = "\n".join(
        f"  - {{id: r{i}, title: t, type: any, fact: item, keywords: {{any: [word{i}]}}}}" for i in range(50)
    )
    ruleset = rules_from("rules:\n" + rules + "\n  - {id: free, title: t, type: any, fact: item}\n")
    view_words = ruleset.index.found("a text with word7 and word42")
    assert [c.rule.id for c in ruleset.candidates(view_words)] == ["r7", "r42", "free"]
    matches = evaluate(ruleset, article("word7 word42"), Facts())
    assert [m.rule_id for m in matches] == ["r7", "r42", "free"]


def test_keywords_all_and_none(rules_from: Callable[[str], RuleSet]) -> None:
    ruleset = rules_from(
        "rules:\n  - {id: r, title: t, type: any, fact: item,"
        " keywords: {all: [kyiv, drones], none: [drill]}}\n"
    )
    assert evaluate(ruleset, article("Drones over Kyiv"), Facts())
    assert not evaluate(ruleset, article("Drones over Kyiv in a drill"), Facts())
    assert not evaluate(ruleset, article("Missiles over Kyiv"), Facts())


def test_regex_on_a_fact_field(rules_from: Callable[[str], RuleSet]) -> None:
    ruleset = rules_from(
        "rules:\n  - id: r\n    title: t\n    type: any\n    fact: strike\n"
        "    when: {regex: '^shahed', in: fact.models}\n"
    )
    shahed = Facts.model_validate({"strikes": [{"weapon": "drone", "models": ["Shahed-136"]}]})
    gerbera = Facts.model_validate({"strikes": [{"weapon": "drone", "models": ["Gerbera"]}]})
    assert evaluate(ruleset, article("x"), shahed)
    assert not evaluate(ruleset, article("x"), gerbera)


def test_templates_get_item_fact_rule_and_story(rules_from: Callable[[str], RuleSet]) -> None:
    ruleset = rules_from(
        """
rules:
  - id: r
    title: "{{ rule.id }}: {{ fact.launched }} by {{ fact.attacker }}"
    text: "{{ item.source }} says {{ item.title }} [{{ story }}]"
    type: any
    fact: strike
    story: "attack:{{ fact.attacker }}"
"""
    )
    facts = Facts.model_validate({"strikes": [{"weapon": "drone", "launched": 9, "attacker": "Russia"}]})
    (match,) = evaluate(ruleset, article("Drones"), facts)
    assert match.title == "r: 9 by Russia"
    assert match.text == "test says Drones [attack:Russia]"
    assert match.story == "attack:Russia"


def test_engine_is_pure_and_matches_the_extractor_stand_in(rules_from: Callable[[str], RuleSet]) -> None:
    ruleset = rules_from(
        "rules:\n  - {id: r, title: t, type: threshold, fact: strike,"
        " threshold: {field: launched, gte: 100}}\n"
    )
    item = article("Drones", {"strikes": [{"weapon": "drone", "launched": 150}]})
    from monitor.models import Article

    facts = facts_from_text(Article.from_item(item))
    assert evaluate(ruleset, item, facts) == evaluate(ruleset, item, facts)
    assert len(evaluate(ruleset, item, facts)) == 1
