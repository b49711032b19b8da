"""The replay source: splitting, boilerplate, stable ids, ordering, formats and bad files."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

from monitor.sources.replay import ReplayError, replay_items
from monitor.sources.textfile import split_articles
from tests.conftest import SEEDS

BOILERPLATE = ("You may be interested", "Skip to content", "Read also", "Editor's Pick", "months ago")


def test_seed_004_splits_into_its_articles_with_headlines() -> None:
    items = [i for i in replay_items([SEEDS]) if i.source == "waryatv"]
    titles = [i.title for i in items]
    assert len(items) == 9
    assert titles[0] == "Ukrainian Drone Strikes Escalate in Russia’s Kursk Region"
    assert titles[-1] == "Ukraine Reports Downing 48 Russian Drones"
    assert all(not t.startswith("Russia-Ukraine War") for t in titles)


@pytest.mark.parametrize("marker", BOILERPLATE)
def test_boilerplate_never_reaches_items(marker: str) -> None:
    for item in replay_items([SEEDS]):
        assert marker not in item.text
        assert marker not in item.title


def test_footer_teasers_are_not_items_or_text() -> None:
    texts = " ".join(i.text for i in replay_items([SEEDS]))
    assert "Somalian" not in texts
    assert "Psychology of Stupidity" not in texts
    assert "Moscow threatens UK with strikes" not in texts


def test_ids_are_stable_across_copies_and_runs(tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere"
    shutil.copytree(SEEDS, copy)
    first = [i.id for i in replay_items([SEEDS])]
    assert first == [i.id for i in replay_items([copy])]
    assert len(set(first)) == len(first)


def test_order_is_published_then_file_then_position() -> None:
    items = replay_items([SEEDS])
    keys = [(i.published, Path(i.origin).name, i.position) for i in items]
    assert keys == sorted(keys)
    assert items[0].source == "time.news"  # 002 is the oldest (2024-11-10)
    assert items[-1].source == "seed-blog"


def test_manifest_gives_published_source_and_language() -> None:
    item = next(i for i in replay_items([SEEDS]) if i.source == "seed-blog")
    assert item.published is not None and item.published.isoformat() == "2025-09-07T15:00:00+00:00"
    assert item.language == "en"


def test_jsonl_and_feed_files(tmp_path: Path) -> None:
    (tmp_path / "items.jsonl").write_text(
        json.dumps({"id": "a1", "source": "wire", "title": "T", "text": "x", "url": "javascript:alert(1)"})
        + "\nnot json\n",
        encoding="utf-8",
    )
    (tmp_path / "feed.rss").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title>"
        "<item><title>Hello &amp; bye</title><link>https://e.x/1</link><guid>g1</guid>"
        "<description>&lt;p&gt;Body &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    items = replay_items([tmp_path])
    by_source = {i.source: i for i in items}
    assert by_source["wire"].url is None  # only http(s) links survive
    assert by_source["Desk"].title == "Hello & bye"
    assert by_source["Desk"].text == "Body bold"
    assert by_source["Desk"].url == "https://e.x/1"


def test_bad_files_warn_and_replay_goes_on(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 drones".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Headline\nFour drones were shot down.", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        items = replay_items([tmp_path])
    assert [i.title for i in items] == ["Headline"]
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "binary.txt: skipped, binary file" in messages
    assert "latin1.txt: skipped, not UTF-8" in messages


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReplayError, match="no such file"):
        replay_items([tmp_path / "nope"])


def test_single_article_title_is_first_sentence() -> None:
    [article] = split_articles("Drones hit Kyiv overnight. More text follows here.\nSecond line.")
    assert article.title == "Drones hit Kyiv overnight."
    assert article.text.startswith("Drones hit Kyiv overnight.")
