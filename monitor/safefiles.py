"""Reading files users point us at: regular files only, size capped, never blocking on a FIFO."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from monitor.errors import BoundExceededError


class FileRefusedError(BoundExceededError, OSError):
    """A path that is not a regular file, or is larger than allowed; the message says which."""


def kind_of(mode: int) -> str:
    """A reader's name for what a path is (for 'skipped: a FIFO')."""
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` (symlinks followed) if it is a regular file of at most ``max_bytes``.

    Opened non-blocking and checked with fstat on the open descriptor, so a FIFO or a device
    (a symlink to /dev/zero) is refused before anything is read, and a file that grows while
    being read is cut off at the cap.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefusedError(f"{kind_of(info.st_mode)}, not a regular file")
        if info.st_size > max_bytes:
            raise FileRefusedError(f"larger than {max_bytes} bytes ({info.st_size})")
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, 1024 * 1024):
            size += len(chunk)
            if size > max_bytes:
                raise FileRefusedError(f"larger than {max_bytes} bytes (grew while read)")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
