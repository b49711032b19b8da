"""Templates bounded in time, output and operand size: a positioned error at `rules check`, a
counted and logged fallback at run time, nothing folded at compile time."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from jinja2 import StrictUndefined

from monitor.cli.main import cli
from monitor.rules.templatebounds import BoundedSandbox, TemplateBoundError, TemplateLimits, render_bounded

HOSTILE = [
    ("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}", "loop steps"),
    ("{% for i in range(100000) %}{% endfor %}", "more than 10000 loop steps"),
    ("{{ 'A' * 4000000000 }}", "a value larger than 65536 characters"),
    ("{{ item.title * 100000000 }}", "a value larger than 65536 characters"),
    ("{{ 'x'|center(4000000000) }}", "number 4000000000 is larger than 100000"),
    ("{{ '%0999999999d' % 1 }}", "a format width larger than 99999"),
    ("{{ '{:>999999999}'.format(1) }}", "a format width larger than 99999"),
    ("{{ 2 ** 100000000 }}", "a power too large to compute"),
    ("{% set x = 'ab' * 30000 %}{{ x ~ x ~ x }}", "a value larger than 65536 characters"),
    ("{{ range(10000000)|list }}", "number 10000000 is larger than 100000"),
    ("{{ " + "x" * 12000 + " }}", "template longer than 10000 characters"),
]


@pytest.mark.timeout(20)
@pytest.mark.parametrize(("source", "expected"), HOSTILE, ids=[h[1] + f"-{i}" for i, h in enumerate(HOSTILE)])
@pytest.mark.parametrize("field", ["title", "dedup_key"])
def test_a_template_past_a_bound_is_a_positioned_error_at_rules_check(
    tmp_path: Path, source: str, expected: str, field: str
) -> None:
    rules = tmp_path / "r.yaml"
    body = {"id": "hostile", "title": "t", "type": "any", "fact": "item", field: source}
    rules.write_text("rules:\n  - " + json.dumps(body) + "\n")
    result = CliRunner().invoke(cli, ["rules", "check", "--no-examples", str(rules)])
    assert result.exit_code == 1, result.output
    assert f"{rules}:2:" in result.output
    assert f"rules.0.{field}: rule 'hostile': template " in result.output
    assert expected in result.output


@pytest.mark.timeout(60)
def test_at_run_time_a_template_past_a_bound_falls_back_and_is_counted_in_the_log(
    tmp_path: Path, redis_url: str, namespace: str
) -> None:
    rules = tmp_path / "r.yaml"
    # passes the check (the sample title is one character), too big for a real title
    body = {"id": "echo", "title": "{{ item.title * 5000 }}", "type": "any", "fact": "item"}
    rules.write_text("rules:\n  - " + json.dumps(body) + "\n")
    articles = tmp_path / "a.jsonl"
    articles.write_text(
        "".join(
            json.dumps({"id": f"a{i}", "title": f"Long title {i} " * 5, "text": "x"}) + "\n" for i in range(3)
        )
    )
    out = tmp_path / "alerts.jsonl"
    result = CliRunner().invoke(
        cli,
        ["replay", str(articles), "--rules", str(rules), "--sink", f"jsonl:{out}",
         "--redis", redis_url, "--namespace", namespace, "-v"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    alerts = [json.loads(line) for line in out.read_text().splitlines()]
    assert [a["title"] for a in alerts] == ["(template error: TemplateBoundError)"] * 3
    warnings = [line for line in result.output.splitlines() if "render failed" in line]
    # the 1st and 2nd failure are logged, the 3rd is only counted (then the 4th, 8th, ...)
    assert len(warnings) == 2
    assert "rule echo, title: render failed (a value larger than 65536 characters)" in warnings[0]
    assert warnings[1].endswith("2 failure(s) so far")


def test_the_time_backstop_counts_this_threads_cpu_not_waiting() -> None:
    """The backstop trips on CPU spent rendering (a loop within the step budget but slow), and a
    render that only waits (here: the thread sleeps between chunks) is not charged for it."""
    tight = TemplateLimits(max_steps=10**6, max_size=10**7, max_seconds=0.001)
    env = BoundedSandbox(StrictUndefined, tight)
    busy = env.from_string("{% for i in range(90000) %}{{ i ~ i }}{% endfor %}")
    with pytest.raises(TemplateBoundError, match="of CPU"):
        render_bounded(busy, {}, tight)

    def napping() -> Iterator[int]:
        for n in range(3):
            time.sleep(0.05)  # waiting, as for the GIL on a loaded machine: no CPU spent
            yield n

    calm = env.from_string("{% for n in naps %}{{ n }}{% endfor %}")
    patient = TemplateLimits(max_seconds=0.1)
    out: list[str] = []
    worker = threading.Thread(target=lambda: out.append(render_bounded(calm, {"naps": napping()}, patient)))
    worker.start()
    worker.join(10)
    assert out == ["012"]
