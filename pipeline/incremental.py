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
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Iterable, Iterator

from pipeline import store
from pipeline.store import ArticleLines

SPILL = ".spill"
KIND_MONEY = b'"kind": "money"'
# A record of a spill file: the sort key of a line and the line.
Record = tuple[tuple[Any, ...], bytes]


@dataclass
class Merged:
    """What the merge wrote: counts for the run's summary."""

    documents: int = 0
    claims: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Previous:
    """The previous run: its manifest entries (source path → sha256 and doc_id) whose document is in its outputs,
    and every source path its documents.jsonl holds."""

    files: dict[str, dict[str, str]]
    documents: frozenset[str]


def previous_files(out_dir: Path, version: str, full: bool) -> Previous:
    """The previous run's articles; none with ``--full`` or when the pipeline version changed.

    Only the documents' source paths are read here (one line per article); their claims are streamed at the merge.
    """
    manifest = store.read_manifest(out_dir)
    if full or manifest.get("version") != version:
        return Previous({}, frozenset())
    present = frozenset(json.loads(line)["source_path"] for line in store.iter_lines(out_dir / store.DOCUMENTS))
    return Previous({rel: e for rel, e in manifest.get("files", {}).items() if rel in present}, present)


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


def previous_documents(out_dir: Path, keep: set[str]) -> Iterator[Record]:
    """The previous run's document lines of the articles in ``keep``, in output order."""
    for line in store.iter_lines(out_dir / store.DOCUMENTS):
        d = json.loads(line)
        if d["source_path"] in keep:
            yield (d["doc_id"], d["source_path"]), line


def previous_claims(out_dir: Path, keep: set[str]) -> Iterator[Record]:
    """The previous run's claim lines of the articles in ``keep``, in output order."""
    for line in store.iter_lines(out_dir / store.CLAIMS):
        c = json.loads(line)
        if c["source_path"] in keep:
            yield store.claim_key(c), line


def merge(generation: Path, out_dir: Path, keep: set[str], previous: frozenset[str] = frozenset()) -> Merged:
    """Write documents.jsonl and claims.jsonl into ``generation``: its spill runs and the kept previous lines, merged.

    When every previous article is kept and no batch ran (a re-run with nothing changed), the previous files are
    copied line by line: nothing to filter and nothing to merge, so no line is parsed.
    """
    folder = generation / SPILL
    merged = Merged()
    runs = {kind: sorted(folder.glob(f"*.{kind}")) if folder.is_dir() else [] for kind in ("documents", "claims")}
    copy = not runs["documents"] and not runs["claims"] and previous <= keep

    def documents() -> Iterator[bytes]:
        records = heapq.merge(previous_documents(out_dir, keep), *map(_read_run, runs["documents"]))
        for line in store.iter_lines(out_dir / store.DOCUMENTS) if copy else (line for _, line in records):
            merged.documents += 1
            yield line

    def claims() -> Iterator[bytes]:
        if copy:
            for line in store.iter_lines(out_dir / store.CLAIMS):
                # A quote inside a JSON string is escaped, so these bytes can only be the "kind" field itself.
                merged.claims["money" if KIND_MONEY in line else "hardware"] += 1
                yield line
            return
        for key, line in heapq.merge(previous_claims(out_dir, keep), *map(_read_run, runs["claims"])):
            merged.claims[key[2]] += 1  # (key, line) pairs merge as sorted() orders them
            yield line

    store.write_lines(generation / store.DOCUMENTS, documents())
    store.write_lines(generation / store.CLAIMS, claims())
    return merged


def remove_spill(generation: Path) -> None:
    """Drop the spill files once merged (a crashed run's are removed with its generation)."""
    folder = generation / SPILL
    if folder.is_dir():
        for path in folder.iterdir():
            path.unlink(missing_ok=True)
        folder.rmdir()
