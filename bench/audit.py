"""Recall audit: figures next to money or hardware words that gave no claim, and claims that cut a figure.

``python -m bench.audit FOLDER [FOLDER ...] [--examples 3] [--all] [--explained bench/audit_explained.yaml]``

FOLDER is a folder of articles (every file goes through ``extractors.article.process_document``, the per-article
core the flow runs) or a run's output folder (``documents.jsonl`` and ``claims.jsonl`` are read as they are).
In each cleaned text it finds every figure (Arabic digits, full-width digits, Chinese numerals) that stands next to
a cue: a currency word or sign, a scale word (万, 亿, Millionen, Mrd.), a measure word that counts chips (块, 张,
颗) or a chip's name. A figure that no claim covers is a line of the audit; so is a claim whose text starts or ends
inside a figure (``0.14美元`` out of ``10.14美元``). Lines are grouped by pattern: the cue word and the shape of
what joins it to the figure (``9.9 亿美元`` is the figure, a space, then 亿美元), so one form is one line however
often it occurs, with its count and a few examples.

Each pattern is either a form the rules should read (a case for the tables) or a reason to write down:
``bench/audit_explained.yaml`` lists explained patterns (a regex over the pattern key, and why: not money, or a
known gap kept as a strict xfail in the case tables). The audit prints the unexplained patterns first; ``--all``
prints the explained ones too. Exit status 0; 2 when a folder cannot be read.
"""
from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from extractors.money import quote_boxes

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EXPLAINED = ROOT / "bench" / "audit_explained.yaml"
# How far (characters) a cue may stand from the figure: 59.3 亿美元 has one space, "7,6 Milliarden Dollar" a word.
CUE_GAP = 3
# A measure word (块, 张) is a cue only where a chip's name or noun follows it this closely (一个约定 is no chip).
CHIP_AFTER_MEASURE = 12
# A scale word without a currency (1,4 Milliarden Umsatz, 100万) is a cue only in a sentence that names a currency
# somewhere (40 Millionen Kubikmeter is not money).
SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?|[^.!?\n]+(?:[.!?](?=\s|$))?")
HAN_NUMERAL = "零〇一二两三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟"
# A figure: Arabic (grouped with , . ' or thin spaces, decimals) or full-width digits, or a run of Chinese numerals.
FIGURE = re.compile(r"(?<![\w.,'’])(?:\d{1,3}(?:[,.'’\u202f\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])"
                    r"|[０-９]+(?:[．，][０-９]+)*"
                    rf"|[{HAN_NUMERAL}]{{2,}}|(?<![{HAN_NUMERAL}])[一二两三四五六七八九十几数][{HAN_NUMERAL}]*")
DIGIT = re.compile(r"\d")
INNER_DIGIT = re.compile(r"[\d０-９]")
NEXT_TOKEN = re.compile(r"[ \u00a0]*(\w+|\S)?")
HAN = re.compile(r"[\u3400-\u9fff]")
SHAPE_DIGITS = re.compile(r"\d+")
SUPPORTED = ("zh", "de")


@dataclass(frozen=True)
class Line:
    """One audit finding: its pattern, where it is, and the text around it."""

    pattern: str
    doc: str
    snippet: str


# ---- cue words ---------------------------------------------------------------------------------------------


def _locale_tag(language: str, script: str | None) -> str:
    return "de" if language == "de" else ("zh-Hant" if script == "Hant" else "zh-Hans")


def _hardware_words(tag: str) -> dict[str, Any]:
    from normalizers.locale import load_locale

    words = load_locale(tag).get("hardware")
    if words:
        return words
    legacy = ROOT / "extractors" / "data" / "hardware_words.yaml"  # before the locale files held them
    data = yaml.safe_load(legacy.read_text(encoding="utf-8")) if legacy.is_file() else {}
    return data.get("de" if tag == "de" else "zh-Hans", {})


@dataclass(frozen=True)
class Cues:
    after: re.Pattern[str]  # a cue word right after a figure
    before: re.Pattern[str]  # a cue word right before a figure (anchored at the figure)
    kinds: dict[str, str]  # case-folded cue word -> currency | scale | measure | chip
    chip: re.Pattern[str]  # a chip's name or noun
    currency: re.Pattern[str]  # any currency word or sign


@functools.lru_cache(maxsize=4)
def cues(tag: str) -> Cues:
    """The cue words of a locale: currencies, scales, measure words that count chips, chip names and nouns."""
    from normalizers.locale import load_locale

    data = load_locale(tag)
    kind: dict[str, str] = {}
    money = data.get("money", {})
    for word in [*money.get("currency_after", {}), *money.get("currency_before", {})]:
        kind[str(word)] = "currency"
    number = data.get("number", {})
    for word in [*number.get("big_units", {}), *number.get("scales", {})]:
        kind.setdefault(str(word), "scale")
    for word in _hardware_words(tag).get("classifiers", []):
        kind.setdefault(str(word), "measure")
    catalogue = yaml.safe_load((ROOT / "extractors" / "data" / "hardware.yaml").read_text(encoding="utf-8"))
    chips = [str(a) for model in catalogue.get("models", []) for a in model.get("aliases", [])]
    for alias in chips:
        kind.setdefault(alias, "chip")
    chips += [str(a) for nouns in catalogue.get("generic", {}).values() for a in nouns]
    latin = tag == "de"
    flags = re.I if latin else 0
    # Latin words must stand whole (Euro, not Europa); Han words may run on (亿美元 holds 亿).
    end = r"(?![A-Za-zäöüß])" if latin else ""
    # A cue never starts inside a Latin word, in any script: the "kes" of Bikes is no shilling, the T4 of INT4 no chip.
    start = r"(?<![A-Za-zäöüß])"
    alternation = _alternation(kind)
    return Cues(
        after=re.compile(rf"(?P<gap>[\s\-]{{0,{CUE_GAP}}})(?P<cue>{alternation}){end}", flags),
        before=re.compile(rf"{start}(?P<cue>{alternation})(?P<gap>[\s\-]{{0,{CUE_GAP}}})$", flags),
        kinds={w.casefold(): k for w, k in kind.items()},
        chip=re.compile(_alternation(chips), re.I),
        currency=re.compile(_alternation([w for w, k in kind.items() if k == "currency"]) + end, flags),
    )


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# ---- the audit ---------------------------------------------------------------------------------------------


def _shape(figure: str) -> str:
    return SHAPE_DIGITS.sub("9", figure) if DIGIT.search(figure) else ("N" if figure[0] in HAN_NUMERAL else figure)


def _gap(gap: str) -> str:
    return gap.replace(" ", "␣").replace("\u00a0", "⍽").replace("\n", "⏎") or ""


def _next_word(text: str, at: int, tag: str) -> str:
    """What follows a scale word, as a class: a German noun (capitalised: what is counted, 2,9 Milliarden Nutzer), a
    lower-case word, Han characters, punctuation or the end."""
    m = NEXT_TOKEN.match(text, at)
    if not m or not m.group(1):
        return "end"
    token = m.group(1)
    if token[0].isupper():
        return "Noun"
    if token[0].isalpha() and token[0].isascii() or token[0] in "äöüß":
        return "word"
    return "Han" if HAN.match(token) else "punct"


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e or s < end and start < e for s, e in spans)


def _snippet(text: str, start: int, end: int, width: int = 24) -> str:
    marked = text[max(0, start - width):start] + "【" + text[start:end] + "】" + text[end:end + width]
    return marked.replace("\n", "⏎")


def audit_document(doc: dict[str, Any], claims: list[dict[str, Any]]) -> Iterator[Line]:
    """The audit lines of one document: uncovered figures beside a cue, and claims that cut a figure."""
    if doc.get("language") not in SUPPORTED:
        return
    from normalizers.script import to_simplified

    text = doc["text"]
    tag = _locale_tag(doc["language"], doc.get("script"))
    matched = to_simplified(text) if tag != "de" else text  # same length: offsets carry over
    c = cues(tag)
    spans = [(x["start"], x["end"]) for x in claims]
    sentences = [(s.start(), s.end()) for s in SENTENCE.finditer(matched)]
    boxes = quote_boxes(matched)
    for m in FIGURE.finditer(matched):
        if _covered(spans, m.start(), m.end()):
            continue
        # a quote box's data, which money leaves out on purpose: listed under their own key
        boxed = "quote box: " if any(lo <= m.start() < hi for lo, hi in boxes) else ""
        hit = c.after.match(matched, m.end())
        kind = hit and c.kinds[hit["cue"].casefold()]
        if kind == "measure" and not c.chip.search(matched, hit.end(), hit.end() + CHIP_AFTER_MEASURE):
            kind = None
        if kind == "scale":
            s0, s1 = next(((a, b) for a, b in sentences if a <= m.start() < b), (m.start(), m.end()))
            if not c.currency.search(matched, s0, s1):
                kind = None
        if hit and kind:
            cue = hit["cue"]
            then = f" → {_next_word(matched, hit.end(), tag)}" if kind == "scale" else ""
            pattern = f"{tag} {boxed}{kind}: {_shape(m.group())}{_gap(hit['gap'])}{cue}{then}"
            yield Line(pattern, doc["doc_id"], _snippet(text, m.start(), hit.end()))
            continue
        hit = c.before.search(matched, max(0, m.start() - 16), m.start())
        if hit and c.kinds[hit["cue"].casefold()] in ("currency", "chip"):
            cue = hit["cue"]
            pattern = f"{tag} {boxed}{c.kinds[cue.casefold()]} before: {cue}{_gap(hit['gap'])}{_shape(m.group())}"
            yield Line(pattern, doc["doc_id"], _snippet(text, hit.start(), m.end()))
    for claim in claims:
        s, e = claim["start"], claim["end"]
        cut_before = s > 0 and INNER_DIGIT.match(text[s - 1]) and INNER_DIGIT.match(text[s])
        cut_after = e < len(text) and INNER_DIGIT.match(text[e]) and INNER_DIGIT.match(text[e - 1])
        if cut_before or cut_after:
            where = "start" if cut_before else "end"
            yield Line(f"{tag} claim cuts a figure at its {where}: {_shape(claim['text'])}", doc["doc_id"],
                       _snippet(text, s, e))


def _read_outputs(folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    def rows(name: str) -> list[dict[str, Any]]:
        with (folder / name).open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]

    return rows("documents.jsonl"), rows("claims.jsonl")


def _process(folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from extractors.article import ArticleError, process_document, warm_up

    warm_up()
    documents, claims = [], []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        try:
            result = process_document(path.read_bytes(), path.relative_to(folder).as_posix())
        except ArticleError:
            continue
        documents.append(result.document)
        claims.extend(result.claims)
    return documents, claims


def audit(folders: Iterable[Path]) -> list[Line]:
    lines: list[Line] = []
    for folder in folders:
        documents, claims = (_read_outputs(folder) if (folder / "documents.jsonl").is_file() else _process(folder))
        by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for c in claims:
            by_doc[c["doc_id"]].append(c)
        for doc in documents:
            lines.extend(audit_document(doc, by_doc[doc["doc_id"]]))
    return lines


def load_explained(path: Path) -> list[tuple[re.Pattern[str], str]]:
    """(pattern regex, reason) pairs; the file is a list of {match: REGEX, reason: TEXT}."""
    if not path.is_file():
        return []
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [(re.compile(item["match"]), item["reason"]) for item in items]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="article folders or run output folders")
    parser.add_argument("--examples", type=int, default=3, help="examples shown per pattern")
    parser.add_argument("--all", action="store_true", help="also print the explained patterns")
    parser.add_argument("--explained", type=Path, default=DEFAULT_EXPLAINED, help="the explained patterns (YAML)")
    args = parser.parse_args(argv)
    for folder in args.folders:
        if not folder.is_dir():
            print(f"bench.audit: {folder} is not a folder", file=sys.stderr)
            return 2
    explained = load_explained(args.explained)
    groups: dict[str, list[Line]] = defaultdict(list)
    for line in audit(args.folders):
        groups[line.pattern].append(line)
    reasons = {p: next((r for rx, r in explained if rx.search(p)), None) for p in groups}
    open_ = sorted((p for p in groups if reasons[p] is None), key=lambda p: (-len(groups[p]), p))
    done = sorted((p for p in groups if reasons[p] is not None), key=lambda p: (-len(groups[p]), p))
    print(f"bench.audit: {sum(len(groups[p]) for p in open_)} lines in {len(open_)} unexplained patterns; "
          f"{sum(len(groups[p]) for p in done)} lines in {len(done)} explained patterns")
    for p in open_ + (done if args.all else []):
        docs = sorted({x.doc for x in groups[p]})
        reason = f"  [{reasons[p]}]" if reasons[p] else ""
        print(f"\n{len(groups[p]):5d}  {p}{reason}   ({len(docs)} documents)")
        for x in groups[p][: args.examples]:
            print(f"         {x.doc}: {x.snippet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
