"""Rule templates on a bounded Jinja2 sandbox: feed text is data, never code, and never a hang."""

from __future__ import annotations

import functools
import logging
import re
from contextvars import ContextVar
from typing import Any

from jinja2 import ChainableUndefined, TemplateSyntaxError
from jinja2 import Template as JinjaTemplate

from monitor.errors import InputError
from monitor.rules.templatebounds import BoundedSandbox, TemplateBoundError, TemplateLimits, render_bounded

#: Rendered templates are cut to this length; a title built from feed text stays bounded.
MAX_RENDERED = 2_000
#: Longest template source; a rule's title or key is a line, not a document.
MAX_SOURCE = 10_000
LIMITS = TemplateLimits()
log = logging.getLogger(__name__)
#: Set while `check` renders: an undefined value then fails as StrictUndefined would.
_STRICT: ContextVar[bool] = ContextVar("monitor_template_strict", default=False)


class CheckedUndefined(ChainableUndefined):
    """Runtime rendering tolerates a fact that lacks a value (it renders empty); the load-time
    check renders strictly against a sample context so typos fail before any item arrives.
    One class for both, so each template is compiled once."""

    __slots__ = ()


def _checked(name: str) -> Any:
    def method(self: CheckedUndefined, *args: Any, **kwargs: Any) -> Any:
        if _STRICT.get():
            self._fail_with_undefined_error()
        return getattr(ChainableUndefined, name)(self, *args, **kwargs)

    return method


for _name in ("__str__", "__iter__", "__len__", "__bool__", "__eq__", "__ne__", "__contains__"):
    setattr(CheckedUndefined, _name, _checked(_name))
CheckedUndefined.__hash__ = ChainableUndefined.__hash__  # type: ignore[method-assign]
_ENV = BoundedSandbox(CheckedUndefined, LIMITS)
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
        self._text: dict[str, Any] = {}
        if self._parts is None:
            self._runtime, self._text = _compile_shared(source)

    @property
    def shape(self) -> tuple[Any, ...] | None:
        """What a strict ``check`` depends on besides its context, when less than the source: the
        compiled skeleton and the lengths of the text lifted out of it, if that text is only
        emitted (no tag but if/for may hold it, so only its length can pass a bound). None:
        the source itself (text that a block could filter or capture, or a template that names
        the rule, whose values differ). A plain interpolation's shape is its lookups."""
        if "rule" in self.source:
            return None
        if self._parts is not None:
            return ("", tuple(part for part in self._parts if not isinstance(part, str)))
        if not self._text:
            return None
        if any(not _EMITS_ONLY.match(tag) for tag in _BLOCK.findall(self.source)):
            return None
        return _skeleton(self.source), tuple(len(t) for t in self._text[_TEXT])

    def render(self, context: dict[str, Any]) -> str:
        """Render; a failure or a passed bound renders a marker instead of stopping the pipeline."""
        if self._parts is not None:
            return str(_fill(self._parts, context))[:MAX_RENDERED]
        assert self._runtime is not None
        try:
            text = render_bounded(self._runtime, {**context, **self._text}, LIMITS)
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
        token = _STRICT.set(True)
        try:
            render_bounded(self._runtime or _compile(self.source), {**context, **self._text}, LIMITS)
        except TemplateBoundError as exc:
            return f"template exceeds a bound: {exc}"
        except TemplateError as exc:
            return str(exc)
        except Exception as exc:
            return f"template error: {exc}"
        finally:
            _STRICT.reset(token)
        return None


def _compile(source: str) -> JinjaTemplate:
    try:
        return _ENV.from_string(source)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"template error: {exc.message}") from None
    except TemplateBoundError as exc:
        raise TemplateError(f"template exceeds a bound: {exc}") from None


#: Templates' tags; the text between them is lifted out so templates that differ only in
#: their text share one compiled skeleton (compiling costs ~2 ms; 10,000 rules' titles differ
#: in words, rarely in structure).
_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.DOTALL)
_TEXT = "__monitor_text__"
#: Block tags; those that only choose or repeat what is emitted (the text between them is
#: then output as it is, never filtered or captured).
_BLOCK = re.compile(r"\{%-?\s*(.*?)-?%\}", re.DOTALL)
_EMITS_ONLY = re.compile(r"(if|elif|else|endif|for|endfor)\b")
_MARKERS = ("{{", "}}", "{%", "%}", "{#", "#}")
_SKELETONS: dict[str, JinjaTemplate] = {}
MAX_SKELETONS = 10_000


def _compile_shared(source: str) -> tuple[JinjaTemplate, dict[str, Any]]:
    """The compiled skeleton of ``source`` and the text to render it with; the template itself
    when lifting the text could change its meaning (whitespace control, raw blocks, comments)."""
    pieces = _TAG.split(source)
    texts = pieces[0::2]
    plain = not any(m in text for text in texts for m in _MARKERS)
    tags = pieces[1::2]
    if not plain or any(
        t.startswith(("{#", "{%-", "{{-")) or t.endswith(("-}}", "-%}")) or "raw" in t for t in tags
    ):
        return _compile(source), {}
    skeleton = _skeleton(source)
    compiled = _SKELETONS.get(skeleton)
    if compiled is None:
        compiled = _compile(skeleton)
        if len(_SKELETONS) >= MAX_SKELETONS:
            _SKELETONS.clear()
        _SKELETONS[skeleton] = compiled
    return compiled, {_TEXT: texts}


def _skeleton(source: str) -> str:
    """The source with each run of text between tags replaced by a lookup of that text."""
    pieces = _TAG.split(source)
    return "".join(
        f"{{{{ {_TEXT}[{i // 2}] }}}}" if i % 2 == 0 and piece else piece for i, piece in enumerate(pieces)
    )


@functools.lru_cache(maxsize=4096)
def _interpolation(source: str) -> tuple[str | tuple[str, str | None], ...] | None:
    """Text and lookups when the template is nothing else; None when it needs Jinja. Cached:
    10,000 rules share a few dozen key and text templates ('{{ item.id }}')."""
    parts: list[str | tuple[str, str | None]] = []
    end = 0
    for found in _PLACEHOLDER.finditer(source):
        parts.append(source[end : found.start()])
        parts.append((found.group(1), found.group(2)))
        end = found.end()
    parts.append(source[end:])
    if any(isinstance(p, str) and ("{" in p or "}" in p) for p in parts):
        return None
    return tuple(parts)


def _fill(
    parts: tuple[str | tuple[str, str | None], ...], context: dict[str, Any], strict: bool = False
) -> Any:
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
