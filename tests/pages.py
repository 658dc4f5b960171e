"""Read built pages the way the tests need them: headings, admonitions, text."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml
from mkdocs.config import load_config

from conftest import ROOT


@dataclass
class Heading:
    level: int
    id: str
    text: str


@dataclass
class Outline:
    headings: list[Heading] = field(default_factory=list)
    admonitions: list[tuple[str, str]] = field(default_factory=list)  # (classes, title)


class OutlineParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.outline = Outline()
        self.in_article = False
        self.heading: Heading | None = None
        self.admonition_title: list[str] | None = None
        self.admonition_class = ""
        self.skip = 0  # inside a headerlink

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.in_article = True
        if not self.in_article:
            return
        classes = attrs.get("class") or ""
        if tag in ("h1", "h2", "h3", "h4"):
            self.heading = Heading(int(tag[1]), attrs.get("id") or "", "")
        elif tag == "a" and "headerlink" in classes:
            self.skip += 1
        elif tag in ("div", "details") and ("admonition" in classes or tag == "details"):
            self.admonition_class = classes or "details"
        elif tag in ("p", "summary") and ("admonition-title" in classes or tag == "summary"):
            self.admonition_title = []

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article = False
        if tag == "a" and self.skip:
            self.skip -= 1
        elif tag in ("h1", "h2", "h3", "h4") and self.heading:
            self.heading.text = " ".join(self.heading.text.split())
            self.outline.headings.append(self.heading)
            self.heading = None
        elif tag in ("p", "summary") and self.admonition_title is not None:
            title = " ".join("".join(self.admonition_title).split())
            self.outline.admonitions.append((self.admonition_class, title))
            self.admonition_title = None

    def handle_data(self, data):
        if self.skip:
            return
        if self.heading is not None:
            self.heading.text += data
        if self.admonition_title is not None:
            self.admonition_title.append(data)


def outline(html: Path) -> Outline:
    parser = OutlineParser()
    parser.feed(html.read_text(encoding="utf-8"))
    return parser.outline


@functools.lru_cache
def extra() -> dict:
    return load_config(str(ROOT / "mkdocs.yml"))["extra"]


def clear_phases() -> list[dict]:
    return extra()["clear"]["phases"]


def dimensions() -> list[str]:
    return extra()["dimensions"]


def front_matter(path: Path) -> dict:
    """A Markdown page's YAML front matter."""
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text[4:text.index("\n---", 4)])


def h2_sections(text: str) -> dict[str, str]:
    """A Markdown page's H2 sections, keyed by their explicit { #id }."""
    out = {}
    for chunk in re.split(r"^## ", text, flags=re.M)[1:]:
        head, _, body = chunk.partition("\n")
        m = re.search(r"\{ #([a-z0-9-]+) \}", head)
        if m:
            out[m.group(1)] = body
    return out
