"""Bounds on what one template render may cost: loop steps, output size, operand sizes, time.

Jinja's sandbox stops attribute tricks but not cost: ``range(100000)`` nested twice, ``'A' *
4000000000`` (folded at compile time), ``x ~ x`` doubled thirty times. Here every loop draws from
a per-render step budget, every ``*``, ``**``, ``%``, ``~``, call and filter has its operands and
result sized first, and output stops at a cap; passing any bound raises TemplateBoundError.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from monitor.errors import BoundExceededError

#: Names the rewritten templates call; a rule's template cannot refer to them (not identifiers
#: a YAML author would write, and the context never holds them).
STEPS = "__monitor_steps__"
CONCAT = "__monitor_concat__"
_WIDE_FORMAT = re.compile(r"%[-#0 +]*(?:\*|\d{6,})|\{[^}]*\d{6,}[^}]*\}")


class TemplateBoundError(BoundExceededError, SecurityError):
    """A render that passed a bound of TemplateLimits; the message names the bound."""


@dataclass(frozen=True)
class TemplateLimits:
    """Per-render bounds (the default ones apply at `rules check` and at run time)."""

    #: Loop iterations in one render, all loops together.
    max_steps: int = 10_000
    #: Characters of output, and the size of any one value built while rendering.
    max_size: int = 64 * 1024
    #: CPU-time backstop for one render (this thread's CPU time, ``time.thread_time``), checked at
    #: each 256th loop step and output chunk. CPU time rather than the wall clock: a render that
    #: waits for the GIL or for a loaded machine's cores is not an expensive template, and a
    #: wall-clock bound turned such waits into "(template error)" titles on a busy machine.
    max_seconds: float = 0.5
    #: Largest number given to a call or filter (widths, counts) and range() length.
    max_number: int = 100_000


class RenderBudget:
    """What one render has spent; handed to the template as the loop and concat guards."""

    def __init__(self, limits: TemplateLimits) -> None:
        self.limits = limits
        self.steps = 0
        self.deadline = time.thread_time() + limits.max_seconds

    def tick(self) -> None:
        self.steps += 1
        if self.steps > self.limits.max_steps:
            raise TemplateBoundError(f"more than {self.limits.max_steps} loop steps")
        if self.steps % 256 == 0:
            self.check_time()

    def check_time(self) -> None:
        if time.thread_time() > self.deadline:
            raise TemplateBoundError(f"rendering used more than {self.limits.max_seconds:g}s of CPU")

    def loop(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for value in iterable:
            self.tick()
            yield value

    def concat(self, *parts: Any) -> str:
        text = "".join(str(check_size(part, self.limits)) for part in parts)
        return str(check_size(text, self.limits))

    def context(self) -> dict[str, Any]:
        return {STEPS: self.loop, CONCAT: self.concat}


def check_size(value: Any, limits: TemplateLimits) -> Any:
    """``value`` unchanged when it is small enough to turn into text; TemplateBoundError if not."""
    budget = limits.max_size
    stack, seen = [value], 0
    while stack:
        current = stack.pop()
        seen += 1
        if isinstance(current, str | bytes):
            budget -= len(current)
        elif isinstance(current, list | tuple | set | frozenset):
            budget -= len(current)
            stack.extend(current)
        elif isinstance(current, dict):
            budget -= len(current)
            stack.extend(current.keys())
            stack.extend(current.values())
        elif isinstance(current, int) and not isinstance(current, bool):
            budget -= current.bit_length() // 3
        if budget < 0 or seen > limits.max_steps:
            raise TemplateBoundError(f"a value larger than {limits.max_size} characters")
    return value


def _check_number(value: Any, limits: TemplateLimits) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > limits.max_number:
        raise TemplateBoundError(f"number {value} is larger than {limits.max_number}")
    if isinstance(value, str) and _WIDE_FORMAT.search(value):
        raise TemplateBoundError("a format width larger than 99999")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox with every costly operation sized before it runs."""

    intercepted_binops = frozenset({"*", "**", "%", "+", "//"})

    def __init__(self, undefined: type[Undefined], limits: TemplateLimits | None = None) -> None:
        super().__init__(autoescape=False, undefined=undefined, optimized=False, finalize=self._finalize)
        self.limits = limits or TemplateLimits()
        self.globals["range"] = self._range
        self.filters = {name: self._bounded(func) for name, func in self.filters.items()}

    def _finalize(self, value: Any) -> Any:
        return check_size(value, self.limits)

    def _range(self, *args: int) -> range:
        for arg in args:
            _check_number(arg, self.limits)
        found = range(*args)
        if len(found) > self.limits.max_number:
            raise TemplateBoundError(f"range longer than {self.limits.max_number}")
        return found

    def _bounded(self, func: Callable[..., Any]) -> Callable[..., Any]:
        limits = self.limits

        def bounded(*args: Any, **kwargs: Any) -> Any:
            for arg in (*args, *kwargs.values()):
                if not isinstance(arg, Context):
                    _check_number(arg, limits)
                    check_size(arg, limits)
            return check_size(func(*args, **kwargs), limits)

        for attr in ("jinja_pass_arg", "__name__", "__doc__"):
            if hasattr(func, attr):
                setattr(bounded, attr, getattr(func, attr))
        return bounded

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        limits = self.limits
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(times, int)
                if sized and len(seq) * max(times, 0) > limits.max_size:
                    raise TemplateBoundError(f"a value larger than {limits.max_size} characters")
        powers = operator == "**" and isinstance(left, int) and isinstance(right, int)
        if powers and abs(left) > 1 and right * abs(left).bit_length() > 3 * limits.max_size:
            raise TemplateBoundError("a power too large to compute")
        if operator == "%" and isinstance(left, str):
            _check_number(left, limits)
        return check_size(super().call_binop(context, operator, left, right), limits)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        limits = __self.limits
        # str.format arrives wrapped by the sandbox (functools.update_wrapper keeps __wrapped__)
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        if isinstance(owner, str):
            _check_number(owner, limits)
        for arg in (*args, *kwargs.values()):
            _check_number(arg, limits)
            check_size(arg, limits)
        return check_size(super().call(__context, __obj, *args, **kwargs), limits)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Every loop draws from the render's step budget; every ``~`` is sized."""
        tree = super()._parse(source, name, filename)
        _guard(tree)
        return tree


def _guard(node: nodes.Node) -> None:
    """Rewrite in place, in one walk: For.iter -> steps(iter), Concat(a, b) -> concat(a, b)."""
    for field in node.fields:
        child = getattr(node, field, None)
        if isinstance(child, nodes.Node):
            _guard(child)
            if isinstance(child, nodes.Concat):
                setattr(node, field, _sized_concat(child))
        elif isinstance(child, list):
            for item in child:
                if isinstance(item, nodes.Node):
                    _guard(item)
            setattr(node, field, [_sized(item) for item in child])
    if isinstance(node, nodes.For):
        node.iter = nodes.Call(nodes.Name(STEPS, "load"), [node.iter], [], None, None)


def _sized(node: Any) -> Any:
    return _sized_concat(node) if isinstance(node, nodes.Concat) else node


def _sized_concat(node: nodes.Concat) -> nodes.Call:
    return nodes.Call(nodes.Name(CONCAT, "load"), list(node.nodes), [], None, None, lineno=node.lineno)


def render_bounded(template: Any, context: dict[str, Any], limits: TemplateLimits) -> str:
    """Render with a fresh budget, stopping as soon as the output passes ``max_size``."""
    budget = RenderBudget(limits)
    parts: list[str] = []
    size = 0
    for chunk in template.generate({**context, **budget.context()}):
        size += len(chunk)
        if size > limits.max_size:
            raise TemplateBoundError(f"output longer than {limits.max_size} characters")
        budget.check_time()
        parts.append(chunk)
    return "".join(parts)
