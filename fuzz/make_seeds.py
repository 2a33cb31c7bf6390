"""Write the fuzzing seeds into ``fuzz/seeds/`` (or another folder).

Seeds are where the fuzzer starts mutating, so they should already look like real input and
like the shapes that broke zakerclean before.  Two sources:

* the real posts of ``../shared/corpus`` (and ``examples/``), **read when this script runs**:
  the corpus is not ours to publish, so its text is never committed — ``fuzz/seeds/`` is in
  ``fuzz/.gitignore`` and is rebuilt by ``python fuzz/make_seeds.py``;
* hand-written shapes, below: broken URLs, full-width characters in hosts, deep nesting, odd
  YAML, invalid UTF-8 and misdeclared charsets, odd feeds and dates.

Three seed folders, one per input kind: ``documents`` (for ``parse`` and ``clean_html``),
``feeds`` (``parse_feed``) and ``dates`` (``parse_date``).  File names say where a seed came
from; the same input always gets the same name, so the folders are reproducible.

Usage: ``python fuzz/make_seeds.py [OUT]`` (default ``fuzz/seeds``).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import re
import shutil
import sys
from html import escape
from pathlib import Path
from urllib.parse import quote

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"
DATES_DOC = ROOT / "docs" / "dates.md"

KINDS = ("documents", "feeds", "dates")

# -- hand-written shapes ------------------------------------------------------------------------


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


BROKEN_URLS = [
    "http://[",
    "http://[<",
    "http://[中",
    "http://[]",
    "http://[x]/link.php",
    "http://[::1]junk/",
    "http://[::1]:99999/",
    "http://a：b/",
    "http://x／y",
    "http://x＃y/",
    "http://a:x/",
    "http://a:８０/",
    "http://straße.de/路径?q=值",
    "http://Straße.DE/",
    "http://ｅｘａｍｐｌｅ。com/",
    "https://中国。cn/",
    "http://😀.com/",
    "http://a..b中.com/",
    "http://xn--zz.com/",
    "http://-a中.com/",
    "http://u:p@straße.de:8080/",
    "//[::1",
    "//straße.de/a.jpg",
    "https://cors.zfour.workers.dev/?http://[",
    "https://cors.zfour.workers.dev/?http%3A%2F%2F%5B",
    "https://cors.zfour.workers.dev/?https://cors.zfour.workers.dev/?javascript:alert(1)",
    f"https://iphone.myzaker.com/zaker/link.php?pk=1&b={_b64('http://[')}",
    f"https://iphone.myzaker.com/zaker/link.php?b={_b64('http://a：b/')}",
    f"http://[x]/zaker/link.php?b={_b64('http://a.com')}",
    "https://iphone.myzaker.com/zaker/link.php?b=%%%",
    "java\tscript:alert(1)",
    "\x00http://a.com/",
    "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
]


def _url_documents() -> list[str]:
    """Each broken URL in every attribute that carries one."""
    documents = []
    for url in BROKEN_URLS:
        quoted = escape(url, quote=True)
        documents.append(
            f'<p><a href="{quoted}">链接</a></p><img src="{quoted}">'
            f'<img data-src="{quoted}"><img srcset="{quoted} 2x, http://a/b.jpg 1x">'
            f'<div class="img_box"><img data-original="{quoted}" data-gif-url="{quoted}"></div>'
            f'<video poster="{quoted}"><source src="{quoted}"></video>'
            f'<iframe src="{quoted}"></iframe>'
        )
        documents.append(f"---\ntitle: t\nheadimg: '{url}'\nlink: '{url}'\n---\n<p>x</p>")
    documents.append("<A HREF=http://[")
    documents.append("<video><source src=http://[")
    documents.append("<img srcset=http://[]")
    zkinfo = quote(json.dumps({"videoUrl": "http://[", "imgUrl": "http://a：b/"}), safe="")
    documents.append(f'<div class="zk_upvideo" data-zkinfo="{zkinfo}"></div>')
    return documents


DEEP_NESTING = [
    "<div>" * 3000 + "深" + "</div>" * 3000,
    "<b><i>" * 1200 + "x",
    "<table><tr><td>" * 400 + "cell",
    "<p>" * 5000,
    "<ul><li>" * 1500 + "item",
    "<blockquote>" * 2100 + "q" + "</blockquote>" * 2100,
    "<span></span>" * 3000,
    '<div class="img_box">' * 700 + '<img data-original="http://a/b.jpg">',
    ' " 引号 "' * 2000,
]

ODD_YAML = [
    "---\ntitle: t\ndate: 2021-13-45\n---\n<p>x</p>",
    "---\ntitle: t\ndate: 2021-02-30 10:00:00\n---\n<p>x</p>",
    "---\ntitle: t\ndate: 2021-04-17 25:61:61\n---\n<p>x</p>",
    "---\ntitle: t\ndate: 0000-01-01\n---\n<p>x</p>",
    "---\ntitle: t\ndate: 99999999999999999999\n---\n<p>x</p>",
    "---\ntitle: t\ndate: 1e400\n---\n<p>x</p>",
    "---\ntitle: t\ndate: .nan\n---\n<p>x</p>",
    "---\ntitle: t\ndate: [2021, 4]\n---\n<p>x</p>",
    "---\ntitle: t\ndate: {a: 1}\n---\n<p>x</p>",
    "---\ntitle: t\ndate: !!timestamp 2021-04-17\n---\n<p>x</p>",
    "---\ntitle: t\ndate: !!timestamp not-a-date\n---\n<p>x</p>",
    "---\ni: !!timestamp\n---",
    "---\ntitle: t\ndate: !!binary aGVsbG8=\n---\n<p>x</p>",
    "---\ntitle: !!python/object:os.system x\n---\n<p>x</p>",
    "---\ntitle: &a [*a]\n---\n<p>x</p>",
    "---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n<p>x</p>",
    "---\ntags: &#123;&#125;\n---\n<p>x</p>",
    "---\ntitle: 'line one\nline two'\nauthor: x\n---\n<p>hi</p>",
    "---\ntitle: a: b #c\n---\n<p>x</p>",
    '---\ntitle: "他说"不"\'行\'"\n---\n<p>x</p>',
    '---\ncategories: [新媒体, "ZAKER - channel"\n---\n<p>x</p>',
    "---\ncategories:\n - 新媒体\n - ZAKER\n - channel\n - extra\n - more\n---\n<p>x</p>",
    "---\ncategories: 新媒体\n---\n<p>x</p>",
    "---\n? [complex, key]\n: value\n---\n<p>x</p>",
    "---\ntitle:\t\ttab\n---\n<p>x</p>",
    "---\r\ntitle: crlf\r\ndate: 2021-04-17 17:10\r\n---\r\n<p>x</p>",
    "\ufeff\n\n---\ntitle: bom\n---\n<p>x</p>",
    "---\ntitle: t\n---\n---\nagain: yes\n---\n<p>x</p>",
    "---\n---\n",
    "---\n",
    "---\ntitle: [unclosed\n---\n<p>x</p>",
    "---\ntitle: 'unclosed\n---\n<p>x</p>",
    "---\n- just\n- a list\n---\n<p>x</p>",
    "---\nnull\n---\n<p>x</p>",
    "---\ntitle: " + "长" * 5000 + "\n---\n<p>x</p>",
    "---\nheadimg: https://picsum.photos/200\n---\n<p>x</p>",
    "---\n%YAML 1.1\ntitle: t\n---\n<p>x</p>",
    "---\ntitle: t\nlink: javascript:alert(1)\n---\n<p>x</p>",
    "---\ntitle: t\ndate: 下午5:10\n---\n<p>x</p>",
    "---\ntitle: t\ndate: 3分钟前\n---\n<p>x</p>",
]

ODD_HTML = [
    "<p>&#1;&#xD800;&#x110000;&#0;&#123;&#125;</p>",
    "<p>a\x00b</p>",
    '<html><div class="article_content"><div>x&#2;&#x7f;&#xfffe;</div></div>',
    "<a {x=1 href=/a>t</a><img {a=1 src=http://a/b.jpg><p :x=1 xmlns:y=2 y:z=3>p</p>",
    "<p>\ud800 lone surrogate</p>",
    "<!-- unclosed comment",
    "<![CDATA[ x ]]><p>y</p>",
    "<script>alert(1)</script><noscript><img src=http://a/b.jpg></noscript>",
    "<html><head><base href='http://[x]/'></head><body><a href=/a>x</a></body></html>",
    "<html><head><base href='//straße.de/a/'></head><body><img src=b.jpg></body></html>",
    '<html><body><div class="article_content"><div><p>page</p></div></div>'
    '<a class="article-auther">作者</a><span class="time">2021-13-45</span></body></html>',
    '<pre><code class="language-c++">x</code></pre><code class="language-\u3000">y</code>',
    "<p>▲</p><p>图源网络</p><img src=http://a/b.jpg>▲ 图自网络",
    " \t\n\u3000 ",
    "",
]

INVALID_BYTES = [
    b"\xff\xfe\x00<\x00p\x00>",  # UTF-16 LE BOM, odd length
    b"\xfe\xff\x00",
    b"\xef\xbb\xbf\xff\xff",
    b"<p>\xe4\xb8</p>",  # truncated multibyte
    b"<p>\xc0\xaf</p>",  # overlong
    b"\x00\x00\x00<p>",
    b'<meta charset="gb2312"><p>\xe4\xb8\xad\xe6\x96\x87</p>',  # declares gb2312, is UTF-8
    b'<meta charset="utf-7"><p>+AGEAYgBj-</p>',
    b'<meta charset="x-no-such-charset"><p>\xd6\xd0</p>',
    b'<?xml version="1.0" encoding="bogus"?><p>x</p>',
    b'<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>\xa4\xa4</p>',
    "---\ntitle: 中文\n---\n<p>中文</p>".encode("gb18030"),
    "<p>中文</p>".encode("utf-16"),
    b"\x80" * 64,
]

FEEDS = [
    '<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>'
    "<item><title>t</title><link>http://[</link><pubDate>2021-13-45</pubDate>"
    "<description>&lt;p&gt;x&lt;/p&gt;</description></item></channel></rss>",
    '<rss version="2.0"><channel><item><title>a</title><link>http://straße.de/</link>'
    "<pubDate>Sat, 17 Apr 2021 17:10:46 GMT</pubDate><author>me</author>"
    "<description><![CDATA[<img src=http://a：b/><a href='http://[x]/'>x</a>]]></description>"
    "</item><item></item></channel></rss>",
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://[x]/"><entry><title>t</title>'
    '<link href="relative"/><updated>2021-04-17T17:10:46Z</updated>'
    '<content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>',
    '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="xhtml"><div '
    'xmlns="http://www.w3.org/1999/xhtml">x</div></title><link rel="alternate" '
    'href="//[::1"/></entry></feed>',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns="http://purl.org/rss/1.0/"><item><title>r</title><link>x</link></item></rdf:RDF>',
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel><item>'
    "<title>&a;</title></item></channel></rss>",
    '<?xml version="1.0" encoding="gb2312"?><rss><channel><item><title>中</title>'
    "</item></channel></rss>",
    "<rss><channel>" + "<item><title>x</title></item>" * 200 + "</channel></rss>",
    "<rss><channel><item><title>" + "<b>" * 1000 + "</title></item></channel></rss>",
    "<rss",
    "<html><body>not a feed</body></html>",
]

DATES = [
    "2021-13-45",
    "2021-02-30 10:00:00",
    "2021-04-17T25:00:00Z",
    "2021-04-17T17:10:46+25:00",
    "2021-04-17T",
    "Sat, 17 Apr 2021 17:10:46 +9999",
    "Sat, 32 Apr 2021 17:10:46 GMT",
    "2021年13月45日",
    "2021年4月17日 下午25:61",
    "下午13:10",
    "凌晨0点",
    "１０分钟前",
    "99999分钟前",
    "9" * 40 + "天前",
    "两小时前",
    "半小时前",
    "9999999999",
    "0000000000",
    "9999999999999",
    "1618650646.5e300",
    "-1618650646",
    "11.59 am",
    "2019.9.8 22:20",
    "2019.99.99",
    "04-17 17:10",
    "02-29 10:00",
    "昨天 25:00",
    "yesterday 17:10",
    "1e309 hours ago",
    "inf",
    "nan",
    "\x00",
    "",
    "\u3000\u3000",
    "2021-04-17 17:10 GMT+99",
    "Apr. 17th, 99999",
    "9999-12-31T23:59:59-23:59",
    "0001-01-01T00:00:00+23:59",
]

# -- seeds from files read at run time ------------------------------------------------------------


def corpus_documents() -> list[tuple[str, bytes]]:
    """Every corpus post and example, and a few byte-level variants of the first ones."""
    paths = sorted(EXAMPLES.glob("*.md"))
    if CORPUS.is_dir():
        paths += sorted(p for p in CORPUS.glob("*/*.md") if p.name != "README.md")
    else:
        print(f"note: {CORPUS} is absent; seeds from examples/ and hand-written shapes only")
    seeds = []
    for index, path in enumerate(paths):
        data = path.read_bytes()
        seeds.append((f"post-{index:03d}", data))
        if index < 5:  # the same post as GB18030, cut inside a character, with a bad charset
            text = data.decode("utf-8", "replace")
            seeds.append((f"post-{index:03d}-gb18030", text.encode("gb18030", "replace")))
            seeds.append((f"post-{index:03d}-cut", data[: len(data) // 2 + 1]))
            seeds.append((f"post-{index:03d}-gb2312", b'<meta charset="gb2312">' + data))
    return seeds


def corpus_bodies(documents: list[tuple[str, bytes]]) -> list[str]:
    """The HTML bodies of the first posts, for feed items."""
    bodies = []
    for _name, data in documents[:12]:
        text = data.decode("utf-8", "replace")
        parts = text.split("\n---", 2)
        bodies.append(parts[-1][:4000])
    return bodies


def feed_of(bodies: list[str]) -> list[str]:
    """An RSS and an Atom feed carrying ``bodies`` as items."""
    rss_items = "".join(
        f"<item><title>item {i}</title><link>https://www.myzaker.com/article/{i}</link>"
        f"<pubDate>Sat, 17 Apr 2021 17:10:46 GMT</pubDate>"
        f"<description>{escape(body)}</description></item>"
        for i, body in enumerate(bodies)
    )
    atom_entries = "".join(
        f'<entry><title>entry {i}</title><link href="https://a.example/{i}"/>'
        f'<updated>2021-04-17T17:10:46Z</updated><content type="html">{escape(body)}</content>'
        "</entry>"
        for i, body in enumerate(bodies)
    )
    return [
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>{rss_items}'
        "</channel></rss>",
        f'<feed xmlns="http://www.w3.org/2005/Atom">{atom_entries}</feed>',
    ]


def corpus_dates(documents: list[tuple[str, bytes]]) -> list[str]:
    """The ``date:`` values of the corpus front matter."""
    found = []
    for _name, data in documents:
        match = re.search(rb"^date:\s*(.+)$", data, flags=re.MULTILINE)
        if match:
            found.append(match.group(1).decode("utf-8", "replace").strip())
    return sorted(set(found))


def documented_dates() -> list[str]:
    """The example inputs of docs/dates.md's tables (second column, in backticks)."""
    if not DATES_DOC.is_file():
        return []
    examples = []
    for line in DATES_DOC.read_text(encoding="utf-8").splitlines():
        cells = line.split("|")
        if len(cells) > 3:
            examples += re.findall(r"`([^`]+)`", cells[2])
    return examples


# -- writing -------------------------------------------------------------------------------------


def seeds_by_kind() -> dict[str, list[tuple[str, bytes]]]:
    """Every seed, as (name, bytes) per kind."""
    documents = corpus_documents()
    shapes = _url_documents() + DEEP_NESTING + ODD_YAML + ODD_HTML
    documents += [
        (f"shape-{i:03d}", text.encode("utf-8", "surrogatepass")) for i, text in enumerate(shapes)
    ]
    documents += [(f"bytes-{i:03d}", data) for i, data in enumerate(INVALID_BYTES)]
    feeds = FEEDS + feed_of(corpus_bodies(documents))
    dates = DATES + corpus_dates(documents) + documented_dates()
    return {
        "documents": documents,
        "feeds": [(f"feed-{i:03d}", text.encode()) for i, text in enumerate(feeds)],
        "dates": [
            (f"date-{i:03d}", text.encode("utf-8", "surrogatepass")) for i, text in enumerate(dates)
        ],
    }


def write_seeds(out: Path) -> dict[str, int]:
    """Replace ``out/<kind>/`` with fresh seeds; returns the number written per kind."""
    counts = {}
    for kind, seeds in seeds_by_kind().items():
        folder = out / kind
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for name, data in seeds:
            digest = hashlib.sha1(data).hexdigest()[:10]
            (folder / f"{name}-{digest}").write_bytes(data)
        counts[kind] = len(seeds)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=FUZZ / "seeds")
    args = parser.parse_args(argv)
    counts = write_seeds(args.out)
    summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
    print(f"seeds written to {args.out}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
