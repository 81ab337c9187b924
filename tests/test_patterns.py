"""Regex builders: the factored word alternation and the anchored-first union match what their plain forms match."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.patterns import anchored_body, any_of, top_level_alternatives, word_alternation

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


@pytest.mark.parametrize(
    "pattern, body",
    [("^abc", "abc"), ("^(?:a|b)c", "(?:a|b)c"), ("^a|b", None), ("a", None), (r"^a\|b", r"a\|b"),
     ("^[|]x", "[|]x"), ("^[]|]x", "[]|]x"), ("^[^]|]x", "[^]|]x"), (r"^[\]|]x", r"[\]|]x"), ("^(a|(b|c))|d", None)],
    ids=["plain", "group", "top-level-or", "unanchored", "escaped-bar", "bar-in-class", "bracket-first",
         "negated-bracket-first", "escaped-bracket", "nested-then-or"],
)
def test_anchored_body(pattern, body):
    assert anchored_body(pattern) == body


@pytest.mark.parametrize(
    "pattern, parts",
    [("abc", ["abc"]), ("a|b", ["a", "b"]), ("^(?:a|b)c|d", ["^(?:a|b)c", "d"]), (r"a\|b", [r"a\|b"]),
     ("[|]x|y", ["[|]x", "y"]), ("[]|]x", ["[]|]x"]), ("[^]|]x|", ["[^]|]x", ""]), ("(a|(b|c))|d", ["(a|(b|c))", "d"])],
    ids=["plain", "or", "group-then-or", "escaped-bar", "bar-in-class", "bracket-first", "negated-bracket-first",
         "nested-then-or"],
)
def test_top_level_alternatives(pattern, parts):
    assert top_level_alternatives(pattern) == parts


def test_any_of_finds_what_each_pattern_finds():
    patterns = ["^责任编辑", "^(?:相关|相關)新闻", "的相关文章$", "^a|b", "^[(（]?图片[:：]"]
    combined = any_of(patterns, re.I)
    for text in ["责任编辑：王", "看相关新闻", "相關新闻", "本站的相关文章", "xb", "A", "（图片：新华社", "图片来源"]:
        assert bool(combined.search(text)) == any(re.search(p, text, re.I) for p in patterns), text
