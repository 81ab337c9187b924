"""Split an article's decoded text into metadata and body by its kind (.html, .md, .txt)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from normalizers.dates import dated_spans
from normalizers.locale import LOCALES, load_locale
from normalizers.patterns import word_alternation

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*(?:\n|\Z)", re.S)
# Tags that mark a text dump as HTML rather than prose that merely mentions "<".
HTML_HINT = re.compile(
    r"<(?:p|div|br|a\s|span|table|td|li|ul|img|h[1-6]|strong|html|body|meta|article|section)\b", re.I
)
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


# A text dump's metadata header is this many lines at most (address, date, title, author).
HEADER_MAX_LINES = 6
# What may follow a header's date: a time of day and its zone ("2024/05/23 10:15", "05.03.2024, 14:20 Uhr").
AFTER_HEADER_DATE = re.compile(r"^[\s,|·/–-]*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*"
                               r"(?:Uhr|[AaPp]\.?[Mm]\.?|[A-Z]{2,5}(?:[+-]\d{1,2})?)?)?[\s)）]*$")
URL_VALUE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# A dump may glue its date label to the first paragraph ("date 2025-08-28 全球市值…"): only a machine date there.
GLUED_DATE = re.compile(r"^(?:19|20)\d{2}-\d{2}(?:-\d{2})?(?=\s)")
MONTH_VALUE = re.compile(r"^(?:19|20)\d{2}-\d{1,2}$")
MAX_HEADER_TITLE = 300


@dataclass(frozen=True)
class HeaderRules:
    """One pattern per kind of header line: a label of any locale, a colon or not, then the value."""

    url: re.Pattern[str]
    date: re.Pattern[str]
    title: re.Pattern[str]


@lru_cache(maxsize=1)
def header_rules() -> HeaderRules:
    labels: dict[str, set[str]] = {"url": set(), "date": set(), "title": set()}
    for tag in LOCALES:
        for kind, words in load_locale(tag).get("dates", {}).get("header_labels", {}).items():
            labels[kind] |= {w.lower() for w in words}
    # A Latin label is a whole word ("Datum", not "Datumsgrenze"); the longest label first ("veröffentlicht am").
    return HeaderRules(**{kind: re.compile(rf"^\s*(?P<label>{word_alternation(words)})(?![^\W\d_])\s*[:：]?\s*"
                                           r"(?P<value>\S.*?)\s*$", re.I) for kind, words in labels.items()})


def split_header(text: str) -> tuple[dict[str, Any], str]:
    """The metadata header a plain-text dump of a web page may open with, and the text after it.

    Lines such as ``url: https://…``, ``Quelle: https://…``, ``date 2024-05-23``, ``Datum: 23.05.2024``,
    ``Veröffentlicht am 23. Mai 2024``, ``日期：2024年5月23日`` or ``發布時間：2024/05/23 10:15`` at the very top,
    each a label (the locale files' ``header_labels``) and a value of its kind (an address; a date with at most a
    time after it; a title), are the page's metadata, not its text: they give ``url``, ``date`` and ``title`` and are
    left out.
    The first line that is not one ends the header. A date label glued to the first paragraph ("date 2025-08-28
    全球…") is cut from it; its date is kept as ``labelled_date``, a last resort (the article's own byline is
    more often its publisher's local day).
    """
    rules = header_rules()
    lines = text.split("\n")
    meta: dict[str, Any] = {}
    i = seen = 0
    while i < len(lines) and seen < HEADER_MAX_LINES:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        found = _header_line(line, rules)
        if found is None:
            break
        kind, value = found
        meta.setdefault(kind, value)
        seen += 1
        i += 1
    glued = None
    if i < len(lines) and (m := rules.date.match(lines[i])) and (glued := GLUED_DATE.match(m["value"])):
        if glued.group().count("-") == 2:  # a day, not only a month
            meta["labelled_date"] = glued.group()
        lines[i] = m["value"][glued.end():].lstrip()
    return meta, "\n".join(lines[i:]) if i or glued else text


def _header_line(line: str, rules: HeaderRules) -> tuple[str, str] | None:
    """(kind, value) of a header line, or None for a line of text."""
    if (m := rules.url.match(line)) and URL_VALUE.match(m["value"]):
        return "url", m["value"]
    if (m := rules.date.match(line)) and (spans := dated_spans(m["value"])):
        start, end, _ = spans[0]
        if start == 0 and AFTER_HEADER_DATE.match(m["value"][end:]):
            return "date", m["value"]
    if (m := rules.date.match(line)) and MONTH_VALUE.match(m["value"]):
        return "month", m["value"]  # 2024-03: a month, no day; not a date, but a line of the header
    if (m := rules.title.match(line)) and len(m["value"]) <= MAX_HEADER_TITLE:
        return "title", m["value"]
    return None


def read_article(text: str, suffix: str) -> Article:
    """Classify and split ``text`` of a file with extension ``suffix``."""
    kind = KINDS.get(suffix.lower(), "text")
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    if kind in ("markdown", "text"):
        meta, text, warnings = split_front_matter(text)
        if not meta:
            meta, text = split_header(text)
    if kind == "markdown" or (kind == "text" and meta):  # Jekyll posts saved as .txt
        text = markdown_to_text(strip_html_comments(text))
    is_html = kind == "html" or bool(HTML_HINT.search(text))
    return Article(body=text, is_html=is_html, meta=meta, warnings=tuple(warnings), line_breaks=kind != "html")
