"""``/monitor status | silences | silence | unsilence`` through the endpoint, answered via response_url."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
import redis

from monitor.settings import SlackSettings
from monitor.state.keys import Keys
from monitor.state.silences import SilenceStore
from tests.slack.console import Harness, start_console
from tests.slack.fake_slack import FakeSlack


@pytest.fixture
async def console(
    fake_slack: FakeSlack, redis_client: redis.Redis, namespace: str, slack_settings: SlackSettings
) -> AsyncIterator[Harness]:
    fake_slack.usergroups["S0DESK"] = ["U0DESK"]
    harness = await start_console(
        fake_slack, redis_client, Keys(namespace), slack_settings, silencers=["U0LEAD", "S0DESK"]
    )
    yield harness
    await harness.server.stop()


async def ask(console: Harness, text: str, user: str = "U0LEAD") -> str:
    before = len(console.fake.responses)
    assert await console.command(text, user) == 200
    await console.fake.wait_for(lambda: len(console.fake.responses) > before)
    answer = console.fake.responses[-1]
    assert answer["response_type"] == "ephemeral"
    return str(answer["text"])


async def test_silence_list_and_unsilence(console: Harness) -> None:
    answer = await ask(console, "silence mass-drone-attack 2h feed loop in a wire service")
    [silence] = SilenceStore(console.client, console.keys).active()
    assert answer.startswith(f"Silence `{silence.id}` of `mass-drone-attack` until ")
    assert (silence.rule, silence.reason) == ("mass-drone-attack", "feed loop in a wire service (by U0LEAD)")
    assert round((silence.ends_at - silence.created_at).total_seconds()) == 7200
    listed = await ask(console, "silences", user="U0ANYONE")  # reading needs no permission
    assert listed.startswith(f"`{silence.id}` `mass-drone-attack` until ")
    assert await ask(console, f"unsilence {silence.id}", user="U0DESK") == f"Silence `{silence.id}` ended."
    assert SilenceStore(console.client, console.keys).active() == []
    assert await ask(console, "silences") == "No silences in force."


async def test_status(console: Harness) -> None:
    SilenceStore(console.client, console.keys).add("*", {}, 60, "test", datetime.now(UTC))
    answer = await ask(console, "status", user="U0ANYONE")
    assert "Silences in force: 1." in answer and "Wrong this week: none." in answer


@pytest.mark.parametrize("text", ["silence * 2h quiet please", "unsilence abc"])
async def test_only_the_allow_list_may_silence(console: Harness, text: str) -> None:
    answer = await ask(console, text, user="U0STRANGER")
    assert answer == "You are not on the list of people who may silence."
    assert SilenceStore(console.client, console.keys).active() == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "Usage: "),
        ("launch", "Usage: "),
        ("silence onlyrule", "Usage: "),
        ("silence mass-drone-attack forever because", "`forever`: "),
        ("unsilence nope", "No silence `nope`."),
        ("silence mass-drone-atack 2h typo", "No rule `mass-drone-atack` is loaded; nothing was silenced."),
    ],
)
async def test_bad_commands_get_help(console: Harness, text: str, expected: str) -> None:
    assert (await ask(console, text)).startswith(expected)


async def test_a_group_slack_cannot_list_refuses_and_says_why_in_the_log(
    fake_slack: FakeSlack,
    redis_client: redis.Redis,
    namespace: str,
    slack_settings: SlackSettings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    console = await start_console(
        fake_slack, redis_client, Keys(namespace), slack_settings, silencers=["S0GONE"]
    )
    try:
        assert await ask(console, "silence * 1h test", user="U0DESK") == (
            "You are not on the list of people who may silence."
        )
        assert "members of group S0GONE unknown, silencing refused" in caplog.text
        assert "no_such_subteam" in caplog.text
    finally:
        await console.server.stop()
