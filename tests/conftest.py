"""Shared fixtures: the strictly built site, a local server for it, and Chromium.

The site is built once per test session into a temporary directory. Browser
tests drive Debian's Chromium through Playwright (no browser download). Without
Chromium they are skipped on a developer's machine, and fail in CI (CI=true).
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Material's instant navigation only follows links whose host and port match the
# site_url the site was built with, so the test server's address is chosen first.
SITE_PORT = free_port()
SITE_URL = f"http://127.0.0.1:{SITE_PORT}/"


def run_mkdocs_build(config: Path, site_dir: Path, site_url: str = SITE_URL) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=config.parent,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built with `mkdocs build --strict`. Fails loudly if the build does."""
    site = tmp_path_factory.mktemp("site")
    started = time.perf_counter()
    result = run_mkdocs_build(ROOT / "mkdocs.yml", site)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed ({result.returncode}):\n{result.stderr[-4000:]}")
    built_site.log = result.stderr
    print(f"\nstrict build: {elapsed:.1f} s")
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A small throwaway project for tests that break something on purpose: the
    real configuration, theme, hooks and shared sources, with a one-page docs/
    (plus the real assets) so that each deliberate failure builds in a second."""
    dst = tmp_path / "project"
    dst.mkdir()
    for name in ("overrides", "includes"):
        shutil.copytree(ROOT / name, dst / name)
    shutil.copy2(ROOT / "mkdocs.yml", dst / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "assets", dst / "docs" / "assets",
                    ignore=shutil.ignore_patterns("mermaid.min.js"))
    (dst / "docs" / "index.md").write_text("# Home\n\n<!-- plan:weeks -->\n", encoding="utf-8")
    return dst


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="session")
def server(built_site) -> str:
    """Serve the built site on 127.0.0.1 at the address it was built for; yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = ThreadingHTTPServer(("127.0.0.1", SITE_PORT), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield SITE_URL
    httpd.shutdown()
    httpd.server_close()


def chromium_path() -> str | None:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).exists() else None


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        message = "Chromium not found (apt-get install chromium, or set CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(message + ": browser tests may not be skipped in CI")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """A Playwright page that records console errors, page errors and every request."""

    def __init__(self, context, base_url: str) -> None:
        self.page = context.new_page()
        self.base = base_url
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def goto(self, path: str = ""):
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        return response

    def off_host_requests(self) -> list[str]:
        local = urlsplit(self.base).hostname
        return [u for u in self.requests
                if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).hostname != local]


@pytest.fixture
def watch(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield PageWatch(context, server)
    context.close()
