"""Rule templates on Jinja2's sandboxed environment: feed text is data, never code."""

from __future__ import annotations

from typing import Any

from jinja2 import ChainableUndefined, StrictUndefined, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

# Runtime rendering tolerates a fact that lacks a value (it renders empty); the load-time
# check renders strictly against a sample context so typos fail before any item arrives.
_RUNTIME = ImmutableSandboxedEnvironment(autoescape=False, undefined=ChainableUndefined)
_STRICT = ImmutableSandboxedEnvironment(autoescape=False, undefined=StrictUndefined)
#: Rendered templates are cut to this length; a title built from feed text stays bounded.
MAX_RENDERED = 2_000


class TemplateError(ValueError):
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

    def render(self, context: dict[str, Any]) -> str:
        """Render; a failure renders a marker instead of stopping the pipeline."""
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
