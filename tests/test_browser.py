"""Cleaned HTML in a real browser: no XSS vector may run script, open a dialog or navigate.

Every case of ``tests/xss_vectors.py`` (``all_cases() -> [(case_id, raw_html)]``) is cleaned with
each sanitizer and rendered in headless Chromium (Debian's ``/usr/bin/chromium``, driven by the
``playwright`` wheel; ``.ci/install-browser`` installs both).  Each distinct cleaned output is
rendered once.  How a page is watched:

* Pages come from an in-process HTTP server on 127.0.0.1 (random port) with a *report-only*
  Content Security Policy (``script-src`` with no source; no frames, objects, workers, forms or
  ``<base>``).  Script still runs, but Chromium raises a ``securitypolicyviolation`` event for
  every inline event handler attribute (when parsed, and again when it runs), inline
  ``<script>``, ``javascript:`` URL run, ``eval``...: recorded whatever the payload does.
* An init script, run in every frame before the page's own script, replaces ``alert``,
  ``confirm``, ``prompt``, ``print``, ``window.open`` and ``console.*`` with recorders, and makes
  setting ``window.__xss`` a recorder too.  Reports reach the test through an exposed binding,
  with the case they came from (the ``<section>`` of the handler's element or of the script).
* Playwright events: any dialog, popup, uncaught page error, console call from script, child
  frame, main-frame navigation away from the test page, and any request for a ``javascript:``,
  ``data:`` or ``blob:`` URL or of an active kind (script, fetch, XHR, WebSocket, document...).
* The same server is Chromium's proxy, for loopback too: nothing leaves 127.0.0.1, and every
  request for another host gets a 404 (or a refused ``CONNECT``) at once, so remote images fail
  fast and ``onerror`` handlers, had any survived, fire.
* Many cleaned fragments share a page, each in its own ``<section data-case=...>``.  After the load
  and a settle (``onerror``/``onload``/animation/toggle handlers), the harness dispatches synthetic
  events (mouse, pointer, keyboard, focus, form, media, drag, animation... and one for every
  ``on*`` attribute found) on every element, with no link followed; then it follows, one at a
  time, every link whose URL is not http(s)/mailto.  Then it re-parses every section through
  ``innerHTML`` (the browser's own serializer: mutation XSS) and does it all again.  Last, the DOM
  is audited for links and form actions with ``javascript:``, ``vbscript:`` or ``data:`` URLs.
* Findings that name no case (a navigation, a frame...) are pinned down by rendering the suspects
  again, bisecting down to single cases.

A positive control renders raw vectors without cleaning and asserts that every channel above
fires and names the right case, so a silent harness cannot pass for a safe cleaner.

The notebook summaries (``Article._repr_html_`` / ``Failure._repr_html_``) of the examples, a few
corpus posts and hostile articles and failures are rendered and watched the same way.
"""

from __future__ import annotations

import html
import importlib
import importlib.util
import json
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from zakerclean import (
    Article,
    CleanOptions,
    CleanReport,
    Failure,
    Image,
    InvalidOptionsError,
    Video,
    ZakerCleanError,
    clean_html,
    parse,
    parse_file,
)

from .conftest import EXAMPLES, corpus_posts

CHROMIUM = shutil.which("chromium")
HAVE_PLAYWRIGHT = importlib.util.find_spec("playwright") is not None
VECTORS_FILE = Path(__file__).with_name("xss_vectors.py")

# Set ZAKERCLEAN_REQUIRE_BROWSER=1 (CI does) to turn a missing browser into a failure, not a skip.
REQUIRE_BROWSER = os.environ.get("ZAKERCLEAN_REQUIRE_BROWSER", "") not in ("", "0")
MISSING = ", ".join(
    what for what, ok in (("chromium", CHROMIUM), ("playwright", HAVE_PLAYWRIGHT)) if not ok
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        bool(MISSING) and not REQUIRE_BROWSER,
        reason=f"browser test needs {MISSING} (run .ci/install-browser as root)",
    ),
]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BATCH_SIZE = 150  # cleaned fragments per page
SETTLE_MS = 300  # after the load and after the re-parse: handlers, animations, timers
POKE_SETTLE_MS = 100  # after the synthetic events: javascript: links run in a later task
MAX_PAGES = 40  # pages per test at most (~1.5 s each): bounds the run time when much fails

# script-src with no source but 'report-sample': matches nothing, and the report quotes the code.
CSP_REPORT_ONLY = (
    "script-src 'report-sample'; object-src 'none'; frame-src 'none'; child-src 'none'; "
    "worker-src 'none'; connect-src 'none'; manifest-src 'none'; base-uri 'none'; "
    "form-action 'none'"
)
UNSAFE_SCHEMES = ("javascript", "vbscript", "data", "blob", "filesystem")
# Request kinds that only script, a frame or a navigation makes; passive ones (images, media,
# fonts, styles) are allowed (and, for another host, refused by the test server as proxy).
ACTIVE_REQUESTS = {"document", "script", "xhr", "fetch", "eventsource", "websocket", "manifest"}
# Console message types that only script produces (Chromium's own are error/warning/info/verbose).
SCRIPT_CONSOLE_TYPES = {"log", "debug", "dir", "dirxml", "table", "trace", "clear", "count"}
SCRIPT_CONSOLE_TYPES |= {"startGroup", "startGroupCollapsed", "endGroup", "assert", "timeEnd"}

INIT_JS = r"""
(() => {
  if (window.__zcInstalled) return;
  Object.defineProperty(window, '__zcInstalled', {value: true});
  const binding = window.__zcReport;
  const caseOf = (node) => {
    try {
      const el = node && (node.nodeType === 1 ? node : node.parentElement);
      const section = el && el.closest('section[data-case]');
      return section ? section.getAttribute('data-case') : '';
    } catch (e) { return ''; }
  };
  const name = (node) => node && node.nodeName ? '<' + node.nodeName.toLowerCase() + '>' : 'window';
  let active = '';  // the case of the link being followed, for what runs with no element
  Object.defineProperty(window, '__zcActiveCase', {value: (node) => { active = caseOf(node); }});
  const report = (kind, detail, node, where) => {
    try {
      const caseId = caseOf(node) || active;
      (binding || window.__zcReport)(kind, String(detail).slice(0, 160), where, caseId);
    } catch (e) {}
  };
  // Who is running: an inline <script>, or an event handler (window.event is set meanwhile).
  const caller = () => {
    try {
      if (document.currentScript) return [document.currentScript, 'from <script>'];
      const ev = window.event;
      if (ev && ev.currentTarget) return [ev.currentTarget, 'from on' + ev.type + ' of ' + name(ev.currentTarget)];
    } catch (e) {}
    return [null, ''];
  };
  for (const fn of ['alert', 'confirm', 'prompt', 'print']) {
    window[fn] = function () {
      report(fn + '()', Array.from(arguments).join(' '), ...caller());
      return fn === 'confirm' ? false : null;
    };
  }
  for (const fn of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table',
                    'count', 'assert', 'group', 'groupCollapsed', 'time', 'timeLog', 'timeEnd']) {
    console[fn] = function () {
      report('console.' + fn + '()', Array.from(arguments).join(' '), ...caller());
    };
  }
  window.open = function (url) { report('window.open()', url, ...caller()); return null; };
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get() { return undefined; },
    set(value) { report('window.__xss set', value, ...caller()); },
  });
  window.addEventListener('securitypolicyviolation', (e) => {
    if (!e.isTrusted) return;
    const directive = e.effectiveDirective;
    const what = directive.startsWith('script-src') ? 'script' : 'embedding';
    report(what + ' (report-only CSP ' + directive + ')', (e.blockedURI || '') + ' ' + (e.sample || ''),
           e.target, 'at ' + name(e.target));
  }, true);
})();
"""

POKE_JS = r"""
async () => {
  const EVENTS = [
    'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'mouseover',
    'mouseenter', 'mousemove', 'mouseout', 'mouseleave', 'wheel', 'pointerdown', 'pointerup',
    'pointerover', 'pointerenter', 'pointermove', 'pointerout', 'pointerleave', 'pointerrawupdate',
    'gotpointercapture', 'touchstart', 'touchend', 'touchmove', 'focus', 'blur', 'focusin',
    'focusout', 'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'select',
    'selectstart', 'selectionchange', 'submit', 'reset', 'invalid', 'search', 'toggle',
    'beforetoggle', 'close', 'cancel', 'load', 'error', 'abort', 'scroll', 'scrollend', 'resize',
    'copy', 'cut', 'paste', 'drag', 'dragstart', 'dragend', 'dragenter', 'dragleave', 'dragover',
    'drop', 'animationstart', 'animationiteration', 'animationend', 'animationcancel',
    'transitionrun', 'transitionstart', 'transitionend', 'transitioncancel', 'loadstart',
    'loadeddata', 'loadedmetadata', 'canplay', 'canplaythrough', 'play', 'playing', 'pause',
    'progress', 'durationchange', 'timeupdate', 'volumechange', 'ratechange', 'seeking',
    'seeked', 'ended', 'emptied', 'stalled', 'suspend', 'waiting', 'cuechange', 'show',
    'begin', 'end', 'repeat', 'beginEvent', 'endEvent', 'repeatEvent', 'message', 'hashchange',
    'popstate', 'pageshow', 'storage', 'online', 'offline', 'contentvisibilityautostatechange',
  ];
  const MOUSE = new Set(['click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup',
                         'mouseover', 'mouseenter', 'mousemove', 'mouseout', 'mouseleave']);
  const SAFE = new Set(['http:', 'https:', 'mailto:']);
  const XLINK = 'http://www.w3.org/1999/xlink';
  const hrefOf = (n) => n.nodeType === 1 && /^(a|area)$/i.test(n.localName)
    ? (n.getAttribute('href') ?? n.getAttributeNS(XLINK, 'href')) : null;
  const protocolOf = (value) => {
    try { return new URL(value, document.baseURI).protocol; } catch (e) { return ''; }
  };
  const fire = (el, type) => {
    try {
      const init = {bubbles: true, cancelable: true, composed: true};
      el.dispatchEvent(MOUSE.has(type) ? new MouseEvent(type, {...init, view: window})
                                       : new Event(type, init));
    } catch (e) {}
  };
  // 1. Every event on every element; no link is followed here (that would leave the page).
  const guard = (e) => {
    if (e.composedPath().some((n) => hrefOf(n) !== null)) e.preventDefault();
  };
  const CLICKS = ['click', 'auxclick', 'dblclick'];
  for (const type of CLICKS) window.addEventListener(type, guard, true);
  const targets = [window, document, document.documentElement, document.body,
                   ...document.querySelectorAll('section[data-case], section[data-case] *')];
  for (const el of targets) {
    const types = new Set(EVENTS);
    for (const a of (el.attributes || [])) {
      if (a.name.startsWith('on')) types.add(a.name.slice(2));
    }
    for (const type of types) fire(el, type);
    try { if (el.focus) el.focus(); } catch (e) {}
  }
  for (const type of CLICKS) window.removeEventListener(type, guard, true);
  // 2. Follow, one at a time, every link whose URL is not http(s)/mailto: a javascript: URL
  //    runs in a later task, and what runs meanwhile is filed under the link's case.
  for (const link of document.querySelectorAll('section[data-case] :is(a, area)')) {
    const href = hrefOf(link);
    if (href === null || SAFE.has(protocolOf(href))) continue;
    window.__zcActiveCase(link);
    fire(link, 'click');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  window.__zcActiveCase(null);
}
"""

REPARSE_JS = r"""
() => {
  for (const s of document.querySelectorAll('section[data-case]')) s.innerHTML = s.innerHTML;
}
"""

AUDIT_JS = r"""
(unsafe) => {
  const found = [];
  const attrs = ['href', 'xlink:href', 'action', 'formaction', 'src', 'data'];
  const linkish = 'a, area, form, button, input, iframe, frame, embed, object, [*|href]';
  for (const el of document.querySelectorAll('section[data-case] :is(' + linkish + ')')) {
    for (const name of attrs) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      let scheme = '';
      try { scheme = new URL(value, document.baseURI).protocol.slice(0, -1); } catch (e) {}
      if (unsafe.includes(scheme)) {
        const section = el.closest('section[data-case]');
        found.push([section.getAttribute('data-case'),
                    '<' + el.nodeName.toLowerCase() + ' ' + name + '="' + value.slice(0, 80) + '">']);
      }
    }
  }
  return found;
}
"""

# --------------------------------------------------------------------------------------------
# The test server and the browser


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # Chromium drops connections (a page closed mid-load): not worth a traceback


class PageServer:
    """Serve registered pages on 127.0.0.1 (random port) with the report-only CSP."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._count = 0
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive: many small requests per page

            def do_GET(self) -> None:
                # Chromium uses this server as its proxy too: a request for another host comes
                # with an absolute URL, and gets a 404 at once (remote images fail fast).
                url = urlsplit(self.path)
                mine = url.netloc in ("", self.headers.get("Host", ""))
                body = pages.get(url.path) if mine else None
                self.send_response(404 if body is None else 200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Security-Policy-Report-Only", CSP_REPORT_ONLY)
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body or b"")

            do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = do_GET

            def do_CONNECT(self) -> None:  # https:// and wss:// through the proxy: refused
                self.send_response(403)
                self.send_header("Content-Length", "0")
                self.end_headers()
                self.close_connection = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def publish(self, body: str) -> str:
        with self._lock:
            self._count += 1
            path = f"/page/{self._count}"
            self.pages[path] = body.encode("utf-8", "surrogatepass")
        return self.origin + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def server() -> Iterator[PageServer]:
    srv = PageServer()
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def browser(server: PageServer) -> Iterator[Any]:
    if MISSING:
        pytest.fail(f"ZAKERCLEAN_REQUIRE_BROWSER is set but {MISSING} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        # launch() gives Chromium a new, empty profile directory and removes it afterwards.
        # All traffic goes to the test server, as origin or as proxy: nothing leaves 127.0.0.1.
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            proxy={"server": server.origin, "bypass": "<-loopback>"},
            timeout=60_000,
        )
        yield chromium
        chromium.close()


# --------------------------------------------------------------------------------------------
# Rendering and watching


@dataclass
class Render:
    findings: dict[str, list[str]] = field(default_factory=dict)  # case id ("" = unknown) -> text
    notes: list[str] = field(default_factory=list)  # aborted remote requests, browser messages
    left: bool = False  # the page navigated away or was lost: later phases saw nothing


#: How a fragment reaches the page: in the served HTML ("page"), or set through ``innerHTML``
#: on an empty section after the load ("innerHTML": no ``<script>`` runs that way, handlers do).
MODES = ("page", "innerHTML")

INSERT_JS = r"""
(fragments) => {
  for (const [id, fragment] of fragments) {
    document.querySelector('section[data-case="' + CSS.escape(id) + '"]').innerHTML = fragment;
  }
}
"""


def page_html(cases: list[tuple[str, str]], mode: str = "page") -> str:
    sections = "\n".join(
        f'<section data-case="{html.escape(case_id)}">\n{fragment if mode == "page" else ""}\n</section>'
        for case_id, fragment in cases
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f"<title>zakerclean browser check</title></head>\n<body>\n{sections}\n</body></html>\n"
    )


def render(
    browser: Any, server: PageServer, cases: list[tuple[str, str]], mode: str = "page"
) -> Render:
    """Render ``cases`` (id, html) on one page; return everything the watchers saw.

    Findings are filed under the case whose section holds the script that ran (an event handler,
    an inline script, a CSP violation's element, an unsafe link), else under ``""``.
    """
    from playwright.sync_api import Error as PlaywrightError

    url = server.publish(page_html(cases, mode))
    result = Render()
    phase = ["load"]
    loaded = [False]

    def finding(text: str, case_id: str = "") -> None:
        result.findings.setdefault(case_id, []).append(f"[{phase[0]}] {text}")

    def on_report(source: Any, kind: str, detail: str, where: str, case_id: str) -> None:
        finding(f"{kind}: {detail.strip()!r}" + (f" {where}" if where else ""), case_id)

    def on_request(request: Any) -> None:
        req_url: str = request.url
        scheme = req_url.split(":", 1)[0].lower()
        kind = request.resource_type
        if scheme in UNSAFE_SCHEMES:
            finding(f"{kind} request for {req_url[:100]}")
        elif req_url == url and kind == "document" and not loaded[0]:
            loaded[0] = True
        elif kind in ACTIVE_REQUESTS:
            finding(f"{kind} request for {req_url[:100]}")
        elif not req_url.startswith(server.origin + "/"):
            result.notes.append(f"refused remote {kind} {req_url[:100]}")

    def on_navigated(frame: Any) -> None:
        if frame.parent_frame is None and loaded[0] and frame.url != url:
            finding(f"main frame navigated to {frame.url[:100]}")
            result.left = True

    def on_dialog(dialog: Any) -> None:
        finding(f"{dialog.type} dialog: {dialog.message[:100]!r}")
        dialog.dismiss()

    def on_popup(popup: Any) -> None:
        finding(f"popup opened: {popup.url[:100]}")
        popup.close()

    def on_console(message: Any) -> None:
        # The init script makes console.* calls reports; what still arrives here is either the
        # browser's own messages (failed loads, CSP, errors, warnings) or a call it missed.
        if message.type in SCRIPT_CONSOLE_TYPES:
            finding(f"console.{message.type}: {message.text[:100]!r}")
        else:
            result.notes.append(f"console {message.type}: {message.text[:160]}")

    context = browser.new_context(service_workers="block")
    try:
        context.expose_binding("__zcReport", on_report)
        context.add_init_script(INIT_JS)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("request", on_request)
        page.on("framenavigated", on_navigated)
        page.on("frameattached", lambda f: finding(f"child frame attached: {f.url[:100]}"))
        page.on("dialog", on_dialog)
        page.on("popup", on_popup)
        page.on("pageerror", lambda e: finding(f"uncaught script error: {e.message[:100]!r}"))
        page.on("console", on_console)
        page.goto(url, wait_until="load")
        if mode == "innerHTML":
            phase[0] = "innerHTML"
            page.evaluate(INSERT_JS, [list(case) for case in cases])
        page.wait_for_timeout(SETTLE_MS)
        steps: list[tuple[str, str, int]] = [
            ("events", POKE_JS, POKE_SETTLE_MS),
            ("reparse", REPARSE_JS, SETTLE_MS),
            ("reparse+events", POKE_JS, POKE_SETTLE_MS),
        ]
        for name, script, settle in steps:
            phase[0] = name
            page.evaluate(script)
            page.wait_for_timeout(settle)
        phase[0] = "audit"
        for case_id, link in page.evaluate(AUDIT_JS, list(UNSAFE_SCHEMES[:3])):
            finding(f"unsafe URL survives in {link}", case_id)
    except PlaywrightError as error:  # typically: a navigation destroyed the page under us
        finding(f"page lost: {error.message.splitlines()[0][:160]}")
        result.left = True
    finally:
        context.close()
    return result


@dataclass
class Outcome:
    offending: dict[str, list[str]] = field(default_factory=dict)  # case id -> findings
    pages: int = 0

    def add(self, case_id: str, found: list[str]) -> None:
        known = self.offending.setdefault(case_id, [])
        known.extend(text for text in found if text not in known)


def check(
    browser: Any, server: PageServer, cases: list[tuple[str, str]], mode: str = "page"
) -> Outcome:
    """Render ``cases`` in batches; return the offending case ids with their findings."""
    out = Outcome()
    for start in range(0, len(cases), BATCH_SIZE):
        locate(browser, server, cases[start : start + BATCH_SIZE], out, mode)
    return out


def locate(
    browser: Any,
    server: PageServer,
    cases: list[tuple[str, str]],
    out: Outcome,
    mode: str = "page",
) -> bool:
    """Render ``cases`` on one page, file its findings in ``out``; True if there were any.

    Findings that name their case are filed under it.  Findings that name none (a navigation,
    a ``javascript:`` URL run, a dialog...) are pinned down by rendering again the cases not
    named yet, bisecting them down to single cases; if the page navigated away (so it watched
    only part of the run), all of its cases are bisected.  If none of those reproduces them (or
    :data:`MAX_PAGES` is reached), they are filed under all the cases they may come from.
    """
    result = render(browser, server, cases, mode)
    out.pages += 1
    unknown = result.findings.pop("", [])
    for case_id, found in result.findings.items():
        out.add(case_id, found)
    if not unknown:
        return bool(result.findings)
    if len(cases) == 1:
        out.add(cases[0][0], unknown)
        return True
    rest = [case for case in cases if case[0] not in result.findings]
    if out.pages >= MAX_PAGES:  # no more re-renders: file them under all of these cases
        reproduced = False
    elif result.left or len(rest) == len(cases):  # bisect all: the page saw only part of them
        middle = len(cases) // 2
        halves = (cases[:middle], cases[middle:])
        found_in = [locate(browser, server, half, out, mode) for half in halves]
        reproduced = any(found_in)
    else:
        reproduced = bool(rest) and locate(browser, server, rest, out, mode)
    if not reproduced:
        ids = [case_id for case_id, _ in cases]
        more = f" ... ({len(ids)} cases)" if len(ids) > 12 else ""
        out.add(f"(not pinned down; one or more of) {', '.join(ids[:12])}{more}", unknown)
    return True


def describe(
    offending: dict[str, list[str]],
    fragments: dict[str, str] | None = None,
    same: dict[str, list[str]] | None = None,
) -> str:
    """Findings per case, with the HTML rendered and the cases that cleaned to the same HTML."""
    lines = []
    for case_id, found in offending.items():
        others = (same or {}).get(case_id, [])
        also = f" (same output: {', '.join(others[:8])}{' ...' if len(others) > 8 else ''})"
        lines.append(f"- {case_id}{also if others else ''}: {len(found)} finding(s)")
        lines.extend(f"    {text}" for text in found[:5])
        if case_id in (fragments or {}):
            lines.append(f"    html: {(fragments or {})[case_id][:300]!r}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# The tests


@pytest.fixture(scope="module")
def vectors() -> list[tuple[str, str]]:
    """``tests/xss_vectors.py``'s ``all_cases()``; skips (before Chromium starts) while absent."""
    if not VECTORS_FILE.is_file():
        pytest.skip("tests/xss_vectors.py (all_cases()) is not written yet")
    module = importlib.import_module(f"{__package__}.xss_vectors" if __package__ else "xss_vectors")
    cases: list[tuple[str, str]] = list(module.all_cases())
    assert cases, "xss_vectors.all_cases() is empty"
    ids = [case_id for case_id, _ in cases]
    assert len(set(ids)) == len(ids), "xss_vectors.all_cases() repeats case ids"
    return cases


@pytest.mark.parametrize("sanitizer", ["nh3", "bleach"])
def test_cleaned_vectors_do_not_run_in_chromium(
    sanitizer: str, vectors: list[tuple[str, str]], browser: Any, server: PageServer
) -> None:
    if sanitizer == "bleach":
        pytest.importorskip("bleach")
    options = CleanOptions(sanitizer=sanitizer)
    # Many vectors clean to the same output: each distinct output is rendered once, under the
    # id of its first case, and a failure names every case that shares it.
    sharing: dict[str, list[str]] = {}
    for case_id, raw in vectors:
        try:
            fragment = clean_html(raw, options=options)
        except InvalidOptionsError:
            raise
        except ZakerCleanError:  # refused (NUL bytes...): nothing reaches a page, which is safe
            continue
        sharing.setdefault(fragment, []).append(case_id)
    assert sharing, "every case was refused: nothing was rendered"
    distinct = [(ids[0], fragment) for fragment, ids in sharing.items()]
    offending = check(browser, server, distinct).offending
    if offending:
        same = {ids[0]: ids[1:] for ids in sharing.values()}
        pytest.fail(
            f"{len(offending)} of {len(distinct)} distinct {sanitizer} outputs "
            f"(of {len(vectors)} cases) ran script, opened a dialog or navigated in Chromium:\n"
            + describe(offending, dict(distinct), same),
            pytrace=False,
        )


# Positive controls: (case id, raw HTML, a piece of the finding its channel must produce).
CONTROLS = [
    ("ctl-img-onerror", "<img src=x onerror=alert(1)>", "alert(): '1' from onerror of <img>"),
    ("ctl-remote-img", '<img src="https://img.example/a.png" onerror=alert(2)>', "alert(): '2'"),
    ("ctl-mouseover", '<p onmouseover="alert(3)">hover me</p>', "'3' from onmouseover of <p>"),
    ("ctl-odd-handler", '<div onbeforecopy="confirm(4)">x</div>', "confirm(): '4'"),
    ("ctl-javascript-link", '<a href="javascript:alert(5)">click</a>', "alert(): '5'"),
    ("ctl-inline-script", "<script>prompt(6)</script>", "prompt(): '6' from <script>"),
    ("ctl-silent-handler", '<img src=x onerror="void 0">', "CSP script-src-attr"),
    ("ctl-flag", '<img src=x onerror="window.__xss=1">', "window.__xss set"),
    ("ctl-console", '<img src=x onerror="console.log(7)">', "console.log(): '7'"),
    ("ctl-svg-animate", '<svg><animate onbegin="alert(8)" attributeName=x dur=1s>', "'8'"),
    ("ctl-meta-refresh", '<meta http-equiv="refresh" content="0;url=/elsewhere">', "navigated"),
    ("ctl-iframe", '<iframe src="https://evil.example/"></iframe>', "child frame"),
    ("ctl-data-link", '<a href="data:text/html,<script>alert(9)</script>">x</a>', "unsafe URL"),
    # inert as parsed; the browser's own innerHTML round trip turns it into a live <img onerror>
    (
        "ctl-mxss-form-nesting",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(10)>",
        "[reparse] alert(): '10'",
    ),
]
BENIGN = [
    (
        "benign-article",
        '<h2>标题</h2><p>正文 <a href="https://www.myzaker.com/article/1">链接</a> '
        '<a href="/relative">相对</a> <a href="mailto:a@example.com">信</a></p>'
        '<figure><img src="https://img.example/a.jpg" alt="图" width="10" height="10">'
        "<figcaption>说明</figcaption></figure>"
        '<video src="https://v.example/a.mp4" poster="https://img.example/p.jpg" controls></video>'
        "<table><tr><td>1</td></tr></table><pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>",
    ),
]


def test_harness_detects_unsanitized_vectors(browser: Any, server: PageServer) -> None:
    """Positive control: raw vectors must be caught, each through its channel; clean HTML not."""
    offending = check(browser, server, [(cid, raw) for cid, raw, _ in CONTROLS] + BENIGN).offending
    missed = [cid for cid, _, _ in CONTROLS if cid not in offending]
    assert not missed, f"the harness missed raw vectors {missed}; it saw:\n{describe(offending)}"
    wrong_channel = [
        (cid, want) for cid, _, want in CONTROLS if not any(want in f for f in offending[cid])
    ]
    assert not wrong_channel, f"expected findings missing: {wrong_channel}\n{describe(offending)}"
    false_alarms = {cid: found for cid, found in offending.items() if cid.startswith("benign")}
    assert not false_alarms, f"clean HTML was flagged:\n{describe(false_alarms)}"
    unexpected = set(offending) - {cid for cid, _, _ in CONTROLS}
    assert not unexpected, f"findings not pinned to one case:\n{describe(offending)}"


# --------------------------------------------------------------------------------------------
# Notebook display: what Jupyter inserts into the page for an Article or a Failure

DISPLAY_CORPUS_POSTS = 6  # real posts rendered (spread over the sorted corpus)


def hostile_display_cases() -> list[tuple[str, str]]:
    """Summaries of articles and failures whose every value would run script if not escaped."""
    post = (
        "\n---\n"
        + "\n".join(
            f"{key}: {json.dumps(value)}"
            for key, value in {
                "title": "<img src=x onerror=alert(101)>",
                "categories": ["x", "<svg onload=alert(102)>", "<script>alert(103)</script>"],
                "headimg": "http://img.example/c.jpg",
                "author": '" onmouseover="alert(104)',
                "link": "javascript:alert(105)",
                "date": "<iframe src=javascript:alert(106)>",
            }.items()
        )
        + "\n---\n\n"
        '<p><img src="http://img.example/c.jpg" alt="&quot; onerror=&quot;alert(107)"></p>'
        "<p>&lt;img src=x onerror=alert(108)&gt;</p>\n"
    )
    model = Article(
        title="<script>alert(111)</script>",
        url="jav&#x09;ascript:alert(112)",
        source="<style>@import 'http://img.example/x.css';</style>",
        feed="<a href=javascript:alert(113)>x</a>",
        published_raw="<img src=x onerror=alert(114)>",
        cover=Image(url="javascript:alert(115)", alt='"><img src=x onerror=alert(116)>'),
        images=(Image(url='http://img.example/x.jpg" onerror="alert(117)'),),
        videos=(Video(url="data:text/html,<script>alert(118)</script>"),),
        text="<img src=x onerror=alert(119)>\n\n<svg><animate onbegin=alert(120) dur=1s>",
        lang='"><script>alert(121)</script>',
        report=CleanReport(
            steps=(("<img src=x onerror=alert(122)>", 1),),
            warnings=("<math><mtext><img src=x onerror=alert(123)>", "</p><script>x</script>"),
        ),
    )
    cover_attribute = Article(cover=Image(url='http://img.example/a.jpg" onerror="alert(124)'))
    failure = Failure(
        source='"><img src=x onerror=alert(131)>',
        error_type="<script>alert(132)</script>",
        message="<a href=javascript:alert(133)>click</a>\n<form><button>x</button></form>",
    )
    return [
        ("display-hostile-post", parse(post)._repr_html_()),
        ("display-hostile-model", model._repr_html_()),
        ("display-hostile-cover-url", cover_attribute._repr_html_()),
        ("display-hostile-failure", failure._repr_html_()),
    ]


def display_cases() -> list[tuple[str, str]]:
    """``_repr_html_`` of the examples, of a few corpus posts (when present), and hostile ones."""
    paths = sorted(EXAMPLES.glob("*.md"))
    posts = corpus_posts()
    paths += posts[:: max(1, len(posts) // DISPLAY_CORPUS_POSTS)][:DISPLAY_CORPUS_POSTS]
    cases = [(f"display:{p.parent.name}/{p.name}", parse_file(p)._repr_html_()) for p in paths]
    return cases + hostile_display_cases()


def test_notebook_display_does_not_run_in_chromium(browser: Any, server: PageServer) -> None:
    cases = display_cases()
    assert any("<img " in fragment for _, fragment in cases), "no cover was rendered"
    offending = check(browser, server, cases).offending
    if offending:
        pytest.fail(
            f"{len(offending)} of {len(cases)} notebook summaries ran script, opened a dialog or "
            "navigated in Chromium:\n" + describe(offending, dict(cases)),
            pytrace=False,
        )


# --------------------------------------------------------------------------------------------
# Generated hostile HTML (issue 23): fragments set through innerHTML, and served as a page

#: Controls that must also run when set through ``innerHTML`` (an inserted ``<script>`` or
#: ``<meta refresh>`` does not run there, by the HTML standard).
INNER_HTML_CONTROLS = [c for c in CONTROLS if c[0] not in ("ctl-inline-script", "ctl-meta-refresh")]
GENERATED_SEED = 20261203
GENERATED_CANDIDATES = 300  # the CI share; fuzz/browser_run.py is the documented long run


def test_harness_detects_raw_vectors_set_through_innerhtml(
    browser: Any, server: PageServer
) -> None:
    cases = [(cid, raw) for cid, raw, _ in INNER_HTML_CONTROLS]
    offending = check(browser, server, cases, mode="innerHTML").offending
    missed = [cid for cid, _, _ in INNER_HTML_CONTROLS if cid not in offending]
    assert not missed, f"the harness missed raw vectors {missed}; it saw:\n{describe(offending)}"


def generated_outputs(sanitizer: str, count: int, seed: int) -> list[tuple[str, str]]:
    """Distinct outputs of ``clean_html`` and ``parse`` over generated candidates."""
    import sys

    fuzz = str(Path(__file__).resolve().parent.parent / "fuzz")
    sys.path.insert(0, fuzz)
    try:
        grammar = importlib.import_module("grammar")
        properties = importlib.import_module("properties")
    finally:
        sys.path.remove(fuzz)
    options = CleanOptions(sanitizer=sanitizer)
    distinct: dict[str, str] = {}
    for number, candidate in enumerate(grammar.generate(seed, count)):
        results, problems = properties.outputs(candidate, options)
        assert not problems, (candidate, problems)
        for out in results:
            distinct.setdefault(out, f"gen-{seed}-{number}")
    return [(case_id, out) for out, case_id in distinct.items()]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("sanitizer", ["nh3", "bleach"])
def test_generated_outputs_do_not_run_in_chromium(
    sanitizer: str, mode: str, browser: Any, server: PageServer
) -> None:
    cases = generated_outputs(sanitizer, GENERATED_CANDIDATES, GENERATED_SEED)
    offending = check(browser, server, cases, mode=mode).offending
    assert not offending, describe(offending, dict(cases))
