"""Regex building blocks shared by the extractors."""
from __future__ import annotations

import re
from typing import Iterable

NEVER = r"(?!x)x"


def word_alternation(words: Iterable[str]) -> str:
    """An alternation of the literal ``words`` that prefers the longest, factored by common prefixes.

    ``a|ab|abc`` becomes ``a(?:b(?:c)?)?``. Python's regex engine tries alternatives one by one at every
    position; the factored form rejects most positions at the first character, 2-5x faster on our word lists.
    Words that can both match at one position are prefixes of each other, and the factored form tries the
    longer first, so it matches what the longest-first alternation matches.
    """
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(trie) or NEVER


def _branches(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    alternation = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{alternation})?" if "" in node else alternation
