"""The morning digest: figures kept by the pipeline, the chart, the post with its file, the CLI."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import redis
from click.testing import CliRunner
from PIL import Image

from monitor.assembly import assemble
from monitor.cli.main import cli
from monitor.digest.chart import HEIGHT_PX, WIDTH_PX, render_png
from monitor.digest.compose import DigestSources, compose
from monitor.digest.post import DigestJob, DigestPoster
from monitor.models import Facts, Item, Strike
from monitor.rules.loader import load_rules
from monitor.settings import DigestSettings, ExtractSettings
from monitor.sources.feeds.config import FeedConfig
from monitor.sources.feeds.feedstate import FeedState, FeedStateStore
from monitor.state.figures import FigureStore, night_of
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace
from monitor.state.silences import SilenceStore
from tests.conftest import RULES
from tests.slack.fake_slack import CHANNELS, TOKEN, FakeSlack

MORNING = datetime(2025, 9, 7, 9, 0, tzinfo=UTC)
NIGHT = [
    ("ua-af", "Russia launches 145 drones at Ukraine",
     "Russia launched 145 drones at Ukraine overnight, Ukraine's air force said."),
    ("wire", "Russia fires 150 drones overnight",
     "Russia launched 150 drones and two missiles at Ukraine overnight, officials said."),
    ("tass", "Ukraine launches drones at Moscow",
     "Ukraine launched 34 drones at Moscow overnight, the largest attack against the Russian capital."),
    ("kyiv-post", "North Korean troops in Kursk",
     "North Korean troops fought alongside Russian forces in the Kursk region, Ukraine's intelligence said."),
]  # fmt: skip


def _items() -> list[Item]:
    return [
        Item(id=f"n{n}", source=source, title=title, text=text, url=f"https://example.org/{n}",
             published=MORNING - timedelta(hours=4 - n))
        for n, (source, title, text) in enumerate(NIGHT)
    ]  # fmt: skip


@pytest.fixture
def figures(redis_client: redis.Redis, namespace: str) -> FigureStore:
    keys = Keys(namespace)
    ruleset, _ = load_rules([RULES])
    parts = assemble(
        Namespace(redis_client, keys), ruleset, clock=lambda: MORNING, extract=ExtractSettings(mode="thread")
    )
    try:
        parts.pipeline.process(_items())
    finally:
        parts.close()
    store = FigureStore(redis_client, keys)
    earlier = [(night_of(MORNING) - timedelta(days=n), 100 + (n * 37) % 500) for n in range(1, 90)]
    store.add(
        [report(night, "Russia", launched) for night, launched in [*earlier, (date(2025, 7, 9), 812)]],
        MORNING,
    )
    return store


def report(night: date, attacker: str, launched: int) -> tuple[Item, Facts]:
    """An earlier night's report as the pipeline would have kept it (published that morning)."""
    published = datetime.combine(night, time(6), UTC)
    item = Item(id=f"archive-{night}-{attacker}", source="archive", published=published)
    strike = Strike(weapon="drone", attacker=attacker, launched=launched, theatre="russia-ukraine")
    return item, Facts(strikes=(strike,))


def test_the_pipeline_keeps_the_nights_figures_and_facts(figures: FigureStore, namespace: str) -> None:
    night = figures.nights(night_of(MORNING), 1)[night_of(MORNING)]
    assert night == {"Russia": 150, "Ukraine": 34}  # the largest of two outlets for Russia
    digest = compose(DigestSources(figures, SilenceStore(figures.client, Keys(namespace))), MORNING, 86_400)
    russia = next(s for s in digest.strikes if (s.attacker, s.weapon) == ("Russia", "drone"))
    assert (russia.launched, [s.name for s in russia.sources]) == (150, ["ua-af", "wire"])
    assert [t.name for t in digest.troops] == ["North Korean"]
    assert digest.records[0].attacker == "Ukraine"  # its first night is its record so far
    assert digest.night_records == {"Russia": 812, "Ukraine": 34}


def test_the_chart_is_a_png_of_the_expected_size(figures: FigureStore) -> None:
    png = render_png(figures.nights(night_of(MORNING), 90), figures.records())
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    image.verify()
    assert image.size == (WIDTH_PX, HEIGHT_PX)
    assert 10_000 < len(png) < 300_000  # a real picture, small enough for a phone


async def test_the_digest_is_posted_once_per_channel_with_its_chart(
    figures: FigureStore, fake_slack: FakeSlack, redis_client: redis.Redis, namespace: str
) -> None:
    settings = DigestSettings(channels=["#alerts", "#air-desk"], at="11:30", timezone="Europe/Kyiv")
    now = [datetime(2025, 9, 7, 8, 0, tzinfo=UTC)]  # 11:00 in Kyiv: not yet
    sources = DigestSources(figures, SilenceStore(redis_client, Keys(namespace)))
    poster = DigestPoster(TOKEN, fake_slack.api_url, 5)
    job = DigestJob(settings, sources, poster, redis_client, Keys(namespace), clock=lambda: now[0])
    assert await job.run_due() == []
    now[0] = datetime(2025, 9, 7, 8, 31, tzinfo=UTC)  # 11:31 in Kyiv
    fake_slack.fail = ["500"]  # the first channel's post fails: its claim is dropped for a retry
    assert await job.run_due() == ["#air-desk"]
    assert await job.run_due() == ["#alerts"]
    assert await job.run_due() == []  # once a day
    posts = {m.channel: m for m in fake_slack.messages}
    assert set(posts) == {CHANNELS["#alerts"], CHANNELS["#air-desk"]}
    assert posts[CHANNELS["#alerts"]].blocks[0]["text"]["text"] == "Morning digest"
    strikes = posts[CHANNELS["#alerts"]].blocks[2]["text"]["text"]
    assert "*Russia*: 150 drones launched" in strikes and "<https://example.org/1|wire>" in strikes
    uploads = sorted(fake_slack.files.values(), key=lambda f: f.file_id)
    assert [(f.channel, f.filename) for f in uploads] == [
        (CHANNELS["#air-desk"], "drones-per-night.png"),
        (CHANNELS["#alerts"], "drones-per-night.png"),
    ]
    assert uploads[0].thread_ts == posts[CHANNELS["#air-desk"]].ts
    Image.open(io.BytesIO(uploads[0].data)).verify()


def test_monitor_digest_prints_and_writes_the_chart(
    figures: FigureStore, redis_url: str, namespace: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    png = tmp_path / "chart.png"
    args = ["digest", "--since", "24h", "--until", "2025-09-07T09:00", "--png", str(png),
            "--redis", redis_url, "--namespace", namespace]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "Russia: 150 drones launched (ua-af, wire)" in result.output
    assert "North Korean" in result.output
    Image.open(png).verify()


def test_the_digest_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="time of day"):
        DigestSettings(at="7am")
    with pytest.raises(ValueError, match="unknown time zone"):
        DigestSettings(timezone="Mars/Olympus")


def test_the_digest_names_stale_and_disabled_feeds_and_silences(
    figures: FigureStore, redis_client: redis.Redis, namespace: str
) -> None:
    keys = Keys(namespace)
    feeds = [
        FeedConfig(name="fresh", url="https://fresh.example/rss"),
        FeedConfig(name="quiet", url="https://quiet.example/rss", stale_after=6 * 3600),
        FeedConfig(name="gone", url="https://gone.example/rss"),
    ]
    states = FeedStateStore(redis_client, keys)
    states.save(
        "fresh", FeedState.fresh(feeds[0]).model_copy(update={"since": MORNING, "last_new_item": MORNING})
    )
    quiet = MORNING - timedelta(hours=7)
    states.save(
        "quiet", FeedState.fresh(feeds[1]).model_copy(update={"since": quiet, "last_new_item": quiet})
    )
    states.save("gone", FeedState.fresh(feeds[2]).model_copy(update={"since": MORNING, "disabled": True}))
    silences = SilenceStore(redis_client, keys)
    silence = silences.add("mass-drone-attack", {}, 3600, "noisy", MORNING)
    digest = compose(DigestSources(figures, silences, feeds, states), MORNING + timedelta(minutes=1), 86_400)
    assert digest.stale_feeds == ["gone", "quiet"]
    assert [s.id for s in digest.silences] == [silence.id]


def test_facts_of_another_war_are_not_kept(redis_client: redis.Redis, namespace: str) -> None:
    store = FigureStore(redis_client, Keys(namespace))
    night = night_of(MORNING)
    elsewhere = Strike(weapon="drone", attacker="Russia", launched=999, theatre="other")
    store.add([(Item(id="sudan", source="wire", published=MORNING), Facts(strikes=(elsewhere,)))], MORNING)
    assert store.nights(night, 1) == {night: {}}
    assert store.logged(MORNING - timedelta(days=1), MORNING + timedelta(hours=1)) == []
