"""The practice tools in Chromium, used the way a reader uses them.

Each tool is a page under docs/practice/ with a script under
docs/assets/javascripts/tools/. Progress lives in localStorage under one key;
time is driven with Playwright's clock API, never with real waits.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

import pytest
from conftest import ROOT, PageWatch

pytestmark = pytest.mark.browser

KEY = "mlsd-practice"
TOOLS = {
    "practice/study-plan/": "tool-study-plan",
    "practice/mock-timer/": "tool-mock-timer",
    "practice/question-picker/": "tool-question-picker",
    "practice/self-score/": "tool-self-score",
    "practice/estimation-calculator/": "tool-estimation-calculator",
    "practice/flashcards/": "tool-flashcards",
}
PAGES = ["practice/", *TOOLS]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CLOCK_START = datetime(2026, 11, 24, 9, 0, 0)
CHAPTER = (ROOT / "docs" / "estimation" / "index.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# Helpers


def open_tool(watch: PageWatch, path: str):
    """Load a tool page and wait until its script has built the tool."""
    watch.goto(path)
    page = watch.page
    if path in TOOLS:
        page.wait_for_selector(f"#{TOOLS[path]}[data-ready]")
    else:
        page.wait_for_selector("[data-practice-backup][data-ready]")
    return page


def saved(page) -> dict | None:
    return page.evaluate(f"JSON.parse(localStorage.getItem({KEY!r}))")


def storage_keys(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage)")


def embedded(page, name: str):
    return page.evaluate(f"JSON.parse(document.getElementById('data-{name}').dataset.json)")


def status(page, root: str = ".practice-tool") -> str:
    return page.locator(f"{root} .practice-status").inner_text()


def accept_next_dialog(page) -> None:
    page.once("dialog", lambda dialog: dialog.accept())


def axe_violations(page) -> str:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return results.generate_report() if results.violations_count else ""


def no_problems(watch: PageWatch) -> None:
    assert watch.errors == [], "\n".join(watch.errors)
    assert watch.off_host_requests() == [], watch.off_host_requests()


def fresh_watch(browser, server) -> PageWatch:
    """A page in a new browser context: empty storage, like another browser."""
    return PageWatch(browser.new_context(viewport={"width": 1280, "height": 900}), server)


def score_session(page, slug: str, date: str, levels: list[int], notes: str = "") -> None:
    page.locator("#score-question").select_option(slug)
    page.locator("#score-date").fill(date)
    for fieldset, level in zip(page.locator("fieldset.score-dimension").all(), levels):
        fieldset.locator(f"input[value='{level}']").check()
    page.locator("#score-notes").fill(notes)
    page.get_by_role("button", name="Save this session").click()


# ---------------------------------------------------------------------------
# Study-plan tracker


def test_study_plan_lists_every_task_and_its_progress_survives_a_reload(watch):
    page = open_tool(watch, "practice/study-plan/")
    plan = embedded(page, "plan")
    days = [day for week in plan["weeks"] for day in week["days"]]
    total = sum(len(day["tasks"]) for day in days)
    assert len(days) == 14
    assert page.locator(".plan-tasks input[type=checkbox]").count() == total
    assert page.locator(".plan-check--day input[type=checkbox]").count() == 14
    # JavaScript replaces the plain list that readers without it get.
    assert page.locator("[data-plan-static]").is_hidden()

    first = days[0]["tasks"][0]
    page.get_by_label(first["text"], exact=True).check()
    page.locator(f"#plan-{days[1]['id']}").check()  # a day ticks all of its tasks
    done = 1 + len(days[1]["tasks"])
    percent = round(done / total * 100)
    expected = f"{percent}% · {done} of {total} tasks done · 1 of 14 days complete"
    assert page.locator("#plan-progress-text").inner_text() == expected
    assert page.locator("#plan-progress-bar").evaluate("b => [b.value, b.max]") == [done, total]
    assert sorted(saved(page)["plan"]["done"]) == sorted([first["id"]] + [t["id"] for t in days[1]["tasks"]])

    page.reload()
    page.wait_for_selector("#tool-study-plan[data-ready]")
    assert page.locator("#plan-progress-text").inner_text() == expected
    assert page.get_by_label(first["text"], exact=True).is_checked()
    day1 = page.locator(f"#plan-{days[0]['id']}")
    assert not day1.is_checked() and day1.evaluate("b => b.indeterminate"), "a half-done day is mixed"
    assert page.locator(f"#plan-{days[1]['id']}").is_checked()
    no_problems(watch)


def test_study_plan_links_the_pages_that_exist(watch, built_site):
    page = open_tool(watch, "practice/study-plan/")
    for task in (t for w in embedded(page, "plan")["weeks"] for d in w["days"] for t in d["tasks"]):
        if "read" not in task:
            continue
        label = page.locator(".plan-tasks label").filter(has_text=f"Read {task['read']}").first
        links = label.locator("a")
        if task["href"]:
            assert links.count() == 1 and links.inner_text() == task["read"]
            target = links.evaluate("a => new URL(a.href).pathname")
            assert (built_site / target.lstrip("/") / "index.html").is_file(), target
        else:
            assert links.count() == 0, f"{task['read']} is linked but its page does not exist"


def test_study_plan_reset_asks_first(watch):
    page = open_tool(watch, "practice/study-plan/")
    page.locator(".plan-tasks input").first.check()
    page.get_by_role("button", name="Reset the plan").click()  # the dialog is dismissed: no
    assert page.locator(".plan-tasks input").first.is_checked()
    assert "cancelled" in status(page)
    accept_next_dialog(page)
    page.get_by_role("button", name="Reset the plan").click()
    assert not page.locator(".plan-tasks input").first.is_checked()
    assert saved(page)["plan"]["done"] == []
    assert page.locator("#plan-progress-text").inner_text().startswith("0% · 0 of")
    no_problems(watch)


# ---------------------------------------------------------------------------
# Export, import and bad data


def test_export_then_import_in_a_fresh_browser_restores_everything(watch, browser, server, tmp_path):
    page = open_tool(watch, "practice/study-plan/")
    boxes = page.locator(".plan-tasks input")
    for i in (0, 3, 5):
        boxes.nth(i).check()
    page = open_tool(watch, "practice/self-score/")
    slug = embedded(page, "questions")["questions"][0]["slug"]
    score_session(page, slug, "2026-11-20", [3, 2, 4, 3, 2], notes="Spent too long on labels.")
    page = open_tool(watch, "practice/flashcards/")
    page.locator("#cards-missed").click()
    page = open_tool(watch, "practice/study-plan/")
    before = saved(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    assert re.fullmatch(r"mlsd-practice-\d{4}-\d\d-\d\d\.json", download.value.suggested_filename)
    file = tmp_path / download.value.suggested_filename
    download.value.save_as(file)
    assert json.loads(file.read_text(encoding="utf-8")) == before

    other = fresh_watch(browser, server)
    try:
        page2 = open_tool(other, "practice/study-plan/")
        assert saved(page2) is None
        page2.locator("#practice-import-file").set_input_files(file)
        page2.wait_for_function("document.querySelector('[data-practice-backup] .practice-status').textContent"
                                ".startsWith('Progress imported')")
        assert saved(page2) == before
        # The tracker redraws at once, without a reload.
        assert [page2.locator(".plan-tasks input").nth(i).is_checked() for i in (0, 1, 3, 5)] == [True, False, True, True]
        page2 = open_tool(other, "practice/self-score/")
        row = page2.locator("#score-history tbody tr")
        assert row.count() == 1 and "2026-11-20" in row.inner_text() and "Spent too long" in row.inner_text()
        page2 = open_tool(other, "practice/flashcards/")
        assert "Missed 1" in page2.locator("#cards-counts").inner_text()
        no_problems(other)
    finally:
        other.page.context.close()
    no_problems(watch)


def test_import_asks_before_replacing_saved_progress(watch, tmp_path):
    page = open_tool(watch, "practice/study-plan/")
    page.locator(".plan-tasks input").first.check()
    before = saved(page)
    other = dict(before, plan={"done": []})
    file = tmp_path / "other.json"
    file.write_text(json.dumps(other), encoding="utf-8")
    page.locator("#practice-import-file").set_input_files(file)  # dialog dismissed: keep mine
    page.wait_for_function("document.querySelector('[data-practice-backup] .practice-status').textContent"
                           ".includes('cancelled')")
    assert saved(page) == before
    accept_next_dialog(page)
    page.locator("#practice-import-file").set_input_files(file)
    page.wait_for_function("document.querySelector('[data-practice-backup] .practice-status').textContent"
                           ".startsWith('Progress imported')")
    assert saved(page)["plan"]["done"] == []
    assert not page.locator(".plan-tasks input").first.is_checked()


@pytest.mark.parametrize("name, content, reason", [
    ("not-json.json", "{this is not JSON", "not valid JSON"),
    ("wrong-shape.json", json.dumps({"version": 1, "plan": ["w1d1:focus"]}), "plan.done"),
    ("wrong-version.json", json.dumps({"version": 2, "plan": {"done": []}}), "format version 2"),
    ("bad-score.json", json.dumps({"version": 1, "plan": {"done": []},
                                   "timer": {"status": "idle", "accumulated": 0, "startedAt": None, "marks": [0]},
                                   "scores": [{"id": "x", "date": "yesterday"}], "cards": {"known": [], "missed": []}}),
     "date"),
])
def test_a_malformed_import_file_is_refused_and_changes_nothing(watch, tmp_path, name, content, reason):
    page = open_tool(watch, "practice/study-plan/")
    page.locator(".plan-tasks input").first.check()
    before = saved(page)
    file = tmp_path / name
    file.write_text(content, encoding="utf-8")
    page.locator("#practice-import-file").set_input_files(file)
    message = page.locator("[data-practice-backup] .practice-status")
    message.filter(has_text="Nothing was changed").wait_for()
    assert reason in message.inner_text()
    assert "practice-status--warning" in message.get_attribute("class")
    assert saved(page) == before
    assert page.locator(".plan-tasks input").first.is_checked()
    # The page still works.
    page.locator(".plan-tasks input").nth(1).check()
    assert len(saved(page)["plan"]["done"]) == 2
    no_problems(watch)


@pytest.mark.parametrize("raw", [
    "{not json",
    json.dumps({"version": 1, "plan": {"done": "all"}}),
    json.dumps({"version": 99, "plan": {"done": []}, "timer": {}, "scores": [], "cards": {}}),
    json.dumps([1, 2, 3]),
], ids=["unparsable", "wrong-shape", "unknown-version", "not-an-object"])
def test_corrupted_storage_is_copied_aside_and_the_tracker_starts_fresh(watch, raw):
    page = open_tool(watch, "practice/study-plan/")
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY, raw])
    page.reload()
    page.wait_for_selector("#tool-study-plan[data-ready]")
    message = status(page)
    assert "could not be read" in message and "start fresh" in message, message
    aside = [k for k in storage_keys(page) if k.startswith(KEY + ".corrupt-")]
    assert len(aside) == 1 and re.fullmatch(r"mlsd-practice\.corrupt-\d+", aside[0])
    assert page.evaluate("k => localStorage.getItem(k)", aside[0]) == raw, "the bad data was not kept"
    assert page.locator("#plan-progress-text").inner_text().startswith("0% · 0 of")
    page.locator(".plan-tasks input").first.check()
    assert len(saved(page)["plan"]["done"]) == 1
    page.reload()  # the copy is made once: no second message, no second copy
    page.wait_for_selector("#tool-study-plan[data-ready]")
    assert "could not be read" not in status(page)
    assert len([k for k in storage_keys(page) if k.startswith(KEY + ".corrupt-")]) == 1
    no_problems(watch)


@pytest.mark.parametrize("path", PAGES)
def test_every_tool_page_survives_corrupted_storage(watch, path):
    watch.goto("practice/")
    watch.page.evaluate("k => localStorage.setItem(k, '{\"version\": 1, \"timer\": 5')", KEY)
    page = open_tool(watch, path)
    where = ".practice-tool" if path in TOOLS else "[data-practice-backup]"
    assert "could not be read" in status(page, where)
    assert [k for k in storage_keys(page) if k.startswith(KEY + ".corrupt-")]
    no_problems(watch)


# ---------------------------------------------------------------------------
# Mock timer


def install_paused_clock(watch: PageWatch) -> None:
    """Fake time from a fixed moment; after the page loads, time moves only when a test moves it."""
    watch.page.clock.install(time=CLOCK_START)


def pause_clock(page) -> None:
    page.clock.pause_at(CLOCK_START + timedelta(seconds=5))


def timer_text(page) -> tuple[str, str, str]:
    return (page.locator("#timer-phase-name").inner_text(), page.locator("#timer-phase-left").inner_text(),
            page.locator("#timer-round-left").inner_text())


def test_timer_moves_through_the_phases_and_shows_an_overrun(watch):
    install_paused_clock(watch)
    page = open_tool(watch, "practice/mock-timer/")
    pause_clock(page)
    phases = embedded(page, "clear")["phases"]
    assert [p["letter"] for p in phases] == list("CLEAR")
    c, l, e = phases[0], phases[1], phases[2]
    assert timer_text(page) == (f"C — {c['name']}", f"{c['end']}:00", "45:00")
    assert page.locator("#timer-checklist li").all_inner_texts() == c["checklist"]
    assert page.locator("#timer-next").is_disabled()

    page.get_by_role("button", name="Start").click()
    page.clock.run_for("06:00")
    assert timer_text(page) == (f"C — {c['name']}", f"{c['end'] - 6}:00", "39:00")
    assert page.locator("#timer-cue").is_hidden()

    # Past the end of Clarify without moving on: the gentle cue, in text as well as colour.
    page.clock.run_for((c["end"] - 6 + 1) * 60_000)
    assert page.locator("#timer-phase-left").inner_text() == "0:00 (over by 1:00)"
    assert page.locator("#timer-cue").is_visible()
    assert "Over budget" in page.locator("#timer-cue").inner_text()
    assert "timer--overrun" in page.locator("#tool-mock-timer").get_attribute("class")
    assert "over its budget" in status(page)

    page.get_by_role("button", name="Next phase").click()
    minute = c["end"] + 1
    assert timer_text(page) == (f"L — {l['name']}", f"{l['end'] - minute}:00", f"{45 - minute}:00")
    assert page.locator("#timer-cue").is_hidden()
    assert page.locator("#timer-checklist li").all_inner_texts() == l["checklist"]
    assert "Now in L" in status(page)
    assert page.locator(".timer-phases__item--now").inner_text().startswith("L")

    # Paused time does not count.
    page.get_by_role("button", name="Pause").click()
    page.clock.run_for("10:00")
    assert timer_text(page)[2] == f"{45 - minute}:00"
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for("02:00")
    page.get_by_role("button", name="Next phase").click()
    assert timer_text(page)[0] == f"E — {e['name']}"
    rows = page.locator("#timer-splits tbody tr")
    assert rows.nth(0).locator("td").last.inner_text() == f"{c['end'] + 1}:00 (over)"
    assert rows.nth(1).locator("td").last.inner_text() == "2:00"

    # The round ends at 45 minutes and the clock stops there.
    page.clock.fast_forward("01:00:00")
    assert timer_text(page)[2] == "0:00"
    assert "Time is up" in status(page)
    assert page.locator("#timer-primary").is_disabled()
    assert saved(page)["timer"]["status"] == "finished"
    no_problems(watch)


def test_timer_is_right_after_the_tab_sleeps_or_reloads(watch):
    """It computes from stored timestamps, so a jump in time or a reload loses nothing."""
    install_paused_clock(watch)
    page = open_tool(watch, "practice/mock-timer/")
    pause_clock(page)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for("03:00")
    page.get_by_role("button", name="Next phase").click()
    # A laptop lid closed for 20 minutes: timers do not run meanwhile.
    page.clock.fast_forward("20:00")
    assert timer_text(page)[2] == "22:00"
    page.reload()
    page.wait_for_selector("#tool-mock-timer[data-ready]")
    name, phase_left, round_left = timer_text(page)
    assert name.startswith("L — ") and round_left == "22:00"
    assert phase_left.startswith("0:00 (over by")
    assert page.locator("#timer-primary").inner_text() == "Pause", "a running round keeps running"
    timer = saved(page)["timer"]
    assert timer["status"] == "running" and timer["marks"] == [0, 180_000]

    accept_next_dialog(page)
    page.get_by_role("button", name="Reset").click()
    assert timer_text(page)[2] == "45:00"
    assert saved(page)["timer"]["status"] == "idle"
    no_problems(watch)


# ---------------------------------------------------------------------------
# Question picker


def test_question_picker_respects_its_filters(watch, built_site):
    page = open_tool(watch, "practice/question-picker/")
    bank = embedded(page, "questions")["questions"]
    assert len(bank) >= 7
    assert page.locator("#picker-count").inner_text() == f"{len(bank)} questions match."

    category = "Search"
    page.locator("#picker-category").select_option(category)
    expected = [q for q in bank if q["category"] == category]
    assert page.locator("#picker-count").inner_text() == f"{len(expected)} questions match."
    seen = set()
    for _ in range(12):
        page.get_by_role("button", name="Pick a random question").click()
        title = page.locator("#picker-title").inner_text()
        seen.add(title)
        question = next(q for q in bank if q["title"] == title)
        assert question["category"] == category
        assert category in page.locator("#picker-result").inner_text()
        assert question["difficulty"] in page.locator("#picker-result").inner_text()
        href = page.locator("#picker-title").evaluate("a => new URL(a.href).pathname")
        assert (built_site / href.lstrip("/") / "index.html").is_file(), href
    assert len(seen) > 1, "the picker keeps returning the same question"

    companies = sorted({c for q in bank for c in q["companies"]})
    company = max(companies, key=lambda c: sum(c in q["companies"] for q in bank))
    page.locator("#picker-category").select_option("")
    page.locator("#picker-company").select_option(company)
    for _ in range(8):
        page.get_by_role("button", name="Pick a random question").click()
        title = page.locator("#picker-title").inner_text()
        assert company in next(q for q in bank if q["title"] == title)["companies"]

    # A combination nothing matches says so clearly.
    empty = next((cat, co) for cat in {q["category"] for q in bank} for co in companies
                 if not any(q["category"] == cat and co in q["companies"] for q in bank))
    page.locator("#picker-category").select_option(empty[0])
    page.locator("#picker-company").select_option(empty[1])
    assert page.locator("#picker-count").inner_text() == "0 questions match."
    assert page.locator("#picker-result").is_hidden()
    page.get_by_role("button", name="Pick a random question").click()
    assert status(page).startswith("No question matches")
    assert empty[0] in status(page) and empty[1] in status(page)
    no_problems(watch)


# ---------------------------------------------------------------------------
# Self-scoring


def test_self_score_keeps_a_history_newest_first_with_delete(watch):
    page = open_tool(watch, "practice/self-score/")
    dimensions = embedded(page, "clear")["dimensions"]
    bank = embedded(page, "questions")["questions"]
    assert page.locator("fieldset.score-dimension legend").all_inner_texts() == dimensions
    assert page.locator("#score-empty").is_visible() and page.locator("#score-history").is_hidden()
    # Every level carries the rubric's description for that dimension.
    label = page.locator(f"label[for='score-{dimensions[0].lower().replace(' ', '-')}-1']").inner_text()
    assert label.startswith("1 · No hire") and len(label) > 40

    # An incomplete form is not saved and says what is missing.
    page.get_by_role("button", name="Save this session").click()
    assert "Not saved yet" in status(page) and "the question" in status(page)
    assert saved(page) is None or saved(page)["scores"] == []

    score_session(page, bank[0]["slug"], "2026-11-18", [2, 2, 3, 2, 3])
    assert status(page).startswith("Saved:")
    score_session(page, bank[1]["slug"], "2026-11-21", [3, 3, 3, 4, 4])
    score_session(page, bank[2]["slug"], "2026-11-19", [1, 2, 2, 2, 2])
    rows = page.locator("#score-history tbody tr")
    assert [r.locator("td").first.inner_text() for r in rows.all()] == ["2026-11-21", "2026-11-19", "2026-11-18"]
    assert bank[1]["title"] in rows.first.inner_text()
    assert rows.first.locator("td").nth(len(dimensions) + 2).inner_text() == "3.4"
    headers = page.locator("#score-history thead th").all_inner_texts()
    assert headers[2:2 + len(dimensions)] == dimensions

    page.reload()
    page.wait_for_selector("#tool-self-score[data-ready]")
    assert page.locator("#score-history tbody tr").count() == 3

    page.get_by_role("button", name="Delete the session of 2026-11-19").click()  # dismissed
    assert page.locator("#score-history tbody tr").count() == 3
    accept_next_dialog(page)
    page.get_by_role("button", name="Delete the session of 2026-11-19").click()
    assert [r.locator("td").first.inner_text() for r in page.locator("#score-history tbody tr").all()] == [
        "2026-11-21", "2026-11-18"]
    assert [s["date"] for s in saved(page)["scores"]] == ["2026-11-18", "2026-11-21"]
    no_problems(watch)


# ---------------------------------------------------------------------------
# Estimation calculator

# (chapter anchor, inputs, [(output, value, the chapter's own calculation ending in that value)])
WORKED_EXAMPLES = [
    ("example-eta",
     {"calc-dau": "20M", "calc-per-user": "50", "calc-peak-factor": "3",
      "calc-per-replica": "1,000", "calc-utilisation": "60", "calc-zones": "3", "calc-latency": "10"},
     [("out-per-day", 1e9, "20M × 50 = 1B predictions a day"),
      ("out-average", 11_600, "1B ÷ 86,400 s ≈ 11,600 QPS"),
      ("out-peak", 34_800, "11,600 × 3 = 34,800 QPS at peak"),
      ("out-at-full", 35, "34,800 ÷ 1,000 ≈ 34.8, so 35 replicas"),
      ("out-at-target", 58, "34,800 ÷ (1,000 × 60%) = 58 replicas"),
      ("out-across-zones", 87, "58 × 3 ÷ 2 = 87 replicas"),
      ("out-in-flight", 348, "34,800 × 0.01 s = 348 concurrent requests")]),
    ("example-ann",
     {"calc-rows": "1B", "calc-dims": "256", "calc-pq-bytes": "64", "calc-id-bytes": "8",
      "calc-links": "32", "calc-link-bytes": "4", "calc-host-gb": "128"},
     [("out-fp32", 1_024e9, "1B × 256 × 4 bytes = 1,024 GB"),
      ("out-fp16", 512e9, "1B × 256 × 2 bytes = 512 GB"),
      ("out-pq", 64e9, "1B × 64 bytes = 64 GB"),
      ("out-ivfpq", 72e9, "64 + 8 = 72 GB"),
      ("out-hnsw-links", 128e9, "1B × 128 bytes = 128 GB"),
      ("out-hnsw-fp16", 640e9, "512 + 128 = 640 GB"),
      ("out-hnsw-fp16-hosts", 5, "640 ÷ 128 = 5 shards")]),
    ("qps",
     {"calc-dau": "50M", "calc-per-user": "8", "calc-peak-factor": "3", "calc-fan-out": "20"},
     [("out-per-day", 400e6, "50M × 8 = 400M searches a day"),
      ("out-average", 4_630, "400M ÷ 86,400 s ≈ 4,630 QPS"),
      ("out-peak", 13_900, "4,630 × 3 ≈ 13,900 QPS at peak"),
      ("out-backend", 278_000, "13,900 × 20 = 278,000 shard queries per second")]),
    ("serving",
     {"calc-dau": "50M", "calc-per-user": "8", "calc-peak-factor": "3",
      "calc-per-replica": "400", "calc-utilisation": "70", "calc-zones": "3"},
     [("out-at-full", 35, "13,900 ÷ 400 ≈ 34.8, so 35 replicas"),
      ("out-at-target", 50, "13,900 ÷ (400 × 70%) ≈ 49.6, so 50 replicas"),
      ("out-across-zones", 75, "50 × 3 ÷ 2 = 75 replicas")]),
    ("example-feed",
     {"calc-dau": "500M", "calc-per-user": "15", "calc-peak-factor": "2"},
     [("out-per-day", 7.5e9, "500M × 15 = 7.5B feed requests a day"),
      ("out-average", 86_800, "7.5B ÷ 86,400 s ≈ 86,800 QPS"),
      ("out-peak", 174_000, "86,800 × 2 ≈ 174K QPS at peak")]),
    ("storage",
     {"calc-records": "2B", "calc-record-bytes": "500", "calc-days": "90", "calc-copies": "3",
      "calc-rows": "100M", "calc-dims": "64"},
     [("out-daily", 1e12, "2B × 500 bytes = 1 TB a day"),
      ("out-retained", 90e12, "1 TB × 90 = 90 TB"),
      ("out-replicated", 270e12, "90 TB × 3 = 270 TB"),
      ("out-fp32", 25.6e9, "100M × 64 × 4 bytes = 25.6 GB"),
      ("out-adam", 76.8e9, "3 × 25.6 GB = 76.8 GB")]),
    ("example-rag",
     {"calc-rows": "50M", "calc-dims": "1,024", "calc-links": "32", "calc-link-bytes": "4"},
     [("out-fp32", 204.8e9, "50M × 1,024 × 4 bytes = 204.8 GB"),
      ("out-fp16", 102.4e9, "50M × 1,024 × 2 bytes = 102.4 GB"),
      ("out-hnsw-links", 6.4e9, "50M × 128 bytes = 6.4 GB")]),
]


def chapter_section(anchor: str) -> str:
    """The chapter's text from the heading with `anchor` to the next heading of the same level or higher."""
    lines = CHAPTER.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("#") and f"{{ #{anchor} }}" in line)
    level = len(lines[start]) - len(lines[start].lstrip("#"))
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].startswith("#") and len(lines[i]) - len(lines[i].lstrip("#")) <= level), len(lines))
    return "\n".join(lines[start:end])


@pytest.mark.parametrize("anchor, inputs, expected", WORKED_EXAMPLES, ids=[e[0] for e in WORKED_EXAMPLES])
def test_calculator_reproduces_the_chapters_worked_example(watch, anchor, inputs, expected):
    # The figures are the chapter's own: each calculation is in its text, so they cannot drift apart.
    text = " ".join(chapter_section(anchor).split())
    for _, value, calculation in expected:
        assert calculation in text, f"#{anchor} no longer says {calculation!r}"
    page = open_tool(watch, "practice/estimation-calculator/")
    for field, value in inputs.items():
        page.locator(f"#{field}").fill(value)
    for output, value, calculation in expected:
        shown = float(page.locator(f"#{output}").get_attribute("data-value"))
        assert shown == pytest.approx(value, rel=1e-9), f"{output}: {shown} for {calculation}"
    no_problems(watch)


def test_calculator_defaults_are_the_chapters_examples_and_it_shows_its_working(watch):
    page = open_tool(watch, "practice/estimation-calculator/")
    assert page.locator("#out-peak").inner_text() == "34,800 QPS"
    assert page.locator("#out-across-zones").inner_text() == "87"
    assert page.locator("#out-fp32").inner_text() == "1,024 GB"
    assert page.locator("#out-replicated").inner_text() == "270 TB"
    working = page.locator("#out-average").locator("xpath=../following-sibling::td").inner_text()
    assert working == "1B ÷ 86,400 s ≈ 11,574 QPS, rounded to 11,600"
    # Without the chapter's step rounding, the exact figures.
    page.get_by_label("Round QPS to three significant figures").uncheck()
    assert float(page.locator("#out-peak").get_attribute("data-value")) == pytest.approx(1e9 / 86_400 * 3)
    # A bad input is marked and explained; the other sections keep working.
    page.locator("#calc-dau").fill("lots")
    assert page.locator("#calc-dau").get_attribute("aria-invalid") == "true"
    assert "Daily active users" in status(page)
    assert page.locator("#out-peak").inner_text() == "—"
    assert page.locator("#out-fp32").inner_text() == "1,024 GB"
    page.locator("#calc-dau").fill("20M")
    assert page.locator("#calc-dau").get_attribute("aria-invalid") is None
    assert status(page) == ""
    no_problems(watch)


def test_estimate_js_is_pure_functions_with_the_chapters_rounding(watch):
    page = open_tool(watch, "practice/estimation-calculator/")
    result = page.evaluate("Estimate.traffic(2e9, 1, 2, 1, false)")
    assert result["average"] == pytest.approx(2e9 / 86_400)
    assert page.evaluate("Estimate.roundSig(11574.07, 3)") == 11_600
    assert page.evaluate("Estimate.replicas(30000, 250, 0.65, 3, 0.05)")["acrossZones"] == 278  # drill 5
    assert "185 × 3 ÷ 2 = 277.5, so 278 replicas" in CHAPTER


# ---------------------------------------------------------------------------
# Flashcards


def test_flashcards_flip_mark_and_review_only_the_missed_ones(watch):
    page = open_tool(watch, "practice/flashcards/")
    deck = embedded(page, "flashcards")
    by_front = {c["front"]: c for c in deck["cards"]}
    total = len(deck["cards"])
    assert f"Not yet reviewed {total}" in page.locator("#cards-counts").inner_text()

    back = page.locator("#cards-back")
    assert back.is_hidden() and page.locator("#cards-flip").get_attribute("aria-expanded") == "false"
    page.get_by_role("button", name="Show answer").click()
    assert back.is_visible() and page.locator("#cards-flip").get_attribute("aria-expanded") == "true"
    front = page.locator("#cards-front").inner_text()
    assert back.inner_text().strip(), "the back of the card is empty"
    page.get_by_role("button", name="Hide answer").click()
    assert back.is_hidden()

    missed = []
    for verdict in ("missed", "known", "missed", "known", "missed"):
        front = page.locator("#cards-front").inner_text()
        assert front in by_front
        if verdict == "missed":
            missed.append(front)
        page.locator(f"#cards-{verdict}").click()
    assert f"Known 2 · Missed 3 · Not yet reviewed {total - 5}" in page.locator("#cards-counts").inner_text()

    page.get_by_label("Only cards I missed (3)").check()
    shown = []
    while not page.locator("#cards-known").is_disabled():
        shown.append(page.locator("#cards-front").inner_text())
        page.locator("#cards-known" if len(shown) == 1 else "#cards-missed").click()
    assert sorted(shown) == sorted(missed), "review mode showed a card that was not missed"
    assert page.locator("#cards-position").inner_text() == "Round complete"
    assert "Known 3 · Missed 2" in page.locator("#cards-counts").inner_text()

    page.reload()
    page.wait_for_selector("#tool-flashcards[data-ready]")
    assert "Known 3 · Missed 2" in page.locator("#cards-counts").inner_text()
    assert sorted(saved(page)["cards"]["missed"]) == sorted(by_front[f]["id"] for f in shown[1:])
    no_problems(watch)


def test_flashcard_decks_filter_the_cards(watch):
    page = open_tool(watch, "practice/flashcards/")
    cards = embedded(page, "flashcards")["cards"]
    glossary = {c["front"] for c in cards if c["deck"] == "glossary"}
    page.locator("#cards-deck").select_option("glossary")
    assert f"{len(glossary)} cards in this deck" in page.locator("#cards-counts").inner_text()
    for _ in range(5):
        assert page.locator("#cards-front").inner_text() in glossary
        page.locator("#cards-known").click()
    page.locator("#cards-deck").select_option("follow-ups")
    page.get_by_role("button", name="Show answer").click()
    link = page.locator("#cards-back .flashcard__link a")
    assert link.count() == 1 and "#follow-ups" in link.get_attribute("href")
    no_problems(watch)


# ---------------------------------------------------------------------------
# Every page: accessibility, instant navigation, no requests elsewhere


def busy(page, path: str) -> None:
    """Put a tool in a state with more of its interface on screen."""
    if path == "practice/study-plan/":
        page.locator(".plan-tasks input").first.check()
    elif path == "practice/mock-timer/":
        page.get_by_role("button", name="Start").click()
        page.clock.run_for("08:00")
    elif path == "practice/question-picker/":
        page.get_by_role("button", name="Pick a random question").click()
    elif path == "practice/self-score/":
        slug = embedded(page, "questions")["questions"][0]["slug"]
        score_session(page, slug, "2026-11-20", [3, 3, 3, 3, 3], notes="Fine.")
    elif path == "practice/estimation-calculator/":
        page.locator("#calc-dau").fill("oops")
    elif path == "practice/flashcards/":
        page.get_by_role("button", name="Show answer").click()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(watch, path, scheme):
    watch.page.emulate_media(color_scheme=scheme)
    watch.page.clock.install()
    page = open_tool(watch, path)
    assert axe_violations(page) == "", f"{path} as loaded"
    if path in TOOLS:
        busy(page, path)
        assert axe_violations(page) == "", f"{path} in use"
    no_problems(watch)


def test_every_control_has_a_label(watch):
    for path in PAGES:
        page = open_tool(watch, path)
        if path != "practice/mock-timer/":  # the timer's busy state needs the clock API
            busy(page, path)
        unlabelled = page.evaluate("""() => [...document.querySelectorAll(
            '.practice-tool :is(input, select, textarea, button), [data-practice-backup] :is(input, button)')]
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
            .map(e => e.outerHTML)""")
        assert unlabelled == [], f"{path}: {unlabelled}"


def test_tools_work_from_the_keyboard(watch):
    page = open_tool(watch, "practice/flashcards/")
    page.locator("#cards-flip").focus()
    page.keyboard.press("Enter")
    assert page.locator("#cards-back").is_visible()
    page = open_tool(watch, "practice/study-plan/")
    page.locator(".plan-tasks input").first.focus()
    page.keyboard.press("Space")
    assert len(saved(page)["plan"]["done"]) == 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.plan-tasks') !== null")


def test_instant_navigation_starts_each_tool_once(watch):
    """Material swaps pages without reloading scripts: a tool must start on arrival, once."""
    watch.goto("practice/")
    page = watch.page
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    for path, root in [("practice/study-plan/", "tool-study-plan"), ("practice/mock-timer/", "tool-mock-timer"),
                       ("practice/", None), ("practice/study-plan/", "tool-study-plan")]:
        page.evaluate("t => { const a = document.createElement('a'); a.href = t;"
                      " document.querySelector('article').appendChild(a); a.click(); }", watch.base + path)
        page.wait_for_url(watch.base + path)
        if root:
            page.wait_for_selector(f"#{root}[data-ready]")
            assert page.locator(f"#{root} > .practice-status").count() == 1, "the tool was built twice"
        else:
            page.wait_for_selector("[data-practice-backup][data-ready]")
        widgets = page.locator("[data-practice-backup]").count()
        assert page.locator("[data-practice-backup] .practice-backup").count() == widgets, "a widget built twice"
    assert page.evaluate("window.__sameDocument") is True, "navigation was not instant"
    page.locator(".plan-tasks input").first.check()
    assert len(saved(page)["plan"]["done"]) == 1
    no_problems(watch)


def test_tool_pages_read_well_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        checks = {
            "practice/study-plan/": "[data-plan-static] ol li",
            "practice/mock-timer/": "[data-table=clear-phases] tbody tr",
            "practice/question-picker/": ".question-list li a",
            "practice/self-score/": "[data-rubric] tbody tr",
            "practice/estimation-calculator/": "#formulas ~ ul li",
            "practice/flashcards/": "#decks ~ .md-typeset__scrollwrap tbody tr, #decks ~ table tbody tr",
        }
        for path, selector in checks.items():
            page.goto(server + path)
            assert page.locator(selector).count() >= 3, f"{path}: no static content ({selector})"
            assert re.search(r"needs? JavaScript", page.locator("article").inner_text()), path
    finally:
        context.close()


def test_a_printed_tool_page_shows_its_plain_content(watch):
    page = open_tool(watch, "practice/study-plan/")
    page.emulate_media(media="print")
    assert page.locator("#tool-study-plan").is_hidden()
    assert page.locator("[data-plan-static]").is_visible()
    assert page.locator("[data-practice-backup]").is_hidden()


def test_the_whole_book_page_keeps_the_tools_static(watch, built_site):
    if not (built_site / "print_page" / "index.html").is_file():
        pytest.skip("the site has no whole-book page")
    watch.goto("print_page/")
    page = watch.page
    page.wait_for_load_state("networkidle")
    assert page.locator(".practice-tool").count() == len(TOOLS)
    assert page.locator(".practice-tool[data-ready], [data-practice-backup][data-ready]").count() == 0
    assert page.locator(".print-page [data-plan-static]").is_visible()
    no_problems(watch)
