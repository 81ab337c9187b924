"""One article from bytes to a document record and its claims: the pure core the flow runs per file."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from extractors.cleaner import clean
from extractors.cleaner import warm_up as warm_up_cleaner
from extractors.context import annotate_all
from extractors.context import warm_up as warm_up_context
from extractors.hardware import HardwareSpan, extract_hardware
from extractors.ids import doc_ids, looks  # noqa: F401 - re-exported: they were defined here
from extractors.money import MoneySpan, extract_money, without_cut_off
from extractors.reader import MAX_META_CHARS, read_article
from extractors.sentences import sentence_at, sentence_bounds
from normalizers.currency import FxError, latest_rate_date, to_usd, usd_rate
from normalizers.dates import EARLIEST, FRONT_MATTER_KEYS, FRONT_MATTER_URL_KEYS, parse_date_value, publication_date
from normalizers.encoding import DecodeError, decode_keeping_utf8, decoding_note
from normalizers.locale import LOCALES, languages, load_locale, locale_tag, to_matching_script
from normalizers.script import detect_language, detect_script

SCHEMA_VERSION = 1
# An article's own restatement whose implied rate is off the reference rate by more than this is flagged.
FX_CHECK_TOLERANCE = 0.10
SUPPORTED_LANGUAGES = languages()
# Every claim carries every field, in this order; a field that does not apply is null (the contract).
CLAIM_FIELDS = (
    "schema_version", "claim_id", "doc_id", "source_path", "kind", "text", "start", "end", "sentence", "language",
    "script", "published", "subject", "topic", "change", "hypothetical", "attribution",
    "currency", "value", "low", "high", "qualifier", "per", "usd_value", "usd_low", "usd_high", "fx_rate", "fx_date",
    "fx_source", "equivalent_of", "fx_check", "vague",
    "vendor", "model", "count", "count_low", "count_high", "count_qualifier", "rule",
)
_EMPTY_CLAIM: dict[str, Any] = dict.fromkeys(CLAIM_FIELDS)


class ArticleError(ValueError):
    """The file cannot be turned into an article; the message says why."""


@dataclass(frozen=True)
class ArticleResult:
    """The document record and its claims, both as contract dicts."""

    document: dict[str, Any]
    claims: list[dict[str, Any]]
    warnings: tuple[str, ...] = field(default_factory=tuple)


def claim_id(doc_id: str, kind: str, start: int, end: int, text: str) -> str:
    """A stable id: the same document, kind and span give the same id on every run and machine."""
    return hashlib.sha256(f"{doc_id}\x1f{kind}\x1f{start}\x1f{end}\x1f{text}".encode()).hexdigest()[:20]


def region_of(matching: str, locale: str) -> str | None:
    """The region of an article (``TW`` or ``HK`` for Traditional Chinese) by which region's marker words (``regions:``
    of its locale file) its text, in matching form, uses more; None for a locale without regions."""
    regions = load_locale(locale).get("regions", {})
    counts = {name: [matching.count(w) for w in words] for name, words in regions.items()}
    # Distinct markers first: one outlet's spelling repeated (輝達 ×9 on a Hong Kong channel) is one cue.
    scores = {name: (sum(1 for c in found if c), sum(found)) for name, found in counts.items()}
    best = max(scores, key=lambda k: scores[k], default=None)
    if best is None or scores[best][1] == 0 or list(scores.values()).count(scores[best]) > 1:
        return None
    return best


def process_document(raw: bytes, source_path: str, doc_id: str | None = None) -> ArticleResult:
    """Decode, clean, detect, extract and normalise one article; raise ArticleError when it is unusable.

    ``doc_id`` defaults to the file's stem; a run passes ``doc_ids(...)`` so that ids are unique in it.
    """
    try:
        text, encoding, utf8 = decode_keeping_utf8(raw)
    except DecodeError as exc:
        raise ArticleError(str(exc)) from exc
    path = PurePosixPath(source_path)
    article = read_article(text, path.suffix)
    cleaned = clean(article.body, article.is_html, article.meta.get("title"), article.line_breaks,
                    utf8 if article.body is text else None)  # the page's bytes, when its body is all of it
    body = cleaned.text
    language = detect_language(body) if body.strip() else "und"
    script = detect_script(body, language) if body.strip() else None
    warnings = list(article.warnings) + list(cleaned.warnings)
    if note := decoding_note(encoding):
        warnings.append(note)
    published = publication_date(article.meta, cleaned.meta_dates, cleaned.head)
    warnings += [f"front matter {key} {article.meta[key]} is outside {EARLIEST.year}–today; ignored"
                 for key in FRONT_MATTER_KEYS if isinstance(article.meta.get(key), dt.date) and
                 parse_date_value(article.meta[key]) is None]
    locale = locale_tag(language, script) if language in SUPPORTED_LANGUAGES else None
    matching = to_matching_script(body, locale) if locale else body
    region = region_of(matching, locale) if locale else None
    doc_id = doc_id or path.stem
    title = cleaned.title
    if title and len(title) > MAX_META_CHARS:
        warnings.append(f"title of {len(title):,} characters cut to {MAX_META_CHARS:,}")
        title = title[:MAX_META_CHARS]
    claims: list[dict[str, Any]] = []
    if locale:
        claims = _claims(body, matching, doc_id, source_path, language, script, locale, region, published,
                         page_address(article.meta), title)
    elif body.strip():
        warnings.append(f"language {language!r} is not supported; no claims extracted")
    document = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc_id,
        "source_path": source_path,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "encoding": encoding,
        "title": title,
        "published": published.isoformat() if published else None,
        "language": language,
        "script": script,
        "region": region,
        "chars": len(body),
        "lines_dropped": cleaned.dropped,
        "money_claims": sum(1 for c in claims if c["kind"] == "money"),
        "hardware_claims": sum(1 for c in claims if c["kind"] == "hardware"),
        "warnings": warnings,
        "text": body,
    }
    return ArticleResult(document, claims, tuple(warnings))


def page_address(meta: dict[str, Any]) -> str | None:
    """The page's own address from its front matter or header (its words may name what the article is about)."""
    return next((value for key in FRONT_MATTER_URL_KEYS if isinstance(value := meta.get(key), str)), None)


def _claims(body: str, matching: str, doc_id: str, source_path: str, language: str, script: str | None, locale: str,
            region: str | None, published: dt.date | None, address: str | None = None,
            title: str | None = None) -> list[dict[str, Any]]:
    """The claims of ``body``, found in ``matching`` (the body in the locale's matching script, of the same length);
    ``address`` (the page's) and ``title``, for what the article is about."""
    bounds = sentence_bounds(body)
    base = {"schema_version": SCHEMA_VERSION, "doc_id": doc_id, "source_path": source_path, "language": language,
            "script": script, "published": published.isoformat() if published else None,
            "subject": None, "topic": None, "change": None, "hypothetical": False}
    money = without_cut_off(extract_money(matching, locale, region), matching)
    claims = [_money_claim(span, money, body, bounds, base, published) for span in money]
    claims += [_hardware_claim(span, body, bounds, base) for span in extract_hardware(matching, locale)]
    claims = [_record(c) for c in annotate_all(claims, body, matching, bounds, address, title)]
    return sorted(claims, key=lambda c: (c["start"], c["kind"], c["end"]))


def _record(claim: dict[str, Any]) -> dict[str, Any]:
    """The claim with every contract field, in the contract's order, null where it does not apply."""
    # A copy of the all-null record updated in place keeps its key order and is ~2x cheaper than a comprehension.
    record = _EMPTY_CLAIM.copy()
    record.update(claim)
    if len(record) != len(CLAIM_FIELDS):  # a key outside the contract: drop it
        return {name: claim.get(name) for name in CLAIM_FIELDS}
    return record


def _common(
    kind: str, start: int, end: int, body: str, bounds: list[tuple[int, int]], base: dict[str, Any]
) -> dict[str, Any]:
    text = body[start:end]
    return {**base, "claim_id": claim_id(base["doc_id"], kind, start, end, text), "kind": kind, "text": text,
            "start": start, "end": end, "sentence": sentence_at(body, bounds, start, end)}


def _fx_date(published: dt.date | None) -> tuple[dt.date, str]:
    latest = latest_rate_date()
    if published is None:
        return latest, "; article undated: latest rate in the bundled data"
    if published > latest:
        return published, f"; published after the bundled data ends ({latest}): latest rate used"
    return published, ""


def _money_claim(span: MoneySpan, spans: list[MoneySpan], body: str, bounds: list[tuple[int, int]],
                 base: dict[str, Any], published: dt.date | None) -> dict[str, Any]:
    claim = _common("money", span.start, span.end, body, bounds, base)
    on, note = _fx_date(published)
    try:
        rate = usd_rate(span.currency, on)
        fx = {"usd_value": to_usd(span.value, rate), "usd_low": to_usd(span.low, rate),
              "usd_high": to_usd(span.high, rate), "fx_rate": rate.per_usd, "fx_date": rate.date.isoformat(),
              "fx_source": rate.source + note}
    except FxError as exc:
        fx = {"usd_value": None, "usd_low": None, "usd_high": None, "fx_rate": None, "fx_date": None,
              "fx_source": f"no rate: {exc}"}
    original = spans[span.equivalent_of] if span.equivalent_of is not None else None
    restated = body[original.start:original.end] if original else ""
    claim.update({
        "currency": span.currency, "value": span.value, "low": span.low, "high": span.high,
        "qualifier": span.qualifier, "per": span.per, **fx,
        "equivalent_of": claim_id(base["doc_id"], "money", original.start, original.end, restated)
        if original else None,
        "fx_check": _fx_check(span, original, on) if original else None,
        "vague": span.vague, "rule": span.rule,
    })
    return claim


def _midpoint(span: MoneySpan) -> float | None:
    if span.value is not None:
        return span.value
    if span.low is not None and span.high is not None:
        return (span.low + span.high) / 2
    return None


def _fx_check(span: MoneySpan, original: MoneySpan, on: dt.date) -> dict[str, Any] | None:
    """Compare the rate an article implies by its own restatement with the reference rate."""
    this, that = _midpoint(span), _midpoint(original)
    if not this or not that or span.currency == original.currency:
        return None
    try:
        reference = usd_rate(span.currency, on).per_usd / usd_rate(original.currency, on).per_usd
    except FxError:
        return None
    implied = this / that
    deviation = implied / reference - 1
    return {"implied_rate": round(implied, 6), "reference_rate": round(reference, 6),
            "deviation": round(deviation, 4), "agrees": abs(deviation) <= FX_CHECK_TOLERANCE}


def _hardware_claim(
    span: HardwareSpan, body: str, bounds: list[tuple[int, int]], base: dict[str, Any]
) -> dict[str, Any]:
    claim = _common("hardware", span.start, span.end, body, bounds, base)
    claim.update({"vendor": span.vendor, "model": span.model, "count": span.count, "count_low": span.count_low,
                  "count_high": span.count_high, "count_qualifier": span.count_qualifier, "vague": span.vague,
                  "rule": span.rule})
    return claim


def warm_up() -> None:
    """Build every lazily compiled pattern and the spaCy pipeline now (before forking workers)."""
    for locale in LOCALES:
        extract_money("", locale)
        extract_hardware("", locale)
        for region in load_locale(locale).get("region_overrides", {}):
            extract_money("", locale, region)
        warm_up_context(locale)
    for language in SUPPORTED_LANGUAGES:
        detect_script("繁體中文", language)  # builds OpenCC's character tables for Chinese
    detect_language("Die Firma hat sechs Millionen Dollar für das Training ausgegeben.")  # loads py3langid's model
    latest_rate_date()
    warm_up_cleaner()
