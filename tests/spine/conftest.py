"""Fixtures for the spine tests: the feed server and pollers of tests/feeds (shared)."""

from __future__ import annotations

from tests.feeds.conftest import clock, make_poller, seen_processor, server, states

__all__ = ["clock", "make_poller", "seen_processor", "server", "states"]
