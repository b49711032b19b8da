"""The single-attack scorer (issue 10, point 7): its verdicts, its shipped weights, how it is
fitted, and that the strikes it keeps say why."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest

from monitor.extract import extract
from monitor.extract.cases import Case
from monitor.extract.document import sentences_of
from monitor.extract.scorer import SHIPPED, Scorer, load_scorer
from monitor.extract.strikes import find_strikes, set_aside
from monitor.models.item import Article
from monitor.tools.scorer_fit import examples, fit, save

# A weekly tally with one night's figure in a later sentence (our words): the grammar alone reads
# the tally's three figures as three attacks; the scorer keeps only the night's.
WEEK = (
    '"This week our air defence worked day and night," the president said, listing what Russia '
    "used in the last seven days: more than 800 guided bombs, about 600 attack drones and almost 20 "
    "missiles of various types. In the drone attack at dawn today Russia used 145 of them."
)


def _sizes(text: str, scorer: Scorer | None) -> list[int]:
    sentences = sentences_of(Article(item_id="t", title="", text=text))
    return sorted(s.size for s in find_strikes(sentences, scorer=scorer) if s.size is not None)


def test_the_grammar_alone_reads_the_weekly_tally_as_attacks() -> None:
    assert 800 in _sizes(WEEK, None)


def test_the_shipped_scorer_drops_the_weekly_tally() -> None:
    sizes = _sizes(WEEK, SHIPPED)
    assert 800 not in sizes and 600 not in sizes and 20 not in sizes


@pytest.mark.parametrize(
    "text",
    [
        "Russia launched 120 drones at Ukraine overnight, the air force said; 98 were shot down.",
        "Air defence systems on duty destroyed 41 Ukrainian aircraft-type UAVs over the Bryansk "
        "region during the night, the ministry said.",
    ],
)
def test_a_night_attack_keeps_its_strike_and_says_why(text: str) -> None:
    (strike,) = extract(Article(item_id="t", title="", text=text)).strikes
    assert strike.single_attack is not None and strike.single_attack.startswith("p=")
    probability = float(strike.single_attack[2:6])
    assert probability >= SHIPPED.threshold
    assert ":" in strike.single_attack[6:]  # names at least one feature and its weight


def test_the_verdict_is_the_logistic_of_the_summed_weights() -> None:
    scorer = Scorer(MappingProxyType({"near:week": -3.0, "role:launched": 1.0}), 0.0, 0.5)
    verdict = scorer.verdict(["near:week", "role:launched", "near:unknown"])
    assert verdict.probability == pytest.approx(1 / (1 + 2.718281828459045**2))
    assert not verdict.keep
    assert verdict.reasons == (("near:week", -3.0), ("role:launched", 1.0))
    assert verdict.text().startswith("p=0.12: near:week -3.00")


def test_weights_round_trip_through_json(tmp_path: Path) -> None:
    path = tmp_path / "scorer.json"
    save(Scorer(MappingProxyType({"near:overnight": 1.25}), -0.5, 0.4), path)
    loaded = load_scorer(path)
    assert dict(loaded.weights) == {"near:overnight": 1.25}
    assert (loaded.bias, loaded.threshold) == (-0.5, 0.4)


def _case(ident: str, text: str, strikes: list[dict[str, object]]) -> Case:
    return Case(id=ident, text=text, strikes=strikes)


def _drones(launched: int) -> dict[str, object]:
    return {"weapon": "drone", "attacker": "Russia", "launched": launched}


def test_examples_label_drafts_by_the_expected_strikes() -> None:
    text = "Russia launched 64 drones at Ukraine overnight."
    cases = [_case("a", text, [_drones(64)]), _case("b", text, [])]
    found = examples(cases)
    assert [(e.case, e.single) for e in found] == [("a", True), ("b", False)]


def test_fitting_learns_which_words_mark_a_period_total() -> None:
    night = "Russia launched {} drones at Ukraine overnight, the air force said."
    month = "Since the start of the month Russia has launched {} drones at Ukraine in total."
    cases = [_case(f"n{k}", night.format(40 + k), [_drones(40 + k)]) for k in range(6)]
    cases += [_case(f"m{k}", month.format(40 + k), []) for k in range(6)]
    scorer = fit(examples(cases), l2=0.1, steps=800)
    assert scorer.weights.get("near:overnight", 0.0) > 0 > scorer.weights.get("near:month", 0.0)


def test_explain_lists_the_counts_the_scorer_set_aside_and_why() -> None:
    lines = set_aside(sentences_of(Article(item_id="t", title="", text=WEEK)))
    assert any(line.startswith("800 glide_bomb in sentence ") and ": p=0." in line for line in lines)
    assert not any(line.startswith("145 ") for line in lines)
