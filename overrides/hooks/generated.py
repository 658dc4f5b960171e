"""Build hook: content generated from the project's single sources of truth.

A Markdown page asks for generated content with a marker on a line of its own:

    <!-- clear:phases -->      the CLEAR phase table (from mkdocs.yml extra.clear)
    <!-- clear:phases-compact -->  the same without the summaries (for print)
    <!-- plan:weeks -->        the 2-week study plan (from includes/study-plan.yml)
    <!-- questions:index -->   the question bank's table (from each question page's front matter)

An unknown marker, or a source that breaks its rules, fails the build with a
message naming the file and line: a typo never ships silently.
"""

from __future__ import annotations

import json
import logging
import posixpath
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.generated")

MARKER = re.compile(r"^[ \t]*<!--[ \t]*([a-z]+:[a-z-]+)[ \t]*-->[ \t]*$", re.M)
# Clarify's budget must sit within the brief's "5-8 minutes of scoping".
CLARIFY_MINUTES = (5, 8)
QUESTIONS_DIR = "questions/"
CATEGORIES = ["Recommendation/ranking", "Search", "Prediction", "Classification", "Embedding/similarity"]
DIFFICULTIES = ["medium", "hard"]
DAYS_PER_WEEK = 7
WEEKS = 2

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


RENDERERS = {
    "clear:phases": render_clear_phases,
    "clear:phases-compact": lambda src: render_clear_phases(src, compact=True),
    "plan:weeks": render_plan_weeks,
    "questions:index": render_questions_index,
}


# ---------------------------------------------------------------------------
# MkDocs events


def on_config(config):
    _state["phases"] = check_clear(config["extra"].get("clear"))
    root = Path(config["config_file_path"]).parent
    _state["plan"] = load_plan(root / "includes" / "study-plan.yml")
    return config


def on_files(files, config):
    _state["docs"] = {f.src_uri for f in files if f.src_uri.endswith(".md")}
    tags = set()
    for plugin in ("tags", "material/tags"):
        if plugin in config["plugins"]:
            tags = {getattr(t, "name", t) for t in (config["plugins"][plugin].config.tags_allowed or [])}
    _state["questions"] = load_questions(Path(config["docs_dir"]), _state["docs"], tags)
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
