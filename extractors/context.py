"""A claim's context: the ``subject`` it is about, its ``topic`` and its ``attribution`` (who says so).

Pure functions over a claim and the cleaned article text. The entity catalogue (canonical names, types, parents,
Latin-script names) lives in ``extractors/data/entities.yaml``; each language's names of those entities, its cue
words and its topic cues in its locale file (``entities:``, ``topics:``). Patterns are compiled once per locale.

Rules, in short (see ``subject_of``/``topic_of``/``attribution_of``):

* Scopes: the amount's bracket (if it sits inside ``(...)``), then its clause (split at ，,；;： but not inside
  numbers; bracketed asides not holding the amount are masked), then the whole sentence.
* Subject: in the first scope holding a candidate mention, the nearest mention, preferring mentions before the
  amount. A model beats its parent company in the same scope; mentions right after a comparison cue (比肩,
  媲美, im Vergleich zu ...) are comparanda and skipped; a vendor right before a chip word (NVIDIA Hopper-GPUs)
  is skipped; chips count only in the amount's own clause; "A和B" gives "A + B". Null when nothing is named.
* Topic: the nearest cue word in the clause (a cue after the amount counts double distance), else in the
  sentence, else the subject's default topic (a chip's amount is a price), else ``other``.
* Attribution: a source/person mention in the sentence when it also has a speech cue (称, 指出, laut,
  behauptet ...), nearest before the amount first; else the company itself when it "explains"/"claims" it or
  the sentence cites its paper.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from extractors.sentences import previous_sentence
from normalizers.locale import locale_tag, to_matching_script, vocabulary
from normalizers.patterns import NEVER, word_alternation

DATA = Path(__file__).with_name("data")
TOPICS = ("training_cost", "hardware_cost", "operating_cost", "development_cost", "investment", "market_value",
          "price", "revenue", "salary", "other")
SUBJECT_TYPES = ("company", "model", "project", "chip")
CLAUSE_SPLIT = re.compile(r"[，；;：:]|(?<!\d),|,(?!\d)")
BRACKETS = re.compile(r"[（(][^（()）]*[)）]")
FOLLOWING_PENALTY = 2


# (scope start, scope end, bracketed spans masked out of it)
Scope = tuple[int, int, tuple[tuple[int, int], ...]]


@dataclass(frozen=True)
class Entity:
    name: str
    type: str
    parent: str | None = None
    vendor: bool = False
    default_topic: str | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: Entity


def _latin(alias: str) -> bool:
    return all(ord(ch) < 0x2E80 for ch in alias)


def _alternation(words: list[str]) -> str:
    """Longest first; all-Latin aliases share one pair of word-boundary checks.

    One shared lookbehind instead of one per alias lets the regex engine skip most positions at once. A
    Latin alias and one holding CJK never match at the same position with the Latin one longer, so putting
    the CJK group first keeps longest-match order.
    """
    cjk = [w for w in words if not _latin(w)]
    latin = [w for w in words if _latin(w)]
    parts = ([word_alternation(cjk)] if cjk else []) + (
        [rf"(?<![A-Za-z0-9]){word_alternation(latin)}(?![A-Za-z0-9])"] if latin else [])
    return "|".join(parts) or NEVER


@functools.lru_cache(maxsize=1)
def _shared() -> dict[str, Any]:
    """``entities.yaml``: the catalogue every language shares, and its cue words."""
    data: dict[str, Any] = yaml.safe_load((DATA / "entities.yaml").read_text(encoding="utf-8"))
    return data


@functools.lru_cache(maxsize=1)
def _entities() -> dict[str, Entity]:
    """Canonical name → entity."""
    return {item["name"]: Entity(item["name"], item["type"], item.get("parent"), bool(item.get("vendor")),
                                 item.get("default_topic")) for item in _shared()["entities"]}


def _either(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, words)) or NEVER


@functools.lru_cache(maxsize=None)
def _catalogue(locale: str) -> dict[str, Any]:
    """The shared catalogue with ``locale``'s names and cue words (``entities:`` of its locale file), compiled."""
    shared, own = _shared(), vocabulary(locale, "entities")
    entities = _entities()
    unknown = sorted(set(own.get("aliases", {})) - set(entities))
    if unknown:
        raise ValueError(f"entities: aliases of {locale} name no entity of entities.yaml: {unknown}")
    by_alias: dict[str, Entity] = {}
    for item in shared["entities"]:
        for alias in [*item["aliases"], *own.get("aliases", {}).get(item["name"], [])]:
            by_alias[to_matching_script(alias, locale).lower()] = entities[item["name"]]
    cues = {key: [*shared.get(key, []), *own.get(key, [])] for key in
            ("comparison_cues", "conjunctions", "chip_words", "generic_models", "anaphora", "speech_cues", "self_cues",
             "paper_cues")}
    return {
        "by_alias": by_alias,
        "pattern": re.compile(_alternation(list(by_alias)), re.I),
        "comparison": re.compile(rf"(?:{_either(cues['comparison_cues'])})\s*[「“\"‘]?$", re.I),
        "conjunction": re.compile(rf"^\s*(?:{_either(cues['conjunctions'])})\s*$", re.I),
        "chip_after": re.compile(rf"^[^。；;！？!?]{{0,12}}?(?:{_either(cues['chip_words'])})", re.I),
        "generic": re.compile(_either(cues["generic_models"]), re.I),
        "anaphora": re.compile(rf"^\s*[•·\-\s]*(?:{_either(cues['anaphora'])})(?![A-Za-z])", re.I),
        "speech": re.compile(_either(cues["speech_cues"]), re.I),
        "self": re.compile(_either(cues["self_cues"]), re.I),
        "paper": re.compile(_either(cues["paper_cues"]), re.I),
    }


@functools.lru_cache(maxsize=None)
def _topic_pattern(locale: str) -> tuple[re.Pattern[str], dict[str, str]]:
    by_cue: dict[str, str] = {}
    for topic, cues in vocabulary(locale, "topics").items():
        if topic not in TOPICS:
            raise ValueError(f"unknown topic {topic!r} in topics: of locale {locale}")
        for cue in cues:
            by_cue[cue.lower()] = topic
    # German cues also match inside compounds (KI-Entwicklung), so no word boundaries there.
    pattern = re.compile(word_alternation(by_cue), re.I)
    return pattern, by_cue


@functools.lru_cache(maxsize=1024)  # every claim of a sentence asks for the same mentions
def _mentions(text: str, locale: str) -> tuple[Mention, ...]:
    cat = _catalogue(locale)
    return tuple(Mention(m.start(), m.end(), cat["by_alias"][m.group(0).lower()]) for m in cat["pattern"].finditer(text)
            if m.group(0).lower() in cat["by_alias"])


@functools.lru_cache(maxsize=1024)
def _layout(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """The sentence's bracketed asides and clause breaks (start, end), shared by all its claims."""
    return (tuple((m.start(), m.end()) for m in BRACKETS.finditer(text)),
            tuple((m.start(), m.end()) for m in CLAUSE_SPLIT.finditer(text)))


@functools.lru_cache(maxsize=4096)  # subject, topic and anaphora of one claim ask for the same scopes
def _scopes(text: str, start: int, end: int) -> tuple[Scope, ...]:
    """(scope start, scope end, masked spans) from the narrowest to the sentence."""
    scopes: list[Scope] = []
    brackets, splits = _layout(text)
    holding = [b for b in brackets if b[0] < start and end <= b[1]]
    if holding:
        b = holding[0]
        scopes.append((b[0] + 1, b[1] - 1, ()))
    masked = tuple(b for b in brackets if not (b[0] < start and end <= b[1]))
    cuts = [0] + [b for a, b in splits if not _inside(a, masked)] + [len(text) + 1]
    lo = max(c for c in cuts if c <= start)
    hi = min((c for c in cuts if c > start), default=len(text) + 1) - 1
    scopes.append((lo, max(hi, end), masked))
    scopes.append((0, len(text), masked))
    return tuple(scopes)


def _inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _distance(m_start: int, m_end: int, start: int, end: int) -> int:
    if m_end <= start:
        return start - m_end
    if m_start >= end:
        return (m_start - end) * FOLLOWING_PENALTY + 1
    return 0


@functools.lru_cache(maxsize=1024)
def _subject_mentions(text: str, locale: str) -> tuple[Mention, ...]:
    """Mentions that may be a subject wherever the amount stands: no comparanda, no vendor naming a chip."""
    cat = _catalogue(locale)
    out = []
    for m in _mentions(text, locale):
        if m.entity.type not in SUBJECT_TYPES:
            continue
        if cat["comparison"].search(text[max(0, m.start - 12) : m.start]):
            continue
        if m.entity.vendor and cat["chip_after"].match(text[m.end : m.end + 14]):
            continue
        out.append(m)
    return tuple(out)


def _candidates(text: str, start: int, end: int, locale: str) -> list[Mention]:
    return [m for m in _subject_mentions(text, locale) if not (m.start < end and m.end > start)]


def subject_of(text: str, start: int, end: int, locale: str) -> str | None:
    """The canonical subject of the amount at ``text[start:end]`` (a sentence in matching form), or None."""
    cat = _catalogue(locale)
    mentions = _candidates(text, start, end, locale)
    scopes = _scopes(text, start, end)
    last = len(scopes) - 1
    for depth, (lo, hi, masked) in enumerate(scopes):
        inside = [m for m in mentions if lo <= m.start and m.end <= hi and not _inside(m.start, masked)]
        if depth == last:
            # Beyond the amount's clause: no chips, only mentions before the amount, and
            # only companies when the clause itself speaks of an unnamed model ("the base LLM").
            inside = [m for m in inside if m.entity.type != "chip"]
            clause = text[scopes[last - 1][0] : scopes[last - 1][1]]
            if cat["generic"].search(clause):
                inside = [m for m in inside if m.entity.type == "company"]
            before = [m for m in inside if m.end <= start]
            inside = before
        if not inside:
            continue
        best = min(inside, key=lambda m: _distance(m.start, m.end, start, end))
        # A model of the same company in the scope is more specific than the company.
        models = [m for m in inside if m.entity.parent == best.entity.name]
        if best.entity.type == "company" and models:
            best = min(models, key=lambda m: _distance(m.start, m.end, start, end))
        name = best.entity.name
        # "英伟达和博通": two subjects joined by a conjunction in the amount's own clause.
        earlier = [m for m in inside if m.end <= best.start and m.entity.name != name]
        if earlier and depth < last:
            prev = max(earlier, key=lambda m: m.end)
            if cat["conjunction"].match(text[prev.end : best.start]):
                name = f"{prev.entity.name} + {name}"
        return name
    return None


def first_subject(text: str, locale: str) -> str | None:
    """The first subject-like mention of a sentence (for a following clause that refers back with 其/sein)."""
    mentions = [m for m in _candidates(text, len(text), len(text), locale) if m.entity.type != "chip"]
    return mentions[0].entity.name if mentions else None


def refers_back(text: str, start: int, end: int, locale: str) -> bool:
    """Whether the amount's clause opens with an anaphoric pronoun (其总训练成本..., sein Modell ...)."""
    lo, hi, _ = _scopes(text, start, end)[-2]
    return bool(_catalogue(locale)["anaphora"].match(text[lo:hi]))


def subject_entity(name: str | None) -> Entity | None:
    return _entities().get(name) if name else None


@functools.lru_cache(maxsize=1024)
def _cues(text: str, locale: str) -> tuple[tuple[int, int, str], ...]:
    """Every topic cue of the sentence as (start, end, topic), shared by all its claims."""
    pattern, by_cue = _topic_pattern(locale)
    return tuple((m.start(), m.end(), by_cue[m.group(0).lower()]) for m in pattern.finditer(text))


def topic_of(text: str, start: int, end: int, locale: str, subject: str | None = None) -> str:
    """The topic of the amount at ``text[start:end]`` from the nearest cue word; ``other`` without one."""
    cues = [c for c in _cues(text, locale) if not (c[0] < end and c[1] > start)]
    scopes = _scopes(text, start, end)
    for lo, hi, _ in scopes[-2:]:  # the clause with its brackets, then the sentence
        inside = [c for c in cues if lo <= c[0] and c[1] <= hi]
        if inside:
            return min(inside, key=lambda c: _distance(c[0], c[1], start, end))[2]
    entity = subject_entity(subject)
    if entity and entity.default_topic:
        return entity.default_topic
    return "other"


def attribution_of(text: str, start: int, end: int, locale: str) -> str | None:
    """Who the sentence says claims the amount, or None when it does not say."""
    cat = _catalogue(locale)
    mentions = _mentions(text, locale)
    sources = [m for m in mentions if m.entity.type in ("source", "person")]
    if sources and cat["speech"].search(text):
        before = [m for m in sources if m.end <= start]
        best = max(before, key=lambda m: m.end) if before else min(sources, key=lambda m: m.start)
        return best.entity.name
    companies = [m for m in mentions if m.entity.type in ("company", "model") and m.end <= start]
    for m in sorted(companies, key=lambda m: -m.end):
        owner = m.entity.parent or m.entity.name
        if cat["self"].match(text[m.end : m.end + 4]):
            return owner
    if cat["paper"].search(text[:start]):
        owners = [m.entity.parent or m.entity.name for m in mentions if m.entity.type in ("company", "model")]
        if owners:
            return f"{owners[0]} (own paper)"
    return None


def annotate(claim: dict[str, Any], body: str) -> dict[str, Any]:
    """A copy of ``claim`` with ``subject``, ``topic`` (money claims) and ``attribution`` filled in.

    ``body`` is the cleaned article text the claim's offsets index; the sentence is matched in Simplified form
    for Chinese (the conversion preserves length, so offsets carry over).
    """
    sentence = claim.get("sentence") or claim["text"]
    s0 = body.rfind(sentence, 0, claim["start"] + 1)
    if s0 < 0 or s0 + len(sentence) < claim["end"]:
        s0 = claim["start"] - max(sentence.find(claim["text"]), 0)
    start, end = claim["start"] - s0, claim["end"] - s0
    locale = locale_tag(claim["language"], claim.get("script"))
    text = to_matching_script(sentence, locale)
    subject = subject_of(text, start, end, locale)
    if subject is None and refers_back(text, start, end, locale) and s0 > 0:
        subject = first_subject(to_matching_script(previous_sentence(body, s0), locale), locale)
    if claim.get("kind") == "hardware" and subject:
        entity = subject_entity(subject)
        if entity and entity.type == "chip":
            subject = None
    topic = topic_of(text, start, end, locale, subject) if claim.get("kind") == "money" else None
    return {**claim, "subject": subject, "topic": topic, "attribution": attribution_of(text, start, end, locale)}
