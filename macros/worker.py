"""The handbook's own build work on a second core while MkDocs renders (performance, issue #6).

A build spends most of its time in MkDocs (Markdown, the theme, the search index), one page after another on one
core. The handbook's own work around it needs nothing back from MkDocs: rendering the generated pages' Markdown
and the downloads before MkDocs reads them, and, once MkDocs has built a page, trimming the theme's indentation
(macros/chrome.py) and checking that the page shows every record it must (macros/completeness.py). A forked
worker process does all of it alongside:

    build process                                   worker (forked after the data is loaded and validated)
    ---------------------------------------------   ---------------------------------------------------------
    MkDocs: config, theme, hand-written pages       renders every generated page, in page order  -> pages
    MkDocs reads a generated page  <- pages         writes the downloads (calendars, model.json) -> pages
    MkDocs copies the downloads  <- pages           (both usually long done)
    MkDocs built page N  -> "N", and writes it      (MkDocs may still be writing page N)
    MkDocs built page N+1  -> "N+1", and writes it  page N is on disk by now: reads, trims, checks, rewrites it
    end of build: "what is missing?"  -> question   finishes the last page; answers with the missing records

Only page names cross the pipe: the worker reads each page from the file MkDocs wrote, as soon as the next message
shows that MkDocs is done with it, and writes the trimmed page over it. The build ends only after the worker's
answer, when every page is final. Where forking is unsafe or pointless (not Linux, one core, other threads running as in `mkdocs serve`, or
HANDBOOK_WORKER=0), `InProcess` does the same work in the build process, with the same output.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import traceback
from collections.abc import Iterator, Mapping, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .chrome import compact_chrome
from .completeness import CompletenessCheck
from .index import Handbook
from .pages import PageSpec, download_paths, plan_downloads
from .render import render_page


class WorkerError(RuntimeError):
    """The worker process failed or ended early; the message carries its traceback."""


def worker_available() -> bool:
    """Whether a forked worker is safe and useful here: Linux, two or more cores, no other thread, not switched off."""
    return (
        sys.platform.startswith("linux")  # macOS lists 'fork' but system libraries may not survive it
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1  # a fork copies only the calling thread: another one's locks stay held
        and os.environ.get("HANDBOOK_WORKER", "1") != "0"
    )


class InProcess:
    """The finishing of built pages in the build process: trim the theme's indentation, then check the records."""

    def __init__(self, handbook: Handbook) -> None:
        self._check = CompletenessCheck(handbook)

    def page_built(self, src_uri: str, page: str, dest_path: str) -> str:
        """The page as it must be written: trimmed, and checked for the records it must show."""
        page = compact_chrome(page)
        self._check.check_page(src_uri, page)
        return page

    def missing(self, site_dir: Path) -> list[str]:
        """Every expected record text the built site does not show (see `CompletenessCheck.missing`)."""
        return self._check.missing(site_dir)


class PageWorker(Mapping[str, str]):
    """Generated pages' Markdown as a worker process renders it (reading a page waits for it), the downloads, and
    the finishing of built pages (`page_built`, then `missing`), with the interface of `InProcess`."""

    def __init__(self, env: Environment, specs: Sequence[PageSpec], handbook: Handbook) -> None:
        context = multiprocessing.get_context("fork")
        self._pages_in, pages_out = context.Pipe(duplex=False)  # worker -> build: rendered pages, then the answer
        built_in, self._built_out = context.Pipe(duplex=False)  # build -> worker: built pages, then the question
        self._order = tuple(spec.src_uri for spec in specs)
        self._generated = frozenset(self._order)
        self._markdown: dict[str, str] = {}
        self._downloads: dict[str, str] | None = None
        self._rendered = False
        self.downloads: Mapping[str, str] = _Downloads(self, download_paths(handbook))
        sys.stdout.flush()  # the worker must not write out what this process had buffered before the fork
        sys.stderr.flush()
        self._process = context.Process(target=_work, args=(env, specs, handbook, pages_out, built_in), name="handbook-worker", daemon=True)
        self._process.start()
        pages_out.close()  # this process's copies of the worker's ends: a pipe reports its end when a side exits
        built_in.close()

    def __getitem__(self, src_uri: str) -> str:
        """A page's Markdown, waiting until the worker has rendered it."""
        if src_uri not in self._generated:
            raise KeyError(src_uri)
        while src_uri not in self._markdown:
            self._receive()
        return self._markdown[src_uri]

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def page_built(self, src_uri: str, page: str, dest_path: str) -> str:
        """Tell the worker a page was built: once MkDocs has written it, the worker checks it and writes it trimmed."""
        self._drain()  # the worker reads built pages only after its last rendered page has been taken
        self._send((src_uri, dest_path, bool(page.strip())))  # MkDocs writes no file for an empty page
        return page

    def missing(self, site_dir: Path) -> list[str]:
        """Every expected record text the built site does not show (see `CompletenessCheck.missing`)."""
        self._drain()
        self._send(("", str(site_dir), False))
        message = self._recv()
        self._process.join(timeout=30)
        if message[0] != "missing":
            raise WorkerError(f"the handbook worker answered {message[0]!r} instead of the missing records")
        return list(message[1])

    def _wait_for_downloads(self) -> dict[str, str]:
        while self._downloads is None:
            self._receive()
        return self._downloads

    def _drain(self) -> None:
        while not self._rendered:
            self._receive()

    def _receive(self) -> None:
        message = self._recv()
        if message[0] == "page":
            self._markdown[message[1]] = message[2]
        elif message[0] == "downloads":
            self._downloads = message[1]
        elif message[0] == "rendered":
            self._rendered = True

    def _recv(self) -> tuple[Any, ...]:
        try:
            message = self._pages_in.recv()
        except (EOFError, OSError):  # OSError: the worker ended in the middle of a message
            raise WorkerError(f"the handbook worker ended unexpectedly (exit code {self._process.exitcode})") from None
        if message[0] == "error":
            raise WorkerError(message[1])
        return message

    def _send(self, message: tuple[str, str, bool]) -> None:
        try:
            self._built_out.send(message)
        except OSError:  # a broken pipe: the worker is gone, and its last message says why
            self._recv()
            raise WorkerError("the handbook worker stopped reading the built pages") from None


class _Downloads(Mapping[str, str]):
    """The worker's download files (calendars, model.json): their paths at once, their content when it has come."""

    def __init__(self, worker: PageWorker, paths: tuple[str, ...]) -> None:
        self._worker, self._paths = worker, paths

    def __getitem__(self, path: str) -> str:
        if path not in self._paths:
            raise KeyError(path)
        return self._worker._wait_for_downloads()[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


def _work(env: Environment, specs: Sequence[PageSpec], handbook: Handbook, pages_out: Connection, built_in: Connection) -> None:
    """The worker: render every page and the downloads, then finish built pages until asked for the missing records.

    It inherits the build process's paused cycle collector (`build_site`) and keeps it paused: it lives for one build,
    and a collection would touch, and so copy, every page of memory it shares with the build process.
    """
    try:
        for spec in specs:
            pages_out.send(("page", spec.src_uri, render_page(env, spec)))
        pages_out.send(("downloads", plan_downloads(handbook)))
        pages_out.send(("rendered",))
        finish = InProcess(handbook)
        unfinished: tuple[str, str, bool] | None = None  # the last page built: MkDocs may still be writing it
        while True:
            src_uri, path, written = built_in.recv()
            if unfinished is not None:  # a new message: MkDocs has written the previous page
                _finish_page(finish, *unfinished)
                unfinished = None
            if not src_uri:
                pages_out.send(("missing", finish.missing(Path(path))))
                return
            unfinished = (src_uri, path, written)
    except EOFError:
        return  # the build ended (or failed) before asking: nothing to report
    except BaseException:  # whatever stopped the worker, the build process reports it
        pages_out.send(("error", f"the handbook worker failed:\n{traceback.format_exc()}"))


def _finish_page(finish: InProcess, src_uri: str, path: str, written: bool) -> None:
    """Check a page MkDocs has written, and write it over with the theme's indentation trimmed."""
    page = Path(path).read_text(encoding="utf-8") if written else ""
    trimmed = finish.page_built(src_uri, page, path)
    if trimmed != page:
        Path(path).write_bytes(trimmed.encode("utf-8", errors="xmlcharrefreplace"))  # as MkDocs writes pages
