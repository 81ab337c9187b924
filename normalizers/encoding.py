"""Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5, Big5-HKSCS."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


# Encodings we trust when a detector proposes a close relative (GBK text is valid GB18030).
_FAMILY = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5hkscs",
           "big5hkscs": "big5hkscs", "cp950": "big5hkscs", "utf_8": "utf-8", "ascii": "utf-8"}
# Share of control characters (other than tab/newline) above which a decoding is rejected as binary.
MAX_CONTROL_SHARE = 0.01
# Candidate legacy encodings in the order news sites use them.
_LEGACY = ("gb18030", "big5hkscs")
NUL = b"\x00"


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(text)


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") / len(text)


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise DecodeError for binary or undecodable input."""
    if not data:
        raise DecodeError("empty file")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"has a {name} byte-order mark but does not decode: {exc.reason} at byte {exc.start}") from exc
    if b"\x00" in data:
        raise DecodeError(f"binary content: NUL byte at offset {data.index(NUL)}")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _checked(*_legacy(data))


def _legacy(data: bytes) -> tuple[str, str]:
    """Pick between GB18030 and Big5 by which gives more common CJK text; fall back to the detector."""
    best: tuple[float, str, str] | None = None
    for name in _LEGACY:
        try:
            text = data.decode(name)
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
    # Truncated or mixed UTF-8: keep the text, mark the bad bytes, and say so.
    text = data.decode("utf-8", errors="replace")
    return text, "utf-8 (with replacement characters)"


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise DecodeError(f"binary content: {_control_share(text):.0%} control characters after decoding as {encoding}")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
