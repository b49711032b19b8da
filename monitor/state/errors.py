"""Redis failures by kind, each with its own message and behaviour: wait for it, or stop and say so.

=============  ===========================================  =======================================
kind           raised as                                    what the monitor does
=============  ===========================================  =======================================
unreachable    ConnectionError, TimeoutError, OSError,      pause, reconnect with backoff, resume
               BusyLoadingError (a restart loading data)
full           OutOfMemoryError (maxmemory, noeviction)     replay: exit 2; service: unready, polls
                                                            and deliveries paused until a write works
read-only      ReadOnlyError (a replica, or a failover)     as full
auth           AuthenticationError, NoPermissionError       exit 2 (a wrong password never heals)
wrong-type     WRONGTYPE (another program's key in our      exit 2: the namespace is shared
               namespace)
=============  ===========================================  =======================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import redis

Kind = Literal["unreachable", "full", "read-only", "auth", "wrong-type", "error"]


@dataclass(frozen=True)
class RedisProblem:
    """What went wrong with Redis, in words an operator can act on."""

    kind: Kind
    message: str

    @property
    def needs_write_probe(self) -> bool:
        """PING answers while Redis refuses writes: only a write shows it is usable again."""
        return self.kind in {"full", "read-only"}


def classify(exc: BaseException, where: str) -> RedisProblem:
    """The kind of a Redis failure at ``where`` (a masked URL) and a one-line message for it."""
    text = str(exc)
    # order matters: AuthenticationError is a ConnectionError, OutOfMemoryError a ResponseError
    if isinstance(exc, redis.AuthenticationError | redis.exceptions.NoPermissionError) or text.startswith(
        ("NOAUTH", "WRONGPASS", "NOPERM")
    ):
        return RedisProblem("auth", f"Redis at {where} refused the credentials or the command (auth)")
    if isinstance(exc, redis.exceptions.OutOfMemoryError) or "OOM command not allowed" in text:
        return RedisProblem(
            "full",
            f"Redis at {where} is full (maxmemory reached, writes refused): free memory or raise "
            "maxmemory, then run again; nothing was lost",
        )
    if isinstance(exc, redis.exceptions.ReadOnlyError) or text.startswith("READONLY"):
        return RedisProblem(
            "read-only", f"Redis at {where} is a read-only replica: point REDIS_URL at the primary"
        )
    if "WRONGTYPE" in text:
        return RedisProblem(
            "wrong-type",
            f"Redis at {where} holds a key of the wrong type in this namespace (another program "
            "writes there?): use a namespace of its own",
        )
    if isinstance(exc, redis.ConnectionError | redis.TimeoutError | OSError):
        return RedisProblem("unreachable", f"Redis at {where} unavailable ({type(exc).__name__})")
    return RedisProblem("error", f"Redis at {where} answered an error: {text.splitlines()[0][:200]}")
