"""Robustness: empty, huge, non-Latin and garbage text never raise and never invent facts."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from monitor.extract import extract
from monitor.models.item import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _article(text: str, title: str = "") -> Article:
    return Article(item_id="x", title=title, text=text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t ",
        ".",
        "Россия запустила 145 беспилотников по Украине, сообщили ВВС.",
        "أطلقت روسيا 145 طائرة مسيرة على أوكرانيا الليلة الماضية.",
        "0" * 10_000,
        "drones " * 5_000,
        "1, " * 5_000 + "drones",
        "the enemy the Kyiv regime Read also: " * 3_000,
        "&amp;&quot;<b>" * 10_000 + "drones",
        "none of which both all of them every one of " * 2_000,
        "......!!!???" * 2_000,
        "a" * 100_000,
    ],
)
def test_no_facts_invented(text: str) -> None:
    assert extract(_article(text)).is_empty()


def test_model_names_alone_are_mentions_not_counts() -> None:
    facts = extract(_article("Shahed-136/131 Kh-101 S-300 RS-26 " * 500))
    assert (facts.strikes, facts.troops, facts.casualties) == ((), (), ())
    # Shahed models carry their family name; Kh-101 (Russia's) names the war by itself
    assert {w.name for w in facts.weapons} == {"Shahed", "Kh-101", "S-300", "RS-26"}
    assert not any(w.used for w in facts.weapons)


def test_random_bytes_decoded_as_text() -> None:
    rng = random.Random(1234)
    for _ in range(20):
        blob = bytes(rng.getrandbits(8) for _ in range(20_000)).decode("utf-8", errors="replace")
        assert extract(_article(blob, title=blob[:200])).strikes == ()


def test_five_megabytes_of_articles_finish_with_sane_output() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    big = (text + "\n") * (5_000_000 // len(text) + 1)
    facts = extract(_article(big))
    single = extract(_article(text))
    assert len(big) >= 5_000_000
    assert {s.launched for s in facts.strikes} == {s.launched for s in single.strikes}
    assert len(facts.strikes) >= len(single.strikes)
    assert all(s.launched is None or s.launched < 1_000_000 for s in facts.strikes)


def test_deterministic() -> None:
    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    assert extract(_article(text)) == extract(_article(text))
