"""Measure the site's speed and weight: python3 scripts/benchmark.py [--runs N] [--no-lighthouse]

Prints a table of figures, compared with the budgets in the README:

- the full strict build time;
- the search index size, raw and gzipped;
- for a sample of pages (home, a question, a walkthrough, a tool): bytes transferred on a first
  load with an empty cache, not counting the search index, gzipped as a static host such as
  GitHub Pages serves them (and uncompressed), and what Mermaid adds on pages with diagrams;
- Lighthouse mobile scores (performance, accessibility, best practices, SEO), medians of N runs
  (Lighthouse is installed from npm into .cache/ on first use; it needs Node.js);
- the time from typing a query into the search box to the results being shown, in Chromium.

This is a benchmark, not a test: it prints figures and exits 0 unless it cannot run at all.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = {
    "home": "",
    "question page": "questions/news-feed-ranking/",
    "walkthrough": "walkthroughs/product-search-senior/",
    "tool page": "practice/mock-timer/",
    "text chapter": "mistakes/",
}
BUDGET = {"text_page_kb": 300, "index_gz_kb": 600, "search_ms": 150,
          "accessibility": 100, "best-practices": 100, "seo": 95, "performance": 90}
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
LH_DIR = ROOT / ".cache" / "lighthouse"


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == (ROOT / ".venv").resolve()


class Quiet(SimpleHTTPRequestHandler):
    """Serves the site the way a static host such as GitHub Pages does: text
    assets gzip-compressed when the browser accepts it."""

    COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix in self.COMPRESS and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def build(site: Path, site_url: str) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        print(f"benchmark: the strict build failed:\n{result.stderr[-2000:]}", file=sys.stderr)
        sys.exit(1)
    return time.perf_counter() - start


def page_weights(base: str) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                                                      "--disable-background-networking"])
        for name, path in SAMPLE.items():
            context = browser.new_context()
            page = context.new_page()
            sizes: dict[str, int] = {}

            def record(response, sizes=sizes):
                try:
                    body = response.body()
                except Exception:  # redirects and aborted requests have no body
                    return
                sizes[response.url] = (len(body), len(gzip.compress(body, 6)))

            page.on("response", record)
            page.goto(base + path, wait_until="load")
            page.wait_for_load_state("networkidle")
            if page.locator("pre.mermaid, div.mermaid").count():
                page.wait_for_function("() => !document.querySelector('pre.mermaid')", timeout=60_000)
            kept = {u: v for u, v in sizes.items() if "search_index.json" not in u}
            out[name] = {
                "path": path, "requests": len(kept),
                "bytes": sum(raw for raw, _ in kept.values()),
                "gzipped": sum(gz for _, gz in kept.values()),
                "mermaid": sum(gz for u, (_, gz) in kept.items() if "mermaid.min.js" in u),
            }
            context.close()
        browser.close()
    return out


def search_latency(base: str, queries=("NDCG", "feature store", "two-tower", "calibration", "PIT join")) -> list[float]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                                                      "--disable-background-networking"])
        page = browser.new_page()
        page.goto(base, wait_until="load")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.wait_for_function("() => !/Initializing/.test(document.querySelector('.md-search-result__meta').textContent)",
                               timeout=60_000)
        box = page.locator("input.md-search__input")
        for query in queries:
            box.fill("")
            box.press("End")
            page.wait_for_function("() => !document.querySelector('.md-search-result__list > li')")
            # Type all but the last character, then time the last keystroke to results.
            box.fill(query[:-1])
            page.wait_for_timeout(300)
            page.evaluate("""() => { window.__t = null; const list = document.querySelector('.md-search-result__list');
                new MutationObserver((m, o) => { if (list.children.length) { window.__t = performance.now(); o.disconnect(); } })
                  .observe(list, {childList: true}); window.__t0 = performance.now(); }""")
            box.press(query[-1])
            page.wait_for_function("() => window.__t !== null", timeout=10_000)
            times.append(page.evaluate("window.__t - window.__t0"))
        browser.close()
    return times


def lighthouse(base: str, runs: int) -> dict[str, dict[str, float]] | str:
    npm = shutil.which("npm")
    if not npm or not shutil.which("node"):
        return "Node.js and npm are needed for Lighthouse"
    binary = LH_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        LH_DIR.mkdir(parents=True, exist_ok=True)
        result = subprocess.run([npm, "install", "--prefix", str(LH_DIR), "--no-audit", "--no-fund",
                                 "lighthouse@12"], capture_output=True, text=True)
        if result.returncode != 0 or not binary.exists():
            return "npm could not install Lighthouse: " + (result.stderr.strip().splitlines() or ["?"])[-1]
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    scores: dict[str, dict[str, list[float]]] = {}
    for name, path in SAMPLE.items():
        for _ in range(runs):
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                result = subprocess.run(
                    [str(binary), base + path, "--quiet", "--output=json", f"--output-path={out.name}",
                     "--only-categories=performance,accessibility,best-practices,seo",
                     "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
                    env=env, capture_output=True, text=True, timeout=240)
                if result.returncode != 0:
                    return f"Lighthouse failed on {path or 'home'}: {result.stderr.strip()[-300:]}"
                report = json.loads(Path(out.name).read_text(encoding="utf-8"))
            for cat, data in report["categories"].items():
                scores.setdefault(name, {}).setdefault(cat, []).append(round((data["score"] or 0) * 100))
    return {name: {cat: statistics.median(v) for cat, v in cats.items()} for name, cats in scores.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median reported)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse scores")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"benchmark: Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)")
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        httpd, base = serve(site)  # serve first: the site is built for this address
        build_s = build(site, base)
        index = (site / "search" / "search_index.json").read_bytes()
        index_gz = len(gzip.compress(index, 9))
        weights = page_weights(base)
        search_ms = search_latency(base)
        scores = None if args.no_lighthouse else lighthouse(base, args.runs)
        httpd.shutdown()

    kb = lambda n: f"{n / 1024:,.0f} KB"  # noqa: E731
    print("\n| Measure | Figure | Budget |")
    print("|---|---|---|")
    print(f"| Full strict build | {build_s:.1f} s | — |")
    print(f"| Search index | {kb(len(index))} raw, {kb(index_gz)} gzipped | ≤ {BUDGET['index_gz_kb']} KB gzipped |")
    for name, w in weights.items():
        extra = f", of which Mermaid {kb(w['mermaid'])}" if w["mermaid"] else ""
        budget = f"≤ {BUDGET['text_page_kb']} KB" if not w["mermaid"] else "text budget + Mermaid"
        print(f"| First load, {name} (`/{w['path']}`) | {kb(w['gzipped'])} gzipped{extra} "
              f"({kb(w['bytes'])} uncompressed, {w['requests']} requests) | {budget} |")
    print(f"| Search: last keystroke to results | median {statistics.median(search_ms):.0f} ms, "
          f"max {max(search_ms):.0f} ms | ≤ {BUDGET['search_ms']} ms |")
    if isinstance(scores, str):
        print(f"| Lighthouse | not measured: {scores} | — |")
    elif scores:
        for name, cats in scores.items():
            cells = ", ".join(f"{c} {v:.0f}" for c, v in cats.items())
            print(f"| Lighthouse mobile, {name} (median of {args.runs}) | {cells} | perf ≥ 90, a11y 100, BP 100, SEO ≥ 95 |")
    return 0


if __name__ == "__main__":
    if not in_venv():
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bootstrap import run_in_env

        sys.exit(run_in_env([str(Path(__file__).resolve()), *sys.argv[1:]], extras=("test",)))
    sys.exit(main())
