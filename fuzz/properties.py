"""What must hold for every generated input (issue 23), as one function per property.

``violations(candidate, options)`` runs ``clean_html`` and ``parse`` on one candidate and
returns a list of readable problems (empty when all hold):

* **contract**: only ``ZakerCleanError`` is raised (anything else is reported, never raised);
* **idempotent**: ``clean_html(out) == out`` for both entry points' HTML;
* **nothing added**: no ``</body``/``</html`` text the input did not hold, and no ``<``, ``>``,
  ``&`` or ``"`` more in the output's text and ``alt`` than in *any* reading of the input
  (lxml's and html5lib's text, comments and attribute values): a character that appears from
  nowhere was decoded twice;
* **allowlist**: the output parsed by lxml, html5lib and ``html.parser`` holds only allowed tags,
  attributes and URL schemes;
* **stable DOM**: html5lib parse → serialize → parse gives the same tree (mutation XSS).

Kept beside the generator so ``tests/test_generated.py`` and ``browser_run.py`` share them.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import html5lib
import lxml.html
from html5lib.serializer import HTMLSerializer

import zakerclean
from zakerclean import CleanOptions, ZakerCleanError
from zakerclean.dom import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, FORBIDDEN_CHARACTERS
from zakerclean.rules.video import VIDEO_LINK_LABEL
from zakerclean.urls import SAFE_SCHEMES

__all__ = ["violations", "outputs"]

COUNTED = '<>&"'
URL_ATTRIBUTES = frozenset({"href", "src", "poster"})
WRAPPER_TEXT = ("</body", "</html", "<body", "<html")
_LABEL = re.compile(re.escape(VIDEO_LINK_LABEL) + r"\S+")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_TAB_NEWLINE = str.maketrans("", "", "\t\n\r")
_SERIALIZER = HTMLSerializer(quote_attr_values="always", omit_optional_tags=False)


def outputs(candidate: str, options: CleanOptions) -> tuple[list[str], list[str]]:
    """(the HTML of each entry point, problems): ``clean_html`` and ``parse(...).html``."""
    results: list[str] = []
    problems: list[str] = []
    for name, call in (
        ("clean_html", lambda: zakerclean.clean_html(candidate, options=options)),
        ("parse", lambda: zakerclean.parse(candidate, options=options).html),
    ):
        try:
            results.append(call())
        except ZakerCleanError:
            continue
        except Exception as error:  # the contract: anything else is a finding
            problems.append(f"{name}: {type(error).__name__}: {error}")
    return results, problems


def violations(candidate: str, options: CleanOptions) -> list[str]:
    """Every property above that ``candidate`` breaks with ``options``."""
    results, problems = outputs(candidate, options)
    available = _input_counts(candidate)
    for out in dict.fromkeys(results):  # the two entry points usually agree
        problems += _not_idempotent(out, options)
        problems += _added(out, candidate, available)
        problems += _outside_allowlist(out)
        problems += _unstable(out)
    return problems


def _not_idempotent(out: str, options: CleanOptions) -> list[str]:
    again = zakerclean.clean_html(out, options=options)
    return [] if again == out else [f"not idempotent: {out[:120]!r} -> {again[:120]!r}"]


# -- nothing added ----------------------------------------------------------------------------
def _input_counts(candidate: str) -> Counter[str]:
    """The most of each counted character any reading of the input holds."""
    best: Counter[str] = Counter()
    for chunks in (_lxml_chunks(candidate), _html5lib_chunks(candidate)):
        counts = Counter(ch for chunk in chunks for ch in chunk if ch in COUNTED)
        best |= counts
    return best


def _lxml_chunks(html: str) -> list[str]:
    try:
        root = lxml.html.fragment_fromstring(
            FORBIDDEN_CHARACTERS.sub("\ufffd", html), create_parent="div"
        )
    except Exception:  # a reading lxml cannot make adds nothing
        return []
    chunks = [t for t in root.itertext()]
    for element in root.iter():
        chunks += list(element.attrib.values())
        if not isinstance(element.tag, str):  # comments, processing instructions
            chunks.append(element.text or "")
    return chunks


def _html5lib_chunks(html: str) -> list[str]:
    fragment = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    chunks: list[str] = []
    for element in fragment.iter():
        chunks += [element.text or "", element.tail or ""]
        chunks += list(element.attrib.values())
    return chunks


def _added(out: str, candidate: str, available: Counter[str]) -> list[str]:
    fragment = html5lib.parseFragment(out, treebuilder="etree", namespaceHTMLElements=False)
    text = "".join(fragment.itertext())
    problems = [
        f"wrapper text {marker!r} in the output"
        for marker in WRAPPER_TEXT
        if marker in text and marker not in candidate
    ]
    chunks = [_without_labels(text)] + [e.get("alt", "") for e in fragment.iter("img")]
    counts = Counter(ch for chunk in chunks for ch in chunk if ch in COUNTED)
    for ch, count in counts.items():
        if count > available[ch]:
            problems.append(f"{count} x {ch!r} in the output, at most {available[ch]} in the input")
    return problems


def _without_labels(text: str) -> str:
    """The output text minus the documented video link labels (``视频：URL``)."""
    return _LABEL.sub("", text)


# -- allowlist, with three parsers --------------------------------------------------------
def _outside_allowlist(out: str) -> list[str]:
    problems: list[str] = []
    for parser, elements in (
        ("lxml", _lxml_elements(out)),
        ("html5lib", _html5lib_elements(out)),
        ("html.parser", _stdlib_elements(out)),
    ):
        for tag, attributes in elements:
            if tag not in ALLOWED_TAGS:
                problems.append(f"{parser}: tag <{tag}>")
                continue
            for name, value in attributes:
                if name not in ALLOWED_ATTRIBUTES.get(tag, frozenset()):
                    problems.append(f"{parser}: attribute {name} on <{tag}>")
                elif name in URL_ATTRIBUTES and not _safe_url(value):
                    problems.append(f"{parser}: unsafe URL {value[:60]!r} in {name}")
    return problems


def _safe_url(url: str) -> bool:
    """As a browser reads it: C0 and spaces trimmed, tabs and newlines dropped, then a scheme
    only when the text before ``:`` is a valid scheme (anything else is a relative URL)."""
    url = url.strip("".join(map(chr, range(0x21)))).translate(_TAB_NEWLINE)
    match = _SCHEME.match(url)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def _lxml_elements(out: str) -> list[tuple[str, list[tuple[str, str]]]]:
    root = lxml.html.fragment_fromstring(out or "<p></p>", create_parent="div")
    return [
        (e.tag, list(e.attrib.items())) for e in root.iterdescendants() if isinstance(e.tag, str)
    ]


def _html5lib_elements(out: str) -> list[tuple[str, list[tuple[str, str]]]]:
    fragment = html5lib.parseFragment(out, treebuilder="etree", namespaceHTMLElements=False)
    return [
        (str(e.tag), list(e.attrib.items()))
        for e in fragment.iter()
        if isinstance(e.tag, str) and e is not fragment
    ]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, [(n, v or "") for n, v in attrs]))


def _stdlib_elements(out: str) -> list[tuple[str, list[tuple[str, str]]]]:
    collector = _Collector()
    collector.feed(out)
    collector.close()
    return collector.elements


# -- a stable DOM -------------------------------------------------------------------------
def _unstable(out: str) -> list[str]:
    first = _dump(out)
    walker = html5lib.getTreeWalker("etree")
    tree = html5lib.parseFragment(out, treebuilder="etree", namespaceHTMLElements=False)
    again = "".join(_SERIALIZER.serialize(walker(tree)))
    second = _dump(again)
    return [] if first == second else [f"html5lib round trip changes the DOM: {out[:120]!r}"]


def _dump(html: str) -> str:
    fragment = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    parts: list[str] = []
    for element in fragment.iter():
        parts.append(
            f"<{element.tag} {sorted(element.attrib.items())}>{element.text!r}|{element.tail!r}"
        )
    return "\n".join(parts)
