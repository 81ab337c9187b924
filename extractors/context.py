"""A claim's context: the ``subject`` it belongs to, its ``topic``, whether it is a level or a ``change``, whether it is
``hypothetical``, the unit of a unit price (``per``, where the money extractor found none) and its ``attribution``.

Pure functions over a claim and the cleaned article text. The entity catalogue (canonical names, types, parents,
Latin-script names) lives in ``extractors/data/entities.yaml``, the accelerators in ``extractors/data/hardware.yaml``;
each language's names of those entities and its cue words in its locale file (``entities:``, ``topics:``,
``context:``). Patterns are compiled once per locale; every rule is a general form of news text, its words data.

Rules, in short:

* Scopes: the amount's bracket (if it sits inside ``(...)``), then its clause (split at ，,；;： but not inside
  numbers; bracketed asides not holding the amount are masked), then the whole sentence, then the sentences before.
* Roles of a mention: a *comparandum* follows a comparison cue (媲美, 远低于, im Vergleich zu) or sits in a comparison
  frame (与OpenAI等巨头相媲美); a *counterparty* follows a cue of where money comes from or goes to (从亚马逊和谷歌
  筹集, 向华硕, an OpenAI); a *maker* is a chip vendor naming the chip (NVIDIA Hopper-GPUs, Chips des Herstellers
  Nvidia); a *speaker* is a person right before a speech cue (苏姿丰称). A role spreads over a list joined to it (从亚马
  逊和谷歌). None of them is the subject, except a comparandum of the figure it owns (较格芯的984美元).
* Subject: in the first scope holding a candidate, the nearest (a mention after the amount counts double distance);
  beyond the clause only mentions before the amount and no chips or people. A model or unit beats its parent in the
  same scope; "A和B" gives "A + B". With none in the sentence (or a clause opening with 其/该公司/das Unternehmen and
  naming nothing), the subject is carried from the sentences before: the first candidate of the nearest one that has
  one (CARRY_SENTENCES back). A hypothetical figure carries nothing. For a company-level topic (revenue, funding,
  market value...) a model's or a person's figure is their company's.
* Topic: the nearest cue word in the clause (a cue after the amount counts double distance), else in the sentence,
  else the subject's default topic (a chip's amount is a price), else ``other``.
* Change: a change word right before the amount (蒸发约8000亿美元, verlor 589 Milliarden) or a change frame (um 3
  Milliarden gestiegen, 160 Milliarden Euro an Börsenwert zugelegt) makes it an ``increase`` or ``decrease``; a level
  word between (增长至, auf) keeps it a ``level``.
* Hypothetical: an analogy, assumption or example cue (打个比方, 假设, angenommen, wie etwa) before the amount in its
  sentence, or a calculation cue after it (以…每小时1美元计算).
* Per: the money extractor's unit, else the nearest unit cue of the clause (股价 → share, 人均 → person), else GPU for
  a chip's price; a unit applies across its coordinated list (0.14美元, OpenAI成本为7.50美元) and to a restatement.
* Attribution: a source/person mention in the sentence when it also has a speech cue (称, 指出, laut,
  behauptet ...), nearest before the amount first; else the company itself when it "explains"/"claims" it or
  the sentence cites its paper.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import yaml

from extractors.sentences import previous_sentence, sentence_bounds
from normalizers.locale import LOCALES, locale_tag, to_matching_script, vocabulary
from normalizers.patterns import NEVER, word_alternation

V = TypeVar("V")

DATA = Path(__file__).with_name("data")
TOPICS = ("training_cost", "hardware_cost", "operating_cost", "development_cost", "capex", "investment", "funding",
          "valuation", "market_value", "price", "cost", "revenue", "profit", "loss", "fine", "salary", "subsidy",
          "other")
CHANGES = ("level", "increase", "decrease")
# A cost cue (成本, Kosten) says no more than "cost": the sentence's specific cost or a unit price says what kind.
GENERIC_COST = "cost"
SPECIFIC_COSTS = frozenset({"training_cost", "hardware_cost", "operating_cost", "development_cost", "price", "capex"})
# Units that make a cost a price: so much an hour, a token, a GPU.
NO_UNIT = "no unit"
UNIT_PRICE_PER = frozenset({"hour", "day", "month", "million tokens", "thousand tokens", "token", "GPU", "unit",
                            "module", "rack", "wafer", "PFLOPS"})
# Units of capacity: a cost per gigawatt (50 Mrd. Dollar pro Gigawatt, 建设每GW容量的数据中心的成本) is what
# building it costs.
CAPACITY_PER = frozenset({"GW", "MW"})
# A model's, unit's or person's figure of these topics is their company's: a model does not raise funds or have a
# market value, its maker does (Claude 3.5 Sonnet ... 它需要筹集数十亿美元: Anthropic's funding).
COMPANY_TOPICS = frozenset({"capex", "investment", "funding", "valuation", "market_value", "revenue", "profit", "loss",
                            "fine", "subsidy"})
ENTITY_TYPES = ("company", "segment", "model", "project", "body", "chip", "person", "source")
SUBJECT_TYPES = frozenset({"company", "segment", "model", "project", "body", "chip", "person"})
# Beyond the amount's clause (the rest of its sentence, the sentences before) no chip and no person is its subject:
# a chip named in another clause is what the sentence talks about, not whose figure this is.
CARRIED_TYPES = frozenset({"company", "segment", "model", "project", "body"})
# How many sentences back a subject is carried to a sentence that names none. News paragraphs keep their subject
# for a few sentences (营收…；净利润…；经营开支…); further back, another company has usually come up.
CARRY_SENTENCES = 4
# How far back in its paragraph a figure looks for the figures before it (a bound: a page with no line breaks is one
# paragraph, and each claim's work must stay bounded for an article's to stay linear).
PARAGRAPH_SENTENCES = 40
# A sentence with no topic word takes the topic of the figure before it this many sentences back, in its paragraph
# (…einen Umsatz von 64,7 Milliarden Dollar. Das ist ein Plus von 15 Prozent. Analysten hatten mit 64,5 Milliarden
# Dollar gerechnet: a sentence between may give a percentage).
TOPIC_CARRY_SENTENCES = 2
# Chinese numerals, as an amount's neighbours hold them (年增六六％).
NUMERALS = "〇○零一二两三四五六七八九十百千"
# Clause breaks: ，；： and a comma not inside a number, and a space between Han words (headlines: DeepSeek“暴击”华尔街
# 纳指跌超3% 英伟达单日市值蒸发5890亿美元).
CLAUSE_SPLIT = re.compile(r"[，；;：:]|(?<!\d),|,(?!\d)|(?<=[\u3400-\u9fff”」%])[ \u3000]+(?=[\u3400-\u9fff“「])")
BRACKETS = re.compile(r"[（(][^（()）]*[)）]")
FOLLOWING_PENALTY = 2
# How far around a mention its cue words are looked for (characters).
CUE_REACH = 14
# How far before a name a counterparty cue with a determiner and adjectives may stand (mit dem saudischen PIF).
DESCRIBED_REACH = 40
FRAME_REACH = 16
# A comparandum owns the figure right after it, its possessive between: 较格芯的984美元, 比中芯的684美元; a name
# owns the figure its own short verb phrase describes (SpaceX提供的20亿美元).
OWNED = re.compile(r"\s*(?:[\u3400-\u9fff]{0,3}的|之|['’]s)[^，,。；;!?！？\d]{0,4}\s*")
LATIN = "A-Za-z0-9ÄÖÜäöüßÉéÈè"
LIST_GAP_REACH = 40
# A vendor this close before a hardware claim, in its clause, is the chip's maker (英伟达中国市场低配版H800).
MAKER_REACH = 12
# The types a company's mention yields to in the same scope (a model, a unit, a project of that company).
CHILD_TYPES = ("model", "segment", "project")
# "<name>的<a few words>" before a name: the name after is the head (DeepSeek的主要投资方“幻方量化”).
POSSESSIVE_HEAD = re.compile(r"(?:的|之)[^，,。；;的]{0,8}?[“\"「『]?$")
# What may stand before a clause's subject without counting as words (bullets, dashes, quotes).
OPENERS = " \u3000•·-—\"“”「」"


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
    # subject, comparandum, counterparty, maker or speaker (see the module docstring)
    role: str = "subject"


@dataclass(frozen=True)
class Context:
    subject: str | None
    topic: str | None
    change: str | None
    hypothetical: bool
    per: str | None
    attribution: str | None
    # whether a cue of the sentence gave the topic (not the subject's default): a topic can be carried otherwise
    topic_cued: bool = True


# Full-width Latin letters and digits as their ASCII forms (ＥＰＳ, ＡＩ): one character for one, so offsets hold.
FULL_WIDTH = {c: c - 0xFEE0
              for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(r[0], r[1] + 1)}
FULL_WIDTH_CHAR = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def _matching(text: str, locale: str) -> str:
    """``text`` as context rules read it: in the locale's matching script, full-width letters and digits as ASCII."""
    return to_matching_script(text, locale).translate(FULL_WIDTH)


def _latin(word: str) -> bool:
    return all(ord(ch) < 0x2E80 for ch in word)


# Where Han characters meet Latin letters or digits: many Chinese sites set a space there ("pangu" spacing: 5 元/百万
# tokens, 每块 GPU, A 轮融资), so a cue written solid in the locale file also matches spaced.
HAN_LATIN = re.compile(r"(?<=[\u3400-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u3400-\u9fff])")


def _spaced_too(table: dict[str, V]) -> dict[str, V]:
    """``table`` (cue word → value) with each word that joins Han and Latin characters also as spaced text writes it."""
    spaced = {HAN_LATIN.sub(" ", word): value for word, value in table.items()}
    return {**spaced, **table}


def _starts(words: Iterable[str]) -> str:
    """A lookahead for the characters ``words`` start with, in either case: the regex engine then skips at once the
    positions no word can start at (a long alternation is otherwise tried at every character; 4x faster on Chinese)."""
    chars = sorted({c for w in words for c in (w[0].lower(), w[0].upper())})
    return "(?=[" + "".join(re.escape(c) for c in chars) + "])" if chars else ""


def _words(words: Iterable[str], latin_boundaries: bool = True) -> str:
    """An alternation of ``words``, longest first; all-Latin words only as whole words (an, um, es).

    One shared lookbehind for the Latin words instead of one per word lets the regex engine skip most positions at
    once. A Latin word and one holding CJK never match at the same position with the Latin one longer, so putting
    the CJK group first keeps longest-match order.
    """
    words = [w for w in dict.fromkeys(words) if w]
    cjk = [w for w in words if not _latin(w)]
    latin = [w for w in words if _latin(w)]
    if not latin_boundaries:
        return word_alternation(words) if words else NEVER
    parts = ([_starts(cjk) + word_alternation(cjk)] if cjk else []) + (
        [rf"{_starts(latin)}(?<![{LATIN}]){word_alternation(latin)}(?![{LATIN}])"] if latin else [])
    return "|".join(parts) or NEVER


def _names(words: Iterable[str]) -> str:
    """Entity names: as ``_words``, a Latin name also with a German genitive s (Nvidias Umsatz, Metas)."""
    words = [w for w in dict.fromkeys(words) if w]
    cjk = [w for w in words if not _latin(w)]
    latin = [w for w in words if _latin(w)]
    parts = ([_starts(cjk) + word_alternation(cjk)] if cjk else []) + (
        [rf"{_starts(latin)}(?<![{LATIN}]){word_alternation(latin)}(?:['’]?s)?(?![{LATIN}])"] if latin else [])
    return "|".join(parts) or NEVER


# ---- the catalogue ------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _shared() -> dict[str, Any]:
    """``entities.yaml``: the catalogue every language shares, and its cue words."""
    data: dict[str, Any] = yaml.safe_load((DATA / "entities.yaml").read_text(encoding="utf-8"))
    return data


@functools.lru_cache(maxsize=1)
def _hardware() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DATA / "hardware.yaml").read_text(encoding="utf-8"))
    return data


@functools.lru_cache(maxsize=1)
def _entity_items() -> tuple[dict[str, Any], ...]:
    """Every entity as a catalogue item: entities.yaml's, and an accelerator of hardware.yaml as ``<vendor> <model>``
    of type chip (its vendor named as entities.yaml names the company). An entities.yaml chip of the same name adds
    its aliases."""
    items = {item["name"]: dict(item) for item in _shared()["entities"]}
    companies = {alias.lower(): item["name"] for item in items.values() if item["type"] == "company"
                 for alias in [item["name"], *item["aliases"]]}
    for model in _hardware()["models"]:
        vendor = companies.get(model["vendor"].lower(), model["vendor"])
        name = f"{vendor} {model['model']}"
        chip = items.setdefault(name, {"name": name, "type": "chip", "aliases": []})
        chip["aliases"] = list(dict.fromkeys([*chip["aliases"], *model["aliases"]]))
        chip.setdefault("parent", vendor if vendor in items else None)
    for item in items.values():
        if item["type"] == "chip":
            item.setdefault("default_topic", "price")
    return tuple(items.values())


@functools.lru_cache(maxsize=1)
def _entities() -> dict[str, Entity]:
    """Canonical name → entity."""
    return {item["name"]: Entity(item["name"], item["type"], item.get("parent"), bool(item.get("vendor")),
                                 item.get("default_topic")) for item in _entity_items()}


def _either(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, words)) or NEVER


def _cue_lists(locale: str) -> dict[str, list[str]]:
    shared, own = _shared(), vocabulary(locale, "entities")
    keys = ("comparison_cues", "counterparty_cues", "conjunctions", "chip_words", "generic_models", "anaphora",
            "speech_cues", "self_cues", "paper_cues", "owner_after", "generic_subjects", "anaphora_determiners",
            "anaphora_nouns", "announcer_cues", "source_cues", "relative_pronouns", "respectively", "latter", "former",
            "indefinite_determiners", "goods_value")
    return {key: [*shared.get(key, []), *own.get(key, [])] for key in keys}


def _described(cues: dict[str, list[str]]) -> str:
    """What may stand between a conjunction and the name it joins: a determiner and up to two words (der Abu
    Dhabi-Staatsfonds), or a few characters ending in a company noun (阿布扎比主权基金)."""
    dets, nouns = cues["anaphora_determiners"], cues["anaphora_nouns"]
    if not dets or not nouns:
        return NEVER
    if all(_latin(w) for w in dets):
        return rf"(?:{_words(dets)})\s+(?:[^\s,.;:]+\s+){{0,2}}"
    return rf"[^，,。；;：:、]{{0,6}}?(?:{_words(nouns, latin_boundaries=False)})"


def _determined(cues: dict[str, list[str]], own: dict[str, Any]) -> str:
    """A determiner, at most two words, a noun: das chinesische Start-up, der US-Konzern, 这家芯片巨头."""
    dets, nouns = cues["anaphora_determiners"], cues["anaphora_nouns"]
    if not dets or not nouns:
        return NEVER
    # German nouns head compounds (der Grafikchip-Hersteller, das KI-Start-up): the noun may end a longer word
    between = rf"\s+(?:[^\s,.;:]+\s+){{0,2}}[{LATIN}\-]*?" if all(_latin(w) for w in dets) else r"[^，,。；;：:]{0,4}?"
    return rf"(?:{_words(dets)}){between}(?:{_words(nouns, latin_boundaries=False)})"


def _indefinite(cues: dict[str, list[str]]) -> str:
    """An indefinite determiner, at most two words, a company noun: ein neuer europäischer Fonds, 一家初创公司."""
    dets, nouns = cues["indefinite_determiners"], cues["anaphora_nouns"]
    if not dets or not nouns:
        return NEVER
    between = rf"\s+(?:[^\s,.;:]+\s+){{0,2}}[{LATIN}\-]*?" if all(_latin(w) for w in dets) else r"[^，,。；;：:]{0,4}?"
    return rf"(?:{_words(dets)}){between}(?:{_words(nouns, latin_boundaries=False)})"


# A name in apposition to a determined company noun (Der Röntgen- und Hochfrequenzspezialist Comet hat): its
# capitalised words up to a lower-case word or a mark (German nouns are capitalised too).
APPOSITIVE_NAME = re.compile(r"[^\S\n]+(?P<name>[A-ZÄÖÜ][\w&\-]*(?:[^\S\n]+[A-ZÄÖÜ][\w&\-]*){0,2})"
                             r"(?=\s+[a-zäöüß]|\s*[,.;:!?])")


def _appositive_patterns(cues: dict[str, list[str]], own: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    """Where an appositive name may stand (Latin script only): a company noun ending its word before a capital, found
    as written and in lower case as it ends a compound (Hochfrequenzspezialist; a case-sensitive scan is fast), and a
    determined noun phrase ending at it. A locale in another script has none."""
    if not cues["anaphora_determiners"] or not all(_latin(w) for w in cues["anaphora_determiners"]):
        return {"noun_before_name": re.compile(NEVER), "determined_noun_end": re.compile(NEVER)}
    nouns = [*cues["anaphora_nouns"], *(noun.lower() for noun in cues["anaphora_nouns"])]
    return {"noun_before_name": re.compile(rf"(?:{word_alternation(nouns)})(?=\s+[A-ZÄÖÜ])"),
            "determined_noun_end": re.compile(rf"(?:{_determined(cues, own)})$", re.I)}


def _counted(own: dict[str, Any]) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    """A counted anaphor opening a clause (diese vier Firmen, 两家公司): its pattern (group ``n``, the number word)
    and each number word's value; None for a locale without ``counted_anaphora``."""
    counted = own.get("counted_anaphora")
    if not counted:
        return None, {}
    numbers = {word.lower(): int(value) for word, value in counted["numbers"].items()}
    dets, nouns = _words(counted["determiners"]), _words(counted["nouns"], latin_boundaries=False)
    if all(_latin(w) for w in counted["determiners"]):  # German: words between spaces, the noun heading a compound
        pattern = (rf"(?:(?:{dets})\s+)?(?P<n>{_words(numbers)})\s+(?:[^\s,.;:]+\s+)?"
                   rf"[{LATIN}\-]*?(?:{nouns})(?![{LATIN}])")
    else:
        measure = _words(counted.get("measure_words", []), latin_boundaries=False)
        pattern = rf"(?:{dets})?(?P<n>{_words(numbers)})(?:{measure})[^，,。；;：:、]{{0,4}}?(?:{nouns})"
    return re.compile(pattern, re.I), numbers


@functools.cache
def _catalogue(locale: str) -> dict[str, Any]:
    """The shared catalogue with ``locale``'s names and cue words (``entities:`` of its locale file), compiled."""
    own = vocabulary(locale, "entities")
    entities = _entities()
    unknown = sorted(set(own.get("aliases", {})) - set(entities))
    if unknown:
        raise ValueError(f"entities: aliases of {locale} name no entity of entities.yaml: {unknown}")
    by_alias: dict[str, Entity] = {}
    cased: dict[str, Entity] = {}
    for item in _entity_items():
        for alias in [*item["aliases"], *own.get("aliases", {}).get(item["name"], [])]:
            by_alias[to_matching_script(alias, locale).lower()] = entities[item["name"]]
        for alias in item.get("cased", []):
            cased[alias] = entities[item["name"]]
    cues = _cue_lists(locale)
    chip_words = [*cues["chip_words"], *(alias for m in _hardware()["models"] for alias in m["aliases"]),
                  *(word for words in _hardware()["generic"].values() for word in words)]
    frames = [*_shared().get("comparison_frames", []), *own.get("comparison_frames", [])]
    counterparty_nouns = vocabulary(locale, "context").get("counterparty_nouns", [])
    counted, counted_numbers = _counted(own)
    return {
        "counted_anaphor": counted,
        "counted_numbers": counted_numbers,
        "by_alias": by_alias,
        "cased": cased,
        "pattern": re.compile(_names(by_alias), re.I),
        "cased_pattern": re.compile(_names(cased)) if cased else None,
        "comparison": re.compile(rf"(?:{_words(cues['comparison_cues'])})\s*[「“\"‘『]?\s*$", re.I),
        "counterparty": re.compile(rf"(?:{_words(cues['counterparty_cues'])})\s*[「“\"‘『]?\s*$", re.I),
        # (with a determiner and lower-case adjectives between: mit dem saudischen Public Investment Fund)
        "counterparty_described": re.compile(rf"{_starts(cues['counterparty_cues'])}(?<![{LATIN}])"
                                             rf"(?:{_words(cues['counterparty_cues'])})\s+"
                                             rf"(?:(?:{_words(cues['anaphora_determiners'])})\s+)?"
                                             rf"(?:[a-zäöüß][\w\-]*\s+){{0,2}}"
                                             rf"(?:(?:{_words(counterparty_nouns)})\s+)?$")
        if cues["anaphora_determiners"] and all(_latin(w) for w in cues["anaphora_determiners"]) else re.compile(NEVER),
        # what stands between an opening and a closing word of a frame: 与(OpenAI等巨头)相媲美,
        # 与(ChatGPT母公司OpenAI)洽谈
        "frames": tuple((re.compile(rf"(?:{_words(f['open'])})(?P<inner>[^，,。；;：:!?！？]{{1,{FRAME_REACH}}}?)"
                                    rf"(?:{_words(f['close'])})", re.I), f.get("role", "comparandum")) for f in frames),
        # (with a description of the next name between: Oracle und der Abu Dhabi-Staatsfonds MGX, 和阿布扎比主权基金MGX)
        "conjunction": re.compile(rf"^\s*(?:{_words(cues['conjunctions'])})?\s*(?:{_described(cues)})?\s*$", re.I),
        # two names are a list only with a conjunction between (Elon Musks xAI, 马斯克旗下 AI 公司 xAI: his company)
        "joined": re.compile(rf"^\s*(?:{_words(cues['conjunctions'])})\s*(?:{_described(cues)})?\s*$", re.I),
        # the vendor names the chip right after it (英伟达的H800, NVIDIA Hopper-GPUs, Nvidia-GB200-Chips) ...
        "chip_after": re.compile(rf"^[\s\-–的之“”\"「」『』]{{0,3}}(?:{_words(chip_words, latin_boundaries=False)})",
                                 re.I),
        # ... or as its maker after it (Chips des US-Herstellers Nvidia, GPUs von Nvidia)
        "chip_before": re.compile(rf"(?:{_words(chip_words)})\s+(?:des|der|von|vom|from|by)\s+(?:\S+\s+){{0,2}}$",
                                  re.I),
        "generic": re.compile(_words(cues["generic_models"]), re.I),
        # a name right after the amount that owns it (100 Millionen US-Dollar von Chatgpt4O)
        "owner_after": re.compile(rf"\s*(?:{_words(cues['owner_after'])})\s+(?:\S+\s+)?", re.I),
        # an unnamed subject (头部公司, viele Unternehmen): the figure is nobody's the catalogue knows
        # (and one the text introduces: ein neuer europäischer Fonds, 一家初创公司)
        "generic_subject": re.compile(rf"{_words(cues['generic_subjects'])}|{_indefinite(cues)}", re.I),
        # how many characters may open a clause before its subject (而, 另外; Im Quartal verdiente)
        "initial_reach": int(own.get("clause_initial_reach", 6)),
        # 其, sein, 该公司, das (chinesische) Start-up, der Konzern: a clause opening so refers back
        "anaphora": re.compile(rf"^\s*[•·\-\s]*(?:{_words(cues['anaphora'])}|{_determined(cues, own)})", re.I),
        "announcer": re.compile(rf"(?:{_words(cues['announcer_cues'])})\s+$", re.I),
        "former_latter": re.compile(rf"[{OPENERS}]*(?:(?P<latter>{_words(cues['latter'])})"
                                    rf"|(?P<former>{_words(cues['former'])}))", re.I),
        "respectively": re.compile(_words(cues["respectively"]), re.I),
        "company_noun": re.compile(_words(cues["anaphora_nouns"], latin_boundaries=False), re.I),
        "company_anaphor": re.compile(_determined(cues, own), re.I),
        **_appositive_patterns(cues, own),
        "determiner_before": re.compile(rf"(?:{_words(cues['anaphora_determiners'])}|"
                                        rf"{_words(cues['indefinite_determiners'])})\s+$", re.I),
        # an indefinite determiner right before a name (eine „Gigafactory of compute“): a common noun follows
        "indefinite_before": re.compile(rf"(?:{_words(cues['indefinite_determiners'])})\s*[„“\"«『「]?\s*$", re.I),
        "anaphora_any": re.compile(rf"{_determined(cues, own)}|{_words(cues['anaphora'])}", re.I),
        "speech": re.compile(_words(cues["speech_cues"]), re.I),
        "source_before": re.compile(rf"(?:{_words(cues['source_cues'])})\s*(?:{_words(cues['anaphora_determiners'])})?"
                                    r"\s*[「“\"‘『]?\s*$", re.I),
        # (used with match at a position)
        "relative": re.compile(rf"\s*(?:{_words(cues['relative_pronouns'])})\s", re.I),
        "speech_after": re.compile(rf"^\s*[（(]?[^，,。；;]{{0,6}}?(?:{_words(cues['speech_cues'])})", re.I),
        # chips and their value (GPUs im Wert von 160 Millionen Dollar, 芯片总值约1亿美元): the goods' value
        "goods_before": re.compile(rf"(?:{_words(chip_words, latin_boundaries=False)})\s*"
                                   rf"(?:{_words(cues['goods_value'])})[^\d，,。；;：:]{{0,16}}$", re.I),
        "self": re.compile(_either(cues["self_cues"]), re.I),
        "paper": re.compile(_either(cues["paper_cues"]), re.I),
    }


@functools.lru_cache(maxsize=1)
def _canonical_names() -> dict[str, str]:
    """Every spelling of every locale (matching form, case-folded) → canonical name; the first locale wins a clash."""
    out: dict[str, str] = {}
    for locale in LOCALES:
        for alias, entity in _catalogue(locale)["by_alias"].items():
            out.setdefault(alias, entity.name)
        for alias, entity in _catalogue(locale)["cased"].items():
            out.setdefault(alias.lower(), entity.name)
    for name in _entities():
        out.setdefault(name.lower(), name)
    return out


@functools.cache
def _name_suffixes() -> tuple[str, ...]:
    """The words a company's name may end in without being another name (Group, 集团, Konzern), longest first."""
    words = [*_shared().get("name_suffixes", [])]
    for locale in LOCALES:
        words += vocabulary(locale, "entities").get("name_suffixes", [])
    return tuple(sorted({to_matching_script(w, "zh-Hans").lower() for w in words}, key=len, reverse=True))


# A blank between Chinese and Latin letters is a typesetting habit (智譜 AI, 阿里 巴巴): not part of the name.
CJK_BLANK = re.compile(r"(?<=[\u3400-\u9fff])\s+|\s+(?=[\u3400-\u9fff])")


@functools.lru_cache(maxsize=4096)  # an article asks for the same few names again and again (script conversion)
def _one_name(name: str) -> str | None:
    names = _canonical_names()
    key = CJK_BLANK.sub("", to_matching_script(name.strip(), "zh-Hans").lower())
    if key in names:
        return names[key]
    # a name with its short form in brackets: 阿里國際數字商業(AIDC)
    for part in (BRACKETS.sub("", key).strip(), *(m.group(0)[1:-1].strip() for m in BRACKETS.finditer(key))):
        if part and part != key and part in names:
            return names[part]
    for suffix in _name_suffixes():
        bare = key.removesuffix(suffix).strip(" -")
        if bare != key and bare in names:
            return names[bare]
    return None


def canonical_name(name: str | None) -> str | None:
    """The catalogue's canonical name for a spelling in any script (英偉達 → Nvidia, H100 → Nvidia H100, 台積電ADR →
    TSMC), None for a name it does not know. A joint subject "A + B" gives its parts' names, sorted."""
    if not name:
        return None
    parts = [p for p in re.split(r"\s*\+\s*", name) if p.strip()]
    if len(parts) > 1:
        found = [canonical_name(p) for p in parts]
        return " + ".join(sorted(f or p.strip() for f, p in zip(found, parts, strict=True)))
    return _one_name(name)


def subject_entity(name: str | None) -> Entity | None:
    return _entities().get(name) if name else None


# ---- locale cue tables -------------------------------------------------------------------------------------


# A cue written in capitals (EPS, IPO, ADR, F&E): an acronym, matched only as a whole word.
ACRONYM = re.compile(r"[A-Z][A-Z&]+")


@functools.cache
def _topic_pattern(locale: str) -> tuple[re.Pattern[str], dict[str, str | None]]:
    by_cue: dict[str, str | None] = {}
    cue_case: dict[str, str] = {}  # each cue as the locale file writes it
    for topic, cues in vocabulary(locale, "topics").items():
        if topic not in TOPICS:
            raise ValueError(f"unknown topic {topic!r} in topics: of locale {locale}")
        for cue in cues:
            by_cue[cue.lower()] = topic
            cue_case[cue.lower()] = cue
    # words that hold a cue but are none (herausgegeben holds ausgegeben, 毛利率 a rate holds 毛利): matched as the
    # longer word at their position, then dropped
    for word in vocabulary(locale, "context").get("not_topic_cues", []):
        by_cue.setdefault(word.lower(), None)
        cue_case.setdefault(word.lower(), word)
    # German cues also match inside compounds (KI-Entwicklung, Quartalsumsatz), so no word boundaries here; an acronym
    # (EPS, IPO, ADR) only as a whole word, or DeepSeek holds EPS
    by_cue = _spaced_too(by_cue)
    acronyms = [cue for cue in by_cue if ACRONYM.fullmatch(cue_case.get(cue, ""))]
    words = [cue for cue in by_cue if cue not in acronyms]
    parts = [_starts(words) + word_alternation(words)] if words else []
    if acronyms:
        parts.append(rf"{_starts(acronyms)}(?<![{LATIN}]){word_alternation(acronyms)}(?![{LATIN}])")
    pattern = re.compile("|".join(parts) or NEVER, re.I)
    return pattern, by_cue


@functools.cache
def _context_words(locale: str) -> dict[str, Any]:
    """``context:`` of the locale file, compiled: change, hypothetical and per cues."""
    data = vocabulary(locale, "context")
    change = data.get("change", {})
    level = [*change.get("level_before", [])]
    by_direction = {w.lower(): d for d in ("increase", "decrease") for w in change.get(d, [])}
    after_direction = {w.lower(): d for d in ("increase", "decrease") for w in change.get(f"{d}_after", [])}
    per = _spaced_too({w.lower(): unit for unit, words in data.get("per", {}).items() for w in words})
    adjacent = {w.lower(): unit for unit, words in data.get("per_adjacent", {}).items() for w in words}
    prefixed = data.get("per_prefixed", {})
    deal_frame = data.get("deal_frame", {})
    prefixed_units = {w.lower(): unit for unit, words in prefixed.get("units", {}).items() for w in words}
    unit_nouns = {w.lower(): unit for unit, words in data.get("unit_nouns", {}).items() for w in words}
    # 跌幅达24.04美元: a change noun with a level word (达) after it
    nouns = {w.lower(): d for d, words in change.get("nouns", {}).items() for w in words}
    # how far before the amount its change word may stand: 蒸发约8000亿美元 (a word or two), verlor an einem Tag rund
    # (no digit, numeral or percent sign between: in 营收年增六六％、五一二亿美元 the change is the percentage)
    gap = rf"[^，,。；;：:!?！？\d%％{NUMERALS}]{{0,{int(change.get('reach', 6))}}}?"
    # an amount's bracketed restatement and a joining word (的) after it: 100兆韩元（约新台币2.19兆元）的
    adjoining = rf"\s*(?:[（(][^（()）]{{0,{ADJOINING_BRACKET}}}[）)])?\s*" \
        rf"(?:{_words(data.get('adjoining_words', []))})?\s*"
    return {
        # a change word, then at most a few words that are not digits, right before the amount
        "change_word": re.compile(rf"(?P<w>{_words(by_direction)}){gap}$", re.I),
        "direction": by_direction,
        "direction_in": re.compile(_words(by_direction), re.I),
        "level_before": re.compile(rf"(?:{_words(level)})\s*(?:{gap})$", re.I) if level else None,
        "level_word": re.compile(_words(level), re.I) if level else None,
        "change_before": re.compile(rf"(?:{_words(change.get('change_before', []))})\s*{gap}$", re.I),
        "change_phrase": re.compile(rf"(?:{_words(change.get('change_before', []))})$", re.I),
        "change_after": re.compile(rf"\s*(?:{_words(change.get('change_after', []))})", re.I),
        # a direction word right after the amount: 3 Cent mehr als im Vorjahr
        "direction_after": re.compile(rf"\s*(?P<w>{_words(after_direction)})", re.I),
        "after_direction": after_direction,
        "hypothetical": re.compile(_words(data.get("hypothetical", [])), re.I),
        # whom a fine is against (gegen Qualcomm, 对希捷): right before the fined company
        "fined": re.compile(rf"(?:{_words(data['fined_cues'])})\s*$" if data.get("fined_cues") else NEVER, re.I),
        # an indefinite determiner opening a clause: what it introduces is unnamed (Ein Rechenzentrum für 500 Mrd.)
        "unnamed_opener": re.compile(rf"[{OPENERS}]*(?:{_words(data.get('unnamed_openers', []))})\s", re.I)
        if data.get("unnamed_openers") else re.compile(NEVER),
        # (a time or a part is no subject: Ein Jahr später lag der Umsatz bei …)
        "not_unnamed": re.compile(rf"(?:[^\s,.;:]+\s+)?(?:{_words(data.get('not_unnamed', []))})", re.I)
        if data.get("not_unnamed") else re.compile(NEVER),
        "unit_price": re.compile(_words(data.get("unit_price_words", [])) or NEVER, re.I),
        "basis_before": re.compile(_words(data.get("basis_before", [])) or NEVER, re.I),
        # a person's own money: their pay (topic salary) and their wealth (身家, Vermögen)
        "wealth": re.compile(_words(data.get("wealth", [])), re.I),
        # 若以美元计算, 若以1美元兑换新台币32元汇率计算: a currency basis, not an assumption
        "basis_after": re.compile(rf"[\s\d.,]*(?:{_words(data.get('not_hypothetical_after', []))})", re.I),
        "hypothetical_after": re.compile(rf"^[^，,。；;!?！？]{{0,12}}?"
                                         rf"(?:{_words(data.get('hypothetical_after', []))})", re.I),
        # FULL NAME（以下简称“SHORT”）
        "definition": re.compile(rf"(?P<full>[^\s，,。；;：:、（(“”\"「」]{{2,24}}?)\s*[（(]\s*"
                                 rf"(?:{_words(data.get('definitions', []))})"
                                 rf"\s*[:：]?\s*[“\"「„]?(?P<short>[^”\"」“）)]{{2,16}}?)[”\"」“]?\s*[）)]", re.I),
        "definition_word": re.compile(_words(data.get("definitions", [])), re.I),
        "deal_word": re.compile(_words(data.get("deal_frame", {}).get("close", [])), re.I),
        # a clause-opening name, a partner, a deal word: 莲花紫星与H公司签订
        "deal_party": re.compile(rf"(?:^|(?<=[{CLAUSE_OPENERS}]))\s*"
                                 rf"(?P<name>[^\s\d{CLAUSE_OPENERS}（()）“”\"「」]{{2,10}}?)"
                                 rf"(?:{_words(deal_frame.get('open', []))})[^{CLAUSE_OPENERS}]{{1,16}}?"
                                 rf"(?:{_words(deal_frame.get('close', []))})", re.I),
        "reach": int(change.get("reach", 6)),
        "change_noun": re.compile(rf"(?P<w>{_words(nouns)})[^，,。；;：:!?！？\d]{{0,3}}$", re.I),
        "noun_direction": nouns,
        "per": re.compile(_words(per), re.I),
        "per_units": per,
        # a unit word right before the amount, not ending a longer word (，報9.87元, 、收822.79美元; not 营收, 据报)
        "per_adjacent": re.compile(rf"(?<![\u3400-\u9fff])(?P<w>{_words(adjacent)})\s*$", re.I),
        "per_adjacent_units": adjacent,
        # units whose cue governs the amounts after it in its sentence (一手2000股,未计手续费,账面赚280元)
        "per_sentence": frozenset(data.get("per_sentence", [])),
        "share_trading": re.compile(_words(data.get("share_trading", [])), re.I),
        # 每 + a verb or a count + a unit of capacity: 每建成1GW, 每 GW 容量
        "per_prefixed": re.compile(rf"(?:{_words(prefixed.get('prefix', []))})"
                                   r"\s*[^\d，,。；;：:\s]{0,3}?\s*[\d.,]*\s*"
                                   rf"(?P<unit>{_words(prefixed_units, latin_boundaries=False)})(?![A-Za-z])", re.I)
                        if prefixed_units else None,
        "per_prefixed_units": prefixed_units,
        "unit_noun": re.compile(_words(unit_nouns), re.I),
        "unit_nouns": unit_nouns,
        "refine": {topic: {into: re.compile(_words(words), re.I) for into, words in table.items()}
                   for topic, table in data.get("refine", {}).items()},
        "refine_in_clause": {topic: {into: re.compile(_words(words), re.I) for into, words in table.items()}
                             for topic, table in data.get("refine_in_clause", {}).items()},
        # a cue's linking word to its own amount (Bewertung von, 估值达): \s, then the word, then \s
        "introducing": re.compile(rf"\s*(?:{_words(data.get('introducing_words', []))})\s*", re.I),
        # an amount's bracketed restatement and a joining word (的) between it and a cue right after it
        "adjoining": re.compile(adjoining),
        # an amount set as a limit (拟于…2831万美元…的额度内，兴建…): what follows its frame word is what it is for
        "budget_frame": re.compile(rf"{adjoining}(?:{_words(data.get('budget_frames', [])) or NEVER})"),
        "weak_topic_cues": frozenset(w.lower() for w in data.get("weak_topic_cues", [])),
        "market": re.compile(_words(data.get("market_words", [])), re.I),
        # a limit on chips (上限为, Obergrenze von): the count after it is a rule's, nobody holds it
        "limit": re.compile(_words(data.get("limit_words", [])) or NEVER, re.I),
        # first-person words of a quote: the company of the person speaking (我们, wir)
        "first_person": re.compile(_words(data.get("first_person", [])) or NEVER, re.I),
        # a determiner and a system noun (das System, der Rechner, 该集群): the system named before
        "system_anaphora": re.compile(_words(data.get("system_anaphora", [])) or NEVER, re.I),
        # words of buying, using or deploying hardware: its holder is the subject of a model named without a count
        "holds": re.compile(_words(data.get("holder_words", [])) or NEVER, re.I),
        # a clause-opening name ending in a project noun (科创中心二期项目作为…)
        "project": re.compile(rf"(?:^|(?<=[{CLAUSE_OPENERS}]))\s*"
                              rf"(?P<name>[^\s{CLAUSE_OPENERS}、（()）“”\"「」『』—–\-\d]{{2,18}}?"
                              rf"(?:{_words(data.get('project_nouns', []))}))", re.I),
        "project_word": re.compile(_words(data.get("project_nouns", [])), re.I),
        "not_a_project": re.compile(_words(data.get("not_in_project_names", [])), re.I),
        # words that may open a listed company's name before its stock code (至于, 继, 而)
        "name_opener": re.compile(_words(data.get("name_openers", [])), re.I),
        "name_descriptor": re.compile(rf"(?:{_words(data.get('name_descriptors', []))})$"),
        # how a listed company's name may end (挚达科技, 中梁控股): its head alone is a short name for it
        "listed_name_ending": re.compile(rf"(?:{_words(data.get('listed_name_endings', []))})$"
                                         if data.get("listed_name_endings") else NEVER),
        "topic_words": _topic_pattern(locale)[0],
    }


# ---- sentence analysis (cached: every claim of a sentence asks for the same) ----------------------------------


# An article's own names of organisations the catalogue does not know: (spelling in matching form, name) pairs.
Names = tuple[tuple[str, str], ...]


# After a name's genitive s (Comets, Comet's): not another letter (Cometa is no genitive).
GENITIVE_END = re.compile(r"['’]?s\w")


@functools.lru_cache(maxsize=1024)
def _raw_mentions(text: str, locale: str, extra: Names = ()) -> tuple[Mention, ...]:
    """Every catalogue name in ``text`` (and every one of the article's own ``extra`` names), longest first where two
    overlap."""
    cat = _catalogue(locale)
    found = []
    for m in cat["pattern"].finditer(text):
        key = m.group(0).lower()
        entity = cat["by_alias"].get(key) or cat["by_alias"].get(re.sub(r"['’]?s$", "", key))
        if entity:
            found.append(Mention(m.start(), m.end(), entity))
    if cat["cased_pattern"] is not None:
        for m in cat["cased_pattern"].finditer(text):
            entity = cat["cased"].get(m.group(0)) or cat["cased"].get(re.sub(r"['’]?s$", "", m.group(0)))
            if entity:
                found.append(Mention(m.start(), m.end(), entity))
    for alias, name in extra:
        latin = _latin(alias)
        at = text.find(alias)
        while at >= 0:
            end = at + len(alias)
            # (a Latin name as a word, or its genitive: Comet, Comets Umsatz, not Cometa)
            if latin and text.startswith(("s", "'s", "’s"), end) and not GENITIVE_END.match(text, end):
                end = text.index("s", end) + 1
            if not latin or not (at and text[at - 1].isalnum() or end < len(text) and text[end].isalnum()):
                found.append(Mention(at, end, Entity(name, "company")))
            at = text.find(alias, end)
    # a project's name after an indefinite determiner is a common noun (eine KI-Gigafactory, ein Stargate-Rechenzentrum
    # is no Stargate either way: 一座超级计算机), not the named project
    indefinite = cat["indefinite_before"]
    found = [m for m in found
             if m.entity.type != "project" or not indefinite.search(text, max(0, m.start - 12), m.start)]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in found:
        if not out or m.start >= out[-1].end:
            out.append(m)
    return tuple(out)


def _mentions(text: str, locale: str, extra: Names = ()) -> tuple[Mention, ...]:
    return _raw_mentions(text, locale, extra)


@functools.lru_cache(maxsize=1024)
def _layout(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """The sentence's bracketed asides and clause breaks (start, end), shared by all its claims."""
    return (tuple((m.start(), m.end()) for m in BRACKETS.finditer(text)),
            tuple((m.start(), m.end()) for m in CLAUSE_SPLIT.finditer(text)))


def _unbracketed(text: str, lo: int, hi: int) -> str:
    """``text[lo:hi]`` without its bracketed asides (英伟达（Nvidia，又译辉达）、微软: the aside is not the list's
    gap)."""
    return BRACKETS.sub("", text[lo:hi])


@functools.lru_cache(maxsize=1024)
def _roles(text: str, locale: str, extra: Names = ()) -> tuple[Mention, ...]:
    """The sentence's subject-type mentions with their roles (see the module docstring)."""
    cat = _catalogue(locale)
    frames = [(f.start("inner"), f.end("inner"), role)
              for pattern, role in cat["frames"] for f in pattern.finditer(text)]
    out: list[Mention] = []
    for m in _mentions(text, locale, extra):
        if m.entity.type not in SUBJECT_TYPES:
            continue
        before = text[max(0, m.start - CUE_REACH) : m.start]
        role = "subject"
        if cat["comparison"].search(before):
            role = "comparandum"
        elif cat["counterparty"].search(before) or m.entity.type in ("company", "body") and \
                not text.startswith("-", m.end) and \
                cat["counterparty_described"].search(text[max(0, m.start - DESCRIBED_REACH) : m.start]):
            # (not a chip: Huawei mit der Ascend 910C, die … kosten soll; not a compound's first word: in den
            # Meta-Servern, the servers are Meta's)
            role = "counterparty"
        elif frame := next((r for a, b, r in frames if a <= m.start and m.end <= b), None):
            role = frame
        elif m.entity.vendor and (cat["chip_after"].match(text[m.end : m.end + 24])
                                  or cat["chip_before"].search(text[max(0, m.start - 40) : m.start])):
            role = "maker"
        elif m.entity.type == "person" and cat["speech_after"].match(text[m.end : m.end + 12]):
            role = "speaker"
        elif m.entity.type in ("person", "body") and cat["source_before"].search(before):
            role = "speaker"  # laut dem Bundesrat, 据美国商务部: the body says it (a company's own figures stay its)
        if role == "subject" and out and out[-1].role in ("comparandum", "counterparty") and \
                out[-1].end + LIST_GAP_REACH >= m.start and \
                cat["conjunction"].match(_unbracketed(text, out[-1].end, m.start)):
            role = out[-1].role  # 从亚马逊和谷歌 (a list), mit GPT-4, Googles Bard (a name and its owner's): one role
        out.append(Mention(m.start, m.end, m.entity, role))
    return tuple(out)


@functools.lru_cache(maxsize=4096)  # subject, topic and anaphora of one claim ask for the same scopes
def _scopes(text: str, start: int, end: int) -> tuple[tuple[int, int, tuple[tuple[int, int], ...]], ...]:
    """(scope start, scope end, masked spans) from the narrowest to the sentence."""
    scopes: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []
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


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    lo, hi, _ = _scopes(text, start, end)[-2]
    return lo, hi


# ---- subject ----------------------------------------------------------------------------------------------


def _allowed(m: Mention, text: str, start: int, end: int) -> bool:
    """Whether ``m`` may be the subject of the amount at [start, end): a subject-role mention, or a comparandum
    right before the figure it owns (较格芯的984美元)."""
    if m.start < end and m.end > start:
        return False
    if m.role == "subject":
        return True
    return m.role == "comparandum" and m.end <= start and bool(OWNED.fullmatch(text, m.end, start))


def _joint(best: Mention, pool: list[Mention], text: str, locale: str, before: int) -> str:
    """``best``'s name, with the names a conjunction joins to it before ``before`` (the amount): 英伟达和博通 →
    "Nvidia + Broadcom"."""
    cat = _catalogue(locale)

    def joined(a: Mention, b: Mention) -> bool:
        return b.start - a.end <= LIST_GAP_REACH and bool(cat["joined"].match(_unbracketed(text, a.end, b.start)))

    names = [best.entity.name]
    current = best
    # a list crosses the commas that split clauses (Amazon Web Services (AWS), Microsoft und Google): the sentence's
    # names before it too, but none in brackets (the aside AWS is Amazon Web Services again)
    brackets = _layout(text)[0]
    sentence = [m for m in _roles(text, locale) if m.role == "subject" and not _inside(m.start, brackets)]
    earlier = {m.start: m for m in [*sentence, *pool] if m.end <= best.start}
    for m in sorted(earlier.values(), key=lambda m: -m.end):
        if not joined(m, current):
            break
        if m.entity.name not in names and m.entity.type != "chip":
            names.insert(0, m.entity.name)
        current = m
    current = best
    for m in sorted((m for m in pool if m.start >= best.end and m.end <= before), key=lambda m: m.start):
        if not joined(current, m):
            break
        if m.entity.name not in names and m.entity.type != "chip":
            names.append(m.entity.name)
        current = m
    return " + ".join(names)


def _pick(pool: list[Mention], preferred: list[Mention], start: int, end: int, text: str, locale: str) -> str:
    """The nearest of ``preferred``; a model, unit or project of that company anywhere in ``pool`` is more specific
    (DeepSeek正式开源R1推理模型…，其预训练费用: R1); with the names a conjunction joins before it."""
    best = min(preferred, key=lambda m: _distance(m.start, m.end, start, end))
    # a child named after the amount in another clause is an object there (…完成收购Mellanox的贡献), not its subject
    lo, hi = _clause(text, start, end)
    children = [m for m in pool if m.entity.parent == best.entity.name and m.entity.type in CHILD_TYPES
                and (m.end <= start or lo <= m.start < hi)]
    if best.entity.type == "company" and children:
        best = min(children, key=lambda m: _distance(m.start, m.end, start, end))
    return _joint(best, pool, text, locale, start)


def subject_of(text: str, start: int, end: int, locale: str, kind: str = "money", extra: Names = ()) -> str | None:
    """The canonical subject the sentence ``text`` names for the claim at ``text[start:end]`` (matching form), or None.

    The sentences before are not read here: ``annotate_all`` carries a subject from them where this gives None. For a
    hardware claim (``kind``) no chip is a subject, and its own maker right before it (英伟达的非高端H800) is not
    either.
    """
    cat = _catalogue(locale)
    mentions = [m for m in _roles(text, locale, extra) if _allowed(m, text, start, end)
                or kind == "hardware" and _equips(m, start, end)]
    if kind == "hardware":
        mentions = [m for m in mentions if m.entity.type != "chip" and not _makes(m, text, start)]
    scopes = _scopes(text, start, end)
    last = len(scopes) - 1
    clause_lo, clause_hi, masked = scopes[last - 1]
    refers = bool(cat["anaphora"].match(text[clause_lo:start]))
    visible = [m for m in mentions if not _inside(m.start, masked)]
    if len(scopes) == 3 and not any(scopes[0][0] <= m.start < scopes[0][1] for m in mentions):
        # an amount in brackets right after a name is that name's (mit Apple (2,9 Billionen Dollar),
        # 台积电（1.2万亿美元）)
        named = [m for m in _roles(text, locale, extra) if m.role not in ("speaker", "maker")
                 and 0 <= scopes[0][0] - 1 - m.end <= 1 and (kind == "money" or m.entity.type != "chip")]
        if named:
            return named[-1].entity.name
    named_before = [m for m in visible if m.end <= clause_lo and m.entity.type in CARRIED_TYPES]
    if len(named_before) >= 2 and (pick := cat["former_latter"].match(text, clause_lo)):
        # 后者仅购买了22.4万颗, Letztere …: the last (or the one before it) named before the clause
        return named_before[-1 if pick.lastgroup == "latter" else -2].entity.name
    if clause_lo > 0 and cat["relative"].match(text, clause_lo) and text[clause_lo - 1] in ",，":
        # a relative clause's figure is its antecedent's (…von der von OpenAI in den Schatten gestellt, das insgesamt
        # fast 60 Milliarden Dollar aufgebracht hat): the nearest name before it
        # (for an amount a chip too: Huawei mit der Ascend 910C, die angeblich nur 20.000 Yuan kosten soll)
        antecedents = [m for m in visible if m.end <= clause_lo and (m.entity.type in CARRIED_TYPES or
                       kind == "money" and m.entity.type == "chip")]
        if antecedents:
            return antecedents[-1].entity.name
    # the sentence's own subjects before the amount: names that open a clause before the amount's clause
    # (for an amount, a chip too: H100的8卡节点年租赁价格在12-18万人民币之间,现在已降至约7万人民币)
    opening = [m for m in visible if m.end <= clause_lo and (m.entity.type in CARRIED_TYPES or
               kind == "money" and m.entity.type == "chip") and _opens_clause(m, text, masked, locale, extra)]
    if cat["generic"].search(text, clause_lo, clause_hi):
        # a clause speaking of an unnamed model ("the base LLM") takes only a company from the rest of the sentence
        opening = [m for m in opening if m.entity.type == "company"]
    for depth, (lo, hi, scope_masked) in enumerate(scopes[:-1]):
        inside = [m for m in mentions if lo <= m.start and m.end <= hi and not _inside(m.start, scope_masked)]
        before = [m for m in inside if m.end <= start]
        if refers and not before:
            continue  # 其营收…: the clause refers back, a name after the amount in it is an object
        if depth == last - 1 and not before and _generic_head(text[lo:start], cat):
            return None  # 中国企业已下单超过200万片H200: an unnamed subject of its own clause, not a name before it
        if depth < last - 1:  # the amount's bracket: any name in it
            if inside:
                return _pick(inside, inside, start, end, text, locale)
            continue
        owners = [m for m in inside if cat["owner_after"].fullmatch(text, end, m.start)]
        if owners:  # 100 Millionen US-Dollar von Chatgpt4O
            return _pick(inside, owners, start, end, text, locale)
        if before:
            # the name that owns the figure (联电的675美元), else the nearest before it
            owned = [m for m in before if OWNED.fullmatch(text, m.end, start)]
            return _pick(inside, owned or before, start, end, text, locale)
        if opening:
            return _pick(visible, opening, start, end, text, locale)
        if inside and not refers:
            # only names after the amount in its clause: the nearest, unless the sentence has a subject before
            return _pick(inside, inside, start, end, text, locale)
    earlier = [m for m in visible if m.end <= start and m.entity.type in CARRIED_TYPES]
    if cat["generic"].search(text, clause_lo, clause_hi):
        earlier = [m for m in earlier if m.entity.type == "company"]
    if earlier:
        return _pick(earlier, opening or earlier, start, end, text, locale)
    # the company announcing the figures later in the sentence (…, wie Qualcomm nach Börsenschluss mitteilte)
    announcers = [m for m in visible if m.start >= end and m.entity.type in CARRIED_TYPES
                  and cat["announcer"].search(text, max(0, m.start - 8), m.start)]
    if announcers:
        return announcers[0].entity.name
    colon = COLON.search(text, end)
    if colon and not any(m.end <= start or m.start < colon.start() for m in visible):
        # a headline's figures before a colon are the company named after it (40 Milliarden Dollar, 400.000 KI-Chips:
        # Der texanische Cloud-Gigant Oracle schließt …)
        after = [m for m in visible if m.start > colon.start() and m.entity.type in CARRIED_TYPES]
        if after and not CLAUSE_SPLIT.search(text, colon.end(), after[0].start):
            return after[0].entity.name  # the subject of the clause right after the colon
    return None


COLON = re.compile(r"[:：]")


def holder_of(text: str, start: int, end: int, locale: str, vendor: str | None, carried: str | None = None,
              extra: Names = ()) -> str | None:
    """Who buys, uses or deploys the hardware named without a count at ``text[start:end]``, when its sentence says so
    with a holding word (采购, 部署, 使用, kauft, Einsatz, setzt auf): the subject of its clause or sentence, else the
    subject of the text before when the sentence names nobody (In ihm kommen AMDs MI300A zum Einsatz); None when no
    holding word is there or the one found is the vendor itself."""
    holds = _context_words(locale)["holds"]
    lo, hi = _clause(text, start, end)
    if not holds.search(text, lo, hi):
        return None  # (微软成为Hopper芯片的最大买家,其购买量…: bought in another clause; the chip stays its maker's)
    roles = _roles(text, locale, extra)
    if any(m.entity.name == vendor and (_makes(m, text, start) or m.role == "maker" and lo <= m.start < m.end <= start)
           for m in roles):
        return None  # 使用的是英伟达的H800芯片, Einsatz von Nvidias A100: the text names it as its maker's product
    found = subject_of(text, start, end, locale, "hardware", extra)
    if found is None and not unnamed(text, start, end, locale, "hardware") and \
            not any(m.role == "subject" and m.entity.type in CARRIED_TYPES and m.entity.name != vendor for m in roles):
        found = carried
    if found is None or found == vendor or company_of(found) == vendor:
        return None
    entity = subject_entity(found)
    return found if entity is None or entity.type in CARRIED_TYPES | {"person"} else None


def _equips(m: Mention, start: int, end: int) -> bool:
    """Whether ``m`` is the project chips go to (für Colossus 1 etwa 150.000 H200, 用于星门项目的GPU): the chips are
    the system's, though a project money goes to is a counterparty of the money."""
    return m.role == "counterparty" and m.entity.type == "project" and not (m.start < end and m.end > start)


# What stands between a vendor and the hardware it makes: nothing, a hyphen, a possessive with a few words
# (英伟达的非高端H800, NVIDIA最新的), or a few lower-case words (Nvidias neuen A100); not a verb (英伟达目前库存只有
# 70万颗: its stock).
MAKER_GAP = re.compile(r"[\s\-–（(“”\"「」]*|[^，,。；;\d]{0,4}?(?:的|之)[^，,。；;\d]{0,6}|(?:\s+[a-zäöüß]+){1,2}\s*")


def _makes(m: Mention, text: str, start: int) -> bool:
    """Whether ``m`` is the maker of the hardware named at ``start`` (a vendor right before it: 英伟达的非高端H800)."""
    return m.entity.vendor and m.end <= start and start - m.end <= MAKER_REACH and \
        not CLAUSE_SPLIT.search(text, m.end, start) and MAKER_GAP.fullmatch(text, m.end, start) is not None


def _opens_clause(m: Mention, text: str, masked: tuple[tuple[int, int], ...], locale: str, extra: Names = ()) -> bool:
    """Whether ``m`` opens its clause: a few words at most before it (而亚马逊作为…, Im Quartal verdiente NVIDIA), or
    the name it follows in a possessive (DeepSeek的主要投资方“幻方量化”, 英伟达的代工厂台积电)."""
    _, splits = _layout(text)
    lo = max([0, *(b for a, b in splits if b <= m.start and not _inside(a, masked))])
    reach = _catalogue(locale)["initial_reach"]
    if len(_unbracketed(text, lo, m.start).strip(OPENERS)) <= reach:
        return True
    head = POSSESSIVE_HEAD.search(text, lo, m.start)
    if not head:
        return False
    at = head.start()
    return any(o.end == at and len(_unbracketed(text, lo, o.start).strip(OPENERS)) <= reach
               for o in _mentions(text, locale, extra))


@functools.lru_cache(maxsize=1024)
def main_mention(text: str, locale: str, extra: Names = ()) -> tuple[int, str] | None:
    """Where the subject a sentence is about starts, and its name (for the sentences after it that name none): its
    first candidate, with the list it heads (英伟达、微软、亚马逊正与OpenAI洽谈 → "Nvidia + Microsoft + Amazon")."""
    # a unit (移动业务集团收入增长9%) is the subject of its own sentence, not of the ones after it
    mentions = [m for m in _roles(text, locale, extra)
                if m.role == "subject" and m.entity.type in CARRIED_TYPES - {"segment"}]
    if not mentions:
        return None
    first = _joined_runs(mentions, text, locale)[0]
    return first[0].start, " + ".join(dict.fromkeys(m.entity.name for m in first))


def _joined_runs(mentions: list[Mention], text: str, locale: str) -> list[list[Mention]]:
    """``mentions`` (in order) in runs of names a conjunction joins (英伟达、微软和亚马逊): one run each, a lone name
    a run of one."""
    joined = _catalogue(locale)["joined"]
    runs: list[list[Mention]] = []
    for m in mentions:
        if runs and m.start - runs[-1][-1].end <= LIST_GAP_REACH and \
                joined.match(_unbracketed(text, runs[-1][-1].end, m.start)):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def main_subject(text: str, locale: str, extra: Names = ()) -> str | None:
    """The subject a sentence is about (see ``main_mention``)."""
    found = main_mention(text, locale, extra)
    return found[1] if found else None


def first_subject(text: str, locale: str) -> str | None:
    """The first subject-like mention of a sentence (kept for callers of the earlier API)."""
    return main_subject(text, locale)


def refers_back(text: str, start: int, end: int, locale: str) -> bool:
    """Whether the amount's clause opens with an anaphoric word (其总训练成本..., sein Modell ...)."""
    lo, hi = _clause(text, start, end)
    return bool(_catalogue(locale)["anaphora"].match(text[lo:hi]))


def company_level(subject: str | None, topic: str | None) -> str | None:
    """For a company-level topic, a model's, unit's or person's figure as their company's (see COMPANY_TOPICS)."""
    if not subject or topic not in COMPANY_TOPICS or " + " in subject:
        return subject
    entity = subject_entity(subject)
    if entity and entity.type in ("model", "person") and entity.parent:
        return entity.parent
    return subject


# ---- topic, change, hypothetical, per ------------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def _cues(text: str, locale: str) -> tuple[tuple[int, int, str], ...]:
    """Every topic cue of the sentence as (start, end, topic), shared by all its claims. A weak cue (a payment verb:
    支付, gezahlt) only counts in a sentence with no other cue: what was paid for says more than that it was paid."""
    pattern, by_cue = _topic_pattern(locale)
    weak = _context_words(locale)["weak_topic_cues"]
    found = [(m.start(), m.end(), topic, m.group(0).lower() in weak) for m in pattern.finditer(text)
             if (topic := by_cue[m.group(0).lower()]) is not None]
    strong = [c[:3] for c in found if not c[3]]
    return tuple(strong) if strong else tuple(c[:3] for c in found)


# How long an amount's bracketed restatement between it and the cue after it may be (（约新台币2.19兆元）).
ADJOINING_BRACKET = 30
# A cue after the amount that introduces a figure of its own (…750 Mio. Dollar … bei einer Bewertung von 6 Mrd. Dollar,
# 融资7亿美元、估值达30亿美元): a few linking words, no clause mark, then a number that is no percentage or year.
OWN_FIGURE = re.compile(r"[^，,。；;：:!?！？\d%％]{0,10}?(?P<n>\d[\d.,']*)(?!\s*(?:%|％|Prozent|个百分点|年|\d))")
YEAR = re.compile(r"(?:19|20)\d\d")


def _owns_figure(text: str, cue_end: int) -> bool:
    """Whether the topic cue ending at ``cue_end`` is followed by a figure of its own, not the earlier amount's."""
    found = OWN_FIGURE.match(text, cue_end)
    return found is not None and not YEAR.fullmatch(found["n"])


def _adjoins(text: str, end: int, cue_start: int, locale: str) -> bool:
    """Whether the cue at ``cue_start`` stands right after the amount ending at ``end`` (1060万元税收), past a
    restatement in brackets and a joining word (100兆韩元（约新台币2.19兆元）的营收)."""
    return 0 <= cue_start - end <= 1 or \
        cue_start > end and _context_words(locale)["adjoining"].fullmatch(text, end, cue_start) is not None


def _introduces(text: str, cue_end: int, start: int, locale: str) -> bool:
    """Whether the cue ending at ``cue_end`` introduces the amount at ``start`` through a linking word
    (``introducing_words``: Bewertung von 6 Mrd., 估值达30亿): it beats even a cue right after the amount (bei einer
    Bewertung von 6 Mrd. Dollar einsammeln will: a valuation). A cue with no link (投入420亿元采购) does not."""
    link = _context_words(locale)["introducing"]
    return 0 < start - cue_end <= 12 and link.fullmatch(text, cue_end, start) is not None


def _nearest(cues: Iterable[tuple[int, int, str]], text: str, start: int, end: int, locale: str) -> str | None:
    """The value of the nearest cue in the amount's clause (with its brackets), else in the sentence. A cue right after
    the amount names it (1060万元税收) and beats one as near before it (…产值、1060万元税收), unless one right before it
    introduces it (Bewertung von 6 Mrd. Dollar einsammeln); one after the amount that introduces a figure of its own
    (750 Mio. Dollar … bei einer Bewertung von 6 Mrd.) is that figure's. Beyond the clause a cue
    before the amount governs it rather than one after it, which belongs to the next clause's figure (收入增长30%,达到54
    亿元,经营溢利增长40%: revenue), unless the amount is set as a limit (``budget_frames``: 于2831万美元的额度内，
    兴建…)."""
    cues = [c for c in cues if not (c[0] < end and c[1] > start) and
            not (c[0] > end + 1 and not _adjoins(text, end, c[0], locale) and _owns_figure(text, c[1]))]
    scopes = _scopes(text, start, end)
    for depth, (lo, hi, _) in enumerate(scopes[-2:]):
        inside = [c for c in cues if lo <= c[0] and c[1] <= hi]
        if depth and _context_words(locale)["budget_frame"].match(text, end) and any(c[0] >= end for c in inside):
            inside = [c for c in inside if c[0] >= end]
        elif depth and any(c[1] <= start for c in inside):
            inside = [c for c in inside if c[1] <= start]
        if inside:
            return min(inside, key=lambda c: (not _introduces(text, c[1], start, locale),
                                              0 if _adjoins(text, end, c[0], locale) else
                                              _distance(c[0], c[1], start, end), c[0] < start))[2]
    return None


def _refined(found: str, text: str, start: int, end: int, locale: str) -> str:
    """``found`` made more precise by the words of the amount's clause (``refine_in_clause``: an investment received is
    funding) or its sentence (``refine``: an investment in data centres is capex, a cost of chips a hardware cost),
    unless the clause names the company the money goes into (给 OpenAI 投资, 投资 OpenAI, in Intel)."""
    words = _context_words(locale)
    lo, hi = _clause(text, start, end)
    for topic, pattern in words["refine_in_clause"].get(found, {}).items():
        if pattern.search(text, lo, hi):
            return topic
    table = words["refine"].get(found, {})
    if table and not _target_named(text, lo, hi, locale):
        for topic, pattern in table.items():
            if pattern.search(text):
                return topic
    return found


def _target_named(text: str, lo: int, hi: int, locale: str) -> bool:
    """Whether the clause [lo, hi) names a company as where the money goes: a counterparty (给OpenAI, an OpenAI), or a
    company right after an investment word (投资OpenAI, Beteiligung an)."""
    pattern, by_cue = _topic_pattern(locale)
    invest = [c for c in _cues(text, locale) if c[2] == "investment" and lo <= c[0] < hi]
    for m in _roles(text, locale):
        if not (lo <= m.start < hi) or m.entity.type not in ("company", "model", "segment"):
            continue
        if m.role == "counterparty" or any(0 <= m.start - c[1] <= 2 for c in invest):
            return True
    return False


def topic_of(text: str, start: int, end: int, locale: str, subject: str | None = None, per: str | None = None) -> str:
    """The topic of the amount at ``text[start:end]`` from the nearest cue word; ``other`` without one.

    A generic cost (成本, Kosten) is the specific cost the sentence names elsewhere
    (“o1”成本在1500万美元左右，所以要比较…的训练成本: training cost), a unit price's (每小时费用为2美元) or a chip's
    cost a price, a model's its development cost, a cost per gigawatt of capacity capex. A valuation in a sentence that
    speaks of market value (Börsenwert, 市值) is one. Then ``_refined``: an investment in the company's own
    infrastructure (投资…用于数据中心的建设) is capex, an investment received (获得…投资) funding."""
    cues = _cues(text, locale)
    found = _nearest(cues, text, start, end, locale)
    entity = subject_entity(subject)
    if found == GENERIC_COST:
        specific = [c for c in cues if c[2] in SPECIFIC_COSTS and not (c[0] < end and c[1] > start)]
        if specific:
            found = min(specific, key=lambda c: _distance(c[0], c[1], start, end))[2]
        elif per in CAPACITY_PER:
            found = "capex"
        elif per in UNIT_PRICE_PER or entity is not None and entity.type == "chip":
            found = "price"
        elif entity is not None and entity.type == "model":
            found = "development_cost"
    if found in ("price", "other") and per in CAPACITY_PER:
        found = "capex"
    if per == "share" and found in (None, GENERIC_COST, "price"):
        found = "market_value"  # a share's price (Papiere … 15 Dollar gekostet, 每股平均价2.7713港元, ，报9.87元)
    lo, hi = _clause(text, start, end)
    if found == "valuation" and any(c[2] == "market_value" and (c[1] <= start or lo <= c[0] < hi) for c in cues):
        # a listed company's valuation is its market value (Börsenwert … mit 5 Billionen bewertet); not for shares
        # named after it in another clause (mit 500 Milliarden Dollar bewertet worden war, …, die Option auf AMD-Aktien)
        found = "market_value"
    if found == "price" and per is not None:
        return found  # a price per share or per unit in a deal stays a price (以每股10元的价格收购)
    if found:
        found = _refined(found, text, start, end, locale)
        if found == GENERIC_COST and entity is not None and entity.type == "project":
            return "capex"  # a data centre's or cluster's cost of no named kind is its build-out (Der Komplex soll …
            # gekostet haben); a supercomputer's that names its machines stays a hardware cost (refine)
        return found
    if entity and entity.default_topic:
        return entity.default_topic
    return "other"


def _clause_cued(text: str, start: int, end: int, locale: str) -> bool:
    """Whether the amount's own clause holds a topic cue."""
    lo, hi = _clause(text, start, end)
    return any(lo <= c[0] < hi for c in _cues(text, locale))


def change_of(text: str, start: int, end: int, locale: str) -> str:
    """``increase`` or ``decrease`` for an amount the sentence states as a change (市值蒸发6143亿美元, um 3 Milliarden
    gestiegen, 160 Milliarden Euro an Börsenwert zugelegt), else ``level``."""
    words = _context_words(locale)
    lo, hi = _clause(text, start, end)
    before = text[max(lo, start - words["reach"] - 16) : start]
    if noun := words["change_noun"].search(before):
        return words["noun_direction"][noun["w"].lower()]
    if words["level_before"] is not None and words["level_before"].search(before):
        # 增长至, 升到, auf, von: the amount is where it went (or came from), unless a change word follows that level
        # word (达到增加2亿) or the level word ends a change phrase (ein Verlust von)
        level = list(words["level_word"].finditer(before))[-1]
        if not words["change_word"].search(before[level.end() :]) and \
                not words["change_phrase"].search(before, 0, level.end()):
            return "level"
    adjacent = words["change_word"].search(before)
    if adjacent:
        return words["direction"][adjacent["w"].lower()]
    if after := words["direction_after"].match(text, end, hi):
        return words["after_direction"][after["w"].lower()]
    if words["change_before"].search(before) or words["change_after"].match(text, end, end + 24):
        clause = text[lo:hi]
        directions = [(abs(m.start() + lo - start), words["direction"][m.group(0).lower()])
                      for m in words["direction_in"].finditer(clause)]
        if directions:
            return min(directions)[1]
    return "level"


@functools.lru_cache(maxsize=1024)  # every claim of a sentence asks
def _first_hypothetical(text: str, locale: str) -> int | None:
    """Where the sentence's first hypothetical cue ends, or None."""
    words = _context_words(locale)
    for found in words["hypothetical"].finditer(text):
        if not words["basis_after"].match(text, found.end()):
            return found.end() - 1
    return None


# How far before an amount a price word makes it the basis of a calculation (收盘价129.5元, 发行价为114.28元).
BASIS_REACH = 8


def hypothetical_of(text: str, start: int, end: int, locale: str) -> bool:
    """Whether the amount is a figure of an analogy, an assumption or an example (see the module docstring)."""
    first = _first_hypothetical(text, locale)
    if first is not None and first < start:
        return True
    words = _context_words(locale)
    lo, hi = _clause(text, start, end)
    if words["basis_before"].search(text, max(lo, start - BASIS_REACH), start):
        return False  # 以今日收盘价129.5元计算: the company's own price, a fact the sentence calculates from
    return bool(words["hypothetical_after"].match(text[end:hi]))


def per_of(text: str, start: int, end: int, locale: str) -> tuple[str | None, bool]:
    """The unit of a unit price from the nearest unit cue of the amount's bracket or clause (股价 → share; 市值 → ``no
    unit``), or None; and whether the cue is in the amount's own bracket (折合美国存托凭证每单位为1.44美元).

    A cue after the amount names it only right after it (1,24 Dollar pro Aktie); further on it is the next figure's
    (einen Gewinn von 552 Millionen Dollar oder 1,24 Dollar pro Aktie: the 552 million is a total). A clause with no
    unit cue and no topic cue of its own continues the clause before it (股价漲幅逾16%，越過1400元、1500元大關: per
    share)."""
    totals = [c for c in _cues(text, locale) if c[2] in TOTAL_TOPICS and c[1] <= start]
    cues = [c for c in _unit_cues(text, locale) if not (c[0] < end and c[1] > start)
            and (c[1] <= start or c[0] - end <= UNIT_AFTER_REACH)
            # a total named between the unit and the amount is what the amount is (Aktien … Investition in Höhe von)
            and not any(c[1] <= t[0] for t in totals if not (t[0] < c[1] and t[1] > c[0]))]
    words = _context_words(locale)
    if adjacent := words["per_adjacent"].search(text, max(0, start - 8), start):
        return words["per_adjacent_units"][adjacent["w"].lower()], False
    scopes = _scopes(text, start, end)
    for depth, (lo, hi, _) in enumerate(scopes[:-1]):
        inside = [c for c in cues if lo <= c[0] and c[1] <= hi]
        if inside:
            unit = min(inside, key=lambda c: _distance(c[0], c[1], start, end))[2]
            return unit, depth < len(scopes) - 2
    # (a loss or total named between does not end it: the lot is what the whole calculation is of)
    governing = [c for c in _unit_cues(text, locale) if c[1] <= start and c[2] in words["per_sentence"]]
    if governing:
        return governing[-1][2], False
    lo, hi = _clause(text, start, end)
    if not any(lo <= c[0] < hi for c in _cues(text, locale)):
        before = [c for c in cues if c[1] <= lo]
        if before:
            return max(before, key=lambda c: c[1])[2], False
    return None, False


# How far after an amount its unit may stand to be its unit (1,24 Dollar pro Aktie, 5 Dollar je Aktie).
UNIT_AFTER_REACH = 3
# Topics of a company's totals: a cue of one between a unit cue and the amount makes the amount that total.
TOTAL_TOPICS = frozenset({"investment", "funding", "valuation", "capex", "revenue", "loss", "fine", "subsidy"})


@functools.lru_cache(maxsize=1024)
def _unit_cues(text: str, locale: str) -> tuple[tuple[int, int, str], ...]:
    """The sentence's unit cues (start, end, unit): the words of ``context: per`` and a unit after a per-word with a
    verb or a count between (每建成1GW的设施, 每 GW 容量)."""
    words = _context_words(locale)
    found = [(m.start(), m.end(), words["per_units"][m.group(0).lower()]) for m in words["per"].finditer(text)]
    if words["per_prefixed"] is not None:
        found += [(m.start(), m.end(), words["per_prefixed_units"][m["unit"].lower()])
                  for m in words["per_prefixed"].finditer(text)]
    return tuple(sorted(found))


def counted_unit(text: str, start: int, locale: str) -> str | None:
    """What a unit price without its noun ("unit": 采购单价15万元, 每片2.7万美元) is the price of: the nearest counted
    noun before it in its sentence, a chip (100块GPU显卡, H200) or a machine (服务器, 机柜); None if it names none."""
    words = _context_words(locale)
    nouns = [(m.end(), words["unit_nouns"][m.group(0).lower()]) for m in words["unit_noun"].finditer(text, 0, start)]
    nouns += [(m.end, "GPU") for m in _mentions(text, locale) if m.entity.type == "chip" and m.end <= start]
    return max(nouns)[1] if nouns else None


# ---- attribution -------------------------------------------------------------------------------------------


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


# ---- a claim, an article -------------------------------------------------------------------------------------


def _sentence_offsets(claim: dict[str, Any], body: str) -> tuple[int, int, int]:
    """Where the claim's sentence starts in ``body``, and the claim's offsets in it."""
    sentence = claim.get("sentence") or claim["text"]
    # The copy of the sentence that holds the claim: searched for only within a sentence's length of the claim (a
    # search of all the text before every claim cost 10 s of 13 for 60,000 amounts in a 1.4 M-character article), and
    # the last one starting at or before it (a sentence may hold the claim's text twice: 扩大至2.02亿元…增加约2亿元).
    s0 = body.rfind(sentence, max(0, claim["start"] - len(sentence)), claim["start"] + len(sentence))
    if s0 < 0 or s0 + len(sentence) < claim["end"]:
        s0 = claim["start"] - max(sentence.find(claim["text"]), 0)
    return s0, claim["start"] - s0, claim["end"] - s0


def context_of(claim: dict[str, Any], body: str, carried: str | None = None, extra: Names = (),
               system: str | None = None, company: str | None = None) -> Context:
    """The context fields of ``claim`` (offsets into ``body``, the cleaned text). ``carried``: the subject of the text
    before, for a sentence that names none; ``extra``: the article's own names (``local_names``); ``system`` and
    ``company``: the last project and the last company the text before names, for a clause that refers back to one
    (das System, 该集群; das Unternehmen, 该公司)."""
    s0, start, end = _sentence_offsets(claim, body)
    locale = locale_tag(claim["language"], claim.get("script"))
    text = _matching(claim.get("sentence") or claim["text"], locale)
    money = claim.get("kind") == "money"
    hypothetical = hypothetical_of(text, start, end, locale)
    kind = claim.get("kind", "money")
    market = False
    if kind == "hardware" and claim.get("count") is None and claim.get("count_low") is None:
        # a model named without a count is its maker's product, unless it is named only as a comparandum, or the
        # sentence says who buys, uses or deploys it (字节跳动已收到…A100, setzt man auf die Instinct MI300A)
        vendor = canonical_name(claim.get("vendor"))
        subject = None if compared_only(text, start, end, locale) else \
            holder_of(text, start, end, locale, vendor, carried, extra) or vendor
    else:
        subject = None if kind == "hardware" and limited(text, start, end, locale) else \
            subject_of(text, start, end, locale, kind, extra)
        market = money and market_figure(text, start, locale, extra, end)
        if market:
            subject = None  # 大市…成交额2887亿元, 外汇市场总成交金额: the whole market's figure is nobody's
        topic = topic_of(text, start, end, locale, subject) if money else None
        if money and topic != "price" and (entity := subject_entity(subject)) and entity.type == "chip":
            # a chip is the subject of its price only; the value of chips bought (400.000 Nvidia-GB200-Chips im Wert
            # von 40 Milliarden Dollar) is the buyer's
            subject = subject_of(text, start, end, locale, "hardware", extra)
        boss = None if subject is not None or hypothetical or market else speakers_company(text, start, locale, extra)
        if boss:
            subject = boss  # 雷军官宣:我们做到了,研发投入已超135亿元: the company of the person speaking for it
        if subject is None and not hypothetical and not market and not unnamed(text, start, end, locale, kind):
            # a model or unit named before is what that sentence was about; the figure of a later one that names nothing
            # is its company's, unless the clause refers back to the model (其训练成本)
            entity = subject_entity(carried)
            keep = entity is not None and (entity.type == "model" and refers_back(text, start, end, locale)
                                           or entity.type == "segment" and not names_company(text, start, end, locale))
            subject = carried if keep else company_of(carried)
            if company and (entity := subject_entity(subject)) is not None and entity.type not in COMPANIES and \
                    _catalogue(locale)["company_anaphor"].search(text, _clause(text, start, end)[0], start):
                subject = company  # Das Unternehmen hat bereits 400 Millionen Dollar ausgegeben: a company, not the
                # project the sentence before named
            if kind == "hardware" and (entity := subject_entity(subject)) is not None and entity.type == "body" \
                    and entity.name not in _raw_names(text, locale, extra) \
                    and not refers_back(text, start, end, locale) \
                    and not _catalogue(locale)["former_latter"].search(text, 0, start):
                subject = None  # a state body named before rules on chips, it does not hold them (export limits)
    per = claim.get("per") if money else None
    if money:
        cued, in_bracket = per_of(text, start, end, locale)
        if cued == NO_UNIT:
            per = None  # 市值突破5兆美元, Börsenwert: the nearest cue says the amount is a total
        elif cued and (per in (None, "unit") or in_bracket):
            per = cued
        if per is None and cued is None and not market and share_quote(text, start, end, locale, _size(claim)):
            per = "share"
        if per == "unit":
            per = counted_unit(text, start, locale) or per
        if per in UNIT_PRICE_MAX and _size(claim) >= UNIT_PRICE_MAX[per]:
            # 6.12 Dollar pro Aktie oder total 14,8 Milliarden Dollar: no share costs millions; 16.061 USD pro
            # KI-Beschleuniger … eine Million Einheiten mehr als 16 Mrd. USD: no chip costs billions
            per = None
    topic = topic_of(text, start, end, locale, subject, per) if money else None
    if per == "share" and topic != "market_value" and share_quote(text, start, end, locale, _size(claim)):
        # a share quoted in a trading report whose clause names no other topic (次季盈利急挫的美團（3690）ADR回升0.3%，
        # 折合報103.67港元): its price, whatever the sentence says of the company elsewhere
        topic = "market_value"
    if topic == "price" and kind == "money" and (chip := chip_before(text, start, locale, extra)) and \
            (subject is None or subject == (e.parent if (e := subject_entity(chip)) else None)
             or per in ("GPU", "unit") and _context_words(locale)["unit_price"].search(text, 0, start)):
        # (a unit price after the chip a buyer buys is the chip's too: 字节跳动拟先试购2万H200，单价约2万美元)
        subject = chip  # 辉达…提供的H200变体，定价约为每片2.7万美元: the chip's price, not its maker's
    wealth = _context_words(locale)["wealth"]
    personal = topic == "salary" or topic == "other" and wealth.search(text)
    if personal and (person := person_before(text, start, locale, extra)):
        subject = person  # 行政总裁黄仁勋身家水涨船高,截至周三升至1,420亿美元: his wealth, not Nvidia's
    elif money and wealth.search(text, 0, start) and not _clause_cued(text, start, end, locale) and \
            (person := person_before(text, start, locale, extra)):
        # 梁文峰持有幻方量化51%的股权,价值约7100万美元: a person's holding named before an amount whose clause names
        # no topic is the person's wealth, whatever the sentence says after it
        subject, topic = person, "other"
    if topic == "fine" and (entity := subject_entity(subject)) is not None and entity.type == "body":
        # a fine is the fined company's, not the authority's that imposes it (eine Geldstrafe von 242 Mio. Euro gegen
        # Qualcomm verhängt; the court cut the fine: the company named before)
        subject = fined_party(text, locale, extra) or company
    if (held := system_referred(text, start, end, locale, system, extra)) is not None:
        subject = held  # Bei Fertigstellung soll das System 6.000 A100-GPUs umfassen: the system named before
        if topic == GENERIC_COST and (entity := subject_entity(held)) is not None and entity.type == "project":
            topic = "capex"  # Das Projekt soll 40 Milliarden Dollar gekostet haben: its build-out (topic_of)
    subject = company_level(subject, topic)
    change = change_of(text, start, end, locale) if money else None
    # a share's price names its own topic (折合報103.67港元 after a sentence on profits: a share price, not a profit)
    cued_topic = bool(money and (per == "share" or _nearest(_cues(text, locale), text, start, end, locale)))
    return Context(subject, topic, change, hypothetical, per, attribution_of(text, start, end, locale), cued_topic)


def fined_party(text: str, locale: str, extra: Names = ()) -> str | None:
    """The company a fine is imposed on in the sentence ``text``: the first named right after a cue of whom it is
    against (gegen Qualcomm, 对希捷), or None."""
    cue = _context_words(locale)["fined"]
    for m in _mentions(text, locale, extra):
        if m.entity.type in COMPANIES and cue.search(text, max(0, m.start - 8), m.start):
            return m.entity.name
    return None


def speakers_company(text: str, start: int, locale: str, extra: Names = ()) -> str | None:
    """The company of the person the sentence names before the amount, when a first-person word between speaks for it
    (雷军官宣:我们做到了, Huang sagte, wir hätten …); None without both."""
    word = _context_words(locale)["first_person"].search(text, 0, start)
    if word is None:
        return None
    people = [m for m in _roles(text, locale, extra) if m.entity.type == "person" and m.end <= word.start()
              and m.entity.parent]
    return people[-1].entity.parent if people else None


def system_referred(text: str, start: int, end: int, locale: str, system: str | None, extra: Names = ()) -> str | None:
    """The project or system a clause refers back to before the amount (das System, der Supercomputer, 该集群): the
    last one its sentence names before that word, else ``system``, the last one the text before named; None when the
    clause names no such word, or names a project of its own."""
    lo, _ = _clause(text, start, end)
    anaphor = _context_words(locale)["system_anaphora"]
    word = anaphor.search(text, lo, start)
    if word is None:
        # (or the one opening the sentence, a relative clause between: Das Gemeinschaftsunternehmen, dem Son vorsteht,
        # will 100 Mrd. Dollar investieren)
        word = anaphor.match(text, len(text) - len(text.lstrip(OPENERS)))
        if word is None or word.end() >= lo or text[word.end()] not in ",，" or \
                not _catalogue(locale)["relative"].match(text, word.end() + 1) or \
                CLAUSE_SPLIT.search(text, word.end() + 1, lo - 1):
            return None
    projects = [m for m in _mentions(text, locale, extra) if m.entity.type == "project"]
    if any(lo <= m.start < end for m in projects):
        return None  # (der Supercomputer JUWELS Booster: named in the clause, subject_of has it)
    before = [m for m in projects if m.end <= word.start()]
    return before[-1].entity.name if before else system


# No share is priced (or pays) this much: an amount so large beside a share cue is a company's total.
SHARE_PRICE_MAX = 1e6
# Nor is any unit price this much: a larger amount beside a unit cue is a total.
UNIT_PRICE_MAX = {"share": SHARE_PRICE_MAX, "GPU": 1e7}
# A share quoted in a trading report without a unit word is priced below this (开盘小涨5元, 攻上1515元).
SHARE_QUOTE_MAX = 1e4


def share_quote(text: str, start: int, end: int, locale: str, size: float) -> bool:
    """Whether the amount is a share price or its move by its sentence alone: a small amount (``SHARE_QUOTE_MAX``) in a
    sentence on a stock's trading (开盘, 盘中, 平盘, 填息, a stock code) whose clause names no topic but market value
    (开盘小涨5元, 但早盘随即大涨攻上1515元, 和硕(4938)…从69元一路上涨到73元; not 营收3元)."""
    if not 0 < size < SHARE_QUOTE_MAX or not (_context_words(locale)["share_trading"].search(text)
                                              or STOCK_CODE.search(text)):
        return False
    lo, hi = _clause(text, start, end)
    return not any(lo <= c[0] < hi and c[2] != "market_value" for c in _cues(text, locale))


def _size(claim: dict[str, Any]) -> float:
    value = claim.get("value") if claim.get("value") is not None else claim.get("high") or claim.get("low")
    return abs(value) if value else 0.0


def chip_before(text: str, start: int, locale: str, extra: Names = ()) -> str | None:
    """The nearest chip named before the amount in its sentence, not only as a comparandum, or None."""
    chips = [m for m in _roles(text, locale, extra)
             if m.entity.type == "chip" and m.role == "subject" and m.end <= start]
    return chips[-1].entity.name if chips else None


def person_before(text: str, start: int, locale: str, extra: Names = ()) -> str | None:
    """The nearest person named before the amount in its sentence who is not speaking there, or None."""
    people = [m for m in _roles(text, locale, extra)
              if m.entity.type == "person" and m.role == "subject" and m.end <= start]
    return people[-1].entity.name if people else None


# What a market word's figures may be: turnover, an exchange rate (other), a close (market value).
MARKET_TOPICS = frozenset({"other", "market_value"})


SPACES = re.compile(r"\s*")


def market_figure(text: str, start: int, locale: str, extra: Names = (), end: int | None = None) -> bool:
    """Whether the amount is a figure of a whole market (turnover, size, an exchange rate): a market word before it in
    its sentence (大市, 主板, 外汇市场, 兑美元, Wechselkurs) with no name between (阿里…收市报174元，成交额440.9亿元 is
    Alibaba's turnover; 在阿里等科技股领军下，大市…成交额2887亿元 the market's) and no topic but ``other`` between
    (…汇率基础计算,第四季的营收将落在6016亿元: the revenue is a company's; a close, 收盘, is the market's)."""
    market = _context_words(locale)["market"]
    after = SPACES.match(text, end) if end is not None else None
    if after is not None and market.match(text, after.end()):
        return True  # 若以1美元兑换新台币32元汇率计算: the first term of an exchange rate
    words = [m for m in market.finditer(text, 0, start)]
    if not words:
        return False
    last = words[-1].end()
    if any(last <= c[0] < start and c[2] not in MARKET_TOPICS for c in _cues(text, locale)):
        return False  # 若以1美元兑换新台币32元汇率计算,第四季的营收将落在…: a company's revenue stated after it
    return not any(last <= m.start < start for m in _roles(text, locale, extra))


def compared_only(text: str, start: int, end: int, locale: str) -> bool:
    """Whether the hardware at [start, end) is named only as a comparandum (性能远低于H100与Blackwell的H800)."""
    return any(m.role == "comparandum" and m.start < end and m.end > start for m in _roles(text, locale))


def limited(text: str, start: int, end: int, locale: str) -> bool:
    """Whether the hardware count at ``text[start:end]`` is a limit a rule sets (上限为7.5万颗, eine Obergrenze von
    50.000 Chips): a limit word in its clause before it or in its text; nobody holds such chips."""
    lo, _ = _clause(text, start, end)
    return _context_words(locale)["limit"].search(text, lo, end) is not None


def _raw_names(text: str, locale: str, extra: Names = ()) -> frozenset[str]:
    """The canonical names the sentence ``text`` names."""
    return frozenset(m.entity.name for m in _raw_mentions(text, locale, extra))


def unnamed(text: str, start: int, end: int, locale: str, kind: str = "money") -> bool:
    """Whether the claim's own clause says whose it is without a name (头部公司至少也要动用1.6万张GPU), or the claim is
    hardware named only as a comparandum: nothing to carry to it."""
    cat = _catalogue(locale)
    if kind == "hardware" and compared_only(text, start, end, locale):
        return True
    lo, _ = _clause(text, start, end)
    if kind == "hardware" and limited(text, start, end, locale):
        return True
    head = text[lo:start]
    words = _context_words(locale)
    if (opener := words["unnamed_opener"].match(head)) and opener.end() < len(head) and \
            not words["not_unnamed"].match(head, opener.end()) and \
            not cat["anaphora_any"].search(head) and not _raw_mentions(head, locale):
        return True  # Ein einziger Trainingsdurchlauf eines großen Sprachmodells kostet …: an unnamed thing's cost
    return _generic_head(text[lo:start], cat) or kind == "money" and goods_value(text, start, end, locale)


def goods_value(text: str, start: int, end: int, locale: str) -> bool:
    """Whether the amount is the value of chips that are the sentence's topic (KI-Chips im Wert von mindestens einer
    Milliarde Dollar sind in China gelandet, 走私芯片总值约1亿美元) and the sentence names no one who owns, makes or
    sells them: what goods are worth is then nobody's figure, and no subject is carried to it. (Chips a sentence's
    verb acquires, 计划通过租赁获取价值120亿美元的芯片, are its implied subject's: not this form.)"""
    cat = _catalogue(locale)
    if not cat["goods_before"].search(text, max(0, start - 48), start):
        return False
    return not any(m.entity.type in CARRIED_TYPES or m.entity.type == "person" for m in _mentions(text, locale))


def _generic_head(head: str, cat: dict[str, Any]) -> bool:
    """Whether a clause's text before its amount (``head``) says whose the figure is without a name (头部公司, viele
    Unternehmen, 14家基石, Zwei Männer) and does not refer back."""
    if cat["anaphora"].match(head):
        return False
    # a determiner with the noun refers back (das Unternehmen, 该公司): only a bare or modified noun is unnamed
    head = cat["anaphora_any"].sub(lambda m: " " if len(m.group(0)) >= 3 else m.group(0), head)
    return bool(cat["generic_subject"].search(head))


def names_company(text: str, start: int, end: int, locale: str) -> bool:
    """Whether the amount's sentence, before it, speaks of the company as a whole (集团纯利, 公司, der Konzern): a
    unit's figures are carried to the sentences after it (阿里国际数字商业收入347.99亿元。经调整EBITA转赚1.62亿元)
    unless so."""
    return bool(_catalogue(locale)["company_noun"].search(text, 0, start))


def company_of(name: str | None) -> str | None:
    """A carried subject as its company: a model, unit or project named before is what that sentence was about; the
    figure of a later sentence that names nothing is its company's (unless the clause refers back: 其训练成本)."""
    entity = subject_entity(name)
    if entity and entity.type in CHILD_TYPES and entity.parent and subject_entity(entity.parent):
        return entity.parent
    return name


def as_company(subject: str | None) -> str | None:
    """A business unit's (segment's) figures as its company's: 阿里云智能收入… is Alibaba's, AWS's GPUs Amazon's (one
    convention across the corpus: the report groups a company's figures together); a joint subject part by part."""
    if not subject:
        return subject
    parts = []
    for part in subject.split(" + "):
        entity = subject_entity(part)
        parts.append(entity.parent if entity and entity.type == "segment" and entity.parent else part)
    return " + ".join(dict.fromkeys(parts))


def _fields(claim: dict[str, Any], ctx: Context) -> dict[str, Any]:
    money = claim.get("kind") == "money"
    return {**claim, "subject": as_company(ctx.subject), "topic": ctx.topic, "change": ctx.change,
            "hypothetical": ctx.hypothetical, "per": ctx.per if money else claim.get("per"),
            "attribution": ctx.attribution}


def annotate(claim: dict[str, Any], body: str) -> dict[str, Any]:
    """A copy of ``claim`` with its context fields, from its own sentence and the one before (a claim alone; an
    article's claims go through ``annotate_all``, which carries subjects further and shares units across lists)."""
    s0, _, _ = _sentence_offsets(claim, body)
    locale = locale_tag(claim["language"], claim.get("script"))
    carried = main_subject(_matching(previous_sentence(body, s0), locale), locale) if s0 > 0 else None
    return _fields(claim, context_of(claim, body, carried))


# How many sentences before its own a counted anaphor's list may stand (…gehören Alphabet, Microsoft, Meta und Amazon.
# Allein diese vier Firmen investieren …).
COUNTED_SENTENCES = 2


def counted_referent(matching: str, bounds: list[tuple[int, int]], i: int, start: int, locale: str,
                     extra: Names = ()) -> str | None:
    """The names a counted anaphor opening the amount's clause refers back to (diese vier Firmen → "Alphabet +
    Microsoft + Meta + Amazon"): the last list of as many companies before it, in its sentence or the ones just
    before; None without such an anaphor or list. ``start``: the amount's offset in ``matching``, in sentence ``i``."""
    cat = _catalogue(locale)
    if cat["counted_anaphor"] is None:
        return None
    lo = bounds[i][0]
    sentence = matching[lo : bounds[i][1]]
    clause_lo, _ = _clause(sentence, start - lo, start - lo)
    anaphor = cat["counted_anaphor"].search(sentence, clause_lo, start - lo)
    if anaphor is None or len(sentence[clause_lo : anaphor.start()].strip(OPENERS)) > cat["initial_reach"] or \
            any(clause_lo <= m.start < anaphor.start() for m in _mentions(sentence, locale, extra)):
        return None  # (百度向两家公司支付: the clause's subject is named before it)
    wanted = cat["counted_numbers"][anaphor["n"].lower()]
    window_lo = bounds[max(0, i - COUNTED_SENTENCES)][0]
    text = matching[window_lo : lo + anaphor.start()]
    companies = [m for m in _mentions(text, locale, extra) if m.entity.type in ("company", "segment")]
    lists = [list(dict.fromkeys(m.entity.name for m in run)) for run in _joined_runs(companies, text, locale)]
    fitting = [names for names in lists if len(names) == wanted]
    return " + ".join(fitting[-1]) if fitting else None


def annotate_all(claims: list[dict[str, Any]], body: str, matching: str | None = None,
                 bounds: list[tuple[int, int]] | None = None, address: str | None = None,
                 title: str | None = None) -> list[dict[str, Any]]:
    """Copies of an article's ``claims`` (offsets into ``body``) with their context fields: a subject carried from the
    text before where a sentence names none, and a unit price's unit shared across its coordinated list.

    What is carried is the latest subject before the claim's sentence, within its paragraph or CARRY_SENTENCES back:
    the subject of an earlier claim, or the first name of a sentence, whichever stands later (股价最高达1520元…市值
    攀升达39.41兆元。股价雖拉回至1515元: TSMC's, though the sentence before opened with Nvidia).
    """
    if not claims:
        return []
    bounds = bounds if bounds is not None else sentence_bounds(body)
    starts = [b[0] for b in bounds]
    locale = locale_tag(claims[0]["language"], claims[0].get("script"))
    matching = matching if matching is not None else to_matching_script(body, locale)
    if FULL_WIDTH_CHAR.search(matching):  # str.translate with a table looks up every character (0.26 ms an article)
        matching = matching.translate(FULL_WIDTH)
    extra = local_names(matching, locale, body)
    article_subject: list[str | None] = []  # worked out when first needed
    mains: dict[int, tuple[int, str] | None] = {}
    # (kind, sentence) → (position, subject) of its last claim of that kind with one: money figures carry to money,
    # chips to chips (幻方量化囤积了一万块A100。600万美元研发出…: DeepSeek's, not the chip buyer's)
    said: dict[tuple[str, int], tuple[int, str]] = {}
    kind = "money"

    def latest(j: int, claims_only: bool = False) -> str | None:
        if claims_only:
            return said[kind, j][1] if (kind, j) in said else None
        if j not in mains:
            lo, hi = bounds[j]
            found_main = main_mention(matching[lo:hi], locale, extra)
            mains[j] = (lo + found_main[0], found_main[1]) if found_main else None
        found = [x for x in (mains[j], said.get((kind, j))) if x]
        return max(found)[1] if found else None

    out = []
    last_topic: tuple[int, str] | None = None
    results: list[tuple[int, str]] = []  # (sentence, subject) of the results stated so far
    for claim in sorted(claims, key=lambda c: c["start"]):
        s0, _, _ = _sentence_offsets(claim, body)
        i = max(bisect.bisect_right(starts, s0) - 1, 0)
        kind = claim.get("kind", "money")
        carried = _carried(i, bounds, body, latest)
        if carried is None:
            if not article_subject:
                heading = to_matching_script(title, locale) if title else ""
                article_subject.append(filer(f"{heading}\n{matching}", locale, extra) or
                                       main_entity(matching, locale, extra,
                                                   bounds[min(ARTICLE_HEAD, len(bounds)) - 1][1], slug_words(address)))
            carried = article_subject[0]
        system, company = (_last_named(i, bounds, matching, locale, extra, PROJECTS),
                           _last_named(i, bounds, matching, locale, extra, COMPANIES))
        ctx = context_of(claim, body, carried, extra, system, company)
        if kind == "money" and ctx.topic in RESULTS and ctx.subject == carried and \
                (reported := _results_before(i, results, bounds, body)) and reported != carried and \
                context_of(claim, body, None, extra, system, company).subject is None:
            # a company's results continue its results before them in the paragraph, past a sentence on another
            # company's deal (Qualcomm: Umsatz 4,9 Mrd. … Apple hatte … gezahlt. Der Quartalsgewinn fiel auf 845 Mio.)
            ctx = context_of(claim, body, reported, extra, system, company)
        if kind == "money" and not ctx.topic_cued and last_topic and i - last_topic[0] <= TOPIC_CARRY_SENTENCES \
                and "\n" not in body[bounds[last_topic[0]][1] : bounds[i][0]]:
            # a sentence with no topic word continues the figures before it (收入升39%至30.8亿美元；游戏机晶片则增加
            # 27%至13.4亿美元)
            ctx = replace(ctx, topic=last_topic[1], subject=company_level(ctx.subject, last_topic[1]))
        elif kind == "money" and not ctx.topic_cued and i > 0 and \
                (named := _named_before(claim, body, bounds, i, locale)):
            # a clause that refers back to what the sentence before named (Die Marktkapitalisierung … Diese ist
            # inzwischen auf rund 3,6 Billionen Dollar angeschwollen): that sentence's last topic
            ctx = replace(ctx, topic=named, subject=company_level(ctx.subject, named))
        elif kind == "money" and not ctx.topic_cued and (listed := _list_intro(body, claim["start"], locale)):
            # a list item with no topic word speaks of what the line introducing the list names
            ctx = replace(ctx, topic=listed, subject=company_level(ctx.subject, listed))
        if counted := counted_referent(matching, bounds, i, claim["start"], locale, extra):
            ctx = replace(ctx, subject=counted)  # 两家公司合计投入…: the list of two named before
        done = _fields(claim, ctx)
        if kind == "money" and ctx.topic_cued and ctx.topic:
            last_topic = (i, ctx.topic)
        if kind == "money" and ctx.topic in RESULTS and done["subject"] and not done["hypothetical"]:
            results.append((i, done["subject"]))
        # (a model named without a count is its maker's product: the maker is no subject to carry to the counts after)
        countless = kind == "hardware" and claim.get("count") is None and claim.get("count_low") is None
        if done["subject"] and not done["hypothetical"] and not countless:
            said[kind, i] = max(said.get((kind, i), (-1, "")), (claim["start"], done["subject"]))
        out.append(done)
    assigned = respectively(out, body, matching, locale, extra)
    return share_units([{**c, "subject": as_company(c["subject"])} for c in assigned])


# How often an entity must be named for the article to be about it (a figure no sentence before gives a subject).
ARTICLE_SUBJECT_MENTIONS = 2


def main_entity(text: str, locale: str, extra: Names = (), head: int = 0, slug: str = "") -> str | None:
    """What the article is about, for a figure no sentence before it gives a subject (KI-Dämpfer für AMD – …; a first
    paragraph of figures that names no one): of the companies, bodies and projects named before ``head`` (the end of
    its headline and first sentence) or in its address's words (``slug``: …/amd-rechnet-mit-starkem-wachstum, a
    headline the page's text may have lost), the one it names most often, at least ARTICLE_SUBJECT_MENTIONS times
    (the address counting once); else None."""
    # the headline's names first (a short text), then how often the whole article names each of them
    in_slug = {m.entity.name for m in _raw_mentions(slug, locale) if m.entity.type in ARTICLE_TYPES} if slug else set()
    headline = dict.fromkeys([*(m.entity.name for m in _raw_mentions(text[:head], locale, extra)
                                if m.entity.type in ARTICLE_TYPES), *sorted(in_slug)])
    ranked = sorted(((name, _count_named(name, text, locale, extra) + (name in in_slug)) for name in headline),
                    key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < ARTICLE_SUBJECT_MENTIONS:
        return None
    return ranked[0][0]


# How long a filer's short name may be (公司简称:中科曙光).
FILER_NAME_MAX = 10


@functools.lru_cache(maxsize=256)
def _filer_pattern(locale: str) -> re.Pattern[str]:
    cues = vocabulary(locale, "context").get("filer_cues", [])
    return re.compile(rf"(?:{_words(cues)})\s*[:：]\s*(?P<name>[^\s,，;；:：。()（）]{{2,{FILER_NAME_MAX}}})"
                      if cues else NEVER)


def filer(text: str, locale: str, extra: Names = ()) -> str | None:
    """The company a listed company's filing is by, from its header's short name (证券代码:603019 证券简称:中科曙光):
    what its figures are about where a sentence names no one (本公司, 公司拟向全体股东每10股派…); None for other
    text."""
    found = _filer_pattern(locale).search(text)
    if found is None:
        return None
    name = found["name"]
    local = dict(extra).get(name)
    return local or canonical_name(name) or name


def _count_named(name: str, text: str, locale: str, extra: Names = ()) -> int:
    """How often ``text`` names the entity ``name`` (any of its spellings)."""
    return sum(1 for m in _entity_pattern(name, locale).finditer(text)) + \
        sum(text.count(alias) for alias, local in extra if local == name)


@functools.lru_cache(maxsize=4096)
def _entity_pattern(name: str, locale: str) -> re.Pattern[str]:
    """One entity's spellings in ``locale``, as the catalogue matches them."""
    cat = _catalogue(locale)
    spellings = [alias for alias, entity in cat["by_alias"].items() if entity.name == name]
    cased = [alias for alias, entity in cat["cased"].items() if entity.name == name]
    parts = [f"(?i:{_names(spellings)})"] if spellings else []
    parts += [_names(cased)] if cased else []
    return re.compile("|".join(parts) or NEVER)


# A page address's last words (…/news/amd-rechnet-mit-starkem-wachstum-seiner-rechenzentren-sparte): at least two
# words of letters joined by hyphens or underscores, a file extension left off.
SLUG = re.compile(r"[^\W\d_]+(?:[-_][^\W_]+)+")


def slug_words(address: str | None) -> str:
    """The headline words of a page's address, or "" (an address of numbers says nothing: /2020/0218/10512611.shtml)."""
    if not address:
        return ""
    path = re.sub(r"^[a-z]+://[^/]+", "", address.strip(), flags=re.I).split("?")[0].split("#")[0]
    parts = [m.group(0) for m in SLUG.finditer(re.sub(r"\.[A-Za-z]{2,5}$", "", path))]
    return max(parts, key=len).replace("-", " ").replace("_", " ") if parts else ""


# A company's results: a figure of one continues the company whose results come before it in the paragraph.
RESULTS = frozenset({"revenue", "profit", "loss"})
# What a clause referring to a system (das System, 该集群) or to a company (das Unternehmen, 该公司) means.
PROJECTS = frozenset({"project"})
COMPANIES = frozenset({"company", "segment"})


# The types an article is about (a model's or unit's figures are rarely the whole article's).
ARTICLE_TYPES = frozenset({"company", "body", "project"})
# Where an article names what it is about: its headline and first sentence (sentences). A company named only further
# down (the maker of smuggled CPUs, a customer) is not what the article is about.
ARTICLE_HEAD = 2


def respectively(claims: list[dict[str, Any]], body: str, matching: str, locale: str,
                 extra: Names = ()) -> list[dict[str, Any]]:
    """Figures listed "respectively" (分别, jeweils nicht: beziehungsweise) after a list of as many names are theirs in
    order: 亚马逊和谷歌…分别购买了19.6万枚和16.9万枚Hopper (Amazon's, Google's)."""
    cat = _catalogue(locale)
    by_sentence: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        if c.get("sentence"):
            by_sentence.setdefault(c["sentence"], []).append(i)
    for sentence, idx in by_sentence.items():
        if len(idx) < 2:
            continue
        text = _matching(sentence, locale)
        if not cat["respectively"].search(text):
            continue
        names = _name_lists(text, locale, extra)
        for run in _amount_runs([claims[i] for i in idx], body, text, cat):
            fitting = [n for n in names if len(n[1]) == len(run) and n[0] <= run[0][0]]
            if not fitting:
                continue
            owners = max(fitting)[1]  # the nearest list before the figures
            for (_, c), owner in zip(run, owners, strict=True):
                j = next(k for k in idx if claims[k] is c)
                claims[j] = {**c, "subject": owner}
    return claims


def _name_lists(text: str, locale: str, extra: Names) -> list[tuple[int, list[str]]]:
    """The sentence's lists of two or more subject names joined by conjunctions: (where the list ends, names)."""
    # (people too: 魏哲家与张忠谋一年股利分别上看1.9亿元、30亿元 are each one's own)
    mentions = [m for m in _roles(text, locale, extra)
                if m.role == "subject" and (m.entity.type in CARRIED_TYPES or m.entity.type == "person")]
    return [(run[-1].end, [m.entity.name for m in run]) for run in _joined_runs(mentions, text, locale)
            if len(run) > 1]


def _amount_runs(claims: list[dict[str, Any]], body: str, text: str,
                 cat: dict[str, Any]) -> list[list[tuple[int, dict[str, Any]]]]:
    """Runs of two or more claims of one kind in their sentence ``text`` joined only by conjunctions (215亿元、200亿元、
    80亿元; a count that spans the next one, 19.6万枚和16.9万枚Hopper, is joined to it)."""
    placed = []
    for c in sorted(claims, key=lambda c: c["start"]):
        _, a, b = _sentence_offsets(c, body)
        placed.append((a, b, c))
    runs: list[list[tuple[int, dict[str, Any]]]] = []
    prev_end = 0
    for a, b, c in placed:
        if runs and runs[-1][-1][1].get("kind") == c.get("kind") and cat["conjunction"].match(text[prev_end:a]):
            runs[-1].append((a, c))
        else:
            runs.append([(a, c)])
        prev_end = b
    return [r for r in runs if len(r) > 1]


def local_names(text: str, locale: str, original: str | None = None) -> Names:
    """The article's own names of organisations the catalogue does not know (``text`` in matching form; ``original``,
    the text as written, of the same length, gives a listed company's name its own spelling):

    * a short name it defines: 杭州莲花科技创新有限公司(以下简称“莲花科创”) gives 莲花科创, written either way;
    * a name that opens a clause as a party to a deal and opens a clause again elsewhere in the article (2024年1月10日,
      莲花紫星与H公司签订…合同 … 莲花紫星与I公司签订…): a company the article keeps coming back to;
    * a listed company, named with its stock code (协创数据(300857.SZ), 中手游(00302), 至于云南建投混凝土(01847));
    * a project that opens a clause under its own name (科创中心二期项目作为省市重点工程,总投资8.5亿元).
    """
    cat, words = _catalogue(locale), _context_words(locale)
    known = cat["by_alias"]
    names: dict[str, str] = {}
    for alias, at in [*_listed(text, locale), *_projects(text, locale)]:
        spelled = original[at : at + len(alias)] if original is not None and len(original) == len(text) else alias
        names.setdefault(alias, spelled)
    # most articles define no name and close no deal: a plain search for the words first (the patterns are slow)
    defines = words["definition_word"].search(text)
    deals = words["deal_word"].search(text)
    for m in _definitions(text, words) if defines else ():
        short, full = m["short"].strip(), m["full"].strip()
        if short.lower() in known:
            continue
        names[short] = short
        if len(full) > len(short) and full.lower() not in known:
            names[full] = short
    for name in dict.fromkeys(_appositive_names(text, cat)):
        if name.lower() not in known and name not in names and _proper_name(name, text, cat, locale):
            names[name] = name
    parties = [m["name"] for m in words["deal_party"].finditer(text)] if deals else []
    for name in dict.fromkeys(parties):
        if name.lower() in known or name in names or cat["generic_subject"].search(name) or cat["anaphora"].match(name):
            continue
        if sum(1 for m in re.finditer(rf"(?:^|[{CLAUSE_OPENERS}]){re.escape(name)}", text)) >= 2:
            names[name] = name
    return tuple(sorted(names.items(), key=lambda kv: -len(kv[0])))


# How often an appositive name must stand in the article, as a word and never after a determiner (die Gewinne is a
# noun: dass der Konzern Gewinne macht names nobody), to be a company's name (at fewer, common nouns slip through).
APPOSITIVE_MENTIONS = 3


# How far before a company noun its determiner may stand (der Röntgen- und Hochfrequenzspezialist).
APPOSITIVE_REACH = 60


def _appositive_names(text: str, cat: dict[str, Any]) -> Iterator[str]:
    """Names in apposition to a determined company noun: the noun is found first (it is rare), then its determiner
    before it (a determined noun ending at the noun) and the name after it."""
    for noun in cat["noun_before_name"].finditer(text):
        end = noun.end()
        if cat["determined_noun_end"].search(text, max(0, noun.start() - APPOSITIVE_REACH), end) \
                and (name := APPOSITIVE_NAME.match(text, end)):
            yield name["name"]


def _proper_name(name: str, text: str, cat: dict[str, Any], locale: str) -> bool:
    """Whether ``name``, found in apposition to a company noun, is a name: no generic word and no topic's word
    (Umsätze), it stands APPOSITIVE_MENTIONS times as a word, never after a determiner, and once inside a sentence
    after a word that is not a company noun (erreichte Comet): a common noun opens sentences or follows determiners."""
    if len(name) < 2 or cat["generic_subject"].search(name) or cat["anaphora"].match(name) \
            or cat["determiner_before"].search(f"{name} ") or _topic_pattern(locale)[0].search(name):
        return False  # (a determiner opening the next sentence: der Konzern. Der …)
    places = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    if len(places) < APPOSITIVE_MENTIONS or any(cat["determiner_before"].search(text, max(0, at - 12), at)
                                                for at in places):
        return False
    return any((before := text[max(0, at - APPOSITIVE_REACH) : at].rstrip()) and before[-1].islower()
               and not cat["determined_noun_end"].search(before) for at in places)


# The longest full name a definition's pattern takes ("definition" in _context_words: {2,24}?).
DEFINED_NAME_MAX = 24


@functools.lru_cache(maxsize=8)
def _definition_opening(word_pattern: str) -> re.Pattern[str]:
    """A bracket and a definition word: where a definition's short name opens (（以下简称, (kurz)."""
    return re.compile(rf"[（(]\s*(?:{word_pattern})", re.I)


def _definitions(text: str, words: dict[str, Any]) -> Iterator[re.Match[str]]:
    """The matches ``words["definition"].finditer(text)`` gives, tried only at the positions a full name before a
    definition's opening bracket can start: the pattern opens with a lazy run of up to 24 characters, which the
    engine tried at every position of the text (0.35 ms an article, where a definition word occurs).

    A match's full name ends where the whitespace before its bracket starts and is 2 to 24 characters long; the
    positions are tried in order, so the first that matches is the one a search finds."""
    definition = words["definition"]
    pos = 0
    for opening in _definition_opening(words["definition_word"].pattern).finditer(text):
        name_end = opening.start()
        while name_end > pos and text[name_end - 1].isspace():
            name_end -= 1
        for start in range(max(pos, name_end - DEFINED_NAME_MAX), name_end - 1):
            if found := definition.match(text, start):
                yield found
                pos = found.end()
                break


# A stock code in brackets after a company's name: (300857.SZ), (00302), （9988）, (美:BABA) is left out (a ticker of
# letters follows names the catalogue knows). A 4-digit number from 1900 to 2099 is a year (明(2025)年), unless it
# carries its market (2330.TW).
STOCK_CODE = re.compile(r"[（(]\s*(?:[^\s（()）:：\d]{1,3}[:：]\s*)?"
                        r"(?P<code>\d{4,6})(?P<market>\.[A-Za-z]{2})?\s*[)）]")
# The CJK run a listed company's name is the end of.
HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,16}$")
# How long a listed company's name may be when nothing else in the article tells where it starts.
LISTED_NAME_MAX = 8


def _listed(text: str, locale: str) -> list[tuple[str, int]]:
    """The names before the stock codes of ``text`` the catalogue does not know, with where they start. A name is the
    end of the CJK run before the code after a word that opens it (至于, 继, 超越: 至于云南建投混凝土 → 云南建投混凝土):
    its longest end the article names again (营运商中手游(00302) … 中手游暗盘: 中手游), else all of it if short."""
    if "(" not in text and "（" not in text:
        return []
    cat, words = _catalogue(locale), _context_words(locale)
    out = []
    for m in STOCK_CODE.finditer(text):
        if len(m["code"]) == 4 and 1900 <= int(m["code"]) <= 2099 and not m["market"]:
            continue
        run = HAN_RUN.search(text, max(0, m.start() - 16), m.start())
        if not run or cat["pattern"].search(run.group(0)):
            continue  # a known name, or one holding it (商汤集团股份有限公司)
        name = _listed_name(run.group(0), text, locale)
        if name and not cat["company_noun"].fullmatch(name) and not cat["generic_subject"].fullmatch(name) \
                and not words["topic_words"].search(name) and not cat["anaphora"].match(name):
            out.append((name, m.start() - len(name)))
    return out


def _projects(text: str, locale: str) -> list[tuple[str, int]]:
    """The names of projects that open a clause (中国电信鄱阳湖智算中心项目总投资20亿元), with where they start; not one
    a determiner or a count opens (该项目, 本项目, 首个智算中心项目)."""
    words = _context_words(locale)
    if not words["project_word"].search(text):
        return []
    cat = _catalogue(locale)
    # (not one holding a project the catalogue knows: 甲骨文为星门项目 is Stargate's sentence, no new project)
    return [(m["name"], m.start("name")) for m in words["project"].finditer(text)
            if not cat["anaphora_any"].match(m["name"]) and not words["not_a_project"].search(m["name"])
            and not any(k.entity.type == "project" for k in _raw_mentions(m["name"], locale))]


def _listed_name(run: str, text: str, locale: str) -> str | None:
    cat, words = _catalogue(locale), _context_words(locale)
    # a word that opens it: at its start (于云南建投混凝土), a longer one anywhere (一度超越贵州茅台)
    cuts = [m.end() for m in words["name_opener"].finditer(run) if m.start() == 0 or m.end() - m.start() > 1]
    run = run[max(cuts):] if cuts else run
    # a kind word before the name (内房股中梁控股): the longest such head that leaves a name of two characters or more
    heads = [k for k in range(3, len(run) - 1) if words["name_descriptor"].search(run, 0, k)]
    run = run[max(heads):] if heads else run
    endings = words["listed_name_ending"]
    for i in range(len(run) - 1):
        if cat["company_noun"].fullmatch(run[i:]) or cat["generic_subject"].fullmatch(run[i:]):
            break  # (集团, 公司: shorter ends say less)
        if text.count(run[i:]) >= 2:
            return run[i:]
        # (or its head before a name's ending, named again: 充电桩挚达科技(2650) … 挚达升逾1.8倍 gives 挚达科技)
        ending = endings.search(run, i)
        if ending and ending.start() - i >= 2 and text.count(run[i : ending.start()]) >= 2:
            return run[i:]
    return run if 2 <= len(run) <= LISTED_NAME_MAX else None


# What a clause opens after (for a name that opens clauses: 。莲花紫星…, ,莲花紫星…).
CLAUSE_OPENERS = "\n。！？!?；;，,：:"


def _named_before(claim: dict[str, Any], body: str, bounds: list[tuple[int, int]], i: int, locale: str) -> str | None:
    """The last topic cue of the sentence before the claim's, in its paragraph, when the claim's clause opens with a
    word that refers back (diese, 其, 该); else None."""
    _, start, end = _sentence_offsets(claim, body)
    text = _matching(claim.get("sentence") or claim["text"], locale)
    if not refers_back(text, start, end, locale) or "\n" in body[bounds[i - 1][1] : bounds[i][0]]:
        return None
    lo, hi = bounds[i - 1]
    cues = _cues(_matching(body[lo:hi], locale), locale)
    return cues[-1][2] if cues else None


# A list item's opening mark (•, -, *, ·, 1., 2)).
LIST_ITEM = re.compile(r"[ \t\u3000]*(?:[•·▪◦‣*\-–—]|\d{1,2}[.)、])\s*")
# How many list items back the line introducing them may stand, and how much of its end is read for a topic cue.
LIST_ITEMS_BACK = 12
LIST_INTRO_REACH = 160


def _list_intro(body: str, at: int, locale: str) -> str | None:
    """The last topic cue of the line introducing the list whose item holds ``at`` (a line ending in a colon, the
    items after it: …geringere Anzahl kleinerer Deals: • 38 Deals im Umfang von bis zu einer Million Euro): the items'
    figures are what it speaks of. None when ``at`` is in no list item."""
    line_lo = body.rfind("\n", 0, at) + 1
    for _ in range(LIST_ITEMS_BACK):
        if not LIST_ITEM.match(body, line_lo):
            return None
        while line_lo > 0:  # the line before it, past blank ones
            prev_lo = body.rfind("\n", 0, line_lo - 1) + 1
            line = body[prev_lo : line_lo - 1].strip()
            line_lo = prev_lo
            if line:
                break
        else:
            return None
        line = body[line_lo : body.find("\n", line_lo)].rstrip()
        if line.endswith((":", "：")):
            cues = _cues(_matching(line[-LIST_INTRO_REACH:], locale), locale)
            return cues[-1][2] if cues else None
    return None


def _last_named(i: int, bounds: list[tuple[int, int]], text: str, locale: str, extra: Names,
                types: frozenset[str]) -> str | None:
    """The last entity of ``types`` named as a subject in the CARRY_SENTENCES sentences before sentence ``i`` (matching
    form ``text``): the project a clause referring to a system means (das System, see ``system_referred``), the
    company a clause referring to a company means (das Unternehmen)."""
    for lo, hi in reversed(bounds[max(0, i - CARRY_SENTENCES) : i]):
        # (a project the money or chips went to is still the project: das Rechenzentrum für Stargate)
        found = [m for m in _roles(text[lo:hi], locale, extra) if m.entity.type in types
                 and (m.role == "subject" or types == PROJECTS and m.role == "counterparty")]
        if found:
            return found[-1].entity.name
    return None


def _results_before(i: int, results: list[tuple[int, str]], bounds: list[tuple[int, int]], body: str) -> str | None:
    """The subject of the last results (revenue, profit, loss) stated before sentence ``i`` in its paragraph, or
    None."""
    for j, subject in reversed(results):
        if j >= i:
            continue
        if "\n" in body[bounds[j][1] : bounds[i][0]]:
            return None
        return subject
    return None


def _carried(i: int, bounds: list[tuple[int, int]], body: str, latest: Any) -> str | None:
    """The subject carried to sentence ``i`` (see ``annotate_all``)."""
    # the figures of a paragraph are one company's: a sentence between them naming another (Apple hatte 2019 mit dem
    # Chiphersteller…) does not change whose the next figure is
    for j in range(i - 1, max(i - 1 - PARAGRAPH_SENTENCES, -1), -1):
        if "\n" in body[bounds[j][1] : bounds[j + 1][0]]:
            break
        if found := latest(j, claims_only=True):
            return found
    for j in range(i - 1, max(i - 1 - CARRY_SENTENCES, -1), -1):
        if found := latest(j):
            return found
    return None


def share_units(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article-level passes over money claims, in text order:

    * a restatement (``equivalent_of``: 市值蒸发5888.62亿美元（约合人民币4.27万亿元）) has its original's context;
    * a unit price's unit applies across its coordinated list, either way: 每百万个token查询成本为0.14美元，OpenAI成本
      为7.50美元 (both per million tokens);
    * a chip's price with no unit stated is the price of one (per GPU).
    """
    money = sorted((i for i, c in enumerate(claims) if c.get("kind") == "money"), key=lambda i: claims[i]["start"])
    by_id = {claims[i]["claim_id"]: i for i in money if claims[i].get("claim_id")}
    for i in money:
        y = claims[i]
        if y.get("equivalent_of") in by_id:
            src = claims[by_id[y["equivalent_of"]]]
            claims[i] = {**y, **{k: src[k] for k in RESTATED}}
    for a, b in itertools.pairwise(money):
        x, y = claims[a], claims[b]
        if any(x.get(k) != y.get(k) for k in ("sentence", "currency", "topic")):
            continue
        weak = (None, "unit")
        if (x.get("per") in weak) == (y.get("per") in weak) or not _coordinated(x, y) or not _comparable(x, y):
            continue
        if y.get("per") in weak:
            claims[b] = {**y, "per": x["per"]}
        else:
            claims[a] = {**x, "per": y["per"]}
    for i in money:
        c = claims[i]
        entity = subject_entity(c.get("subject"))
        if c.get("per") is None and c.get("topic") == "price" and entity is not None and entity.type == "chip":
            claims[i] = {**c, "per": "GPU"}  # a chip's price is the price of one
    return claims


# What a restatement takes from the amount it restates.
RESTATED = ("subject", "topic", "change", "hypothetical", "per")


# Between two amounts of one list or of parallel clauses: no sentence end, one clause mark at most and not much else
# (，OpenAI成本为).
COORDINATION_REACH = 24
SENTENCE_STOP = re.compile(r"[。!?！？]")
CLAUSE_STOPS = re.compile(r"[，,；;]")


# Unit prices of one list are of one size (0.14美元 and 7.50美元 a million tokens); a figure hundreds of times larger
# beside a unit price is a total (股东应占溢利20.3億元 … 每股盈利17.45美仙), not another one.
COMPARABLE_RATIO = 200


def _comparable(x: dict[str, Any], y: dict[str, Any]) -> bool:
    def size(c: dict[str, Any]) -> float | None:
        value = c.get("value") if c.get("value") is not None else c.get("high") or c.get("low")
        return abs(value) if value else None

    a, b = size(x), size(y)
    return a is None or b is None or max(a, b) <= COMPARABLE_RATIO * min(a, b)


def _coordinated(x: dict[str, Any], y: dict[str, Any]) -> bool:
    sentence = x.get("sentence") or ""
    lo = sentence.find(x["text"])
    hi = sentence.find(y["text"], lo + len(x["text"])) if lo >= 0 else -1
    if lo < 0 or hi < 0:
        return y["start"] - x["end"] <= COORDINATION_REACH
    gap = sentence[lo + len(x["text"]) : hi]
    if len(gap) > COORDINATION_REACH or SENTENCE_STOP.search(gap) or len(CLAUSE_STOPS.findall(gap)) > 1:
        return False  # (two clauses between: 五○五七點四億元，以九十天計算，等於每天賺進逾五十六億元 shares no unit)
    locale = locale_tag(y["language"], y.get("script"))
    text = _matching(sentence, locale)
    words = _context_words(locale)
    # either amount's own clause says it is a total (市值, 累计, Börsenwert): no unit to share
    for at, length in ((lo, len(x["text"])), (hi, len(y["text"]))):
        clo, chi = _clause(text, at, at + length)
        if any(words["per_units"][m.group(0).lower()] == NO_UNIT for m in words["per"].finditer(text, clo, chi)):
            return False
    return True


def warm_up(locale: str) -> None:
    """Build ``locale``'s catalogue and cue tables now (before forking workers)."""
    _catalogue(locale)
    _topic_pattern(locale)
    _context_words(locale)
    _canonical_names()
