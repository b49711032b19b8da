"""Seed acceptance: the facts the project expects from the five seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.extract import extract
from monitor.models.facts import Facts, Strike
from monitor.models.item import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_SECTION = "Russia-Ukraine War"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _page_articles() -> list[tuple[str, str]]:
    """Seed 004 split at its 'Russia-Ukraine War' lines; footer after the '-' lines dropped."""
    lines = _seed("004").splitlines()
    if "-" in lines:
        lines = lines[: lines.index("-")]
    articles: list[list[str]] = []
    for line in lines:
        if line.strip() == _SECTION:
            articles.append([])
        elif articles:
            articles[-1].append(line)
    return [(body[0], "\n".join(body)) for body in articles if body]


def _facts(prefix: str) -> Facts:
    return extract(Article(item_id=prefix, title="", text=_seed(prefix)))


def _page(headline_start: str) -> Facts:
    for title, text in _page_articles():
        if title.startswith(headline_start):
            return extract(Article(item_id=title, title=title, text=text))
    raise AssertionError(f"no article {headline_start!r} in seed 004")


def _counted(facts: Facts) -> list[Strike]:
    return [s for s in facts.strikes if s.size is not None]


def test_page_has_nine_articles() -> None:
    assert len(_page_articles()) == 9


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_no_counted_strikes_and_no_troops(prefix: str) -> None:
    facts = _facts(prefix)
    assert _counted(facts) == []
    assert facts.troops == ()


def test_002_record_strikes_both_ways() -> None:
    facts = _facts("002")
    strikes = _counted(facts)
    assert len(strikes) == 2  # no separate strike for 'another 36 drones'
    russian = next(s for s in strikes if s.attacker == "Russia")
    assert (russian.weapon, russian.target) == ("drone", "Ukraine")
    assert (russian.launched, russian.neutralized, russian.record_claim) == (145, 62, True)
    ukrainian = next(s for s in strikes if s.attacker == "Ukraine")
    assert (ukrainian.weapon, ukrainian.target, ukrainian.shot_down) == ("drone", "Russia", 34)
    assert "Moscow" in ukrainian.places  # regions by their short name (LABELING.md)
    assert ukrainian.record_claim
    assert ukrainian.record_scope is not None and "Russian capital" in ukrainian.record_scope
    assert [(t.nationality, t.activity) for t in facts.troops] == [("North Korean", "combat")]
    assert not any(w.used for w in facts.weapons)


def test_003_biggest_air_attack() -> None:
    facts = _facts("003")
    drones = next(s for s in facts.strikes if s.weapon == "drone")
    assert (drones.attacker, drones.launched, drones.qualifier) == ("Russia", 800, "over")
    assert drones.record_claim
    missiles = next(s for s in facts.strikes if s.weapon == "missile")
    assert (missiles.attacker, missiles.launched) == ("Russia", 13)
    assert len(_counted(facts)) == 2
    assert all(t.activity == "plan" for t in facts.troops)


def test_004_kursk_breakdown_is_one_strike() -> None:
    facts = _page("Ukrainian Drone Strikes Escalate")
    ukrainian = [s for s in facts.strikes if s.attacker == "Ukraine"]
    assert len(ukrainian) == 1
    assert ukrainian[0].shot_down == 11
    assert set(ukrainian[0].places) >= {"Kursk", "Belgorod", "Voronezh", "Rostov"}
    russian = [s for s in facts.strikes if s.attacker == "Russia"]
    assert [(s.shot_down, s.places) for s in russian] == [(14, ("Mykolaiv",))]
    assert not any(s.record_claim for s in facts.strikes)


def test_004_waltz_north_korean_deployment() -> None:
    facts = _page("Trump Expresses Concern")
    assert _counted(facts) == []
    report = next(t for t in facts.troops if t.count == 10000)
    assert (report.nationality, report.activity) == ("North Korean", "deployment")


def test_004_yemeni_recruits_and_other_nationalities() -> None:
    facts = _page("Yemeni Mercenaries")
    found = {t.nationality for t in facts.troops}
    assert found == {"Yemeni", "Nepali", "Indian", "North Korean"}
    assert any(t.nationality == "Yemeni" and t.activity == "recruitment" for t in facts.troops)
    # 'at least 11 Yemenis who returned' is a release, not a troop count
    assert not any(t.count == 11 for t in facts.troops)


def test_004_donetsk_counterattacks_casualties_and_thousands() -> None:
    facts = _page("Russia Claims Gains in Donetsk")
    assert _counted(facts) == []
    sumy = next(c for c in facts.casualties if c.place == "Sumy")
    assert (sumy.killed, sumy.injured, sumy.killed_qualifier) == (2, 12, "at least")
    report = next(t for t in facts.troops if t.nationality == "North Korean")
    assert report.count is None and report.lower_bound == 2000


def test_004_oreshnik_used_rs26_not() -> None:
    facts = _page("Russia’s Deployment of Advanced Missile")
    used = {w.name: w.used for w in facts.weapons}
    assert used["Oreshnik"] is True
    assert used["RS-26"] is False
    assert used["Iskander-M"] is True  # 'Russia regularly uses Iskander ...' reads as use


def test_004_starmer_atacms_not_used() -> None:
    facts = _page("UK’s Starmer")
    assert {w.name: w.used for w in facts.weapons}["ATACMS"] is False
    assert facts.strikes == ()


def test_004_pact_about_eleven_thousand() -> None:
    facts = _page("Russia and North Korea Formalize")
    report = next(t for t in facts.troops if t.count == 11000)
    assert (report.nationality, report.qualifier) == ("North Korean", "about")


def test_004_final_article() -> None:
    facts = _page("Ukraine Reports Downing 48")
    drones = next(s for s in facts.strikes if s.weapon == "drone" and s.attacker == "Russia")
    assert (drones.launched, drones.shot_down) == (79, 48)
    kursk = next(s for s in facts.strikes if s.attacker == "Ukraine")
    assert (kursk.shot_down, kursk.places) == (6, ("Kursk",))
    korean = [t for t in facts.troops if t.nationality == "North Korean"]
    assert any(t.count == 10000 and t.qualifier == "more than" for t in korean)
    assert any(t.count == 11000 and t.count_max == 12000 for t in korean)
