"""Fuzzing ``parse`` and ``clean_html`` with hypothesis (SPEC §6).

Three properties on every input: only :class:`ZakerCleanError` is raised; the output passes the
allowlist check; cleaning is idempotent.  The default budget keeps CI fast; a long run is::

    ZAKERCLEAN_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz.py -p no:randomly

(the numbers of the last long run are in docs/security.md).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zakerclean
from zakerclean import CleanOptions, ZakerCleanError

from .checks import clean_problems

EXAMPLES = int(os.environ.get("ZAKERCLEAN_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TAGS = [
    "p", "div", "span", "a", "img", "b", "i", "strong", "em", "br", "h1", "h2", "ul", "ol", "li",
    "table", "tr", "td", "th", "tbody", "blockquote", "pre", "code", "figure", "figcaption",
    "video", "source", "iframe", "script", "style", "noscript", "svg", "math", "template",
    "select", "option", "textarea", "title", "object", "embed", "form", "button", "section",
    "font", "center", "html", "body", "head", "base", "meta", "link", "xmp", "plaintext",
]  # fmt: skip
ATTRIBUTES = [
    "class", "id", "style", "href", "src", "data-original", "data-gif-url", "data-src", "srcset",
    "data-width", "data-height", "width", "onclick", "onerror", "poster", "data-zkinfo",
    "colspan", "start", "alt", "srcdoc", "xlink:href", "formaction", "action",
]  # fmt: skip
VALUES = [
    "img_box", "content_img_div", "lazy", "zk_upvideo", "edi_oper", "advise", "recommend_bottom",
    "http://zkres1.myzaker.com/a_1024.jpg", "https://cors.zfour.workers.dev/?http://h/b.jpg",
    "javascript:alert(1)", "JaVa&#x09;Script:alert(1)", "data:text/html,<script>x</script>",
    "//v.qq.com/iframe/player.html?vid=x", "http://iphone.myzaker.com/zaker/link.php?b=aHR0cDovL2EuY24v",
    "%7B%22videoUrl%22%3A%22http%3A%2F%2Fh%2Fv.mp4%22%7D", "440", "100%", "-1", "", "\"'><x>",
]  # fmt: skip
TEXT = st.text(
    alphabet=st.sampled_from(list("中文字 　，。“”\"'<>&;#/=:▲（）摄abc123\n\t\u00a0")), max_size=12
)


@st.composite
def html_soup(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            parts.append(draw(TEXT))
        elif kind in (1, 2):
            tag = draw(st.sampled_from(TAGS))
            attrs = "".join(
                f' {draw(st.sampled_from(ATTRIBUTES))}="{draw(st.sampled_from(VALUES))}"'
                for _ in range(draw(st.integers(0, 3)))
            )
            parts.append(f"<{tag}{attrs}>")
        elif kind == 3:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif kind == 4:
            parts.append(
                draw(
                    st.sampled_from(
                        [
                            "&amp;",
                            "&lt;",
                            "&#123;",
                            "&nbsp;",
                            "&#x3c;",
                            "<!--",
                            "-->",
                            "<![CDATA[",
                            "]]>",
                            "&",
                        ]
                    )
                )
            )
        else:
            parts.append(
                draw(st.sampled_from(["---\n", "\ntitle: '标题'\n", "date: 刚刚\n", "---\n\n"]))
            )
    return "".join(parts)


def _check(data: str | bytes, sanitizer: str) -> None:
    options = CleanOptions(sanitizer=sanitizer)  # type: ignore[arg-type]
    try:
        article = zakerclean.parse(data, options=options)
    except ZakerCleanError:
        return
    assert clean_problems(article.html) == []
    assert zakerclean.clean_html(article.html, options=options) == article.html


@FUZZ
@given(html_soup(), st.sampled_from(["nh3", "bleach"]))
def test_fuzz_html_soup(data: str, sanitizer: str) -> None:
    _check(data, sanitizer)


@FUZZ
@given(st.text(max_size=300))
def test_fuzz_any_text(data: str) -> None:
    _check(data, "nh3")


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_any_bytes(data: bytes) -> None:
    _check(data, "nh3")


@FUZZ
@given(html_soup())
def test_fuzz_clean_html(data: str) -> None:
    try:
        out = zakerclean.clean_html(data)
    except ZakerCleanError:
        return
    assert clean_problems(out) == []
    assert zakerclean.clean_html(out) == out
