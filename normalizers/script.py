"""Language and script detection, and Traditional→Simplified conversion that keeps offsets."""
from __future__ import annotations

import re
from functools import lru_cache

from langdetect import DetectorFactory, LangDetectException, detect_langs
from opencc import OpenCC

CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
# Share of CJK characters among letters above which a page is Chinese whatever langdetect says.
MIN_CJK_SHARE = 0.2
# Share of CJK characters that change under t2s above which the text is Traditional; Simplified text
# changes almost none (a few shared forms), Traditional news changes 15-30 %.
MIN_TRADITIONAL_SHARE = 0.04
LANGDETECT_SEED = 0


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> OpenCC:
    return OpenCC("s2t")


def detect_language(text: str) -> str:
    """ISO 639-1 language of ``text`` (``zh``, ``de``, ...), ``und`` when unknown; deterministic."""
    sample = text[:5000]
    cjk = len(CJK.findall(sample))
    latin = sum(len(w) for w in LATIN_WORD.findall(sample))
    if cjk and cjk / (cjk + latin) >= MIN_CJK_SHARE:
        return "zh"
    DetectorFactory.seed = LANGDETECT_SEED
    try:
        langs = detect_langs(sample)
    except LangDetectException:
        return "und"
    best = langs[0].lang if langs else "und"
    return "zh" if best.startswith("zh") else best


def detect_script(text: str, language: str) -> str | None:
    """``Hans`` or ``Hant`` for Chinese by a character test, ``Latn`` for Latin-script languages."""
    if language != "zh":
        return "Latn" if LATIN_WORD.search(text) else None
    chars = CJK.findall(text[:20000])
    if not chars:
        return "Hans"
    sample = "".join(chars)
    simplified = _t2s().convert(sample)
    changed_to_simplified = sum(1 for a, b in zip(sample, simplified) if a != b)
    traditional = _s2t().convert(sample)
    changed_to_traditional = sum(1 for a, b in zip(sample, traditional) if a != b)
    share = changed_to_simplified / len(sample)
    if share >= MIN_TRADITIONAL_SHARE and changed_to_simplified > changed_to_traditional:
        return "Hant"
    return "Hans"


def to_simplified(text: str) -> str:
    """Simplified form of ``text`` with exactly the same length, so offsets carry over unchanged."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length: convert character by character, which always keeps it.
    out = []
    for ch in text:
        conv = _t2s().convert(ch)
        out.append(conv if len(conv) == 1 else ch)
    return "".join(out)
