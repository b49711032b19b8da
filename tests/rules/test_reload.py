"""RulesReloader: a valid change takes effect, an invalid one keeps the last good set and logs errors."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from monitor.rules.reload import RulesReloader

RULE = "rules:\n  - {{id: {id}, title: t, type: any, fact: item}}\n"


def test_valid_change_takes_effect_and_invalid_change_keeps_the_last_good_set(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(RULE.format(id="one"))
    reloader = RulesReloader([tmp_path])
    assert reloader.current is not None
    assert [r.rule.id for r in reloader.current.rules] == ["one"]
    assert reloader.check() is None  # nothing changed

    path.write_text(RULE.format(id="two"))
    new = reloader.check()
    assert new is not None and [r.rule.id for r in new.rules] == ["two"]

    path.write_text(
        "rules:\n  - {id: three, title: '{{ x', type: any, fact: item}\n"
        "  - {id: four, title: t, type: any, fact: item, typo: 1}\n"
    )
    with caplog.at_level(logging.ERROR, logger="monitor.rules.reload"):
        assert reloader.check() is None
    assert reloader.current is new
    logged = [r.getMessage() for r in caplog.records]
    assert any("typo: unknown key" in m for m in logged)
    assert any("template error" in m for m in logged)
    assert reloader.check() is None  # the same broken content is not reported again


def test_a_new_file_is_noticed(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(RULE.format(id="one"))
    reloader = RulesReloader([tmp_path])
    (tmp_path / "b.yaml").write_text(RULE.format(id="two"))
    new = reloader.check()
    assert new is not None and [r.rule.id for r in new.rules] == ["one", "two"]
