"""The sink tests use the Slack fixtures: the local fake Web API server and settings pointing at it."""

from tests.slack.conftest import fake_slack, slack_settings

__all__ = ["fake_slack", "slack_settings"]
