"""The CLEAR chapter and everything that quotes the phase timings."""

from __future__ import annotations

import re

from conftest import ROOT
from pages import clear_phases, dimensions, outline

STYLE_PHASES = [  # the canonical table in the house style guide
    ("C", "Clarify the problem", 0, 7), ("L", "Lay out the data", 7, 15),
    ("E", "Establish the model", 15, 25), ("A", "Architect the system", 25, 37),
    ("R", "Refine in production", 37, 45),
]


def test_phase_timings_are_defined_once_sum_to_45_and_clarify_fits_the_brief():
    phases = clear_phases()
    assert [(p["letter"], p["name"], p["start"], p["end"]) for p in phases] == STYLE_PHASES
    assert sum(p["end"] - p["start"] for p in phases) == 45
    assert 5 <= phases[0]["end"] - phases[0]["start"] <= 8
    assert dimensions() == ["Problem framing", "System design", "Trade-offs", "Depth", "Communication"]


def test_chapter_has_a_section_per_phase_named_as_in_the_source(built_site):
    headings = {h.id: h for h in outline(built_site / "framework" / "index.html").headings}
    for p in clear_phases():
        assert p["id"] in headings, f"no section #{p['id']}"
        assert headings[p["id"]].text == f"{p['letter']} — {p['name']}", headings[p["id"]].text
    for required in ("why-a-framework", "the-loop", "time-management", "when-you-are-behind",
                     "reading-signals", "go-deeper", "correcting-yourself", "level-expectations",
                     "worked-example"):
        assert required in headings, f"no section #{required}"


def test_worked_example_timestamps_follow_the_budget(built_site):
    headings = outline(built_site / "framework" / "index.html").headings
    stamps = [re.match(r"\[(\d\d):00–(\d\d):00\] (\w)", h.text) for h in headings]
    stamps = [(m.group(3), int(m.group(1)), int(m.group(2))) for m in stamps if m]
    assert stamps == [(p["letter"], p["start"], p["end"]) for p in clear_phases()]


def test_every_phase_budget_written_in_a_heading_matches_the_source():
    """Headings such as 'C — Clarify the problem (0–7 min)' must quote the real budget."""
    budgets = {p["name"]: (p["start"], p["end"]) for p in clear_phases()}
    pattern = re.compile(r"^#+ .*?(" + "|".join(budgets) + r").*?\((\d+)–(\d+) min\)", re.M)
    seen = 0
    for path in (ROOT / "docs").rglob("*.md"):
        for m in pattern.finditer(path.read_text(encoding="utf-8")):
            assert (int(m.group(2)), int(m.group(3))) == budgets[m.group(1)], f"{path}: {m.group(0)}"
            seen += 1
    assert seen >= 5


def test_loop_diagram_marks_every_phase():
    text = (ROOT / "docs" / "framework" / "index.md").read_text(encoding="utf-8")
    diagram = text.split("```mermaid", 1)[1].split("```", 1)[0]
    for p in clear_phases():
        assert f"{p['letter']} · {p['name']}" in diagram


def test_cheat_sheet_uses_the_generated_phase_table():
    text = (ROOT / "docs" / "framework" / "cheat-sheet.md").read_text(encoding="utf-8")
    assert "<!-- clear:phases-compact -->" in text
    assert "```mermaid" not in text and "===" not in text and "???" not in text
