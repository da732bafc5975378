"""The build's second core (issue #6): a forked worker renders the generated pages and checks the built ones.

The worker must be invisible in the output: the same Markdown, the same missing-record report and the same built
site as the in-process path, and a failure inside it must stop the build with the worker's own traceback.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import signal
import sys
import threading
from pathlib import Path

import pytest
from sites import ROOT, BuiltSite, mkdocs_build

from macros import state
from macros.chrome import compact_chrome
from macros.completeness import expected_texts
from macros.index import load_handbook
from macros.pages import PageSpec, download_paths, plan_downloads, plan_pages
from macros.render import render_page
from macros.worker import InProcess, PageWorker, WorkerError, worker_available

DATA = ROOT / "data"  # the real data: every kind of generated page


def _worker(specs: list[PageSpec], data: Path = DATA) -> PageWorker:
    return PageWorker(state.environment(), specs, load_handbook(data))


def test_the_worker_renders_every_page_exactly_as_the_build_would_in_process(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # the calendars' DTSTAMP, in both processes
    handbook = load_handbook(DATA)
    specs = plan_pages(handbook)
    worker = PageWorker(state.environment(), specs, handbook)
    assert list(worker) == [spec.src_uri for spec in specs]
    assert len(worker) == len(specs) > 40
    last = specs[-1].src_uri
    assert worker[last] == render_page(state.environment(), specs[-1])  # asking for a later page first waits for it
    assert {src: worker[src] for src in worker} == {spec.src_uri: render_page(state.environment(), spec) for spec in specs}
    with pytest.raises(KeyError):
        worker["roles/not-a-page/index.md"]
    assert tuple(worker.downloads) == download_paths(handbook) == tuple(plan_downloads(handbook))
    assert dict(worker.downloads) == plan_downloads(handbook)
    assert "model.json" in worker.downloads and any(path.endswith(".ics") for path in worker.downloads)
    assert worker.missing(Path("/nonexistent")) != []  # nothing was built there: every page is reported


def test_the_worker_reports_the_same_missing_records_as_the_in_process_check(real_site: BuiltSite, tmp_path: Path):
    site = BuiltSite(tmp_path / "site", 0, "")
    shutil.copytree(real_site.root, site.root)
    handbook = load_handbook(DATA)
    specs = plan_pages(handbook)
    in_process, worker = InProcess(handbook), PageWorker(state.environment(), specs, handbook)
    role_page = next(spec.src_uri for spec in specs if spec.template == "role.md")
    week_page = next(spec.src_uri for spec in specs if spec.template == "curriculum_week.md")
    dropped = {role_page: expected_texts(handbook)[role_page][0], week_page: expected_texts(handbook)[week_page][-1]}
    for spec in specs[: len(specs) // 2]:  # the others are read back from the site folder
        page = (site.root / _url(spec.src_uri) / "index.html").read_text(encoding="utf-8")
        for dropped_page, text in dropped.items():
            if spec.src_uri == dropped_page:
                page = page.replace(_html_text(text), "")
        destination = site.root / _url(spec.src_uri) / "index.html"
        assert in_process.page_built(spec.src_uri, page, str(destination)) == compact_chrome(page)
        assert worker.page_built(spec.src_uri, page, str(destination)) == page  # MkDocs writes it; the worker reads it
        destination.write_text(page, encoding="utf-8")
    (site.root / _url(specs[-1].src_uri) / "index.html").unlink()
    expected = in_process.missing(site.root)
    assert worker.missing(site.root) == expected
    assert f"{specs[-1].src_uri}: the page was not built" in expected
    assert any(line.startswith(f"{role_page}: ") for line in expected), expected


UNTRIMMED = """<html>
    <nav class="md-nav">
      <ul>
        <li><a href="../">Home</a></li>
      </ul>
    </nav>
<article class="md-content__inner md-typeset">
  <pre>  indented   code stays</pre>
</article>
    <footer>
      <p>Footer</p>
    </footer>
</html>"""


def test_the_worker_replaces_each_written_page_with_its_trimmed_version(tmp_path: Path):
    """MkDocs writes the untrimmed page; the worker reads it once MkDocs is done and writes the trimmed one over it."""
    worker = _worker(plan_pages(load_handbook(DATA))[:1])
    first, second, empty = tmp_path / "first.html", tmp_path / "second.html", tmp_path / "empty.html"
    for path, html in ((first, UNTRIMMED), (second, UNTRIMMED.replace("Home", "Start")), (empty, "  \n")):
        assert worker.page_built("hand-written.md", html, str(path)) == html  # MkDocs writes what it gets back ...
        if html.strip():
            path.write_text(html, encoding="utf-8")  # ... as it does after each page
    assert worker.missing(tmp_path) != []  # the end of the build: every page is final
    assert first.read_text(encoding="utf-8") == compact_chrome(UNTRIMMED) != UNTRIMMED
    assert second.read_text(encoding="utf-8") == compact_chrome(UNTRIMMED.replace("Home", "Start"))
    assert "<pre>  indented   code stays</pre>" in first.read_text(encoding="utf-8")
    assert not empty.exists()  # MkDocs writes no file for an empty page, and neither does the worker


def test_a_template_error_in_the_worker_stops_the_build_with_its_traceback():
    good = plan_pages(load_handbook(DATA))[0]
    broken = PageSpec("broken.md", "Broken", "no_such_template.md", {}, ())
    worker = _worker([good, broken])
    assert worker[good.src_uri].startswith("---\n")
    with pytest.raises(WorkerError) as error:
        worker["broken.md"]
    assert "the handbook worker failed:" in str(error.value)
    assert "jinja2.exceptions.TemplateNotFound: 'no_such_template.md' not found" in str(error.value)


def test_a_worker_that_dies_is_reported_instead_of_hanging_the_build():
    worker = _worker(plan_pages(load_handbook(DATA)))
    os.kill(worker._process.pid, signal.SIGKILL)
    worker._process.join(timeout=10)
    with pytest.raises(WorkerError, match=r"the handbook worker (ended unexpectedly \(exit code -9\)|stopped reading)"):
        worker.missing(Path("/nonexistent"))


def test_the_worker_is_used_only_where_forking_is_safe(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("HANDBOOK_WORKER", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # other tests (the browser's) may have left threads
    assert worker_available()
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not worker_available()
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not worker_available()
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setenv("HANDBOOK_WORKER", "0")
    assert not worker_available()
    monkeypatch.delenv("HANDBOOK_WORKER")
    monkeypatch.undo()
    release = threading.Event()
    other = threading.Thread(target=release.wait)  # as in `mkdocs serve`: a fork would copy another thread's locks
    other.start()
    try:
        assert not worker_available()
    finally:
        release.set()
        other.join()


def test_builds_with_and_without_the_worker_write_the_same_site(tmp_path: Path):
    """The real handbook, byte for byte: pages, search index, calendars, model.json."""
    stamp = {"SOURCE_DATE_EPOCH": "1798761600"}  # the calendars' DTSTAMP
    with_worker = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "worker", {"HANDBOOK_WORKER": "1", **stamp})
    in_process = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "in-process", {"HANDBOOK_WORKER": "0", **stamp})
    assert with_worker.returncode == 0 and in_process.returncode == 0, with_worker.output + in_process.output
    files = sorted(p.relative_to(with_worker.root).as_posix() for p in with_worker.root.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(in_process.root).as_posix() for p in in_process.root.rglob("*") if p.is_file())
    _, differ, errors = filecmp.cmpfiles(with_worker.root, in_process.root, files, shallow=False)
    assert (differ, errors) == ([], [])
    assert len(files) > 200 and "model.json" in files and any(f.endswith(".ics") for f in files)


def _url(src_uri: str) -> str:
    stem = src_uri[: -len(".md")]
    return stem[: -len("index")] if stem.endswith("index") else stem


def _html_text(text: str) -> str:
    return " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
