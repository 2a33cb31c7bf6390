"""What each container may hold (``rules/structure/containers.py``), on its own: exact trees,
the parts handed back and the change counts.

The corpus rarely has broken lists, tables or figures, and after the whole pipeline a slip in
these helpers is often repaired by a later pass; here each helper runs alone on a tree built
as XML (so no HTML parser repairs it first) and its result is compared exactly.
"""

from __future__ import annotations

import pytest
from lxml import etree

from zakerclean.rules.structure import containers


def tree(markup: str) -> etree._Element:
    return etree.fromstring(markup)


def html(element: etree._Element) -> str:
    return etree.tostring(element, encoding="unicode", method="html")


@pytest.mark.parametrize(
    ("markup", "holds"),
    [
        ("<span>a<b><i><p>x</p></i></b></span>", True),  # deep down still counts
        ("<span>a<b><i>x</i></b></span>", False),
        ("<div><span/></div>", False),  # the element itself is not its descendant
        ("<td><ul><li>x</li></ul></td>", True),
        ("<td><section/></td>", True),
    ],
)
def test_holds_block_looks_at_every_descendant(markup: str, holds: bool) -> None:
    assert containers.holds_block(tree(markup)) is holds


def test_blocks_inside_a_phrasing_element_are_unwrapped_with_spaces() -> None:
    heading = tree("<h2>a<div>b</div>c<p>d</p>e<span>f<section>g</section>h</span>i</h2>")
    assert containers.unwrap_blocks_inside(heading) == 3
    assert html(heading) == "<h2>a b c d e<span>f g h</span>i</h2>"


def test_unwrapping_keeps_empty_blocks_words_apart() -> None:
    heading = tree("<h3>x<p/>y<div></div></h3>")
    assert containers.unwrap_blocks_inside(heading) == 2
    assert html(heading) == "<h3>x  y  </h3>"


def test_a_figure_keeps_media_inline_content_and_its_own_caption() -> None:
    figure = tree(
        '<figure><div><img src="x"/></div><p>t</p>'
        "<figcaption><p>c1</p><div>c2</div></figcaption>"
        "<span><figcaption>n</figcaption></span></figure>"
    )
    # 2 blocks in the caption, then the image's div, the p and the nested figcaption
    assert containers.normalize_figure(figure) == 5
    assert html(figure) == (
        '<figure><img src="x">t<figcaption> c1  c2 </figcaption><span>n</span></figure>'
    )


def test_a_figure_without_blocks_is_left_alone() -> None:
    figure = tree('<figure><img src="x"/><figcaption>说明<b>粗</b></figcaption></figure>')
    before = html(figure)
    assert containers.normalize_figure(figure) == 0
    assert html(figure) == before


def test_every_child_and_text_of_a_list_goes_into_an_item() -> None:
    listing = tree("<ul>lead<li>a</li>tail<b>x</b> <li>c</li>\n</ul>")
    items, changes = containers.wrap_list_items(listing)
    assert changes == 3  # the leading text, the b, the text after the first item
    assert (
        html(listing) == "<ul><li>lead</li><li>a</li><li>tail</li><li><b>x</b> </li><li>c</li></ul>"
    )
    # the items made of a tail hold text only: they need no more work and are not handed back
    assert [html(item) for item in items] == [
        "<li>lead</li>",
        "<li>a</li>",
        "<li><b>x</b> </li>",
        "<li>c</li>",
    ]
    assert all(item.tail is None for item in listing)


def test_a_proper_list_is_unchanged() -> None:
    listing = tree("<ol>\n  <li>a</li>\n  <li>b</li>\n</ol>")
    items, changes = containers.wrap_list_items(listing)
    assert (changes, len(items)) == (0, 2)
    assert html(listing) == "<ol><li>a</li><li>b</li></ol>"


def test_table_content_without_a_place_is_fostered_before_it() -> None:
    table = tree(
        "<table>t0<caption>cap</caption><tbody>t1<tr>t2<td>a</td><div>d</div>t3<th>b</th>"
        "</tr></tbody>t4<tr><td>z</td></tr><p>p</p></table>"
    )
    fostered: list[etree._Element | str] = []
    cells: list[etree._Element] = []
    assert containers.foster_table_content(table, fostered, cells) == 7
    assert [part if isinstance(part, str) else html(part) for part in fostered] == [
        "t0",
        "t1",
        "t2",
        "<div>d</div>",
        "t3",
        "t4",
        "<p>p</p>",
    ]
    assert [(cell.tag, cell.text) for cell in cells] == [
        ("caption", "cap"),
        ("td", "a"),
        ("th", "b"),
        ("td", "z"),
    ]
    assert html(table) == (
        "<table><caption>cap</caption><tbody><tr><td>a</td><th>b</th></tr></tbody>"
        "<tr><td>z</td></tr></table>"
    )


def test_layout_whitespace_in_a_table_is_dropped_not_fostered() -> None:
    table = tree("<table>\n <tr>\n  <td>a</td>\n </tr>\n</table>")
    fostered: list[etree._Element | str] = []
    cells: list[etree._Element] = []
    assert containers.foster_table_content(table, fostered, cells) == 0
    assert fostered == [] and [cell.text for cell in cells] == ["a"]
    assert html(table) == "<table><tr><td>a</td></tr></table>"


def test_a_cell_in_the_wrong_part_is_fostered() -> None:
    table = tree("<table><td>a</td><thead><td>b</td><tr><td>c</td></tr></thead></table>")
    fostered: list[etree._Element | str] = []
    cells: list[etree._Element] = []
    assert containers.foster_table_content(table, fostered, cells) == 2
    assert [html(part) for part in fostered] == ["<td>a</td>", "<td>b</td>"]  # type: ignore[arg-type]
    assert [cell.text for cell in cells] == ["c"]


def test_replace_children_puts_exactly_the_new_children() -> None:
    parent = tree("<div>t<a/><b/></div>")
    containers.replace_children(parent, [etree.Element("i"), etree.Element("u")])
    assert html(parent) == "<div>t<i></i><u></u></div>"


@pytest.mark.parametrize(
    ("tag", "where"),
    [
        ("li", containers.ONLY_INSIDE_PARENT),
        ("figcaption", containers.ONLY_INSIDE_PARENT),
        ("caption", containers.PHRASING_BLOCKS),
        ("pre", containers.PHRASING_BLOCKS),
        ("h3", containers.PHRASING_BLOCKS),
        ("td", containers.FLOW_BLOCKS),
        ("p", containers.BLOCK_LIKE),
    ],
)
def test_the_tag_sets(tag: str, where: frozenset[str]) -> None:
    assert tag in where


def test_table_parts_may_hold_only_their_own_children() -> None:
    assert {
        "table": {"caption", "thead", "tbody", "tfoot", "tr"},
        "thead": {"tr"},
        "tbody": {"tr"},
        "tfoot": {"tr"},
        "tr": {"td", "th"},
    } == containers.TABLE_CHILDREN
    assert {"li", "td", "th"} == containers.FLOW_BLOCKS
    assert {
        "li", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "figcaption",
    } == containers.ONLY_INSIDE_PARENT  # fmt: skip
