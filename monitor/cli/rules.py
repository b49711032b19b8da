"""``monitor rules``: check, test, explain rules and print their JSON Schema."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from monitor.cli.common import (
    DEFAULT_RULES,
    EXIT_INPUT,
    fail,
    load_rules_or_exit,
    redis_options,
    redis_or_exit,
    setup_logging,
)
from monitor.pipeline import Extractor, default_extractor
from monitor.rules.loader import load_rules
from monitor.rules.ruleset import RuleSet
from monitor.rules.schema import schema_text
from monitor.sources.replay import ReplayError, replay_items
from monitor.state.keys import Keys

_DIRS = click.argument("dirs", nargs=-1, type=click.Path(path_type=Path))


@click.group("rules")
def command() -> None:
    """Check, test and explain analyst rules."""


def _extractor() -> Extractor | None:
    try:
        from monitor.extract import extract  # noqa: F401
    except ImportError:
        return None
    return default_extractor


def _run_examples(ruleset: RuleSet, redis_url: str | None, data_dir: Path) -> list[str] | None:
    """Failures as text lines; None when the extractor is not available."""
    from monitor.tools.examples import ExampleRunner

    extractor = _extractor()
    if extractor is None:
        return None
    connection = redis_or_exit(redis_url, data_dir)
    try:
        results = list(ExampleRunner(connection.client, extractor).run(ruleset))
    finally:
        connection.close()
    return [str(r) for r in results if not r.ok] + [f"{len(results)} example(s) run"]


@command.command("check")
@_DIRS
@click.option("--examples/--no-examples", default=True, help="Also run the rules' examples (warnings).")
@redis_options
def check(
    dirs: tuple[Path, ...], examples: bool, redis_url: str | None, namespace: str, data_dir: Path
) -> None:
    """Report every error of every rules file (file:line:col), then warnings apart; exit 1 on errors."""
    ruleset, problems = load_rules(dirs or (DEFAULT_RULES,))
    errors = [p for p in problems if p.severity == "error"]
    warnings: list[str] = [str(p) for p in problems if p.severity == "warning"]
    if examples and ruleset.rules:  # the rules without errors: their examples still run
        failures = _run_examples(ruleset, redis_url, data_dir)
        if failures is None:
            warnings.append("warning: examples not run: the extractor (monitor.extract) is not available")
        else:
            warnings.extend(f"warning: example fails: {line}" for line in failures[:-1])
    for problem in errors:
        click.echo(str(problem))
    if warnings:
        click.echo("warnings:")
        for line in warnings:
            click.echo(f"  {line}")
    click.echo(f"{len(ruleset.rules)} rule(s), {len(errors)} error(s), {len(warnings)} warning(s)", err=True)
    if errors:
        raise SystemExit(EXIT_INPUT)


@command.command("test")
@_DIRS
@redis_options
def test(dirs: tuple[Path, ...], redis_url: str | None, namespace: str, data_dir: Path) -> None:
    """Run every rule's examples in a throw-away namespace; report failures as file:line."""
    ruleset = load_rules_or_exit(dirs or (DEFAULT_RULES,))
    failures = _run_examples(ruleset, redis_url, data_dir)
    if failures is None:
        fail("the extractor (monitor.extract) is not available: examples cannot run")
    for line in failures[:-1]:
        click.echo(line)
    click.echo(f"{failures[-1]}, {len(failures) - 1} failed")
    if len(failures) > 1:
        raise SystemExit(EXIT_INPUT)


@command.command("explain")
@click.argument("rule_id", metavar="RULE")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--text", help="Article text instead of a file (first line: title).")
@click.option(
    "--published",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ"]),
    help="Publication time (UTC) of --text, the event time its windows are decided on (default: now).",
)
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path), help="Rules folder.")
@redis_options
@click.option("-v", "--verbose", count=True)
def explain_command(
    rule_id: str,
    path: Path | None,
    text: str | None,
    published: datetime | None,
    rules_dirs: tuple[Path, ...],
    redis_url: str | None,
    namespace: str,
    data_dir: Path,
    verbose: int,
) -> None:
    """Show each condition of RULE on an article, the facts, the state read and the decision (no writes)."""
    from monitor.models import Article
    from monitor.state.silences import SilenceStore
    from monitor.state.store import RedisStateStore
    from monitor.stories.joiner import StoryJoiner
    from monitor.tools.examples import _text_items
    from monitor.tools.explain import explain

    setup_logging(verbose)
    if (path is None) == (text is None):
        fail("give a PATH or --text, not both")
    ruleset = load_rules_or_exit(rules_dirs or (DEFAULT_RULES,))
    compiled = ruleset.get(rule_id)
    if compiled is None:
        fail(f"no rule {rule_id!r} (known: {', '.join(r.rule.id for r in ruleset.rules)})")
    extractor = _extractor()
    if extractor is None:
        fail("the extractor (monitor.extract) is not available")
    now = datetime.now(UTC)
    try:
        when = published.replace(tzinfo=UTC) if published is not None else now
        items = replay_items([path]) if path is not None else _text_items(text or "", "explain", when)
    except ReplayError as exc:
        fail(str(exc))
    connection = redis_or_exit(redis_url, data_dir)
    try:
        store = RedisStateStore(connection.client, Keys(namespace))
        silences = SilenceStore(connection.client, Keys(namespace)).active(now)
        stories = StoryJoiner(connection.client, Keys(namespace))
        for item in items:
            facts = extractor(Article.from_item(item))
            for line in explain(ruleset, compiled, item, facts, store, now, silences, stories):
                click.echo(line)
    finally:
        connection.close()


@command.command("schema")
@click.option("--output", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of rules files (rules/schema.json is this output)."""
    if output is None:
        click.echo(schema_text(), nl=False)
    else:
        output.write_text(schema_text(), encoding="utf-8")
