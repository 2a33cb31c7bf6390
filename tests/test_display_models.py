"""Notebook displays of the small models (SPEC §11): ``CleanReport``, ``Image``, ``Video``."""

from __future__ import annotations

import lxml.html

from zakerclean.models import CleanReport, Image, Video
from zakerclean.writers.display import DISPLAY_ATTRIBUTES, DISPLAY_TAGS


def tree(markup: str) -> lxml.html.HtmlElement:
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for element in root.iterdescendants():
        assert element.tag in DISPLAY_TAGS
        assert set(element.attrib) <= DISPLAY_ATTRIBUTES.get(element.tag, frozenset())
    return root


def test_report_is_a_table_of_steps_and_a_list_of_warnings() -> None:
    report = CleanReport(steps=(("structure", 3), ("whitespace", 1)), warnings=("图片<丢>了",))
    root = tree(report._repr_html_())
    rows = [[c.text_content() for c in row] for row in root.iter("tr")]
    assert rows == [["rule", "changes"], ["structure", "3"], ["whitespace", "1"]]
    assert [li.text_content() for li in root.iter("li")] == ["图片<丢>了"]


def test_image_is_a_lazy_thumbnail_without_referrer_with_its_size() -> None:
    image = Image(url="https://h.example/a.jpg", width=1080, height=720, alt="示意")
    root = tree(image._repr_html_())
    (img,) = root.iter("img")
    assert img.get("src") == "https://h.example/a.jpg" and img.get("width") == "240"
    assert img.get("loading") == "lazy" and img.get("referrerpolicy") == "no-referrer"
    assert "1080 × 720 px" in root.text_content()


def test_image_that_is_no_web_url_is_not_loaded() -> None:
    root = tree(Image(url="javascript:alert(1)")._repr_html_())
    assert not list(root.iter("img", "a")) and "javascript:alert(1)" in root.text_content()


def test_video_shows_poster_and_provider() -> None:
    video = Video(
        url="https://v.qq.com/x.html", poster="https://h.example/p.jpg", provider="v.qq.com"
    )
    root = tree(video._repr_html_())
    (img,) = root.iter("img")
    assert img.get("src") == "https://h.example/p.jpg" and img.get("loading") == "lazy"
    assert "v.qq.com" in root.text_content()
    assert [a.get("href") for a in root.iter("a")] == ["https://v.qq.com/x.html"]
