"""Sentence boundaries in cleaned text, for the ``sentence`` field of a claim."""
from __future__ import annotations

import bisect
import re

from normalizers.locale import LOCALES, load_locale
from normalizers.patterns import word_alternation

# A sentence ends after 。！？!?； (with closing quotes), at a line break, or after ". " before a capital
# or digit, unless the dot ends an abbreviation (ca. Mio. Mrd. z. B.; Art. 5 before a figure only) or an ordinal number
# (am 30. September, im 2. Quartal): the locale files' ``sentences:`` words, and their month names.
# The abbreviation checks sit after the dot so that they run at dots only, not at every character. The pattern opens
# with one class of every mark, which lets the engine skip the other characters in a C loop (a third faster).
# The marks that end a sentence wherever they stand (a full stop only before a new sentence's start, below).
SENTENCE_MARKS = "。！？!?；;"


def _sentence_words() -> tuple[list[str], list[str], str]:
    """Every locale's abbreviations, those only before a figure (Art. 5), and what an ordinal number's dot stands
    before: a month name (``dates: months``, three letters or more) or an ``ordinal_heads`` word, whole words."""
    abbreviations: set[str] = set()
    before_figures: set[str] = set()
    heads: set[str] = set()
    for tag in LOCALES:
        data = load_locale(tag)
        words = data.get("sentences", {})
        abbreviations |= set(words.get("abbreviations", []))
        before_figures |= set(words.get("abbreviations_before_figures", []))
        heads |= set(words.get("ordinal_heads", []))
        heads |= {name for name in data.get("dates", {}).get("months", {}) if len(name) >= 3}
    return sorted(abbreviations), sorted(before_figures), rf"(?i:{word_alternation(heads)})\b"


ABBREVIATIONS, ABBREVIATIONS_BEFORE_FIGURES, ORDINAL_HEADS = _sentence_words()
SENTENCE_END = re.compile(
    rf"[{SENTENCE_MARKS}\n.](?:(?<=[{SENTENCE_MARKS}])[”」』’\"）)]*|(?<=\n)|(?<=\.)"
    + "".join(rf"(?<!\b{re.escape(abbr)}\.)" for abbr in ABBREVIATIONS)
    + "".join(rf"(?!(?<=\b{re.escape(abbr)}\.)\s+\d)" for abbr in ABBREVIATIONS_BEFORE_FIGURES)
    + rf"(?!(?:(?<=\b\d\.)|(?<=\b\d\d\.))\s+{ORDINAL_HEADS})"
    + r"(?=\s+[A-ZÄÖÜ0-9\"„]))"
)
# A sentence longer than this (a page with no full stops) is cut to the clauses around a claim: the sentence
# field stays readable and each claim's context work stays bounded, so an article's cost stays linear.
MAX_SENTENCE_CHARS = 1000
CLAUSE_MARK = re.compile(r"[，,；;：:、]\s*")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, whitespace trimmed."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        _append(text, start, m.end(), bounds)
        start = m.end()
    _append(text, start, len(text), bounds)
    return bounds


def _append(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        bounds.append((start, end))


def sentence_at(text: str, bounds: list[tuple[int, int]], start: int, end: int) -> str:
    """The sentence that holds ``text[start:end]`` (several, if the span crosses a boundary).

    A sentence over MAX_SENTENCE_CHARS (a page without full stops) gives the clauses around the span instead.
    """
    if not bounds:
        return text[start:end]
    first = max(bisect.bisect_right(bounds, start, key=lambda b: b[0]) - 1, 0)
    last = first
    while last + 1 < len(bounds) and bounds[last][1] < end:
        last += 1
    lo, hi = bounds[first][0], bounds[last][1]
    if hi - lo > MAX_SENTENCE_CHARS:
        lo, hi = _window(text, lo, hi, start, end)
    return text[lo:hi]


def _window(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """About MAX_SENTENCE_CHARS of ``text[lo:hi]`` around ``[start, end)``, cut after clause marks where there are."""
    half = max(MAX_SENTENCE_CHARS - (end - start), 0) // 2
    left, right = max(lo, start - half), min(hi, end + half)
    if left > lo and (cut := CLAUSE_MARK.search(text, left, start)):
        left = cut.end()
    if right < hi and (cuts := [m.end() for m in CLAUSE_MARK.finditer(text, end, right)]):
        right = cuts[-1]
    return min(left, start), max(right, end)


def previous_sentence(text: str, start: int) -> str:
    """The sentence that ends right before offset ``start`` (looking back a bounded distance)."""
    lo = max(0, start - 2 * MAX_SENTENCE_CHARS)
    bounds = sentence_bounds(text[lo:start])
    return text[lo + bounds[-1][0] : lo + bounds[-1][1]] if bounds else ""


def pieces(text: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of at most ``size`` characters, cut after a line break where
    there is one in a piece's second half."""
    out, lo = [], 0
    while len(text) - lo > size:
        cut = text.rfind("\n", lo + size // 2, lo + size)
        hi = cut + 1 if cut >= 0 else lo + size
        out.append((lo, hi))
        lo = hi
    out.append((lo, len(text)))
    return out
