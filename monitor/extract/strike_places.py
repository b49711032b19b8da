"""Where a strike happened when its count does not say: launch sites set aside, and the places
of the sentence next to the count (a debris line, a by-region list)."""

from __future__ import annotations

from monitor.extract.camps import other_story
from monitor.extract.cues import Cue
from monitor.extract.document import Sentence
from monitor.extract.drafts import Draft
from monitor.extract.lexicon import LAUNCH_SITE_GLUE


def launch_sites(sentence: Sentence) -> set[int]:
    """Starts of the places drones were launched from ('from the directions of Kursk, Oryol and
    Millerovo', 'from the Primorsko-Akhtarsk area'): not places of the attack, nor its target."""
    low = sentence.tokens.low
    if "from" not in low:
        return set()
    places = sentence.places
    spans = {k: p.start for p in places for k in range(p.start, p.end)}
    sites: set[int] = set()
    for place in places:
        k = place.start - 1
        while k >= 0 and (low[k] in LAUNCH_SITE_GLUE or k in spans):
            k = spans.get(k, k) - 1
        if k >= 0 and low[k] == "from":
            sites.add(place.start)
    return sites


class NeighbourPlaces:
    """Places told in the sentence right after (else right before) a count that names none:
    sentences of the attack that count nothing themselves ('Debris fell in Kharkiv'), and the
    by-region list after a total ('By region: Bryansk 14, Kursk 9, Tula 5')."""

    def __init__(self, sentences: list[Sentence], counted: set[int]) -> None:
        cues = Cue.STRIKE | Cue.EVENT | Cue.PLACE
        self.by_index = {s.index: s for s in sentences if s.cues & cues}
        self.counted = counted

    def places(self, draft: Draft) -> list[str]:
        for k in (draft.sentence + 1, draft.sentence - 1):
            sentence = self.by_index.get(k)
            if sentence is None or k in self.counted or other_story(sentence.text):
                continue
            sites = launch_sites(sentence)
            listed = _region_list(sentence)
            if listed is not None:  # counted parts: the total's only if they fit in it
                names, told = listed
                fits = k > draft.sentence and told <= max(draft.counts.values(), default=0)
                found = [
                    p.name
                    for p in sentence.places
                    if p.start not in sites and (p.locative or p.name in names)
                ]
                return found if fits else []
            found = [p.name for p in sentence.places if p.locative and p.start not in sites]
            if found:
                return found
        return []


def _region_list(sentence: Sentence) -> tuple[list[str], int] | None:
    """Places told beside a count ('Rostov region accounts for 27 of them; Bryansk for eight',
    'Kyiv oblast - 14') and the sum of those counts; None unless two places or more have one."""
    low = sentence.tokens.low
    counts = [q for q in sentence.quantities if q.value is not None]
    names: list[str] = []
    used: set[int] = set()
    for place in sentence.places:
        beside = [q for q in counts if 0 <= q.start - place.end <= 2 or 0 <= place.start - q.end <= 1]
        if beside and not any(w[:1].isdigit() for w in low[place.start : place.end]):
            names.append(place.name)
            used.add(beside[0].start)
    if len(names) < 2:
        return None
    return names, sum(q.value or 0 for q in counts if q.start in used)
