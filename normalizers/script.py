"""Language and script detection, and Traditional→Simplified conversion that keeps offsets."""
from __future__ import annotations

import itertools
import operator
import re
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
import opencc
from langdetect import DetectorFactory, LangDetectException, detector_factory
from langdetect.detector import Detector
from langdetect.utils.ngram import NGram
from langdetect.utils.unicode_block import (
    UNICODE_LATIN_EXTENDED_ADDITIONAL,
    unicode_block,
)

CJK = re.compile(r"[\u3400-\u9fff]")
# Every block of Han ideographs (unified, extensions, compatibility): what Traditional→Simplified can change.
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
LATIN_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
# Share of CJK characters among letters above which a page is Chinese whatever langdetect says.
MIN_CJK_SHARE = 0.2
# When langdetect names a language other than German (a page of script or markup left in a .txt reads as Catalan,
# Spanish or English), the text is Chinese if it holds this many Han characters: however many Latin letters the
# code around it has, no Catalan or English article is written in Han characters.
MIN_HAN_CHARS = 20
# Share of CJK characters that change under t2s above which the text is Traditional; Simplified text
# changes almost none (a few shared forms), Traditional news changes 15-30 %.
MIN_TRADITIONAL_SHARE = 0.04
LANGDETECT_SEED = 0
OPENCC_DICTIONARIES = Path(opencc.__file__).with_name("dictionary")
# langdetect's cost grows with the text; this much decides the language of a news article.
LANGDETECT_SAMPLE_CHARS = 600
# Three trials (on 600 characters) gave the same language as the default seven on 5,000 characters
# for all 666 non-Chinese articles of the benchmark corpus, at a fraction of the cost.
LANGDETECT_TRIALS = 3
# Distinct words kept with their n-grams (a few MB at most); a German news article brings a few dozen new ones.
MAX_GRAM_WORDS = 50_000
_FACTORY_LOCK = threading.Lock()


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


class _NormalizedChars(dict[int, str]):
    """``NGram.normalize`` of every character as a ``str.translate`` table, filled on first sight."""

    def __missing__(self, code: int) -> str:
        value = self[code] = NGram.normalize(chr(code))
        return value


class _FastDetector(Detector):
    """langdetect's Detector with its per-character and per-language loops done by ``str`` methods and NumPy.

    Text preparation, n-grams and probabilities are exactly the library's (a test compares them) at a
    third of the cost; the sampling and the model are the library's own.
    """

    NORMALIZED = _NormalizedChars()
    # The n-gram table's rows as arrays, filled on first use: at most one 0.5 kB row per n-gram a process meets.
    ARRAYS: dict[str, np.ndarray] = {}
    DOUBLE_SPACES = re.compile(" {2,}")
    LATIN = re.compile("[A-z]")
    NOT_LATIN = re.compile("[\u0300-\U0010ffff]")

    def append(self, text: str) -> None:
        text = NGram.normalize_vi(self.MAIL_RE.sub(" ", self.URL_RE.sub(" ", text)))
        self.text += self.DOUBLE_SPACES.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        latin = len(self.LATIN.findall(self.text))
        non_latin = sum(1 for ch in self.NOT_LATIN.findall(self.text)
                        if unicode_block(ch) != UNICODE_LATIN_EXTENDED_ADDITIONAL)
        if latin * 2 < non_latin:
            self.text = self.LATIN.sub("", self.text)

    def _extract_ngrams(self) -> list[str]:
        # The library's n-gram buffer restarts after every space, so a run of spaces acts as one and the
        # grams at a character are the (up to) three characters ending there, not reaching back past the
        # space before its word; a character that continues a run of capitals yields none. So a word and the
        # space after it give the same grams wherever the word stands: looked up per word, not recomputed.
        words = self.DOUBLE_SPACES.sub(" ", self.text.translate(self.NORMALIZED)).lstrip(" ").split(" ")
        known = self.word_lang_prob_map
        result = list(itertools.chain.from_iterable(map(_word_grams(known).__getitem__, words[:-1])))
        result += _grams_after_space(words[-1], known)  # the text's last word has no space after it
        return result

    # Probabilities as float64 arrays: element by element the same two IEEE operations as the library's loop,
    # so the same numbers; only the sum stays Python's left-to-right ``sum`` (NumPy's is pairwise).
    def _init_probability(self) -> np.ndarray:
        return np.array(super()._init_probability(), dtype=np.float64)

    def _update_lang_prob(self, prob: np.ndarray, word: str, alpha: float) -> bool:
        table = self.ARRAYS.get(word)
        if table is None:
            if word not in self.word_lang_prob_map:
                return False
            table = self.ARRAYS[word] = np.array(self.word_lang_prob_map[word], dtype=np.float64)
        prob *= alpha / self.BASE_FREQ + table
        return True

    def _normalize_prob(self, prob: np.ndarray) -> float:
        prob /= sum(prob.tolist())
        return float(prob.max())


def _grams_after_space(chunk: str, known: dict[str, list[float]]) -> list[str]:
    """The n-grams langdetect takes from ``chunk`` (a word, and maybe the space ending it) after a space."""
    text = "  " + chunk
    grams: list[str] = []
    for a, b, c in zip(text, text[1:], text[2:]):
        if c.isupper() and b.isupper():
            continue
        if c != " " and c in known:
            grams.append(c)
        if b + c in known:
            grams.append(b + c)
        if b != " " and a + b + c in known:
            grams.append(a + b + c)
    return grams


class _WordGrams(dict[str, tuple[str, ...]]):
    """The n-grams of a word and the space after it, keyed by the word, filled on first sight."""

    def __init__(self, known: dict[str, list[float]]) -> None:
        super().__init__()
        self.known = known

    def __missing__(self, word: str) -> tuple[str, ...]:
        grams = tuple(_grams_after_space(word + " ", self.known))
        if len(self) >= MAX_GRAM_WORDS:  # a long run over many languages must not grow it without bound
            self.clear()
        self[word] = grams
        return grams


_WORD_GRAMS: list[_WordGrams] = []


def _word_grams(known: dict[str, list[float]]) -> _WordGrams:
    """The word table for langdetect's n-gram map ``known`` (one per process: the model is loaded once)."""
    if not _WORD_GRAMS or _WORD_GRAMS[0].known is not known:
        _WORD_GRAMS[:] = [_WordGrams(known)]
    return _WORD_GRAMS[0]


def _detector(sample: str) -> Detector:
    """A seeded langdetect detector (deterministic) with fewer random trials than its default 7."""
    DetectorFactory.seed = LANGDETECT_SEED
    # langdetect publishes its factory before the profiles are loaded into it; a second thread (or a
    # worker forked meanwhile) would use a half-loaded model. Only one thread loads, the others wait.
    with _FACTORY_LOCK:
        detector_factory.init_factory()
    detector = _FastDetector(detector_factory._factory)
    detector.n_trial = LANGDETECT_TRIALS
    detector.append(sample)
    return detector


def detect_language(text: str) -> str:
    """ISO 639-1 language of ``text`` (``zh``, ``de``, ...), ``und`` when unknown; deterministic."""
    sample = text[:5000]
    cjk = len(CJK.findall(sample))
    latin = sum(len(w) for w in LATIN_WORD.findall(sample))
    if cjk and cjk / (cjk + latin) >= MIN_CJK_SHARE:
        return "zh"
    try:
        langs = _detector(sample[:LANGDETECT_SAMPLE_CHARS]).get_probabilities()
    except LangDetectException:
        return "und"
    best = langs[0].lang if langs else "und"
    if best.startswith("zh"):
        return "zh"
    if best != "de" and _han_is_clear(text):  # Latin letters of markup or code read as Catalan or Spanish
        return "zh"
    return best


def _han_is_clear(text: str) -> bool:
    """Whether the whole text has enough Han characters to be a Chinese article drowned in markup."""
    return sum(1 for _ in itertools.islice(CJK.finditer(text), MIN_HAN_CHARS)) >= MIN_HAN_CHARS


def detect_script(text: str, language: str) -> str | None:
    """``Hans`` or ``Hant`` for Chinese by a character test, ``Latn`` for Latin-script languages."""
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
