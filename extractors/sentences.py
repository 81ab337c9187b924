"""Sentence boundaries in cleaned text, for the ``sentence`` field of a claim."""
from __future__ import annotations

import bisect
import re

# A sentence ends after 。！？!?； (with closing quotes), at a line break, or after ". " before a capital
# or digit, unless the dot ends a common abbreviation (ca. Mio. Mrd. z. B.).
# The abbreviation checks sit after the dot so that they run at dots only, not at every character.
ABBREVIATIONS = ("ca", "Mio", "Mrd", "Nr", "z.B", "bzw", "Dr", "vgl", "Bio", "Tsd", "u.a", "d.h")
SENTENCE_END = re.compile(
    r"[。！？!?；;][”」』’\"）)]*|\n|\."
    + "".join(rf"(?<!\b{re.escape(abbr)}\.)" for abbr in ABBREVIATIONS)
    + r"(?=\s+[A-ZÄÖÜ0-9\"„])"
)


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
    """The sentence that holds ``text[start:end]`` (several, if the span crosses a boundary)."""
    first = max(bisect.bisect_right(bounds, start, key=lambda b: b[0]) - 1, 0)
    last = first
    while last + 1 < len(bounds) and bounds[last][1] < end:
        last += 1
    return text[bounds[first][0] : bounds[last][1]] if bounds else text[start:end]
