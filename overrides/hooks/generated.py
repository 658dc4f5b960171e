"""Build hook: content generated from the project's single sources of truth.

A Markdown page asks for generated content with a marker on a line of its own:

    <!-- clear:phases -->      the CLEAR phase table (from mkdocs.yml extra.clear)
    <!-- clear:phases-compact -->  the same without the summaries (for print)
    <!-- plan:weeks -->        the 2-week study plan (from includes/study-plan.yml)
    <!-- questions:index -->   the question bank's table (from each question page's front matter)
    <!-- clear:checklists -->  each phase's checklist (from extra.clear), for the cheat sheet
    <!-- plan:list -->         the study plan as a list of days (the tracker's page without JavaScript)
    <!-- questions:list -->    the question bank as a list by category (the picker's page)
    <!-- flashcards:decks -->  where the flashcards come from and how many there are

The practice tools read their data from JSON embedded in their page, made from
the same sources, in an attribute: `<div class="practice-data" id="data-..."
data-json="..." hidden></div>`. Not in a `<script type="application/json">`:
Material's instant navigation re-creates every script in the new page as an
executable one, without its type or id, so the data would be lost (and run).

    <!-- data:clear -->        phases, checklists and scoring dimensions
    <!-- data:plan -->         the study plan's days and tasks, with links
    <!-- data:questions -->    the question bank's metadata, with links
    <!-- data:flashcards -->   cards from the glossary (includes/abbreviations.md), the
                               estimation chapter's "Numbers worth remembering" table and
                               every question page's follow-up questions

An unknown marker, or a source that breaks its rules, fails the build with a
message naming the file and line: a typo never ships silently.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import logging
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown as python_markdown
import yaml
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.generated")

MARKER = re.compile(r"^[ \t]*<!--[ \t]*([a-z]+:[a-z-]+)[ \t]*-->[ \t]*$", re.M)
# Clarify's budget must sit within the brief's "5-8 minutes of scoping".
CLARIFY_MINUTES = (5, 8)
QUESTIONS_DIR = "questions/"
CATEGORIES = ["Recommendation/ranking", "Search", "Prediction", "Classification", "Embedding/similarity"]
DIFFICULTIES = ["medium", "hard"]
DAYS_PER_WEEK = 7
WEEKS = 2
# The flashcards' sources.
GLOSSARY = "abbreviations.md"  # in includes/
GLOSSARY_PAGE = "glossary.md"  # the glossary's page, linked from its cards when it exists
ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]:[ \t]*(.+?)[ \t]*$")
ESTIMATION = "estimation/index.md"
NUMBERS_HEADING = "{ #numbers }"
FOLLOW_UP = re.compile(r'^\?\?\?\+?[ \t]+question[ \t]+"(.+)"[ \t]*$')
DECKS = [
    {"id": "glossary", "title": "Glossary"},
    {"id": "numbers", "title": "Numbers worth remembering"},
    {"id": "follow-ups", "title": "Follow-up questions"},
]
# The flashcards' page, and a download for Anki ("Import File", tab-separated
# notes) made from the same cards when that page exists.
FLASHCARDS_PAGE = "practice/flashcards.md"
ANKI_DECK = "assets/data/flashcards-anki.txt"

_state: dict = {}


# ---------------------------------------------------------------------------
# Sources of truth and their rules


def check_clear(clear: dict) -> list[dict]:
    """Return the CLEAR phases after checking them; raise PluginError if broken."""
    if not isinstance(clear, dict) or not isinstance(clear.get("phases"), list):
        raise PluginError("mkdocs.yml: extra.clear.phases is missing or not a list")
    phases = clear["phases"]
    total = clear.get("round_minutes")
    letters = "".join(str(p.get("letter", "")) for p in phases)
    if letters != "CLEAR":
        raise PluginError(f"mkdocs.yml: extra.clear phase letters spell {letters!r}, not 'CLEAR'")
    expected_start = 0
    for phase in phases:
        for key in ("id", "name", "start", "end", "summary"):
            if key not in phase:
                raise PluginError(f"mkdocs.yml: extra.clear phase {phase.get('letter')} has no {key!r}")
        if phase["start"] != expected_start:
            raise PluginError(
                f"mkdocs.yml: extra.clear phase {phase['letter']} starts at minute "
                f"{phase['start']}, expected {expected_start} (phases must be contiguous)"
            )
        if phase["end"] <= phase["start"]:
            raise PluginError(f"mkdocs.yml: extra.clear phase {phase['letter']} ends before it starts")
        checklist = phase.get("checklist")
        if (not isinstance(checklist, list) or not checklist
                or not all(isinstance(item, str) and item.strip() for item in checklist)):
            raise PluginError(
                f"mkdocs.yml: extra.clear phase {phase['letter']} needs a 'checklist': a list of short lines"
            )
        expected_start = phase["end"]
    if expected_start != total:
        raise PluginError(f"mkdocs.yml: extra.clear phases end at minute {expected_start}, not {total}")
    clarify = phases[0]["end"] - phases[0]["start"]
    if not CLARIFY_MINUTES[0] <= clarify <= CLARIFY_MINUTES[1]:
        raise PluginError(
            f"mkdocs.yml: Clarify has {clarify} minutes; the brief allows "
            f"{CLARIFY_MINUTES[0]}-{CLARIFY_MINUTES[1]}"
        )
    return phases


def load_plan(path: Path) -> dict:
    """Load and check the study plan; raise PluginError naming the file if broken."""
    try:
        plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise PluginError(f"{path}: cannot read the study plan ({err.strerror})") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise PluginError(f"{path}:{line}: not valid YAML") from None
    weeks = plan.get("weeks") if isinstance(plan, dict) else None
    if not isinstance(weeks, list) or len(weeks) != WEEKS:
        raise PluginError(f"{path}: the plan must have {WEEKS} weeks")
    for w, week in enumerate(weeks, 1):
        days = week.get("days") if isinstance(week, dict) else None
        if not isinstance(days, list) or len(days) != DAYS_PER_WEEK:
            raise PluginError(f"{path}: week {w} must have {DAYS_PER_WEEK} days")
        for d, day in enumerate(days, 1):
            if not isinstance(day, dict) or not day.get("focus") or not day.get("read"):
                raise PluginError(f"{path}: week {w} day {d} needs a focus and pages to read")
            for item in day["read"]:
                if not isinstance(item, dict) or not item.get("path") or not item.get("label"):
                    raise PluginError(f"{path}: week {w} day {d}: each page needs a path and a label")
    return plan


def read_front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise PluginError(f"{path}:1: a question page needs YAML front matter")
    end = text.find("\n---", 4)
    try:
        meta = yaml.safe_load(text[4:end]) if end > 0 else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise PluginError(f"{path}:{(mark.line + 2) if mark else 1}: front matter is not valid YAML") from None
    if not isinstance(meta, dict):
        raise PluginError(f"{path}:1: front matter is missing or empty")
    return meta


def load_questions(docs_dir: Path, srcs: set[str], allowed_tags: set[str]) -> list[dict]:
    """Every question page's metadata, checked; raise PluginError naming the file."""
    questions = []
    for src in sorted(s for s in srcs if s.startswith(QUESTIONS_DIR) and s.count("/") == 1
                      and not s.endswith("index.md") and not s.endswith("tags.md")):
        path = docs_dir / src
        meta = read_front_matter(path)
        for key in ("title", "category", "difficulty", "companies", "tags"):
            if not meta.get(key):
                raise PluginError(f"{path}:1: front matter has no {key!r}")
        if meta["category"] not in CATEGORIES:
            raise PluginError(f"{path}:1: category {meta['category']!r} is not one of {CATEGORIES}")
        if meta["difficulty"] not in DIFFICULTIES:
            raise PluginError(f"{path}:1: difficulty {meta['difficulty']!r} is not one of {DIFFICULTIES}")
        companies = meta["companies"]
        if not isinstance(companies, list):
            raise PluginError(f"{path}:1: companies must be a list")
        need = {meta["category"], *companies}
        missing = sorted(need - set(meta["tags"]))
        if missing:
            raise PluginError(f"{path}:1: tags must include the category and every company; missing {missing}")
        unknown = sorted(set(companies) - allowed_tags)
        if unknown:
            raise PluginError(f"{path}:1: companies {unknown} are not allowed tags")
        questions.append({
            "slug": src[len(QUESTIONS_DIR):-3], "src": src, "title": meta["title"],
            "category": meta["category"], "difficulty": meta["difficulty"],
            "companies": companies, "tags": meta["tags"],
        })
    return questions


def _read_source(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise PluginError(f"{path}: the flashcards need this file and cannot read it ({err.strerror})") from None


def load_glossary(path: Path) -> list[tuple[str, str]]:
    """(term, expansion) for every `*[TERM]: expansion` line of the glossary."""
    terms: list[tuple[str, str]] = []
    for n, line in enumerate(_read_source(path).splitlines(), 1):
        if not line.startswith("*["):
            continue
        m = ABBREVIATION.match(line)
        if not m:
            raise PluginError(f"{path}:{n}: not a glossary line: expected *[TERM]: expansion")
        terms.append((m.group(1), m.group(2)))
    if not terms:
        raise PluginError(f"{path}: the glossary has no *[TERM]: expansion lines")
    return terms


def _table_cells(line: str) -> list[str]:
    """The cells of a Markdown pipe-table row; an escaped pipe does not split."""
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)]


def load_numbers(path: Path) -> list[dict]:
    """The rows of the estimation chapter's "Numbers worth remembering" table."""
    lines = _read_source(path).splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("## ") and NUMBERS_HEADING in line), None)
    if start is None:
        raise PluginError(f"{path}: no 'Numbers worth remembering' section ({NUMBERS_HEADING})")
    header, rows = None, []
    for n in range(start + 1, len(lines)):
        line = lines[n]
        if line.startswith("## ") or (header and not line.lstrip().startswith("|")):
            break
        if not line.lstrip().startswith("|"):
            continue
        cells = _table_cells(line)
        if header is None:
            header = cells
            if header[:2] != ["Quantity", "Value"]:
                raise PluginError(f"{path}:{n + 1}: the numbers table must start with Quantity | Value")
        elif not set(line.strip()) <= set("|-: "):
            if len(cells) != len(header) or not cells[0] or not cells[1]:
                raise PluginError(f"{path}:{n + 1}: a number needs a quantity and a value")
            rows.append({"quantity": cells[0], "value": cells[1],
                         "basis": cells[2] if len(cells) > 2 else "", "line": n + 1})
    if not rows:
        raise PluginError(f"{path}:{start + 1}: the numbers table has no rows")
    return rows


def load_follow_ups(path: Path) -> list[dict]:
    """Every `??? question "..."` block of a page: the question and its answer (Markdown)."""
    lines = _read_source(path).splitlines()
    out, i = [], 0
    while i < len(lines):
        m = FOLLOW_UP.match(lines[i])
        if not m:
            i += 1
            continue
        j, body = i + 1, []
        while j < len(lines) and (not lines[j].strip() or lines[j].startswith("    ")):
            body.append(lines[j][4:])
            j += 1
        answer = "\n".join(body).strip()
        if not answer:
            raise PluginError(f"{path}:{i + 1}: the follow-up question has no answer")
        out.append({"question": m.group(1).strip(), "answer": answer, "line": i + 1})
        i = j
    return out


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def load_flashcard_sources(root: Path, docs_dir: Path, questions: list[dict]) -> list[dict]:
    """The cards, with Markdown still to render: links are resolved per page later."""
    cards = []
    glossary_page = GLOSSARY_PAGE if (docs_dir / GLOSSARY_PAGE).is_file() else None
    for term, expansion in load_glossary(root / "includes" / GLOSSARY):
        cards.append({"id": f"g:{term}", "deck": "glossary", "front": term, "back": expansion,
                      "markdown": False, "src": glossary_page, "anchor": None, "source": "Glossary"})
    for row in load_numbers(docs_dir / ESTIMATION):
        back = f"**{row['value']}**" + (f"\n\n{row['basis']}" if row["basis"] else "")
        cards.append({"id": f"n:{_short_hash(row['quantity'])}", "deck": "numbers", "front": row["quantity"],
                      "back": back, "markdown": True, "src": ESTIMATION, "anchor": "numbers",
                      "source": "Scale estimation: numbers worth remembering"})
    for q in sorted(questions, key=lambda q: q["src"]):
        for item in load_follow_ups(docs_dir / q["src"]):
            cards.append({"id": f"f:{q['slug']}:{_short_hash(item['question'])}", "deck": "follow-ups",
                          "front": item["question"], "back": item["answer"], "markdown": True,
                          "src": q["src"], "anchor": "follow-ups", "source": q["title"]})
    seen: dict[str, dict] = {}
    for card in cards:
        if card["id"] in seen:
            where = card["src"] or f"includes/{GLOSSARY}"
            raise PluginError(f"docs/{where}: the flashcard {card['front']!r} appears twice")
        seen[card["id"]] = card
    return cards


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def _plain_text(markdown_text: str) -> str:
    """Inline Markdown (a table cell, say) as plain text."""
    parser = _TextOnly()
    parser.feed(python_markdown.markdown(markdown_text))
    return " ".join("".join(parser.parts).split())


class _RewriteLinks(Treeprocessor):
    """Point a card's links, written relative to its source page, at the page that shows the card."""

    def __init__(self, md, source: str, link) -> None:
        super().__init__(md)
        self.source = source
        self.link = link

    def run(self, root):
        for a in root.iter("a"):
            href = a.get("href", "")
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = self.source
            if parts.path:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(self.source), parts.path))
            a.set("href", self.link(target, parts.fragment or None))


class _CardLinks(Extension):
    def __init__(self, source: str, link) -> None:
        super().__init__()
        self.source, self.link = source, link

    def extendMarkdown(self, md):
        md.treeprocessors.register(_RewriteLinks(md, self.source, self.link), "card-links", 0)


def _cards() -> list[dict]:
    """The flashcards' sources, read on first use in a build."""
    if _state.get("cards") is None:
        _state["cards"] = load_flashcard_sources(_state["root"], _state["docs_dir"], _state["questions"])
    return _state["cards"]


def render_cards(link) -> list[dict]:
    """The cards as the flashcards page needs them: front as text, back as HTML.
    `link(src, anchor)` turns a docs-relative source path into an href."""
    out = []
    for card in _cards():
        if card["markdown"]:
            back = python_markdown.markdown(
                card["back"], extensions=["tables", "sane_lists", _CardLinks(card["src"], link)])
        else:
            back = f"<p>{html.escape(card['back'])}</p>"
        out.append({
            "id": card["id"], "deck": card["deck"], "front": _plain_text(card["front"]), "back": back,
            "source": card["source"], "href": link(card["src"], card["anchor"]) if card["src"] else None,
        })
    return out


def anki_deck(site_url: str) -> str:
    """The cards as an Anki import file: tab-separated, HTML fields, one tag per deck."""
    def link(target: str, anchor: str | None) -> str:
        return _page_url(target, site_url) + (f"#{anchor}" if anchor else "")

    buffer = io.StringIO()
    buffer.write("#separator:tab\n#html:true\n#notetype:Basic\n#deck:ML System Design Interviews\n"
                 "#tags column:3\n")
    writer = csv.writer(buffer, delimiter="\t", quoting=csv.QUOTE_ALL, lineterminator="\n")
    for card in render_cards(link):
        back = " ".join(card["back"].split())
        if card["href"]:
            back += f' <p><a href="{html.escape(card["href"])}">{html.escape(card["source"])}</a></p>'
        writer.writerow([html.escape(card["front"]), back, f"mlsd::{card['deck']}"])
    return buffer.getvalue()


def _page_url(target: str, base: str) -> str:
    """The URL of the docs page `target` (a .md path) under `base`."""
    file = _state["files"].get_file_from_path(target)
    if file is None:
        raise PluginError(f"docs/{target}: linked from a generated page but does not exist")
    return base.rstrip("/") + "/" + file.url if base else file.url


# ---------------------------------------------------------------------------
# Renderers: each returns Markdown for the page at `src` (a docs-relative path)


def _relative(target: str, src: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src) or ".")


def render_clear_phases(src: str, compact: bool = False) -> str:
    rows = [
        '<div class="clear-phases" data-table="clear-phases" markdown>',
        "",
        "| Letter | Phase | Minutes |" + ("" if compact else " What happens |"),
        "|---|---|---|" + ("" if compact else "---|"),
    ]
    for p in _state["phases"]:
        rows.append(
            f"| **{p['letter']}** | {p['name']} | {p['start']}–{p['end']} |"
            + ("" if compact else f" {p['summary'].strip()} |")
        )
    rows += ["", "</div>"]
    return "\n".join(rows)


def render_plan_weeks(src: str) -> str:
    out = []
    for w, week in enumerate(_state["plan"]["weeks"], 1):
        out += [
            f"### {week['title']} {{ #week-{w} }}",
            "",
            f'<div class="study-plan" data-table="study-plan" data-week="{w}" markdown>',
            "",
            "| Day | Focus | Read |",
            "|---|---|---|",
        ]
        for d, day in enumerate(week["days"], 1):
            links = [
                f"[{item['label']}]({_relative(item['path'], src)})"
                for item in day["read"]
                if item["path"] in _state["docs"]
            ]
            read = " · ".join(links) if links else "—"
            out.append(f"| {d} | {day['focus']} | {read} |")
        out += ["", "</div>", ""]
    return "\n".join(out)


def render_questions_index(src: str) -> str:
    out = [
        '<div class="question-bank" data-table="question-bank" markdown>',
        "",
        "| # | Question | Category | Difficulty | Companies (published systems) |",
        "|---|---|---|---|---|",
    ]
    order = {c: i for i, c in enumerate(CATEGORIES)}
    questions = sorted(_state["questions"], key=lambda q: (order[q["category"]], q["title"]))
    for n, q in enumerate(questions, 1):
        link = _relative(q["src"], src)
        out.append(
            f"| {n} | [{q['title']}]({link}) | {q['category']} | {q['difficulty']} | {', '.join(q['companies'])} |"
        )
    out += ["", "</div>"]
    return "\n".join(out)


def _href(target: str, src: str, anchor: str | None = None) -> str:
    """A URL from the page `src` to the page `target`, for HTML that MkDocs does not rewrite."""
    files = _state["files"]
    here, there = files.get_file_from_path(src), files.get_file_from_path(target)
    if there is None:
        raise PluginError(f"docs/{src}: generated content links to docs/{target}, which does not exist")
    url = there.url_relative_to(here)
    return url + (f"#{anchor}" if anchor else "")


def render_clear_checklists(src: str) -> str:
    out = []
    for p in _state["phases"]:
        out += [f"**{p['letter']} — {p['name']}**", ""]
        out += [f"- {item.strip()}" for item in p["checklist"]]
        out.append("")
    return "\n".join(out)


def render_plan_list(src: str) -> str:
    out = ['<div class="plan-static" data-plan-static markdown>', ""]
    for week in _state["plan"]["weeks"]:
        out += [f"**{week['title']}**", ""]
        for d, day in enumerate(week["days"], 1):
            reads = [
                f"[{item['label']}]({_relative(item['path'], src)})" if item["path"] in _state["docs"]
                else item["label"]
                for item in day["read"]
            ]
            out.append(f"{d}. {day['focus']}. Read: {' · '.join(reads)}.")
        out.append("")
    out.append("</div>")
    return "\n".join(out)


def render_questions_list(src: str) -> str:
    out = ['<div class="question-list" markdown>', ""]
    for category in CATEGORIES:
        questions = sorted((q for q in _state["questions"] if q["category"] == category), key=lambda q: q["title"])
        if not questions:
            continue
        out += [f"**{category}** ({len(questions)})", ""]
        for q in questions:
            out.append(f"- [{q['title']}]({_relative(q['src'], src)}): {q['difficulty']}; "
                       f"{', '.join(q['companies'])}")
        out.append("")
    out.append("</div>")
    return "\n".join(out)


def render_flashcard_decks(src: str) -> str:
    cards = _cards()
    counts = {deck["id"]: 0 for deck in DECKS}
    for card in cards:
        counts[card["deck"]] += 1
    pages = len({c["src"] for c in cards if c["deck"] == "follow-ups"})
    more = f" (the [glossary]({_relative(GLOSSARY_PAGE, src)}) says more)" if GLOSSARY_PAGE in _state["docs"] else ""
    where = {
        "glossary": f"Every abbreviation the site explains when you hover over it: the term, then its meaning{more}.",
        "numbers": f"The [numbers worth remembering]({_relative(ESTIMATION, src)}#numbers) "
                   "of the estimation chapter: the quantity, then its value and basis.",
        "follow-ups": f"The follow-up questions of {pages} question pages, each with its strong short answer.",
    }
    out = ["| Deck | Cards | What is on them |", "|---|---|---|"]
    for deck in DECKS:
        out.append(f"| {deck['title']} | {counts[deck['id']]} | {where[deck['id']]} |")
    out.append(f"| **All decks** | **{len(cards)}** | |")
    return "\n".join(out)


def _json_data(name: str, data) -> str:
    """Data for a practice tool: JSON in an attribute of an empty, hidden element.
    Escaped for the attribute, it cannot close the element or open a tag, and
    having no text it stays out of the search index."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'<div class="practice-data" id="data-{name}" data-json="{html.escape(text, quote=True)}" hidden></div>'


def render_data_clear(src: str) -> str:
    keys = ("letter", "id", "name", "start", "end", "summary", "checklist")
    return _json_data("clear", {
        "round_minutes": _state["round_minutes"],
        "phases": [{k: (p[k].strip() if isinstance(p[k], str) else p[k]) for k in keys} for p in _state["phases"]],
        "dimensions": _state["dimensions"],
    })


def render_data_plan(src: str) -> str:
    weeks = []
    for w, week in enumerate(_state["plan"]["weeks"], 1):
        days = []
        for d, day in enumerate(week["days"], 1):
            day_id = f"w{w}d{d}"
            tasks = [{"id": f"{day_id}:focus", "text": day["focus"]}]
            for item in day["read"]:
                linked = item["path"] in _state["docs"]
                tasks.append({"id": f"{day_id}:read:{item['path']}", "read": item["label"],
                              "href": _href(item["path"], src) if linked else None})
            days.append({"id": day_id, "day": d, "focus": day["focus"], "tasks": tasks})
        weeks.append({"title": week["title"], "days": days})
    return _json_data("plan", {"weeks": weeks})


def render_data_questions(src: str) -> str:
    order = {c: i for i, c in enumerate(CATEGORIES)}
    questions = sorted(_state["questions"], key=lambda q: (order[q["category"]], q["title"]))
    return _json_data("questions", {
        "categories": CATEGORIES,
        "questions": [{"slug": q["slug"], "title": q["title"], "category": q["category"],
                       "difficulty": q["difficulty"], "companies": q["companies"],
                       "href": _href(q["src"], src)} for q in questions],
    })


def render_data_flashcards(src: str) -> str:
    return _json_data("flashcards", {
        "decks": DECKS,
        "cards": render_cards(lambda target, anchor: _href(target, src, anchor)),
    })


RENDERERS = {
    "clear:phases": render_clear_phases,
    "clear:phases-compact": lambda src: render_clear_phases(src, compact=True),
    "clear:checklists": render_clear_checklists,
    "plan:weeks": render_plan_weeks,
    "plan:list": render_plan_list,
    "questions:index": render_questions_index,
    "questions:list": render_questions_list,
    "flashcards:decks": render_flashcard_decks,
    "data:clear": render_data_clear,
    "data:plan": render_data_plan,
    "data:questions": render_data_questions,
    "data:flashcards": render_data_flashcards,
}


# ---------------------------------------------------------------------------
# MkDocs events


def on_config(config):
    _state["phases"] = check_clear(config["extra"].get("clear"))
    _state["round_minutes"] = config["extra"]["clear"]["round_minutes"]
    _state["dimensions"] = config["extra"].get("dimensions", [])
    root = Path(config["config_file_path"]).parent
    _state["root"] = root
    _state["plan"] = load_plan(root / "includes" / "study-plan.yml")
    return config


def on_files(files, config):
    _state["docs"] = {f.src_uri for f in files if f.src_uri.endswith(".md")}
    tags = set()
    for plugin in ("tags", "material/tags"):
        if plugin in config["plugins"]:
            tags = {getattr(t, "name", t) for t in (config["plugins"][plugin].config.tags_allowed or [])}
    _state["questions"] = load_questions(Path(config["docs_dir"]), _state["docs"], tags)
    _state["docs_dir"] = Path(config["docs_dir"])
    _state["cards"] = None
    _state["files"] = files
    if FLASHCARDS_PAGE in _state["docs"]:
        files.append(File.generated(config, ANKI_DECK, content=anki_deck(config["site_url"] or "")))
    return files


def on_nav(nav, config, files):
    # awesome-pages builds the navigation after MkDocs' own omitted-files check
    # has run, so a page a .pages file leaves out would slip through silently.
    # Hooks run after plugins: here the final navigation is known.
    in_nav = {page.file.src_uri for page in nav.pages}
    for file in files.documentation_pages():
        if file.src_uri not in in_nav and not file.inclusion.is_not_in_nav():
            log.warning(f"docs/{file.src_uri} is not in the navigation: add it to a .pages file")
    return nav


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    _state["files"] = files

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in RENDERERS:
            line = markdown.count("\n", 0, match.start()) + 1
            raise PluginError(f"docs/{src}:{line}: unknown generated-content marker <!-- {name} -->")
        return RENDERERS[name](src)

    return MARKER.sub(replace, markdown)


def on_post_build(config):
    # The practice tools read the phases from here: the same source as the pages.
    data = {
        "round_minutes": config["extra"]["clear"]["round_minutes"],
        "phases": [{k: p[k] for k in ("letter", "id", "name", "start", "end")} for p in _state["phases"]],
        "dimensions": config["extra"].get("dimensions", []),
    }
    out = Path(config["site_dir"]) / "assets" / "data"
    out.mkdir(parents=True, exist_ok=True)
    (out / "clear.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    # The question picker reads the bank from here: the pages' own front matter.
    bank = [{k: q[k] for k in ("slug", "title", "category", "difficulty", "companies")}
            for q in _state["questions"]]
    (out / "questions.json").write_text(json.dumps(bank, indent=1), encoding="utf-8")
