"""OPML import and export of the feed list: what analysts' feed readers read and write."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.sources.feeds.config import load_feeds
from tests.conftest import ROOT

READER = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="Ukraine" title="Ukraine">
      <outline type="rss" text="Kyiv Independent" xmlUrl="https://kyivindependent.com/feed/"/>
      <outline type="rss" text="Ukrainska Pravda" xmlUrl="https://www.pravda.com.ua/eng/rss/"
               category="agency"/>
      <outline type="rss" text="Meduza" xmlUrl="https://example.org/meduza"/>
    </outline>
    <outline type="rss" title="Meduza" xmlUrl="https://meduza.io/rss/en/all"/>
    <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
  </body>
</opml>
"""


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["feeds", *args])
    return result.exit_code, result.output


def test_import_appends_new_feeds_and_keeps_the_files_comments(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.yaml"
    starter = (ROOT / "feeds.example.yaml").read_text()
    feeds.write_text(starter)
    (tmp_path / "reader.opml").write_text(READER)
    code, out = _run("import", str(tmp_path / "reader.opml"), "--feeds", str(feeds))
    assert code == 0, out
    assert "skipped Local file: only http and https" in out
    assert "2 feed(s) added, 2 already there" in out  # Kyiv Independent and meduza.io are configured
    text = feeds.read_text()
    assert text.startswith(starter)  # comments and existing entries untouched
    loaded = {feed.name: feed for feed in load_feeds(feeds)}
    assert loaded["ukrainska-pravda"].tags == ("ukraine", "agency")  # folder and category
    assert loaded["meduza"].url == "https://example.org/meduza"  # named after its title
    assert len(loaded) == 4 + 2
    code, out = _run("import", str(tmp_path / "reader.opml"), "--feeds", str(feeds))
    assert "0 feed(s) added" in out and feeds.read_text() == text  # importing again adds nothing


def test_export_then_import_gives_the_same_feeds(tmp_path: Path) -> None:
    code, document = _run("export", "--feeds", str(ROOT / "feeds.example.yaml"))
    assert code == 0 and document.startswith('<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">')
    (tmp_path / "out.opml").write_text(document)
    fresh = tmp_path / "new" / "feeds.yaml"
    fresh.parent.mkdir()
    code, out = _run("import", str(tmp_path / "out.opml"), "--feeds", str(fresh))
    assert code == 0, out
    original = load_feeds(ROOT / "feeds.example.yaml")
    again = load_feeds(fresh)
    assert [(f.name, f.url, f.tags) for f in again] == [(f.name, f.url, f.tags) for f in original]


def test_not_opml_and_unappendable_files_are_errors_that_change_nothing(tmp_path: Path) -> None:
    (tmp_path / "page.opml").write_text("<html><body>no</body></html>")
    code, out = _run("import", str(tmp_path / "page.opml"), "--feeds", str(tmp_path / "feeds.yaml"))
    assert code == 1 and "not an OPML document" in out and not (tmp_path / "feeds.yaml").exists()
    flow = tmp_path / "flow.yaml"
    flow.write_text('feeds: [{name: a, url: "https://a.example/feed"}]\n')
    (tmp_path / "reader.opml").write_text(READER)
    code, out = _run("import", str(tmp_path / "reader.opml"), "--feeds", str(flow))
    assert code == 1 and "cannot append" in out and '- name: "kyiv-independent"' in out
    assert flow.read_text() == 'feeds: [{name: a, url: "https://a.example/feed"}]\n'
