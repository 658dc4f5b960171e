"""The common-mistakes chapter and its self-review checklist."""

from __future__ import annotations

import pytest
from conftest import ROOT
from pages import clear_phases, dimensions, outline

REQUIRED = [  # the must-cover list, by anchor
    "jumping-to-a-model", "no-business-metric", "data-leakage", "random-split-on-time",
    "ignoring-label-bias", "ignoring-position-bias", "training-serving-skew", "no-baseline",
    "offline-metric-only", "forgetting-cold-start", "latency-budget-does-not-add-up",
    "no-monitoring", "over-engineering", "silence", "ignoring-signals",
]


def entries(text: str) -> dict[str, str]:
    """Each anti-pattern's Markdown, keyed by its anchor."""
    out = {}
    for chunk in text.split("\n### ")[1:]:
        head, _, body = chunk.partition("\n")
        anchor = head.split("{ #")[1].split(" }")[0]
        out[anchor] = body.split("\n## ")[0]
    return out


@pytest.fixture(scope="module")
def chapter() -> dict[str, str]:
    return entries((ROOT / "docs" / "mistakes" / "index.md").read_text(encoding="utf-8"))


def test_at_least_25_anti_patterns_cover_the_required_list(chapter):
    assert len(chapter) >= 25
    missing = [a for a in REQUIRED if a not in chapter]
    assert not missing, missing


def test_every_anti_pattern_has_symptom_cost_instead_weak_and_strong(chapter):
    for anchor, body in chapter.items():
        order = [body.find(x) for x in ("**Symptom.**", "**Cost.**", "**Instead.**",
                                        '!!! failure "Weak"', '!!! success "Strong"')]
        assert -1 not in order and order == sorted(order), f"#{anchor} is out of template: {order}"
        cost = body.split("**Cost.**")[1].split("**Instead.**")[0]
        assert any(f"**{d}**" in cost for d in dimensions()), f"#{anchor}: Cost names no dimension"


def test_chapter_is_grouped_by_clear_phase(built_site):
    ids = [h.id for h in outline(built_site / "mistakes" / "index.html").headings if h.level == 2]
    phase_ids = [p["id"] for p in clear_phases()]
    assert [i for i in ids if i in phase_ids] == phase_ids


def test_self_review_checkboxes_work_and_link_back(built_site):
    html = (built_site / "mistakes" / "self-review.html").read_text(encoding="utf-8") \
        if (built_site / "mistakes" / "self-review.html").exists() else \
        (built_site / "mistakes" / "self-review" / "index.html").read_text(encoding="utf-8")
    boxes = html.count('type="checkbox"')
    assert boxes >= 25
    assert "disabled" not in html.split('class="task-list-control"', 1)[1][:200], "checkboxes are not clickable"
    text = (ROOT / "docs" / "mistakes" / "self-review.md").read_text(encoding="utf-8")
    assert text.count("](index.md#") >= 20
