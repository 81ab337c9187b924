"""The publication date an article states: front matter, meta tags, datelines and bylines; never today."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable

import dateparser

ZH_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")
NUMERIC_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
DE_NUMERIC_DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d{2})(?!\d)")
# "Mar 05,2025", "5. März 2025", "March 5, 2025": a month name with a year, for dateparser.
WORD_DATE = re.compile(
    r"(?:\d{1,2}\.?\s*)?(?:Jan|Feb|Mär|Mar|Apr|Mai|May|Jun|Jul|Aug|Sep|Okt|Oct|Nov|Dez|Dec)[a-zä]*\.?\s*"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s*,?\s*)?(?:19|20)\d{2}",
    re.I,
)
# Words that tell a date in the head of an article is its own date, not an event's.
BYLINE_CUE = re.compile(
    r"(?:讯|电|报道|发布|发表|更新|时间|日期|来源|记者|编辑|作者|published|updated|aktualisier|veröffentlicht|stand|datum|autor|von\s)",
    re.I,
)
# A short line in the head (a byline) may hold the date without a cue word.
BYLINE_MAX_CHARS = 80
FRONT_MATTER_KEYS = ("date", "published", "publishDate", "pubDate", "datePublished", "published_at", "created")
DATEPARSER_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                       "RETURN_AS_TIMEZONE_AWARE": False}


def _valid(y: str | int, m: str | int, d: str | int) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def parse_date_value(value: Any) -> dt.date | None:
    """A date from a front-matter or meta value (date, datetime or ISO-like string)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    for pattern in (NUMERIC_DATE, ZH_DATE):
        if m := pattern.search(text):
            return _valid(m["y"], m["m"], m["d"])
    return _dateparser(text)


def _dateparser(text: str) -> dt.date | None:
    parsed = dateparser.parse(text, languages=["de", "en", "zh"], settings=DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def dates_in_line(line: str) -> Iterable[dt.date]:
    """Absolute dates (with a year) written in one line; relative ones (4小时前, gestern) are ignored."""
    for pattern in (ZH_DATE, NUMERIC_DATE, DE_NUMERIC_DATE):
        for m in pattern.finditer(line):
            if found := _valid(m["y"], m["m"], m["d"]):
                yield found
    for m in WORD_DATE.finditer(line):
        if found := _dateparser(m.group()):
            yield found


def publication_date(front_matter: dict[str, Any], meta_dates: Iterable[str], head: str) -> dt.date | None:
    """The first stated date: front matter, then meta tags, then a dateline or byline in the head."""
    for key in FRONT_MATTER_KEYS:
        if key in front_matter and (found := parse_date_value(front_matter[key])):
            return found
    for value in meta_dates:
        if found := parse_date_value(value):
            return found
    for line in head.splitlines():
        if BYLINE_CUE.search(line) or len(line) <= BYLINE_MAX_CHARS:
            for found in dates_in_line(line):
                return found
    return None
