"""Rule loading stays linear: a 10,000-rule file loads (the pytest timeout is the bound; the
ratio to 1,000 rules is measured by benchmarks/bench_rules_load.py), and oversized values and
files are positioned errors instead of minutes of work."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.bench_rules_load import write_keyword_rules
from monitor.cli.main import cli


@pytest.mark.timeout(30)
def test_ten_thousand_rules_load(tmp_path: Path) -> None:
    write_keyword_rules(tmp_path, 10_000)
    result = CliRunner().invoke(cli, ["rules", "check", "--no-examples", str(tmp_path)])
    assert result.exit_code == 0, result.output[-500:]
    assert "10000 rule(s), 0 error(s)" in result.output


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    ("title_chars", "expected"),
    [
        (20_000, ":3:5: rules.0.title: rule 'long': template longer than 10000 characters"),
        (300_000, ":3:12: value longer than 262144 characters"),
        (17 * 1024 * 1024, ":1:1: cannot read file: larger than 16777216 bytes"),
    ],
)
def test_a_huge_title_or_file_is_refused_at_once(tmp_path: Path, title_chars: int, expected: str) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(
        f"rules:\n  - id: long\n    title: '{'A' * title_chars}'\n    type: any\n    fact: item\n"
    )
    result = CliRunner().invoke(cli, ["rules", "check", "--no-examples", str(path)])
    assert result.exit_code == 1
    assert f"{path}{expected}" in result.output
