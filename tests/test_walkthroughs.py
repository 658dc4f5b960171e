"""Mock walkthroughs: a parsed transcript that keeps time with the CLEAR budget."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT
from pages import clear_phases, dimensions, front_matter, h2_sections

WALKS = ROOT / "docs" / "walkthroughs"
PAGES = sorted(p for p in WALKS.glob("*.md") if p.name != "index.md")
TURN = re.compile(r"^\*\*\[(\d\d):(\d\d)\] (Interviewer|Candidate):\*\*(.*)$", re.M)
LEVELS = ("mid-level", "senior", "staff")
SCORES = {1: "no hire", 2: "lean no hire", 3: "lean hire", 4: "strong hire"}
TOLERANCE_MINUTES = 2


def test_there_are_six_walkthroughs_covering_every_category_and_a_staff_round():
    if len(PAGES) < 6:
        pytest.skip(f"{len(PAGES)} walkthroughs so far")
    categories, levels = set(), set()
    for page in PAGES:
        meta = front_matter(page)
        q = ROOT / "docs" / "questions" / f"{meta['question']}.md"
        categories.add(yaml.safe_load(q.read_text(encoding="utf-8").split("---")[1])["category"])
        levels.add(meta["level"])
    assert len(categories) == 5, categories
    assert "staff" in levels


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_transcript_keeps_time_with_the_clear_budget(page):
    text = page.read_text(encoding="utf-8")
    sections = h2_sections(text)
    phases = clear_phases()
    assert [k for k in sections if k in {p["id"] for p in phases}] == [p["id"] for p in phases]
    stamps = [int(m) * 60 + int(s) for m, s, _, _ in TURN.findall(text)]
    assert stamps and stamps[0] == 0, "the transcript starts at [00:00]"
    assert all(a < b for a, b in zip(stamps, stamps[1:])), "timestamps must increase"
    assert stamps[-1] <= 45 * 60, "the round ends by [45:00]"
    for p in phases:
        first = TURN.search(sections[p["id"]])
        assert first, f"no dialogue in #{p['id']}"
        start = int(first.group(1)) * 60 + int(first.group(2))
        assert abs(start - p["start"] * 60) <= TOLERANCE_MINUTES * 60, \
            f"#{p['id']} starts at {first.group(1)}:{first.group(2)}, budget {p['start']}:00"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_walkthrough_has_every_required_element(page):
    text = page.read_text(encoding="utf-8")
    meta = front_matter(page)
    assert meta["level"] in LEVELS
    assert (ROOT / "docs" / "questions" / f"{meta['question']}.md").is_file()
    assert f"../questions/{meta['question']}.md" in text, "links its reference design"
    turns = TURN.findall(text)
    assert len(turns) >= 30
    candidate = " ".join(t[3] for t in turns if t[2] == "Candidate")
    interviewer = " ".join(t[3] for t in turns if t[2] == "Interviewer")
    assert re.search(r"Actually, (I'd|let me) reconsider", candidate), "no course correction"
    assert "go deeper" in interviewer.lower(), "no go-deeper probe"
    assert text.count('!!! quote inline end "Interviewer\'s notes"') >= 8
    boards = re.findall(r'!!! abstract "Whiteboard at \[\d\d:\d\d\]"\n\n    ```mermaid', text)
    assert len(boards) >= 2, "fewer than 2 whiteboard states"
    assert text.count('??? failure "What a weaker answer sounds like"') >= 3
    assert "{ #takeaways }" in text


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_scorecard_scores_the_five_dimensions_with_evidence(page):
    text = page.read_text(encoding="utf-8")
    card = h2_sections(text)["scorecard"]
    rows = [r for r in card.splitlines() if r.startswith("|")]
    assert rows[0].replace(" ", "") == "|Dimension|Score|Evidence|"
    body = [[c.strip() for c in r.strip("|").split("|")] for r in rows[2:]]
    assert [r[0].strip("*") for r in body] == dimensions()
    for dim, score, evidence in body:
        m = re.fullmatch(r"(\d) \((.+)\)", score)
        assert m and SCORES.get(int(m.group(1))) == m.group(2), f"{dim}: bad score {score!r}"
        assert re.search(r"\d\d:\d\d", evidence), f"{dim}: evidence cites no timestamp"
    level = re.search(r"\*\*Level this supports:\*\* (mid-level|senior|staff)", card)
    assert level and level.group(1) == front_matter(page)["level"]


def test_index_lists_every_walkthrough():
    index = WALKS / "index.md"
    if not PAGES:
        pytest.skip("no walkthroughs yet")
    text = index.read_text(encoding="utf-8")
    for page in PAGES:
        assert f"]({page.name})" in text, f"index does not link {page.name}"
