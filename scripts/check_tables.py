"""Check the site's tables: python3 scripts/check_tables.py [--docs DIR] [--site DIR]

Shape, in the Markdown sources (--docs, default docs/): every table has a
header row, the same number of cells in every row as in its header, and no
empty header cell. Python-Markdown quietly pads or cuts ragged rows, so this is
checked in the source, where the reader's mistake is, with its line number.

Shape and meaning, in the built site (--site): every rendered table has a header
and rows as wide as it, and the tables that carry facts hold them:

- the home page's study plan has 2 weeks of 7 days;
- every CLEAR phase table spells C-L-E-A-R, runs 0 to 45 minutes without gaps,
  and gives Clarify 5 to 8 minutes;
- the question bank's index lists 25 questions across the 5 categories;
- the company comparison covers at least 10 companies, the required ones
  among them, each row with a dated public source.

A semantic check switches on when its page exists, and then it must hold.
Prints one line per problem, `path:line: what is wrong`; exits 1 if any, 2 if a
directory is missing.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from problems import Problems, need_dir, read_text

CATEGORIES = ["Recommendation/ranking", "Search", "Prediction", "Classification", "Embedding/similarity"]
ROUND_MINUTES = 45
CLARIFY_MINUTES = (5, 8)
QUESTIONS = 25

# --------------------------------------------------------------------------
# Markdown sources

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def split_row(line: str) -> list[str]:
    """Split a pipe-table row into cells as Python-Markdown does: `\\|` and
    pipes inside `code spans` do not split."""
    row = line.strip()
    cells, cell, i, code = [], [], 0, 0
    while i < len(row):
        ch = row[i]
        if ch == "\\" and i + 1 < len(row):
            cell.append(row[i : i + 2])
            i += 2
            continue
        if ch == "`":
            run = len(row[i:]) - len(row[i:].lstrip("`"))
            if code == 0:
                # Open a code span only if a closing run of the same length follows.
                if re.search(rf"(?<!`)`{{{run}}}(?!`)", row[i + run :]):
                    code = run
            elif run == code:
                code = 0
            cell.append(row[i : i + run])
            i += run
            continue
        if ch == "|" and code == 0:
            cells.append("".join(cell))
            cell = []
        else:
            cell.append(ch)
        i += 1
    cells.append("".join(cell))
    if row.startswith("|"):
        cells = cells[1:]
    if row.endswith("|") and not row.endswith("\\|") and cells:
        cells = cells[:-1]
    return [c.strip() for c in cells]


def check_markdown(path: Path, problems: Problems) -> int:
    """Check the pipe tables of one Markdown file; return how many it has."""
    text = read_text(path, problems)
    if text is None:
        return 0
    lines = text.splitlines()
    fence = None
    tables = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        m = FENCE.match(line)
        if m:
            mark = m.group(1)
            if fence is None:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence):
                fence = None
            i += 1
            continue
        is_table = (
            fence is None
            and "|" in line
            and i + 1 < len(lines)
            and "-" in lines[i + 1]
            and SEPARATOR.match(lines[i + 1])
            and "|" in lines[i + 1]
        )
        if not is_table:
            i += 1
            continue
        tables += 1
        header = split_row(line)
        if any(cell == "" for cell in header):
            problems.add(path, i + 1, f"table header has an empty cell: {line.strip()}")
        width = len(header)
        sep = split_row(lines[i + 1])
        if len(sep) != width:
            problems.add(path, i + 2, f"table separator has {len(sep)} cells; the header has {width}")
        j = i + 2
        while j < len(lines) and lines[j].strip() and "|" in lines[j] and not FENCE.match(lines[j]):
            cells = split_row(lines[j])
            if len(cells) != width:
                problems.add(path, j + 1, f"table row has {len(cells)} cells; the header has {width}")
            j += 1
        i = j
    return tables


# --------------------------------------------------------------------------
# Built HTML

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Table:
    line: int
    data_table: str | None
    classes: str
    header: list[str] = field(default_factory=list)
    header_line: int = 0
    rows: list[tuple[int, list[str], int]] = field(default_factory=list)  # (line, cells, width)


class TableParser(HTMLParser):
    """Collects every table: header cells, body rows, and the nearest enclosing
    element's data-table attribute (how a generated table says what it is)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self.stack: list[tuple[str, str | None]] = []  # (tag, data-table)
        self.open: list[Table] = []
        self.row: list[str] | None = None
        self.row_width = 0
        self.row_line = 0
        self.row_is_header = False
        self.cell: list[str] | None = None

    def _data_table(self) -> str | None:
        for _, value in reversed(self.stack):
            if value:
                return value
        return None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        line = self.getpos()[0]
        if tag == "table":
            self.open.append(Table(line, self._data_table(), attrs.get("class") or ""))
        if tag not in VOID:
            self.stack.append((tag, attrs.get("data-table")))
        if not self.open:
            return
        if tag == "tr":
            self.row, self.row_width, self.row_line, self.row_is_header = [], 0, line, False
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            try:
                self.row_width += max(1, int(attrs.get("colspan") or 1))
            except ValueError:
                self.row_width += 1
            if tag == "th":
                self.row_is_header = True
        elif tag == "img" and self.cell is not None:
            self.cell.append(attrs.get("alt") or "[image]")

    def handle_endtag(self, tag):
        if self.open:
            table = self.open[-1]
            if tag in ("td", "th") and self.cell is not None and self.row is not None:
                self.row.append(" ".join("".join(self.cell).split()))
                self.cell = None
            elif tag == "tr" and self.row is not None:
                if self.row_is_header and not table.header and not table.rows:
                    table.header, table.header_line = self.row, self.row_line
                else:
                    table.rows.append((self.row_line, self.row, self.row_width))
                self.row = None
            elif tag == "table":
                self.tables.append(self.open.pop())
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def parse_tables(path: Path, problems: Problems) -> list[Table] | None:
    text = read_text(path, problems)
    if text is None:
        return None
    parser = TableParser()
    try:
        parser.feed(text)
        parser.close()
    except Exception as err:  # html.parser is lenient; this is a last resort
        problems.add(path, parser.getpos()[0], f"cannot parse HTML ({err})")
        return None
    return parser.tables


def check_html_shape(path: Path, tables: list[Table], problems: Problems) -> None:
    for t in tables:
        if "highlighttable" in t.classes:  # code blocks with line numbers
            continue
        if not t.header:
            problems.add(path, t.line, "table has no header row")
            continue
        for n, cell in enumerate(t.header, 1):
            if not cell:
                problems.add(path, t.header_line, f"table header cell {n} is empty")
        width = len(t.header)
        for line, cells, row_width in t.rows:
            if row_width != width:
                problems.add(path, line, f"table row has {row_width} cells; the header has {width}")


# --------------------------------------------------------------------------
# Semantic checks: (table kind, check). Each check returns problem messages.


def column(table: Table, name: str) -> int | None:
    for i, cell in enumerate(table.header):
        if cell.lower() == name.lower():
            return i
    return None


def check_study_plan(tables: list[Table]) -> list[tuple[int, str]]:
    out = []
    if len(tables) != 2:
        out.append((tables[0].line, f"the study plan has {len(tables)} week tables, not 2"))
    for week, t in enumerate(tables, 1):
        day = column(t, "Day")
        if day is None:
            out.append((t.line, f"week {week} of the study plan has no 'Day' column"))
            continue
        days = [cells[day] for _, cells, _ in t.rows if day < len(cells)]
        if days != [str(d) for d in range(1, 8)]:
            out.append((t.line, f"week {week} of the study plan has days {days}, not 1 to 7"))
    return out


def check_clear_phases(tables: list[Table]) -> list[tuple[int, str]]:
    out = []
    for t in tables:
        letter, minutes = column(t, "Letter"), column(t, "Minutes")
        if letter is None or minutes is None:
            out.append((t.line, "CLEAR phase table needs 'Letter' and 'Minutes' columns"))
            continue
        letters = "".join(cells[letter] for _, cells, _ in t.rows if letter < len(cells))
        if letters != "CLEAR":
            out.append((t.line, f"CLEAR phase letters spell {letters!r}"))
        expected = 0
        for line, cells, _ in t.rows:
            m = re.fullmatch(r"(\d+)\s*[–-]\s*(\d+)", cells[minutes] if minutes < len(cells) else "")
            if not m:
                out.append((line, f"CLEAR phase minutes {cells[minutes]!r} are not 'start–end'"))
                break
            start, end = int(m.group(1)), int(m.group(2))
            if start != expected or end <= start:
                out.append((line, f"CLEAR phase runs {start}–{end}; expected it to start at {expected}"))
            if expected == 0 and not CLARIFY_MINUTES[0] <= end - start <= CLARIFY_MINUTES[1]:
                out.append((line, f"Clarify has {end - start} minutes, outside the brief's 5–8"))
            expected = end
        else:
            if expected != ROUND_MINUTES:
                out.append((t.line, f"CLEAR phases add up to {expected} minutes, not {ROUND_MINUTES}"))
    return out


def check_question_bank(tables: list[Table]) -> list[tuple[int, str]]:
    rows = [(line, cells, t) for t in tables for line, cells, _ in t.rows]
    out = []
    if len(rows) != QUESTIONS:
        out.append((tables[0].line, f"the question bank lists {len(rows)} questions, not {QUESTIONS}"))
    seen = set()
    for line, cells, t in rows:
        cat = column(t, "Category")
        if cat is None:
            out.append((t.line, "the question bank table has no 'Category' column"))
            break
        value = cells[cat] if cat < len(cells) else ""
        if value not in CATEGORIES:
            out.append((line, f"unknown question category {value!r}"))
        seen.add(value)
    missing = [c for c in CATEGORIES if c not in seen]
    if missing:
        out.append((tables[0].line, f"the question bank has no question in {', '.join(missing)}"))
    return out


REQUIRED_COMPANIES = ["Meta", "Google", "Amazon", "Microsoft", "Apple", "Netflix", "Uber", "LinkedIn",
                      "Airbnb", "Pinterest", "TikTok"]
ONE_OF = ["DoorDash", "Instacart", "Spotify", "Snap"]


def check_company_comparison(tables: list[Table]) -> list[tuple[int, str]]:
    out = []
    rows = [(line, cells, t) for t in tables for line, cells, _ in t.rows]
    if len(rows) < 10:
        out.append((tables[0].line, f"the company comparison covers {len(rows)} companies, not at least 10"))
    names = " ".join(cells[0] for _, cells, _ in rows if cells)
    missing = [c for c in REQUIRED_COMPANIES if c not in names]
    if missing:
        out.append((tables[0].line, f"the company comparison is missing {', '.join(missing)}"))
    if not any(c in names for c in ONE_OF):
        out.append((tables[0].line, f"the company comparison needs one of {', '.join(ONE_OF)}"))
    for line, cells, t in rows:
        if any(not c for c in cells):
            out.append((line, f"company row {cells[0]!r} has an empty cell"))
        if cells and not re.search(r"\b(19|20)\d\d\b", cells[-1]):
            out.append((line, f"company row {cells[0]!r} names no dated public source"))
    return out


SEMANTIC = {
    "study-plan": check_study_plan,
    "clear-phases": check_clear_phases,
    "question-bank": check_question_bank,
    "company-comparison": check_company_comparison,
}
# Once the page exists, it must hold its table (site-relative path -> kind).
REQUIRED = {
    "index.html": "study-plan",
    "framework/index.html": "clear-phases",
    "questions/index.html": "question-bank",
    "companies/index.html": "company-comparison",
}


def check_site(site: Path, problems: Problems) -> int:
    count = 0
    for path in sorted(site.rglob("*.html")):
        tables = parse_tables(path, problems)
        if tables is None:
            continue
        count += len(tables)
        check_html_shape(path, tables, problems)
        rel = path.relative_to(site).as_posix()
        by_kind: dict[str, list[Table]] = {}
        for t in tables:
            if t.data_table:
                by_kind.setdefault(t.data_table, []).append(t)
        for kind, found in by_kind.items():
            if kind not in SEMANTIC:
                problems.add(path, found[0].line, f"unknown data-table kind {kind!r}")
                continue
            for line, message in SEMANTIC[kind](found):
                problems.add(path, line, message)
        need = REQUIRED.get(rel)
        if need and need not in by_kind:
            problems.add(path, 1, f"page must hold a {need!r} table (data-table=\"{need}\") and does not")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="Markdown sources (default: docs)")
    parser.add_argument("--site", type=Path, help="a built site to check as rendered HTML")
    args = parser.parse_args(argv)
    errors = [e for e in (need_dir(args.docs, "docs directory"),
                          need_dir(args.site, "site directory", " (build it first: mkdocs build)") if args.site else None) if e]
    if errors:
        print("\n".join(errors))
        return 2
    problems = Problems()
    md_tables = sum(check_markdown(p, problems) for p in sorted(args.docs.rglob("*.md")))
    html_tables = check_site(args.site, problems) if args.site else 0
    return problems.report(
        f"check_tables: {md_tables} Markdown tables"
        + (f", {html_tables} rendered tables" if args.site else "")
        + " OK"
    )


if __name__ == "__main__":
    sys.exit(main())
