"""JSON-lines sink: one alert object per line, the machine-readable output contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from monitor.models import Alert
from monitor.sinks.base import DeliveryError


def alert_json(alert: Alert) -> str:
    """The alert as one line of JSON (the documented output contract)."""
    return json.dumps(alert.model_dump(mode="json"), ensure_ascii=False, sort_keys=False)


class JsonlSink:
    """Appends each alert to a file (``-`` for standard output), flushed per alert."""

    def __init__(self, path: str, stream: IO[str] | None = None) -> None:
        self.name = f"jsonl:{path}"
        self._path = path
        self._stream = stream

    def _open(self) -> IO[str]:
        if self._stream is None:
            if self._path == "-":
                import sys

                self._stream = sys.stdout
            else:
                target = Path(self._path)
                target.parent.mkdir(parents=True, exist_ok=True)
                self._stream = target.open("a", encoding="utf-8")
        return self._stream

    async def send(self, alert: Alert) -> str:
        try:
            stream = self._open()
            stream.write(alert_json(alert) + "\n")
            stream.flush()
        except OSError as exc:
            raise DeliveryError(f"cannot write {self._path}: {exc.strerror}", retryable=True) from None
        return alert.alert_id

    async def close(self) -> None:
        if self._stream is not None and self._path != "-":
            self._stream.close()
        self._stream = None
