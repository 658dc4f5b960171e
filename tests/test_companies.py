"""The company guide: every company page sourced, dated and complete."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

COMPANIES = ROOT / "docs" / "companies"
PAGES = sorted(p for p in COMPANIES.glob("*.md") if p.name != "index.md")
SECTIONS = ["the-loop", "emphasis", "common-prompts", "systems", "tips", "sources"]


def test_at_least_ten_companies_including_the_required_ones():
    names = {p.stem for p in PAGES}
    assert len(names) >= 10
    assert {"meta", "google", "amazon", "microsoft", "apple", "netflix", "uber", "linkedin",
            "airbnb", "pinterest", "tiktok"} <= names
    assert names & {"doordash", "instacart", "spotify", "snap"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_company_page_is_complete_sourced_and_dated(page):
    text = page.read_text(encoding="utf-8")
    ids = re.findall(r"^## .*\{ #([a-z-]+) \}", text, flags=re.M)
    assert ids == SECTIONS, ids
    assert re.search(r'^!!! info "Last reviewed: \d{1,2} \w+ 20\d\d"', text, flags=re.M)
    systems = text.split("{ #systems }")[1].split("\n## ")[0]
    rows = [r for r in systems.splitlines() if r.startswith("|")][2:]
    assert len(rows) >= 4, "fewer than 4 public systems"
    for row in rows:
        # A source with no date on it says so ("undated") rather than guessing a year.
        source = row.rsplit("|", 2)[-2]
        assert re.search(r"\b(19|20)\d\d\b|undated", source), f"system without a dated source: {row[:80]}"
    sources = text.split("{ #sources }")[1]
    assert len(re.findall(r"^\d+\. ", sources, flags=re.M)) >= 4
    prompts = text.split("{ #common-prompts }")[1].split("\n## ")[0]
    assert len(set(re.findall(r"\.\./questions/([a-z-]+)\.md", prompts))) >= 3
