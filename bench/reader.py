"""Reader measurements: what opening a page and searching cost a reader, in Chromium, with the site served gzipped.

    python3 dev.py reader                        # scales 1 and 16, Lighthouse at scale 1; JSON into bench/results/
    .venv/bin/python bench/reader.py --scales 1 --no-lighthouse
    .venv/bin/python bench/reader.py --site path/to/site --label main   # an already built site

Per scale: build the site (`handbook synth` data above scale 1, as bench/bench.py does), serve it from a small static
server that gzips text as a static host does (Content-Encoding: gzip) and counts the bytes it sends, then in Chromium
(Playwright, /usr/bin/chromium):

- page: bytes transferred opening a role page, before search is touched;
- cold query: a fresh tab, search opened right after the page loaded, the query typed at 20 keys a second: time from
  the first keystroke to the first results, and the bytes that query transferred;
- warm query: once search is ready, time from the last keystroke of a new query to its results;
- heap: JS heap in use (CDP Performance.getMetrics JSHeapUsedSize) plus every worker's (Runtime.getHeapUsage), after
  the cold query, after the warm ones, and once garbage is collected;
- console errors and requests to any other host.

Lighthouse 12 (mobile preset; installed with npm into bench/.node/, which git ignores) scores home, a role, a
checklist, a curriculum week and the plays index. Works with the handbook's Pagefind search and with Material's
built-in search (to measure a site built before the change).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from bench import RESULTS, timed_build, write_config  # noqa: E402
from macros.tools.synth import synthesize  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]
NODE = ROOT / "bench" / ".node"
LIGHTHOUSE_VERSION = "12.2.3"  # 13 needs Node 22
SCORED = ("numeric", "binary", "metricSavings")  # audits that cost points (not the informative ones)
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")
ROLE_PAGE = "roles/account-management/"
LIGHTHOUSE_PAGES = {
    "home": "",
    "role": ROLE_PAGE,
    "checklist": "roles/account-management/checklist/",
    "curriculum week": "curricula/onboarding-bootcamp/week-1/",
    "plays index": "plays/",
}
COLD_QUERY = "account manager"
WARM_QUERY = "negotiation"
KEY_DELAY_MS = 50
# Text a static host compresses; Pagefind's index files and WebAssembly are gzip files already.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml", "text/calendar")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("text/calendar", ".ics")


# --- A static host: gzip on the fly (cached), every byte sent counted. ---


class _Counter:
    """The bytes a server has sent since the last reset."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent = 0
        self.requests = 0

    def add(self, count: int) -> None:
        with self.lock:
            self.sent += count

    def reset(self) -> None:
        with self.lock:
            self.sent = self.requests = 0


class _CountingWriter:
    def __init__(self, raw: Any, counter: _Counter) -> None:
        self.raw, self.counter = raw, counter

    def write(self, data: bytes) -> int:
        self.counter.add(len(data))
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


class GzipHandler(BaseHTTPRequestHandler):
    """GET of a built site's files, gzipped when the type is text and the client accepts it (as a static host does)."""

    root: Path
    counter: _Counter
    cache: dict[Path, bytes]

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile, self.counter)  # type: ignore[assignment]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        """Serve a file, a folder's index.html, or 404.html."""
        path = (self.root / self.path.split("?")[0].split("#")[0].lstrip("/")).resolve()
        if path.is_dir():
            path = path / "index.html"
        status = HTTPStatus.OK
        if not path.is_file() or not path.is_relative_to(self.root):
            status, path = HTTPStatus.NOT_FOUND, self.root / "404.html"
        with self.counter.lock:
            self.counter.requests += 1
        body = path.read_bytes() if path.is_file() else b""
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            if path not in self.cache:
                self.cache[path] = gzip.compress(body, compresslevel=6)
            body = self.cache[path]
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str, _Counter]:
    """Serve a built site on a free localhost port; returns the server, its base URL and its byte counter."""
    counter = _Counter()
    handler = type("Handler", (GzipHandler,), {"root": site.resolve(), "counter": counter, "cache": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/", counter


# --- The reader, in Chromium. ---


@dataclass
class SearchUI:
    """How to drive one site's search: the handbook's Pagefind dialog or Material's built-in search."""

    name: str
    input: str
    results: str  # the element whose children are the results
    item: str  # one result
    done: str  # JS expression: the results shown answer the query `q`


PAGEFIND = SearchUI(
    "pagefind",
    "#hb-search-input",
    "[data-hb-search-results]",
    ".hb-search__result",
    "document.querySelector('[data-hb-search-results]').getAttribute('data-query') === q",
)
MATERIAL = SearchUI(
    "material",
    "input.md-search__input",
    ".md-search-result",
    ".md-search-result__item",
    "document.querySelector('.md-search-result__item') !== null && document.querySelector('.md-search__input').value === q",
)

# Times, in the page, of each keystroke in the search box and of each change of the results that shows results.
INSTRUMENT = """([input, results, item]) => {
  window.__reader = {keys: [], shown: []};
  document.addEventListener("keydown", e => { if (e.target.matches(input)) window.__reader.keys.push(performance.now()); }, true);
  const box = document.querySelector(results);
  new MutationObserver(() => { if (box.querySelector(item)) window.__reader.shown.push(performance.now()); })
    .observe(box, {childList: true, subtree: true, attributes: true});
}"""


@dataclass
class ReaderFigures:
    """One scale's reader figures."""

    scale: int
    ui: str
    load: list[float]
    page_bytes: int
    page_requests: int
    cold_first_results_ms: float
    cold_query_bytes: int
    cold_query_requests: int
    warm_results_ms: list[float]
    warm_results_ms_median: float
    heap_mb: float
    heap_mb_page: float
    heap_mb_workers: float
    heap_mb_after_queries: float  # after the warm queries too, garbage included
    heap_mb_after_gc: float  # what stays once garbage is collected (page and workers)
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)


class Tab:
    """A fresh browser context and tab that records console errors, off-site requests and worker sessions."""

    def __init__(self, browser: Any, base: str, viewport: dict[str, int] | None = None) -> None:
        self.context = browser.new_context(base_url=base, viewport=viewport or {"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else self.foreign.append(r.url))
        self.cdp = self.context.new_cdp_session(self.page)
        self.workers: list[str] = []
        self.calls = 0
        self.replies: dict[str, list[dict[str, Any]]] = {}
        self.cdp.on("Target.attachedToTarget", self._attached)
        self.cdp.on("Target.receivedMessageFromTarget", self._received)
        # Workers (Pagefind's search, Material's lunr) are attached to this session so their heaps can be read.
        self.cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False})
        self.cdp.send("Performance.enable")

    def _attached(self, event: dict[str, Any]) -> None:
        if event["targetInfo"]["type"] == "worker":
            self.workers.append(event["sessionId"])

    def _received(self, event: dict[str, Any]) -> None:
        self.replies.setdefault(event["sessionId"], []).append(json.loads(event["message"]))

    def _ask_workers(self, method: str) -> list[dict[str, Any]]:
        """Send one CDP command to every worker; their replies (waiting up to 5 s)."""
        self.calls += 1
        for session in self.workers:
            message = json.dumps({"id": self.calls, "method": method})
            self.cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": message})
        deadline, replies = time.monotonic() + 5, {}
        while len(replies) < len(self.workers) and time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
            for session in self.workers:
                reply = next((m for m in self.replies.get(session, []) if m.get("id") == self.calls), None)
                if reply is not None:
                    replies[session] = reply
        return list(replies.values())

    def heap(self, collect: bool = False) -> tuple[float, float]:
        """MB of JS heap in use: the page's, and all its workers' together; after a garbage collection if `collect`."""
        if collect:
            self.cdp.send("HeapProfiler.collectGarbage")
            self._ask_workers("HeapProfiler.collectGarbage")
        metrics = {m["name"]: m["value"] for m in self.cdp.send("Performance.getMetrics")["metrics"]}
        workers = sum(reply.get("result", {}).get("usedSize", 0) for reply in self._ask_workers("Runtime.getHeapUsage"))
        return metrics["JSHeapUsedSize"] / 1e6, workers / 1e6

    def close(self) -> None:
        """Close the context."""
        self.context.close()


def detect_ui(page: Any) -> SearchUI:
    """The search this site has."""
    return PAGEFIND if page.locator(PAGEFIND.input).count() else MATERIAL


def settle(page: Any, counter: Any, quiet_ms: int = 1500, timeout_ms: int = 60000) -> None:
    """Wait until the server has sent nothing for `quiet_ms` (a page's own late loads, such as a search index)."""
    last, since, waited = counter.sent, time.monotonic(), 0
    while waited < timeout_ms:
        page.wait_for_timeout(100)
        waited += 100
        if counter.sent != last:
            last, since = counter.sent, time.monotonic()
        elif (time.monotonic() - since) * 1000 >= quiet_ms:
            return


def measure_reader(browser: Any, base: str, counter: Any, scale: int, warm_runs: int = 5) -> ReaderFigures:
    """Page weight, cold and warm query times, heap, errors and off-site requests on the role page."""
    load = list(os.getloadavg())
    # Page weight: a fresh tab opens the role page; everything it loads by itself, search untouched.
    tab = Tab(browser, base)
    counter.reset()
    tab.page.goto(ROLE_PAGE, wait_until="load")
    settle(tab.page, counter)
    page_bytes, page_requests = counter.sent, counter.requests
    tab.close()

    # Cold query: a fresh tab; the reader opens search as soon as the page has loaded and types.
    tab = Tab(browser, base)
    tab.page.goto(ROLE_PAGE, wait_until="load")
    ui = detect_ui(tab.page)
    tab.page.evaluate(INSTRUMENT, [ui.input, ui.results, ui.item])
    counter.reset()
    tab.page.keyboard.press("/")
    tab.page.locator(ui.input).wait_for(state="visible")
    tab.page.locator(ui.input).press_sequentially(COLD_QUERY, delay=KEY_DELAY_MS)
    tab.page.wait_for_function(f"q => {ui.done}", arg=COLD_QUERY, timeout=120_000)
    marks = tab.page.evaluate("window.__reader")
    cold_ms = round(min(t for t in marks["shown"] if t >= marks["keys"][0]) - marks["keys"][0], 1)
    settle(tab.page, counter, quiet_ms=500)
    cold_bytes, cold_requests = counter.sent, counter.requests
    page_heap, worker_heap = tab.heap()

    # Warm queries: search is ready; time from a new query's last keystroke to its results.
    warm: list[float] = []
    for run in range(warm_runs):
        query = f"{WARM_QUERY} {['coach', 'discovery', 'pipeline', 'territory', 'forecast'][run % 5]}"
        tab.page.locator(ui.input).fill("")
        tab.page.wait_for_timeout(300)
        tab.page.evaluate("window.__reader.keys = []; window.__reader.shown = []")
        tab.page.locator(ui.input).press_sequentially(query, delay=KEY_DELAY_MS)
        tab.page.wait_for_function(f"q => {ui.done}", arg=query, timeout=60_000)
        tab.page.wait_for_timeout(200)
        marks = tab.page.evaluate("window.__reader")
        last = marks["keys"][-1]
        after = [t for t in marks["shown"] if t >= last]
        warm.append(round(after[0] - last, 1) if after else 0.0)
    after_queries = sum(tab.heap())
    retained = sum(tab.heap(collect=True))
    errors, foreign = tab.errors, tab.foreign
    tab.close()
    return ReaderFigures(
        scale=scale,
        ui=ui.name,
        load=load,
        page_bytes=page_bytes,
        page_requests=page_requests,
        cold_first_results_ms=cold_ms,
        cold_query_bytes=cold_bytes,
        cold_query_requests=cold_requests,
        warm_results_ms=warm,
        warm_results_ms_median=statistics.median(warm),
        heap_mb=round(page_heap + worker_heap, 1),
        heap_mb_page=round(page_heap, 1),
        heap_mb_workers=round(worker_heap, 1),
        heap_mb_after_queries=round(after_queries, 1),
        heap_mb_after_gc=round(retained, 1),
        console_errors=errors,
        foreign_requests=foreign,
    )


# --- Lighthouse ---


def lighthouse_bin() -> Path:
    """Lighthouse's command, installed with npm into bench/.node/ on first use."""
    command = NODE / "node_modules" / ".bin" / "lighthouse"
    if not command.exists():
        NODE.mkdir(parents=True, exist_ok=True)
        # A package.json of its own, so npm installs here and not into a parent folder.
        (NODE / "package.json").write_text('{"private": true}\n', encoding="utf-8")
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "-E", f"lighthouse@{LIGHTHOUSE_VERSION}"], cwd=NODE, check=True)
    return command


def run_lighthouse(base: str, out_dir: Path) -> dict[str, dict[str, Any]]:
    """Lighthouse (mobile preset) scores of each page in LIGHTHOUSE_PAGES, with the audits that cost points."""
    command = lighthouse_bin()
    scores: dict[str, dict[str, Any]] = {}
    for name, url in LIGHTHOUSE_PAGES.items():
        report = out_dir / f"lighthouse-{name.replace(' ', '-')}.json"
        result = subprocess.run(
            [
                str(command),
                base + url,
                "--only-categories=accessibility,best-practices,performance",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
        )
        if result.returncode or not report.exists():
            scores[name] = {"error": (result.stderr or result.stdout)[-2000:]}
            continue
        data = json.loads(report.read_text(encoding="utf-8"))
        categories = {key: round(100 * (value["score"] or 0)) for key, value in data["categories"].items()}
        lost = [
            {"id": audit_id, "title": audit["title"], "score": audit["score"], "value": audit.get("displayValue", "")}
            for audit_id, audit in data["audits"].items()
            if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("scoreDisplayMode") in SCORED
        ]
        metrics = {k: data["audits"][k].get("displayValue", "") for k in METRICS}
        scores[name] = {"url": url, "load": list(os.getloadavg()), **categories, "metrics": metrics, "audits_below_0.9": lost}
    return scores


# --- Sites ---


def build(scale: int, work: Path) -> Path:
    """Build the handbook at `scale` (the real data at 1) into `work`; returns the site folder."""
    site = work / f"scale-{scale}" / "site"
    if scale == 1:
        config = ROOT / "mkdocs.yml"
        seconds = timed_build(config, site)
    else:
        data = work / f"scale-{scale}" / "data"
        synthesize(ROOT / "data", data, scale, 0)
        config = write_config(data, f"reader-{scale}")
        try:
            seconds = timed_build(config, site)
        finally:
            config.unlink()
    print(f"  built scale {scale} in {seconds:.1f} s", flush=True)
    return site


def table(figures: list[ReaderFigures]) -> str:
    """The reader figures as a Markdown table."""
    lines = [
        "| scale | search | load (1 min) | role page | cold query: first results | its bytes | warm query (median) "
        "| JS heap after it (page + workers) | after all queries | after GC | errors | other hosts |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        lines.append(
            f"| {f.scale} | {f.ui} | {f.load[0]:.1f} | {f.page_bytes / 1024:.0f} KB ({f.page_requests} requests) "
            f"| {f.cold_first_results_ms:.0f} ms "
            f"| {f.cold_query_bytes / 1024:.0f} KB ({f.cold_query_requests} requests) | {f.warm_results_ms_median:.0f} ms "
            f"| {f.heap_mb:.1f} MB ({f.heap_mb_page:.1f} + {f.heap_mb_workers:.1f}) "
            f"| {f.heap_mb_after_queries:.1f} MB | {f.heap_mb_after_gc:.1f} MB "
            f"| {len(f.console_errors)} | {len(f.foreign_requests)} |"
        )
    return "\n".join(lines)


def lighthouse_table(scores: dict[str, dict[str, Any]]) -> str:
    """Lighthouse scores as a Markdown table."""
    lines = ["| page | performance | accessibility | best practices | LCP | TBT | CLS |", "|---|---|---|---|---|---|---|"]
    for name, s in scores.items():
        if "error" in s:
            lines.append(f"| {name} | error | | | | | |")
            continue
        m = s["metrics"]
        lines.append(
            f"| {name} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {m['largest-contentful-paint']} "
            f"| {m['total-blocking-time']} | {m['cumulative-layout-shift']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build, serve and measure; print the tables and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--site", type=Path, help="measure this built site instead of building one (its scale: --scales)")
    parser.add_argument("--label", default="", help="a name for the results file (e.g. main)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--lighthouse-scales", type=int, nargs="+", default=[1], help="scales Lighthouse runs at (default 1)")
    parser.add_argument("--warm-runs", type=int, default=5)
    parser.add_argument("--out", type=Path, help="JSON file (default: bench/results/<date>-reader[-label].json)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    report: dict[str, Any] = {"started": started.isoformat(), "machine": {"cpus": os.cpu_count(), "load_before": list(os.getloadavg())}}
    figures: list[ReaderFigures] = []
    lighthouse: dict[str, Any] = {}
    out = args.out or RESULTS / f"{started.strftime('%Y-%m-%dT%H%M%SZ')}-reader{'-' + args.label if args.label else ''}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="handbook-reader-") as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for scale in args.scales:
            print(f"scale {scale} ...", flush=True)
            site = args.site or build(scale, Path(tmp))
            server, base, counter = serve(site)
            try:
                figures.append(measure_reader(browser, base, counter, scale, args.warm_runs))
                print(table(figures[-1:]), flush=True)
                if not args.no_lighthouse and scale in args.lighthouse_scales:
                    print("  lighthouse ...", flush=True)
                    # The full reports (about 1 MB each) stay beside the results, out of git.
                    reports = RESULTS / "lighthouse" / f"{out.stem}-scale{scale}"
                    reports.mkdir(parents=True, exist_ok=True)
                    lighthouse[str(scale)] = run_lighthouse(base, reports)
                    print(lighthouse_table(lighthouse[str(scale)]), flush=True)
            finally:
                server.shutdown()
            if args.site is None:
                shutil.rmtree(site.parent, ignore_errors=True)
        browser.close()
    report["machine"]["load_after"] = list(os.getloadavg())
    report["reader"] = [asdict(f) for f in figures]
    report["lighthouse"] = lighthouse
    print()
    print(table(figures))
    for scale, scores in lighthouse.items():
        print(f"\nLighthouse, mobile preset, scale {scale}:\n{lighthouse_table(scores)}")
    print(f"load average before/after: {report['machine']['load_before'][0]:.2f} / {report['machine']['load_after'][0]:.2f}")
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"results: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
