"""The strict build: clean on the real site, and failing loudly on each kind of mistake."""

from __future__ import annotations

import pytest
import yaml
from mkdocs.config import load_config
from conftest import ROOT, run_mkdocs_build


def test_strict_build_is_clean(built_site):
    log = getattr(built_site, "log", "") or ""
    assert "WARNING" not in log and "ERROR" not in log, log
    assert (built_site / "index.html").is_file()
    assert (built_site / "search" / "search_index.json").is_file()


def test_strict_build_turns_every_validation_into_a_failure():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config["strict"] is True
    validation = config["validation"]
    # MkDocs stores levels as logging numbers; WARNING (30) fails a strict build.
    assert dict(validation["nav"]) == {"omitted_files": 30, "not_found": 30, "absolute_links": 30}
    assert dict(validation["links"]) == {"not_found": 30, "anchors": 30, "absolute_links": 30,
                                         "unrecognized_links": 30}


def build_fails(project, *expected: str):
    result = run_mkdocs_build(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0, "the strict build should have failed"
    for fragment in expected:
        assert fragment in result.stderr, result.stderr[-3000:]


def add_page(project, rel: str, text: str):
    path = project / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name, page, expected", [
    ("dead link", "# Broken\n\nSee [nothing](no-such-page.md).\n", "no-such-page.md"),
    ("broken anchor", "# Broken\n\nSee [home](index.md#no-such-section).\n", "no-such-section"),
    ("unknown tag", "---\ntags:\n  - Recomendation\n---\n# Broken\n", "Recomendation"),
    ("unknown generated marker", "# Broken\n\n<!-- clear:phase -->\n", "broken.md:3: unknown generated-content marker"),
])
def test_strict_build_fails_on(project_copy, name, page, expected):
    add_page(project_copy, "broken.md", page)
    build_fails(project_copy, "broken.md", expected)


def test_strict_build_fails_on_a_page_left_out_of_the_navigation(project_copy):
    add_page(project_copy, "extra/one.md", "# One\n")
    add_page(project_copy, "extra/two.md", "# Two\n")
    (project_copy / "docs" / "extra" / ".pages").write_text("nav:\n  - one.md\n", encoding="utf-8")
    build_fails(project_copy, "extra/two.md")


def test_strict_build_fails_when_clear_timings_do_not_add_up(project_copy):
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("end: 45", "end: 44"), encoding="utf-8")
    build_fails(project_copy, "phases end at minute 44, not 45")


def test_strict_build_fails_when_clarify_leaves_the_briefs_range(project_copy):
    text = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("end: 7\n", "end: 9\n", 1).replace("start: 7\n", "start: 9\n", 1)
    (project_copy / "mkdocs.yml").write_text(text, encoding="utf-8")
    build_fails(project_copy, "Clarify has 9 minutes")


def test_strict_build_fails_on_a_broken_study_plan(project_copy):
    plan = project_copy / "includes" / "study-plan.yml"
    text = plan.read_text(encoding="utf-8")
    cut = text.index("      - focus: \"Light review")
    plan.write_text(text[:cut], encoding="utf-8")
    build_fails(project_copy, "week 2 must have 7 days")


def test_study_plan_links_only_pages_that_exist(built_site):
    plan = yaml.safe_load((ROOT / "includes" / "study-plan.yml").read_text(encoding="utf-8"))
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for week in plan["weeks"]:
        for day in week["days"]:
            for item in day["read"]:
                exists = (ROOT / "docs" / item["path"]).is_file()
                href = item["path"].removesuffix("index.md").removesuffix(".md")
                href = href if href.endswith("/") or not href else href + "/"
                assert (f'href="{href}"' in home) == exists, (item["path"], exists)


def test_glossary_is_appended_to_every_page(built_site):
    """The glossary lives outside docs/ and every page gets its abbreviations."""
    assert not (ROOT / "docs" / "abbreviations.md").exists()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Large language model">LLM</abbr>' in home
