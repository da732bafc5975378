"""The handbook's own build work on a second core while MkDocs renders (performance, issue #6).

A build spends most of its time in MkDocs (Markdown, the theme, the search index), one page after another on one
core. The handbook's own work around it, rendering the generated pages' Markdown and checking every built page
for records it must show, needs nothing back from MkDocs, so a forked worker process does it alongside:

    build process                                   worker (forked after the data is loaded and validated)
    ---------------------------------------------   ---------------------------------------------------------
    MkDocs: config, theme, hand-written pages       renders every generated page, in page order  -> pages
    MkDocs reads a generated page  <- pages         (usually long done)
    MkDocs writes a page  -> built page             checks it against the records it must show
    end of build: "what is missing?" -> question    answers with the missing records            -> pages

Where forking is unsafe or pointless (not Linux, one core, other threads running as in `mkdocs serve`, or
HANDBOOK_WORKER=0), `build_site` renders in process instead, with the same output.
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

from .completeness import CompletenessCheck
from .index import Handbook
from .pages import PageSpec
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


class PageWorker(Mapping[str, str]):
    """Generated pages' Markdown as a worker process renders it (reading a page waits for it), and the check of
    the built pages (`check_page`, then `missing`), with the interface of `CompletenessCheck`."""

    def __init__(self, env: Environment, specs: Sequence[PageSpec], handbook: Handbook) -> None:
        context = multiprocessing.get_context("fork")
        self._pages_in, pages_out = context.Pipe(duplex=False)  # worker -> build: rendered pages, then the answer
        checks_in, self._checks_out = context.Pipe(duplex=False)  # build -> worker: built pages, then the question
        self._order = tuple(spec.src_uri for spec in specs)
        self._generated = frozenset(self._order)
        self._markdown: dict[str, str] = {}
        self._rendered = False
        sys.stdout.flush()  # the worker must not write out what this process had buffered before the fork
        sys.stderr.flush()
        self._process = context.Process(
            target=_work, args=(env, specs, handbook, pages_out, checks_in), name="handbook-worker", daemon=True
        )
        self._process.start()
        pages_out.close()  # this process's copies of the worker's ends: a pipe reports its end when a side exits
        checks_in.close()

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

    def check_page(self, src_uri: str, page: str) -> None:
        """Hand a built generated page's HTML to the worker's completeness check."""
        if src_uri in self._generated:
            self._drain()  # the worker reads built pages only after its last rendered page has been taken
            self._send((src_uri, page))

    def missing(self, site_dir: Path) -> list[str]:
        """Every expected record text the built site does not show (see `CompletenessCheck.missing`)."""
        self._drain()
        self._send(("", str(site_dir)))
        message = self._recv()
        self._process.join(timeout=30)
        if message[0] != "missing":
            raise WorkerError(f"the handbook worker answered {message[0]!r} instead of the missing records")
        return list(message[1])

    def _drain(self) -> None:
        while not self._rendered:
            self._receive()

    def _receive(self) -> None:
        message = self._recv()
        if message[0] == "page":
            self._markdown[message[1]] = message[2]
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

    def _send(self, message: tuple[str, str]) -> None:
        try:
            self._checks_out.send(message)
        except OSError:  # a broken pipe: the worker is gone, and its last message says why
            self._recv()
            raise WorkerError("the handbook worker stopped reading the built pages") from None


def _work(env: Environment, specs: Sequence[PageSpec], handbook: Handbook, pages_out: Connection, checks_in: Connection) -> None:
    """The worker: render every page in order, then check built pages until asked for the missing records."""
    try:
        for spec in specs:
            pages_out.send(("page", spec.src_uri, render_page(env, spec)))
        pages_out.send(("rendered",))
        check = CompletenessCheck(handbook)
        while True:
            src_uri, payload = checks_in.recv()
            if not src_uri:
                pages_out.send(("missing", check.missing(Path(payload))))
                return
            check.check_page(src_uri, payload)
    except EOFError:
        return  # the build ended (or failed) before asking: nothing to report
    except BaseException:  # whatever stopped the worker, the build process reports it
        pages_out.send(("error", f"the handbook worker failed:\n{traceback.format_exc()}"))
