"""The one YAML reader for rules, feeds and settings: bounded in size, nesting and alias expansion.

libyaml (C) turns the text into events; the small composer here turns events into plain data
and positions, counting as it goes, so a hostile file (an alias bomb, 100,000 nested brackets,
a NUL byte) costs milliseconds and becomes one positioned error instead of a hang or a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from monitor.errors import InputError
from monitor.safefiles import FileRefusedError, read_capped

MIB = 1024 * 1024
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
#: Plain words YAML 1.1 reads as booleans or null; any other plain scalar starting with a
#: letter is a string (numbers, dates and the rest start with a digit, sign, dot or ~).
_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null"})
#: C0 controls but tab, LF and CR; DEL; C1 controls but NEL; lone surrogates; non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed


Loc = tuple[str | int, ...]
#: (line, column, message), 1-based; monitor.yamldoc turns them into Problems with the path.
Spot = tuple[int, int, str]


@dataclass
class Composed:
    """Plain data from one YAML file and the line and column of every key and value."""

    data: Any = None
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)


class YamlReadError(InputError):
    """A YAML file that cannot be read within its bounds, or is not YAML; ``spots`` says where."""

    def __init__(self, spots: list[Spot]) -> None:
        super().__init__("; ".join(f"{line}:{col}: {message}" for line, col, message in spots))
        self.spots = spots


@dataclass(frozen=True)
class YamlLimits:
    """What one YAML file may cost. A 20,000-rule file is about 2 MB, 6 levels deep, no aliases."""

    max_bytes: int = 16 * MIB
    #: Nesting of mappings and sequences (a rule's `when:` tree counts two levels per step).
    max_depth: int = 64
    #: Values produced by expanding aliases, in total (nine levels of nine `*a` need 387 million).
    max_alias_values: int = 100_000
    #: Longest single value (a title template, a keyword), in characters.
    max_scalar: int = 256 * 1024


class SafeYamlReader:
    """Reads one YAML document into plain data and positions, within YamlLimits."""

    def __init__(self, limits: YamlLimits | None = None) -> None:
        self.limits = limits or YamlLimits()

    def read(self, path: Path, text: str | None = None) -> Composed:
        name = str(path)
        source = self._text(path, name) if text is None else text
        if len(source) > self.limits.max_bytes:
            raise YamlReadError([(1, 1, f"file larger than {self.limits.max_bytes} bytes")])
        bad = _CONTROL.search(source)
        if bad is not None:
            line, col = _position(source, bad.start())
            char = f"U+{ord(bad.group()):04X}"
            raise YamlReadError([(line, col, f"control character {char} is not allowed")])
        doc = Composed()
        composer = _Composer(doc, _events(source), self.limits)
        doc.data = composer.document()  # YamlReadError at the first bound passed or syntax error
        if composer.problems:
            raise YamlReadError(composer.problems)
        return doc

    def _text(self, path: Path, name: str) -> str:
        try:
            data = read_capped(path, self.limits.max_bytes)
        except FileRefusedError as exc:
            raise YamlReadError([(1, 1, f"cannot read file: {exc}")]) from None
        except OSError as exc:
            raise YamlReadError([(1, 1, f"cannot read file: {exc.strerror}")]) from None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line, col = _position(data[: exc.start].decode("utf-8", "replace"), exc.start)
            raise YamlReadError([(line, col, "not UTF-8 text")]) from None


class _Events:
    """The parser's events, one ``get_event`` call each (yaml.parse adds a generator frame and a
    check_event call per event: a third of the cost of reading a 20,000-rule file)."""

    def __init__(self, source: str) -> None:
        self.loader = _Loader(source)
        self.get_event: Callable[[], yaml.Event] = self.loader.get_event

    def __iter__(self) -> Iterator[yaml.Event]:
        return self

    def __next__(self) -> yaml.Event:
        return self.get_event()


def _events(source: str) -> _Events:
    return _Events(source)


def _abort_at(spot: Spot) -> YamlReadError:
    """Composing stops at the first bound passed or syntax error: that one spot."""
    return YamlReadError([spot])


def _mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _position(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


class _Composer:
    """Events to plain data; marks every value's position; aliases replayed within a budget."""

    def __init__(self, doc: Composed, events: _Events, limits: YamlLimits) -> None:
        self.doc = doc
        self.events = events
        self.limits = limits
        self.problems: list[Spot] = []
        self.anchors: dict[str, list[yaml.Event]] = {}
        self._captures: list[list[yaml.Event]] = []
        self._expanded = 0
        self._constructor = SafeConstructor()
        self._resolver = Resolver()
        # the parser's own method when it has one: no generator frame per event
        self._next_event: Callable[[], yaml.Event] = getattr(events, "get_event", events.__next__)

    def document(self) -> Any:
        data: Any = None
        documents = 0
        while True:
            event = self._pull(self.events)
            if isinstance(event, yaml.StreamEndEvent):
                return data
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self._abort(event, "one YAML document per file (found a second '---')")
                data = self._node(self.events, self._pull(self.events), (), 0)

    def _pull(self, source: Iterator[yaml.Event]) -> yaml.Event:
        try:
            event = self._next_event() if source is self.events else next(source)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            detail = exc.problem or exc.context
            raise _abort_at((line, col, f"YAML syntax error: {detail}")) from None
        except yaml.YAMLError as exc:
            raise _abort_at((1, 1, f"YAML error: {exc}")) from None
        if source is self.events:
            for capture in self._captures:
                capture.append(event)
        return event

    def _abort(self, event: yaml.Event, message: str) -> YamlReadError:
        return _abort_at((*_mark(event), message))

    def _node(self, source: Iterator[yaml.Event], event: yaml.Event, loc: Loc, depth: int) -> Any:
        if depth > self.limits.max_depth:
            raise self._abort(event, f"nested deeper than {self.limits.max_depth} levels")
        mark = event.start_mark
        self.doc.marks[loc] = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        if type(event) is yaml.ScalarEvent and event.anchor is None:  # the common case, first
            return self._scalar(event)
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event, loc, depth)
        anchor = getattr(event, "anchor", None)
        if anchor is None or source is not self.events:
            return self._value(source, event, loc, depth)
        self._captures.append([event])
        try:
            return self._value(source, event, loc, depth)
        finally:
            self.anchors[anchor] = self._captures.pop()

    def _alias(self, event: yaml.AliasEvent, loc: Loc, depth: int) -> Any:
        recorded = self.anchors.get(event.anchor or "")
        if recorded is None:
            raise self._abort(event, f"unknown alias *{event.anchor}")
        self._expanded += len(recorded)
        if self._expanded > self.limits.max_alias_values:
            limit = self.limits.max_alias_values
            raise self._abort(event, f"aliases expand to more than {limit} values (an alias bomb?)")
        replay = iter(recorded)
        value = self._node(replay, next(replay), loc, depth)
        self.doc.marks[loc] = _mark(event)
        return value

    def _value(self, source: Iterator[yaml.Event], event: yaml.Event, loc: Loc, depth: int) -> Any:
        tag = getattr(event, "tag", None)
        if not isinstance(event, yaml.ScalarEvent) and tag not in (None, "!", _SEQ, _MAP):
            raise self._abort(event, f"cannot read value: tag {tag!r} is not allowed")
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(child := self._pull(source), yaml.SequenceEndEvent):
                items.append(self._node(source, child, (*loc, len(items)), depth + 1))
            return items
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(source, loc, depth)
        raise self._abort(event, f"unexpected YAML event {type(event).__name__}")

    def _mapping(self, source: Iterator[yaml.Event], loc: Loc, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        while not isinstance(key_event := self._pull(source), yaml.MappingEndEvent):
            if not isinstance(key_event, yaml.ScalarEvent):
                raise self._abort(key_event, "a mapping key must be a plain value")
            key = self._scalar(key_event)
            key_mark = _mark(key_event)
            duplicate = key in result
            if duplicate:
                self.problems.append((*key_mark, f"duplicate key {key!r}"))
            value = self._node(source, self._pull(source), (*loc, key), depth + 1)
            if not duplicate:
                result[key] = value
                # point key-level errors (unknown key) at the key itself
                self.doc.marks[(*loc, key)] = key_mark
        return result

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        if len(event.value) > self.limits.max_scalar:
            raise self._abort(event, f"value longer than {self.limits.max_scalar} characters")
        tag = event.tag if event.tag not in (None, "!") else None
        value = event.value
        if tag is None and (event.style or (value[:1].isalpha() and value.lower() not in _WORDS)):
            return value  # quoted, or plain text no resolver would read as a bool or null
        if tag is None:
            tag = str(self._resolver.resolve(yaml.ScalarNode, value, event.implicit))  # type: ignore[no-untyped-call]
        if tag == _STR:
            return event.value
        node = yaml.ScalarNode(tag, event.value, style=event.style)
        try:
            value = self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise self._abort(event, f"cannot read value: {str(exc).splitlines()[0]}") from None
        try:
            hash(value)
        except TypeError:
            raise self._abort(event, f"a {tag} value is not allowed here") from None
        return value
