"""Growth of zakerclean's cost with input size, on hostile shapes (SPEC §6: linear time).

Each shape is built at ``n`` and ``4n`` units; ``clean_html``, ``parse`` and the Markdown writer
(``markdown``, on the cleaned HTML) are timed on both
sizes with each sanitizer backend (nh3 and bleach), in one process, the two sizes interleaved
round by round (the minimum of the rounds is kept).  The growth ratio ``time(4n) / time(n)`` is
4 for linear cost; SPEC allows about 5.  The script prints a table and exits with status 1 when
any ratio exceeds ``--limit`` (default 5).  See benchmarks/README.md.

    python benchmarks/growth.py                    # every shape, both backends
    python benchmarks/growth.py --quick            # smaller sizes, fewer rounds
    python benchmarks/growth.py --shapes quotes,images --sanitizers nh3
"""

from __future__ import annotations

import argparse
import base64
import gc
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(REPO))

import zakerclean  # noqa: E402
from zakerclean.writers.markdown import html_to_markdown  # noqa: E402

LIMIT = 5.0
#: Large enough for the 4n inputs (SPEC's default limit is 5 MB).
MAX_BYTES = 50_000_000
_IMG = "http://zkres1.myzaker.com/202108/6129b6688e9f0925d915deb{}_1024.jpg"


# -- hostile shapes: each builder returns an HTML body of ``n`` units -------------------------


def quote_pairs(n: int) -> str:
    """Many ``" … "`` pairs split by inline tags, in one paragraph (rule 9a)."""
    return "<p>" + '他 " 一直<strong>想</strong>开 " 的会，' * n + "</p>"


def image_wrappers(n: int) -> str:
    """Thousands of ZAKER lazy-image wrappers in one container (rule 2, structure)."""
    box = (
        '<div class="img_box"><div class="content_img_div">'
        f'<img class="lazy" data-original="{_IMG}" data-width="440" data-height="590" '
        f'src="https://cors.zfour.workers.dev/?{_IMG}"></div></div>'
    )
    return "<div>" + "".join(box.format(i, i) for i in range(n)) + "</div>"


def bare_inline_text(n: int) -> str:
    """Bare top-level text with inline tags (structure wraps it in one ``<p>``)."""
    return "一段文字<strong>重点</strong>，" * n


def blank_spans(n: int) -> str:
    """Runs of whitespace-only ``<span>``s between words (rules 6 and 8)."""
    return "<p>开始" + "<span> </span><span>\n</span>字" * n + "结束</p>"


def many_children(n: int) -> str:
    """One ``div`` with ``n`` paragraph children (the issue's 100,000 children at 4n)."""
    return "<div>" + "<p>段落。</p>" * n + "</div>"


def break_runs(n: int) -> str:
    """Long runs of ``<br>`` inside one paragraph (rule 6 keeps one per run)."""
    return "<p>" + "一行<br><br><br><br>" * n + "完</p>"


def deep_nesting(n: int) -> str:
    """``n`` blocks each nested 70 levels deep, just past the structure rule's limit of 64."""
    depth = 70
    block = "<div>" * depth + "深" + "<span>文字</span>" + "</div>" * depth
    return block * n


def _redirect(i: int) -> str:
    target = base64.b64encode(f"https://www.example.com/news/{i}.html".encode()).decode()
    return f"http://iphone.myzaker.com/zaker/link.php?pk=1&f=zaker&b={target}"


def redirect_links(n: int) -> str:
    """Many links through ZAKER's ``link.php`` redirector (rule 3)."""
    return "<p>" + "".join(f'<a href="{_redirect(i)}">链接{i}</a>，' for i in range(n)) + "</p>"


def empty_paragraphs(n: int) -> str:
    """Many empty ``<p></p>`` between a few real paragraphs (rule 6)."""
    return "<p>开始</p>" + "<p></p>" * n + "<p>结束</p>"


def huge_text(n: int) -> str:
    """One huge text node (whitespace, typography and text extraction on one string)."""
    return "<p>" + '文字 text  " 引号 " \t' * n + "</p>"


def table_cells(n: int) -> str:
    """One table row of ``n`` cells (table cells are kept for the table's shape)."""
    return "<table><tr>" + "<td>格</td>" * n + "</tr></table>"


def scripts(n: int) -> str:
    """Many ``<script>`` elements with text between them, in one paragraph (rule 1)."""
    return "<p>开始" + "<script>x()</script>文字" * n + "</p>"


def dropped_images(n: int) -> str:
    """Many images without any usable URL, with text between them (rule 2 drops them)."""
    return "<p>开始" + '<img src="data:image/gif;base64,R0lGOD">文字' * n + "</p>"


@dataclass(frozen=True)
class Shape:
    name: str
    build: Callable[[int], str]
    n: int  # the base size (the 4n input is timed too); --quick divides it by 4


SHAPES: tuple[Shape, ...] = (
    Shape("quotes", quote_pairs, 4_000),
    Shape("images", image_wrappers, 1_500),
    Shape("bare_text", bare_inline_text, 4_000),
    Shape("blank_spans", blank_spans, 4_000),
    Shape("children", many_children, 25_000),
    Shape("br_runs", break_runs, 4_000),
    Shape("deep", deep_nesting, 200),
    Shape("redirects", redirect_links, 2_000),
    Shape("empty_p", empty_paragraphs, 20_000),
    Shape("huge_text", huge_text, 20_000),
    Shape("table_cells", table_cells, 8_000),
    Shape("scripts", scripts, 4_000),
    Shape("dropped_images", dropped_images, 4_000),
)
SHAPE_NAMES = tuple(shape.name for shape in SHAPES)


# -- timing -----------------------------------------------------------------------------------


def as_post(body: str) -> str:
    """``body`` as a Hexo post, so that ``parse`` reads front matter too."""
    return "---\ntitle: growth\nauthor: ZAKER\ndate: 2021-08-27 22:07:28\n---\n" + body


def time_pair(
    func: Callable[[str], object], small: str, large: str, rounds: int
) -> tuple[float, float]:
    """Minimum time of ``func`` on ``small`` and on ``large``, the two interleaved."""
    clock = time.perf_counter
    best = [float("inf"), float("inf")]
    gc.collect()
    for round_ in range(rounds):
        order = (0, 1) if round_ % 2 == 0 else (1, 0)
        for index in order:
            arg = small if index == 0 else large
            start = clock()
            func(arg)
            best[index] = min(best[index], clock() - start)
    return best[0], best[1]


def options_for(sanitizer: str) -> zakerclean.CleanOptions:
    return zakerclean.CleanOptions(sanitizer=sanitizer, max_bytes=MAX_BYTES)


def candidates(sanitizer: str) -> dict[str, Callable[[str], object]]:
    options = zakerclean.CleanOptions(sanitizer=sanitizer, max_bytes=MAX_BYTES)
    return {
        "clean_html": lambda body: zakerclean.clean_html(body, options=options),
        "parse": lambda post: zakerclean.parse(post, options=options),
        # timed on the cleaned HTML: the Markdown writer alone (it must cost less than cleaning)
        "markdown": html_to_markdown,
    }


@dataclass
class Row:
    shape: str
    sanitizer: str
    call: str
    n: int
    small_s: float
    large_s: float

    @property
    def ratio(self) -> float:
        return self.large_s / self.small_s


def run(
    shapes: Sequence[Shape], sanitizers: Sequence[str], rounds: int, scale: float, limit: float
) -> list[Row]:
    """Time every shape at n and 4n; a ratio over ``limit`` is measured again with twice the
    rounds (the minimum of all rounds is kept) before it counts."""
    rows: list[Row] = []
    for shape in shapes:
        n = max(1, int(shape.n * scale))
        small, large = shape.build(n), shape.build(4 * n)
        for sanitizer in sanitizers:
            for call, func in candidates(sanitizer).items():
                if call == "clean_html":
                    args = (small, large)
                elif call == "markdown":
                    args = (
                        zakerclean.clean_html(small, options=options_for(sanitizer)),
                        zakerclean.clean_html(large, options=options_for(sanitizer)),
                    )
                else:
                    args = (as_post(small), as_post(large))
                func(args[0])  # warm-up
                t_small, t_large = time_pair(func, *args, rounds)
                if t_large / t_small > limit:  # confirm: a busy machine makes false alarms
                    again = time_pair(func, *args, 2 * rounds)
                    t_small, t_large = min(t_small, again[0]), min(t_large, again[1])
                row = Row(shape.name, sanitizer, call, n, t_small, t_large)
                rows.append(row)
                print(
                    f"  {shape.name:<12} {sanitizer:<6} {call:<10} n={n:<7} "
                    f"{t_small * 1000:9.1f} ms → {t_large * 1000:9.1f} ms  {row.ratio:5.2f}×",
                    file=sys.stderr,
                    flush=True,
                )
    return rows


def table(rows: list[Row], limit: float) -> str:
    lines = [
        "| shape | sanitizer | call | n | time(n) ms | time(4n) ms | growth | |",
        "|---|---|---|--:|--:|--:|--:|---|",
    ]
    for row in rows:
        verdict = "ok" if row.ratio <= limit else f"**> {limit:g}×**"
        lines.append(
            f"| {row.shape} | {row.sanitizer} | {row.call} | {row.n} | {row.small_s * 1000:.1f} "
            f"| {row.large_s * 1000:.1f} | {row.ratio:.2f}× | {verdict} |"
        )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", help=f"comma-separated subset of: {', '.join(SHAPE_NAMES)}")
    parser.add_argument("--sanitizers", default="nh3,bleach", help="(default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per size (default 3)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    parser.add_argument("--quick", action="store_true", help="base sizes / 4, 2 rounds")
    parser.add_argument("--limit", type=float, default=LIMIT, help="(default: %(default)s)")
    args = parser.parse_args(argv)
    if args.quick:
        args.scale /= 4
        args.rounds = min(args.rounds, 2)
    names = args.shapes.split(",") if args.shapes else list(SHAPE_NAMES)
    unknown = set(names) - set(SHAPE_NAMES)
    if unknown:
        parser.error(f"unknown shapes {sorted(unknown)}; choose from {', '.join(SHAPE_NAMES)}")
    args.shapes = [shape for shape in SHAPES if shape.name in names]
    args.sanitizers = [s for s in args.sanitizers.split(",") if s]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    rows = run(args.shapes, args.sanitizers, args.rounds, args.scale, args.limit)
    print(f"## Growth of cost, 4× the input (limit {args.limit:g}×)\n")
    print(table(rows, args.limit))
    worst = max(rows, key=lambda row: row.ratio)
    print(f"\nWorst: {worst.shape} / {worst.sanitizer} / {worst.call}: {worst.ratio:.2f}×")
    return 1 if worst.ratio > args.limit else 0


if __name__ == "__main__":
    sys.exit(main())
