"""The extractor: article in, facts out; the cue scan decides which sentences get parsed."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.extract.casualties import find_casualties
from monitor.extract.denials import find_denials
from monitor.extract.document import sentences_of
from monitor.extract.drafter import SHIPPED_DRAFTER
from monitor.extract.retellings import reported
from monitor.extract.strikes import find_strikes
from monitor.extract.troops import find_troops
from monitor.extract.weapons import find_weapons
from monitor.models.facts import Denial, Facts, Strike
from monitor.models.item import Article


def extract(article: Article) -> Facts:
    """Strikes, foreign troop reports, named weapons and casualties stated in ``article``."""
    sentences = sentences_of(article)
    denials = find_denials(article)
    if not sentences:
        return Facts(denials=denials)
    found = find_strikes(sentences, drafter=SHIPPED_DRAFTER)
    strikes = reported(found)  # a retold strike is no report, but its weapons are this war's
    return Facts(
        strikes=strikes,
        troops=find_troops(sentences),
        weapons=find_weapons(sentences, found),
        casualties=find_casualties(sentences),
        denials=tuple(d for d in denials if not _reports_itself(d, strikes)),
    )


def _reports_itself(denial: Denial, strikes: Sequence[Strike]) -> bool:
    """A 'denied' read in a sentence that itself reports an attack's figures ('Russia launched 500
    drones; Moscow denied claims it targets civilians') is that report's aside, not a denial of
    it; a retraction or correction with a figure ('corrected its count to 50') stays."""
    return denial.kind == "denied" and any(denial.evidence in s.evidence for s in strikes)
