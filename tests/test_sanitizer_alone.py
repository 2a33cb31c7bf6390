"""The final sanitizer (rule 10) on its own: the second lock, tested without the rules before it.

The rules already produce allowlisted HTML, so a sanitizer that let too much through would go
unnoticed behind them.  Here each backend gets hostile HTML directly and must hold SPEC §3 rule
7's allowlist by itself: every tag outside it, every attribute outside it, every URL scheme
other than http, https and mailto.  The allowlist is written out here from the SPEC, not read
from the code, so a change to the code's allowlist shows up as a failing test.
"""

from __future__ import annotations

import re

import pytest

from zakerclean.rules.sanitize import sanitize

BACKENDS = ("nh3", "bleach")


def _words(text: str) -> list[str]:
    return text.split()


#: SPEC §3 rule 7.
SPEC_TAGS = frozenset(
    _words(
        "p br a strong em u s sub sup code pre blockquote ul ol li h2 h3 h4 h5 h6 figure figcaption "
        "img video table caption thead tbody tfoot tr td th"
    )
)
SPEC_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "video": {"src", "poster", "controls"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "code": {"class"},
}

#: Tags of HTML, SVG and MathML outside the allowlist (the dangerous ones included).
DISALLOWED_TAGS = sorted(
    set(
        _words(
            "html head body title base link meta style script noscript template iframe frame frameset "
            "object embed applet param form input button select option textarea label fieldset "
            "legend datalist output keygen isindex svg math mi mo mtext annotation-xml foreignObject "
            "animate set use image div span section article aside nav header footer main h1 b i "
            "font center marquee blink details summary dialog menu xmp plaintext listing noembed "
            "noframes portal slot canvas audio source track picture map area bgsound xml"
        )
    )
    - SPEC_TAGS
)
#: Tags whose content nh3 removes with them.  bleach (``strip=True``) keeps a stripped tag's
#: content as escaped, inert text; rule 1 removes script and style content before either runs.
CONTENT_DROPPED = ("script", "style")

DISALLOWED_ATTRIBUTES = (
    "id", "style", "onclick", "onerror", "onload", "onmouseover", "data-src", "data-original",
    "target", "srcset", "name", "title", "lang", "dir", "tabindex", "formaction", "xmlns",
    "xlink:href", "background", "dynsrc", "lowsrc", "autofocus", "contenteditable", "is",
)  # fmt: skip

BAD_URLS = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/png;base64,iVBORw0KGgo=",
    "file:///etc/passwd",
    "ftp://example.com/a",
    "blob:https://example.com/uuid",
    "about:blank",
    "ws://example.com/",
    "jar:http://example.com/a!/b",
)
URL_ATTRIBUTES = (("a", "href"), ("img", "src"), ("video", "src"), ("video", "poster"))


def _tags(html: str) -> set[str]:
    return {name.lower() for name in re.findall(r"<([a-zA-Z][^\s/>]*)", html)}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("tag", DISALLOWED_TAGS)
def test_tags_outside_the_allowlist_do_not_survive(backend: str, tag: str) -> None:
    html = sanitize(f"<p>前<{tag}>中</{tag}>后</p>", backend)
    assert _tags(html) <= SPEC_TAGS, html
    if tag in CONTENT_DROPPED and backend == "nh3":
        assert "中" not in html


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("tag", sorted(SPEC_TAGS - {"img", "br"}))
@pytest.mark.parametrize("attribute", DISALLOWED_ATTRIBUTES)
def test_attributes_outside_the_allowlist_are_dropped(
    backend: str, tag: str, attribute: str
) -> None:
    markup = f'<{tag} {attribute}="https://example.com/x">文</{tag}>'
    html = sanitize(markup, backend)
    assert f"{attribute}=" not in html, html


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("attribute", DISALLOWED_ATTRIBUTES)
def test_img_attributes_outside_the_allowlist_are_dropped(backend: str, attribute: str) -> None:
    html = sanitize(f'<img src="https://img.example.com/a.jpg" {attribute}="x">', backend)
    assert f"{attribute}=" not in html and 'src="https://img.example.com/a.jpg"' in html


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("tag", sorted(SPEC_TAGS - {"code"}))
def test_class_is_dropped_everywhere_but_code(backend: str, tag: str) -> None:
    assert "class=" not in sanitize(f'<{tag} class="language-py">文</{tag}>', backend)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("value", "kept"),
    [("language-python", True), ("language-c++", True), ("hljs", False), ("x language-", False)],
)
def test_code_keeps_only_a_language_class(backend: str, value: str, kept: bool) -> None:
    html = sanitize(f'<pre><code class="{value}">x = 1</code></pre>', backend)
    assert (f'class="{value}"' in html) is kept


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("tag", "attribute"), URL_ATTRIBUTES)
@pytest.mark.parametrize("url", BAD_URLS)
def test_urls_with_other_schemes_are_dropped(
    backend: str, tag: str, attribute: str, url: str
) -> None:
    end = "" if tag == "img" else f"链接</{tag}>"
    html = sanitize(f'<{tag} {attribute}="{url}">{end}', backend)
    assert f"{attribute}=" not in html, html


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("tag", "attribute"), URL_ATTRIBUTES)
@pytest.mark.parametrize("url", ["https://example.com/a.jpg", "http://example.com/a.jpg"])
def test_http_and_https_urls_are_kept(backend: str, tag: str, attribute: str, url: str) -> None:
    end = "" if tag == "img" else f"链接</{tag}>"
    assert f'{attribute}="{url}"' in sanitize(f'<{tag} {attribute}="{url}">{end}', backend)


@pytest.mark.parametrize("backend", BACKENDS)
def test_mailto_links_are_kept(backend: str) -> None:
    assert 'href="mailto:a@example.com"' in sanitize(
        '<a href="mailto:a@example.com">信</a>', backend
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_allowed_markup_passes_unchanged_in_content(backend: str) -> None:
    markup = (
        '<p><a href="https://example.com/">链接</a> <strong>粗</strong> <em>斜</em></p>'
        '<figure><img src="https://img.example.com/a.jpg" alt="图" width="640" height="480">'
        "<figcaption>说明</figcaption></figure>"
        '<figure><video src="https://v.example.com/a.mp4" poster="https://v.example.com/a.jpg" '
        'controls=""></video></figure>'
        '<ol start="3"><li>三</li></ol>'
        '<table><tbody><tr><td colspan="2" rowspan="2">格</td></tr></tbody></table>'
        '<pre><code class="language-python">x = 1</code></pre>'
    )
    html = sanitize(markup, backend)
    for kept in (
        'href="https://example.com/"',
        'alt="图"',
        'width="640"',
        'height="480"',
        'poster="https://v.example.com/a.jpg"',
        "controls",
        'start="3"',
        'colspan="2"',
        'rowspan="2"',
        'class="language-python"',
    ):
        assert kept in html, (kept, html)
    assert _tags(html) <= SPEC_TAGS


@pytest.mark.parametrize("backend", BACKENDS)
def test_comments_are_dropped(backend: str) -> None:
    assert "<!--" not in sanitize("<p>文<!-- 注释 --></p>", backend)
