"""``monitor init``: write a commented monitor.yaml, feeds.yaml and a rules folder to start from."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from monitor.cli.common import fail

#: What init writes, relative to the target folder, and the packaged file each comes from.
STARTER_FILES: dict[str, str] = {
    "monitor.yaml": "monitor.yaml",
    "feeds.yaml": "feeds.yaml",
    "rules/starter.yaml": "rules/starter.yaml",
}


def starter_text(name: str) -> str:
    return resources.files("monitor.starter").joinpath(name).read_text("utf-8")


@click.command("init")
@click.argument("directory", required=False, default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def command(directory: Path, force: bool) -> None:
    """Write monitor.yaml, feeds.yaml and rules/ (commented, to edit) into DIRECTORY [default: .]."""
    from monitor.rules.schema import schema_text

    targets = {directory / name: starter_text(source) for name, source in STARTER_FILES.items()}
    targets[directory / "rules" / "schema.json"] = schema_text()  # editors validate rules with it
    existing = [str(path) for path in targets if path.exists()]
    if existing and not force:
        fail(f"{', '.join(existing)} already exist(s); nothing was written (--force overwrites)")
    for path, text in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        click.echo(f"wrote {path}")
    where = "" if directory == Path(".") else f"cd {directory} && "
    click.echo(
        "\nNext:\n"
        f"  {where}monitor rules test          # the rules' own examples\n"
        f"  {where}monitor feeds check NAME    # one fetch of a feed, nothing stored\n"
        f"  {where}monitor run                 # poll feeds.yaml, alerts on the console\n"
        "  monitor demo seeds/          # in the repository: the seed corpus served on loopback"
    )
