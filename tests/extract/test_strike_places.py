"""Places told next to a count rather than with it (issue 10, point 14): the sentence after the
count, and the by-region list after a total. Texts are our own words."""

from __future__ import annotations

import pytest

from monitor.extract import extract
from monitor.models.item import Article


def _places(text: str) -> list[tuple[int | None, tuple[str, ...]]]:
    return [(s.size, s.places) for s in extract(Article(item_id="t", title="", text=text)).strikes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the places in the sentence after the count
            "Russia sent 57 drones at Ukraine overnight and the air force downed 44 of them. Debris "
            "fell in the Kyiv, Cherkasy and Poltava regions, damaging two houses.",
            [(57, ("Kyiv", "Cherkasy", "Poltava"))],
        ),
        (  # a by-region list after the total, place then count
            "Air defence crews on duty destroyed 30 Ukrainian aircraft-type UAVs overnight. By "
            "region: Kursk 12, Bryansk 10, Oryol 8.",
            [(30, ("Kursk", "Bryansk", "Oryol"))],
        ),
        (  # the list's counts add up to more than the total: not its parts
            "Air defence crews on duty destroyed 10 Ukrainian aircraft-type UAVs overnight. By "
            "region: Kursk 12, Bryansk 10, Oryol 8.",
            [(10, ())],
        ),
        (  # the count's own sentence names its places: the neighbour's are not added
            "Russia launched 20 drones at the Odesa region overnight, the air force said. Debris "
            "fell in Mykolaiv oblast.",
            [(20, ("Odesa",))],
        ),
    ],
)
def test_places_next_to_the_count(text: str, expected: list[tuple[int, tuple[str, ...]]]) -> None:
    assert _places(text) == expected
