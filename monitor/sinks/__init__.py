"""Sinks: where alerts go (console, JSON lines, Slack). Registry keyed by the --sink type."""
