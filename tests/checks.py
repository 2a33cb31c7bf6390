"""Independent checkers for the SPEC §3 guarantees, shared by the corpus and property tests.

They re-parse output with lxml and walk it; they do not reuse the rules they check, except
rule 1 (``strip_boilerplate`` and ``strip_furniture``), which by definition decides what
counts as visible input.
"""

from __future__ import annotations

import re

import lxml.html

from zakerclean.context import CleanContext
from zakerclean.dom import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    CODE_LANGUAGE,
    parse_fragment,
    remove,
    text_of,
)
from zakerclean.options import CleanOptions
from zakerclean.profiles import profile_for
from zakerclean.rules.boilerplate import strip_boilerplate
from zakerclean.rules.furniture import strip_furniture
from zakerclean.rules.video import VIDEO_LINK_LABEL

QUOTES = str.maketrans({c: '"' for c in "\"'“”‘’「」『』＂＇"})
INLINE_TAGS = frozenset({"a", "strong", "em", "u", "s", "sub", "sup", "code", "br", "img", "video"})
BLOCK_INSIDE_P = frozenset(ALLOWED_TAGS - INLINE_TAGS)
PROXY = "cors.zfour.workers.dev"
LAZY_ATTRIBUTES = ("data-original", "data-src", "data-gif-url", "data-actualsrc", "srcset")
MEDIA = frozenset({"img", "video"})


def squeeze(text: str) -> str:
    """Non-whitespace characters only, with every quote mark made alike."""
    return "".join(text.split()).translate(QUOTES)


def strip_rule_one(root: lxml.html.HtmlElement, source: str | None = None) -> None:
    """Rule 1 on ``root``: boilerplate, and the furniture ``source``'s profile declares."""
    ctx = CleanContext(CleanOptions(), profile=profile_for(source))
    strip_boilerplate(root, ctx)
    strip_furniture(root, ctx)


def visible_input_text(html: str, source: str | None = None) -> str:
    """The visible text of an input body: rule-1 boilerplate (and ``source``'s furniture)
    out, no video fallback content."""
    root = parse_fragment(html)
    strip_rule_one(root, source)
    for element in list(root.iter("video", "iframe", "audio")):
        remove(element)
    return text_of(root)


def output_text_without_additions(text: str) -> str:
    """``article.text`` minus the documented additions (video link labels)."""
    return re.sub(re.escape(VIDEO_LINK_LABEL) + r"\S+", "", text)


def html_text(html: str) -> str:
    """All text of an HTML fragment."""
    return text_of(parse_fragment(html))


def clean_problems(html: str) -> list[str]:
    """Every violation of the "Clean" guarantee in ``html`` (empty list when clean)."""
    problems: list[str] = []
    root = parse_fragment(html)
    if root.text and root.text.strip():
        problems.append(f"bare text at top level: {root.text[:40]!r}")
    for child in root:
        if child.tail and child.tail.strip():
            problems.append(f"bare text at top level: {child.tail[:40]!r}")
        if child.tag in INLINE_TAGS:
            problems.append(f"inline <{child.tag}> at top level")
    for element in root.iterdescendants():
        tag = element.tag
        if tag not in ALLOWED_TAGS:
            problems.append(f"tag <{tag}> outside the allowlist")
            continue
        allowed = ALLOWED_ATTRIBUTES.get(tag, frozenset())
        for name, value in element.attrib.items():
            if name not in allowed:
                problems.append(f"attribute {name} on <{tag}>")
            elif name == "class" and not CODE_LANGUAGE.fullmatch(value):
                problems.append(f"class={value!r} on <{tag}> is no language-NAME")
            if PROXY in value:
                problems.append(f"proxy prefix in {name}={value[:60]}")
        if tag in ("b", "i", "h1"):
            problems.append(f"<{tag}> not normalized")
        if tag == "p" and any(d.tag in BLOCK_INSIDE_P for d in element.iterdescendants()):
            problems.append("<p> holding a block")
        if (
            tag in INLINE_TAGS
            and tag not in ("a", "br", "img", "video")
            and any(a.tag == tag for a in element.iterancestors())
        ):
            problems.append(f"nested <{tag}> inside <{tag}>")
        if tag not in ("br", "td", "th", "tr", "thead", "tbody", "tfoot", "caption"):
            has_media = tag in MEDIA or any(d.tag in MEDIA for d in element.iterdescendants())
            if not has_media and not text_of(element).strip():
                problems.append(f"empty <{tag}>")
        if tag == "div" or "lazy" in (element.get("class") or ""):
            problems.append("lazy wrapper left")
        for name in LAZY_ATTRIBUTES:
            if element.get(name) is not None:
                problems.append(f"lazy attribute {name}")
    return problems


def is_subsequence(needle: str, haystack: str) -> bool:
    """True when the characters of ``needle`` appear in ``haystack`` in the same order."""
    it = iter(haystack)
    return all(ch in it for ch in needle)


def serialize(element: lxml.html.HtmlElement) -> str:
    return lxml.html.tostring(element, encoding="unicode")
