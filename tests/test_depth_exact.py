"""The depth limit (``rules/depth.py``) on its own: exact trees, counts and warnings.

``tests/test_depth.py`` checks what a deep body gives after every rule (the same article as
without the nesting); the later rules wash out much of what the depth step itself did, so a
slip in its bookkeeping (which wrapper is redundant, where a lifted block is split, when an
element is kept whole) could pass there.  Here ``limit_depth`` runs alone and its tree is
compared exactly, with the invariants that make each expected tree right: no element deeper
than ``MAX_DEPTH``, every text and picture in order.
"""

from __future__ import annotations

import pytest
from lxml import etree

from zakerclean.context import CleanContext
from zakerclean.dom import HtmlElement, parse_fragment
from zakerclean.options import CleanOptions
from zakerclean.rules import depth
from zakerclean.rules.depth import FLATTEN_BASE, MAX_DEPTH, limit_depth

#: A wrapper with an attribute: never redundant, so a chain of them must be flattened.
C = 'div class="c"'


def nest(body: str, tag: str, levels: int) -> str:
    return f"<{tag}>" * levels + body + f"</{tag.split()[0]}>" * levels


def html_of(root: HtmlElement) -> str:
    """The children of ``root`` exactly as libxml2 writes them (no added line breaks)."""
    parts = [etree.tostring(child, encoding="unicode", method="html") for child in root]
    return (root.text or "") + "".join(parts)


def levels(root: HtmlElement) -> int:
    """How deep the tree below ``root`` goes (its children are level 1)."""
    deepest, stack = 0, [(child, 1) for child in root]
    while stack:
        element, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in element)
    return deepest


def limited(html: str) -> tuple[int, list[str], HtmlElement]:
    root = parse_fragment(html)
    ctx = CleanContext(CleanOptions())
    return limit_depth(root, ctx), ctx.warnings, root


def text_and_media(root: HtmlElement) -> tuple[str, list[str | None]]:
    return "".join(root.itertext()), [img.get("src") for img in root.iter("img")]


def test_a_tree_exactly_max_depth_deep_is_left_alone() -> None:
    html = nest("<p>x</p>", "div", MAX_DEPTH - 1)  # the p is level MAX_DEPTH
    changes, warnings, root = limited(html)
    assert (changes, warnings, levels(root)) == (0, [], MAX_DEPTH)
    assert html_of(root) == html


def test_one_level_more_unwraps_the_whole_plain_chain() -> None:
    changes, warnings, root = limited(nest("<p>x</p>", "div", MAX_DEPTH))
    assert changes == MAX_DEPTH
    assert warnings == [f"{MAX_DEPTH} elements nested deeper than {MAX_DEPTH} levels were "
                        "unwrapped or lifted"]  # fmt: skip
    assert html_of(root) == "<p>x</p>"


def test_plain_inline_wrappers_go_whatever_they_hold() -> None:
    changes, _, root = limited(nest("<b>x</b>", "span", 70))
    assert (changes, html_of(root)) == (70, "<b>x</b>")


@pytest.mark.parametrize(
    ("wrapper", "inner", "kept"),
    [
        # a layout container holding an inline element marks a paragraph boundary: it stays
        ("div", "<b>x</b>", True),
        ("div", "<p>x</p>", False),
        ("span", "<p>x</p>", False),
        ("font", "<i>x</i>", False),
        ("section", "<table><tr><td>x</td></tr></table>", False),
    ],
)
def test_which_plain_wrapper_is_redundant(wrapper: str, inner: str, kept: bool) -> None:
    root = parse_fragment(nest(inner, wrapper, 1))
    assert bool(depth._redundant_wrappers(root)) is not kept


@pytest.mark.parametrize(
    "html",
    [
        "<div>前<p>x</p></div>",  # text before the child
        "<div><p>x</p>后</div>",  # text after it
        "<div>\u3000<p>x</p></div>",  # U+3000 is content, not layout whitespace
        "<div><p>x</p>\xa0</div>",  # so is NBSP
        "<div><p>x</p><p>y</p></div>",  # two children
        "<div></div>",  # none
        "<a><a href='http://x.example/'>x</a></a>",  # a link in a link is a second link
        "<blockquote class='q'><blockquote>x</blockquote></blockquote>",  # a deeper quote
        "<div class='a'><div class='b'><p>x</p></div></div>",  # both have attributes
    ],
)
def test_wrappers_that_hold_more_than_one_element_stay(html: str) -> None:
    assert depth._redundant_wrappers(parse_fragment(html)) == []


def test_layout_whitespace_around_the_child_does_not_count() -> None:
    root = parse_fragment("<div> \n\t<p>x</p>\r\f </div>")
    assert [e.tag for e in depth._redundant_wrappers(root)] == ["div"]


def test_an_identical_plain_wrapper_inside_one_with_attributes_goes() -> None:
    root = parse_fragment("<div class='a'><div><p>x</p></div></div><b id='k'><b>y</b></b>")
    doomed = depth._redundant_wrappers(root)
    assert [(e.tag, dict(e.attrib)) for e in doomed] == [("div", {}), ("b", {})]
    assert [e.getparent().get("class") or e.getparent().get("id") for e in doomed] == ["a", "k"]


def test_an_element_that_qualifies_twice_is_unwrapped_once() -> None:
    # the inner div is both a plain wrapper of a block and the plain copy inside the outer one
    root = parse_fragment("<div class='a'><div><div><p>x</p></div></div></div>")
    doomed = depth._redundant_wrappers(root)
    assert len(doomed) == len(set(doomed)) == 2


def test_deeper_than_counts_levels_below_the_element() -> None:
    root = parse_fragment(nest("<p>x</p>", "div", 4))  # p at level 5
    assert depth._deeper_than(root, 4) and not depth._deeper_than(root, 5)
    assert depth._deeper_than(root[0], 3) and not depth._deeper_than(root[0], 4)


#: (input, changes, what ``limit_depth`` leaves inside the ``FLATTEN_BASE`` outer wrappers)
FLATTENED = {
    "a chain with a paragraph and text at its bottom": (
        nest("<p>a</p>b", C, 70),
        7,
        '<div class="c"></div>' * 7 + nest("<p>a</p>b", C, 7),
    ),
    "inline content kept whole where it fits": (
        nest('t1<p>p1</p>t2<span class="s">in<b>bold</b></span>t3', C, 66),
        4,
        '<div class="c"></div>' * 4
        + nest('t1<p>p1</p>t2<span class="s">in<b>bold</b></span>t3', C, 6),
    ),
    "inline elements copied while there is room, then unwrapped": (
        nest(nest("deep", 'em class="e"', 12) + "tail", C, 58),
        7,
        '<div class="c"></div><div class="c">' + nest("deep", 'em class="e"', 7) + "tail</div>",
    ),
    "a block between levels splits the enclosing one, text after it continues it": (
        nest("<p>p0</p>" + nest("<p>p1</p>mid", C, 9) + "end", C, 57),
        3,
        '<div class="c"></div><p>p0</p>'
        + '<div class="c"></div>' * 2
        + nest("<p>p1</p>mid", C, 7)
        + '<div class="c">end</div>',
    ),
    "an inline chain inside a paragraph": (
        nest('<p>x<span class="s">' + nest("y", 'i class="i"', 10) + "</span>z</p>", C, 56),
        5,
        '<p>x<span class="s">' + nest("y", 'i class="i"', 6) + "</span>z</p>",
    ),
    "a list item lifted out of its list": (
        nest("<ul><li>" + nest("item", 'div class="d"', 10) + "</li></ul>", C, 56),
        4,
        # the list and the item are lifted as empty copies (libxml2 writes an empty li without
        # its end tag), the item's content after them
        '<ul></ul><li><div class="d"></div><div class="d"></div>'
        + nest("item", 'div class="d"', 8),
    ),
    "an inline chain with text at every level: copies, then unwrapped, then one kept whole": (
        nest(
            "".join(f'<em class="e{i}">w{i}' for i in range(12))
            + "core"
            + "".join(f"</em>v{i}" for i in reversed(range(12))),
            C,
            58,
        ),
        7,
        '<div class="c"></div><div class="c">'
        + "".join(f'<em class="e{i}">w{i}' for i in range(6))
        + "w6w7w8w9w10"
        + '<em class="e11">w11core</em>v11v10v9v8v7v6'
        + "".join(f"</em>v{i}" for i in reversed(range(6)))
        + "</div>",
    ),
    "a picture deep in inline wrappers": (
        nest(
            "head" + nest('<img src="http://a.example/1.jpg">', 'span class="s"', 12) + "foot",
            C,
            56,
        ),
        5,
        "head" + nest('<img src="http://a.example/1.jpg">', 'span class="s"', 7) + "foot",
    ),
}


@pytest.mark.parametrize("name", FLATTENED)
def test_flattening_gives_this_exact_tree(name: str) -> None:
    html, changes, inner = FLATTENED[name]
    before = text_and_media(parse_fragment(html))
    count, warnings, root = limited(html)
    assert html_of(root) == nest(inner, C, FLATTEN_BASE)
    assert count == changes
    assert warnings == [f"{changes} elements nested deeper than {MAX_DEPTH} levels were "
                        "unwrapped or lifted"]  # fmt: skip
    assert levels(root) <= MAX_DEPTH
    assert text_and_media(root) == before  # every text and picture, in order


def test_an_element_that_fits_is_kept_whole_even_below_the_base() -> None:
    html = nest("<table><tr><td>x</td></tr></table>after", C, 60)  # td at level 63
    count, _, root = limited(html)
    assert count == 0 and html_of(root) == html


def test_only_the_bases_with_too_deep_content_are_flattened() -> None:
    shallow = nest("<p>one</p>", C, FLATTEN_BASE + 1)  # the p at level 58: fits
    deep = nest("<p>two</p>", C, MAX_DEPTH + 2)
    count, _, root = limited(shallow + deep)
    assert html_of(root).startswith(shallow)
    # the deep chain's divs at levels 57-59 are lifted; the one at 60 fits with what it holds
    assert count == 3 and levels(root) <= MAX_DEPTH


def test_many_wrappers_text_is_written_once_in_order() -> None:
    # 300 unwrapped inline levels, each with text before and after its child
    body = "".join(f'<span class="s">a{i}' for i in range(300)) + "".join(
        f"b{i}</span>" for i in reversed(range(300))
    )
    before = "".join(parse_fragment(body).itertext())
    count, _, root = limited(nest(body, C, 40))
    assert "".join(root.itertext()) == before
    assert levels(root) <= MAX_DEPTH
    # below the base (the 16th span, level 56): 284 spans; 7 are copied (levels 57-63), the
    # innermost fits whole at level 64, the other 276 are unwrapped
    assert count == 284 - 7 - 1


def test_tag_and_attribute_names_lxml_refuses_are_copied_safely() -> None:
    root = parse_fragment('<p x"y="1" class="k">t</p><a"b>u</a"b>')
    paragraph, odd = root[0], root[1]
    copy = depth._shallow_copy(paragraph)
    assert (copy.tag, dict(copy.attrib), copy.text, len(copy)) == ("p", {"class": "k"}, None, 0)
    assert depth._shallow_copy(odd).tag == "div"


@pytest.mark.parametrize(
    ("text", "blank"),
    [
        (None, True),
        ("", True),
        (" \t\n\r\f", True),
        ("\xa0", False),
        ("\u3000", False),
        ("x", False),
    ],
)
def test_blank_means_ascii_layout_whitespace(text: str | None, blank: bool) -> None:
    assert depth._is_blank(text) is blank


def staircase(levels: int) -> str:
    """Each level a ``div.lN`` with its own text before and after the next level, a paragraph
    every third level and a classed inline element every fourth: nothing is redundant."""
    html = ""
    for i in range(levels):
        html += f'<div class="l{i}">t{i} ' + (f"<p>p{i}</p>" if i % 3 == 0 else "")
        html += f'<b class="k">b{i}</b>' if i % 4 == 0 else ""
    html += "core "
    for i in reversed(range(levels)):
        html += f"</div>u{i} "
    return html


def owners(root: HtmlElement) -> dict[str, tuple[str | None, str]]:
    """Each word of the tree → (class of the nearest classed div holding it, the tag of the
    element whose text or tail it is in)."""
    found: dict[str, tuple[str | None, str]] = {}
    for element in root.iter():
        for text, holder in ((element.text, element), (element.tail, element.getparent())):
            if not text or holder is None:
                continue
            div = holder
            while div is not None and not (div.tag == "div" and div.get("class")):
                div = div.getparent()
            for word in text.split():
                found[word] = (None if div is None else div.get("class"), str(holder.tag))
    return found


def test_lifted_blocks_keep_their_own_text_before_and_after_nested_blocks() -> None:
    html = staircase(70)
    before = owners(parse_fragment(html))
    changes, _, root = limited(html)
    after = owners(root)
    assert changes > 0 and levels(root) <= MAX_DEPTH
    assert "".join(root.itertext()).split() == "".join(parse_fragment(html).itertext()).split()
    for word, (div, holder) in before.items():
        if word.startswith("p"):  # a paragraph is lifted beside the copies: its text stays its own
            assert after[word][1] == "p" == holder, word
        else:  # every other word stays in (a copy of) the div it was written in
            assert after[word] == (div, holder), word
