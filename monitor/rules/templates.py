"""Rule templates on a bounded Jinja2 sandbox: feed text is data, never code, and never a hang."""

from __future__ import annotations

import logging
import re
from typing import Any

from jinja2 import ChainableUndefined, StrictUndefined, TemplateSyntaxError
from jinja2 import Template as JinjaTemplate

from monitor.errors import InputError
from monitor.rules.templatebounds import BoundedSandbox, TemplateBoundError, TemplateLimits, render_bounded

#: Rendered templates are cut to this length; a title built from feed text stays bounded.
MAX_RENDERED = 2_000
#: Longest template source; a rule's title or key is a line, not a document.
MAX_SOURCE = 10_000
LIMITS = TemplateLimits()
log = logging.getLogger(__name__)
# Runtime rendering tolerates a fact that lacks a value (it renders empty); the load-time
# check renders strictly against a sample context so typos fail before any item arrives.
_RUNTIME = BoundedSandbox(ChainableUndefined, LIMITS)
_STRICT = BoundedSandbox(StrictUndefined, LIMITS)
#: Templates made of text and plain lookups ('{{ item.id }}', '{{ fact.size }} drones') skip Jinja
#: (compiling costs about a millisecond; 10,000 rules have 40,000 templates).
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)(?:\.([a-z_]+))?\s*\}\}")
_MISSING = object()
#: What a render that fails or passes a bound shows instead (the run goes on).
FALLBACK = "(template error: {kind})"


class TemplateError(InputError, ValueError):
    """A template that does not compile, or one too long."""


class Template:
    """A compiled template; ``failures`` counts renders that fell back (errors, bounds passed)."""

    def __init__(self, source: str, label: str = "template") -> None:
        if len(source) > MAX_SOURCE:
            raise TemplateError(f"template longer than {MAX_SOURCE} characters")
        self.source = source
        #: Which rule and field this is ('rule mass-drone-attack, title'), for the failure log.
        self.label = label
        self.failures = 0
        self.last_failure: str | None = None
        self._parts = _interpolation(source)
        self._runtime: JinjaTemplate | None = None
        if self._parts is None:
            self._runtime = _compile(_RUNTIME, source)

    def render(self, context: dict[str, Any]) -> str:
        """Render; a failure or a passed bound renders a marker instead of stopping the pipeline."""
        if self._parts is not None:
            return str(_fill(self._parts, context))[:MAX_RENDERED]
        assert self._runtime is not None
        try:
            text = render_bounded(self._runtime, context, LIMITS)
        except Exception as exc:  # a template that fails at run time: counted, shown, never fatal
            self.failures += 1
            self.last_failure = str(exc) if isinstance(exc, TemplateBoundError) else type(exc).__name__
            text = FALLBACK.format(kind=type(exc).__name__)
            if self.failures & (self.failures - 1) == 0:  # the 1st, 2nd, 4th, 8th... failure
                log.warning(
                    "%s: render failed (%s), fallback text used; %d failure(s) so far",
                    self.label, self.last_failure, self.failures,
                )  # fmt: skip
        return text[:MAX_RENDERED]

    def check(self, context: dict[str, Any]) -> str | None:
        """Render strictly with a sample context: the error message, or None when it renders."""
        if self._parts is not None and _fill(self._parts, context, strict=True) is not None:
            return None
        try:
            render_bounded(_compile(_STRICT, self.source), context, LIMITS)
        except TemplateBoundError as exc:
            return f"template exceeds a bound: {exc}"
        except TemplateError as exc:
            return str(exc)
        except Exception as exc:
            return f"template error: {exc}"
        return None


def _compile(env: BoundedSandbox, source: str) -> JinjaTemplate:
    try:
        return env.from_string(source)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"template error: {exc.message}") from None
    except TemplateBoundError as exc:
        raise TemplateError(f"template exceeds a bound: {exc}") from None


def _interpolation(source: str) -> list[str | tuple[str, str | None]] | None:
    """Text and lookups when the template is nothing else; None when it needs Jinja."""
    parts: list[str | tuple[str, str | None]] = []
    end = 0
    for found in _PLACEHOLDER.finditer(source):
        parts.append(source[end : found.start()])
        parts.append((found.group(1), found.group(2)))
        end = found.end()
    parts.append(source[end:])
    if any(isinstance(p, str) and ("{" in p or "}" in p) for p in parts):
        return None
    return parts


def _fill(parts: list[str | tuple[str, str | None]], context: dict[str, Any], strict: bool = False) -> Any:
    """What Jinja renders for text and '{{ name }}' / '{{ name.attr }}' lookups ('' when undefined);
    strict: None when a lookup is undefined."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        value = _look_up(context, *part)
        if value is _MISSING and strict:
            return None
        out.append("" if value is _MISSING else str(value))
    return "".join(out)


def _look_up(context: dict[str, Any], name: str, attr: str | None) -> Any:
    value = context.get(name, _MISSING)
    if attr is not None and value is not _MISSING:
        value = value.get(attr, _MISSING) if isinstance(value, dict) else getattr(value, attr, _MISSING)
    return value
