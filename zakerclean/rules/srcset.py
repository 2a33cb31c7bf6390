"""``srcset`` read as the HTML standard reads it (rule 2).

Why a parser and not ``split(", ")``: sites write ``a.jpg 320w,b.jpg 800w`` (no space after
the comma), and a URL may itself hold commas (``…/f_auto,q_80/a.jpg``).  The standard's
algorithm ("parse a srcset attribute", WHATWG HTML §4.8.4.3.10) settles both: a URL runs to
the next whitespace (trailing commas end the candidate), and a comma outside parentheses ends
a candidate's descriptors.  Candidates with invalid descriptors are dropped, as browsers do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["SrcsetCandidate", "largest_candidate", "parse_srcset"]

_WHITESPACE = " \t\n\r\f"
_SEPARATORS = _WHITESPACE + ","
_INTEGER = re.compile(r"[0-9]+")
_FLOAT = re.compile(r"-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


@dataclass(frozen=True)
class SrcsetCandidate:
    """One image candidate: its URL and its ``w`` (width) or ``x`` (density) descriptor."""

    url: str
    width: int | None = None
    density: float | None = None


def _descriptors(text: str, start: int) -> tuple[list[str], int]:
    """The descriptor tokens from ``start`` up to the candidate's ending comma, and the
    position after it (the standard's descriptor tokenizer; parentheses group)."""
    tokens: list[str] = []
    current = ""
    in_parens = False
    position = start
    end = len(text)
    while position < end:
        char = text[position]
        position += 1
        if in_parens:
            current += char
            if char == ")":
                in_parens = False
            continue
        if char in _WHITESPACE:
            if current:
                tokens.append(current)
                current = ""
        elif char == ",":
            break
        else:
            current += char
            if char == "(":
                in_parens = True
    if current:
        tokens.append(current)
    return tokens, position


def _candidate(url: str, tokens: list[str]) -> SrcsetCandidate | None:
    """The candidate for ``url`` and its descriptors, or ``None`` when they are invalid."""
    width: int | None = None
    density: float | None = None
    height = False
    for token in tokens:
        value, kind = token[:-1], token[-1:]
        if kind == "w" and _INTEGER.fullmatch(value) and width is None and density is None:
            width = int(value)
            if width <= 0:
                return None
        elif kind == "x" and _FLOAT.fullmatch(value) and width is None and density is None:
            density = float(value)
            if density < 0:
                return None
        elif kind == "h" and _INTEGER.fullmatch(value) and not height and density is None:
            height = int(value) > 0
            if not height:
                return None
        else:
            return None
    if height and width is None:  # an ``h`` descriptor needs a ``w``
        return None
    return SrcsetCandidate(url, width, density)


def parse_srcset(text: str) -> list[SrcsetCandidate]:
    """Every valid candidate of a ``srcset`` value, in order.  Linear in ``len(text)``."""
    candidates: list[SrcsetCandidate] = []
    position = 0
    end = len(text)
    while True:
        while position < end and text[position] in _SEPARATORS:
            position += 1
        if position >= end:
            return candidates
        url_end = position
        while url_end < end and text[url_end] not in _WHITESPACE:
            url_end += 1
        url = text[position:url_end]
        if url.endswith(","):
            url = url.rstrip(",")
            tokens: list[str] = []
            position = url_end
        else:
            tokens, position = _descriptors(text, url_end)
        candidate = _candidate(url, tokens) if url else None
        if candidate is not None:
            candidates.append(candidate)


def largest_candidate(text: str) -> SrcsetCandidate | None:
    """The widest candidate (``w``), or when none gives a width the densest (``x``, no
    descriptor counting as ``1x``); the first of equals.  ``None`` for an empty ``srcset``."""
    candidates = parse_srcset(text)
    widths = [c for c in candidates if c.width is not None]
    if widths:
        return max(widths, key=lambda c: c.width or 0)
    if not candidates:
        return None
    return max(candidates, key=lambda c: 1.0 if c.density is None else c.density)
