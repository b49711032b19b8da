"""The extractor: article in, facts out; the cue scan decides which sentences get parsed."""

from __future__ import annotations

from monitor.extract.casualties import find_casualties
from monitor.extract.document import sentences_of
from monitor.extract.strikes import find_strikes
from monitor.extract.troops import find_troops
from monitor.extract.weapons import find_weapons
from monitor.models.facts import Facts
from monitor.models.item import Article


def extract(article: Article) -> Facts:
    """Strikes, foreign troop reports, named weapons and casualties stated in ``article``."""
    sentences = sentences_of(article)
    if not sentences:
        return Facts()
    return Facts(
        strikes=find_strikes(sentences),
        troops=find_troops(sentences),
        weapons=find_weapons(sentences),
        casualties=find_casualties(sentences),
    )
