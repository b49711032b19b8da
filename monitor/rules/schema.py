"""The JSON Schema of rules files, generated from the rule models (editors validate with it)."""

from __future__ import annotations

import json
from typing import Any

from monitor.rules.model import RuleFile


def rule_schema() -> dict[str, Any]:
    schema = RuleFile.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text() -> str:
    """The schema as committed in rules/schema.json: stable, indented, ending in a newline."""
    return json.dumps(rule_schema(), indent=2, ensure_ascii=False) + "\n"
