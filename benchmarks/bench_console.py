"""Benchmark the Slack console: button action to updated message, bad signatures, the digest.

Run:  python benchmarks/bench_console.py [--clicks 300] [--items 1000]
      (REDIS_URL=redis://... to use a running Redis; otherwise an embedded one starts)

1. A signed click (Acknowledge, Silence, Wrong in turn) sent to the interactivity endpoint on a
   real port, until the local Web API server has the updated message; baseline: a bare
   chat.update through slack_sdk to the same server, in the same run.
2. Forged, unsigned and five-minute-old requests: how many were refused, and whether any key of
   the namespace changed.
3. The digest of a night with N items (compose from Redis and the 90-night chart); baseline:
   the chart of an empty period, in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the local Web API server lives with the tests

import redis  # noqa: E402
from pydantic import SecretStr  # noqa: E402
from slack_sdk.web.async_client import AsyncWebClient  # noqa: E402

from monitor.console import build_console  # noqa: E402
from monitor.digest.chart import render_png  # noqa: E402
from monitor.digest.compose import DigestSources, compose  # noqa: E402
from monitor.interact.endpoint import ACTIONS_PATH  # noqa: E402
from monitor.interact.server import InteractionServer  # noqa: E402
from monitor.models import Facts, Item, Strike  # noqa: E402
from monitor.settings import InteractSettings, Settings, SlackSettings  # noqa: E402
from monitor.sinks.slack.sink import SlackSink  # noqa: E402
from monitor.state.connection import connect  # noqa: E402
from monitor.state.figures import FigureStore, night_of  # noqa: E402
from monitor.state.keys import Keys  # noqa: E402
from monitor.state.silences import SilenceStore  # noqa: E402
from monitor.state.store import RedisStateStore  # noqa: E402
from tests.slack.conftest import make_alert  # noqa: E402
from tests.slack.console import SettableClock  # noqa: E402
from tests.slack.fake_slack import TOKEN, FakeSlack, Posted  # noqa: E402
from tests.slack.slack_sender import SECRET, Signed, SlackSender  # noqa: E402

CHOICES = [("ack", None), ("silence", "story:1h"), ("wrong", "not_this_war"), ("wrong", "duplicate")]


def p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[98]


async def _until(fake: FakeSlack, condition: Callable[[], bool]) -> None:
    await fake.wait_for(condition, timeout=10)


async def clicks(client: redis.Redis, keys: Keys, n: int) -> None:
    fake = FakeSlack()
    await fake.start()
    slack = SlackSettings(
        bot_token=SecretStr(TOKEN),
        signing_secret=SecretStr(SECRET),
        api_url=fake.api_url,
        default_channel="#alerts",
    )
    clock = SettableClock()
    console = build_console(
        Settings(slack=slack, interact=InteractSettings(enabled=True)), client, keys, clock=clock
    )
    assert console.endpoint is not None
    server = InteractionServer(console.endpoint, "127.0.0.1", 0)
    await server.start()
    sender = SlackSender(server.url)
    sink = SlackSink(slack, client, keys)
    messages = []
    for i in range(n):
        ts = await sink.send(make_alert(i, dedup_key=f"bench:{i}"))
        messages.append(next(m for m in fake.messages if m.ts == ts))

    # baseline: the same servers, a bare chat.update through slack_sdk
    web = AsyncWebClient(token=TOKEN, base_url=fake.api_url, retry_handlers=[])
    base = []
    for message in messages:
        started = time.perf_counter()
        await web.chat_update(
            channel=message.channel, ts=message.ts, text=message.text, blocks=message.blocks
        )
        base.append(time.perf_counter() - started)

    took = []
    for i, message in enumerate(messages):
        action, value = CHOICES[i % len(CHOICES)]
        body = sender.click(message, action, value or message.blocks[0]["text"]["text"][:10], "U0BENCH",
                            fake.response_url(i))  # fmt: skip
        before = message.updates
        started = time.perf_counter()
        status = await sender.post(sender.sign(ACTIONS_PATH, body))
        assert status == 200, status

        def updated(m: Posted = message, b: int = before) -> bool:
            return m.updates > b

        await _until(fake, updated)
        took.append(time.perf_counter() - started)
    ratio = p99(took) / p99(base)
    ms = [statistics.median(took) * 1000, p99(took) * 1000, p99(base) * 1000]
    print(f"click -> updated message, {n} clicks: p50 {ms[0]:.1f} ms, p99 {ms[1]:.1f} ms (target < 1000 ms); "
          f"bare chat.update p99 {ms[2]:.1f} ms; ratio {ratio:.1f}x")  # fmt: skip
    await bad_requests(client, keys, sender, messages[0], clock)
    await server.stop()
    await fake.stop()


def snapshot(client: redis.Redis, keys: Keys) -> dict[bytes, bytes | None]:
    return {k: client.dump(k) for k in client.scan_iter(match=keys.pattern(), count=1000)}


async def bad_requests(
    client: redis.Redis, keys: Keys, sender: SlackSender, message: object, clock: SettableClock
) -> None:
    body = sender.click(message, "wrong", "not_this_war", "U0MALLORY")
    good = sender.sign(ACTIONS_PATH, body)
    forged = Signed(good.path, good.body, good.headers | {"X-Slack-Signature": "v0=" + "1" * 64})
    tampered = Signed(good.path, good.body + b"&x=1", good.headers)
    unsigned = Signed(good.path, good.body, {"Content-Type": good.headers["Content-Type"]})
    before = snapshot(client, keys)
    statuses = []
    for request in [forged, tampered, unsigned] * 100:
        statuses.append(await sender.post(request))
    clock.offset = 301.0  # the genuine request, replayed five minutes and a second later
    statuses += [await sender.post(good) for _ in range(100)]
    clock.offset = 0.0
    changed = snapshot(client, keys) != before
    refused = sum(1 for s in statuses if s == 401)
    print(
        f"bad or old signatures: {len(statuses)} sent, {refused} refused with 401, state changed: {changed}"
    )


def digest(client: redis.Redis, keys: Keys, items: int) -> None:
    figures = FigureStore(client, keys)
    now = datetime(2025, 9, 7, 9, tzinfo=UTC)
    archive = []
    for n in range(1, 91):  # the earlier nights, as the pipeline kept them
        night = datetime.combine(night_of(now) - timedelta(days=n), datetime.min.time(), UTC) + timedelta(
            hours=6
        )
        for attacker, launched in (("Russia", 100 + (n * 53) % 600), ("Ukraine", 20 + (n * 31) % 300)):
            strike = Strike(weapon="drone", attacker=attacker, launched=launched, theatre="russia-ukraine")
            item = Item(id=f"archive-{n}-{attacker}", source="archive", published=night)
            archive.append((item, Facts(strikes=(strike,))))
    figures.add(archive, now)
    batch = []
    for i in range(items):
        attacker = "Russia" if i % 3 else "Ukraine"
        strike = Strike(
            weapon="drone",
            attacker=attacker,
            launched=50 + i % 700,
            evidence="x" * 300,
            theatre="russia-ukraine",
        )
        item = Item(id=f"bench-{i}", source=f"outlet-{i % 40}", title=f"Night report {i}",
                    url=f"https://news.example/{i}", published=now - timedelta(minutes=i % 600))  # fmt: skip
        batch.append((item, Facts(strikes=(strike,))))
    for start in range(0, items, 64):
        figures.add(batch[start : start + 64], now)
    sources = DigestSources(figures, SilenceStore(client, keys))

    started = time.perf_counter()
    render_png({}, {})  # also imports matplotlib: the service's first digest pays this once
    cold = time.perf_counter() - started
    started = time.perf_counter()
    render_png({night_of(now): {}}, {})
    empty = time.perf_counter() - started
    started = time.perf_counter()
    made = compose(sources, now, 86_400, 90)
    composed = time.perf_counter() - started
    png = render_png(made.nights, made.night_records)
    total = time.perf_counter() - started
    print(f"digest of a night with {items} items: {total:.2f} s (compose {composed:.2f} s, "
          f"PNG {len(png) // 1024} KB; target < 2 s); empty chart {empty:.2f} s, ratio {total / empty:.1f}x; "
          f"matplotlib import and first chart {cold:.2f} s, once per process")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=300)
    parser.add_argument("--items", type=int, default=1000)
    args = parser.parse_args()
    import os

    with tempfile.TemporaryDirectory() as data:
        connection = connect(os.environ.get("REDIS_URL"), Path(data))
        keys = Keys(f"bench-{uuid.uuid4().hex[:8]}")
        try:
            asyncio.run(clicks(connection.client, keys, args.clicks))
            digest(connection.client, keys, args.items)
        finally:
            RedisStateStore(connection.client, keys).reset()
            connection.close()


if __name__ == "__main__":
    main()
