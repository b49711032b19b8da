"""The strike vocabulary file: the shipped one loads, a broken one names file:line:col and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.extract.vocabulary import STRIKES_FILE, load_vocabulary
from monitor.yamldoc import ProblemsError


def test_shipped_vocabulary_loads() -> None:
    vocab = load_vocabulary(STRIKES_FILE)
    assert "hammered" in vocab.roles.launched
    assert "the enemy" in vocab.attacker_aliases["Russia"]


def test_bad_vocabulary_points_at_the_line(tmp_path: Path) -> None:
    text = STRIKES_FILE.read_text(encoding="utf-8").replace("weapon_nouns:", "weapon_nounz:", 1)
    text += "modals_extra: [Could]\n"
    path = tmp_path / "strikes.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        load_vocabulary(path)
    messages = [str(p) for p in caught.value.problems]
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("weapon_nounz"))
    assert any(m.startswith(f"{path}:{line}:1: weapon_nounz: unknown key") for m in messages), messages
    assert any("weapon_nouns: required key is missing" in m for m in messages), messages


def test_uppercase_phrase_is_an_error(tmp_path: Path) -> None:
    text = STRIKES_FILE.read_text(encoding="utf-8").replace("hammered,", "Hammered,", 1)
    path = tmp_path / "strikes.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsError, match="lowercase"):
        load_vocabulary(path)
