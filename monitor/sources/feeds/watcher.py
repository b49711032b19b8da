"""Live reload of the feeds file: on a change (mtime, size, inode) or SIGHUP, a valid file is applied."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from monitor.sources.feeds.config import FeedConfig, load_feeds
from monitor.yamldoc import ProblemsError

log = logging.getLogger(__name__)

Signature = tuple[int, int, int] | None


def _signature(path: Path) -> Signature:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


class ConfigWatcher:
    """Reloads ``path`` when it changes; an invalid file is logged and the last good one kept."""

    def __init__(
        self, path: Path, apply: Callable[[list[FeedConfig]], None], current: list[FeedConfig]
    ) -> None:
        self.path = path
        self.apply = apply
        self.current = current
        self._signature = _signature(path)

    def check(self) -> bool:
        """Reload if the file changed since the last look; True when a new configuration was applied."""
        signature = _signature(self.path)
        if signature == self._signature:
            return False
        self._signature = signature
        return self.reload()

    def reload(self) -> bool:
        """Load the file now; apply it when valid, else log every error and keep the current one."""
        try:
            feeds = load_feeds(self.path)
        except ProblemsError as exc:
            for problem in exc.problems:
                log.error("%s", problem)
            log.error("%s: %d error(s); keeping the last good configuration", self.path, len(exc.problems))
            return False
        if feeds != self.current:
            log.info("%s: reloaded, %d feeds", self.path, len(feeds))
            self.current = feeds
            self.apply(feeds)
        return True
