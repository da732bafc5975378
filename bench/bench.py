"""Benchmark: the handbook build against its plain-MkDocs baseline at several scales, and `mkdocs serve`.

    python3 dev.py bench                    # scales 1, 4, 16; 5 runs each; serve; JSON into bench/results/
    .venv/bin/python bench/bench.py --scales 1 4 --runs 1 --no-serve

Per scale: synthesize the data (`handbook synth`), build the handbook (`mkdocs build --strict` with a temporary copy
of mkdocs.yml pointing at that data) and the baseline (`handbook render` of the same pages, then a plain
`mkdocs build --strict`), alternating handbook and baseline runs so both see the same machine load; report medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.adapters.plain_markdown import render_plain_site  # noqa: E402
from macros.tools.synth import synthesize  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SERVE_PORT = 8106
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class SiteFigures:
    """What a built site weighs."""

    pages: int
    largest_page: str
    largest_page_bytes: int
    search_index_bytes: int
    model_json_bytes: int
    site_bytes: int


@dataclass
class ScaleResult:
    """One scale's figures: page weight and median build times."""

    scale: int
    pages: int
    baseline_pages: int
    handbook_seconds: list[float]
    baseline_seconds: list[float]
    handbook_median: float
    baseline_median: float
    ratio: float
    paired_ratio: float  # median of each run's handbook / baseline: the two builds of a run share the machine's load
    ms_per_page: float
    largest_page: str
    largest_page_kb: float
    search_index_kb: float
    model_json_kb: float


def site_figures(site: Path) -> SiteFigures:
    """Count the pages of a built site and find the heaviest one (404 and redirect stubs excluded)."""
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    # The whole Pagefind index (a reader downloads only the chunks and fragments a query needs), without its scripts.
    search = [p for p in (site / "pagefind").rglob("*") if p.is_file() and not p.name.endswith((".js", ".css", ".pagefind"))]
    model = site / "model.json"
    return SiteFigures(
        pages=len(pages),
        largest_page="/" + largest.relative_to(site).parent.as_posix().strip(".") + "/",
        largest_page_bytes=largest.stat().st_size,
        search_index_bytes=sum(p.stat().st_size for p in search),
        model_json_bytes=model.stat().st_size if model.exists() else 0,
        site_bytes=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    )


def write_config(data_dir: Path, name: str) -> Path:
    """A copy of the project's mkdocs.yml next to it (so docs/, overrides/ and git history resolve as in a real build)
    whose handbook plugin reads `data_dir`."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = config["plugins"]
    index = next(i for i, p in enumerate(plugins) if p == "handbook" or (isinstance(p, dict) and "handbook" in p))
    plugins[index] = {"handbook": {"data_dir": str(data_dir.resolve())}}
    target = ROOT / f".bench-{name}.yml"
    target.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def timed_build(config: Path, site: Path) -> float:
    """Seconds of one strict `mkdocs build` in a fresh process (as an author or CI runs it); fails loudly."""
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=config.parent,
    )
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build of {config} failed:\n{result.stdout}{result.stderr}")
    return round(seconds, 3)


def bench_scale(scale: int, runs: int, work: Path, seed: int = 0) -> ScaleResult:
    """Synthesize one scale, build handbook and baseline `runs` times each (alternating), return the figures."""
    data = work / f"scale-{scale}" / "data"
    synthesize(ROOT / "data", data, scale, seed)
    config = write_config(data, f"scale-{scale}")
    try:
        plain_dir = work / f"scale-{scale}" / "plain"
        render_plain_site(config, plain_dir)
        handbook_site, baseline_site = work / f"scale-{scale}" / "site", work / f"scale-{scale}" / "baseline-site"
        handbook_seconds, baseline_seconds = [], []
        for run in range(runs):
            print(f"  scale {scale}: run {run + 1}/{runs} ...", flush=True)
            handbook_seconds.append(timed_build(config, handbook_site))
            baseline_seconds.append(timed_build(plain_dir / "mkdocs.yml", baseline_site))
    finally:
        config.unlink()
    figures, baseline = site_figures(handbook_site), site_figures(baseline_site)
    handbook_median, baseline_median = statistics.median(handbook_seconds), statistics.median(baseline_seconds)
    return ScaleResult(
        scale=scale,
        pages=figures.pages,
        baseline_pages=baseline.pages,
        handbook_seconds=handbook_seconds,
        baseline_seconds=baseline_seconds,
        handbook_median=handbook_median,
        baseline_median=baseline_median,
        ratio=round(handbook_median / baseline_median, 3),
        paired_ratio=round(statistics.median(h / b for h, b in zip(handbook_seconds, baseline_seconds, strict=True)), 3),
        ms_per_page=round(1000 * handbook_median / figures.pages, 1),
        largest_page=figures.largest_page,
        largest_page_kb=round(figures.largest_page_bytes / 1024, 1),
        search_index_kb=round(figures.search_index_bytes / 1024, 1),
        model_json_kb=round(figures.model_json_bytes / 1024, 1),
    )


def bench_real(runs: int, work: Path) -> dict[str, Any]:
    """The real handbook (data/ and mkdocs.yml as committed): median strict build time."""
    seconds = [timed_build(ROOT / "mkdocs.yml", work / "real-site") for _ in range(runs)]
    figures = site_figures(work / "real-site")
    return {"seconds": seconds, "median": statistics.median(seconds), **asdict(figures)}


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, text: str, timeout: float) -> float | None:
    """Poll `url` until its body contains `text`; seconds waited, or None on timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            if text in _get(url):
                return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.05)
    return None


SERVE_ROLE = "account-management"
_SUMMARY = re.compile(r"\nsummary: (>-\n  )?")  # the role's summary in its data file


def _mark_data(path: Path, marker: str) -> None:
    """Put `marker` at the start of the role's summary in its YAML data file."""
    path.write_text(_SUMMARY.sub(lambda m: f"{m.group(0)}{marker}. ", path.read_text(encoding="utf-8"), count=1), encoding="utf-8")


def _mark_markdown(path: Path, marker: str) -> None:
    """Put `marker` in a rendered page's Markdown, after its front matter (the baseline's equivalent of a data edit)."""
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + len("\n---\n")
    path.write_text(f"{text[:end]}\n{marker}\n{text[end:]}", encoding="utf-8")


def serve_latency(config: Path, edited: Path, mark: Any, edits: int = 3, port: int = SERVE_PORT, dirty: bool = False) -> dict[str, Any]:
    """Seconds from saving `edited` to `mkdocs serve -f config` serving the role page with the change, per edit."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(f"port {port} is in use; stop the server there first")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-f",
            str(config),
            "-a",
            f"127.0.0.1:{port}",
            *(["--dirty", "--no-strict"] if dirty else []),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
        cwd=config.parent,
    )
    url = f"http://127.0.0.1:{port}/handbook/roles/{SERVE_ROLE}/"
    try:
        start = time.perf_counter()
        if _wait_for(url, "</html>", 300) is None:
            raise SystemExit("mkdocs serve did not come up")
        first = time.perf_counter() - start
        seconds = []
        for edit in range(edits):
            time.sleep(1.5)  # let the watcher settle after the previous build
            marker = f"Benchmark edit {edit} {time.time_ns()}"
            saved = time.perf_counter()
            mark(edited, marker)
            waited = _wait_for(url, marker, 60)
            seconds.append(round(time.perf_counter() - saved, 3) if waited is not None else None)
    finally:
        server.terminate()  # the server this function started, by its process handle
        server.wait(timeout=30)
    timed = [s for s in seconds if s is not None]
    return {"first_page_seconds": round(first, 3), "edit_seconds": seconds, "median": statistics.median(timed) if timed else None}


def bench_serve(work: Path, edits: int = 3) -> dict[str, Any]:
    """`mkdocs serve` on the real data (a role's data file edited) and on its baseline (the role page's Markdown edited)."""
    data = work / "serve" / "data"
    shutil.copytree(ROOT / "data", data)
    config = write_config(data, "serve")
    try:
        plain = work / "serve" / "plain"
        render_plain_site(config, plain)
        # `python3 dev.py serve` runs `mkdocs serve --dirty --no-strict`: incremental rebuilds (macros/adapters/preview.py).
        handbook = serve_latency(config, data / "roles" / f"{SERVE_ROLE}.yml", _mark_data, edits, dirty=True)
        full = serve_latency(config, data / "roles" / f"{SERVE_ROLE}.yml", _mark_data, edits)
    finally:
        config.unlink()
    baseline = serve_latency(plain / "mkdocs.yml", plain / "docs" / "roles" / SERVE_ROLE / "index.md", _mark_markdown, edits)
    return {"handbook": handbook, "handbook_full_rebuild": full, "baseline": baseline}


def table(results: list[ScaleResult]) -> str:
    """The results as a Markdown table (as in the README)."""
    lines = [
        "| scale | pages | handbook s (median) | baseline s (median) | ratio | paired ratio | ms/page | largest page | search index |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.scale} | {r.pages} | {r.handbook_median:.2f} | {r.baseline_median:.2f} | {r.ratio:.2f} | {r.paired_ratio:.2f} "
            f"| {r.ms_per_page:.1f} "
            f"| {r.largest_page_kb:.0f} KB `{r.largest_page}` | {r.search_index_kb:.0f} KB |"
        )
    return "\n".join(lines)


def _paired(result: dict[str, Any]) -> float:
    """The paired ratio of a results file written before it was recorded."""
    pairs = zip(result["handbook_seconds"], result["baseline_seconds"], strict=True)
    return round(statistics.median(h / b for h, b in pairs), 3)


def summary(report: dict[str, Any]) -> str:
    """A results file as the README's Performance table and notes (Markdown)."""
    results = [ScaleResult(**{"paired_ratio": _paired(r), **r}) for r in report["scales"]]
    load = report["machine"]["load_before"][0], report["machine"]["load_after"][0]
    lines = [
        f"Run of {report['started']} on {report['machine']['cpus']} cores, {report['runs']} runs per site and scale "
        f"(1-minute load average {load[0]:.1f} before, {load[1]:.1f} after; the machine is shared with other work).",
        "",
        table(results),
        "",
    ]
    if report.get("scale16_over_scale4") is not None:
        lines.append(f"- Scale 16 / scale 4 build time: {report['scale16_over_scale4']:.2f}.")
    if "real" in report:
        real = report["real"]
        lines.append(
            f"- The real handbook (`mkdocs build --strict`): {real['median']:.2f} s for {real['pages']} pages; "
            f"largest page {real['largest_page_bytes'] / 1024:.0f} KB `{real['largest_page']}`."
        )
    if "serve" in report:
        serve = report["serve"]
        handbook, baseline = serve["handbook"], serve["baseline"]
        lines.append(
            f"- `mkdocs serve`, a role's data file saved -> its page served with the change: median {handbook['median']:.2f} s "
            f"({', '.join(str(s) for s in handbook['edit_seconds'])}); the baseline, the role page's Markdown saved: median "
            f"{baseline['median']:.2f} s ({', '.join(str(s) for s in baseline['edit_seconds'])})."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--runs", type=int, default=5, help="builds per scale and site (default 5; medians are reported)")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    parser.add_argument("--no-real", action="store_true", help="skip building the real handbook")
    parser.add_argument("--out", type=Path, help="JSON file (default: bench/results/<date>.json)")
    parser.add_argument("--summary", type=Path, metavar="JSON", help="only print a results file as the README's table")
    args = parser.parse_args(argv)
    if args.summary:
        print(summary(json.loads(args.summary.read_text(encoding="utf-8"))))
        return 0
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    load_before = os.getloadavg()
    results: list[ScaleResult] = []
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        work = Path(tmp)
        if not args.no_real:
            print("real handbook ...", flush=True)
            report["real"] = bench_real(args.runs, work)
            print(f"  {report['real']['median']:.2f} s for {report['real']['pages']} pages", flush=True)
        for scale in args.scales:
            print(f"scale {scale} ...", flush=True)
            results.append(bench_scale(scale, args.runs, work))
            print(table(results[-1:]), flush=True)  # each scale's figures as soon as they are measured
        if not args.no_serve:
            print("mkdocs serve ...", flush=True)
            report["serve"] = bench_serve(work)
            print(f"  data edit served again after {report['serve']['handbook']['edit_seconds']} s", flush=True)
            print(f"  baseline: Markdown edit served again after {report['serve']['baseline']['edit_seconds']} s", flush=True)
    by_scale = {r.scale: r for r in results}
    growth = round(by_scale[16].handbook_median / by_scale[4].handbook_median, 2) if 4 in by_scale and 16 in by_scale else None
    report = {
        "started": started.isoformat(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_before": load_before, "load_after": os.getloadavg()},
        "runs": args.runs,
        "scales": [asdict(r) for r in results],
        "scale16_over_scale4": growth,
        **report,
    }
    print()
    print(table(results))
    if growth is not None:
        print(f"\nscale 16 / scale 4 build time: {growth}")
    print(f"load average before/after: {load_before[0]:.2f} / {report['machine']['load_after'][0]:.2f}")
    out = args.out or RESULTS / f"{started.strftime('%Y-%m-%dT%H%M%SZ')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"results: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
