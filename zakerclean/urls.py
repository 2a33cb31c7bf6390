"""URL repair shared by the cleaning rules and the cover (SPEC §3 rule 3).

One function, :func:`clean_url`, turns a raw attribute value into the URL zakerclean keeps, or
``None`` when nothing safe is left.  Each step is a small named function so a reader can see what
happens to ``https://cors.zfour.workers.dev/?http://zkres.myzaker.com/x.jpg`` in order:
unproxy → scheme-relative → scheme check (relative URLs: resolve) → redirector → ASCII form.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
from urllib.parse import SplitResult, parse_qs, quote, unquote, urljoin, urlsplit

import idna

#: RFC 3986 IPvFuture: ``v`` hex-version ``.`` then unreserved, sub-delims or ``:``.
_IPV_FUTURE = re.compile(r"[vV][0-9A-Fa-f]+\.[A-Za-z0-9._~!$&'()*+,;=:-]+")

__all__ = [
    "SAFE_SCHEMES",
    "ascii_host",
    "clean_url",
    "decode_zaker_redirect",
    "document_base",
    "split_url",
    "strip_proxies",
    "url_host",
]

#: Schemes a cleaned ``href``/``src`` may have (the sanitizer enforces the same set).
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

# Control characters and whitespace browsers ignore inside a URL; they hide schemes like
# "java\tscript:".  Stripped before the scheme is judged.
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def _without_scheme(url: str) -> str:
    """``https://a/b`` → ``a/b`` (any case); proxies match over http and https alike."""
    lowered = url[:8].lower()
    if lowered.startswith("https://"):
        return url[8:]
    if lowered.startswith("http://"):
        return url[7:]
    return url


#: Printable ASCII that may stand in a URL as it is; ``"<>`` and the backtick are percent-encoded
#: (browsers do the same), which also keeps attribute quoting trivial for every serializer.
_URL_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"<>`')
_UNSAFE_IN_URL = re.compile(r'["<>`]')


def split_url(url: str) -> SplitResult | None:
    """``urlsplit(url)``, or ``None`` when the URL cannot be parsed at all.

    ``urllib.parse`` raises a plain ``ValueError`` for hosts no browser would accept (an
    unclosed ``[``, ``[x]`` that is no IP address, a full-width ``：`` or ``／`` that NFKC turns
    into a delimiter) and for ports that are no number in 0–65535; reading ``.port`` is where
    the latter surfaces.  SPEC §3 rule 3 makes such a URL unusable, never an exception, so every
    split in zakerclean goes through here and ``.hostname``/``.port`` are safe on the result.
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number in range
    except ValueError:
        return None
    if not _ip_literal_is_whole(parts.netloc):
        return None
    return parts


def _ip_literal_is_whole(netloc: str) -> bool:
    """Whether a bracketed host (``[::1]``) is followed by nothing but an optional ``:port``.

    urllib accepts ``http://[::1]junk/`` and drops the junk from ``.hostname``; browsers reject
    the URL, so zakerclean does too.
    """
    hostport = netloc.rpartition("@")[2]
    if not hostport.startswith("["):
        return True
    literal, _close, rest = hostport[1:].partition("]")
    if not _is_ipv6_literal(literal):
        return False
    return rest == "" or rest.startswith(":")


def _is_ipv6_literal(literal: str) -> bool:
    """Whether ``[literal]`` is an IPv6 address (or an IPvFuture ``v1.x``), as Python 3.11+'s
    urllib checks; 3.10's urllib accepts ``http://[x]/`` and must not decide for us."""
    if literal[:1] in ("v", "V"):
        return _IPV_FUTURE.fullmatch(literal) is not None
    try:
        return isinstance(ipaddress.ip_address(literal), ipaddress.IPv6Address)
    except ValueError:
        return False


def ascii_host(host: str) -> str | None:
    """``host`` as a browser sends it: UTS #46 mapping and IDNA 2008 (``straße.de`` →
    ``xn--strae-oqa.de``, ``ＥＸ。com`` → ``ex.com``), or ``None`` when IDNA rejects it.

    Python's ``encode("idna")`` is IDNA 2003, which maps ``ß`` to ``ss`` — another host than the
    one a browser visits.  ASCII hosts are kept as written (browsers accept ``_`` in them,
    which IDNA 2008 does not).
    """
    if host.isascii():
        return host
    try:
        return idna.encode(host, uts46=True, transitional=False).decode("ascii")
    except idna.IDNAError:  # emoji, symbols, bad bidi or hyphens, empty or overlong labels
        return None


def _punycode_is_valid(host: str) -> bool:
    """Whether every ``xn--`` label of an ASCII host decodes (IDNA 2008)."""
    for label in host.lower().split("."):
        if label.startswith("xn--"):
            try:
                idna.decode(label)
            except (idna.IDNAError, UnicodeError):
                return False
    return True


def _with_ascii_host(parts: SplitResult) -> SplitResult | None:
    """``parts`` with its host in ASCII form (user info and port kept as written), or ``None``
    when the host is no valid internationalized name."""
    userinfo, at, hostport = parts.netloc.rpartition("@")
    if hostport.startswith("["):  # an IP literal: split_url checked it is an address
        return parts
    host, colon, port = hostport.partition(":")
    converted = ascii_host(host)
    if converted is None:
        return None
    if converted == host:
        return parts
    return parts._replace(netloc=f"{userinfo}{at}{converted}{colon}{port}")


def _ascii(url: str) -> str | None:
    """The ASCII form of ``url``: an IDNA host; other non-ASCII characters, ``"<>`` and the
    backtick percent-encoded.  ``None`` when the URL cannot be parsed or its host is invalid.

    lxml writes ``href``/``src`` in this form anyway; doing it here keeps ``Image.url`` and the
    HTML identical, so a parsed ``to_hexo()`` gives the same article.
    """
    parts = split_url(url)
    if parts is None:
        return None
    if url.isascii() and not _UNSAFE_IN_URL.search(url):
        return url
    converted = _with_ascii_host(parts) if parts.netloc else parts
    if converted is None:
        return None
    result = quote(converted.geturl(), safe=_URL_SAFE)
    # percent-encoding cannot make a URL unsplittable; checked so no caller ever has to guard
    return result if split_url(result) is not None else None


def strip_proxies(url: str, proxies: tuple[str, ...]) -> str:
    """Remove every CORS-proxy prefix in ``proxies`` from the front of ``url``, repeatedly.

    The target after a prefix may be percent-encoded (``?http%3A%2F%2F...``); it is decoded then.
    """
    if not proxies:
        return url
    bare_prefixes = [_without_scheme(p.lower()) for p in proxies]
    changed = True
    while changed:
        changed = False
        if url.startswith("//"):  # a proxy may wrap a scheme-relative URL, or sit behind one
            url = "https:" + url
        bare = _without_scheme(url)
        if bare is url:  # no http(s) scheme: cannot be behind a proxy
            break
        for prefix in bare_prefixes:
            if bare[: len(prefix)].lower() == prefix:
                rest = bare[len(prefix) :]
                if rest[:7].lower() in ("http%3a", "https%3"):
                    rest = unquote(rest)
                url = rest
                changed = True
                break
    return url


def decode_zaker_redirect(url: str) -> str | None:
    """Decode ZAKER's ``…/zaker/link.php?…&b=<base64 target>`` redirector.

    Returns the target when it decodes to an http(s) URL, else ``None`` (keep the redirector).
    """
    if "link.php" not in url:  # the common case, without parsing the URL
        return None
    parts = split_url(url)
    if parts is None or not (
        parts.path.endswith("/link.php") and parts.hostname and "myzaker.com" in parts.hostname
    ):
        return None
    values = parse_qs(parts.query).get("b")
    if not values:
        return None
    encoded = values[0].replace(" ", "+").strip()
    encoded += "=" * (-len(encoded) % 4)
    try:
        target = base64.b64decode(
            encoded, altchars=b"-_" if "-" in encoded or "_" in encoded else None
        )
        decoded = target.decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    decoded = decoded.strip()
    if decoded.startswith(("http://", "https://")) and not _URL_JUNK.search(decoded):
        return decoded
    return None


def url_host(url: str) -> str | None:
    """The host of ``url`` without a leading ``www.``, or ``None``."""
    parts = split_url(url)
    host = parts.hostname if parts is not None else None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _has_host(url: str) -> bool:
    """Whether an http(s) URL names a host a browser can visit: ``https://`` and ``http:x``
    name none, ``http://xn--/`` an undecodable one (nh3 and browsers reject all three)."""
    parts = split_url(url)
    if parts is None or not parts.hostname:
        return False
    return "xn--" not in parts.hostname or _punycode_is_valid(parts.hostname)


def clean_url(
    raw: str | None,
    *,
    proxies: tuple[str, ...],
    base_url: str | None = None,
    decode_redirects: bool = True,
) -> str | None:
    """The URL zakerclean keeps for ``raw``, or ``None`` when none is safe or present.

    Relative URLs stay relative unless ``base_url`` is given.  Any scheme other than
    http/https/mailto (``javascript:``, ``data:``, ``vbscript:`` …) yields ``None``.
    """
    if raw is None:
        return None
    url = raw.strip()
    if not url:
        return None
    url = strip_proxies(url, proxies)
    if url.startswith("//"):
        url = "https:" + url
    probe = _URL_JUNK.sub("", url)
    match = _SCHEME.match(probe)
    if match is None:  # relative: no scheme to judge
        url = _URL_JUNK.sub(lambda m: "%20" * m.group().count(" "), url)
        if base_url and url:
            try:
                url = urljoin(base_url, url)
            except ValueError:
                return None
        return _ascii(url) if url else None
    scheme = match.group(1).lower()
    if scheme not in SAFE_SCHEMES:
        return None
    if scheme != "mailto" and not _has_host(probe):
        return None  # the sanitizer would drop it and leave an <img> with no URL
    if probe != url:
        # A real URL has no raw whitespace or control characters; encode spaces, drop the rest.
        url = _URL_JUNK.sub(lambda m: "%20" * m.group().count(" "), url)
    if decode_redirects:
        target = decode_zaker_redirect(url)
        if target is not None:
            # the target gets every check again: it may hide a proxy, or behind one a
            # javascript: URL; a redirector to an unsafe target is no link at all
            return clean_url(target, proxies=proxies, decode_redirects=False)
    return _ascii(url)


def document_base(base_url: str | None, href: str, *, proxies: tuple[str, ...] = ()) -> str | None:
    """The base URL a document's ``<base href>`` makes, combined with ``base_url`` as a browser
    combines it with the document's own URL; ``None`` when ``href`` gives no usable base (the
    caller then keeps ``base_url``).

    An absolute http(s) ``href`` replaces ``base_url``; a relative one is resolved against it.
    Without an absolute ``base_url``, only a path-absolute ``href`` (``/``, ``/news/``) still
    makes a base: relative URLs joined to it stay relative but keep the meaning the page gave
    them (``a.jpg`` under ``/news/`` is ``/news/a.jpg``); a path-relative ``href`` (``../x/``)
    cannot be combined without the document's URL.  Other schemes (``javascript:``,
    ``data:``) are no base, as in browsers.
    """
    url = clean_url(href, proxies=proxies, base_url=base_url, decode_redirects=False)
    if url is None:
        return None
    if url.lower().startswith(("http://", "https://")):
        return url
    if url.startswith("/") and not url.startswith("//"):
        return url
    return None
