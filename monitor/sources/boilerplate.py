"""Site boilerplate that must never become article text: teasers, navigation, footers."""

from __future__ import annotations

import re

# Whole lines that are navigation or teasers, never news.
_DROP_LINE = re.compile(
    r"^\s*(?:skip to (?:main )?content|related(?: (?:posts|articles|stories))?|read (?:also|more)\s*:?.*"
    r"|you may (?:be interested|also like)\s*:.*|advertisement|share this(?: article)?:?|-)\s*$",
    re.IGNORECASE,
)
# "Editor's Pick8 months ago", "Top stories7 months ago", "TECH7 months ago": a footer teaser
# label glued to its age; the teaser headline follows on the next line.
_TEASER_LABEL = re.compile(
    r"^.{0,40}?\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\s*$", re.IGNORECASE
)


def strip_boilerplate(lines: list[str]) -> list[str]:
    """The lines that are content: the footer teaser list and teaser lines removed."""
    kept: list[str] = []
    skip_next = False
    for line in _before_footer(lines):
        if skip_next:
            skip_next = False
            continue
        if _TEASER_LABEL.match(line):
            skip_next = True
            continue
        if _DROP_LINE.match(line):
            continue
        kept.append(line)
    return kept


def _before_footer(lines: list[str]) -> list[str]:
    """Cut at the first teaser list: a '-' separator line followed by an 'N months ago' label."""
    for index, line in enumerate(lines[:-1]):
        if line.strip() == "-" and _TEASER_LABEL.match(lines[index + 1]):
            return lines[:index]
    return lines
