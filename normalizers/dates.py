"""The publication date an article states: front matter, page markup, datelines and bylines; never a guess."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import dateparser

from normalizers.locale import LOCALES, load_locale
from normalizers.patterns import any_of

# 2024-03-05T10:21:00+08:00, 2024-03-05 10:21, 2022-11-06T23:00:00.000Z: a machine timestamp, maybe with a zone.
TIMESTAMP = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
)
ZH_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]?(?!\d)")
NUMERIC_DATE = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d.])")
DE_NUMERIC_DATE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d{2})(?!\d)")
# 23.09.22: a two-digit year, read only in a line that holds little else (a byline), not in prose or tables.
DE_SHORT_YEAR = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2})(?![\d.])")
SHORT_YEAR_MAX_LINE = 40
# Every date pattern of a line holds a four-digit year, but for the two-digit one of a short line: a line without
# either holds no date, and most lines of an article's head are prose without one.
YEAR = re.compile(r"(?:19|20)\d{2}")
TWO_DIGITS = re.compile(r"\d{2}")
# A markup value the patterns cannot read goes to dateparser, absolute forms only ("vor 3 Tagen" is no date here);
# longer values are prose, not a date field.
DATEPARSER_MAX_CHARS = 64
# ... and only one that looks like a date: a four-digit year, a day or month number beside it and at most a few
# words ("05-Mar-2024", "5th of March, 2024", "Tue Jan 28 15:28:56 CET 2020"). dateparser tries every locale's words
# on a string, at milliseconds each; most markup values it would get (a headline, "vor 3 Tagen", a bare year) can
# hold no full date.
DATEPARSER_LOOKS_LIKE = re.compile(r"(?=.*(?<!\d)(?:19|20)\d{2}(?!\d))(?=.*(?<!\d)\d{1,2}(?!\d))", re.S)
DATEPARSER_MAX_WORDS = 4
WORD = re.compile(r"[^\W\d_]{2,}")
DATEPARSER_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                       "RETURN_AS_TIMEZONE_AWARE": False, "PARSERS": ["absolute-time", "custom-formats"]}
# 26 | 01 | 2022: a byline that spaces the parts with bars, read in a short line only, like the two-digit year.
BAR_DATE = re.compile(r"(?<![\d|])(?P<d>\d{1,2})\s*\|\s*(?P<m>\d{1,2})\s*\|\s*(?P<y>(?:19|20)\d{2})(?![\d|])")
# A dateline opens a line: "27.1.2022 - Bei ...", "(21. November 2022) Energie...", "BERLIN, 5. März 2024 –"
# (a time and its unit, "14:20 Uhr", may stand between the date and the dash).
DATELINE_BEFORE = re.compile(r"^[^.!?。！？]{0,30}$")
DATELINE_AFTER = re.compile(
    r"^\s*(?:,?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?![\d:])(?:\s*[^\W\d_]{1,3}\b)?)?\s*[-–—|)）]\s*(?!\d)\S"
)
# A cue word belongs to a date of the same clause: "据报道，其…2002年6月27日" is prose, not a byline.
CLAUSE_END = re.compile(r"[。！？!?；;，]")
# 2024年3月 or 2024年: where a page's year-less dateline takes its year (and month) from.
YEAR_MONTH = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年(?:\s*(?P<m>1[0-2]|0?[1-9])\s*月)?")
# A dateline's day may run ahead of the page's timestamp by a time zone, not more.
DATELINE_LEAD = dt.timedelta(days=1)
# 9/17/2004 (US) or 17/9/2004: read only when one of the two numbers cannot be a month.
SLASH_DATE = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d/])")
# A date in a URL path: /2010/05/19/, /20050513/, /2022-01-12-, /29-10-2021, /08112021-.
URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/_-]?(?P<m>[01]\d)[/_-]?(?P<d>[0-3]\d)(?:[/_.-]|$)"
    r"|/(?P<y2>(?:19|20)\d{2})/(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d)/"
    r"|/(?P<d3>[0-3]\d)[_-]?(?P<m3>[01]\d)[_-]?(?P<y3>(?:19|20)\d{2})(?:[/_.-]|$)"
)
# 20050513 or 20050513103000: a compact machine date, read only as a whole markup value.
COMPACT_DATE = re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:\d{4,6})?$")
URL_START = re.compile(r"^https?://|^/", re.I)
FRONT_MATTER_KEYS = ("date", "published", "publishDate", "pubDate", "datePublished", "published_at", "created")
# Front matter (or a text dump's header) naming the page's address: its date is read as a page's URL's is.
FRONT_MATTER_URL_KEYS = ("url", "permalink", "canonical_url", "link", "source")
# A date label a text dump glued to its first paragraph (extractors.reader.split_header): when nothing else dates it.
LABELLED_DATE_KEY = "labelled_date"
# A short line in the head (a byline) may hold the date without a cue word.
BYLINE_MAX_CHARS = 80
# ... but a line with a full stop of Chinese prose in it is a sentence, however short.
PROSE_STOP = re.compile(r"[。！？]\s*\S")
# A cue word belongs to a date at most this many characters before or after it.
CUE_REACH = 40
# No web article is older than the web: an earlier date is an event's or a birthday.
EARLIEST = dt.date(1990, 1, 1)


@dataclass(frozen=True)
class DateRules:
    """Cue words and month names of every locale: a page's byline may be in another language than its body."""

    publication_cue: re.Pattern[str]
    update_cue: re.Pattern[str]
    other_date_cue: re.Pattern[str]
    yearless_dateline: re.Pattern[str]
    word_date: re.Pattern[str]
    months: dict[str, int]


def _whole_word(pattern: str) -> str:
    """A cue pattern that starts with a letter matches at a word's start only ("davon" holds no "von")."""
    latin_letter = re.match(r"[^\W\d_]", pattern) and not re.match(r"[\u4e00-\u9fff]", pattern)
    return rf"(?<![^\W\d_]){pattern}" if latin_letter else pattern


@lru_cache(maxsize=1)
def date_rules() -> DateRules:
    """Compile the `dates:` sections of the locale files once."""
    pub: list[str] = []
    upd: list[str] = []
    other: list[str] = []
    yearless: list[str] = []
    months: dict[str, int] = {}
    for tag in LOCALES:
        data = load_locale(tag).get("dates", {})
        pub += [_whole_word(w) for w in data.get("publication_cues", [])]
        upd += [_whole_word(w) for w in data.get("update_cues", [])]
        other += [_whole_word(w) for w in data.get("other_date_cues", [])]
        yearless += data.get("yearless_datelines", [])
        months.update({name.lower(): int(num) for name, num in data.get("months", {}).items()})
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    # "5. März 2024", "05 Mar 2024", "March 5, 2024", "Mar 05,2025": a month name between a day and a year. A day
    # may follow a word without a space ("Aktuell02. November 2021"); a month name starts a word.
    word_date = re.compile(
        rf"(?:(?<![\d.])(?P<d1>\d{{1,2}})\.?\s*(?P<n1>{names})\.?,?\s*(?P<y1>(?:19|20)\d{{2}})"
        rf"|(?<![^\W\d_])(?P<n2>{names})\.?\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y2>(?:19|20)\d{{2}}))(?!\d)",
        re.I,
    )
    return DateRules(any_of(pub, re.I), any_of(upd, re.I), any_of(other, re.I), any_of(yearless), word_date, months)


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def today() -> dt.date:
    """The day the code runs: no article is dated after it."""
    return dt.date.today()


def _valid(y: str | int, m: str | int, d: str | int) -> dt.date | None:
    """The date if it exists and is plausible for a web article (not before 1990, not after today)."""
    try:
        found = dt.date(int(y), int(m), int(d))
    except ValueError:
        return None
    return found if EARLIEST <= found <= today() else None


def _timestamp_date(m: re.Match[str], zone: str | None) -> dt.date | None:
    """A timestamp's calendar day; a UTC one (Z, +00:00) is moved into the publisher's zone when it is known."""
    if not (day := _valid(m["y"], m["m"], m["d"])):
        return None
    tz = m["tz"]
    if zone is None or tz is None or m["H"] is None or tz.replace(":", "") not in ("Z", "+0000", "-0000"):
        return day
    stamp = dt.datetime(day.year, day.month, day.day, int(m["H"]) % 24, int(m["M"]), tzinfo=dt.timezone.utc)
    return _valid_date(stamp.astimezone(_zone(zone)).date())


def _valid_date(day: dt.date) -> dt.date | None:
    return _valid(day.year, day.month, day.day)


def url_date(url: str) -> dt.date | None:
    """The date a URL's path spells (/2010/05/19/, /20050513/), if any."""
    if m := URL_DATE.search(url):
        if m["y"]:
            return _valid(m["y"], m["m"], m["d"])
        return _valid(m["y2"], m["m2"], m["d2"]) if m["y2"] else _valid(m["y3"], m["m3"], m["d3"])
    return None


def parse_date_value(value: Any, zone: str | None = None) -> dt.date | None:
    """A date from a front-matter or markup value: a date, a timestamp, a URL or a line of text."""
    if isinstance(value, dt.datetime):
        return _valid_date(value.date())
    if isinstance(value, dt.date):
        return _valid_date(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if URL_START.match(text):
        return url_date(text)
    if m := TIMESTAMP.match(text):
        return _timestamp_date(m, zone)
    if m := COMPACT_DATE.match(text):
        return _valid(m["y"], m["m"], m["d"])
    found = next(iter(dates_in_line(text)), None)
    if found or len(text) > DATEPARSER_MAX_CHARS or not DATEPARSER_LOOKS_LIKE.match(text) or \
            len(WORD.findall(text)) > DATEPARSER_MAX_WORDS:
        return found
    return _dateparser(text)


def _dateparser(text: str) -> dt.date | None:
    """A markup or front-matter value in a form the patterns do not know ("5th of March, 2024", "05-Mar-2024")."""
    parsed = dateparser.parse(text, languages=["de", "en", "zh"], settings=DATEPARSER_SETTINGS)
    return _valid_date(parsed.date()) if parsed else None


def _line_matches(line: str) -> Iterator[tuple[int, int, dt.date | None]]:
    """(start, end, date) of every absolute date written in a line; the date is None when it does not exist."""
    for pattern in (ZH_DATE, NUMERIC_DATE, DE_NUMERIC_DATE):
        for m in pattern.finditer(line):
            yield m.start(), m.end(), _valid(m["y"], m["m"], m["d"])
    if len(line) <= SHORT_YEAR_MAX_LINE:
        for m in DE_SHORT_YEAR.finditer(line):
            yy = int(m["y"])
            yield m.start(), m.end(), _valid(2000 + yy if 2000 + yy <= today().year else 1900 + yy, m["m"], m["d"])
        for m in BAR_DATE.finditer(line):
            yield m.start(), m.end(), _valid(m["y"], m["m"], m["d"])
    for m in SLASH_DATE.finditer(line):
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            yield m.start(), m.end(), _valid(m["y"], b, a)
        elif b > 12 >= a:
            yield m.start(), m.end(), _valid(m["y"], a, b)
    rules = date_rules()
    for m in rules.word_date.finditer(line):
        name = (m["n1"] or m["n2"]).lower()
        yield m.start(), m.end(), _valid(m["y1"] or m["y2"], rules.months[name], m["d1"] or m["d2"])


def dated_spans(line: str) -> list[tuple[int, int, dt.date]]:
    """Valid absolute dates of a line with their spans, left to right; overlapping matches keep the first."""
    if not (YEAR.search(line) or len(line) <= SHORT_YEAR_MAX_LINE and TWO_DIGITS.search(line)):
        return []
    return list(_dated_spans(line, today()))


# A page's date finders read the same short texts again (an element's text, its block's, a byline on every page
# of a site): a line's dates are kept, keyed by the day too (a date after today is not valid).
@lru_cache(maxsize=4096)
def _dated_spans(line: str, day: dt.date) -> tuple[tuple[int, int, dt.date], ...]:
    spans: list[tuple[int, int, dt.date]] = []
    for start, end, found in sorted(_line_matches(line), key=lambda s: (s[0], -s[1])):
        if spans and start < spans[-1][1]:
            continue
        if found:
            spans.append((start, end, found))
    return tuple(spans)


def dates_in_line(line: str) -> Iterable[dt.date]:
    """Absolute dates (with a year) written in one line; relative ones (4小时前, gestern) are ignored."""
    return [found for _, _, found in dated_spans(line)]


@lru_cache(maxsize=1024)  # a line is asked once for each of its dates, and short lines recur (see _dated_spans)
def _cue_phrases(line: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of the cue words of a line; adjacent cues form one phrase of its first word's kind
    ("更新时间" is an update cue although "时间" alone introduces a publication date)."""
    rules = date_rules()
    found = sorted((m.start(), m.end(), kind) for kind, pattern in (("publication", rules.publication_cue),
                                                                    ("update", rules.update_cue))
                   for m in pattern.finditer(line))
    phrases: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if phrases and start <= phrases[-1][1]:
            phrases[-1] = (phrases[-1][0], max(end, phrases[-1][1]), phrases[-1][2])
        else:
            phrases.append((start, end, kind))
    return tuple(phrases)


def _cue_of(line: str, start: int, end: int) -> str | None:
    """'publication' or 'update' for the cue phrase nearest before a date (else nearest after it), same clause.

    A date that opens a line as a dateline counts as a publication cue of its own."""
    best: tuple[int, int, str] | None = None  # (cue after the date, gap, kind): a cue before it binds first
    if DATELINE_BEFORE.match(line[:start]) and DATELINE_AFTER.match(line[end:]):
        best = (0, CUE_REACH, "publication")
    for cue_start, cue_end, kind in _cue_phrases(line):
        if start < cue_end and cue_start < end:
            continue
        after = cue_start >= end
        between = line[end:cue_start] if after else line[cue_end:start]
        candidate = (int(after), len(between), kind)
        if len(between) <= CUE_REACH and not CLAUSE_END.search(between) and (best is None or candidate[:2] < best[:2]):
            best = candidate
    return best[2] if best else None


def head_dates(head: str, byline_max_chars: int = BYLINE_MAX_CHARS) -> tuple[dt.date | None, dt.date | None]:
    """(the first cued publication date, the first date of a byline or an update line) in an article's head.

    Lines whose date is not the article's (the reader's clock, a forum member's join date) are skipped."""
    fallback: dt.date | None = None
    rules = date_rules()
    for line in head.splitlines():
        # The cheaper test first: a line without a date needs no look for a cue of another date.
        if not (spans := dated_spans(line)) or rules.other_date_cue.search(line):
            continue
        for start, end, found in spans:
            cue = _cue_of(line, start, end)
            if cue == "publication":
                return found, fallback
            if cue == "update" or (len(line.strip()) <= byline_max_chars and not PROSE_STOP.search(line)):
                fallback = fallback or found
    return None, fallback


def update_date(text: str) -> dt.date | None:
    """The first date a text labels as a revision ("Letzte Änderung: 14.01.2022", "更新时间：…")."""
    return next((found for start, end, found in dated_spans(text) if _cue_of(text, start, end) == "update"), None)


def head_date(head: str) -> dt.date | None:
    """The article's date in its head: a cued publication date, else a dateline without a year (新华社北京3月5日电)
    completed from the head's other dates, else the first date of a byline or an update line."""
    published, fallback = head_dates(head)
    return published or _completed_dateline(head, fallback) or fallback


def _completed_dateline(head: str, reference: dt.date | None) -> dt.date | None:
    """A dateline's day (and month) with the year (and month) of the head's first full date or "2024年3月"."""
    if not (dateline := date_rules().yearless_dateline.search(head)):
        return None
    year = month = None
    if reference:
        year, month = reference.year, reference.month
    elif m := YEAR_MONTH.search(head):
        year, month = int(m["y"]), int(m["m"]) if m["m"] else None
    if not year:
        return None
    earlier: tuple[int, str | int]  # the year and month of a dateline before the page's date
    if dateline["m"]:
        found = _valid(year, dateline["m"], dateline["d"])
        earlier = (year - 1, dateline["m"])
    elif month:
        found = _valid(year, month, dateline["d"])
        earlier = (year - (month == 1), 12 if month == 1 else month - 1)
    else:
        return None
    if found and reference and found > reference + DATELINE_LEAD:
        # A dateline is not days after the page's own date: "12月31日电" beside 2025-01-01 is of the year before,
        # "29日電" beside 2024-03-01 of the month before.
        return _valid(*earlier, dateline["d"])
    return found


def publication_date(front_matter: dict[str, Any], meta_dates: Iterable[str], head: str) -> dt.date | None:
    """The article's publication date: front matter (or a text dump's header), then page markup, then a dateline or
    byline, then its URL, then a date label a text dump glued to its text."""
    for key in FRONT_MATTER_KEYS:
        if key in front_matter and (found := parse_date_value(front_matter[key])):
            return found
    urls: list[str] = []
    for value in meta_dates:
        if URL_START.match(value.strip()):
            urls.append(value)
        elif found := parse_date_value(value):
            return found
    if found := head_date(head):
        return found
    urls += [str(front_matter[key]) for key in FRONT_MATTER_URL_KEYS if isinstance(front_matter.get(key), str)]
    if found := next((found for url in urls if (found := url_date(url))), None):
        return found
    return parse_date_value(front_matter.get(LABELLED_DATE_KEY))
