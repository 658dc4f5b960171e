"""The scale-estimation chapter: methodology, numbers, worked examples and drills, all checked."""

from __future__ import annotations

import re

from check_figures import check_file
from conftest import ROOT
from problems import Problems

PAGE = ROOT / "docs" / "estimation" / "index.md"


def section(text: str, anchor: str) -> str:
    """The H2 section whose heading carries `anchor`, up to the next H2."""
    rest = text[text.index(f"{{ #{anchor} }}"):]
    head, _, body = rest.partition("\n")
    m = re.search(r"^## ", body, flags=re.M)
    return head + "\n" + (body[: m.start()] if m else body)


def test_methodology_covers_every_step():
    text = PAGE.read_text(encoding="utf-8")
    for anchor in ("qps", "storage", "bandwidth", "training-compute", "serving", "latency-budgets",
                   "numbers", "worked-examples", "drills", "how-figures-are-checked"):
        assert f"{{ #{anchor} }}" in text, anchor


def test_numbers_table_gives_a_basis_for_every_row():
    text = section(PAGE.read_text(encoding="utf-8"), "numbers")
    assert "| Quantity | Value | Source/basis |" in text
    rows = [r for r in text.splitlines() if r.startswith("| ") and "---" not in r][1:]
    assert len(rows) >= 12
    assert all(r.rstrip(" |").rsplit("|", 1)[1].strip() for r in rows)
    for needle in ("86,400", "fp32", "int8", "SSD", "Cross-region", "TFLOP/s"):
        assert needle in text, needle


def test_at_least_8_worked_examples_each_with_checked_steps():
    text = PAGE.read_text(encoding="utf-8")
    examples = re.findall(r"^### .*\{ #(example-[a-z-]+) \}", text, flags=re.M)
    assert len(examples) >= 8, examples
    calcs = check_file(PAGE, Problems())
    lines = text.splitlines()
    starts = {a: next(i for i, l in enumerate(lines, 1) if f"{{ #{a} }}" in l) for a in examples}
    bounds = sorted(starts.values()) + [len(lines) + 1]
    for anchor, start in starts.items():
        end = bounds[bounds.index(start) + 1]
        inside = [c for c in calcs if start <= c.line < end]
        assert len(inside) >= 4 and all(c.ok for c in inside), f"#{anchor}: {len(inside)} checked steps"


def test_drills_hide_their_answers():
    text = section(PAGE.read_text(encoding="utf-8"), "drills")
    assert text.count('??? success "Answer"') >= 5
