"""The glossary page and the abbreviations shown on hover agree."""

from __future__ import annotations

import re

from conftest import ROOT


def abbreviations() -> dict[str, str]:
    text = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\*\[(.+?)\]: (.+)$", text, flags=re.M))


def test_every_abbreviation_has_a_glossary_entry_with_the_same_expansion():
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    entries = dict(re.findall(r"^(\S[^\n]*)\n:   ([^\n]+)", glossary, flags=re.M))
    abbrs = abbreviations()
    assert len(abbrs) >= 60
    for abbr, expansion in abbrs.items():
        assert abbr in entries, f"{abbr} is not in the glossary"
        assert entries[abbr].startswith(expansion), f"{abbr}: glossary says {entries[abbr][:60]!r}"


def test_glossary_also_defines_the_key_terms():
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").lower()
    for term in ("calibration", "cold start", "point-in-time join", "training–serving skew", "position bias",
                 "interleaving", "guardrail metric", "novelty effect", "concept drift", "data drift"):
        assert f"\n{term}" in glossary, term


def test_hover_expansions_reach_the_built_pages(built_site):
    html = (built_site / "deep-dives" / "evaluation-metrics" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Normalized discounted cumulative gain">NDCG</abbr>' in html
