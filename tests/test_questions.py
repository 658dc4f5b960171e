"""The question bank: every page meets the template; the index and tags agree with the pages."""

from __future__ import annotations

import re

import pytest
from check_figures import check_file
from conftest import ROOT
from pages import front_matter, h2_sections
from problems import Problems

QUESTIONS = ROOT / "docs" / "questions"
CATEGORIES = ["Recommendation/ranking", "Search", "Prediction", "Classification", "Embedding/similarity"]
SECTIONS = ["prompt", "clarify", "scale-estimate", "lay-out-the-data", "establish-the-model",
            "architect-the-system", "refine-in-production", "follow-ups", "pitfalls", "related"]
PAGES = sorted(p for p in QUESTIONS.glob("*.md") if p.name not in ("index.md", "tags.md"))


def test_the_bank_has_pages():
    assert len(PAGES) >= 7


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_question_page_meets_the_template(page):
    meta = front_matter(page)
    assert meta["category"] in CATEGORIES
    assert meta["difficulty"] in ("medium", "hard")
    assert set(meta["tags"]) >= {meta["category"], *meta["companies"]}
    text = page.read_text(encoding="utf-8")
    ids = re.findall(r"^## .*\{ #([a-z0-9-]+) \}", text, flags=re.M)
    assert ids == SECTIONS, f"sections out of template: {ids}"
    body = h2_sections(text)
    # An architecture diagram with both paths.
    diagrams = re.findall(r"```mermaid\n(.*?)```", body["architect-the-system"], flags=re.S)
    assert any(d.count("subgraph") >= 2 for d in diagrams), "no diagram with training and serving paths"
    # The feature table.
    assert re.search(r"^\|\s*Feature\s*\|\s*Type\s*\|\s*Source\s*\|\s*Freshness\s*\|", body["lay-out-the-data"], re.M)
    # Follow-ups with answers, pitfalls linked to the mistakes chapter, public sources named.
    assert body["follow-ups"].count('??? question "') >= 6
    assert "../mistakes/index.md#" in body["pitfalls"]
    assert re.search(r"\b(19|20)\d\d\b", body["related"]), "no dated public write-up in Related"
    words = len(re.sub(r"```.*?```", " ", text, flags=re.S).split())
    assert words >= 2500, f"only {words} words"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_scale_estimate_is_checked(page):
    text = page.read_text(encoding="utf-8")
    start = text.index("{ #scale-estimate }")
    first = text[:start].count("\n") + 1
    last = first + h2_sections(text)["scale-estimate"].count("\n")
    problems = Problems()
    calcs = [c for c in check_file(page, problems) if first <= c.line <= last]
    assert not problems.lines, problems.lines
    assert len(calcs) >= 6, f"only {len(calcs)} checked calculations in the scale estimate"


def test_index_table_matches_the_pages_front_matter(built_site):
    index = built_site / "questions" / "index.html"
    if not index.exists():
        pytest.skip("the bank's index page lands with the 25th question")
    from check_tables import parse_tables

    tables = [t for t in parse_tables(index, Problems()) if t.data_table == "question-bank"]
    rows = {cells[1]: cells for t in tables for _, cells, _ in t.rows}
    assert len(rows) == len(PAGES) == 25
    for page in PAGES:
        meta = front_matter(page)
        cells = rows[meta["title"]]
        assert cells[2:] == [meta["category"], meta["difficulty"], ", ".join(meta["companies"])]


def test_tag_index_lists_every_question_under_its_category(built_site):
    tags = built_site / "questions" / "tags" / "index.html"
    if not tags.exists():
        pytest.skip("the tag index lands with the bank's index page")
    html = tags.read_text(encoding="utf-8")
    for page in PAGES:
        assert f'href="../{page.stem}/"' in html, page.stem
