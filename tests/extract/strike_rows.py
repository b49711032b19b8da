"""The strikes of one short text as comparable rows, for the table-driven strike tests."""

from __future__ import annotations

from monitor.extract import extract
from monitor.models.item import Article

#: (weapon, attacker, launched, shot_down, suppressed, neutralized)
Row = tuple[str, str | None, int | None, int | None, int | None, int | None]


def strike_rows(text: str, title: str = "") -> list[Row]:
    """This war's strikes of ``text`` (with ``title``), sorted."""
    facts = extract(Article(item_id="t", title=title, text=text))
    return sorted(
        (s.weapon, s.attacker, s.launched, s.shot_down, s.suppressed, s.neutralized)
        for s in facts.strikes
        if s.theatre == "russia-ukraine"
    )
