"""The feeds file: strict models, positioned errors, live reload keeping the last good configuration."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli.feeds import command as feeds_command
from monitor.sources.feeds.config import FeedConfig, load_feeds
from monitor.sources.feeds.poller import PollResult
from monitor.sources.feeds.scheduler import FeedScheduler
from monitor.sources.feeds.watcher import ConfigWatcher
from monitor.yamldoc import ProblemsError

DATA = Path(__file__).resolve().parent / "data"
INVALID = sorted((DATA / "invalid").glob("*.yaml"))
GOOD = "feeds:\n  - name: a\n    url: https://example.com/a.xml\n"


def test_valid_file() -> None:
    feeds = load_feeds(DATA / "valid" / "feeds.yaml")
    assert [(f.name, f.interval, f.tags, f.enabled, f.stale_after) for f in feeds] == [
        ("kyiv-independent", 300.0, ("ua-press", "english"), True, 86_400.0),
        ("meduza", 600.0, (), False, 172_800.0),
    ]
    assert feeds[1].headers == {"Accept-Language": "en"}


def test_example_file_at_the_repo_root_is_valid() -> None:
    assert load_feeds(Path(__file__).resolve().parents[2] / "feeds.example.yaml")


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_file_lists_every_error_at_its_place(path: Path) -> None:
    with pytest.raises(ProblemsError) as caught:
        load_feeds(path)
    expected = path.with_suffix(".txt").read_text().splitlines()
    assert str(caught.value).replace(f"{path.parent}/", "").splitlines() == expected


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_feeds_list_exits_non_zero_with_positioned_errors(path: Path) -> None:
    result = CliRunner().invoke(feeds_command, ["list", "--feeds", str(path)])
    assert result.exit_code == 1
    expected = [f"{path.parent}/{line}" for line in path.with_suffix(".txt").read_text().splitlines()]
    assert result.output.splitlines()[: len(expected)] == expected
    assert "nothing was started" in result.output


def test_feeds_list_shows_the_feeds() -> None:
    result = CliRunner().invoke(feeds_command, ["list", "--feeds", str(DATA / "valid" / "feeds.yaml")])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "kyiv-independent\t5m\tua-press,english\thttps://kyivindependent.com/news-archive/rss/",
        "meduza\t10m\t-\thttp://meduza.io/rss/en/all  (disabled)",
    ]


async def _no_poll(feed: FeedConfig) -> PollResult:
    return PollResult(feed.name, "skipped")


def test_jobs_one_per_enabled_feed_with_jitter_one_instance_and_coalescing() -> None:
    scheduler = FeedScheduler(_no_poll)
    scheduler.apply(load_feeds(DATA / "valid" / "feeds.yaml"))
    jobs = {job.id: job for job in scheduler.scheduler.get_jobs()}
    assert set(jobs) == {"feed:kyiv-independent"}
    job = jobs["feed:kyiv-independent"]
    assert (job.max_instances, job.coalesce, job.trigger.interval.total_seconds(), job.trigger.jitter) == (
        1,
        True,
        300.0,
        30.0,
    )


def test_reload_applies_a_valid_change_and_keeps_the_last_good_one_on_errors(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(GOOD)
    scheduler = FeedScheduler(_no_poll)
    watcher = ConfigWatcher(path, scheduler.apply, load_feeds(path))
    scheduler.apply(watcher.current)
    assert not watcher.check()  # unchanged file: nothing to do
    path.write_text(GOOD + "  - name: b\n    url: https://example.com/b.xml\n    interval: 1m\n")
    assert watcher.check()
    assert sorted(job.id for job in scheduler.scheduler.get_jobs()) == ["feed:a", "feed:b"]
    path.write_text(GOOD + "  - name: b\n    url: file:///etc/passwd\n")
    with caplog.at_level(logging.ERROR):
        assert not watcher.check()
    assert f"{path}:5:5: feeds.1.url: only http and https URLs are allowed, not 'file'" in caplog.messages
    assert f"{path}: 1 error(s); keeping the last good configuration" in caplog.messages
    assert sorted(scheduler.feeds) == ["a", "b"]
    assert scheduler.feeds["b"].url == "https://example.com/b.xml"
    path.write_text(GOOD)  # b removed
    assert watcher.reload()  # what SIGHUP does
    assert [job.id for job in scheduler.scheduler.get_jobs()] == ["feed:a"]
