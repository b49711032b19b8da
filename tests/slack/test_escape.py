"""Feed text is untrusted: mentions, links and mrkdwn in it arrive as harmless text."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import redis

from monitor.settings import SlackSettings
from monitor.sinks.slack.escape import escape_mrkdwn, link, safe_url, truncate
from monitor.sinks.slack.sink import SlackSink
from monitor.state.keys import Keys
from tests.slack.conftest import make_alert
from tests.slack.fake_slack import FakeSlack

INJECTIONS = ["<!channel>", "<!here>", "<@U123>", "<https://evil|click me>", "<!subteam^S999>", "a & b"]


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<!channel> now", "&lt;!channel&gt; now"),
        ("<!here>", "&lt;!here&gt;"),
        ("<@U123>", "&lt;@U123&gt;"),
        ("<https://evil|click me>", "&lt;https://evil|click me&gt;"),
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ("*bold* _it_ ~del~ `code`", "∗bold∗ ˍitˍ ∼del∼ ˋcodeˋ"),
    ],
)
def test_escape_mrkdwn(raw: str, escaped: str) -> None:
    assert escape_mrkdwn(raw) == escaped


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2"),
        ("http://example.org/x|y>z", "http://example.org/x%7Cy%3Ez"),
        ("javascript:alert(1)", None),
        ("ftp://example.org/f", None),
        ("data:text/html,hi", None),
        ("https://", None),
        ("https://example.org/" + "a" * 2000, None),
    ],
)
def test_only_http_links(url: str, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_link_label_cannot_close_the_link() -> None:
    assert link("https://example.org", "a|b>c") == "<https://example.org|a¦b&gt;c>"
    assert link("javascript:alert(1)", "click") == "click"


def test_truncate_on_a_word_boundary_never_splits_an_entity() -> None:
    assert truncate("one two three four", 12) == "one two…"
    assert len(truncate("x" * 5000, 3000)) == 3000
    cut = truncate(escape_mrkdwn("aaaa & " * 10), 20)
    assert not re.search(r"&[a-z]*…$", cut) and cut.endswith("…")


def _mrkdwn_texts(payload: dict[str, Any]) -> list[str]:
    """Every string Slack parses as mrkdwn: the top-level text and mrkdwn text objects."""
    texts = [payload.get("text", "")]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "mrkdwn":
                texts.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(payload.get("blocks"))
    return texts


async def test_every_injection_arrives_escaped(
    slack_settings: SlackSettings, redis_client: redis.Redis, namespace: str, fake_slack: FakeSlack
) -> None:
    evil = " ".join(INJECTIONS) + " *bold* `code`"
    item = {"id": "i", "source": evil, "url": "javascript:alert(1)", "title": evil, "published": evil}
    alert = make_alert(
        1, title=evil, text=evil, item=item, fact={"attacker": evil, "places": [evil], "launched": 5}
    )
    await SlackSink(slack_settings, redis_client, Keys(namespace)).send(alert)
    [(_, body)] = [r for r in fake_slack.requests if r[0] == "chat.postMessage"]
    raw = json.dumps(body)
    assert "javascript:" not in raw
    for text in _mrkdwn_texts(body):
        # our own mention and date markup are the only '<' Slack will see
        ours = re.sub(r"<!subteam\^S0ONCALL>|<!date\^\d+\^[^|>]*\|[^>]*>", "", text)
        assert "<" not in ours and ">" not in ours.replace("\n>", "\n")
        assert "&lt;!channel&gt;" in text or "evil" not in text
        for mark in "*_~`":
            assert f"{mark}bold{mark}" not in text and f"{mark}code{mark}" not in text
    # plain_text (the header) is never parsed by Slack: the title is shown as typed
    assert body["blocks"][0]["text"]["type"] == "plain_text"
    assert body["text"].startswith("<!subteam^S0ONCALL> ")  # built by us, from settings only
