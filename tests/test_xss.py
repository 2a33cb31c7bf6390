"""XSS: every vector of ``tests/xss_vectors.py`` in every ZAKER context, through both sanitizers.

Each case runs ``clean_html`` and ``parse`` and judges the result *structurally*: the output is
parsed (lxml, then html5lib — the WHATWG algorithm browsers use — then html5lib again after an
html5lib serialize round trip, to catch mutation XSS) and every element, attribute and URL is
checked against :mod:`zakerclean.dom`'s allowlist.  A :class:`zakerclean.ZakerCleanError` is a
safe outcome (the input was refused); any other exception is a failure.  ``clean_html`` must also
be idempotent on its own output, and every URL of ``Article.images``/``videos``/``cover`` must be
http(s), mailto or relative.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator

import lxml.html
import pytest

try:  # bleach vendors html5lib; a standalone install works too
    import html5lib
    from html5lib.serializer import HTMLSerializer
except ImportError:  # pragma: no cover - depends on the environment
    from bleach._vendor import html5lib
    from bleach._vendor.html5lib.serializer import HTMLSerializer

from tests.xss_vectors import (
    CONTEXTS,
    HTML_VECTORS,
    MARKUP_CONTEXTS,
    SAFE_IMG,
    URL_CONTEXTS,
    URL_VECTORS,
    VECTORS,
    all_cases,
    case_parts,
)
from zakerclean import Article, CleanOptions, ZakerCleanError, clean_html, parse
from zakerclean.dom import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, CODE_LANGUAGE

SANITIZERS = ("nh3", "bleach")
OPTIONS = {name: CleanOptions(sanitizer=name) for name in SANITIZERS}
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset({"href", "src", "poster"})
# What browsers strip from or ignore inside a URL before reading its scheme (and then some).
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_RAW_DANGEROUS_TAG = re.compile(
    r"<\s*/?\s*(script|style|iframe|svg|math|object|embed|base|meta|link|form|noscript|template)\b",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------------------------
# Known failures: (vector id, contexts or None for all, sanitizers or None for both) → reason.
# Each is strict: the day the library is fixed, the xfail turns into a failure to be removed.
# --------------------------------------------------------------------------------------------

_ABSORBING = frozenset({"zk_upvideo", "video_container"})  # contexts that drop their content
_CARRYING = (frozenset(MARKUP_CONTEXTS) - _ABSORBING) | frozenset(URL_CONTEXTS)

#: (vector id, contexts or None for all, sanitizers or None for both, reason).  Strict: the day
#: the library is fixed, the xfail turns into a failure and its entry must go.
KNOWN_FAILURES: list[tuple[str, frozenset[str] | None, frozenset[str] | None, str]] = []


def expected_failure(case_id: str, sanitizer: str) -> str | None:
    context, vid = case_parts(case_id)
    for known_vid, contexts, sanitizers, reason in KNOWN_FAILURES:
        if (
            known_vid == vid
            and (contexts is None or context in contexts)
            and (sanitizers is None or sanitizer in sanitizers)
        ):
            return reason
    return None


# --------------------------------------------------------------------------------------------
# Checkers
# --------------------------------------------------------------------------------------------


def scheme_of(value: str) -> str | None:
    """The unsafe scheme a browser would read in ``value``, else ``None`` (safe or relative).

    ``value`` is what the DOM holds: the parser has already HTML-unescaped the attribute once,
    as a browser does.  ASCII whitespace and control characters are dropped everywhere (browsers
    strip them at the ends and drop tab/newline inside), then the value is lowercased.
    """
    match = _SCHEME.match(_URL_JUNK.sub("", value).lower())
    if match and match.group(1) not in SAFE_SCHEMES:
        return match.group(1)
    return None


def url_problem(value: str | None, where: str) -> list[str]:
    if value is None:
        return []
    scheme = scheme_of(value)
    return [f"{where}: unsafe scheme {scheme!r} in {value[:80]!r}"] if scheme else []


def tree_problems(elements: Iterator[object], parser: str) -> list[str]:
    problems: list[str] = []
    for element in elements:
        tag = getattr(element, "tag", None)
        if not isinstance(tag, str):
            problems.append(f"{parser}: comment/PI node {element!r}")
            continue
        if tag not in ALLOWED_TAGS:
            problems.append(f"{parser}: element <{tag}> outside ALLOWED_TAGS")
            continue
        allowed = ALLOWED_ATTRIBUTES.get(tag, frozenset())
        for name, value in element.attrib.items():  # type: ignore[attr-defined]
            if name not in allowed:
                problems.append(f"{parser}: attribute {name}= on <{tag}> outside the allowlist")
            elif name == "class" and not CODE_LANGUAGE.fullmatch(value):
                problems.append(f"{parser}: class={value!r} on <{tag}> is no language-NAME")
            if name in URL_ATTRIBUTES or scheme_of(value) in {"javascript", "vbscript", "data"}:
                problems += url_problem(value, f"{parser}: <{tag} {name}>")
    return problems


# Built once: making an html5lib parser or serializer costs more than a small parse.
_HTML5LIB = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
_HTML5LIB_WALKER = html5lib.getTreeWalker("etree")
_HTML5LIB_SERIALIZER = HTMLSerializer(quote_attr_values="always", omit_optional_tags=False)


def _html5lib_fragment(markup: str) -> object:
    """The fragment as the WHATWG algorithm builds it; foreign names read ``{namespace}local``."""
    return _HTML5LIB.parseFragment(markup)


def _html5lib_elements(fragment: object) -> Iterator[object]:
    iterator = fragment.iter()  # type: ignore[attr-defined]
    next(iterator)  # the DOCUMENT_FRAGMENT root
    return iterator


def html_problems(out: str, label: str) -> list[str]:
    """Every way ``out`` could run script or load active content, as seen by two parsers."""
    return [f"{label}: {problem}" for problem in _html_problems(out)]


@functools.lru_cache(maxsize=4096)
def _html_problems(out: str) -> tuple[str, ...]:
    if not out.strip():
        return ()
    problems: list[str] = []
    if _RAW_DANGEROUS_TAG.search(out):
        problems.append(f"raw dangerous tag text {_RAW_DANGEROUS_TAG.search(out)!r}")
    lxml_root = lxml.html.fragment_fromstring(out, create_parent="div")
    problems += tree_problems(lxml_root.iterdescendants(), "lxml")
    fragment = _html5lib_fragment(out)
    problems += tree_problems(_html5lib_elements(fragment), "html5lib")
    reserialized = _HTML5LIB_SERIALIZER.render(_HTML5LIB_WALKER(fragment))
    if reserialized != out:  # a browser's innerHTML round trip: parse, serialize, parse again
        problems += tree_problems(
            _html5lib_elements(_html5lib_fragment(reserialized)), "html5lib-roundtrip"
        )
    return tuple(problems)


def article_problems(article: Article) -> list[str]:
    problems = html_problems(article.html, "parse().html")
    for index, image in enumerate(article.images):
        problems += url_problem(image.url, f"images[{index}].url")
        problems += url_problem(image.still_url, f"images[{index}].still_url")
    for index, video in enumerate(article.videos):
        problems += url_problem(video.url, f"videos[{index}].url")
        problems += url_problem(video.poster, f"videos[{index}].poster")
    if article.cover is not None:
        problems += url_problem(article.cover.url, "cover.url")
        problems += url_problem(article.cover.still_url, "cover.still_url")
    return problems


@functools.lru_cache(maxsize=4096)
def _idempotence_problems(out: str, sanitizer: str) -> tuple[str, ...]:
    try:
        again = clean_html(out, options=OPTIONS[sanitizer])
    except ZakerCleanError as error:
        return (f"clean_html(out) raised {error!r}",)
    return () if again == out else (f"not idempotent: {out!r} -> {again!r}",)


def xss_problems(markup: str, sanitizer: str) -> list[str]:
    """Run ``clean_html`` and ``parse`` over ``markup``; return every problem found."""
    options = OPTIONS[sanitizer]
    problems: list[str] = []
    out: str | None
    try:
        out = clean_html(markup, options=options)
    except ZakerCleanError:
        out = None  # refused: safe
    if out is not None:
        problems += html_problems(out, "clean_html")
        problems += _idempotence_problems(out, sanitizer)
    try:
        article = parse(markup, options=options)
    except ZakerCleanError:
        return problems
    problems += article_problems(article)
    return problems


def _report(markup: str, sanitizer: str, problems: list[str]) -> str:
    try:
        out = clean_html(markup, options=OPTIONS[sanitizer])
    except ZakerCleanError as error:
        out = repr(error)
    return "\n".join([f"input:  {markup!r}", f"output: {out!r}", *problems])


# --------------------------------------------------------------------------------------------
# The corpus itself
# --------------------------------------------------------------------------------------------


def test_corpus_shape() -> None:
    ids = [vid for vid, _ in VECTORS]
    assert len(ids) == len(set(ids)), "vector ids must be unique"
    assert len({markup for _, markup in VECTORS}) == len(VECTORS), "vectors must be distinct"
    assert len(HTML_VECTORS) >= 150
    assert set(CONTEXTS) == set(MARKUP_CONTEXTS) | set(URL_CONTEXTS)
    cases = all_cases()
    assert len(cases) == len(VECTORS) * len(MARKUP_CONTEXTS) + len(URL_VECTORS) * len(URL_CONTEXTS)
    assert len({case_id for case_id, _ in cases}) == len(cases)


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="java&#9;script:alert(1)">x</a>',
        '<p style="x">x</p>',
        '<video src="http://a/v.mp4" poster=" data:text/html,x"></video>',
        "<svg><a>x</a></svg>",
        "<p><!-- c --></p>",
        '<img src="http://a/i.jpg" alt="<script>">',
    ],
)
def test_checker_catches(markup: str) -> None:
    """The checker is not vacuous: each of these raw outputs is flagged."""
    assert html_problems(markup, "raw")


def test_checker_passes_clean_html() -> None:
    clean = (
        '<p><a href="http://a.example/">a</a> <a href="mailto:x@example.com">m</a>'
        ' <a href="/rel">r</a> &lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)</p>\n'
        f'<figure><img src="{SAFE_IMG}" alt="a" width="1" height="2"></figure>\n'
        '<figure><video controls="" src="http://h/v.mp4" poster="https://a/p.jpg"></video></figure>'
    )
    assert html_problems(clean, "clean") == []


# --------------------------------------------------------------------------------------------
# Every case, both sanitizers
# --------------------------------------------------------------------------------------------


def _params() -> list[object]:
    params = []
    for case_id, markup in all_cases():
        for sanitizer in SANITIZERS:
            reason = expected_failure(case_id, sanitizer)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(
                pytest.param(markup, sanitizer, id=f"{case_id}[{sanitizer}]", marks=marks)
            )
    return params


@pytest.mark.parametrize(("markup", "sanitizer"), _params())
def test_xss_case_is_inert(markup: str, sanitizer: str) -> None:
    problems = xss_problems(markup, sanitizer)
    assert not problems, _report(markup, sanitizer, problems)


# --------------------------------------------------------------------------------------------
# Cover: URL payloads as Hexo ``headimg``/``thumbnail``
# --------------------------------------------------------------------------------------------


def _post(headimg: str, thumbnail: str) -> str:
    # JSON strings are valid YAML double-quoted scalars, control characters included.
    return (
        "---\n"
        "title: t\n"
        f"headimg: {json.dumps(headimg)}\n"
        f"thumbnail: {json.dumps(thumbnail)}\n"
        "---\n"
        "<p>正文</p>\n"
    )


def _cover_params() -> list[object]:
    params = []
    for vid, payload in URL_VECTORS:
        for sanitizer in SANITIZERS:
            case_id = f"cover:{vid}"
            reason = expected_failure(case_id, sanitizer)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(
                pytest.param(payload, sanitizer, id=f"{case_id}[{sanitizer}]", marks=marks)
            )
    return params


@pytest.mark.parametrize(("payload", "sanitizer"), _cover_params())
def test_cover_url_is_safe(payload: str, sanitizer: str) -> None:
    problems: list[str] = []
    for headimg in (payload, SAFE_IMG):
        try:
            article = parse(_post(headimg, payload), options=OPTIONS[sanitizer])
        except ZakerCleanError:
            continue
        problems += article_problems(article)
    assert not problems, "\n".join([f"payload: {payload!r}", *problems])
