"""Slack delivery: Block Kit messages, routing, threads per story, bot and webhook modes."""
