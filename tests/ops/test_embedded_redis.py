"""The embedded Redis never outlives the process that started it: normal exit, a crash, SIGKILL."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import psutil
import pytest

from monitor.state.connection import connect
from monitor.state.embedded import REGISTRY
from tests.ops.conftest import base_env, wait_for

#: A child that starts the embedded Redis, prints the server's pid, then ends as told on stdin.
CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from monitor.state.connection import connect

    connection = connect(None, Path(sys.argv[1]))
    connection.client.set("kept", "yes")
    print(json.loads((Path(sys.argv[1]) / "embedded.json").read_text())["pid"], flush=True)
    how = sys.stdin.readline().strip()
    if how == "crash":
        raise RuntimeError("a crash the process does not handle")
    if how == "close":
        connection.close()
    """
)


def _gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def _start_child(data_dir: Path) -> tuple[subprocess.Popen[str], int]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=base_env(),
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.strip().isdigit(), child.communicate()[1]
    server = int(line)
    assert not _gone(server)
    return child, server


@pytest.mark.parametrize("how", ["close", "crash", "sigkill"])
async def test_the_server_ends_with_its_owner(tmp_path: Path, how: str) -> None:
    child, server = _start_child(tmp_path)
    if how == "sigkill":
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
    else:
        _, err = child.communicate(f"{how}\n", timeout=30)
        assert child.returncode == (1 if how == "crash" else 0), err
        if how == "crash":
            assert "RuntimeError" in err
    await wait_for(lambda: _gone(server), 15, f"redis-server {server} to exit after a {how}")
    if how != "sigkill":  # SIGKILL: the server gets SIGTERM too, but the registry stays behind
        assert not (tmp_path / REGISTRY).exists()
    # the data survived (SIGTERM saves), and a stale registry does not stop a new start
    again = connect(None, tmp_path)
    try:
        assert again.client.get("kept") == b"yes"
        assert again.embedded is not None and again.embedded.owned
    finally:
        again.close()


def test_a_second_process_shares_the_running_server(tmp_path: Path) -> None:
    owner = connect(None, tmp_path)
    try:
        pid = json.loads((tmp_path / REGISTRY).read_text())["pid"]
        guest = connect(None, tmp_path)
        assert guest.url == owner.url
        assert guest.embedded is not None and not guest.embedded.owned
        guest.client.set("from-guest", 1)
        guest.close()  # a guest leaves the owner's server running
        assert owner.client.get("from-guest") == b"1"
    finally:
        owner.close()
    assert _gone(pid)


def test_a_long_data_folder_still_gets_a_socket(tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["a-rather-long-folder-name"] * 5)
    connection = connect(None, deep)
    try:
        assert connection.client.ping()
        assert len(connection.url) < 120
    finally:
        connection.close()
