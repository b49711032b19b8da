"""The tools' own speed, as a user feels it: `monitor --help`, and `make replay` on the
embedded Redis against the same replay on a running Redis.

Each figure is the median wall-clock time of whole processes, measured in this run beside its
baseline: ``python -c pass`` (the interpreter alone) for ``--help``; the replay with
``--redis URL`` of a running server (REDIS_URL, else a redis-server this script starts) for
the embedded one. Targets (issue 13): ``--help`` under 300 ms; embedded replay within 1 s of
the running-Redis replay. Run: ``.venv/bin/python benchmarks/bench_startup.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MONITOR = Path(sys.executable).with_name("monitor")


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("MONITOR_", "REDIS_URL"))}


def timed(argv: Sequence[str], runs: int, prepare: object = None) -> float:
    """Median seconds of ``runs`` runs of ``argv`` (which must succeed)."""
    times = []
    for _ in range(runs):
        if callable(prepare):
            prepare()
        started = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, env=_env(), check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


@contextmanager
def running_redis() -> Iterator[str]:
    """REDIS_URL when set, else a redis-server on a free loopback port for this run."""
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    from monitor.state.embedded import server_binary

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = tempfile.mkdtemp(prefix="bench-redis-")
    args = [server_binary(), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", folder]
    server = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.01)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs

    bare = timed([sys.executable, "-c", "pass"], runs)
    helped = timed([str(MONITOR), "--help"], runs)
    print(f"python -c pass      {bare * 1000:7.0f} ms   (baseline: the interpreter alone)")
    print(f"monitor --help      {helped * 1000:7.0f} ms   {helped / bare:5.1f}x the baseline; "
          f"target < 300 ms: {'met' if helped < 0.3 else 'NOT met'}")  # fmt: skip

    replay = [str(MONITOR), "replay", "seeds/", "--fresh", "--sink", "jsonl:-"]
    with running_redis() as url:
        on_server = timed([*replay, "--redis", url, "--namespace", "bench-startup"], runs)
    data = Path(tempfile.mkdtemp(prefix="bench-embedded-"))
    try:
        embedded = timed([*replay, "--data-dir", str(data)], runs, lambda: shutil.rmtree(data, True))
    finally:
        shutil.rmtree(data, ignore_errors=True)
    gap = embedded - on_server
    print(f"replay, running Redis  {on_server:6.2f} s   (baseline)")
    print(f"replay, embedded Redis {embedded:6.2f} s   {embedded / on_server:5.2f}x the baseline, "
          f"{gap:+.2f} s; target within 1 s: {'met' if gap <= 1.0 else 'NOT met'}")  # fmt: skip


if __name__ == "__main__":
    main()
