"""Rule 9 — typography: ZAKER's rewritten Chinese punctuation, restored (SPEC §3).

ZAKER's pipeline turned the curly quotes of Chinese text into space-padded ASCII quotes
(``他 " 一直想开 " 的会``), put spaces between Han characters and Latin letters or digits
(``IT 之家 10 月 15 日``) and padded ASCII parentheses (``( 记者 摄 )``).  Three rules undo that,
each with its own switch in :class:`~zakerclean.options.CleanOptions` (and all behind
``CleanOptions.typography``):

* ``quotes`` (on by default): a pair of ASCII ``"`` in a CJK context becomes ``“…”``, without the
  padding spaces;
* ``cjk_parentheses`` (off by default): ``( x )`` next to or around CJK text becomes ``（x）``;
* ``cjk_spacing`` (off by default): ASCII spaces between a CJK character and a Latin letter or
  digit go; spaces between Latin words stay.

They run parentheses, spacing, quotes (see :data:`zakerclean.engine.pipeline.PASSES`).
They work per paragraph (``p``, headings, list items, cells, captions) on the paragraph's text
*across* its inline tags (``<strong>" 重点 "</strong>`` pairs like plain text), and never inside
``code``/``pre`` or a URL.  They only ever replace a quote or parenthesis by its full-width form
and drop ASCII spaces: every other character stays, and a second run changes nothing.

Why ~320 lines: rule 9's three passes (``cjk_parentheses``, ``cjk_spacing``, ``quotes``) share
the paragraph walk, the "own text" slots and the context tests that decide CJK vs Latin; each
pass is a small function over those.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..context import CleanContext
from ..dom import BLOCK_TAGS, HtmlElement

__all__ = [
    "PARAGRAPH_TAGS",
    "Edits",
    "plan_cjk_parentheses",
    "plan_cjk_spacing",
    "plan_quotes",
    "restore_cjk_parentheses",
    "restore_cjk_spacing",
    "restore_quotes",
]

#: Elements whose text is one paragraph for these rules (a quote pair never spans two).
PARAGRAPH_TAGS = frozenset(
    {"p", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "figcaption", "caption", "blockquote"}
)
#: Subtrees whose text is never touched: code is code.
_OPAQUE = frozenset({"code", "pre"})
#: Children whose text is not the paragraph's own (code, or blocks that are paragraphs themselves).
_NOT_OWN_TEXT = _OPAQUE | BLOCK_TAGS | PARAGRAPH_TAGS

#: Han ideographs (with extension A and compatibility), kana, hangul: the "CJK" of these rules.
_CJK_LETTER = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
#: CJK and full-width punctuation (not U+3000, which is a space and content).
_CJK_PUNCT = "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2026\u00b7"
_CJK = re.compile(f"[{_CJK_LETTER}]")
_CJK_OR_PUNCT = re.compile(f"[{_CJK_LETTER}{_CJK_PUNCT}]")
_ALNUM = re.compile(r"[A-Za-z0-9]")
#: Spans where a quote or parenthesis belongs to a URL, not to the sentence.
_URL = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff01-\uff65]+", re.IGNORECASE)
_SPACING = re.compile(
    f"(?<=[{_CJK_LETTER}{_CJK_PUNCT}])( +)(?=[A-Za-z0-9])"
    f"|(?<=[A-Za-z0-9])( +)(?=[{_CJK_LETTER}{_CJK_PUNCT}])"
)
#: An innermost ASCII pair; content holding full-width parentheses is left (a nested pair is
#: restored from the inside out only once, so a second run changes nothing).
_PARENTHESES = re.compile(r"\(([^()（）]*)\)")

#: How much of a paragraph a warning quotes.
_EXCERPT = 40


@dataclass
class Edits:
    """Planned changes to one paragraph's text: characters to replace, characters to drop."""

    replace: dict[int, str] = field(default_factory=dict)
    delete: set[int] = field(default_factory=set)
    count: int = 0

    def drop_spaces(self, text: str, start: int, step: int) -> None:
        """Drop the ASCII spaces from ``start`` going in direction ``step`` (+1 or -1)."""
        index = start
        while 0 <= index < len(text) and text[index] == " ":
            self.delete.add(index)
            index += step

    def apply(self, text: str) -> str:
        """``text`` with the edits made (a deleted position wins over a replaced one)."""
        parts: list[str] = []
        last = 0
        for index in sorted(self.replace.keys() | self.delete):
            parts.append(text[last:index])
            if index not in self.delete:
                parts.append(self.replace[index])
            last = index + 1
        parts.append(text[last:])
        return "".join(parts)


# -- planning: pure functions on one paragraph's text ---------------------------------------------


def _masked(text: str) -> set[int]:
    """Positions inside URLs (their quotes and parentheses are not punctuation)."""
    return {i for match in _URL.finditer(text) for i in range(*match.span())}


def _positions(text: str, char: str) -> list[int]:
    """Where ``char`` occurs in ``text`` (``str.find`` in a loop: cheaper than a regex)."""
    found = []
    index = text.find(char)
    while index >= 0:
        found.append(index)
        index = text.find(char, index + 1)
    return found


def _neighbour(text: str, index: int, step: int) -> str:
    """The first non-space character from ``index`` in direction ``step`` ('' at the edge)."""
    while 0 <= index < len(text) and text[index] == " ":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def plan_quotes(text: str) -> tuple[Edits, bool]:
    """Pair the ASCII double quotes of ``text`` in order; turn each pair in a CJK context into
    ``“…”`` without padding.  Returns the edits and whether the quotes were unbalanced (then
    nothing is changed: which quote opens and which closes cannot be told).

        >>> plan_quotes('他 " 一直想开 " 的会')[0].apply('他 " 一直想开 " 的会')
        '他“一直想开”的会'
    """
    edits = Edits()
    masked = _masked(text) if "/" in text or "www" in text else set()
    quotes = [i for i in _positions(text, '"') if i not in masked]
    if len(quotes) % 2:
        return edits, True
    for opening, closing in zip(quotes[::2], quotes[1::2], strict=True):
        inner = text[opening + 1 : closing]
        if not inner.strip(" "):
            continue
        before = _neighbour(text, opening - 1, -1)
        after = _neighbour(text, closing + 1, +1)
        if not (
            _CJK.search(inner)
            or _CJK_OR_PUNCT.match(before or "x")
            or _CJK_OR_PUNCT.match(after or "x")
        ):
            continue  # English (or code-like) quoting: left as it is
        edits.replace[opening] = "“"
        edits.replace[closing] = "”"
        edits.drop_spaces(text, opening + 1, +1)
        edits.drop_spaces(text, closing - 1, -1)
        if not _ALNUM.match(before or "x"):  # keep the space after a Latin word: "The “AI”"
            edits.drop_spaces(text, opening - 1, -1)
        if not _ALNUM.match(after or "x"):
            edits.drop_spaces(text, closing + 1, +1)
        edits.count += 1
    return edits, False


def plan_cjk_parentheses(text: str) -> Edits:
    """``( x )`` → ``（x）`` when the content or a neighbour is CJK, or when ZAKER padded it.

    >>> plan_cjk_parentheses("现场 ( 记者 摄 ) 。").apply("现场 ( 记者 摄 ) 。")
    '现场（记者 摄）。'
    """
    edits = Edits()
    masked = _masked(text) if "/" in text or "www" in text else set()
    for match in _PARENTHESES.finditer(text):
        opening, closing = match.start(), match.end() - 1
        inner = match.group(1)
        if opening in masked or closing in masked or not inner.strip(" "):
            continue
        before = _neighbour(text, opening - 1, -1)
        after = _neighbour(text, closing + 1, +1)
        padded = inner.startswith(" ") or inner.endswith(" ")
        cjk = _CJK.search(inner) or _CJK.match(before or "x") or _CJK.match(after or "x")
        if not (cjk and (padded or _CJK.search(inner))):
            continue  # f(x), (1), English asides: left as they are
        edits.replace[opening] = "（"
        edits.replace[closing] = "）"
        for start, step in ((opening - 1, -1), (opening + 1, +1), (closing - 1, -1)):
            edits.drop_spaces(text, start, step)
        edits.drop_spaces(text, closing + 1, +1)
        edits.count += 1
    return edits


def plan_cjk_spacing(text: str) -> Edits:
    """Drop ASCII spaces between CJK and Latin letters or digits (``IT 之家 10 月`` →
    ``IT之家10月``); spaces between Latin words stay.

        >>> plan_cjk_spacing("IT 之家 10 月 15 日 Windows 11 更新").apply(
        ...     "IT 之家 10 月 15 日 Windows 11 更新")
        'IT之家10月15日Windows 11更新'
    """
    edits = Edits()
    masked = _masked(text) if "/" in text or "www" in text else set()
    for match in _SPACING.finditer(text):
        start, end = match.span()
        if start - 1 in masked or end in masked:  # a URL's edge: the space separates it
            continue
        edits.delete.update(range(start, end))
        edits.count += 1
    return edits


# -- applying: the same plan over the text slots of a paragraph -----------------------------------


Slots = list[tuple[HtmlElement, str]]


def _slots(paragraph: HtmlElement) -> Slots:
    """The paragraph's own text slots in reading order: not those of nested paragraphs or
    blocks (they are paragraphs of their own) and not those inside ``code``/``pre``."""
    slots: Slots = [(paragraph, "text")]

    def walk(element: HtmlElement) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if child.tag not in _NOT_OWN_TEXT:
                slots.append((child, "text"))
                walk(child)
            slots.append((child, "tail"))

    walk(paragraph)
    return slots


def _rewrite(slots: Slots, edits: Edits) -> None:
    """Apply ``edits`` (offsets into the joined text of ``slots``) slot by slot.

    The edited positions are sorted once and consumed in order, so each slot only looks at its
    own edits: linear in text plus edits, however many slots and pairs a paragraph holds.
    """
    if len(slots) == 1:  # a paragraph that is one text node: the edits are its own
        node, slot = slots[0]
        setattr(node, slot, edits.apply(getattr(node, slot) or "") or None)
        return
    positions = sorted(edits.replace.keys() | edits.delete)
    next_edit = 0
    offset = 0
    for node, slot in slots:
        if next_edit == len(positions):
            break
        value = getattr(node, slot) or ""
        end = offset + len(value)
        piece = Edits()
        while next_edit < len(positions) and positions[next_edit] < end:
            index = positions[next_edit]
            if index in edits.delete:
                piece.delete.add(index - offset)
            else:
                piece.replace[index - offset] = edits.replace[index]
            next_edit += 1
        if piece.replace or piece.delete:
            setattr(node, slot, piece.apply(value) or None)
        offset = end


def _each_paragraph(root: HtmlElement, char: str | None) -> Iterator[tuple[str, Slots]]:
    """``(text, slots)`` of the paragraphs, in document order, whose own text holds ``char``
    (all paragraphs with text when ``None``), outside ``code``/``pre``.

    One walk: a paragraph without children (most of them) is judged by its text alone; the
    others by their own text slots, which no other paragraph shares, so the whole walk is
    linear.  (An XPath query for the text nodes holding ``char`` cost more than this.)
    Editing a paragraph only touches its own slots, so the paragraphs still to come read as
    they did before any edit.
    """
    for paragraph in root.iter(*PARAGRAPH_TAGS):
        if char is not None and not len(paragraph) and char not in (paragraph.text or ""):
            continue
        slots = _slots(paragraph)
        text = "".join(getattr(node, slot) or "" for node, slot in slots)
        if not text or (char is not None and char not in text):
            continue
        if any(a.tag in _OPAQUE for a in paragraph.iterancestors()):
            continue
        yield text, slots


def _restore(root: HtmlElement, marker: str | None, plan: Callable[[str], Edits]) -> int:
    """Run ``plan`` over every paragraph holding ``marker`` (all paragraphs for ``None``) and
    apply its edits; return how many changes the plans counted."""
    changes = 0
    for text, slots in _each_paragraph(root, marker):
        edits = plan(text)
        if edits.count:
            _rewrite(slots, edits)
            changes += edits.count
    return changes


def restore_quotes(root: HtmlElement, ctx: CleanContext) -> int:
    """Rule 9a: space-padded ASCII quote pairs in CJK text → ``“…”``."""

    def plan(text: str) -> Edits:
        edits, unbalanced = plan_quotes(text)
        if unbalanced:
            excerpt = " ".join(text.split())[:_EXCERPT]
            ctx.warn(f"quotes: unbalanced ASCII quotes left as they are in {excerpt!r}")
        return edits

    return _restore(root, '"', plan)


def restore_cjk_parentheses(root: HtmlElement, ctx: CleanContext) -> int:
    """Rule 9b (off by default): ``( x )`` around CJK → ``（x）``."""
    return _restore(root, "(", plan_cjk_parentheses)


def restore_cjk_spacing(root: HtmlElement, ctx: CleanContext) -> int:
    """Rule 9c (off by default): no ASCII space between CJK and Latin letters or digits."""
    return _restore(root, None, plan_cjk_spacing)
