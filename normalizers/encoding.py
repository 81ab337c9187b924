"""Decode article bytes: UTF-8 (with or without BOM), UTF-16 (with or without BOM), UTF-32 with BOM, GB18030/GBK,
Big5, Big5-HKSCS."""
from __future__ import annotations

import codecs
import re

from bs4.dammit import EncodingDetector
from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


# Encodings we trust when a detector proposes a close relative (GBK text is valid GB18030).
_FAMILY = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5hkscs",
           "big5hkscs": "big5hkscs", "cp950": "big5hkscs", "utf_8": "utf-8", "ascii": "utf-8"}
# Share of control characters (other than tab/newline) above which a decoding is rejected as binary.
MAX_CONTROL_SHARE = 0.01
# Browsers read these declared labels as Windows code pages (WHATWG Encoding Standard).
_WHATWG = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
           "iso-8859-9": "cp1254", "gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "x-gbk": "gb18030"}
# Where a page declares its encoding: the head, at most this many bytes in.
DECLARATION_BYTES = 8192
# A page is decoded with replacement characters when at most this share of its characters are undecodable.
MAX_REPLACED_SHARE = 0.005
# Candidate legacy encodings in the order news sites use them.
_LEGACY = ("gb18030", "big5hkscs")
NUL = b"\x00"
# Control characters other than tab, newline, form feed and carriage return, and the replacement character.
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
CJK = re.compile("[\u4e00-\u9fff]")
# What news text is made of: printable ASCII and whitespace, Latin-1 letters, CJK punctuation, ideographs,
# full-width forms. UTF-16 read with the wrong byte order (or a binary file read as UTF-16) is mostly not.
PLAIN_TEXT = re.compile("[\t\n\r\x20-\x7e\u00a0-\u00ff\u2010-\u203a\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
UTF16_PLAIN_SHARE = 0.95
# Share of NUL bytes that must sit on one side of the byte pairs, and how many at least (one NUL proves nothing).
UTF16_NUL_SIDE = 0.98
UTF16_MIN_NULS = 4


def _control_share(text: str) -> float:
    return len(CONTROL.findall(text)) / len(text) if text else 0.0


def _cjk_share(text: str) -> float:
    return len(CJK.findall(text)) / len(text) if text else 0.0


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise DecodeError for binary or undecodable input."""
    if not data:
        raise DecodeError("empty file")
    # UTF-32's little-endian mark begins with UTF-16's: test it first.
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), name)
            except UnicodeDecodeError as exc:
                if exc.end == len(data) and len(data) - exc.start < 4:  # cut off inside the last character
                    try:
                        return _checked(data[: exc.start].decode(name), f"{name} (truncated)")
                    except UnicodeDecodeError:
                        pass
                raise DecodeError(f"has a {name} byte-order mark but does not decode: {exc.reason} at byte {exc.start}") from exc
    if NUL in data and (utf16 := _utf16_without_bom(data)):
        return _checked(*utf16)
    if NUL in data:
        raise DecodeError(f"binary content: NUL byte at offset {data.index(NUL)}")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data) and len(data) - exc.start < 4:
            # A file cut off inside its last character: keep everything before it.
            try:
                return _checked(data[: exc.start].decode("utf-8"), "utf-8 (truncated)")
            except UnicodeDecodeError:
                pass
    if declared := _declared(data):
        return _checked(*declared)
    return _checked(*_legacy(data))


def _declared(data: bytes) -> tuple[str, str] | None:
    """The page in the encoding it declares (``<meta charset>``, XML declaration), when that fits its bytes.

    bs4's detector reads the declaration; a declared page with a few corrupt bytes keeps its encoding (with
    replacement characters) instead of being guessed as a single-byte code page that garbles every umlaut.
    """
    found = EncodingDetector.find_declared_encoding(data[:DECLARATION_BYTES], is_html=True)
    if not found:
        return None
    name = _WHATWG.get(found.lower(), found.lower())
    try:
        name = _FAMILY.get(codecs.lookup(name).name.replace("-", "_"), codecs.lookup(name).name)
    except LookupError:
        return None
    try:
        return data.decode(name), name
    except UnicodeDecodeError:
        text = data.decode(name, errors="replace")
        bad = text.count("\ufffd")
        return (text, f"{name} ({bad} undecodable bytes replaced)") if bad <= MAX_REPLACED_SHARE * len(text) else None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 with no byte-order mark (what Windows tools export): its ASCII characters put NUL bytes all on
    one side of each byte pair, and it decodes to plain text. None when the bytes are not that."""
    even, odd = data[0::2].count(NUL), data[1::2].count(NUL)
    if max(even, odd) < UTF16_MIN_NULS or min(even, odd) > max(even, odd) * (1 - UTF16_NUL_SIDE):
        return None
    name = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data[: len(data) // 2 * 2].decode(name)
    except UnicodeDecodeError:
        return None
    if len(PLAIN_TEXT.findall(text)) < UTF16_PLAIN_SHARE * len(text):
        return None  # random pairs (a binary file, UTF-8 with a stray NUL) land all over Unicode
    return text, name + (" (truncated)" if len(data) % 2 else "")


def _legacy(data: bytes) -> tuple[str, str]:
    """Pick between GB18030 and Big5 by which gives more common CJK text; fall back to the detector."""
    best: tuple[float, str, str] | None = None
    for name in _LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            if exc.end != len(data) or len(data) - exc.start >= 4:
                continue
            try:  # cut off inside the last character: keep everything before it
                text = data[: exc.start].decode(name)
            except UnicodeDecodeError:
                continue
        score = _cjk_share(text) - _control_share(text)
        if best is None or score > best[0]:
            best = (score, text, name)
    guess = from_bytes(data).best()
    if guess is not None and guess.encoding:
        name = _FAMILY.get(guess.encoding, guess.encoding)
        if best is None or (name in _LEGACY and name == best[2]) or name not in _LEGACY:
            try:
                return data.decode(name), name
            except (UnicodeDecodeError, LookupError):
                pass
    if best is not None:
        return best[1], best[2]
    if patched := _with_few_bad_bytes(data):
        return patched
    # Mixed UTF-8 and GB18030 (pages pasted together): decode each character in the encoding it is written in.
    mixed, utf8_chars, gb_chars = _mixed_utf8_gb18030(data)
    if min(utf8_chars, gb_chars) >= 0.1 * (utf8_chars + gb_chars) and \
            mixed.count("\ufffd") < data.decode("utf-8", errors="replace").count("\ufffd"):
        return mixed, "utf-8+gb18030"
    # Otherwise keep the text, mark the bad bytes, and say so.
    text = data.decode("utf-8", errors="replace")
    return text, "utf-8 (with replacement characters)"


def _with_few_bad_bytes(data: bytes) -> tuple[str, str] | None:
    """A legacy page with a few corrupt bytes: decoded with U+FFFD for them, the encoding name saying how many."""
    best: tuple[int, str, str] | None = None
    for name in ("utf-8", *_LEGACY):
        text = data.decode(name, errors="replace")
        bad = text.count("\ufffd")
        if best is None or bad < best[0]:
            best = (bad, text, name)
    bad, text, name = best
    if bad > MAX_REPLACED_SHARE * len(text):
        return None
    return text, f"{name} ({bad} undecodable bytes replaced)"


def _mixed_utf8_gb18030(data: bytes) -> tuple[str, int, int]:
    """Character by character: ASCII, a 3/4-byte UTF-8 sequence, a GB18030 character, a 2-byte UTF-8 one, else U+FFFD.

    GB18030 goes before 2-byte UTF-8 because many GB18030 characters (训 = D1 B5) are also valid 2-byte UTF-8
    for Cyrillic or Greek letters, while Chinese in UTF-8 takes three bytes. Also returns how many characters
    each encoding gave, so a caller can tell real mixing from a legacy file with a stray byte.
    """
    counts = {"utf-8": 0, "gb18030": 0}
    out: list[str] = []
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            j = i + 1
            while j < n and data[j] < 0x80:
                j += 1
            out.append(data[i:j].decode("ascii"))
            i = j
            continue
        for width, codec in ((3, "utf-8"), (4, "utf-8"), (2, "gb18030"), (4, "gb18030"), (2, "utf-8")):
            chunk = data[i : i + width]
            if len(chunk) < width:
                continue
            try:
                ch = chunk.decode(codec)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                out.append(ch)
                counts[codec] += 1
                i += width
                break
        else:
            out.append("\ufffd")
            i += 1
    return "".join(out), counts["utf-8"], counts["gb18030"]


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise DecodeError(f"binary content: {_control_share(text):.0%} control characters after decoding as {encoding}")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
