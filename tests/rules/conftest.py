"""Rules test helpers: a stand-in extractor reading facts from the article, rules from text."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

import pytest
import redis

from monitor.models import Article, Facts, Item
from monitor.rules.loader import load_rules
from monitor.rules.ruleset import RuleSet
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def facts_from_text(article: Article) -> Facts:
    """An extractor for engine tests: the facts are a JSON line 'FACTS {...}' in the text."""
    for line in article.text.splitlines():
        if line.startswith("FACTS "):
            return Facts.model_validate(json.loads(line[6:]))
    return Facts()


def article(title: str, facts: Mapping[str, object] | None = None, **fields: object) -> Item:
    text = str(fields.pop("text", title))
    if facts is not None:
        text += "\nFACTS " + json.dumps(facts)
    return Item.model_validate(
        {"id": fields.pop("id", title), "source": "test", "title": title, "text": text, **fields}
    )


@pytest.fixture
def rules_from(tmp_path: Path) -> Callable[[str], RuleSet]:
    """Load rules from YAML text; fails the test on any error."""

    def load(text: str) -> RuleSet:
        path = tmp_path / f"rules{len(list(tmp_path.iterdir()))}.yaml"
        path.write_text(text, encoding="utf-8")
        ruleset, problems = load_rules([path])
        errors = [str(p) for p in problems if p.severity == "error"]
        assert not errors, errors
        return ruleset

    return load


@pytest.fixture
def store(redis_client: redis.Redis, namespace: str) -> RedisStateStore:
    return RedisStateStore(redis_client, Keys(namespace))
