"""Per-document speed of zakerclean against a parse floor and reference HTML libraries.

Everything runs in one process, in one run, on the same inputs: every post under the shared
corpus (skipped when the folder is absent) plus ``examples/*.md``.  After one untimed warm-up
pass, each document is timed ``--repeat`` times with the candidates interleaved (and their
order rotated each repeat), so machine noise hits all candidates alike; a document's time for a
candidate is the minimum (or ``--stat median``) of its repeats.  Per candidate the table gives
the median over documents, the total over documents, and the ratio to the floor (an lxml
parse + serialize of the same body).  See benchmarks/README.md.

    python benchmarks/bench.py                 # default: 7 repeats
    python benchmarks/bench.py --quick         # 3 repeats
    python benchmarks/bench.py --only parse,nh3 --json out.json
"""

from __future__ import annotations

import argparse
import gc
import html
import importlib.metadata
import json
import logging
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(REPO))

import lxml.etree  # noqa: E402
import lxml.html  # noqa: E402

import zakerclean  # noqa: E402
from zakerclean.dom import parse_fragment, serialize_children  # noqa: E402
from zakerclean.engine.article import detect_lang, fingerprint  # noqa: E402
from zakerclean.engine.media import collect_images  # noqa: E402
from zakerclean.readers.frontmatter import load_front_matter, split_front_matter  # noqa: E402
from zakerclean.rules.sanitize import get_sanitizer  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_EXAMPLES = REPO / "examples"
DEFAULT_REPEAT = 7
QUICK_REPEAT = 3

# Targets (issue 14, Engine v2): a typical (median) post costs at most 5x the floor;
# clean_html is at least 2.5x faster than html-sanitizer and than bleach.clean, and parse at
# least 5x faster than trafilatura.extract, as per-document median speedups.
TARGET_FLOOR_RATIO = 5.0
#: (zakerclean candidate, reference candidate) -> minimum per-document median speedup
TARGET_SPEEDUPS: dict[tuple[str, str], float] = {
    ("clean_html", "html-sanitizer"): 2.5,
    ("clean_html", "bleach"): 2.5,
    ("parse", "trafilatura"): 5.0,
}

_TITLE = re.compile(r"^title:[ \t]*(.*?)[ \t]*\r?$", re.MULTILINE)


# -- inputs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    """One input in the three shapes the candidates take."""

    name: str
    post: str  # the whole Hexo post (front matter + body)
    body: str  # the HTML body after the front matter
    page: str  # the body wrapped as a full HTML document (for the extractors)


def wrap_page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n<article>\n{body}\n"
        "</article>\n</body>\n</html>\n"
    )


def load_docs(corpus: Path | None, examples: Path | None) -> tuple[list[Doc], list[str]]:
    """Read the inputs; return them and notes on what was skipped."""
    notes: list[str] = []
    paths: list[tuple[str, Path]] = []
    for label, root in (("corpus", corpus), ("examples", examples)):
        if root is None:
            continue
        if not root.is_dir():
            notes.append(f"{label} folder {root} is absent: skipped")
            continue
        # posts only: the corpus README (and any other README) is not a post
        found = sorted(p for p in root.rglob("*.md") if p.name.lower() != "readme.md")
        paths += [(f"{label}/{p.relative_to(root).as_posix()}", p) for p in found]
    docs: list[Doc] = []
    for name, path in paths:
        try:
            post = path.read_text(encoding="utf-8")
            split = split_front_matter(post)
        except (OSError, UnicodeDecodeError, zakerclean.ZakerCleanError) as error:
            notes.append(f"{name}: skipped ({type(error).__name__}: {error})")
            continue
        if split is None:  # a bare HTML fragment: the post is its own body
            body, title = post, ""
        else:
            yaml_text, body, _ = split
            match = _TITLE.search(yaml_text)
            title = match.group(1).strip("'\"") if match else ""
        docs.append(Doc(name, post, body, wrap_page(title, body)))
    return docs, notes


# -- candidates ---------------------------------------------------------------------------------


@dataclass
class Candidate:
    key: str  # what --only takes
    label: str  # what the table shows
    distribution: str | None  # for the version column
    shape: str  # which Doc field it takes: post, body or page
    func: Callable[[str], object] | None = None
    version: str = ""
    status: str = "ok"  # ok, not installed, not selected
    errors: dict[int, str] = field(default_factory=dict)  # doc index -> error (warm-up)
    times: list[float | None] = field(default_factory=list)  # per doc, seconds


def _floor(body: str) -> str:
    root = lxml.html.fragment_fromstring(body, create_parent="div")
    return lxml.html.tostring(root, encoding="unicode")


def _required(post: str) -> object:
    """What any ``parse`` must do whatever its rules, with zakerclean's own (fastest) parts:
    read the front matter (PyYAML's C loader, the broken-title recovery, the fast path), parse
    the body (``lxml.etree`` HTML parser), serialize it, run the nh3 sanitizer over that HTML
    (the final HTML of a rule-less ``parse``), take the text (one pass over the text nodes),
    list the images and build the validated pydantic ``Article`` with the fields SPEC §4 derives
    from the text (language, character count, fingerprint).  No cleaning at all: the least a
    ``parse`` that keeps SPEC's final sanitizer pass and returns an ``Article`` could cost."""
    split = split_front_matter(post)
    meta, body = (load_front_matter(split[0], split[2])[0], split[1]) if split else ({}, post)
    root = parse_fragment(body)
    html_out = get_sanitizer("nh3")(serialize_children(root))
    text = "".join(root.itertext())
    title = meta.get("title")
    return zakerclean.Article(
        title=title if isinstance(title, str) else None,
        html=html_out,
        text=text,
        images=collect_images(root, {}),
        lang=detect_lang(text),
        char_count=len("".join(text.split())),
        fingerprint=fingerprint(text),
        report=zakerclean.CleanReport(),
    )


def _make_nh3() -> Callable[[str], object]:
    import nh3

    return nh3.clean


def _make_bleach() -> Callable[[str], object]:
    import bleach

    return partial(bleach.clean, strip=True)


def _sanitizer() -> Callable[[str], object]:
    from html_sanitizer import Sanitizer

    return Sanitizer().sanitize  # built once


def _make_trafilatura() -> Callable[[str], object]:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    return partial(trafilatura.extract, include_images=True)


def _summary() -> Callable[[str], object]:
    from readability import Document

    logging.getLogger("readability").setLevel(logging.CRITICAL)

    def summary(page: str) -> object:
        return Document(page).summary()

    return summary


# key, label, distribution, input shape, factory
CANDIDATES: list[tuple[str, str, str | None, str, Callable[[], Callable[[str], object]]]] = [
    ("floor", "floor: lxml parse + serialize", "lxml", "body", lambda: _floor),
    ("parse", "zakerclean.parse (whole post)", None, "post", lambda: zakerclean.parse),
    ("clean_html", "zakerclean.clean_html", None, "body", lambda: zakerclean.clean_html),
    (
        "required",
        "lower bound: YAML + parse + serialize + nh3 + text + Article",
        None,
        "post",
        lambda: _required,
    ),
    ("nh3", "nh3.clean", "nh3", "body", _make_nh3),
    ("bleach", "bleach.clean (strip=True)", "bleach", "body", _make_bleach),
    ("html-sanitizer", "html_sanitizer.Sanitizer().sanitize", "html-sanitizer", "body", _sanitizer),
    ("trafilatura", "trafilatura.extract (page)", "trafilatura", "page", _make_trafilatura),
    ("readability", "readability.Document(page).summary()", "readability-lxml", "page", _summary),
]
KEYS = [key for key, *_ in CANDIDATES]


def _version(distribution: str | None) -> str:
    if distribution is None:
        return zakerclean.__version__
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def build_candidates(only: set[str] | None) -> list[Candidate]:
    candidates = []
    for key, label, distribution, shape, factory in CANDIDATES:
        candidate = Candidate(key, label, distribution, shape)
        if only is not None and key not in only and key != "floor":  # floor: always
            candidate.status = "not selected"
        else:
            try:
                candidate.func = factory()
                candidate.version = _version(distribution)
            except ImportError as error:
                candidate.status = "not installed"
                candidate.version = f"({error.name or error})"
        candidates.append(candidate)
    return candidates


# -- timing -------------------------------------------------------------------------------------


def warm_up(candidates: list[Candidate], docs: list[Doc]) -> None:
    """One untimed call per candidate and document; a call that raises is excluded later."""
    for index, doc in enumerate(docs):
        for candidate in candidates:
            assert candidate.func is not None
            try:
                candidate.func(getattr(doc, candidate.shape))
            except Exception as error:
                candidate.errors[index] = f"{type(error).__name__}: {error}"


def time_docs(candidates: list[Candidate], docs: list[Doc], repeat: int, stat: str) -> None:
    """Per document: ``repeat`` rounds, each calling every candidate once, order rotated."""
    reduce = min if stat == "min" else statistics.median
    clock = time.perf_counter
    for index, doc in enumerate(docs):
        active = [c for c in candidates if index not in c.errors]
        calls = [(c.func, getattr(doc, c.shape)) for c in active]
        samples: list[list[float]] = [[] for _ in active]
        gc.collect()
        for round_ in range(repeat):
            shift = round_ % len(calls)
            for slot in [*range(shift, len(calls)), *range(shift)]:
                func, arg = calls[slot]
                assert func is not None
                start = clock()
                func(arg)
                samples[slot].append(clock() - start)
        for candidate in candidates:
            candidate.times.append(None)
        for candidate, values in zip(active, samples, strict=True):
            candidate.times[-1] = reduce(values)


# -- summary ------------------------------------------------------------------------------------


def pairs(a: Candidate, b: Candidate) -> list[tuple[float, float]]:
    """Per-document ``(a, b)`` times for the documents both handled."""
    both = zip(a.times, b.times, strict=True)
    return [(x, y) for x, y in both if x is not None and y is not None]


def summarize(candidate: Candidate, floor: Candidate) -> dict[str, Any]:
    times = [t for t in candidate.times if t is not None]
    if not times:
        return {"docs": 0}
    both = pairs(candidate, floor)
    return {
        "docs": len(times),
        "median_s": statistics.median(times),
        "total_s": sum(times),
        "median_ratio_to_floor": statistics.median(c / f for c, f in both),
        "total_ratio_to_floor": sum(c for c, _ in both) / sum(f for _, f in both),
    }


def speedup(parse: Candidate, other: Candidate) -> dict[str, Any]:
    both = pairs(other, parse)
    return {
        "docs": len(both),
        "median_speedup": statistics.median(o / p for o, p in both),
        "total_speedup": sum(o for o, _ in both) / sum(p for _, p in both),
    }


def _ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:.3f}" if ms < 1 else f"{ms:.2f}" if ms < 100 else f"{ms:.0f}"


def table(candidates: list[Candidate], summaries: dict[str, dict[str, Any]], n: int) -> str:
    head = (
        "| candidate | version | docs | median / doc (ms) | total (ms) "
        "| median ratio to floor | total ratio to floor |\n"
        "|---|---|--:|--:|--:|--:|--:|"
    )
    rows = [head]
    for c in candidates:
        s = summaries.get(c.key)
        if c.status != "ok" or not s or not s["docs"]:
            status = c.status if c.status != "ok" else "failed on every document"
            rows.append(f"| {c.label} | {c.version} | {status} | – | – | – | – |")
            continue
        docs = f"{s['docs']}" if s["docs"] == n else f"{s['docs']}/{n}"
        rows.append(
            f"| {c.label} | {c.version} | {docs} | {_ms(s['median_s'])} | {_ms(s['total_s'])} "
            f"| {s['median_ratio_to_floor']:.2f}× | {s['total_ratio_to_floor']:.2f}× |"
        )
    return "\n".join(rows)


def checks(candidates: list[Candidate], summaries: dict[str, Any]) -> list[dict[str, Any]]:
    by_key = {c.key: c for c in candidates}
    parse = by_key["parse"]
    results: list[dict[str, Any]] = []
    ok = parse.status == "ok" and summaries.get("parse", {}).get("docs")
    ratio = summaries["parse"]["median_ratio_to_floor"] if ok else None
    verdict = "SKIP" if ratio is None else "PASS" if ratio <= TARGET_FLOOR_RATIO else "FAIL"
    results.append(
        {
            "check": f"zakerclean.parse median ratio to floor ≤ {TARGET_FLOOR_RATIO:g}",
            "value": ratio,
            "text": f"{ratio:.2f}×" if ratio is not None else "–",
            "result": verdict,
        }
    )
    for (ours, key), target in TARGET_SPEEDUPS.items():
        mine, other = by_key[ours], by_key[key]
        name = f"zakerclean.{ours} ≥ {target:g}× faster than {key} (per-doc median speedup)"
        if mine.status != "ok" or other.status != "ok" or not pairs(other, mine):
            why = mine.status if mine.status != "ok" else other.status
            results.append({"check": name, "value": None, "text": f"– ({why})", "result": "SKIP"})
            continue
        s = speedup(mine, other)
        results.append(
            {
                "check": name,
                "value": s["median_speedup"],
                "total_speedup": s["total_speedup"],
                "text": f"{s['median_speedup']:.1f}× (totals: {s['total_speedup']:.1f}×, "
                f"{s['docs']} docs)",
                "result": "PASS" if s["median_speedup"] >= target else "FAIL",
            }
        )
    return results


def lower_bound(candidates: list[Candidate], summaries: dict[str, Any]) -> str:
    """The lower bound (``required``) against the same targets, and ``parse`` against it."""
    by_key = {c.key: c for c in candidates}
    required = by_key["required"]
    if required.status != "ok" or not summaries.get("required", {}).get("docs"):
        return ""
    parts = [f"{summaries['required']['median_ratio_to_floor']:.2f}× the floor"]
    for _, key in TARGET_SPEEDUPS:
        other = by_key[key]
        if other.status == "ok" and pairs(other, required):
            parts.append(f"{speedup(required, other)['median_speedup']:.1f}× faster than {key}")
    parse = by_key["parse"]
    if parse.status == "ok" and pairs(parse, required):
        ratio = statistics.median(p / r for p, r in pairs(parse, required))
        parts.append(f"and zakerclean.parse costs {ratio:.2f}× the lower bound (per-doc median)")
    return ", ".join(parts)


def environment() -> dict[str, Any]:
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "cpus_usable": affinity,
        "lxml": lxml.__version__,
        "libxml2": ".".join(map(str, lxml.etree.LIBXML_VERSION)),
        "nh3": _version("nh3"),
        "zakerclean": f"{zakerclean.__version__} ({Path(zakerclean.__file__).parent})",
    }


# -- main ---------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repeat",
        type=int,
        help=f"timed repeats per document (default {DEFAULT_REPEAT}; {QUICK_REPEAT} with --quick)",
    )
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_REPEAT} repeats")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAMES",
        help=f"comma-separated candidates, repeatable (floor is always run): {', '.join(KEYS)}",
    )
    parser.add_argument(
        "--stat",
        choices=("min", "median"),
        default="min",
        help="per-document reduction of the repeats (default: %(default)s)",
    )
    parser.add_argument("--json", metavar="OUT", help="also write all results as JSON here")
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="posts folder (default: %(default)s)"
    )
    parser.add_argument("--no-corpus", action="store_true", help="time the examples only")
    parser.add_argument(
        "--examples", type=Path, default=DEFAULT_EXAMPLES, help="(default: %(default)s)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a target check fails"
    )
    args = parser.parse_args(argv)
    if args.repeat is None:
        args.repeat = QUICK_REPEAT if args.quick else DEFAULT_REPEAT
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.only:
        args.only = {name.strip() for item in args.only for name in item.split(",") if name}
        unknown = args.only - set(KEYS)
        if unknown:
            parser.error(f"unknown --only names {sorted(unknown)}; choose from {', '.join(KEYS)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    docs, notes = load_docs(None if args.no_corpus else args.corpus, args.examples)
    if not docs:
        print("bench: no input documents found", file=sys.stderr)
        return 2
    env = environment()
    candidates = build_candidates(args.only)
    running = [c for c in candidates if c.status == "ok"]

    started = time.perf_counter()
    warm_up(running, docs)
    time_docs(running, docs, args.repeat, args.stat)
    elapsed = time.perf_counter() - started

    floor = candidates[0]
    summaries = {c.key: summarize(c, floor) for c in running}
    results = checks(candidates, summaries)
    sizes = [len(d.body) for d in docs]
    corpus_count = sum(d.name.startswith("corpus/") for d in docs)

    print("## zakerclean benchmark: per-document time\n")
    print(f"- Python: {env['python']} on {env['platform']}")
    print(f"- CPUs: os.cpu_count() = {env['cpu_count']} (usable here: {env['cpus_usable']})")
    print(
        f"- lxml {env['lxml']} (libxml2 {env['libxml2']}), nh3 {env['nh3']}, "
        f"zakerclean {env['zakerclean']}"
    )
    print(
        f"- Inputs: {len(docs)} documents ({corpus_count} corpus, {len(docs) - corpus_count} "
        f"examples); body size in characters: median {statistics.median(sizes):.0f}, "
        f"min {min(sizes)}, max {max(sizes)}"
    )
    print(
        f"- Method: one process, one warm-up pass, then per document {args.stat} of "
        f"{args.repeat} repeats with the candidates interleaved; table = median and total over "
        f"documents (timed part took {elapsed:.1f} s)"
    )
    for note in notes:
        print(f"- Note: {note}")
    for c in running:
        for index, error in c.errors.items():
            print(f"- Note: {c.key} raised on {docs[index].name}: {error[:120]} (excluded)")
    print()
    print(table(candidates, summaries, len(docs)))
    print("\n### Targets\n")
    print("| check | measured | result |\n|---|--:|---|")
    for r in results:
        print(f"| {r['check']} | {r['text']} | {r['result']} |")
    bound = lower_bound(candidates, summaries)
    if bound:
        print(f"\nThe lower bound (no rules at all) against the same targets: {bound}.")

    if args.json:
        out = {
            "environment": env,
            "config": {"repeat": args.repeat, "stat": args.stat, "only": sorted(args.only or [])},
            "notes": notes,
            "documents": [{"name": d.name, "body_chars": len(d.body)} for d in docs],
            "candidates": [
                {
                    "key": c.key,
                    "label": c.label,
                    "version": c.version,
                    "status": c.status,
                    "summary": summaries.get(c.key),
                    "errors": {docs[i].name: e for i, e in c.errors.items()},
                    "per_doc_s": c.times or None,
                }
                for c in candidates
            ],
            "checks": results,
            "lower_bound": lower_bound(candidates, summaries),
        }
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"\nJSON written to {args.json}")
    failed = any(r["result"] == "FAIL" for r in results)
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
