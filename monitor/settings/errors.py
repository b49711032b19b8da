"""The error every configuration problem becomes: one line per problem, never a secret value."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.errors import InputError


class SettingsError(InputError, ValueError):
    """Bad or missing configuration: the message names each setting, never its value.

    ``lines`` holds one line per problem (``file:line:col: field: message`` for the config
    file, ``MONITOR_X__Y (config: x.y): message`` for the environment).
    """

    def __init__(self, message: str, lines: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.lines = list(lines) or [message]
