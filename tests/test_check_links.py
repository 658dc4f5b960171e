"""scripts/check_links.py: proven on broken fixture sites, then run on the real one."""

from __future__ import annotations

import re

import pytest
from checkers import assert_clean_failure, run_script
from conftest import SITE_URL

LINE = re.compile(r"^[^:]+:\d+: .+")


def write(site, files: dict[str, str | bytes]):
    for name, body in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")
    return site


GOOD = {
    "index.html": '<html><body><h2 id="top">Top</h2>\n<a href="guide/">Guide</a>\n'
                  '<a href="guide/#part-two">Part two</a>\n<a href="#top">up</a>\n'
                  '<img src="img/logo.svg" alt="logo">\n<a href="https://example.org/paper">paper</a>\n'
                  '<a href="mailto:someone@example.org">mail</a></body></html>',
    "guide/index.html": '<html><body><h2 id="part-two">Two</h2><a href="../">home</a>'
                        '<link rel="canonical" href="https://example.org/guide/"></body></html>',
    "img/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    "style.css": "body { background: url('img/logo.svg'); }",
}


def test_a_good_fixture_site_passes(tmp_path):
    result = run_script("check_links.py", write(tmp_path, GOOD), "--list-external")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "external: https://example.org/paper" in result.stdout


@pytest.mark.parametrize("name, html, expected", [
    ("dead link", '<a href="missing/">x</a>', "broken link: missing/"),
    ("dead raw-HTML asset", '<p>ok</p>\n<img src="img/nope.png" alt="">', "broken link: img/nope.png"),
    ("broken anchor", '<a href="guide/#no-such-part">x</a>', "broken anchor: guide/#no-such-part"),
    ("broken same-page anchor", '<a href="#nowhere">x</a>', "broken anchor: #nowhere"),
    ("off-host script", '<script src="https://cdn.example.com/lib.js"></script>', "loads an asset from another host"),
    ("off-host stylesheet", '<link rel="stylesheet" href="https://fonts.example.com/css">', "loads an asset from another host"),
    ("link escaping the site", '<a href="../../etc/passwd">x</a>', "points outside the site"),
])
def test_each_broken_link_is_one_clear_line(tmp_path, name, html, expected):
    site = write(tmp_path, {**GOOD, "broken.html": f"<html><body>\n{html}\n</body></html>"})
    result = run_script("check_links.py", site)
    lines = assert_clean_failure(result, expected, "broken.html:")
    assert len(lines) == 1 and LINE.match(lines[0]), lines
    assert lines[0].split(":")[1] in ("2", "3")  # the line of the offending tag


def test_off_host_url_in_css_fails(tmp_path):
    site = write(tmp_path, {**GOOD, "style.css": "\n@import 'https://fonts.example.com/x.css';"})
    assert_clean_failure(run_script("check_links.py", site), "style.css:2: stylesheet loads from another host")


def test_unparsable_file_is_reported_not_raised(tmp_path):
    site = write(tmp_path, {**GOOD, "bad.html": b"<html>\n\xff\xfe not utf-8"})
    assert_clean_failure(run_script("check_links.py", site), "bad.html:2: cannot parse: not valid UTF-8")


def test_missing_site_directory_is_one_line_and_exit_2(tmp_path):
    result = run_script("check_links.py", tmp_path / "nowhere")
    assert_clean_failure(result, "nowhere: site directory does not exist")
    assert result.returncode == 2


def test_loose_anchor_pages_still_need_their_files(tmp_path):
    site = write(tmp_path, {**GOOD, "book/index.html": '<a href="../guide/#gone">x</a>\n<a href="../nope/">y</a>'})
    result = run_script("check_links.py", site, "--loose-anchors", "book/index.html")
    lines = assert_clean_failure(result, "book/index.html:2: broken link: ../nope/")
    assert len(lines) == 1, lines


# The whole-book page (mkdocs-print-site-plugin) renames every heading id with a
# page prefix and leaves a few TOC and code-line anchors pointing at ids it did not
# create: those links still reach the page, so its files are checked, not anchors.
LOOSE = ("--loose-anchors", "print_page/index.html")


def test_the_real_site_has_no_broken_links_or_off_host_assets(built_site):
    result = run_script("check_links.py", built_site, "--site-url", SITE_URL, *LOOSE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pages OK" in result.stdout
