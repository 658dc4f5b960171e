"""The practice tools' data: built from the project's single sources, embedded safely, documented.

The browser tests (test_practice_tools.py) drive the tools; these read the
built pages and the sources without a browser.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_mkdocs_build
from pages import clear_phases, dimensions

TOOLS_JS = ROOT / "docs" / "assets" / "javascripts" / "tools"
QUESTIONS = sorted(p for p in (ROOT / "docs" / "questions").glob("*.md") if p.name not in ("index.md", "tags.md"))


class PageParser(HTMLParser):
    """The parts of a built page these tests read: embedded data, links, ids, and the
    text of list items and table rows inside an element with a given class or attribute."""

    def __init__(self, scope: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.data: dict[str, str] = {}
        self.ids: set[str] = set()
        self.scope = scope
        self.depth = 0           # > 0 inside the scope element
        self.items: list[str] = []
        self.rows: list[list[str]] = []
        self.text: list[str] | None = None
        self.row: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if "data-json" in attrs:
            self.data[attrs["id"]] = attrs["data-json"]
        if self.depth:
            self.depth += tag not in ("br", "img", "input", "hr")
        elif self.scope and (self.scope in (attrs.get("class") or "").split() or self.scope in attrs):
            self.depth = 1
        if not self.depth:
            return
        if tag == "li":
            self.text = []
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.text = []

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "li" and self.text is not None:
            self.items.append(" ".join("".join(self.text).split()))
            self.text = None
        elif tag in ("td", "th") and self.row is not None and self.text is not None:
            self.row.append(" ".join("".join(self.text).split()))
            self.text = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        self.depth -= 1

    def handle_data(self, data):
        if self.text is not None:
            self.text.append(data)


def parse(path: Path, scope: str | None = None) -> PageParser:
    parser = PageParser(scope)
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def embedded(site: Path, page: str, name: str):
    found = parse(site / page / "index.html").data
    assert f"data-{name}" in found, f"{page} has no data-{name}"
    return json.loads(found[f"data-{name}"])


def resolves(site: Path, page: str, href: str) -> bool:
    """Does a relative link from `page` reach a built page (and its anchor)?"""
    path, _, anchor = href.partition("#")
    target = (site / page / path).resolve() / "index.html"
    if not target.is_file():
        return False
    return not anchor or anchor in parse(target).ids


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text[4:text.index("\n---", 4)])


# ---------------------------------------------------------------------------
# One source for each list


def test_cheat_sheet_renders_its_checklists_from_the_single_source(built_site):
    source = (ROOT / "docs" / "framework" / "cheat-sheet.md").read_text(encoding="utf-8")
    assert "<!-- clear:checklists -->" in source
    inside = source.split('<div class="cheat-sheet-phases" markdown>', 1)[1].split("</div>", 1)[0]
    assert inside.strip() == "<!-- clear:checklists -->", "checklist lines written by hand in the cheat sheet"
    built = parse(built_site / "framework" / "cheat-sheet" / "index.html", "cheat-sheet-phases").items
    assert built == [item for p in clear_phases() for item in p["checklist"]]


def test_every_phase_has_a_checklist_in_mkdocs_yml():
    for phase in clear_phases():
        assert 3 <= len(phase["checklist"]) <= 8, phase["letter"]
        assert all(isinstance(item, str) and item.strip() for item in phase["checklist"])


def test_strict_build_fails_when_a_phase_has_no_checklist(project_copy):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("        checklist:", text.index("letter: R"))
    end = text.index("  dimensions:", start)
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_mkdocs_build(config, project_copy / "site")
    assert result.returncode != 0
    assert "extra.clear phase R needs a 'checklist'" in result.stderr, result.stderr[-2000:]


def test_timer_and_scoring_data_are_the_clear_source(built_site):
    keys = ("letter", "id", "name", "start", "end", "checklist")
    expected = [{k: p[k] for k in keys} for p in clear_phases()]
    for page in ("practice/mock-timer", "practice/self-score"):
        data = embedded(built_site, page, "clear")
        assert [{k: p[k] for k in keys} for p in data["phases"]] == expected
        assert data["round_minutes"] == 45
        assert data["dimensions"] == dimensions()


def test_tracker_data_is_the_study_plan(built_site):
    plan = yaml.safe_load((ROOT / "includes" / "study-plan.yml").read_text(encoding="utf-8"))
    data = embedded(built_site, "practice/study-plan", "plan")
    assert [w["title"] for w in data["weeks"]] == [w["title"] for w in plan["weeks"]]
    ids = []
    for week, source in zip(data["weeks"], plan["weeks"]):
        for day, day_source in zip(week["days"], source["days"], strict=True):
            tasks = day["tasks"]
            assert tasks[0]["text"] == day_source["focus"]
            assert [t["read"] for t in tasks[1:]] == [r["label"] for r in day_source["read"]]
            for task, item in zip(tasks[1:], day_source["read"]):
                exists = (ROOT / "docs" / item["path"]).is_file()
                assert (task["href"] is not None) == exists, item["path"]
                if exists:
                    assert resolves(built_site, "practice/study-plan", task["href"]), task["href"]
            ids += [t["id"] for t in tasks]
    assert len(ids) == len(set(ids)), "task ids must be unique: progress is saved by id"


def test_picker_data_is_the_question_pages_front_matter(built_site):
    data = embedded(built_site, "practice/question-picker", "questions")
    assert data == embedded(built_site, "practice/self-score", "questions")
    by_slug = {q["slug"]: q for q in data["questions"]}
    assert set(by_slug) == {p.stem for p in QUESTIONS}
    for path in QUESTIONS:
        meta, q = front_matter(path), by_slug[path.stem]
        assert (q["title"], q["category"], q["difficulty"], q["companies"]) == (
            meta["title"], meta["category"], meta["difficulty"], meta["companies"])
        assert resolves(built_site, "practice/question-picker", q["href"]), q["href"]


def test_flashcards_come_from_the_glossary_the_numbers_and_the_follow_ups(built_site):
    cards = embedded(built_site, "practice/flashcards", "flashcards")["cards"]
    decks: dict[str, list[dict]] = {}
    for card in cards:
        decks.setdefault(card["deck"], []).append(card)
    glossary = re.findall(r"^\*\[([^\]]+)\]:\s*(.+?)\s*$",
                          (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8"), re.M)
    assert [c["front"] for c in decks["glossary"]] == [term for term, _ in glossary]
    assert decks["glossary"][0]["back"] == f"<p>{glossary[0][1]}</p>"

    chapter = (ROOT / "docs" / "estimation" / "index.md").read_text(encoding="utf-8")
    numbers = chapter.split("{ #numbers }", 1)[1].split("\n## ", 1)[0]
    rows = [r for r in numbers.splitlines() if r.startswith("| ") and not r.startswith("| Quantity")]
    assert len(decks["numbers"]) == len(rows) >= 12
    assert decks["numbers"][0]["front"] == "Seconds per day" and "86,400" in decks["numbers"][0]["back"]

    follow_ups = [m for p in QUESTIONS for m in re.findall(r'^\?\?\?\+? question "(.+)"$',
                                                           p.read_text(encoding="utf-8"), re.M)]
    assert sorted(c["front"] for c in decks["follow-ups"]) == sorted(follow_ups)
    assert all(c["back"].startswith("<p>") and len(c["back"]) > 80 for c in decks["follow-ups"])

    assert len({c["id"] for c in cards}) == len(cards), "card ids must be unique: progress is saved by id"
    for card in cards:
        if card["href"]:
            assert resolves(built_site, "practice/flashcards", card["href"]), card["href"]
    links = [h for c in cards for h in re.findall(r'href="([^"]+)"', c["back"])]
    assert all(resolves(built_site, "practice/flashcards", h) or h.startswith("http") for h in links), links


def test_embedded_data_is_escaped_small_and_kept_out_of_search(built_site):
    for page in ("practice/study-plan", "practice/mock-timer", "practice/question-picker",
                 "practice/self-score", "practice/flashcards"):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        for name, raw in parse(built_site / page / "index.html").data.items():
            json.loads(raw)  # the attribute round-trips
            assert f'id="{name}"' in html
    flashcards = parse(built_site / "practice" / "flashcards" / "index.html").data["data-flashcards"]
    assert len(flashcards.encode("utf-8")) < 250_000, "the flashcards' data has grown too big for one page"
    # Only the flashcards page carries the cards (and the whole-book page, which holds every page).
    holders = [p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")
               if "data-flashcards" in parse(p).data]
    assert set(holders) - {"print_page/index.html"} == {"practice/flashcards/index.html"}
    search = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    practice = " ".join(d["text"] for d in search["docs"] if d["location"].startswith("practice/"))
    assert '"deck"' not in practice and '"weeks"' not in practice


def test_anki_deck_holds_every_card(built_site):
    cards = embedded(built_site, "practice/flashcards", "flashcards")["cards"]
    text = (built_site / "assets" / "data" / "flashcards-anki.txt").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert "#separator:tab" in header and "#html:true" in header and "#tags column:3" in header
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    rows = list(csv.reader(io.StringIO(body), delimiter="\t"))
    assert len(rows) == len(cards)
    assert all(len(row) == 3 and row[2].startswith("mlsd::") for row in rows)
    page = (built_site / "practice" / "flashcards" / "index.html").read_text(encoding="utf-8")
    assert "../../assets/data/flashcards-anki.txt" in page


def test_rubric_rates_the_five_dimensions_on_four_levels(built_site):
    rows = parse(built_site / "practice" / "self-score" / "index.html", "data-rubric").rows
    assert rows[0] == ["Dimension", "1 · No hire", "2 · Lean no hire", "3 · Lean hire", "4 · Strong hire"]
    assert [r[0] for r in rows[1:]] == dimensions()
    assert all(len(r) == 5 and all(len(cell) > 20 for cell in r[1:]) for r in rows[1:])


# ---------------------------------------------------------------------------
# The scripts, the pages and the documentation


def test_tool_scripts_are_plain_loaded_in_order_and_guarded():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    listed = [s for s in config["extra_javascript"] if s.startswith("assets/javascripts/tools/")]
    on_disk = sorted(f"assets/javascripts/tools/{p.name}" for p in TOOLS_JS.glob("*.js"))
    assert sorted(listed) == on_disk and listed[:2] == [
        "assets/javascripts/tools/store.js", "assets/javascripts/tools/estimate.js"]
    for path in TOOLS_JS.glob("*.js"):
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|export)\s|require\(|fetch\(|XMLHttpRequest|sendBeacon|WebSocket",
                             code, re.M), f"{path.name}: modules or network calls"
        assert not re.search(r"https?://", code), f"{path.name}: an address of another host"
        if path.name not in ("store.js", "estimate.js"):
            # Each tool starts through the one guard in store.js (once per page, never in the print page).
            assert "document$.subscribe(" in code and "PracticeStore.startOnce(" in code, f"{path.name}: not guarded"
            assert "localStorage" not in code, f"{path.name}: storage must go through store.js"


def test_practice_index_documents_the_storage_key_and_its_format():
    text = (ROOT / "docs" / "practice" / "index.md").read_text(encoding="utf-8")
    store = (TOOLS_JS / "store.js").read_text(encoding="utf-8")
    assert 'var KEY = "mlsd-practice";' in store and "var VERSION = 1;" in store
    assert "`mlsd-practice`" in text and "mlsd-practice.corrupt-" in text
    example = json.loads(re.search(r"```json\n(.*?)```", text, re.S).group(1))
    assert set(example) == {"version", "plan", "timer", "scores", "cards"} and example["version"] == 1
    for field in ("`version`", "`plan.done`", "`timer`", "`scores`", "`cards`"):
        assert f"| {field} |" in text, field
    pages = yaml.safe_load((ROOT / "docs" / "practice" / ".pages").read_text(encoding="utf-8"))
    assert pages["title"] == "Practice tools"
    for name in pages["nav"][1:]:
        assert f"]({name})" in text, f"the index does not link {name}"


def test_home_page_links_the_tools_and_the_plan_links_the_tracker():
    text = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    practise = text.split("{ #practise }", 1)[1].split("\n## ", 1)[0]
    for name in ("study-plan", "mock-timer", "question-picker", "self-score", "estimation-calculator", "flashcards"):
        assert f"(practice/{name}.md)" in practise, name
    plan = text.split("{ #study-plan }", 1)[1].split("\n## ", 1)[0]
    assert "(practice/study-plan.md)" in plan


@pytest.mark.parametrize("page", ["study-plan", "mock-timer", "question-picker", "self-score",
                                  "estimation-calculator", "flashcards"])
def test_tool_pages_do_not_use_markdown_task_lists(page):
    text = (ROOT / "docs" / "practice" / f"{page}.md").read_text(encoding="utf-8")
    assert not re.search(r"^\s*[-*] \[[ xX]\] ", text, re.M), "Material's task-list checkboxes have no label"
