"""``monitor demo``: a saved corpus served as a feed on loopback, and the service running on it.

No Docker and no internet: the corpus (the repository's seeds/ by default) is served by
``monitor feeds serve``'s feed app in a background thread, a feeds file pointing at it is
written to a temporary folder, and ``monitor run`` polls it with the console sink and Slack in
dry-run (the Block Kit JSON that would be posted). Each demo starts from a clean namespace.
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
from pathlib import Path

import click

from monitor.cli import run
from monitor.cli.common import config_option, fail, invocation, redis_or_exit, settings

DEFAULT_CORPUS = Path("seeds")
#: The demo's feeds file: the corpus feed, polled every 10 s (the shortest interval allowed).
PORT, PATH = click.IntRange(0, 65535), click.Path(path_type=Path)
FEEDS = "feeds:\n  - name: seed-corpus\n    url: {url}\n    interval: 10s\n    tags: [demo]\n"


class CorpusServer:
    """The corpus feed app on 127.0.0.1 in a thread of its own; ``url`` once started."""

    def __init__(self, corpus: list[Path], batch: int, every: float, port: int) -> None:
        from monitor.sources.corpusfeed import CorpusFeed
        from monitor.sources.replay import replay_items

        self.feed = CorpusFeed(replay_items(corpus), title="seed corpus", batch=batch, every=every)
        self.port = port
        self.url = ""
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._error: OSError | None = None
        self._thread = threading.Thread(target=asyncio.run, args=(self._serve(),), daemon=True)

    def start(self) -> str:
        self._thread.start()
        self._ready.wait(30)
        if self._error is not None:
            raise self._error
        return self.url

    async def _serve(self) -> None:
        from aiohttp import web

        from monitor.sources.corpusfeed import feed_app

        self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
        runner = web.AppRunner(feed_app(self.feed), access_log=None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, "127.0.0.1", self.port)
            await site.start()
            port = runner.addresses[0][1]
            self.url = f"http://127.0.0.1:{port}/feed.xml"
        except OSError as exc:
            self._error = exc
        self._ready.set()
        if self._error is None:
            await self._stop.wait()
        await runner.cleanup()

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)


def _allow_loopback(ctx: click.Context) -> None:
    """This invocation's settings with 127.0.0.1 (and only it) added to outbound.allow."""
    current = invocation(ctx)
    loaded = settings(ctx)
    outbound = loaded.outbound.model_copy(update={"allow": [*loaded.outbound.allow, "127.0.0.1/32"]})
    current.settings = loaded.model_copy(update={"outbound": outbound})


@click.command("demo")
@click.argument("corpus", nargs=-1, type=click.Path(path_type=Path))
@click.option("--batch", type=click.IntRange(1), default=2, show_default=True, help="Articles per step.")
@click.option("--every", default="10s", show_default=True, help="Time between steps (0s: all at once).")
@click.option("--port", type=PORT, default=0, help="Corpus feed port [default: a free one].")
@click.option("--rules", "rules_dirs", multiple=True, type=PATH, help="Rules folder [default: rules].")
@click.option("--redis", "redis_url", metavar="URL", help="Redis URL [default: $REDIS_URL, else embedded].")
@click.option("--data-dir", type=click.Path(path_type=Path, file_okay=False), default=Path(".monitor"),
              show_default=True, help="Where the embedded Redis keeps its data.")  # fmt: skip
@click.option("--namespace", default="demo", show_default=True, help="Key namespace (cleared at start).")
@click.option("--metrics-port", type=PORT, default=0, help="/metrics port [default: 0, none].")
@config_option
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
@click.pass_context
def command(
    ctx: click.Context,
    corpus: tuple[Path, ...],
    batch: int,
    every: str,
    port: int,
    rules_dirs: tuple[Path, ...],
    redis_url: str | None,
    data_dir: Path,
    namespace: str,
    metrics_port: int,
    verbose: int,
) -> None:
    """Serve a saved corpus [default: seeds/] as a feed on loopback and run the service on it.

    Alerts print on the console, with the Slack messages they would become (dry run). Stop
    with Ctrl-C.
    """
    from monitor.models.duration import parse_duration
    from monitor.sources.replay import ReplayError
    from monitor.state.keys import Keys
    from monitor.state.store import RedisStateStore

    paths = list(corpus) or [DEFAULT_CORPUS]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"{', '.join(missing)}: no such corpus; name a folder of saved articles (as seeds/)")
    try:
        server = CorpusServer(paths, batch, parse_duration(every), port)
        url = server.start()
    except (ReplayError, ValueError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot serve the corpus on 127.0.0.1:{port}: {exc.strerror}")
    connection = redis_or_exit(redis_url, data_dir)
    try:
        RedisStateStore(connection.client, Keys(namespace)).reset()  # every demo shows the whole shift
    finally:
        connection.close()
    _allow_loopback(ctx)  # the corpus feed is on 127.0.0.1, which outbound policy refuses
    click.echo(f"demo: {len(server.feed.items)} articles on {url}, {batch} more every {every}", err=True)
    with tempfile.TemporaryDirectory(prefix="monitor-demo-") as folder:
        feeds = Path(folder) / "feeds.yaml"
        feeds.write_text(FEEDS.format(url=url), encoding="utf-8")
        try:
            ctx.invoke(
                run.command,
                feeds_path=feeds, rules_dirs=rules_dirs, sinks=("console", "slack-dry"),
                redis_url=redis_url, namespace=namespace, data_dir=data_dir,
                metrics_port=metrics_port, verbose=verbose,
            )  # fmt: skip
        finally:
            server.stop()
