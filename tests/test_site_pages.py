"""Every page of the built site in Chromium: no console error, nothing fetched from
another host, every diagram rendered, no axe-core WCAG 2.1 A/AA violation, and
usable at a phone's width (375 px)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
EXCEPTIONS_FILE = ROOT / "tests" / "a11y-exceptions.yml"
PHONE = {"width": 375, "height": 812}


def page_paths() -> list[str]:
    """The URL path of every page, from the Markdown sources (docs/a/b.md -> a/b/)."""
    out = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "docs").with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "index":
            parts = parts[:-1]
        out.append("/".join(parts) + "/" if parts else "")
    return out


def exceptions() -> list[dict]:
    """Known, explained axe findings: [{rule, page (optional), reason}]."""
    if not EXCEPTIONS_FILE.exists():
        return []
    data = yaml.safe_load(EXCEPTIONS_FILE.read_text(encoding="utf-8")) or []
    for item in data:
        assert item.get("rule") and item.get("reason"), f"{EXCEPTIONS_FILE}: each entry needs a rule and a reason"
    return data


def axe_script() -> str:
    import axe_playwright_python

    return str(Path(axe_playwright_python.__file__).parent / "axe.min.js")


def excused(rule: str, path: str) -> bool:
    return any(e["rule"] == rule and e.get("page", path) == path for e in exceptions())


def stub_search_index(page, built_site) -> None:
    """Each full page load makes Material's search worker fetch and index the whole
    site. Search has tests of its own; here the worker gets the real configuration
    with no documents, so the sweep measures the page, not the indexer."""
    real = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    body = json.dumps({"config": real["config"], "docs": []})
    page.route("**/search/search_index.json",
               lambda route: route.fulfill(status=200, content_type="application/json", body=body))


@pytest.mark.parametrize("path", page_paths(), ids=lambda p: p or "home")
def test_page_is_clean_accessible_and_phone_friendly(watch, built_site, path):
    page = watch.page
    stub_search_index(page, built_site)
    watch.goto(path)

    # Diagrams: Material swaps each <pre class="mermaid"> for a rendered div.
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    diagrams = html.count('<pre class="mermaid">')
    if diagrams:
        page.wait_for_function(
            "n => document.querySelectorAll('div.mermaid').length === n && !document.querySelector('pre.mermaid')",
            arg=diagrams, timeout=45_000,
        )
        heights = page.eval_on_selector_all("div.mermaid", "els => els.map(e => e.getBoundingClientRect().height)")
        assert all(h > 20 for h in heights), f"a diagram rendered empty: {heights}"
    else:
        assert not [u for u in watch.requests if "mermaid.min.js" in u], "Mermaid loaded on a page without diagrams"

    # Accessibility: axe-core, WCAG 2.1 A and AA.
    page.add_script_tag(path=axe_script())
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    found = [f"{v['id']} ({v['impact']}): {len(v['nodes'])} × {v['nodes'][0]['target']} — {v['help']}"
             for v in result["violations"] if not excused(v["id"], path)]
    assert not found, "axe-core violations:\n" + "\n".join(found)

    # A phone's width: the page body never scrolls sideways; wide tables scroll in their own box.
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(50)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at 375px"
    loose = page.evaluate("""() => [...document.querySelectorAll('article table')]
        .filter(t => t.getBoundingClientRect().width > window.innerWidth)
        .filter(t => { for (let e = t.parentElement; e; e = e.parentElement) {
            const o = getComputedStyle(e).overflowX; if (o === 'auto' || o === 'scroll') return false; }
            return true; })
        .length""")
    assert loose == 0, f"{loose} wide tables are not in a scrolling container"

    assert watch.errors == [], "\n".join(watch.errors)
    assert watch.off_host_requests() == [], watch.off_host_requests()


def test_every_page_is_swept():
    """The sweep covers the whole site, so a new page is checked without anyone listing it."""
    paths = page_paths()
    assert "" in paths and "framework/" in paths and len(paths) == len(set(paths))
    if os.environ.get("CI"):
        assert len(paths) >= 40
