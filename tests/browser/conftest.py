"""Browser fixtures: serve a built site on localhost and drive Debian's Chromium with Playwright.

Every page a test opens is watched: a console error, an uncaught exception or a request to any
host but the local server fails the test at teardown, so each browser test also checks that the
page works offline and without script errors.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium keeps trying to reach Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_folder(root: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve a folder on a free localhost port in a background thread; returns the server and its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(real_site) -> Iterator[str]:
    """The real handbook, built once and served on localhost."""
    server, url = serve_folder(real_site.root)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `python3 dev.py test`, which installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@dataclass
class PageWatch:
    """What a page did that a reader would not want: script errors and requests to other hosts."""

    errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)


@pytest.fixture
def watch() -> PageWatch:
    """The problems seen by the `page` fixture during one test."""
    return PageWatch()


@pytest.fixture
def page(browser, site_url: str, watch: PageWatch, tmp_path: Path):
    """A fresh browser tab (empty localStorage) on the served handbook; fails on errors or off-site requests."""
    context = browser.new_context(base_url=site_url, accept_downloads=True, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.on("console", lambda msg: watch.errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: watch.errors.append(f"exception: {exc}"))

    def only_local(route) -> None:
        if route.request.url.startswith(site_url) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            watch.foreign_requests.append(route.request.url)
            route.abort()

    tab.route("**/*", only_local)
    yield tab
    context.close()
    assert watch.errors == [], "the page logged errors"
    assert watch.foreign_requests == [], "the page asked another host for something"


# --- Injection safety: the injection fixture site, served like the real one. ---
@pytest.fixture(scope="session")
def injection_site_url(injection_site) -> Iterator[str]:
    """tests/fixtures/injection, built once and served on localhost (tests use it by overriding `site_url`)."""
    server, url = serve_folder(injection_site.root)
    yield url
    server.shutdown()
