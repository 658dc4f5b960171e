"""The built site in a real browser: renders, searches, toggles, stays on host."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser


def site_pages(site) -> list[str]:
    """Every page of the built site, as a URL path relative to its root."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).parent.as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


def test_home_page_renders(watch):
    watch.goto()
    page = watch.page
    assert page.title().startswith("ML System Design Interviews")
    assert page.locator("article h1").inner_text().rstrip("¶") == "ML System Design Interviews"
    # The generated study plan is there: two weeks of seven days.
    assert page.locator("[data-table=study-plan] tbody tr").count() == 14
    page.wait_for_load_state("networkidle")
    assert not [u for u in watch.requests if "mermaid.min.js" in u], "a page without diagrams loaded Mermaid"
    assert watch.errors == []


def test_search_box_shows_results(watch):
    watch.goto()
    page = watch.page
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("trade-offs", delay=40)
    result = page.locator(".md-search-result__item").first
    result.wait_for(state="visible", timeout=10_000)
    assert "trade" in page.locator(".md-search-result").inner_text().lower()
    assert watch.errors == []


def test_palette_toggle_switches_scheme(watch):
    watch.goto()
    page = watch.page
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(
        "before => document.body.getAttribute('data-md-color-scheme') !== before"
        " || document.body.getAttribute('data-md-color-media') !== '(prefers-color-scheme)'",
        arg=before,
    )
    clicks = 0
    schemes = {page.evaluate("document.body.getAttribute('data-md-color-scheme')")}
    while clicks < 3:  # auto -> light -> dark: both schemes are reachable
        page.locator("form[data-md-component=palette] label:visible").first.click()
        schemes.add(page.evaluate("document.body.getAttribute('data-md-color-scheme')"))
        clicks += 1
    assert {"default", "slate"} <= schemes


def diagram_pages(site) -> list[tuple[str, int]]:
    """(page, number of diagrams) for every page of the built site that has one."""
    out = []
    for path in site_pages(site):
        count = (site / path / "index.html").read_text(encoding="utf-8").count('<pre class="mermaid">')
        if count:
            out.append((path, count))
    return out


def wait_for_diagrams(page, path: str, count: int) -> None:
    """Material renders each diagram into a closed shadow root on a div.mermaid,
    replacing the raw pre. A syntax error leaves the pre in place."""
    page.wait_for_function(
        "n => document.querySelectorAll('div.mermaid').length === n"
        " && !document.querySelector('pre.mermaid')",
        arg=count, timeout=45_000,
    )
    heights = page.eval_on_selector_all("div.mermaid", "els => els.map(e => e.getBoundingClientRect().height)")
    assert all(h > 20 for h in heights), f"{path}: a diagram rendered empty: {heights}"


def test_instant_navigation_to_a_diagram_renders_it_offline(watch, built_site):
    """Arriving at a diagram page by instant navigation (no full load) must not
    make Material fall back to its CDN copy of Mermaid."""
    pages = diagram_pages(built_site)
    assert pages, "no page has a diagram: the framework chapter should"
    target, count = pages[0]
    watch.goto()
    page = watch.page
    page.wait_for_load_state("networkidle")  # Material has fetched its sitemap
    page.evaluate("window.__sameDocument = true")
    # Follow a link the way a reader does; instant navigation intercepts it.
    page.evaluate("t => { const a = document.createElement('a'); a.href = t;"
                  " document.querySelector('article').appendChild(a); a.click(); }", target)
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    wait_for_diagrams(page, target, count)
    assert page.evaluate("window.__sameDocument") is True, "navigation was not instant"
    assert watch.off_host_requests() == []
    assert watch.errors == []


def test_pages_without_diagrams_do_not_load_mermaid(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'class="mermaid"' not in home
    assert "mermaid.min.js" not in home
    assert (ROOT / "docs/assets/javascripts/vendor/mermaid/mermaid.min.js").stat().st_size > 1_000_000


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_cheat_sheet_prints_on_one_page(watch, paper):
    watch.goto("framework/cheat-sheet/")
    watch.page.emulate_media(media="print")
    pdf = watch.page.pdf(format=paper, print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the cheat sheet prints on {pages} {paper} pages"


def test_self_review_checkboxes_can_be_ticked(watch):
    watch.goto("mistakes/self-review/")
    box = watch.page.locator(".task-list-item input[type=checkbox]").first
    assert not box.is_checked()
    # The visible box is the indicator's ::before; the span itself has no size.
    watch.page.locator(".task-list-item label.task-list-control").first.click(force=True)
    assert box.is_checked()
