"""Language and script detection, and Traditional→Simplified conversion that keeps offsets."""
from __future__ import annotations

import itertools
import operator
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import opencc

CJK = re.compile(r"[\u3400-\u9fff]")
# Every block of Han ideographs (unified, extensions, compatibility): what Traditional→Simplified can change.
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
# Hiragana, katakana (without its middle dot ・, which Chinese text uses between foreign names) and half-width
# katakana.
KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
HIRAGANA = re.compile(r"[\u3040-\u309f]")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
EAST_ASIAN = re.compile(f"{HAN.pattern}|{KANA.pattern}|{HANGUL.pattern}")
LATIN_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
# Share of CJK characters (Han, kana, Hangul) among letters above which the script decides the language.
MIN_CJK_SHARE = 0.2
# Share of hiragana among Han and kana from which the text is Japanese: Japanese writes its particles and endings
# in hiragana (30-50 % of a news text, 5-10 % of a kanji-heavy headline: 東京株式市場、日経平均が大幅反落), Chinese
# none. Katakana is different: Chinese text may quote a Japanese name in it (索尼（ソニー）; one benchmark page has 7
# kana among 19,636 Han characters). Text with kana below the share is left to the statistics, choosing between
# Japanese and Chinese.
MIN_HIRAGANA_SHARE = 0.05
# When the statistics name a language other than German (a page of script or markup left in a .txt reads as
# Catalan, Spanish or English), the text is East Asian if it holds this many CJK characters: however many Latin
# letters the code around it has, no Catalan or English article is written in Han characters. Up to
# EAST_ASIAN_SAMPLE of them, from anywhere in the text, decide which East Asian language.
MIN_HAN_CHARS = 20
EAST_ASIAN_SAMPLE = 2000
# Share of CJK characters that change under t2s above which the text is Traditional; Simplified text
# changes almost none (a few shared forms), Traditional news changes 15-30 %.
MIN_TRADITIONAL_SHARE = 0.04
OPENCC_DICTIONARIES = Path(opencc.__file__).with_name("dictionary")
# The statistics' cost grows with the text; this much decides the language of a news article.
SAMPLE_CHARS = 600
# Most articles are named with near certainty by their first 200 characters: the full sample is read only where
# those leave doubt. py3langid walks the sample's bytes through a 39 MB table and gathers rows of a 28 MB one, so in
# a busy process its cost is mostly cache misses, paid per byte (on the cleaning pages 346 of 363 German articles
# are decided by the short sample, each with the full sample's answer; bench/language.py's figures unchanged).
QUICK_SAMPLE_CHARS = 200
QUICK_CONFIDENCE = 0.99
# py3langid's best language is taken unless the second is this close (probability ratio below it); then langdetect,
# with its other features (character n-grams on words, not bytes), decides between the two. On the cleaning
# benchmark's short German snippets that settles German against Luxembourgish or Danish (bench/language.py).
TIE_RATIO = 2.0
LANGDETECT_SEED = 0
# py3langid's class for text that is no language (numbers, markup, identifiers).
NOT_LANGUAGE = "zxx"
_MODEL_LOCK = threading.Lock()
_LANGDETECT_LOCK = threading.Lock()


def _char_table(name: str) -> dict[int, str]:
    """OpenCC's one-character dictionary ``name`` as a ``str.translate`` table (first candidate wins)."""
    table: dict[int, str] = {}
    with (OPENCC_DICTIONARIES / name).open(encoding="utf-8") as fh:
        for line in fh:
            source, _, targets = line.rstrip("\n").partition("\t")
            target = targets.split(" ")[0] if targets else ""
            if len(source) == 1 and len(target) == 1 and source != target:
                table[ord(source)] = target
    return table


@lru_cache(maxsize=1)
def _t2s_chars() -> dict[int, str]:
    return _char_table("TSCharacters.txt")


@lru_cache(maxsize=1)
def _s2t_chars() -> dict[int, str]:
    return _char_table("STCharacters.txt")


def _identifier() -> Any:
    """py3langid's ``LanguageIdentifier`` with probabilities normalised to sum to 1, loaded once per process."""
    with _MODEL_LOCK:  # a second thread waits for the one load (~0.7 s) instead of loading it again
        return _load_identifier()


@lru_cache(maxsize=1)
def _load_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _iso(label: str) -> str:
    """A detector's label as the pipeline's code: Chinese of any variety or script is ``zh``."""
    return "zh" if label.startswith(("zh", "yue", "wuu")) else label


def _langdetect_choice(sample: str, candidates: Sequence[str]) -> str | None:
    """langdetect's best language for ``sample`` if it is one of ``candidates`` (seeded: the same on every run)."""
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    # detect_langs loads its profiles on first use and seeds each detection from the class attribute: one thread
    # at a time, so none reads a half-loaded model or another's seed.
    with _LANGDETECT_LOCK:
        DetectorFactory.seed = LANGDETECT_SEED
        try:
            found = detect_langs(sample)
        except LangDetectException:  # no letters it knows
            return None
    best = _iso(found[0].lang) if found else None
    return best if best in candidates else None


def _statistical_language(sample: str) -> str:
    """The language of a text in a script several languages share: py3langid, langdetect on a near tie."""
    identifier = _identifier()
    if len(sample) > QUICK_SAMPLE_CHARS:
        first, p_first = identifier.rank(sample[:QUICK_SAMPLE_CHARS])[0]
        if p_first >= QUICK_CONFIDENCE:  # no near tie: the second has at most 1 - p_first
            return "und" if (first := _iso(first)) == NOT_LANGUAGE else first
    ranked = identifier.rank(sample)
    (first, p_first), (second, p_second) = ranked[0], ranked[1]
    if p_first < TIE_RATIO * p_second:
        first = _langdetect_choice(sample, (_iso(first), _iso(second))) or first
    first = _iso(first)
    return "und" if first == NOT_LANGUAGE else first


def _east_asian_in(text: str) -> str | None:
    """``ja``, ``ko`` or ``zh`` when the whole text holds enough East Asian characters among whatever else."""
    chars = "".join(m.group() for m in itertools.islice(EAST_ASIAN.finditer(text), EAST_ASIAN_SAMPLE))
    if len(chars) < MIN_HAN_CHARS:
        return None
    return _cjk_language(chars, len(HAN.findall(chars)), len(KANA.findall(chars)), len(HANGUL.findall(chars)))


def _cjk_language(text: str, han: int, kana: int, hangul: int) -> str:
    """``ja``, ``ko`` or ``zh`` for ``text`` written in East Asian scripts (with ``han``, ``kana`` and ``hangul``
    characters): by its characters, and where kana stand among Han characters without the hiragana of Japanese
    grammar, by the statistics' choice between Japanese and Chinese."""
    if hangul > han + kana:
        return "ko"
    if not kana:
        return "zh"
    if len(HIRAGANA.findall(text)) >= MIN_HIRAGANA_SHARE * (han + kana):
        return "ja"
    ranked = (_iso(label) for label, _ in _identifier().rank(text[:SAMPLE_CHARS]))
    return next(label for label in ranked if label in ("ja", "zh"))


def detect_language(text: str) -> str:
    """ISO 639-1 language of ``text`` (``zh``, ``de``, ``ja``, ...), ``und`` when unknown; deterministic.

    Scripts first: text mostly in Han, kana or Hangul is Chinese, Japanese (kana among the Han) or Korean, whatever
    a statistical model says about a few words. Text in the Latin or another shared script goes to py3langid,
    accurate and fast on short text, with langdetect breaking its near ties.
    """
    sample = text[:5000]
    if EAST_ASIAN.search(sample):  # counted only where there is one (most German text has none)
        han, kana, hangul = len(HAN.findall(sample)), len(KANA.findall(sample)), len(HANGUL.findall(sample))
        cjk = han + kana + hangul
        latin = sum(len(w) for w in LATIN_WORD.findall(sample))
        if cjk / (cjk + latin) >= MIN_CJK_SHARE:
            return _cjk_language(sample, han, kana, hangul)
    if not any(map(str.isalpha, sample)):  # numbers and punctuation are no language
        return "und"
    best = _statistical_language(sample[:SAMPLE_CHARS])
    if best != "de":  # the Latin letters may be markup or code around an East Asian text
        return _east_asian_in(text) or best
    return best


# ISO 15924 codes of the East Asian languages the pipeline names but does not extract from.
EAST_ASIAN_SCRIPTS = {"ja": "Jpan", "ko": "Kore"}


def detect_script(text: str, language: str) -> str | None:
    """``Hans`` or ``Hant`` for Chinese by a character test, ``Jpan`` and ``Kore`` for Japanese and Korean, ``Latn``
    for Latin-script languages."""
    if language in EAST_ASIAN_SCRIPTS:
        return EAST_ASIAN_SCRIPTS[language]
    if language != "zh":
        return "Latn" if LATIN_WORD.search(text) else None
    chars = CJK.findall(text[:20000])
    if not chars:
        return "Hans"
    sample = "".join(chars)
    simplified = sample.translate(_t2s_chars())
    changed_to_simplified = sum(map(operator.ne, sample, simplified))
    traditional = sample.translate(_s2t_chars())
    changed_to_traditional = sum(map(operator.ne, sample, traditional))
    share = changed_to_simplified / len(sample)
    if share >= MIN_TRADITIONAL_SHARE and changed_to_simplified > changed_to_traditional:
        return "Hant"
    return "Hans"


def to_simplified(text: str) -> str:
    """Simplified form of ``text`` with exactly the same length, so offsets carry over unchanged.

    OpenCC's t2s character dictionary applied as a ``str.translate`` table: one character for one
    by construction, and two orders of magnitude faster than its pure-Python phrase segmenter. The
    phrase rules only choose between variants of words we never match on (人名, 地名). Every character
    the table changes is a Han ideograph, so text without one (a German line) is returned as it is.
    """
    return text.translate(_t2s_chars()) if HAN.search(text) else text
