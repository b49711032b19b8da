"""The count-role drafter: its shipped weights, how it is fitted (deterministically), how it
reads numbers, the revisions it makes to the grammar's strikes and what explain prints."""

from __future__ import annotations

import json
from pathlib import Path
from types import MappingProxyType

import pytest

from monitor.extract.cases import Case
from monitor.extract.document import Sentence, sentences_of
from monitor.extract.drafter import ROLES, SHIPPED_DRAFTER, Drafter, load_drafter
from monitor.extract.revisions import OFF, Policy, count_roles, revise
from monitor.extract.strikes import find_strikes
from monitor.models.facts import Strike
from monitor.models.item import Article
from monitor.tools.drafter_fit import examples, fit, save, sentence_roles

# An outcome told as 'shot down N and another M ...' (our words): the grammar reads the launch but
# not the outcome; the drafter reads 41 as downed, and leaves the total put out of action open
# (the 30 that did not reach their targets may have been jammed).
OUTCOME = (
    "The air force said Russia launched 90 drones during the night; it shot down 41 and another 30 "
    "did not reach their targets."
)


def _sentences(text: str) -> list[Sentence]:
    return sentences_of(Article(item_id="t", title="", text=text))


def _case(ident: str, text: str, strikes: list[dict[str, object]]) -> Case:
    return Case(id=ident, text=text, strikes=strikes)


def _training_cases() -> list[Case]:
    night = "Russia launched {} drones at Ukraine overnight; air defence shot down {}."
    month = "Since the start of the month Russia has launched {} drones at Ukraine in total."
    cases = [
        _case(
            f"n{k}",
            night.format(40 + k, 30 + k),
            [{"weapon": "drone", "launched": 40 + k, "shot_down": 30 + k}],
        )
        for k in range(5)
    ]
    return cases + [_case(f"m{k}", month.format(500 + k), []) for k in range(5)]


def test_the_shipped_weights_load_with_every_role() -> None:
    assert SHIPPED_DRAFTER.weights and len(SHIPPED_DRAFTER.bias) == len(ROLES)
    assert all(len(w) == len(ROLES) for w in SHIPPED_DRAFTER.weights.values())


def test_a_model_saved_for_other_roles_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "roles.json"
    path.write_text(json.dumps({"roles": ["launched"], "bias": [0.0], "weights": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="roles"):
        load_drafter(path)


def test_weights_round_trip_through_json(tmp_path: Path) -> None:
    path = tmp_path / "roles.json"
    drafter = Drafter(MappingProxyType({"vb:launched": (1.5, 0, 0, 0, 0, -1.5)}), (0.1,) * len(ROLES))
    save(drafter, path)
    loaded = load_drafter(path)
    assert dict(loaded.weights) == dict(drafter.weights) and loaded.bias == drafter.bias


def test_numbers_are_labelled_by_the_figures_they_match_or_add_up_to() -> None:
    strikes: list[dict[str, object]] = [{"weapon": "drone", "shot_down": 43, "previous_record": 728}]
    assert sentence_roles([27, 16, 728, 5], strikes) == ["sub", "sub", "previous", "none"]
    assert sentence_roles([120, 98], [{"launched": 120, "shot_down": 98}]) == ["launched", "downed"]


def test_fitting_is_deterministic_and_learns_the_roles() -> None:
    data = examples(_training_cases())
    first, second = fit(data, steps=300), fit(data, steps=300)
    assert first == second
    roles = [first.read(e.features)[0] for e in data]
    assert roles == [e.role for e in data]


def test_the_drafter_fills_the_outcome_the_grammar_does_not_read() -> None:
    (alone,) = find_strikes(_sentences(OUTCOME))
    (revised,) = find_strikes(_sentences(OUTCOME), drafter=SHIPPED_DRAFTER)
    assert (alone.launched, alone.shot_down) == (90, None)
    assert (revised.launched, revised.shot_down, revised.neutralized) == (90, 41, None)
    assert revised.single_attack is not None and revised.single_attack.startswith("drafter: 41 downed p=")


def test_a_revision_turned_off_changes_nothing() -> None:
    off = Policy(sum_at=OFF, outcome_at=OFF, add_at=OFF, drop_at=OFF)
    sentences = _sentences(OUTCOME)
    assert find_strikes(sentences, drafter=SHIPPED_DRAFTER, policy=off) == find_strikes(sentences)


def _strike(**counts: int) -> Strike:
    return Strike(weapon="drone", attacker="Ukraine", places=("Kursk", "Belgorod"), evidence=SUBS, **counts)


SUBS = "Air defences downed 27 UAVs over the Kursk region, while Belgorod reported 16."


def test_a_count_told_place_by_place_becomes_the_sum_of_its_shares() -> None:
    # a drafter that reads every number followed by 'uavs' or '.' as one place's share
    weights = {"R1:uavs": (0, 0, 0, 0, 9.0, 0), "R1:.": (0, 0, 0, 0, 9.0, 0)}
    drafter = Drafter(MappingProxyType(weights), (0.0,) * len(ROLES))
    (revised,) = revise((_strike(shot_down=27, neutralized=27),), _sentences(SUBS), drafter)
    assert (revised.shot_down, revised.neutralized) == (43, 43)
    assert revised.single_attack is not None and "(sum 27+16=43)" in revised.single_attack


def test_a_count_the_drafter_is_sure_is_no_attack_is_dropped_only_when_asked() -> None:
    weights = {"R1:uavs": (0, 0, 0, 0, 0, 9.0)}
    drafter = Drafter(MappingProxyType(weights), (0.0,) * len(ROLES))
    strikes = (_strike(shot_down=27, neutralized=27),)
    assert revise(strikes, _sentences(SUBS), drafter) == strikes
    assert revise(strikes, _sentences(SUBS), drafter, Policy(drop_at=0.9)) == ()


def test_explain_names_each_count_role_and_the_features_behind_it() -> None:
    lines = count_roles(_sentences(OUTCOME))
    assert len(lines) == 3
    assert lines[0].startswith("sentence 0: 90 launched p=") and lines[1].startswith(
        "sentence 0: 41 downed p="
    )
    assert all(":" in line.split(" p=")[1] for line in lines)  # at least one named feature each


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01\x02 \ufffd\ufffd 12 34 56 \x7f" * 50,
        "Ракета 5 дронів 12 ﻿ 無人機 40 " * 200,
        "drones 1 2 3 4 5 6 7 8 9 10 shot down launched over the region, " * 300,
    ],
)
def test_hostile_text_raises_nothing_and_invents_no_strike(text: str) -> None:
    sentences = _sentences(text)
    everything_on = Policy(sum_at=0.0, outcome_at=0.0, add_at=0.0, drop_at=OFF)
    assert find_strikes(sentences, drafter=SHIPPED_DRAFTER, policy=everything_on) == find_strikes(sentences)
    count_roles(sentences)
