"""Denials, retractions and corrections read from an article's headline and lead: what each says,
and the hard negatives (a denial of something else, an aside inside a strike report)."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.extract import extract
from monitor.extract.denials import denial_vocabulary
from monitor.models import Article, Item
from monitor.yamldoc import ProblemsError


def _facts(title: str, text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    facts = extract(Article.from_item(Item(id="x", source="s", title=title, text=text)))
    return [(d.kind, d.sides, d.weapons, d.places) for d in facts.denials]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Russia denies drone attack on Kyiv hospital",
         "Russia's Defence Ministry on Tuesday denied reports that its "
          "drones struck a children's hospital in Kyiv.",
         ("denied", ("Russia",), ("drone",), ("Kyiv",))),
        ("MoD: Kursk attack claims fake",
         "The Russian Defence Ministry called Ukrainian claims of a drone attack on Kursk a fake.",
         ("denied", ("Russia", "Ukraine"), ("drone",), ("Kursk",))),
        ("Report of Kharkiv strike was false, officials say",
         "The report of a missile strike on Kharkiv was false, the regional governor said.",
         ("denied", (), ("missile",), ("Kharkiv",))),
        ("Governor: no such attack", "The governor said no such attack took place in Odesa overnight.",
         ("denied", (), (), ("Odesa",))),
        ("Outlet retracts story on Odesa strike", "The outlet retracted its report of a "
         "missile strike on Odesa port.",
         ("retracted", (), ("missile",), ("Odesa",))),
        ("MoD says reports are 'fake'", "The ministry gave no details.", ("denied", (), (), ())),
        ("Russia dismisses strike reports",
         "Russia's defence ministry dismissed as 'fake' reports that "
          "its missiles hit a shopping centre in Kharkiv.",
         ("denied", ("Russia",), ("missile",), ("Kharkiv",))),
        ("Air force corrects count",
         "Ukraine's air force corrected an earlier report and said "
          "Russia launched 50 drones at Odesa, not 500.",
         ("corrected", ("Russia", "Ukraine"), ("drone",), ("Odesa",))),
    ],
)  # fmt: skip
def test_denials_and_what_they_name(title: str, text: str, expected: tuple[object, ...]) -> None:
    assert _facts(title, text) == [expected]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # denials of something other than a report
        ("Russia launches 500 drones at Kyiv", "Russia launched 500 drones at Kyiv overnight, the air force "
         "said. Russia denied targeting civilians."),
        ("Kremlin denies targeting civilians", "The Kremlin has repeatedly denied deliberately targeting "
         "civilian infrastructure, despite reports from Kyiv."),
        ("Peskov dismisses Western criticism", "Kremlin spokesman Dmitry Peskov dismissed Western "
         "criticism of the strikes on Kyiv."),
        # an aside in the very sentence that reports the attack's figures
        ("Russia launches 500 drones at Kyiv", "Russia launched 500 drones at Kyiv overnight; Moscow "
         "denied claims that it targets civilians."),
        # a denial deep in the text is not what the article is about
        ("Russia launches 500 drones at Kyiv", "Russia launched 500 drones at Kyiv overnight. Sirens "
         "sounded for hours. Moscow denied the reports."),
        # a characterisation of the attack, not a denial of a report
        ("Zelensky condemns strike", "Zelensky called it a provocation and a war "
         "crime against civilians in Sumy."),
        # 'false' and 'fake' without a report that is called so
        ("False alarm in Lviv", "Air raid sirens sounded in Lviv for two hours, "
         "a false alarm, officials said."),
        ("Fake drones used as decoys", "Russia launched 80 decoy drones and fake targets to "
         "exhaust air defences, the air force said."),
    ],
)  # fmt: skip
def test_hard_negatives(title: str, text: str) -> None:
    assert _facts(title, text) == []


def test_a_misspelt_key_in_the_vocabulary_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "denials.yaml"
    good = denial_vocabulary().model_dump(mode="json")
    lines = [f"{key}: {sorted(value) if isinstance(value, list) else value}" for key, value in good.items()]
    bad.write_text("\n".join(lines).replace("deny_verbs:", "deny_verb:") + "\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as raised:
        denial_vocabulary(bad)
    assert f"{bad}:1:1" in str(raised.value)
