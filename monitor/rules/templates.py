"""Rule templates on Jinja2's sandboxed environment: feed text is data, never code."""

from __future__ import annotations

import re
from typing import Any

from jinja2 import ChainableUndefined, StrictUndefined, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from monitor.errors import InputError

# Runtime rendering tolerates a fact that lacks a value (it renders empty); the load-time
# check renders strictly against a sample context so typos fail before any item arrives.
_RUNTIME = ImmutableSandboxedEnvironment(autoescape=False, undefined=ChainableUndefined)
_STRICT = ImmutableSandboxedEnvironment(autoescape=False, undefined=StrictUndefined)
#: Rendered templates are cut to this length; a title built from feed text stays bounded.
MAX_RENDERED = 2_000
#: A template that is one plain lookup ('{{ item.id }}', '{{ group }}') skips Jinja at run time:
#: matching thousands of rules renders many of them.
_LOOKUP = re.compile(r"^\{\{\s*([a-z_]+)(?:\.([a-z_]+))?\s*\}\}$")
_MISSING = object()


class TemplateError(InputError, ValueError):
    """A template that does not compile."""


class Template:
    """A compiled template."""

    def __init__(self, source: str) -> None:
        self.source = source
        try:
            self._runtime = _RUNTIME.from_string(source)
            self._strict = _STRICT.from_string(source)
        except TemplateSyntaxError as exc:
            raise TemplateError(f"template error: {exc.message}") from None
        self._constant = source if "{" not in source else None
        lookup = _LOOKUP.match(source)
        self._lookup = lookup.groups() if lookup else None

    def render(self, context: dict[str, Any]) -> str:
        """Render; a failure renders a marker instead of stopping the pipeline."""
        if self._constant is not None:
            return self._constant[:MAX_RENDERED]
        if self._lookup is not None:
            return _look_up(context, *self._lookup)[:MAX_RENDERED]
        try:
            text = self._runtime.render(context)
        except Exception as exc:
            text = f"(template error: {type(exc).__name__})"
        return text[:MAX_RENDERED]

    def check(self, context: dict[str, Any]) -> str | None:
        """Render strictly with a sample context: the error message, or None when it renders."""
        try:
            self._strict.render(context)
        except Exception as exc:
            return f"template error: {exc}"
        return None


def _look_up(context: dict[str, Any], name: str, attr: str | None) -> str:
    """What Jinja renders for '{{ name }}' or '{{ name.attr }}' ('' when undefined)."""
    value = context.get(name, _MISSING)
    if attr is not None and value is not _MISSING:
        value = value.get(attr, _MISSING) if isinstance(value, dict) else getattr(value, attr, _MISSING)
    return "" if value is _MISSING else str(value)
