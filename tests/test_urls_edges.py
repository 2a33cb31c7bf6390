"""URL edge cases the mutation run (docs/mutation.md) found untested: IP literals, IDNA labels
in every position and case, IP-literal hosts of non-ASCII URLs."""

from __future__ import annotations

import pytest

from zakerclean.urls import _is_ipv6_literal, clean_url, document_base


def _clean(url: str) -> str | None:
    return clean_url(url, proxies=())


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ("::1", True),
        ("2001:db8::7", True),
        ("v1.fe", True),  # IPvFuture, as Python 3.11+'s urllib accepts it
        ("V1.fe", True),
        ("vz", False),
        ("V", False),
        ("x", False),  # Python 3.10's urllib accepts http://[x]/: this check must not
        ("127.0.0.1", False),  # an IPv4 address is no bracketed host
        ("", False),
    ],
)
def test_bracketed_hosts_are_ipv6_or_ipvfuture(literal: str, expected: bool) -> None:
    assert _is_ipv6_literal(literal) is expected


@pytest.mark.parametrize(
    "url",
    [
        "http://www.xn--a.com/",  # the bad label is not the first one
        "http://img.example.xn--a/",
        "http://XN--A.com/",  # labels are case-insensitive
        "http://www.Xn--A.example/",
    ],
)
def test_an_undecodable_punycode_label_anywhere_makes_the_url_unusable(url: str) -> None:
    assert _clean(url) is None


@pytest.mark.parametrize(
    "url", ["http://xn--strae-oqa.de/", "http://WWW.XN--STRAE-OQA.DE/a.jpg", "https://a.xn--p1ai/"]
)
def test_valid_punycode_labels_are_kept(url: str) -> None:
    assert _clean(url) == url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://[::1]/路径", "http://[::1]/%E8%B7%AF%E5%BE%84"),
        ("http://[::1]:8080/图", "http://[::1]:8080/%E5%9B%BE"),
        ("http://user@[2001:db8::7]/图", "http://user@[2001:db8::7]/%E5%9B%BE"),
    ],
)
def test_ip_literal_hosts_of_non_ascii_urls_are_kept(url: str, expected: str) -> None:
    assert _clean(url) == expected


def test_a_non_ascii_host_is_converted_and_its_port_kept() -> None:
    assert _clean("http://straße.de:8080/a") == "http://xn--strae-oqa.de:8080/a"


PROXY = "https://cors.zfour.workers.dev/?"


@pytest.mark.parametrize(
    ("base_url", "href", "base"),
    [
        (None, "/", "/"),  # path-absolute: a base even without the page's URL
        (None, "/news/", "/news/"),
        (None, "//cdn.example/x/", "https://cdn.example/x/"),  # network-path: https
        (None, "../x/", None),  # path-relative: nothing to resolve it against
        (None, "x/", None),
        (None, "https://a.example/b/", "https://a.example/b/"),
        (None, "http://a.example/b/", "http://a.example/b/"),
        ("https://a.example/p/q.html", "../x/", "https://a.example/x/"),
        # a base is where relative URLs point, not a link: a redirector there is not followed
        (
            None,
            "http://iphone.myzaker.com/zaker/link.php?b=aHR0cHM6Ly9iLmV4YW1wbGUvbi8=",
            "http://iphone.myzaker.com/zaker/link.php?b=aHR0cHM6Ly9iLmV4YW1wbGUvbi8=",
        ),
        ("https://a.example/p/", "HTTPS://B.example/", "HTTPS://B.example/"),
        ("https://a.example/p/", "javascript:x", None),  # no other scheme is a base
        ("https://a.example/p/", "data:,x", None),
        (None, "ftp://h/", None),
    ],
)
def test_document_base(base_url: str | None, href: str, base: str | None) -> None:
    assert document_base(base_url, href) == base


def test_document_base_strips_the_proxies_it_is_given() -> None:
    href = PROXY + "https://b.example/"
    assert document_base("https://a.example/p/", href) == href
    assert document_base("https://a.example/p/", href, proxies=(PROXY,)) == "https://b.example/"
