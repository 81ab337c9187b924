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
    # A markdown file or text dump with some HTML in it: its newlines end lines, as they do in a text dump; in an
    # HTML page they are only whitespace.
    line_breaks: bool = False


# libyaml's safe loader when PyYAML was built with it (the wheels are): 10x faster than the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A metadata string longer than this is cut: no title or author runs to pages.
MAX_META_CHARS = 1000


class _FrontMatterLoader(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, except that a timestamp which is no real date (2025-02-30, +25:00) stays its text."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            self.bad_dates.append(node.value)
            return None


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_yaml_timestamp)


def _uses_aliases(source: str) -> bool:
    """Whether the YAML refers to an anchor: a few aliases of aliases expand to gigabytes (a "billion laughs")."""
    return any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(source, Loader=SAFE_LOADER))


def _capped(value: Any, cut: list[str]) -> Any:
    if isinstance(value, str) and len(value) > MAX_META_CHARS:
        cut.append(value[:20])
        return value[:MAX_META_CHARS]
    if isinstance(value, list):
        return [_capped(v, cut) for v in value]
    if isinstance(value, dict):
        return {k: _capped(v, cut) for k, v in value.items()}
    return value


def split_front_matter(text: str) -> tuple[dict[str, Any], str, list[str]]:
    """YAML front matter as a dict, the rest of the text, and warnings (broken YAML is kept as text)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, []
    body = text[match.end():]
    loader = _FrontMatterLoader(match["yaml"])
    loader.bad_dates = []
    try:
        if _uses_aliases(match["yaml"]):
            return {}, body, ["front matter uses YAML aliases (*name), which can expand without bound; ignored"]
        meta = loader.get_single_data()
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where else ""
        return {}, body, [f"front matter is not valid YAML{line}; ignored"]
    finally:
        loader.dispose()
    if not isinstance(meta, dict):
        return {}, body, ["front matter is not a mapping; ignored"]
    warnings = [f"front matter date {value!r} is not a real date; ignored" for value in loader.bad_dates]
    cut: list[str] = []
    meta = {str(k): _capped(v, cut) for k, v in meta.items()}
    if cut:
        warnings.append(f"{len(cut)} front matter value(s) longer than {MAX_META_CHARS:,} characters; cut")
    return meta, body, warnings


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
    return Article(body=text, is_html=is_html, meta=meta, warnings=tuple(warnings), line_breaks=kind != "html")
