"""Fixtures for the hostile-input tests: the Slack fakes and a fake clock (shared), Redis servers."""

from __future__ import annotations

from tests.outbox.conftest import FakeTime, fake_time
from tests.slack.conftest import fake_slack, outbox, slack_settings

__all__ = ["FakeTime", "fake_slack", "fake_time", "outbox", "slack_settings"]
