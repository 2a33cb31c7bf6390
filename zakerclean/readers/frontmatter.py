"""Hexo front matter: find it, load it safely, recover the post generator's known quirks.

The posts' generator wrote YAML by string formatting, so some real titles are not valid YAML
(SPEC §2).  Those ``title:`` lines are recovered literally, with a warning; anything else YAML
rejects is a :class:`~zakerclean.errors.FrontMatterError` naming line and column in the input.
Anchors and aliases are refused outright, so an alias bomb costs nothing.

Why ~300 lines: the fast path (exactly PyYAML's values for the plain ``key: value`` lines that
nearly every post has), the PyYAML loader with its lenient timestamps, and the ``title:`` line
recovery must agree on the same inputs; they are kept side by side so that agreement is easy
to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import FrontMatterError

__all__ = ["FrontMatter", "decode_braces", "load_front_matter", "split_front_matter"]

try:  # the C loader is ~10x faster; the pure one behaves the same
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class _FrontMatterLoader(_Loader):  # type: ignore[misc,valid-type]
    """The safe loader, except that a value that looks like a timestamp but is no valid date
    (``2021-13-45``, ``2021-02-30 10:00:00``) stays text: ``parse`` then reports the date as
    unreadable (``published=None`` plus a warning, the raw text kept) instead of failing."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, TypeError, AttributeError, OverflowError):
        return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)

_FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
_TITLE_LINE = re.compile(r"^title:[ \t]*(?P<value>.*?)[ \t]*\r?$", re.MULTILINE)
# Could the text hold an anchor (&a) or alias (*a)?  Only then are YAML events scanned for them.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:\-?])[&*][^\s]", re.MULTILINE)
_BRACES = {"&#123;": "{", "&#125;": "}"}
_BRACE_ENTITY = re.compile(r"&#12[35];")


@dataclass
class FrontMatter:
    """A post split into its front matter (loaded) and its body."""

    data: dict[str, Any]
    body: str
    warnings: list[str] = field(default_factory=list)


def decode_braces(value: Any) -> Any:
    """Decode the generator's ``&#123;``/``&#125;`` in every string inside ``value``."""
    if isinstance(value, str):
        return _BRACE_ENTITY.sub(lambda m: _BRACES[m.group()], value) if "&#12" in value else value
    if isinstance(value, list):
        return [decode_braces(item) for item in value]
    if isinstance(value, dict):
        return {decode_braces(k): decode_braces(v) for k, v in value.items()}
    return value


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split a Hexo post into ``(yaml_text, body, first_yaml_line)``; ``None`` if it is not one.

    An optional BOM and leading blank lines may come before the opening ``---``.
    ``first_yaml_line`` is the 1-based line number of the first YAML line in ``text``.
    """
    start = 1 if text.startswith("\ufeff") else 0
    line = 1
    while True:
        end = text.find("\n", start)
        current = text[start:] if end < 0 else text[start:end]
        if current.strip():
            break
        if end < 0:
            return None
        start = end + 1
        line += 1
    if current.rstrip() != "---":
        return None
    yaml_start = start + len(current) + 1
    closing = _FENCE.search(text, yaml_start)
    if closing is None:
        raise FrontMatterError(
            f"the '---' fence opened at line {line} is never closed", line=line, column=1
        )
    yaml_text = text[yaml_start : closing.start()] if yaml_start <= closing.start() else ""
    body_start = closing.end() + 1
    return yaml_text, text[body_start:], line + 1


def _error_from_yaml(error: yaml.YAMLError, first_line: int, yaml_text: str) -> FrontMatterError:
    """A :class:`FrontMatterError` at where YAML noticed the problem, naming where it starts
    (the context mark: where an unclosed ``[``, ``{`` or quote opened) and quoting that line
    with a caret: PyYAML notices an unclosed bracket only on a later line."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    message = f"{context}: {problem}" if context else str(problem)
    if mark is None:
        return FrontMatterError(message)
    start = getattr(error, "context_mark", None)
    quoted = mark
    if start is not None and (start.line, start.column) != (mark.line, mark.column):
        opener = _line_of(yaml_text, start.line)[start.column : start.column + 1]
        what = f"`{opener}` opened" if opener in _OPENERS else "started"
        message = (
            f"{what} at line {first_line + start.line}, column {start.column + 1}; "
            f"not closed at line {first_line + mark.line}: {message}"
        )
        quoted = start
    message += _caret(_line_of(yaml_text, quoted.line), quoted.column)
    return FrontMatterError(message, line=first_line + mark.line, column=mark.column + 1)


_OPENERS = frozenset("[{\"'")


def _line_of(yaml_text: str, index: int) -> str:
    lines = yaml_text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


def _caret(line: str, column: int) -> str:
    """``line`` and a caret under ``column``, for the message (nothing for a huge line)."""
    if not line or len(line) > 200:
        return ""
    return f"\n  {line}\n  {' ' * column}^"


def _reject_anchors(yaml_text: str, first_line: int) -> None:
    if ("&" not in yaml_text and "*" not in yaml_text) or not _MAYBE_ANCHOR.search(yaml_text):
        return  # (the substring tests first: the regex tries every position)
    try:
        for event in yaml.parse(yaml_text, Loader=_Loader):
            anchor = getattr(event, "anchor", None)
            if anchor is not None or isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                raise FrontMatterError(
                    f"YAML anchors and aliases are not accepted (found {anchor!r})",
                    line=first_line + mark.line if mark else None,
                    column=mark.column + 1 if mark else None,
                )
    except yaml.YAMLError as error:
        raise _error_from_yaml(error, first_line, yaml_text) from None


def _plainly_fine(value: str) -> bool:
    """Cheap check that a title value is ordinary YAML (the vast majority)."""
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return "'" not in value[1:-1].replace("''", "")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return '"' not in value[1:-1] and "\\" not in value
    return (
        bool(value) and value[0] not in "'\"&*!|>%@`{[" and ": " not in value and " #" not in value
    )


def _recover_title(yaml_text: str, first_line: int) -> tuple[str, str | None, str | None]:
    """Replace a ``title:`` line YAML cannot read faithfully; return (yaml, title, warning)."""
    match = _TITLE_LINE.search(yaml_text)
    if match is None:
        return yaml_text, None, None
    value = match.group("value")
    if not value or _plainly_fine(value):
        return yaml_text, None, None
    if value[0] in "'\"":
        try:
            # the whole front matter, not the line alone: a quoted title may go on over the
            # next lines, and valid YAML is never "recovered"
            loaded = yaml.load(yaml_text, Loader=_FrontMatterLoader)
            if isinstance(loaded, dict) and isinstance(loaded.get("title"), str):
                return yaml_text, None, None
        except yaml.YAMLError:
            pass
        literal = value[1:-1] if len(value) >= 2 and value[-1] == value[0] else value
        why = "a quoted value holding both quote kinds"
    elif ": " in value or " #" in value or value.endswith(":"):
        literal = value
        why = "an unquoted value holding ': ' or ' #'"
    else:
        return yaml_text, None, None
    line = first_line + yaml_text.count("\n", 0, match.start())
    patched = yaml_text[: match.start()] + "title: ''" + yaml_text[match.end() :]
    return patched, literal, f"front matter line {line}: title recovered literally ({why})"


# -- the fast path: the generator's own simple shape, read exactly as PyYAML reads it ------------

#: A plain scalar cannot start with these (YAML indicators); such values go to PyYAML.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_STR, _BOOL, _NULL, _INT = (f"tag:yaml.org,2002:{name}" for name in ("str", "bool", "null", "int"))


class _NotSimple(Exception):
    """The front matter is not of the simple shape: PyYAML reads it."""


def _implicit_tag(value: str) -> str:
    """The tag PyYAML's resolver gives the plain scalar ``value`` (the loader's own table)."""
    table = _Loader.yaml_implicit_resolvers
    for tag, pattern in table.get(value[:1], []) + table.get(None, []):
        if pattern.match(value):
            return str(tag)
    return _STR


def _simple_scalar(value: str) -> Any:
    """``value`` (one line, stripped) as PyYAML constructs it, for the forms read here:
    single- or double-quoted on one line (no escapes), or plain text, booleans, null and
    decimal integers.  Anything else raises :class:`_NotSimple`."""
    first = value[:1]
    if first == "'":
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != "'" or "'" in inner.replace("''", ""):
            raise _NotSimple
        return inner.replace("''", "'")
    if first == '"':
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != '"' or '"' in inner or "\\" in inner:
            raise _NotSimple
        return inner
    if not value or first in _INDICATORS or ": " in value or " #" in value or value[-1] == ":":
        raise _NotSimple
    tag = _implicit_tag(value)
    if tag == _STR:
        return value
    if tag == _BOOL:
        return yaml.constructor.SafeConstructor.bool_values[value.lower()]
    if tag == _NULL:
        return None
    if tag == _INT and _DECIMAL.fullmatch(value):
        return int(value)
    raise _NotSimple  # floats, timestamps, octal or sexagesimal integers ...


def _simple_mapping(yaml_text: str) -> dict[str, Any] | None:
    """The front matter as PyYAML would load it, when it has the shape the post generator
    writes: ``key: scalar`` lines and ``key:`` followed by `` - scalar`` items, nothing else.
    ``None`` for anything else, which PyYAML then reads (and reports errors for).

    PyYAML's C parser is fast, but its constructor runs in Python: this line reader costs a
    fraction of it.  Every value is one line; what a plain value means (text, boolean, null,
    integer) is asked of the loader's own resolver table, so it is what PyYAML would say, and
    a form not handled here sends the whole text to PyYAML.  Lines must be printable in
    Python's sense, which is stricter than YAML's (no tab, CR, NEL, BOM, line or paragraph
    separator, control or unassigned character, no space other than U+0020).
    """
    data: dict[str, Any] = {}
    items: list[Any] | None = None  # the list being read, for the last key with no value
    indent = -1  # the indentation of its items
    key = ""
    try:
        for line in yaml_text.split("\n"):
            if not line.isprintable():
                return None
            stripped = line.lstrip(" ")
            if not stripped:
                continue
            if stripped[:2] == "- ":
                if items is None or indent not in (-1, len(line) - len(stripped)):
                    return None
                indent = len(line) - len(stripped)
                items.append(_simple_scalar(stripped[2:].strip(" ")))
                data[key] = items
                continue
            key, colon, rest = line.partition(":")
            if not (colon and key.isascii() and key.isidentifier()) or rest[:1] not in ("", " "):
                return None
            if _implicit_tag(key) != _STR:
                return None
            value = rest.strip(" ")
            if value:
                data[key] = _simple_scalar(value)
                items = None
            else:
                data[key] = None
                items, indent = [], -1
    except _NotSimple:
        return None
    return data or None


def load_front_matter(yaml_text: str, first_line: int) -> tuple[dict[str, Any], list[str]]:
    """Load the YAML mapping of a post's front matter; return it with recovery warnings."""
    warnings: list[str] = []
    if "\t" in yaml_text:
        # YAML forbids tabs in indentation; say where, before YAML gives a vaguer message.
        for offset, line in enumerate(yaml_text.split("\n")):
            indent = len(line) - len(line.lstrip(" \t"))
            if "\t" in line[:indent]:
                raise FrontMatterError(
                    "tab character in indentation (YAML allows spaces only)",
                    line=first_line + offset,
                    column=line.index("\t") + 1,
                )
    if "&#12" in yaml_text:
        # the generator escaped braces everywhere; decoded before YAML reads them, so
        # ``tags: &#123;&#125;`` is an empty mapping, not an anchor
        yaml_text = _BRACE_ENTITY.sub(lambda m: _BRACES[m.group()], yaml_text)
    yaml_text, title, warning = _recover_title(yaml_text, first_line)
    if warning:
        warnings.append(warning)
    _reject_anchors(yaml_text, first_line)
    data: Any = _simple_mapping(yaml_text)
    if data is None:
        try:
            data = yaml.load(yaml_text, Loader=_FrontMatterLoader)
        except yaml.YAMLError as error:
            raise _error_from_yaml(error, first_line, yaml_text) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"front matter must be a YAML mapping of keys to values, got a {type(data).__name__}",
            line=first_line,
            column=1,
        )
    for key in data:
        if not isinstance(key, str):
            raise FrontMatterError(
                f"front matter keys must be strings, got {key!r}", line=first_line
            )
    data = decode_braces(data)
    if title is not None:
        data["title"] = decode_braces(title)
    return data, warnings
