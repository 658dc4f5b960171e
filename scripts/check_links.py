"""Check every link and asset in a built site: python3 scripts/check_links.py SITE_DIR

- Every internal link and asset (Markdown links and raw HTML alike) resolves to a
  file in the site, and every #anchor to an element id on the target page.
- No page loads an asset (script, stylesheet, image, frame, media, font) from
  another host, and no stylesheet pulls a url() from another host.
- External hyperlinks are allowed (a reader follows them on purpose); they are
  counted, and listed with --list-external so a person can review them.

Prints one line per problem, `path:line: what is wrong`, and exits 1 if any;
exits 2 if the site directory is missing. Parses HTML with Python's html.parser.
"""

from __future__ import annotations

import argparse
import fnmatch
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from problems import Problems, display, need_dir, read_text

# (tag, attribute) pairs whose URL the browser fetches as the page loads.
ASSET_ATTRS = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("embed", "src"),
    ("source", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("object", "data"),
    ("input", "src"),
}
# <link rel=...> values that make the browser fetch the href.
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                "prefetch", "preconnect", "dns-prefetch", "manifest", "mask-icon"}
SKIP_SCHEMES = {"mailto", "tel", "javascript", "data", "blob", "about"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


class PageParser(HTMLParser):
    """Collects a page's element ids and the URLs it links to or loads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[int, str, str, bool]] = []  # (line, tag, url, loads)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        line = self.getpos()[0]
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag in ("a", "area") and attrs.get("href") is not None:
            self.refs.append((line, tag, attrs["href"], False))
        elif tag == "link" and attrs.get("href") is not None:
            rels = set((attrs.get("rel") or "").lower().split())
            self.refs.append((line, tag, attrs["href"], bool(rels & LOADING_RELS)))
        for (t, attr) in ASSET_ATTRS:
            if tag == t and attrs.get(attr):
                self.refs.append((line, tag, attrs[attr], True))

    handle_startendtag = handle_starttag


def parse_page(path: Path, problems: Problems) -> PageParser | None:
    text = read_text(path, problems)
    if text is None:
        return None
    parser = PageParser()
    try:
        parser.feed(text)
        parser.close()
    except Exception as err:  # html.parser is lenient; this is a last resort
        problems.add(path, parser.getpos()[0], f"cannot parse HTML ({err})")
        return None
    return parser


class SiteChecker:
    def __init__(self, site: Path, site_url: str, loose_anchors: tuple[str, ...] = ()) -> None:
        self.site = site.resolve()
        self.loose_anchors = loose_anchors
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.base_path = urlsplit(self.site_url).path if self.site_url else "/"
        self.problems = Problems()
        self.pages: dict[Path, PageParser | None] = {}
        self.external: dict[str, str] = {}

    def page(self, path: Path) -> PageParser | None:
        if path not in self.pages:
            self.pages[path] = parse_page(path, self.problems)
        return self.pages[path]

    def run(self) -> int:
        for path in sorted(self.site.rglob("*.html")):
            parsed = self.page(path)
            if parsed is None:
                continue
            for line, tag, url, loads in parsed.refs:
                self.check_ref(path, line, tag, url, loads)
        for path in sorted(self.site.rglob("*.css")):
            self.check_css(path)
        return len(self.problems.lines)

    def check_ref(self, page: Path, line: int, tag: str, url: str, loads: bool) -> None:
        url = url.strip()
        parts = urlsplit(url)
        if parts.scheme in SKIP_SCHEMES:
            return
        if parts.scheme or url.startswith("//"):
            if self.site_url and url.startswith(self.site_url):
                target = self.site / unquote(url[len(self.site_url):].split("#")[0].split("?")[0])
                self.check_target(page, line, url, target, parts.fragment)
            elif loads:
                self.problems.add(page, line, f"<{tag}> loads an asset from another host: {url}")
            else:
                self.external.setdefault(url, f"{display(page)}:{line}")
            return
        if not parts.path:  # "#anchor" or "" on the same page
            self.check_target(page, line, url, page, parts.fragment)
            return
        path = unquote(parts.path)
        if path.startswith("/"):
            if not path.startswith(self.base_path):
                self.problems.add(page, line, f"broken link: {url} is outside the site's base path {self.base_path}")
                return
            target = self.site / path[len(self.base_path):]
        else:
            target = page.parent / path
        self.check_target(page, line, url, target, parts.fragment)

    def check_target(self, page: Path, line: int, url: str, target: Path, fragment: str) -> None:
        target = Path(str(target))
        if target.is_dir() or str(target).endswith("/"):
            target = target / "index.html"
        try:
            target = target.resolve()
            target.relative_to(self.site)
        except ValueError:
            self.problems.add(page, line, f"broken link: {url} points outside the site")
            return
        if not target.is_file():
            self.problems.add(page, line, f"broken link: {url} (no file {display(target)})")
            return
        if fragment and target.suffix == ".html" and not self.is_loose(page):
            parsed = self.page(target)
            if parsed is not None and unquote(fragment) not in parsed.ids:
                self.problems.add(page, line, f"broken anchor: {url} (no id {unquote(fragment)!r} on {display(target)})")

    def is_loose(self, page: Path) -> bool:
        rel = page.resolve().relative_to(self.site).as_posix()
        return any(fnmatch.fnmatch(rel, pattern) for pattern in self.loose_anchors)

    def check_css(self, path: Path) -> None:
        text = read_text(path, self.problems)
        if text is None:
            return
        for match in CSS_URL.finditer(text):
            url = (match.group(2) or match.group(4) or "").strip()
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") or url.startswith("//"):
                line = text.count("\n", 0, match.start()) + 1
                self.problems.add(path, line, f"stylesheet loads from another host: {url}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site directory (mkdocs build)")
    parser.add_argument("--site-url", default="http://127.0.0.1:8000/",
                        help="the site_url the site was built with: links to it count as internal")
    parser.add_argument("--list-external", action="store_true", help="list every external hyperlink")
    parser.add_argument("--loose-anchors", action="append", default=[], metavar="GLOB",
                        help="pages (site-relative glob) whose links must reach a file but whose #anchors "
                             "are not checked; for generated pages such as print_page/index.html")
    args = parser.parse_args(argv)
    error = need_dir(args.site, "site directory", " (build it first: mkdocs build)")
    if error:
        print(error)
        return 2
    checker = SiteChecker(args.site, args.site_url, tuple(args.loose_anchors))
    checker.run()
    if args.list_external:
        for url, where in sorted(checker.external.items()):
            print(f"external: {url} (first at {where})")
    pages = sum(1 for p in checker.pages if p.suffix == ".html")
    return checker.problems.report(
        f"check_links: {pages} pages OK, no off-host assets, "
        f"{len(checker.external)} external hyperlinks (--list-external to review)"
    )


if __name__ == "__main__":
    sys.exit(main())
