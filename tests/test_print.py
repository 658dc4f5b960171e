"""The whole-book page: every page in one, printable with tabs, details and diagrams shown."""

from __future__ import annotations

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser


def test_whole_book_holds_every_page(built_site):
    book = (built_site / "print_page" / "index.html").read_text(encoding="utf-8")
    pages = [p for p in (ROOT / "docs").rglob("*.md")]
    # mkdocs-print-site-plugin wraps each page in a <section class="print-page" id="...">.
    assert book.count('class="print-page"') >= len(pages) - 2  # the tag listing and the book itself
    for needle in ("Interview Framework: The CLEAR Method", "Design a news-feed ranking system",
                   "Mock walkthrough", "Glossary"):
        assert needle in book, needle


def test_whole_book_prints_with_everything_shown(watch, built_site):
    watch.goto("print_page/")
    page = watch.page
    diagrams = (built_site / "print_page" / "index.html").read_text(encoding="utf-8").count('<pre class="mermaid">')
    assert diagrams >= 20
    page.wait_for_function(
        "n => document.querySelectorAll('div.mermaid').length === n && !document.querySelector('pre.mermaid')",
        arg=diagrams, timeout=120_000)
    page.emulate_media(media="print")
    closed = page.evaluate("document.querySelectorAll('article details:not([open])').length")
    assert closed == 0, f"{closed} collapsible blocks would print closed"
    hidden = page.evaluate("[...document.querySelectorAll('.tabbed-block')]"
                           ".filter(b => getComputedStyle(b).display === 'none').length")
    assert hidden == 0, f"{hidden} tab panels would not print"
    assert watch.errors == [] and watch.off_host_requests() == []
