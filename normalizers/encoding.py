"""Decode article bytes: UTF-8 (with or without BOM), UTF-16 (with or without BOM), UTF-32 with BOM, GB18030/GBK,
Big5, Big5-HKSCS."""
from __future__ import annotations

import codecs
import re

from bs4.dammit import EncodingDetector
from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


# A decoding: text and encoding name, and how many U+FFFD it put for bad bytes when it did.
Decoded = tuple[str, str] | tuple[str, str, int]


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
# A page is decoded with replacement characters when at most this share of its characters are undecodable; UTF-8
# also when at most FEW_REPLACED are (a short page with a few bad bytes is no less a page; one bad byte inside a
# Chinese character's three UTF-8 bytes makes up to three replacement characters). Not a legacy encoding: GB18030
# reads UTF-8 Chinese as other characters with only a few errors.
MAX_REPLACED_SHARE = 0.005
FEW_REPLACED = 32
# Bytes that are mostly UTF-8: at least this many well-formed multi-byte characters per replacement character.
# GB18030 or Big5 read as UTF-8 give the opposite (most of their byte pairs are not UTF-8).
UTF8_CHARS_PER_BAD = 2
# A declared encoding is overruled by another legacy CJK encoding when its text is this chaotic (charset_normalizer's
# mess ratio of the non-ASCII text) and the other's is at most OVERRULE_FACTOR of it.
CHAOTIC = 0.2
OVERRULE_FACTOR = 0.25
MESS_SAMPLE_CHARS = 20_000
NON_ASCII = re.compile(r"[^\x00-\x7f]+")
REPLACEMENT = "\ufffd"
# Candidate legacy encodings in the order news sites use them.
_LEGACY = ("gb18030", "big5hkscs")
NUL = b"\x00"
# Control characters other than tab, newline, form feed and carriage return, and the replacement character.
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
# Every byte but those of CONTROL: in UTF-8 a control character is its one ASCII byte, so deleting these from the
# bytes leaves the control characters (C-level bytes.translate, ~10x cheaper than the regex over a decoded page).
NOT_CONTROL_BYTES = bytes(b for b in range(256) if not CONTROL.match(chr(b)))
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


def decoding_note(encoding: str) -> str | None:
    """The warning a document carries for how it was decoded (``decode``'s encoding), or None."""
    if "replaced" in encoding:
        return f"decoded as {encoding}: the page has bytes that are not text in any encoding tried"
    if "declared" in encoding:
        return f"decoded as {encoding}"
    return None


def _few(bad: int, length: int) -> bool:
    return bad <= MAX_REPLACED_SHARE * length


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise DecodeError for binary or undecodable input."""
    text, encoding, _ = decode_keeping_utf8(data)
    return text, encoding


def decode_keeping_utf8(data: bytes) -> tuple[str, str, bytes | None]:
    """``decode``'s ``(text, encoding)`` and, for a page in strict UTF-8, ``text.encode("utf-8")``: the bytes it was
    decoded from (line ends made Unix), which an HTML parser can read without encoding the text again."""
    if not data:
        raise DecodeError("empty file")
    # UTF-32's little-endian mark begins with UTF-16's: test it first.
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return (*_checked(data.decode(name), name), None)
            except UnicodeDecodeError as exc:
                if exc.end == len(data) and len(data) - exc.start < 4:  # cut off inside the last character
                    try:
                        return (*_checked(data[: exc.start].decode(name), f"{name} (truncated)"), None)
                    except UnicodeDecodeError:
                        pass
                raise DecodeError(
                    f"has a {name} byte-order mark but does not decode: {exc.reason} at byte {exc.start}"
                ) from exc
    if NUL in data and (utf16 := _utf16_without_bom(data)):
        return (*_checked(*utf16), None)
    if NUL in data:
        raise DecodeError(f"binary content: NUL byte at offset {data.index(NUL)}")
    try:
        return _checked_utf8(data)
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data) and len(data) - exc.start < 4:
            # A file cut off inside its last character: keep everything before it.
            try:
                return (*_checked(data[: exc.start].decode("utf-8"), "utf-8 (truncated)"), None)
            except UnicodeDecodeError:
                pass
    if mostly := _mostly_utf8(data):
        return (*_checked(*mostly), None)
    if declared := _declared(data):
        return (*_checked(*declared), None)
    return (*_checked(*_legacy(data)), None)


def _replaced(data: bytes, name: str) -> tuple[str, int]:
    """The bytes decoded with U+FFFD for what does not decode, and how many U+FFFD that added."""
    text = data.decode(name, errors="replace")
    return text, text.count(REPLACEMENT) - (data.count(REPLACEMENT.encode("utf-8")) if name == "utf-8" else 0)


def _mostly_utf8(data: bytes) -> tuple[str, str, int] | None:
    """UTF-8 with a few corrupt bytes (a disk or transfer error, a page cut and pasted), short or long: decoded with
    U+FFFD for them. Its well-formed multi-byte characters far outnumber the bad bytes, which text in another
    encoding read as UTF-8 never does."""
    text, bad = _replaced(data, "utf-8")
    well_formed = len(text) - len(text.encode("ascii", "ignore")) - text.count(REPLACEMENT)
    if bad > max(FEW_REPLACED, MAX_REPLACED_SHARE * len(text)) or well_formed < UTF8_CHARS_PER_BAD * bad:
        return None
    return text, f"utf-8 ({bad} undecodable bytes replaced)", bad


def _declared(data: bytes) -> Decoded | None:
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
        text = data.decode(name)
    except UnicodeDecodeError:
        text, bad = _replaced(data, name)
        return (text, f"{name} ({bad} undecodable bytes replaced)", bad) if _few(bad, len(text)) else None
    return _truer_legacy(data, text, name, found) or (text, name)


def _mess(text: str) -> float:
    """charset_normalizer's measure of how garbled text is, over its non-ASCII part (markup dilutes it)."""
    return mess_ratio(" ".join(NON_ASCII.findall(text))[:MESS_SAMPLE_CHARS], maximum_threshold=1.0)


def _truer_legacy(data: bytes, text: str, name: str, declared: str) -> tuple[str, str] | None:
    """The page in another legacy CJK encoding when the declared one garbles it (a Big5 page declaring gb2312:
    GB18030 decodes most Big5 byte pairs, into rare and private-use characters) and the other reads cleanly."""
    mess = _mess(text)
    if mess < CHAOTIC:
        return None
    for other in _LEGACY:
        if other == name:
            continue
        try:
            candidate = data.decode(other)
        except UnicodeDecodeError:
            continue
        if _mess(candidate) <= OVERRULE_FACTOR * mess:
            return candidate, f"{other} (declared {declared}, which garbles the text)"
    return None


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


def _legacy(data: bytes) -> Decoded:
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


def _with_few_bad_bytes(data: bytes) -> tuple[str, str, int] | None:
    """A legacy page with a few corrupt bytes: decoded with U+FFFD for them, the encoding name saying how many."""
    # The first encoding with the fewest bad bytes.
    name, text, bad = min(((name, *_replaced(data, name)) for name in ("utf-8", *_LEGACY)),
                          key=lambda decoded: decoded[2])
    if not _few(bad, len(text)):
        return None
    return text, f"{name} ({bad} undecodable bytes replaced)", bad


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


def _checked_utf8(data: bytes) -> tuple[str, str, bytes]:
    """``_checked`` of the strict UTF-8 decoding of ``data`` (raising UnicodeDecodeError where it has none), with
    the line ends and the control characters dealt with on the bytes: a carriage return or a control character is
    its one ASCII byte in UTF-8, never part of a longer character (C-level byte operations, not a pass over the
    decoded text, most of which is wider than a byte a character)."""
    unix = _unix_line_ends(data) if b"\r" in data else data
    text = unix.decode("utf-8")
    controls = len(unix.translate(None, NOT_CONTROL_BYTES)) + text.count(REPLACEMENT)
    length = len(text) + len(data) - len(unix)  # the decoded text's length before its line ends were changed
    share = controls / length if length else 0.0
    if share > MAX_CONTROL_SHARE:
        raise DecodeError(f"binary content: {share:.0%} control characters after decoding as utf-8")
    return text, "utf-8", unix


def _unix_line_ends(data: bytes) -> bytes:
    # bytes.splitlines splits at \r\n, \r and \n only (str's also at other breaks): half the cost of two replaces
    joined = b"\n".join(data.splitlines())
    return joined + b"\n" if data.endswith((b"\n", b"\r")) else joined


def _checked(text: str, encoding: str, replaced: int = 0) -> tuple[str, str]:
    """The text with Unix line ends, unless it has too many control characters to be text (binary content).

    ``replaced``: U+FFFD the decoding put for bad bytes, already judged few; they are not counted again.
    """
    controls = len(CONTROL.findall(text))
    share = (controls - replaced) / len(text) if text else 0.0
    if share > MAX_CONTROL_SHARE:
        raise DecodeError(f"binary content: {share:.0%} control characters after decoding as {encoding}")
    if "\r" not in text:  # most pages: no copy of the whole text
        return text, encoding
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
