"""A run's document ids from its files' paths: light to import, since the flow needs them before (and without) any
extraction."""
from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from pathlib import PurePosixPath


def looks(text: str) -> str:
    """What ``text`` looks like on screen: NFKC (an NFD twin of an NFC name shows the same glyphs) without
    invisible format characters (zero-width spaces and joiners, BOMs)."""
    if text.isascii():  # most names: nothing to normalise
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch) != "Cf")


def doc_ids(source_paths: list[str]) -> dict[str, str]:
    """A ``doc_id`` per source path, unique in the run: the file's stem, or where several files share a stem or one
    that looks the same (same.txt, same.md, sub/same.txt; café in NFC and in NFD) the stem and a digest of the
    path, so that ids that differ also look different. Unique stems stay as they were."""
    stems = {p: PurePosixPath(p).stem for p in source_paths}
    seen = {p: looks(stem) for p, stem in stems.items()}
    counts = Counter(seen.values())
    ids = {}
    for p in source_paths:
        stem = stems[p]
        if counts[seen[p]] == 1:
            ids[p] = stem
            continue
        digest = hashlib.sha256(p.encode("utf-8", "surrogatepass")).hexdigest()
        ids[p] = f"{stem}_{digest[:12]}"
        if counts[looks(ids[p])]:  # another file is really named so: the whole digest
            ids[p] = f"{stem}_{digest}"
    return ids
