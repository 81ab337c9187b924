"""The locale files hold each language's words in one place (numbers, money, furniture, dates, hardware words,
topic cues, entity names and cue words); these checks keep that data well formed as it grows.

Every check runs over every locale file, so a new language or region is checked as soon as its file exists.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import extractors.context as context
import extractors.hardware as hardware
import extractors.money as money
from normalizers.locale import LOCALES, languages, load_locale, locale_tag, page_locale, vocabulary
from normalizers.numbers import PARSERS
from normalizers.patterns import WORD_STYLES

ENTITIES = Path(context.__file__).with_name("data") / "entities.yaml"
ENTITY_TYPES = context.ENTITY_TYPES
CUE_LISTS = ("comparison_cues", "counterparty_cues", "generic_models", "anaphora", "anaphora_determiners",
             "anaphora_nouns", "conjunctions", "chip_words", "speech_cues", "self_cues", "paper_cues", "owner_after",
             "generic_subjects", "announcer_cues", "source_cues", "relative_pronouns", "respectively",
             "latter", "former", "name_suffixes", "indefinite_determiners", "goods_value")
# Lists of words in the hardware section (the rest are numbers, tables or one word).
HARDWARE_WORD_LISTS = ("classifiers", "classifiers_referring_back", "card_not_before", "price_words",
                       "bare_count_not_before", "not_a_count_before", "other_nouns", "rate_markers", "type_markers",
                       "count_scales", "noun_gap_words", "adjective_endings", "unit_nouns", "year_cues", "conjunctions",
                       "phrase_joiners", "family_descriptors", "demonstratives", "device_words", "range_between",
                       "noun_gap_never", "person_nouns", "naming_cues", "part_nouns", "other_chip_kinds",
                       "named_after_person", "each_markers", "adjective_joiners", "context_words", "gaming_words",
                       "partitives", "products_before", "model_joiners",
                       "clause_goes_on", "year_articles")


def _words(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(w, str) and w for w in value)


@pytest.mark.parametrize("tag", LOCALES)
def test_every_locale_names_its_language_script_and_grammars(tag: str):
    data = load_locale(tag)
    assert data["language"] in languages()
    assert data["matching_script"] in WORD_STYLES
    assert data["number"]["grammar"] in PARSERS
    assert data["number"]["grammar"] in money.NUMBER_GRAMMARS
    assert data["number"]["grammar"] in hardware.COUNT_GRAMMARS
    assert data["per"]["position"] in ("before", "after")
    assert locale_tag(data["language"], tag.partition("-")[2] or None) == tag


@pytest.mark.parametrize("tag", LOCALES)
def test_hardware_words_are_strings(tag: str):
    words = vocabulary(tag, "hardware")
    assert isinstance(words["window"], int) and words["window"] > 0
    assert words.get("noun_gap") is None or 0 < words["noun_gap"] < words["window"]
    bad = [key for key in HARDWARE_WORD_LISTS if key in words and not (_words(words[key]) or words[key] == [])]
    assert not bad, f"{tag}: hardware lists that are not lists of words: {bad}"
    for table in ("everyday_names",):
        assert all(isinstance(name, str) and _words(ctx) for name, ctx in words.get(table, {}).items())
    for table in ("card_classifiers", "unit_qualifiers"):
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in words.get(table, {}).items())
    assert all(isinstance(k, str) and len(pair) == 2 and pair[0] < pair[1]
               for k, pair in words.get("vague_counts", {}).items())
    assert hardware.load_words(tag).window == words["window"]


@pytest.mark.parametrize("tag", LOCALES)
def test_every_topic_is_valid_and_every_cue_a_string(tag: str):
    topics = vocabulary(tag, "topics")
    assert topics, f"{tag} has no topic cues"
    assert set(topics) <= set(context.TOPICS)  # "other" too: a tax, a dividend is named as such
    assert all(_words(cues) for cues in topics.values())
    seen: dict[str, str] = {}
    for topic, cues in topics.items():
        for cue in cues:
            assert seen.setdefault(cue.lower(), topic) == topic, \
                f"{tag}: cue {cue!r} under {seen[cue.lower()]} and {topic}"


def test_shared_entities_are_well_formed():
    data = yaml.safe_load(ENTITIES.read_text(encoding="utf-8"))
    names = [e["name"] for e in data["entities"]]
    assert len(names) == len(set(names))
    for entity in data["entities"]:
        assert entity["type"] in ENTITY_TYPES, entity
        assert entity.get("parent") is None or entity["parent"] in names, entity
        assert _words(entity["aliases"]), entity
        assert _words(entity.get("cased", [])) or "cased" not in entity, entity
        assert set(entity) <= {"name", "type", "parent", "vendor", "aliases", "cased", "default_topic"}, entity
        # one language's names belong in its locale file
        assert all(ord(ch) < 0x2E80 for alias in entity["aliases"] for ch in alias), entity
    assert all(_words(data[key]) or data[key] == [] for key in CUE_LISTS)
    assert _words(data["name_suffixes"])


def test_every_entity_the_context_knows_has_a_type_and_a_name_in_every_locale():
    """Chips come from hardware.yaml: each is an entity too, of type chip, with its vendor's company as parent."""
    entities = context._entities()
    assert all(e.type in ENTITY_TYPES for e in entities.values())
    chips = [e for e in entities.values() if e.type == "chip"]
    assert len(chips) >= len(yaml.safe_load((ENTITIES.parent / "hardware.yaml").read_text(encoding="utf-8"))["models"])
    assert all(e.default_topic == "price" for e in chips)
    for tag in LOCALES:
        named = set(context._catalogue(tag)["by_alias"].values()) | set(context._catalogue(tag)["cased"].values())
        assert {e.name for e in named} == set(entities), tag


@pytest.mark.parametrize("tag", LOCALES)
def test_entity_words_name_known_entities_and_are_strings(tag: str):
    own = vocabulary(tag, "entities")
    known = {e["name"] for e in yaml.safe_load(ENTITIES.read_text(encoding="utf-8"))["entities"]}
    assert set(own.get("aliases", {})) <= known, set(own.get("aliases", {})) - known
    assert all(_words(aliases) for aliases in own.get("aliases", {}).values())
    assert set(own) <= {"aliases", "comparison_frames", "clause_initial_reach", "counted_anaphora", *CUE_LISTS}
    assert all(_words(own[key]) or own[key] == [] for key in CUE_LISTS if key in own)
    for frame in own.get("comparison_frames", []):
        assert _words(frame["open"]) and _words(frame["close"]), frame
        assert frame.get("role", "comparandum") in ("comparandum", "counterparty"), frame
    assert isinstance(own.get("clause_initial_reach", 0), int)
    if counted := own.get("counted_anaphora"):  # a number and a company noun (diese vier Firmen, 两家公司)
        assert set(counted) <= {"determiners", "numbers", "measure_words", "nouns"}, counted
        assert _words(counted["nouns"]) and counted["numbers"], counted
        assert all(isinstance(n, int) and n >= 2 for n in counted["numbers"].values()), counted
    assert context._catalogue(tag)["by_alias"]


@pytest.mark.parametrize("lang,script,tag", [
    ("zh-tw", "Latn", "zh-Hant"), ("zh-hk", "Latn", "zh-Hant"), ("zh-cn", "Latn", "zh-Hans"), ("zh", "Latn", "zh-Hans"),
    ("de-at", "Latn", "de"), ("en", "Latn", "de"), ("", "Hans", "zh-Hans"), ("", "Latn", "de"),
], ids=lambda v: v or "none")
def test_page_locale(lang: str, script: str, tag: str):
    assert page_locale(lang, script) == tag


@pytest.mark.parametrize("tag", LOCALES)
def test_context_cues_are_strings_under_known_units_and_directions(tag: str):
    """``context:`` of a locale: change words by direction, hypothetical cues, unit cues by unit, topic refinements,
    an article's own name definitions and deal frames."""
    data = vocabulary(tag, "context")
    change = data["change"]
    assert set(change) <= {"increase", "decrease", "level_before", "change_before", "change_after", "nouns", "reach",
                           "increase_after", "decrease_after"}
    assert all(_words(change[key]) for key in change if key not in ("nouns", "reach"))
    assert set(change.get("nouns", {})) <= {"increase", "decrease"}
    assert _words(data["hypothetical"]) and _words(data.get("hypothetical_after", []) or ["-"])
    assert all(_words(data.get(key, []) or ["-"]) for key in ("not_hypothetical_after", "wealth"))
    for key in ("per_prefixed", "unit_nouns"):
        table = data.get(key, {}).get("units", {}) if key == "per_prefixed" else data.get(key, {})
        assert all(isinstance(unit, str) and _words(words) for unit, words in table.items()), (tag, key)
    assert all(_words(words) for words in data["per"].values())
    for topic, table in [*data.get("refine", {}).items(), *data.get("refine_in_clause", {}).items()]:
        assert topic in context.TOPICS and set(table) <= set(context.TOPICS), (topic, table)
        assert all(_words(words) for words in table.values())
    # a weak cue (a payment verb) is a topic cue of its own
    cues = {cue.lower() for words in vocabulary(tag, "topics").values() for cue in words}
    assert _words(data.get("weak_topic_cues", []) or ["-"])
    assert {w.lower() for w in data.get("weak_topic_cues", [])} <= cues
    assert _words(data.get("definitions", []) or ["-"])
    assert set(data.get("deal_frame", {})) <= {"open", "close"}
    context._context_words(tag)  # compiles
