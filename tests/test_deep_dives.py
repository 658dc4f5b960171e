"""Deep dives: the template, checked numbers, and links to and from the question bank."""

from __future__ import annotations

import re

import pytest
import yaml
from check_figures import check_file
from conftest import ROOT
from problems import Problems

DIVES = ROOT / "docs" / "deep-dives"
PAGES = sorted(DIVES.glob("*.md"))
REQUIRED = ["what-it-is-for", "design-space", "in-the-interview", "numbers", "failure-modes", "related"]
PLAN_DIVES = {  # the study plan's technical days and the page that teaches each
    "embeddings-and-retrieval.md", "feature-stores.md", "training-pipelines.md",
    "serving-patterns.md", "monitoring-and-feedback-loops.md", "evaluation-metrics.md",
}


def test_every_technical_day_of_the_plan_has_its_deep_dive():
    plan = yaml.safe_load((ROOT / "includes" / "study-plan.yml").read_text(encoding="utf-8"))
    targets = {item["path"].split("/", 1)[1] for week in plan["weeks"] for day in week["days"]
               for item in day["read"] if item["path"].startswith("deep-dives/")}
    assert targets == PLAN_DIVES
    present = {p.name for p in PAGES}
    if len(present) < len(PLAN_DIVES):
        pytest.skip(f"{len(present)} of {len(PLAN_DIVES)} deep dives so far")
    assert PLAN_DIVES <= present


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_deep_dive_meets_the_template(page):
    text = page.read_text(encoding="utf-8")
    ids = re.findall(r"^## .*\{ #([a-z0-9-]+) \}", text, flags=re.M)
    missing = [r for r in REQUIRED if r not in ids]
    assert not missing, f"missing sections: {missing}"
    assert ids.index("design-space") < ids.index("in-the-interview") < ids.index("numbers") \
        < ids.index("failure-modes") < ids.index("related")
    assert re.search(r"^\| Option \|", text, flags=re.M), "no design-space table of options"
    assert text.count('??? question "') >= 4, "fewer than 4 interview follow-ups"
    questions = set(re.findall(r"\]\(\.\./questions/([a-z-]+)\.md", text))
    assert len(questions) >= 2, f"links only {len(questions)} question pages"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_deep_dive_numbers_are_checked(page):
    calcs = check_file(page, Problems())
    assert all(c.ok for c in calcs)
    assert len(calcs) >= 10, f"only {len(calcs)} checked calculations"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_question_pages_link_back_to_each_deep_dive(page):
    linking = [q.stem for q in (ROOT / "docs" / "questions").glob("*.md")
               if f"../deep-dives/{page.name}" in q.read_text(encoding="utf-8")]
    assert len(linking) >= 2, f"only {linking} link to {page.name}"
