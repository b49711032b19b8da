"""The console alert as the analyst reads it: counts with their names, evidence, link, reasons in words."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from click.testing import CliRunner
from rich.console import Console

from monitor.cli.main import cli
from monitor.models import Alert
from monitor.models.alert import Reason
from monitor.sinks.console import ConsoleSink
from monitor.sinks.wording import REASONS, fact_line, record_line, when
from tests.conftest import DATA, RULES, SEEDS

GOLDEN = DATA / "golden" / "seed_alerts.jsonl"


@pytest.mark.parametrize(
    ("fact", "line"),
    [
        ({"weapon": "drone", "shot_down": 34, "neutralized": 34, "attacker": "Ukraine", "target": "Russia",
          "places": ["Moscow region"]},
         "Attack by Ukraine on Russia (Moscow region): 34 drones shot down"),
        ({"weapon": "drone", "launched": 145, "neutralized": 62, "attacker": "Russia", "target": "Ukraine",
          "time_ref": "overnight"},
         "Attack by Russia on Ukraine, overnight: 145 drones launched, 62 put out of action in all"),
        ({"weapon": "missile", "launched": 40, "launched_max": 50, "qualifier": "about", "shot_down": 30,
          "suppressed": 5, "attacker": "Russia"},
         "Attack by Russia: about 40–50 missiles launched, 30 shot down, 5 jammed or lost"),
        ({"weapon": "drone", "launched": 800, "qualifier": "over", "record_claim": True,
          "attacker": "Russia"},
         "Attack by Russia: over 800 drones launched. The text calls it a record"),
        ({"weapon": "glide_bomb", "lower_bound": 24}, "Attack: at least 24 glide bombs"),
        ({"nationality": "North Korean", "count": 10000, "activity": "deployment", "side": "Russia"},
         "10000 North Korean troops deployed, on Russia's side"),
        ({"nationality": "Yemeni", "activity": "recruitment"}, "Yemeni troops recruited"),
        ({"name": "Oreshnik", "kind": "missile", "used": True}, "Oreshnik (missile) used in an attack"),
        ({"name": "Oreshnik", "used": False}, "Oreshnik mentioned"),
        ({"killed": 3, "injured": 12, "killed_qualifier": "at least", "place": "Kharkiv"},
         "at least 3 killed, 12 injured in Kharkiv"),
        ({"kind": "denied", "sides": ["Russia"], "weapons": ["drone"], "places": ["Kyiv"]},
         "The report is denied (names Russia, drone, Kyiv)"),
        ({"kind": "retracted", "sides": [], "weapons": [], "places": []}, "The report is retracted"),
    ],
)  # fmt: skip
def test_each_fact_reads_as_a_sentence_with_every_count_named(fact: dict[str, Any], line: str) -> None:
    assert fact_line(fact) == line


def test_every_decision_reason_has_words() -> None:
    assert set(REASONS) == set(Reason.__args__)  # type: ignore[attr-defined]


def test_record_line_and_dates() -> None:
    assert record_line({"size": 800}, 145) == "New record: 800, previous record 145"
    assert record_line({"size": 800}, None) is None
    assert when("2025-09-07T15:00:00+00:00") == "7 Sep 2025 15:00 UTC"
    assert when(None) == "undated"


def _render(alert: Alert) -> str:
    console = Console(record=True, width=200, highlight=False)
    asyncio.run(ConsoleSink(console).send(alert))
    return console.export_text()


def test_a_follow_up_is_one_line_naming_the_outlet_and_link() -> None:
    alert = Alert(
        alert_id="a", rule="mass-drone-attack", severity="warning", title="t", reason="cooldown",
        dedup_key="k", fired_at=datetime(2025, 1, 1, tzinfo=UTC), fact={},
        item={"id": "i", "source": "ukrinform", "url": "https://example.org/x", "title": "Drones again"},
    )  # fmt: skip
    assert _render(alert).strip() == "↳ also reported by ukrinform: Drones again https://example.org/x"


@pytest.mark.parametrize(
    ("notice", "line"),
    [
        ("disputed", "↳ ⛔ Disputed by defence-ministry: Russia denies drone strike"),
        ("corroborated", "↳ ✅ Corroborated by defence-ministry"),
    ],
)
def test_a_notice_is_one_line_saying_what_it_tells_of_the_story(notice: str, line: str) -> None:
    alert = Alert(
        alert_id="n", rule="story-notice", severity="info", title="t", reason="cooldown", notice=notice,
        dedup_key="k", fired_at=datetime(2025, 1, 1, tzinfo=UTC), fact={},
        item={"id": "i", "source": "defence-ministry", "title": "Russia denies drone strike"},
    )  # fmt: skip
    assert _render(alert).strip() == line


def test_a_panel_shows_the_link_and_the_rendered_text_when_it_adds_to_the_evidence() -> None:
    alert = Alert(
        alert_id="a", rule="mass-drone-attack", severity="warning", title="Mass drone attack", reason="first",
        dedup_key="k", fired_at=datetime(2025, 1, 1, tzinfo=UTC), text="Air force report",
        fact={"weapon": "drone", "launched": 145, "evidence": "Russia launched 145 drones."},
        item={"id": "i", "source": "ukrinform", "url": "https://example.org/x", "title": "Drones",
              "published": "2025-01-01T06:00:00+00:00"},
    )  # fmt: skip
    lines = [line.strip("│ ") for line in _render(alert).splitlines()[1:-1]]
    assert lines == [
        "WARNING  Mass drone attack",
        "Attack: 145 drones launched",
        "“Russia launched 145 drones.”",
        "Air force report",
        "ukrinform, 1 Jan 2025 06:00 UTC: Drones",
        "https://example.org/x",
        "rule mass-drone-attack: new alert",
    ]


def test_the_evidence_is_printed_once_when_the_text_lists_other_matches() -> None:
    """A record's text is its evidence plus the story's other matches ("Also matched"): the panel
    quotes the evidence once and prints only the list after it."""
    evidence = "Russia launched 145 drones."
    alert = Alert(
        alert_id="a", rule="record-drone-attack", severity="critical", title="Record drone attack",
        reason="first", dedup_key="k", fired_at=datetime(2025, 1, 1, tzinfo=UTC),
        text=f"{evidence}\nAlso matched:\n• Mass drone attack (mass-drone-attack, warning)",
        fact={"weapon": "drone", "launched": 145, "evidence": evidence},
        item={"id": "i", "source": "ukrinform", "title": "Drones", "published": "2025-01-01T06:00:00+00:00"},
    )  # fmt: skip
    out = _render(alert)
    assert out.count("Russia launched 145 drones") == 1
    lines = [line.strip("│ ") for line in out.splitlines()[1:-1]]
    assert lines[lines.index("“Russia launched 145 drones.”") + 1 :][:2] == [
        "Also matched:",
        "• Mass drone attack (mass-drone-attack, warning)",
    ]


def test_the_seed_alerts_on_the_console(redis_url: str, namespace: str) -> None:
    """Every alert of the seed shift (tests/data/golden) as the analyst sees it: its fact in words,
    its evidence, who said it and when, the reason in words; nothing internal."""
    args = ["replay", str(SEEDS), "--rules", str(RULES), "--redis", redis_url, "--namespace", namespace]
    result = CliRunner().invoke(cli, args, env={"COLUMNS": "400"})  # wide: no line is wrapped
    assert result.exit_code == 0, result.output
    out = result.stdout
    golden = [json.loads(line) for line in GOLDEN.read_text().splitlines()]
    for alert in golden:
        assert fact_line(alert["fact"]) in out, alert["rule"]
        assert f"“{alert['fact']['evidence'][:80]}" in out
        assert f"{alert['item']['source']}, {when(alert['item']['published'])}:" in out
        assert f"rule {alert['rule']}: new alert" in out
        if alert.get("previous") is not None:
            record = record_line(alert["fact"], alert["previous"])
            assert record is not None and record in out
    # counts named by what they count: the seed shift has attacks counted both ways
    assert any(" shot down" in fact_line(a["fact"]) for a in golden)
    assert any(" launched" in fact_line(a["fact"]) for a in golden)
    assert "=" not in out.replace("==", "") and "(first)" not in out  # no key=value, no internal reason
