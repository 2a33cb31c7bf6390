"""Rule 10 — the final allowlist sanitizer (nh3 by default, bleach as an option).

The rules before it already produce allowlisted HTML; this pass is the independent second lock,
run by a dedicated, well-reviewed sanitizer over the serialized output.  Both backends get the
same allowlist (:data:`zakerclean.dom.ALLOWED_TAGS` / ``ALLOWED_ATTRIBUTES``) and URL schemes.
Sanitizers are configured once, at import (nh3) or first use (bleach), and reused.  nh3's
``Cleaner`` is immutable and thread-safe; bleach's is not (its tokenizer keeps state), so each
thread gets its own bleach ``Cleaner``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import cache

import nh3

from ..dom import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, allowed_attribute
from ..errors import InvalidOptionsError
from ..urls import SAFE_SCHEMES

__all__ = ["BLEACH_PIECE_BLOCKS", "get_sanitizer", "sanitize", "top_level_pieces"]

_NH3 = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    # "*": nh3 allows ``lang`` and ``title`` on every tag unless told otherwise
    attributes={"*": set(), **{tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}},
    url_schemes=set(SAFE_SCHEMES),
    attribute_filter=lambda tag, name, value: (
        value if allowed_attribute(tag, name, value) else None
    ),
    link_rel=None,
    strip_comments=True,
    clean_content_tags={"script", "style"},
)


@cache
def _bleach_cleaner() -> Callable[[str], str]:
    try:
        import bleach
    except ImportError as error:  # the optional extra is not installed
        raise InvalidOptionsError(
            "CleanOptions(sanitizer='bleach') needs the optional extra: "
            "pip install 'zakerclean[bleach]'"
        ) from error
    local = threading.local()  # bleach.Cleaner is not thread-safe: one per thread

    def cleaner() -> bleach.Cleaner:
        instance: bleach.Cleaner | None = getattr(local, "cleaner", None)
        if instance is None:
            instance = local.cleaner = bleach.Cleaner(
                tags=ALLOWED_TAGS,
                attributes=_bleach_attributes,
                protocols=SAFE_SCHEMES,
                strip=True,
                strip_comments=True,
            )
        return instance

    def clean(html: str) -> str:
        # bleach writes U+00A0 raw where nh3 writes &nbsp;: same DOM, made the same string
        return str(cleaner().clean(_double_quoted(html))).replace("\xa0", "&nbsp;")

    return clean


def _bleach_attributes(tag: str, name: str, value: str) -> bool:
    """bleach's attribute test: the allowlist, then its value test."""
    return name in ALLOWED_ATTRIBUTES.get(tag, frozenset()) and allowed_attribute(tag, name, value)


def _bleach(html: str) -> str:
    """The bleach backend: bleach over bounded pieces of ``html`` (see :func:`top_level_pieces`)."""
    clean = _bleach_cleaner()
    return "".join(clean(piece) for piece in top_level_pieces(html))


#: Top-level elements per piece given to bleach (a typical post has a few dozen).
BLEACH_PIECE_BLOCKS = 200
#: Allowed elements without an end tag in lxml's HTML output.
_VOID_TAGS = frozenset({"br", "img"})
#: A start or end tag as lxml writes it: HTML's whitespace only (as the HTML tokenizer reads
#: it), attribute values quoted (they may hold ">").
_MARKUP = re.compile(
    r"""<(?P<end>/?)(?P<name>[a-zA-Z][^ \t\n\r\f/>]*)"""
    r"""(?:[ \t\n\r\f]+[^ \t\n\r\f=/>"'<]+(?:="[^"]*"|='[^']*')?)*[ \t\n\r\f]*/?>"""
)


def top_level_pieces(html: str, blocks: int = BLEACH_PIECE_BLOCKS) -> list[str]:
    """``html`` cut after every ``blocks``-th top-level element, or whole.

    bleach (html5lib's tree walker) looks each element's parent up among the parent's
    siblings, so thousands of top-level blocks (a post of many images) cost it quadratic time.
    Cleaning pieces of at most ``blocks`` top-level elements and joining the results gives the
    same string, because each piece is whole, properly nested markup of allowed elements only
    (every ``<`` starts such a tag, every end tag closes the element open last): the HTML
    parser then ends every piece with nothing open and nothing pending, as at the start.
    Anything else (a tag outside the allowlist, which could change the parser's state for what
    follows — ``plaintext``, ``script``, ``textarea`` …, a comment, a stray ``<``, misnested
    or unclosed tags) is cleaned whole, as before.
    """
    if html.count("<") <= blocks:  # cannot hold more than ``blocks`` elements
        return [html]
    pieces: list[str] = []
    open_tags: list[str] = []
    start = end = count = 0
    for match in _MARKUP.finditer(html):
        if "<" in html[end : match.start()]:  # markup this reading does not understand
            return [html]
        end = match.end()
        name = match.group("name").lower()
        if not name.isascii() or name not in ALLOWED_TAGS:
            return [html]
        if match.group("end"):
            if name in _VOID_TAGS or not open_tags or open_tags.pop() != name:
                return [html]
        elif name not in _VOID_TAGS:
            open_tags.append(name)
        if open_tags:
            continue
        count += 1  # a top-level element ends here
        if count % blocks == 0:
            pieces.append(html[start:end])
            start = end
    if open_tags or "<" in html[end:]:
        return [html]
    if start < len(html):
        pieces.append(html[start:])
    return pieces


# A start tag as lxml writes it (text never holds a raw "<" or ">" in lxml's output), and its
# attributes one after another: name, name="value" or name='value'.
_TAG = re.compile(r"""<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:="[^"]*"|='[^']*')?)*\s*/?>""")
_ATTRIBUTE = re.compile(r"""(\s+[^\s=/>]+)(?:=("[^"]*"|'[^']*'))?""")


def _double_quoted(html: str) -> str:
    """Rewrite lxml's single-quoted attribute values (used when a value holds ``"``) as
    double-quoted ones with ``&quot;``: bleach re-escapes entities in single-quoted values
    (``alt='"&gt;'`` → ``'"&amp;gt;'``), which would change the value on every pass.
    """

    def attribute(match: re.Match[str]) -> str:
        value = match.group(2)
        if value is None or value[0] == '"':
            return match.group()
        return f'{match.group(1)}="{value[1:-1].replace(chr(34), "&quot;")}"'

    return (
        _TAG.sub(lambda tag: _ATTRIBUTE.sub(attribute, tag.group()), html) if "='" in html else html
    )


def get_sanitizer(name: str) -> Callable[[str], str]:
    """The ``clean(html) -> html`` function of sanitizer ``name`` (``"nh3"`` or ``"bleach"``)."""
    if name == "nh3":
        return _NH3.clean
    if name == "bleach":
        _bleach_cleaner()  # the optional extra is missing: say so now
        return _bleach
    raise InvalidOptionsError(f"unknown sanitizer {name!r}")


def sanitize(html: str, name: str = "nh3") -> str:
    """Run the final allowlist sanitizer ``name`` over ``html``."""
    return get_sanitizer(name)(html)
