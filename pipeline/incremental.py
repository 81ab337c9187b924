"""Incremental state of a run: the previous manifest, per-batch spill files, and the streamed merge of the outputs.

A run's memory must not grow with the folder beyond its manifest. So a batch's finished lines are written, sorted,
to spill files in the run's generation folder as soon as the batch is done; an unchanged article's lines are read
back from the previous outputs as they stream past; and the new outputs are a k-way merge (``heapq.merge``) of the
spill runs and the previous files, which are already sorted the same way. The bytes are those an in-memory sort
of every line would give (``tests/test_incremental.py`` compares the two).
"""
from __future__ import annotations

import heapq
import json
import pickle
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from pipeline import store
from pipeline.store import ArticleLines

SPILL = ".spill"
# A record of a spill file: the sort key of a line and the line.
Record = tuple[tuple[Any, ...], bytes]


@dataclass
class Merged:
    """What the merge wrote: counts for the run's summary."""

    documents: int = 0
    claims: Counter[str] = field(default_factory=Counter)
    digests: dict[str, store.Digest] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """As manifest.json records them."""
        return {"documents": self.documents, "money": self.claims["money"], "hardware": self.claims["hardware"]}


@dataclass(frozen=True)
class Previous:
    """The previous run, as far as its outputs can be trusted.

    ``files``: its manifest entries (source path → sha256 and doc_id) whose lines are whole in its outputs;
    ``documents``: every source path its documents.jsonl holds; ``folder``: where its outputs are read from;
    ``intact``: both files match the digests manifest.json records, so they may be copied without being parsed;
    ``damage``: what was wrong, in words, and ``lost``: the entries whose lines are missing or broken, which the run
    processes again.
    """

    files: dict[str, dict[str, str]] = field(default_factory=dict)
    documents: frozenset[str] = frozenset()
    folder: Path | None = None
    intact: bool = False
    damage: str | None = None
    lost: frozenset[str] = frozenset()
    digests: dict[str, store.Digest] = field(default_factory=dict)  # of intact files
    counts: dict[str, int] = field(default_factory=dict)  # documents and claims of each kind, as the manifest says


VERIFIED = (store.DOCUMENTS, store.CLAIMS)  # errors.jsonl and run.json are written anew by every run


def previous_files(out_dir: Path, version: str, full: bool) -> Previous:
    """The previous run's articles whose outputs are whole; none with ``--full`` or when the pipeline version changed.

    Its documents.jsonl and claims.jsonl are first checked against the size and sha256 manifest.json records for
    them (reading them costs less than parsing them); when both match, no line is parsed here or at the merge. A
    file that does not match (deleted, cut short, changed) is read line by line: an article is kept only if its
    document line agrees with the manifest and all the claim lines its document counts are there and parse; the
    others are processed again.
    """
    folder, foreign = store.current_set(out_dir)
    if foreign:
        return Previous(damage=f"{foreign}: every article processed")
    if full or folder is None:
        return Previous()
    manifest = store.read_manifest(folder)
    if not manifest:
        return Previous(damage=f"{store.MANIFEST} is missing or unreadable: every article processed")
    if manifest.get("version") != version:
        return Previous()
    entries: dict[str, dict[str, str]] = manifest.get("files", {})
    recorded = manifest.get("outputs") or {}
    found = {name: store.file_digest(folder / name) for name in VERIFIED}
    wrong = {name: _how_wrong(found[name], store.Digest.of(recorded.get(name))) for name in VERIFIED}
    if not any(wrong.values()):  # every file found (a missing one is wrong) and as recorded
        counts = manifest.get("counts")
        digests = {name: digest for name, digest in found.items() if digest is not None}
        return Previous(entries, frozenset(entries), folder, intact=True, digests=digests,
                        counts=counts if isinstance(counts, dict) else {})
    return _salvage(folder, entries, wrong)


CHANGED = "differs from what the run wrote"


def _how_wrong(found: store.Digest | None, recorded: store.Digest | None) -> str | None:
    """What is wrong with an output file, in words; None if it is as recorded."""
    if recorded is None:
        return "has no digest in the manifest (an earlier version wrote it)"
    if found is None:
        return "is missing"
    if found.size < recorded.size:
        return f"is cut short ({found.size:,} of {recorded.size:,} bytes)"
    if found != recorded:
        return CHANGED
    return None


def _salvage(folder: Path, entries: dict[str, dict[str, str]], wrong: dict[str, str | None]) -> Previous:
    """The previous articles whose lines are whole, read line by line from outputs that did not verify.

    A file cut short (or lost) keeps the lines before the cut: the articles whose lines are all there are kept. A
    file changed in place is trusted for none of its articles: a changed line may still parse and count right.
    """
    expected: dict[str, int] = {}  # source path -> claim lines its document counts
    present: set[str] = set()
    for line in store.iter_lines(folder / store.DOCUMENTS):
        d = _parsed(line)
        if d is None or not isinstance(d.get("source_path"), str):
            continue
        present.add(d["source_path"])
        entry = entries.get(d["source_path"])
        money, hardware = d.get("money_claims"), d.get("hardware_claims")
        if entry and (entry.get("sha256"), entry.get("doc_id")) == (d.get("sha256"), d.get("doc_id")) and \
                isinstance(money, int) and isinstance(hardware, int):
            expected[d["source_path"]] = money + hardware
    whole = set(expected)
    if wrong[store.CLAIMS]:
        counted: Counter[str] = Counter()
        for line in store.iter_lines(folder / store.CLAIMS):
            c = _parsed(line)
            if c is not None and isinstance(c.get("source_path"), str):
                counted[c["source_path"]] += 1
        whole = {rel for rel, n in expected.items() if counted[rel] == n}
    if CHANGED in wrong.values():
        whole = set()
    files = {rel: entries[rel] for rel in whole}
    lost = frozenset(entries) - whole
    damage = None
    if lost:
        what = "; ".join(f"{name} {how}" for name, how in wrong.items() if how)
        many = len(lost) != 1
        damage = (f"{what}: the lines of {len(lost):,} article{'s' if many else ''} restored by processing "
                  f"{'them' if many else 'it'} again")
    return Previous(files, frozenset(present), folder, damage=damage, lost=lost)


def _parsed(line: bytes) -> dict[str, Any] | None:
    """A JSON object line of an output file, or None for a line that is not one (cut short, damaged)."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


class Manifest:
    """The new run's manifest as it grows: source path → sha256 and doc_id, in little memory.

    A doc_id is stored only where it is not the file's stem (``doc_ids`` gives most files their stem), and an entry
    is one sha256 string rather than a dict: at 100,000 articles ~30 MB rather than ~75.
    """

    def __init__(self, doc_ids: dict[str, str]) -> None:
        self._ids = {rel: doc_id for rel, doc_id in doc_ids.items() if doc_id != PurePosixPath(rel).stem}
        self._sha256: dict[str, str] = {}
        self._carried: dict[str, dict[str, str]] = {}  # previous entries of paths not found this run

    def doc_id(self, rel: str) -> str:
        """The doc_id of a path found this run."""
        return self._ids.get(rel) or PurePosixPath(rel).stem

    def add(self, rel: str, sha256: str) -> None:
        self._sha256[rel] = sha256

    def carry(self, rel: str, entry: dict[str, str]) -> None:
        """Keep a previous entry as it was (its folder could not be listed this run)."""
        self._carried[rel] = entry

    def update(self, sha256s: dict[str, str]) -> None:
        self._sha256.update(sha256s)

    def entries(self) -> Iterator[tuple[str, dict[str, str]]]:
        """Every entry, sorted by path, as manifest.json holds it."""
        for rel in sorted(self._sha256.keys() | self._carried.keys()):
            if rel in self._sha256:
                yield rel, {"sha256": self._sha256[rel], "doc_id": self.doc_id(rel)}
            else:
                yield rel, self._carried[rel]


def spill_dir(generation: Path) -> Path:
    """Where the batches of a run write their sorted lines: inside its generation folder, removed after the merge."""
    folder = generation / SPILL
    folder.mkdir(exist_ok=True)
    return folder


def spill(folder: Path, index: int, articles: Iterable[ArticleLines]) -> None:
    """Write a batch's document and claim lines, each kind sorted, as spill files ``NNNNNN.documents|claims``."""
    articles = list(articles)
    _write_run(folder / f"{index:06d}.documents", sorted(a.document for a in articles))
    _write_run(folder / f"{index:06d}.claims", sorted(row for a in articles for row in a.claims))


def _write_run(path: Path, records: list[Record]) -> None:
    with path.open("wb") as fh:
        pickler = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
        for record in records:
            pickler.dump(record)
            pickler.clear_memo()  # each record stands alone: the file is read back one record at a time


def _read_run(path: Path) -> Iterator[Record]:
    with path.open("rb") as fh:
        yield from _records(fh)


def _records(fh: BinaryIO) -> Iterator[Record]:
    unpickler = pickle.Unpickler(fh)
    while True:
        try:
            yield unpickler.load()
        except EOFError:
            return


def previous_documents(folder: Path | None, keep: set[str]) -> Iterator[Record]:
    """The previous run's document lines of the articles in ``keep``, in output order (a damaged line is skipped:
    its article is not in ``keep``)."""
    if folder is None or not keep:
        return
    for line in store.iter_lines(folder / store.DOCUMENTS):
        d = _parsed(line)
        if d is not None and d.get("source_path") in keep:
            yield (d["doc_id"], d["source_path"]), line


def previous_claims(folder: Path | None, keep: set[str]) -> Iterator[Record]:
    """The previous run's claim lines of the articles in ``keep``, in output order."""
    if folder is None or not keep:
        return
    for line in store.iter_lines(folder / store.CLAIMS):
        c = _parsed(line)
        if c is not None and c.get("source_path") in keep:
            yield store.claim_key(c), line


def merge(generation: Path, previous: Previous, keep: set[str]) -> Merged:
    """Write documents.jsonl and claims.jsonl into ``generation``: its spill runs and the previous lines of the
    articles in ``keep``, merged.

    When the previous files are intact (they match the manifest's digests), every previous article is kept and no
    batch ran (a re-run with nothing changed), the new files are the previous ones: hard-linked (or copied), their
    digests and counts those the manifest recorded, and no line is read.
    """
    spilled = generation / SPILL
    merged = Merged()
    runs = {kind: sorted(spilled.glob(f"*.{kind}")) if spilled.is_dir() else [] for kind in ("documents", "claims")}
    folder = previous.folder
    if previous.intact and folder is not None and not runs["documents"] and not runs["claims"] and \
            previous.documents <= keep and {"documents", "money", "hardware"} <= previous.counts.keys():
        for name in (store.DOCUMENTS, store.CLAIMS):
            store.link_or_copy(folder / name, generation / name)
        merged.documents = previous.counts["documents"]
        merged.claims = Counter({kind: previous.counts[kind] for kind in ("money", "hardware")})
        merged.digests = dict(previous.digests)
        return merged

    def documents() -> Iterator[bytes]:
        records = heapq.merge(previous_documents(folder, keep), *map(_read_run, runs["documents"]))
        for _, line in records:
            merged.documents += 1
            yield line

    def claims() -> Iterator[bytes]:
        for key, line in heapq.merge(previous_claims(folder, keep), *map(_read_run, runs["claims"])):
            merged.claims[key[2]] += 1  # (key, line) pairs merge as sorted() orders them
            yield line

    merged.digests[store.DOCUMENTS] = store.write_lines(generation / store.DOCUMENTS, documents())
    merged.digests[store.CLAIMS] = store.write_lines(generation / store.CLAIMS, claims())
    return merged


def remove_spill(generation: Path) -> None:
    """Drop the spill files once merged (a crashed run's are removed with its generation)."""
    folder = generation / SPILL
    if folder.is_dir():
        for path in folder.iterdir():
            path.unlink(missing_ok=True)
        folder.rmdir()
