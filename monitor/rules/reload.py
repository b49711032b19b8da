"""Hot reload: swap in a new rule set when the rule files change, keep the last good one on errors."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from pathlib import Path

from monitor.rules.loader import load_rules, rule_files
from monitor.rules.ruleset import RuleSet
from monitor.safefiles import read_capped
from monitor.safeyaml import YamlLimits

log = logging.getLogger(__name__)


class RulesReloader:
    """Call ``check()`` periodically (e.g. each poll cycle): it returns the new RuleSet after a
    valid change, None otherwise. An invalid change logs every error and keeps the last good set
    (``current``); the files are read again only when their size, mtime or content changes."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        self._fingerprint: tuple[tuple[str, int, int, str], ...] | None = None
        self.current: RuleSet | None = None
        #: Changes that were not applied (errors, or a failure while loading).
        self.failures = 0
        self.check()

    def fingerprint(self) -> tuple[tuple[str, int, int, str], ...]:
        found = []
        for path in rule_files(self.paths):
            try:
                stat = path.stat()
                digest = hashlib.sha256(read_capped(path, YamlLimits().max_bytes)).hexdigest()
            except OSError:
                found.append((str(path), -1, -1, ""))
                continue
            found.append((str(path), stat.st_mtime_ns, stat.st_size, digest))
        return tuple(found)

    def check(self) -> RuleSet | None:
        """The new rule set if the files changed and load cleanly; None when nothing changed or
        the change has errors (each logged as file:line:col)."""
        fingerprint = self.fingerprint()
        if fingerprint == self._fingerprint:
            return None
        self._fingerprint = fingerprint
        try:
            ruleset, problems = load_rules(self.paths)
        except Exception as exc:  # whatever a file does, the service keeps its last good rules
            self.failures += 1
            log.error("rules not reloaded: %s; keeping the last good rules", type(exc).__name__)
            return None
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            self.failures += 1
            for problem in errors:
                log.error("rules not reloaded: %s", problem)
            log.error("rules: %d error(s); keeping the last good rules", len(errors))
            return None
        self.current = ruleset
        log.info("rules loaded: %d rule(s) from %d file(s)", len(ruleset.rules), len(fingerprint))
        return ruleset
