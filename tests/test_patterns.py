"""The factored word alternation matches exactly what the longest-first alternation matches."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.patterns import word_alternation

WORDS = st.lists(st.text(alphabet="abc.", min_size=1, max_size=4), min_size=1, max_size=8)
TEXT = st.text(alphabet="abcx.", max_size=40)


@settings(max_examples=300, deadline=None)
@given(WORDS, TEXT, st.sampled_from(["", "c", "(?!b)", r"\."]))
def test_same_matches_as_longest_first(words, text, context):
    longest_first = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    expected = [m.span() for m in re.finditer(f"(?:{longest_first}){context}", text)]
    assert [m.span() for m in re.finditer(f"(?:{word_alternation(words)}){context}", text)] == expected


def test_factored_form():
    assert word_alternation(["Mio.", "Mio", "Million", "Millionen"]) == r"Mi(?:llion(?:en)?|o(?:\.)?)"
    assert not re.search(word_alternation([]), "anything")
