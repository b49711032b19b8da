"""Generated workloads: analyst-like rule sets and a war-news corpus, the same on every run.

Rules differ as real ones do: strike thresholds per place (about 500 places from the
gazetteer), records per weapon model, first sightings of troops by nationality, named-weapon
watches, casualty thresholds, and keyword rules over the war's vocabulary; all use the shipped
rules' ``where:`` shapes (``theatre: russia-ukraine``, equality, membership through named
lists, ``contains``, bounds). A typical item matches well under 1% of them.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

from monitor.extract.gazetteer import PLACES
from monitor.extract.nations import DEMONYMS
from monitor.extract.weapons_lexicon import WEAPON_ALIASES
from monitor.models import Item

ROOT = Path(__file__).resolve().parents[1]
#: About 500 places: the gazetteer's major ones, then smaller Ukrainian places (front-line
#: villages analysts watch by name), a fixed sample.
_MAJOR = sorted({place.name for place in PLACES.values() if place.major})
_MINOR = sorted({place.name for place in PLACES.values() if not place.major and place.side == "Ukraine"})
ALL_PLACES = (_MAJOR + random.Random(5).sample(_MINOR, min(len(_MINOR), 500)))[:500]
MODELS = sorted({names[0] for names, _ in WEAPON_ALIASES.values()})
NATIONS = sorted(set(DEMONYMS.values()))
VOCABULARY = [
    "counteroffensive", "Kerch bridge", "grain corridor", "Zaporizhzhia nuclear plant", "mobilisation",
    "Black Sea Fleet", "air defence", "energy infrastructure", "prisoner exchange", "ceasefire",
    "Patriot", "glide bombs", "front line", "Pokrovsk", "Kupiansk", "sanctions", "oil refinery",
]  # fmt: skip
OUTLETS = [f"outlet-{n}" for n in range(20)]


def _strike_threshold(rng: random.Random, n: int) -> dict[str, object]:
    place = rng.choice(ALL_PLACES)
    return {
        "id": f"strikes-{n}",
        "title": f"{place}: {{{{ fact.launched }}}} {{{{ fact.weapon }}}}s launched",
        "text": "{{ fact.evidence }}",
        "type": "threshold",
        "fact": "strike",
        "where": {
            "weapon": rng.choice(["drone", "missile", {"in": ["drone", "missile"]}]),
            "attacker": "$war_sides",
            "places": {"contains": place},
            "theatre": "russia-ukraine",
        },
        "threshold": {"field": "launched", "gte": rng.choice([1, 10, 50, 100, 200])},
        "dedup_key": "{{ fact.attacker }}:{{ fact.launched }}",
    }


def _model_record(rng: random.Random, n: int) -> dict[str, object]:
    return {
        "id": f"record-{n}",
        "title": "Record {{ fact.weapon }} attack: {{ fact.size }}",
        "type": "record",
        "fact": "strike",
        "where": {
            "models": {"contains": rng.choice(MODELS)},
            "attacker": {"in_list": "war_sides"},
            "theatre": "russia-ukraine",
        },
        "record": {"field": "size", "group": "{{ fact.attacker }}"},
        "dedup_key": "record:{{ fact.attacker }}:{{ fact.size }}",
    }


def _troops(rng: random.Random, n: int) -> dict[str, object]:
    return {
        "id": f"troops-{n}",
        "title": "First report of {{ fact.nationality }} troops",
        "type": "new_term",
        "fact": "troops",
        "where": {
            "nationality": rng.sample(NATIONS, 3),
            "activity": {"not_in": ["plan"]},
            "theatre": "russia-ukraine",
        },
        "new_term": {"field": "nationality", "group": "{{ fact.side }}"},
        "dedup_key": "troops:{{ fact.nationality }}",
    }


def _weapon(rng: random.Random, n: int) -> dict[str, object]:
    return {
        "id": f"weapon-{n}",
        "title": "{{ fact.name }} used",
        "type": "any",
        "fact": "weapon",
        "where": {"name": rng.choice(MODELS), "used": True, "theatre": "russia-ukraine"},
        "dedup_key": "weapon:{{ fact.name }}:{{ item.id }}",
    }


def _casualties(rng: random.Random, n: int) -> dict[str, object]:
    return {
        "id": f"casualties-{n}",
        "title": "{{ fact.killed }} killed in {{ fact.place }}",
        "type": "threshold",
        "fact": "casualty",
        "where": {"place": rng.choice(ALL_PLACES)},
        "threshold": {"field": "killed", "gte": rng.choice([1, 3, 10])},
    }


def _keywords(rng: random.Random, n: int) -> dict[str, object]:
    return {
        "id": f"keywords-{n}",
        "title": "{{ item.title }}",
        "type": "any",
        "fact": "item",
        "keywords": {"all": [rng.choice(ALL_PLACES), rng.choice(VOCABULARY)]},
    }


_SHAPES = (
    (_strike_threshold, 40),
    (_model_record, 10),
    (_troops, 15),
    (_weapon, 15),
    (_casualties, 10),
    (_keywords, 10),
)


def rules(count: int, seed: int = 1) -> dict[str, object]:
    """A rules document (``lists`` and ``rules``) of ``count`` generated rules."""
    rng = random.Random(seed)
    makers = [maker for maker, weight in _SHAPES for _ in range(weight)]
    return {
        "lists": {"war_sides": ["Russia", "Ukraine"]},
        "rules": [rng.choice(makers)(rng, n) for n in range(count)],
    }


def write_rules(directory: Path, count: int) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"rules-{count}.yaml"
    path.write_text(yaml.safe_dump(rules(count), sort_keys=False), encoding="utf-8")
    return path


def _paragraphs() -> tuple[list[str], list[str]]:
    from benchmarks.bench_extract import _paragraphs as seed_paragraphs

    return seed_paragraphs()


def corpus(count: int, size: int = 3_000, seed: int = 7) -> list[Item]:
    """Items of about ``size`` characters; 30% carry report paragraphs (strike counts, troops,
    casualties), the rest is the seeds' figure-free prose. Published five minutes apart."""
    rng = random.Random(seed)
    reports, filler = _paragraphs()
    start = datetime(2025, 6, 1, tzinfo=UTC)
    items: list[Item] = []
    for n in range(count):
        parts = [rng.choice(reports) for _ in range(rng.randint(1, 2))] if rng.random() < 0.3 else []
        while sum(len(p) + 1 for p in parts) < size:
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(filler))
        text = "\n".join(parts)[:size]
        title = (parts[0].split(". ")[0])[:90]
        when = start + timedelta(minutes=5 * n)
        items.append(Item(id=f"b{n}", source=rng.choice(OUTLETS), title=title, text=text, published=when))
    return items
