"""scripts/check_tables.py: proven on broken fixtures, then run on the real site."""

from __future__ import annotations

import pytest
from checkers import assert_clean_failure, run_script
from check_tables import split_row

GOOD_MD = """# Page

| A | B | C |
|---|:-:|--:|
| 1 | `x | y` | 3 |
| 4 | a \\| b | 6 |

!!! note "Inside an admonition"

    | Key | Value |
    |-----|-------|
    | k   | v     |

```text
| not | a table |
|---|
| 1 | 2 | 3 |
```
"""


def docs_with(tmp_path, text: str):
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "page.md").write_text(text, encoding="utf-8")
    return docs


def test_cells_split_like_python_markdown():
    assert split_row("| 1 | `x | y` | 3 |") == ["1", "`x | y`", "3"]
    assert split_row("| a \\| b | c |") == ["a \\| b", "c"]
    assert split_row("a | b") == ["a", "b"]
    assert split_row("| `` a | ` b `` | c |") == ["`` a | ` b ``", "c"]


def test_a_good_fixture_passes(tmp_path):
    result = run_script("check_tables.py", "--docs", docs_with(tmp_path, GOOD_MD))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 Markdown tables" in result.stdout


@pytest.mark.parametrize("table, expected", [
    ("| A | B |\n|---|---|\n| 1 | 2 | 3 |\n", "page.md:3: table row has 3 cells; the header has 2"),
    ("| A | B | C |\n|---|---|---|\n| 1 | 2 |\n", "page.md:3: table row has 2 cells; the header has 3"),
    ("| A |  | C |\n|---|---|---|\n| 1 | 2 | 3 |\n", "page.md:1: table header has an empty cell"),
    ("| A | B |\n|---|---|---|\n| 1 | 2 |\n", "page.md:2: table separator has 3 cells; the header has 2"),
    ("!!! tip\n\n    | A | B |\n    |---|---|\n    | 1 |\n", "page.md:5: table row has 1 cells; the header has 2"),
    ("=== \"Tab\"\n\n    | A | B |\n    |---|---|\n    | 1 | 2 | 3 |\n", "page.md:5: table row has 3 cells"),
])
def test_a_ragged_markdown_table_is_one_clear_line(tmp_path, table, expected):
    result = run_script("check_tables.py", "--docs", docs_with(tmp_path, table))
    lines = assert_clean_failure(result, expected)
    assert len(lines) == 1, lines


def site_with(tmp_path, pages: dict[str, str]):
    site = tmp_path / "site"
    for name, body in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(f"<html><body>\n{body}\n</body></html>", encoding="utf-8")
    return site


def html_table(header: list[str], rows: list[list[str]], kind: str | None = None) -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    table = f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody></table>"
    return f'<div data-table="{kind}">{table}</div>' if kind else table


def plan(days: int = 7) -> str:
    return "\n".join(html_table(["Day", "Focus"], [[str(d), "x"] for d in range(1, days + 1)], "study-plan")
                     for _ in range(2))


CLEAR_ROWS = [["C", "0–7"], ["L", "7–15"], ["E", "15–25"], ["A", "25–37"], ["R", "37–45"]]


def test_semantic_checks_pass_on_good_fixtures(tmp_path):
    bank = [["q", c] for c in ["Recommendation/ranking", "Search", "Prediction", "Classification",
                               "Embedding/similarity"] * 5]
    site = site_with(tmp_path, {
        "index.html": plan(),
        "framework/index.html": html_table(["Letter", "Minutes"], CLEAR_ROWS, "clear-phases"),
        "questions/index.html": html_table(["Question", "Category"], bank, "question-bank"),
    })
    result = run_script("check_tables.py", "--docs", docs_with(tmp_path, GOOD_MD), "--site", site)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("pages, expected", [
    ({"index.html": plan(days=6)}, "index.html:2: week 1 of the study plan has days"),
    ({"index.html": "<p>no plan</p>"}, "index.html:1: page must hold a 'study-plan' table"),
    ({"index.html": plan(), "framework/index.html": html_table(
        ["Letter", "Minutes"], CLEAR_ROWS[:4] + [["R", "37–44"]], "clear-phases")},
     "CLEAR phases add up to 44 minutes, not 45"),
    ({"index.html": plan(), "framework/index.html": html_table(
        ["Letter", "Minutes"], [["C", "0–10"], ["L", "10–15"]] + CLEAR_ROWS[2:], "clear-phases")},
     "Clarify has 10 minutes, outside the brief's 5–8"),
    ({"index.html": plan(), "questions/index.html": html_table(
        ["Question", "Category"], [["q", "Search"]] * 24, "question-bank")},
     "the question bank lists 24 questions, not 25"),
    ({"index.html": plan(), "companies/index.html": html_table(
        ["Company", "Emphasis", "Prompts", "Systems"],
        [[c, "x", "y", "Z (2020)"] for c in ["Meta", "Google", "Amazon", "Microsoft", "Apple", "Netflix",
                                             "Uber", "LinkedIn", "Pinterest"]], "company-comparison")},
     "the company comparison covers 9 companies, not at least 10"),
    ({"index.html": plan() + "\n<table><tr><td>no header</td></tr></table>"}, "table has no header row"),
    ({"index.html": plan() + "\n<table><thead><tr><th></th><th>B</th></tr></thead></table>"},
     "table header cell 1 is empty"),
])
def test_a_broken_rendered_table_is_reported(tmp_path, pages, expected):
    site = site_with(tmp_path, pages)
    result = run_script("check_tables.py", "--docs", docs_with(tmp_path, GOOD_MD), "--site", site)
    assert_clean_failure(result, expected)


def test_unparsable_markdown_is_reported_not_raised(tmp_path):
    docs = docs_with(tmp_path, GOOD_MD)
    (docs / "bad.md").write_bytes(b"| A |\n|---|\n| \xff |\n")
    assert_clean_failure(run_script("check_tables.py", "--docs", docs), "bad.md:3: cannot parse: not valid UTF-8")


def test_missing_directories_are_one_line_and_exit_2(tmp_path):
    result = run_script("check_tables.py", "--docs", tmp_path / "nope")
    assert_clean_failure(result, "nope: docs directory does not exist")
    assert result.returncode == 2


def test_the_real_sources_and_site_have_well_formed_tables(built_site):
    result = run_script("check_tables.py", "--docs", "docs", "--site", built_site)
    assert result.returncode == 0, result.stdout + result.stderr
