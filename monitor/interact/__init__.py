"""Slack as the analyst's console: the interactivity endpoint, its buttons, modals and /monitor."""
