"""Split an article's decoded text into metadata and body by its kind (.html, .md, .txt)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*(?:\n|\Z)", re.S)
# Tags that mark a text dump as HTML rather than prose that merely mentions "<".
HTML_HINT = re.compile(r"<(?:p|div|br|a\s|span|table|td|li|ul|img|h[1-6]|strong|html|body|meta|article|section)\b", re.I)
# Link text without nested brackets, a target with at most one level of balanced parentheses: each attempt
# stops at the next bracket or unbalanced parenthesis, so "[a](" * 50000 is linear, not quadratic.
MD_LINK = re.compile(r"!?\[(?P<text>[^\[\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
MD_RULE = re.compile(r"^[ \t]*(?:-{3,}|={3,}|\*{3,}|_{3,})[ \t]*$", re.M)  # [ \t], not \s: linear on blank lines
MD_EMPHASIS = re.compile(r"(\*\*|__)(?P<t>[^*_\n]+)\1")


def strip_html_comments(text: str) -> str:
    """Remove ``<!-- ... -->``; an unclosed comment is kept (a scan, not a regex: linear on "<!--" * 50000)."""
    out: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        out.append(text[pos:start])
        pos = end + 3
    out.append(text[pos:])
    return "".join(out)

KINDS = {".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}


@dataclass(frozen=True)
class Article:
    """An article split into front matter and a body to clean; ``is_html`` says how to clean it."""

    body: str
    is_html: bool
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


# libyaml's safe loader when PyYAML was built with it (the wheels are): 10x faster than the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(text: str) -> tuple[dict[str, Any], str, list[str]]:
    """YAML front matter as a dict, the rest of the text, and warnings (broken YAML is kept as text)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, []
    try:
        meta = yaml.load(match["yaml"], Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where else ""
        return {}, text[match.end():], [f"front matter is not valid YAML{line}; ignored"]
    if not isinstance(meta, dict):
        return {}, text[match.end():], ["front matter is not a mapping; ignored"]
    return {str(k): v for k, v in meta.items()}, text[match.end():], []


def markdown_to_text(body: str) -> str:
    """Markdown syntax down to its text: links to their words, headings and rules stripped."""
    body = MD_LINK.sub(lambda m: m["text"], body)
    body = MD_HEADING.sub("", body)
    body = MD_RULE.sub("", body)
    return MD_EMPHASIS.sub(lambda m: m["t"], body)


def read_article(text: str, suffix: str) -> Article:
    """Classify and split ``text`` of a file with extension ``suffix``."""
    kind = KINDS.get(suffix.lower(), "text")
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    if kind in ("markdown", "text"):
        meta, text, warnings = split_front_matter(text)
    if kind == "markdown" or (kind == "text" and meta):  # Jekyll posts saved as .txt
        text = markdown_to_text(strip_html_comments(text))
    is_html = kind == "html" or bool(HTML_HINT.search(text))
    return Article(body=text, is_html=is_html, meta=meta, warnings=tuple(warnings))
