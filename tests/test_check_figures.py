"""scripts/check_figures.py: every calculation written on the site is recomputed."""

from __future__ import annotations

import re

import pytest
from check_figures import check_file
from checkers import assert_clean_failure, run_script
from conftest import ROOT
from problems import Problems


def calcs_in(tmp_path, text: str):
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    problems = Problems()
    return check_file(page, problems), problems


@pytest.mark.parametrize("text", [
    "100M × 20 = 2B requests a day.",
    "2B ÷ 86,400 s ≈ 23,148 QPS.",
    "2,000,000,000 ÷ 86,400 seconds ≈ 23,000 QPS on average.",
    "5B ÷ 86,400 s ≈ 58K per second, and 58K × 2 ≈ 116K at peak.",
    "0.01 / (0.01 + 0.99 × 0.1) ≈ 9.2% of the training set.",
    "16 × 0.0475 / 0.0005² = 0.76 / 0.00000025 = 3,040,000 users per arm.",
    "1B × 4 bytes = 4 GB of vectors.",
    "3 × 10^12 = 3T FLOPs.",
    "It costs max(15, 15) = 15 ms.",
    "DCG = 3 / log2(2) + 2 / log2(3) ≈ 4.26.",
    "| Total | 15 + 30 + 20 + 60 + 10 = 135 ms |",
    "Split: days 1–76, 77–83 and 84–90 (76 + 7 + 7 = 90).",
    "The peak is 115,741 × 1 ≈ 116K.",
    "2.8M × 128 × 4 bytes ≈ 1.43 GB of vectors.",
    "500M × 512 bytes = 256 GB a day.",
    "16.35 TB ÷ 6,199 s ≈ 2.64 GB/s of reads.",
    "256 GB × 90 ≈ 23 TB for 90 days.",
    "14 GB ÷ 3,350 GB/s ≈ 4.2 ms per token.",
])
def test_correct_calculations_hold(tmp_path, text):
    calcs, problems = calcs_in(tmp_path, text)
    assert calcs, f"not recognised as a calculation: {text}"
    assert all(c.ok for c in calcs) and not problems.lines, problems.lines


@pytest.mark.parametrize("text, wrong", [
    ("2 × 3 = 7 apples.", "computes to 6, not 7"),
    ("100M × 20 = 3B requests a day.", "not 3,000,000,000"),
    ("The peak is 115,741 × 1 ≈ 150K.", "computes to 115,741, not 150,000"),
    ("| Total | 15 + 30 + 20 + 60 + 10 = 125 ms |", "computes to 135"),
    ("0.01 / (0.01 + 0.99 × 0.1) ≈ 12%.", "not 0.12"),
    ("We need 10,000,000 ÷ 10,000 = 100 seconds.", "computes to 1,000, not 100"),
    ("2.8M × 128 × 4 bytes ≈ 1.6 GB of vectors.", "not 1.6"),
    ("It takes 14 GB ÷ 3,350 GB/s ≈ 8.2 ms per token.", "not 8.2"),
    ("At 50 ms, 2,000 × 0.05 = 120 requests are in flight.", "computes to 100, not 120"),
])
def test_wrong_calculations_fail(tmp_path, text, wrong):
    calcs, problems = calcs_in(tmp_path, text)
    assert len(problems.lines) == 1, (text, problems.lines)
    assert problems.lines[0].startswith(f"{tmp_path / 'page.md'}:1: wrong figure") or "page.md:1: wrong figure" in problems.lines[0]
    assert wrong in problems.lines[0], problems.lines[0]


@pytest.mark.parametrize("text", [
    "Set k = 10 and rank the top 5.",
    "Days 1–7 of week 2.",
    "score = P(open) − λ · P(disable)",
    "Run `2 × 3 = 7` in code: not prose.",
    "```\n2 × 3 = 7\n```",
    "NDCG@10 went from 0.41 to 0.43.",
])
def test_prose_that_is_not_a_calculation_is_left_alone(tmp_path, text):
    calcs, problems = calcs_in(tmp_path, text)
    assert not problems.lines, problems.lines


def test_the_script_reports_file_and_line_and_exits_1(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text("Intro.\n\nAssume 100M users.\nThen 100M × 20 = 3B.\n", encoding="utf-8")
    lines = assert_clean_failure(run_script("check_figures.py", docs), "page.md:3: wrong figure")
    assert len(lines) == 1


def test_missing_docs_directory_is_one_line_and_exit_2(tmp_path):
    result = run_script("check_figures.py", tmp_path / "nope")
    assert_clean_failure(result, "nope: docs directory does not exist")
    assert result.returncode == 2


def test_every_calculation_on_the_site_holds():
    result = run_script("check_figures.py", "docs")
    assert result.returncode == 0, result.stdout + result.stderr


def test_changing_one_digit_of_a_worked_figure_fails_the_check(tmp_path):
    """Take every calculation that holds on the real pages, change the first digit
    of its written result, and require the checker to catch each change."""
    mutated = 0
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for calc in check_file(path, Problems()):
            m = re.search(r"(=|≈)\s*(\d)", calc.text)
            if not calc.ok or not m:
                continue
            digit = int(m.group(2))
            wrong = calc.text[: m.start(2)] + str((digit + 4) % 10) + calc.text[m.end(2):]
            calcs, problems = calcs_in(tmp_path, wrong)
            assert problems.lines, f"{path}:{calc.line}: {wrong!r} went unnoticed"
            mutated += 1
    assert mutated >= 10, f"only {mutated} calculations were mutated"
