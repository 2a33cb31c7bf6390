"""Rule 3 — URLs in links.

Every ``a[href]`` goes through :func:`zakerclean.urls.clean_url`: CORS-proxy prefixes stripped,
``//host`` made ``https://host``, relative URLs resolved against ``base_url``, ZAKER's
``link.php`` redirector decoded.  A link whose URL is unsafe (``javascript:`` …) or missing is
unwrapped: the URL goes, the text stays.  Image and video URLs get the same treatment in the
image and video rules, which pick their URLs first.
"""

from __future__ import annotations

from ..context import CleanContext
from ..dom import HtmlElement, unwrap_all

__all__ = ["fix_links"]


def fix_links(root: HtmlElement, ctx: CleanContext) -> int:
    """Clean every link URL; unwrap links left without a safe one."""
    changes = 0
    unsafe: list[HtmlElement] = []
    for link in root.iter("a"):
        raw = link.get("href")
        url = ctx.url(raw)
        if url is None:
            unsafe.append(link)
        elif url != raw:
            link.set("href", url)
            changes += 1
    return changes + unwrap_all(root, unsafe)
