"""Block Kit messages: the design (header, fields, source, context) and Slack's limits."""

from __future__ import annotations

import pytest

from monitor.sinks.slack.blocks import _FIELDS, build_message
from tests.slack.conftest import make_alert
from tests.slack.fake_slack import check_message


def test_message_design() -> None:
    message = build_message(make_alert(0), mention="<!subteam^S1>", sources=3)
    header, mention, fields, source, context = message["blocks"]
    assert header["text"]["text"] == "🔴 CRITICAL · Record drone attack by Russia: 800 drones"
    assert mention["text"]["text"] == "<!subteam^S1>"
    assert [f["text"] for f in fields["fields"]] == [
        "*New record*\n800 &gt; 728",  # Slack shows "800 > 728"
        "*Launched*\n800",
        "*Neutralized*\n747",
        "*Attacker*\nRussia",
        "*Weapon*\ndrone",
        "*Places*\nKyiv, Lviv",
    ]
    assert source["text"]["text"].startswith(
        "*Source:* <https://example.org/news/0|seed-blog> · published <!date^"
    )
    assert source["text"]["text"].endswith("\n>Largest Russian air attack of the war")
    assert [e["text"] for e in context["elements"]] == [
        "rule `record-drone-attack`",
        "3 sources report this story",
        "alert alert-0000",
    ]
    assert message["text"] == "<!subteam^S1> CRITICAL: Record drone attack by Russia: 800 drones (seed-blog)"


@pytest.mark.parametrize("reply", [False, True])
def test_oversized_input_is_cut_cleanly_within_limits(reply: bool) -> None:
    words = "drones over Kyiv & Lviv " * 3000
    fact = {key: words for key, _ in _FIELDS}  # more slots than the 10 fields Slack allows
    item = {"source": words, "url": "https://example.org/" + "p/" * 300, "title": words, "published": None}
    alert = make_alert(1, title=words, text=words, fact=fact, item=item)
    message = build_message(alert, mention="<!subteam^S1>", sources=2, reply=reply)
    assert check_message(message) is None
    texts = [b["text"]["text"] for b in message["blocks"] if "text" in b]
    assert all(t.rstrip("*").endswith("…") for t in texts[:2])
    assert all(not t.endswith("&amp…") and not t.endswith("&…") for t in texts)
    fields = next(b["fields"] for b in message["blocks"] if "fields" in b)
    assert len(fields) == 10 and all(len(f["text"]) <= 2000 for f in fields)
    assert len(message["text"]) <= 1100


def test_header_is_cut_to_150_on_a_word() -> None:
    alert = make_alert(2, title="word " * 100)
    header = build_message(alert, mention=None, sources=1)["blocks"][0]["text"]["text"]
    assert len(header) <= 150 and header.endswith("word…")
