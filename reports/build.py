"""The cross-source report: per subject and topic, the USD amounts each source states, side by side.

``build_report(out_dir)`` reads ``claims.jsonl`` and ``documents.jsonl`` from ``out_dir`` and writes
``report.html`` (one self-contained file: inline CSS and an inline SVG chart, no scripts, no external assets),
``report.md`` and ``summary.csv`` (every money cluster: min/max USD, sources) next to them. Hardware claims get a
section of their own: per model, and per subject and model with their counts clustered as amounts are.

At scale (thousands of articles stating the same figures) the page stays readable and small: the figures of a
cluster that state the same amount are shown once with their count and their first sources; the most-sourced
sections, clusters and amounts are shown (TOP_GROUPS, TOP_CLUSTERS, TOP_AMOUNTS) and the rest collapsed or counted.

Groups: subject, topic and change (a level, or an increase or decrease: "Nvidia · market value (decrease)" for a
market value lost, never shown as a level); an amount below zero (a loss written with a minus sign) in a group of its
own marked "below zero", as its magnitude, drawn on an axis of its own left of the chart; hypothetical figures
(analogies, assumptions) and amounts of zero are left out and counted in a sentence. Sources are labelled by their
title, or their file name when they have none, distinct for distinct articles.

Agreement clusters: within one subject and topic, point amounts (exact/approx) whose USD values lie within
``TOLERANCE`` of the cluster's first (smallest) value form one cluster; a bound ("under 6M", "over 500M") or a
range joins the nearest cluster it is compatible with (the cluster's centre lies inside it, widened by the
tolerance) and within ``BOUND_REACH`` of it, otherwise compatible bounds and ranges form clusters of their own.
Restatements (an amount the article gives as the equivalent of another, ``equivalent_of``) are left out so a figure
is not counted twice.

Every figure links to its article (``source_path`` as recorded in documents.jsonl, relative to the folder the
pipeline read, or made relative to ``out_dir`` when ``source_root`` is given) and carries its sentence as a
tooltip and as a numbered footnote.
"""
from __future__ import annotations

import csv
import html
import json
import math
import os
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar
from urllib.parse import quote

TOLERANCE = 0.10
# Markdown syntax that could start a link, image, emphasis, code, heading or table cell in an article's text
# (HTML is escaped as entities first); line breaks, which would end a table row, become spaces.
MD_SYNTAX = re.compile(r"[\\`*_{}\[\]()#+!|~]")
MD_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029\x85]+")
# A bound joins a cluster of point amounts only if the cluster lies within this factor of the bound
# ("under 6M" joins 5.576M, "over 5M" does not join 1.6B).
BOUND_REACH = 2.0
UPPER = ("under", "at_most")
LOWER = ("over", "at_least")
UNSPECIFIED = "(subject not named)"
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22")
TOPIC_LABELS = {
    "training_cost": "training cost", "hardware_cost": "hardware cost", "operating_cost": "operating cost",
    "development_cost": "development cost", "capex": "capex", "investment": "investment", "funding": "funding",
    "valuation": "valuation", "market_value": "market value", "price": "price", "cost": "cost", "revenue": "revenue",
    "profit": "profit", "loss": "loss", "fine": "fine", "salary": "salary", "subsidy": "subsidy", "other": "other",
    None: "(no topic)",
}


@dataclass
class Figure:
    """One amount one source states (identical restatements within a document collapse into one figure)."""

    doc_id: str
    text: str
    qualifier: str
    usd: float | None
    usd_low: float | None
    usd_high: float | None
    claims: list[dict[str, Any]] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)
    # True for a figure whose sentence names no subject, shown in a named group because its amount agrees.
    inferred: bool = False

    @property
    def centre(self) -> float | None:
        if self.usd is not None:
            return self.usd
        if self.usd_low and self.usd_high:
            return math.sqrt(self.usd_low * self.usd_high)
        return self.usd_low or self.usd_high

    @property
    def is_point(self) -> bool:
        return self.usd is not None and self.qualifier not in UPPER + LOWER

    @property
    def amount(self) -> float:
        """The USD amount of a point figure or a bound (``usd``), asked of those only."""
        if self.usd is None:
            raise ValueError(f"a range has no single amount: {self.text!r} ({self.doc_id})")
        return self.usd

    def interval(self) -> tuple[float, float]:
        """The USD values the figure allows."""
        if self.usd is not None:
            if self.qualifier in UPPER:
                return 0.0, self.usd
            if self.qualifier in LOWER:
                return self.usd, math.inf
            return self.usd, self.usd
        return self.usd_low or 0.0, self.usd_high or math.inf


# A group of money figures: subject, topic, change (None for a level) and whether its amounts are below zero.
GroupKey = tuple[str, "str | None", "str | None", bool]


def figures_by_group(claims: Iterable[dict[str, Any]]) -> dict[GroupKey, list[Figure]]:
    """Money figures with a USD amount, by (subject, topic, change, below zero), duplicates within a document collapsed.

    Left out: restatements (``equivalent_of``: the amount is counted once, in the currency first stated), hypothetical
    figures (analogies, assumptions) and amounts of zero (a log scale has no zero). An amount below zero (a loss written
    with a minus sign) is kept as its magnitude in a group of its own, marked below zero: clusters compare ratios, and
    the chart draws it on an axis of its own."""
    groups: dict[GroupKey, dict[tuple, Figure]] = defaultdict(dict)
    for c in claims:
        if c.get("kind") != "money" or c.get("equivalent_of") or c.get("hypothetical"):
            continue
        values = (c.get("usd_value"), c.get("usd_low"), c.get("usd_high"))
        if all(v is None for v in values) or any(v == 0 for v in values):
            continue
        below = any(v is not None and v < 0 for v in values)
        usd_value, low, high = (abs(v) if v is not None else None for v in values)
        if below and low is not None and high is not None and low > high:
            low, high = high, low
        change = c.get("change") if c.get("change") in ("increase", "decrease") else None
        key = (c.get("subject") or UNSPECIFIED, c.get("topic"), change, below)
        fkey = (c["doc_id"], usd_value, low, high, c.get("qualifier"))
        fig = groups[key].get(fkey)
        if fig is None:
            fig = groups[key][fkey] = Figure(c["doc_id"], c["text"], c.get("qualifier") or "exact", usd_value, low,
                                             high)
        fig.claims.append(c)
    return {k: list(v.values()) for k, v in groups.items()}


def group_title(key: GroupKey) -> str:
    """ "Nvidia · market value (decrease)", "Cambricon · profit (below zero)"."""
    subject, topic, change, below = key
    marks = [m for m in (change, "below zero" if below else None) if m]
    return f"{subject} · {TOPIC_LABELS.get(topic, str(topic))}" + (f" ({', '.join(marks)})" if marks else "")


def not_positive(claim: dict[str, Any]) -> bool:
    """Whether a money claim states a USD amount of zero or less (a loss written with a minus sign)."""
    return any(v is not None and v <= 0 for v in (claim.get("usd_value"), claim.get("usd_low"), claim.get("usd_high")))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * min(a, b)


def clusters(figures: list[Figure]) -> list[list[Figure]]:
    """Agreement clusters, smallest amounts first (see the module docstring)."""
    points = sorted((f for f in figures if f.is_point), key=lambda f: f.amount)
    out: list[list[Figure]] = []
    for f in points:
        if out and _close(out[-1][0].amount, f.amount):
            out[-1].append(f)
        else:
            out.append([f])
    loose: list[list[Figure]] = []
    # a bound joining a cluster of points leaves its centre (the points' mean) unchanged: compute the centres once
    centres = [(_centre(c), c) for c in out]
    for f in sorted((f for f in figures if not f.is_point), key=lambda f: f.centre or 0):
        lo, hi = f.interval()
        lo, hi = lo * (1 - TOLERANCE), hi * (1 + TOLERANCE)
        near = f.centre or 1.0
        fits = [(m, c) for m, c in centres if lo <= m <= hi and abs(math.log(m / near)) <= math.log(BOUND_REACH)]
        if fits:
            min(fits, key=lambda mc: abs(math.log(mc[0]) - math.log(near)))[1].append(f)  # near: f's centre
            continue
        for c in loose:
            clo, chi = c[0].interval()
            if max(lo, clo) <= min(hi, chi):
                c.append(f)
                break
        else:
            loose.append([f])
    return sorted(out + loose, key=lambda c: _centre(c) or 0)


class Extent:
    """What ``fits`` needs to know of a cluster, kept up to date as figures join it (large clusters, many joins)."""

    def __init__(self, cluster: Iterable[Figure] = ()) -> None:
        self.points: tuple[float, float] | None = None  # smallest and largest point amount
        self.loose = (0.0, math.inf)  # largest low and smallest high of its bounds and ranges
        self.every = (0.0, math.inf)  # the same over all its figures
        self.docs: set[str] = set()
        self._logs = [0.0, 0, 0.0, 0]  # sum of log and count: of point amounts, of other figures' centres
        for f in cluster:
            self.add(f)

    def add(self, f: Figure) -> None:
        lo, hi = f.interval()
        self.every = (max(self.every[0], lo), min(self.every[1], hi))
        if f.is_point:
            amount = f.amount
            self.points = ((min(self.points[0], amount), max(self.points[1], amount)) if self.points
                           else (amount, amount))
            self._logs[0] += math.log(amount)
            self._logs[1] += 1
        else:
            self.loose = (max(self.loose[0], lo), min(self.loose[1], hi))
            if f.centre:
                self._logs[2] += math.log(f.centre)
                self._logs[3] += 1
        self.docs.add(f.doc_id)

    @property
    def centre(self) -> float:
        """As ``_centre``: the geometric mean of the points, else of the other figures' centres."""
        total, n = (self._logs[0], self._logs[1]) if self._logs[1] else (self._logs[2], self._logs[3])
        return math.exp(total / n) if n else 0.0


def fits(cluster: list[Figure], f: Figure, extent: Extent | None = None) -> bool:
    """Whether figure ``f`` agrees with every figure of ``cluster`` (points within the tolerance, bounds/ranges
    containing the points, and all intervals overlapping). ``extent``: the cluster's, if known."""
    ext = extent or Extent(cluster)
    lo, hi = f.interval()
    if f.is_point:
        # the points close to f form an interval around it: checking the cluster's extreme points is enough
        if ext.points and not (_close(f.amount, ext.points[0]) and _close(f.amount, ext.points[1])):
            return False
        glo, ghi = ext.loose  # a point is compared with the bounds and ranges only
    else:
        glo, ghi = ext.every
    if glo * (1 - TOLERANCE) > hi * (1 + TOLERANCE) or lo * (1 - TOLERANCE) > ghi * (1 + TOLERANCE):
        return False
    centre = ext.centre
    if not (centre and f.centre):
        return False
    return abs(math.log(centre / f.centre)) <= math.log(BOUND_REACH)


def add_unnamed(groups: dict[GroupKey, list[list[Figure]]]) -> None:
    """Show a (non-vague) figure whose sentence names no subject also in the one named group of its topic whose
    cluster it agrees with (marked ``inferred``); it stays in its own "(subject not named)" group too."""
    named: dict[tuple, list[tuple[float, list[Figure], Extent]]] = defaultdict(list)
    for (subject, *rest), cs in groups.items():
        if subject != UNSPECIFIED:
            named[tuple(rest)] += [(_centre(c), c, Extent(c)) for c in cs]
    for candidates in named.values():
        candidates.sort(key=lambda mce: mce[0])
    for (subject, *rest), cs in list(groups.items()):
        if subject != UNSPECIFIED or not named.get(tuple(rest)):
            continue
        candidates = named[tuple(rest)]
        keys = [m for m, _, _ in candidates]
        for f in (f for c in cs for f in c):
            if f.usd is None or any(cl.get("vague") for cl in f.claims) or not f.centre:
                continue
            # fits() asks for a centre within BOUND_REACH of the figure's: only those clusters can take it
            near = candidates[bisect_left(keys, f.centre / BOUND_REACH):bisect_right(keys, f.centre * BOUND_REACH)]
            homes = [(c, ext) for _, c, ext in near if fits(c, f, ext)]
            # only when the amount points to one named group unambiguously, and not to a doc already there
            if len(homes) == 1 and f.doc_id not in homes[0][1].docs:
                home, ext = homes[0]
                home.append(Figure(f.doc_id, f.text, f.qualifier, f.usd, f.usd_low, f.usd_high, f.claims,
                                   inferred=True))
                ext.add(home[-1])


def _centre(cluster: list[Figure]) -> float:
    points = [f.amount for f in cluster if f.is_point]
    values = points or [f.centre for f in cluster if f.centre]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else 0.0


def usd(value: float | None) -> str:
    if value is None or value == math.inf:
        return "?"
    for unit, size in (("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if abs(value) >= size:
            return f"${value / size:.4g}{unit}"
    return f"${value:.4g}"


def below_zero(value: float | None) -> str:
    """A magnitude of an amount below zero: "−$310M"."""
    return "−" + usd(value) if value is not None and value != math.inf else "?"


def units(value: float | None) -> str:
    """A hardware count: "2,048"."""
    return "?" if value is None or value == math.inf else f"{value:,.0f}"


def stated(f: Figure, fmt: Callable[[float | None], str] = usd) -> str:
    """The figure with its qualifier: "under $6M", "$5.576M", "$1B–$10B" (``fmt=units``: "over 10,000")."""
    if f.usd is None:
        return f"{fmt(f.usd_low)}–{fmt(f.usd_high)}"
    word = {"under": "under ", "at_most": "at most ", "over": "over ", "at_least": "at least ", "approx": "~"}
    return word.get(f.qualifier, "") + fmt(f.usd)


def cluster_label(cluster: list[Figure], fmt: Callable[[float | None], str] = usd) -> str:
    points = sorted(f.amount for f in cluster if f.is_point)
    if points:
        return fmt(points[0]) if points[0] == points[-1] else f"{fmt(points[0])}–{fmt(points[-1])}"
    if len(cluster) == 1:
        return stated(cluster[0], fmt)
    lo = max(f.interval()[0] for f in cluster)
    hi = min(f.interval()[1] for f in cluster)
    if hi == math.inf:
        return f"over {fmt(lo)}"
    if lo == 0:
        return f"under {fmt(hi)}"
    return f"{fmt(lo)}–{fmt(hi)}"


def _href(doc: dict[str, Any], out_dir: Path, source_root: Path | None) -> str:
    """A relative link to the article: percent-encoded, so it holds no scheme (``javascript:``), space or quote."""
    path = doc.get("source_path") or ""
    if source_root is not None:
        path = os.path.relpath(Path(source_root) / path, Path(out_dir))
    return quote(Path(path).as_posix().lstrip("/"), safe="/._-~")


@dataclass
class Amount:
    """The figures of one cluster that state the same amount: shown once, with how many state it."""

    label: str
    figures: list[Figure]

    @property
    def sources(self) -> int:
        return len({f.doc_id for f in self.figures})


def amounts(cluster: list[Figure], fmt: Callable[[float | None], str] = usd) -> list[Amount]:
    """The cluster's figures by stated amount, the amount most sources state first."""
    by_label: dict[str, list[Figure]] = {}
    for f in cluster:
        by_label.setdefault(stated(f, fmt), []).append(f)
    return sorted((Amount(k, v) for k, v in by_label.items()), key=lambda a: (-a.sources, a.figures[0].centre or 0))


def n_sources(figures: Iterable[Figure]) -> int:
    return len({f.doc_id for f in figures})


T = TypeVar("T")


def top(items: Sequence[T], n: int, weight: Callable[[T], int]) -> tuple[list[T], list[T]]:
    """The ``n`` heaviest items and the rest, each in their original order."""
    ranked = sorted(range(len(items)), key=lambda i: -weight(items[i]))
    keep = set(ranked[:n])
    return [x for i, x in enumerate(items) if i in keep], [x for i, x in enumerate(items) if i not in keep]


def hardware_by_group(claims: Iterable[dict[str, Any]]) -> tuple[dict[tuple[str, str], list[Figure]],
                                                                 dict[tuple[str, str], list[Figure]]]:
    """Hardware claims by (subject, model): figures with a count (one per document and count), and mentions without."""
    counted: dict[tuple[str, str], dict[tuple, Figure]] = defaultdict(dict)
    named: dict[tuple[str, str], dict[str, Figure]] = defaultdict(dict)
    for c in claims:
        if c.get("kind") != "hardware" or not c.get("model"):
            continue
        key = (c.get("subject") or UNSPECIFIED, c["model"])
        if c.get("count") is None and c.get("count_low") is None:
            fig = named[key].setdefault(c["doc_id"], Figure(c["doc_id"], c["text"], "exact", None, None, None))
        else:
            fkey = (c["doc_id"], c.get("count"), c.get("count_low"), c.get("count_high"), c.get("count_qualifier"))
            fig = counted[key].get(fkey) or counted[key].setdefault(fkey, Figure(
                c["doc_id"], c["text"], c.get("count_qualifier") or "exact", c.get("count"), c.get("count_low"),
                c.get("count_high")))
        fig.claims.append(c)
    return {k: list(v.values()) for k, v in counted.items()}, {k: list(v.values()) for k, v in named.items()}


# How much of a large report is shown: the most-sourced parts in full, the rest collapsed or counted, so that a
# report over 10,000 articles stays a readable page of a few MB. summary.csv and claims.jsonl have everything.
TOP_GROUPS = 20  # subject · topic sections (and chart rows) shown in full; the rest listed in one <details>
TOP_CLUSTERS = 6  # clusters shown per section; the rest collapsed
TOP_AMOUNTS = 4  # distinct amounts shown per cluster; the rest collapsed
LINKED_SOURCES = 3  # articles linked (with their sentence) per amount; the others counted
MAX_LISTED = 100  # lines inside one collapsed list
MAX_MARKS = 40  # chart marks per row
TOP_AGREEMENTS = 20  # "several sources agree" lines shown; the rest collapsed
TITLE_CHARS = 48


@dataclass
class Section:
    """One subject and topic (money) or subject and model (hardware): its clusters, most-sourced shown."""

    title: str
    clusters: list[list[Figure]]
    fmt: Callable[[float | None], str] = usd
    unit: str = "USD"
    uncounted: list[Figure] = field(default_factory=list)  # hardware named without a count
    below: bool = False  # money amounts below zero, shown as their magnitudes

    @property
    def sources(self) -> int:
        return n_sources(f for c in self.clusters for f in c) or n_sources(self.uncounted)

    def split(self) -> tuple[list[list[Figure]], list[list[Figure]]]:
        return top(self.clusters, TOP_CLUSTERS, n_sources)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSONL output file (blank lines skipped); a missing file has none.

    The report reads outputs itself rather than through ``pipeline.store``: the pipeline calls the report, so the
    report must not import the pipeline.
    """
    if not path.is_file():
        return []
    with path.open("rb") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class _Report:
    def __init__(self, out_dir: Path, source_root: Path | None) -> None:
        self.docs = {d["doc_id"]: d for d in read_jsonl(out_dir / "documents.jsonl")}
        self.claims = read_jsonl(out_dir / "claims.jsonl")
        self.out_dir, self.source_root = out_dir, source_root
        grouped = {key: clusters(figs) for key, figs in figures_by_group(self.claims).items()}
        add_unnamed(grouped)
        self.groups = sorted(
            grouped.items(),
            key=lambda kv: (-len({f.doc_id for f in sum(kv[1], [])}), kv[0][0] == UNSPECIFIED, kv[0][0],
                            str(kv[0][1:])))
        self.sections = [Section(group_title(key), cs, below_zero if key[3] else usd, below=key[3])
                         for key, cs in self.groups]
        self.labels = _labels(self.docs, {c["doc_id"] for c in self.claims})
        counted, uncounted = hardware_by_group(self.claims)
        self.hardware = sorted(
            (Section(f"{subject} · {model}", clusters(counted.get((subject, model), [])), units, "count",
                     uncounted.get((subject, model), []))
             for subject, model in set(counted) | set(uncounted)),
            key=lambda s: (-s.sources, s.title.startswith(UNSPECIFIED), s.title))
        self.sources = sorted({f.doc_id for _, cs in self.groups for c in cs for f in c})
        # a colour per source while a legend can tell them apart; beyond that one colour
        few = len(self.sources) <= len(PALETTE)
        self.colour = {d: PALETTE[i] if few else PALETTE[0] for i, d in enumerate(self.sources)}
        self.notes: list[tuple[str, str]] = []  # (doc_id, sentence), numbered as figures are first shown
        money = [c for c in self.claims if c.get("kind") == "money" and not c.get("equivalent_of")]
        self.not_positive = sum(1 for c in money if not_positive(c) and not c.get("hypothetical"))
        self.zero = sum(1 for c in money if any(c.get(k) == 0 for k in ("usd_value", "usd_low", "usd_high")))
        self.hypothetical = [c for c in money if c.get("hypothetical")]

    def left_out(self) -> str:
        """Sentences on the amounts shown apart or not at all, or nothing."""
        out = ""
        if self.not_positive:
            n = self.not_positive
            zero = f"; {self.zero} of zero are left out (a log scale has no zero)" if self.zero else ""
            out += (f" {n} amount{'s' if n > 1 else ''} of zero or less (a loss or a fall written with a minus "
                    "sign): those below zero are shown in sections marked “below zero” and drawn on an axis of their "
                    f"own, left of the chart's zero{zero}.")
        if self.hypothetical:
            n = len(self.hypothetical)
            out += (f" {n} hypothetical figure{'s' if n > 1 else ''} (an analogy, an assumption, an example) "
                    f"{'are' if n > 1 else 'is'} left out of the clusters and the chart (claims.jsonl: hypothetical "
                    "true).")
        return out

    def href(self, doc_id: str) -> str:
        return _href(self.docs.get(doc_id, {"source_path": doc_id}), self.out_dir, self.source_root)

    def source_name(self, doc_id: str, limit: int | None = TITLE_CHARS) -> str:
        """The article's label: its title, or its file name when it has none; distinct for distinct articles (two
        that would read the same get their file names). ``limit=None``: the whole title and the file name."""
        if limit is None:
            doc = self.docs.get(doc_id, {})
            name = _file_name(doc, doc_id)
            title = (doc.get("title") or "").strip()
            return f"{title} ({name})" if title and title != name else name
        return self.labels.get(doc_id, doc_id)

    def refs(self, f: Figure) -> list[int]:
        """Footnote numbers of the figure's sentences (numbered when the figure is first shown)."""
        if not f.notes:
            for claim in f.claims:
                self.notes.append((f.doc_id, claim.get("sentence") or claim["text"]))
                f.notes.append(len(self.notes))
        return f.notes

    def multi_source_clusters(self) -> list[tuple[GroupKey, list[Figure]]]:
        multi = [(key, c) for key, cs in self.groups for c in cs if len({f.doc_id for f in c}) > 1]
        return sorted(multi, key=lambda kc: -n_sources(kc[1]))


def _file_name(doc: dict[str, Any], doc_id: str) -> str:
    return PurePosixPath(doc.get("source_path") or doc_id).name or doc_id


def _short(text: str, limit: int = TITLE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _labels(docs: dict[str, dict[str, Any]], more: Iterable[str] = ()) -> dict[str, str]:
    """A readable, distinct label per article: its title (shortened), or its file name when it has none
    (a00017.txt, 2024-05-02-nvidia-quartal.md); where two would read the same, each gets its file name, then its path.
    A label of the first characters of the doc_id read "a00" for a00000…a00999 and "202" for every Jekyll file."""
    ids = sorted(set(docs) | set(more))

    def pick(doc_id: str, level: int) -> str:
        doc = docs.get(doc_id, {})
        title, name = (doc.get("title") or "").strip(), _file_name(doc, doc_id)
        if level == 0:
            return _short(title) if title else name
        if level == 1:
            return f"{_short(title, TITLE_CHARS - len(name) - 3)} ({name})" if title and title != name else name
        return doc.get("source_path") or doc_id

    labels = {d: pick(d, 0) for d in ids}
    for level in (1, 2):
        seen: dict[str, list[str]] = defaultdict(list)
        for d, label in labels.items():
            seen[label].append(d)
        for same in (ds for ds in seen.values() if len(ds) > 1):
            for d in same:
                labels[d] = pick(d, level)
    seen = defaultdict(list)
    for d, label in labels.items():
        seen[label].append(d)
    for same in (ds for ds in seen.values() if len(ds) > 1):  # the same path twice: the doc_id tells them apart
        for d in same:
            labels[d] = f"{labels[d]} [{d}]"
    return labels


def _linked(a: Amount) -> list[Figure]:
    """The first figure of each of the amount's first LINKED_SOURCES sources."""
    seen: dict[str, Figure] = {}
    for f in a.figures:
        seen.setdefault(f.doc_id, f)
    return list(seen.values())[:LINKED_SOURCES]


def _amount_summary(amts: list[Amount]) -> str:
    """ "$15K ×157, ~$15.2K ×3, …": identical figures counted, not repeated."""
    shown = [a.label + (f" ×{len(a.figures)}" if len(a.figures) > 1 else "") for a in amts[:TOP_AMOUNTS]]
    return ", ".join(shown + ([f"{len(amts) - TOP_AMOUNTS} more amounts"] if len(amts) > TOP_AMOUNTS else []))


# Han glyphs: the CJK families of Linux, macOS and Windows, Simplified first (the report's text is mostly zh-Hans).
FONT_CJK = ",".join(f'"{name}"' for name in (
    "Noto Sans CJK SC", "Noto Sans CJK TC", "Source Han Sans SC", "Source Han Sans TC", "PingFang SC", "PingFang TC",
    "Hiragino Sans GB", "Microsoft YaHei", "Microsoft JhengHei", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
    "Noto Sans SC", "Noto Sans TC"))
FONT_STACK = f'system-ui,-apple-system,"Segoe UI","Noto Sans",{FONT_CJK},sans-serif'
CSS = f"""
body{{font:15px/1.45 {FONT_STACK};margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222;overflow-wrap:anywhere}}
h1{{font-size:1.6rem}}h2{{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ddd}}\
h3{{font-size:1.05rem;margin-top:1.6rem}}
table{{border-collapse:collapse;margin:.5rem 0 1rem;width:100%;table-layout:fixed}}
th,td{{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}}
th{{background:#f5f5f5}}th.cl{{width:13rem}}td.cl{{font-weight:600}}.agree{{background:#eef8ee}}
a{{color:#0b57d0}}a.fig{{text-decoration:none;border-bottom:1px dotted #0b57d0}}sup{{font-size:.7em}}
.dot{{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.3em}}
details{{margin:.3rem 0 1rem}}summary{{cursor:pointer;color:#0b57d0}}
.muted{{color:#666;font-size:.9em}}ol.notes li{{margin:.2rem 0}}svg{{max-width:100%;height:auto}}
"""


class _Axis:
    """A log axis over whole decades: positive amounts left to right, amounts below zero (drawn as magnitudes) right to
    left from the same zero side, so a loss of $1B stands as far left of the gap as a profit of $1B right of it."""

    def __init__(self, values: list[float], left: float, width: float, mirrored: bool = False) -> None:
        self.lo = math.floor(math.log10(min(values)))
        self.hi = max(math.ceil(math.log10(max(values))), self.lo + 1)
        self.left, self.width, self.mirrored = left, width, mirrored

    def x(self, v: float) -> float:
        share = (math.log10(v) - self.lo) / (self.hi - self.lo)
        return self.left + (1 - share if self.mirrored else share) * self.width

    def decades(self) -> range:
        return range(self.lo, self.hi + 1)


def _row_values(amts: list[Amount]) -> list[float]:
    return [v for a in amts for f in a.figures[:1] for v in (f.usd, f.usd_low, f.usd_high) if v and v != math.inf]


def _svg(rep: _Report) -> str:
    # the most-sourced sections, and those below zero however few their sources (a loss is drawn, not only counted)
    shown = rep.sections[:TOP_GROUPS] + [s for s in rep.sections[TOP_GROUPS:] if s.below][:TOP_GROUPS // 2]
    rows = [(s.title, top(amounts([f for c in s.clusters for f in c], s.fmt), MAX_MARKS, lambda a: len(a.figures))[0],
             s.below) for s in shown]
    above = [v for _, amts, below in rows if not below for v in _row_values(amts)]
    under = [v for _, amts, below in rows if below for v in _row_values(amts)]
    if not above and not under:
        return "<p class='muted'>No USD amounts.</p>"
    left, width, row_h, top_y, gap = 290, 620, 22, 30, 56
    # amounts below zero get an axis of their own, left of the positive one, when the shown rows hold any
    neg_w = 200 if under and above else (width if under else 0)
    axes: dict[bool, _Axis] = {}
    if under:
        axes[True] = _Axis(under, left, neg_w, mirrored=True)
    if above:
        start = left + (neg_w + gap if under else 0)
        axes[False] = _Axis(above, start, left + width - start)
    height = top_y + row_h * len(rows) + 30
    out = [f'<svg width="{left + width + 20}" height="{height}" '
           f'viewBox="0 0 {left + width + 20} {height}" role="img" aria-label="USD amounts by source, log scale" '
           f"font-family='{FONT_STACK}' font-size=\"11\">"]
    for below, axis in axes.items():
        label = below_zero if below else usd
        for d in axis.decades():
            out.append(f'<line x1="{axis.x(10 ** d):.1f}" y1="{top_y - 8}" x2="{axis.x(10 ** d):.1f}" '
                       f'y2="{height - 24}" stroke="#ddd"/>'
                       f'<text x="{axis.x(10 ** d):.1f}" y="{height - 10}" text-anchor="middle" '
                       f'fill="#555">{label(10.0 ** d)}</text>')
    caption = "USD, log scale (● point, ◀ upper bound, ▶ lower bound, ─ range; larger: more figures)"
    if under:
        caption = "USD, log scale (● point, ◀ upper bound, ▶ lower bound, ─ range); below zero: left axis"
    out.append(f'<text x="{left}" y="14" fill="#555">{html.escape(caption)}</text>')
    for i, (title, amts, below) in enumerate(rows):
        y = top_y + i * row_h + row_h / 2
        axis = axes[below]
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{html.escape(title)}</text>'
                   f'<line x1="{axis.left}" y1="{y:.1f}" x2="{axis.left + axis.width}" y2="{y:.1f}" stroke="#f0f0f0"/>')
        for a in amts:
            out.append(_mark(rep, a, axis, y))
    out.append("</svg>")
    return "".join(out)


def _mark(rep: _Report, a: Amount, axis: _Axis, y: float) -> str:
    """One amount's mark on the chart, linked to its first source with the sentence as its tooltip."""
    f = a.figures[0]
    colour = rep.colour.get(f.doc_id, PALETTE[0])
    r = 4.5 + min(6.0, 1.5 * math.log2(len(a.figures)))
    if len(a.figures) == 1:
        tip = f"{rep.source_name(f.doc_id)}: {f.text} = {a.label} — {f.claims[0].get('sentence') or ''}"
    else:
        tip = (f"{a.label}: {len(a.figures)} figures from {a.sources} sources, e.g. {rep.source_name(f.doc_id)}: "
               f"{f.text}")
    shape = ""
    if f.usd is not None:
        cx = axis.x(f.usd)
        # an upper bound points to smaller amounts: leftwards, or rightwards on the mirrored axis
        towards = -1 if (f.qualifier in UPPER) != axis.mirrored else 1
        if f.qualifier in UPPER + LOWER:
            shape = (f'<polygon points="{cx:.1f},{y - 5:.1f} {cx:.1f},{y + 5:.1f} {cx + 8 * towards:.1f},{y:.1f}" '
                     f'fill="{colour}"/>')
        else:
            shape = f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" fill-opacity=".8"/>'
    elif f.usd_low and f.usd_high:
        shape = (f'<line x1="{axis.x(f.usd_low):.1f}" y1="{y:.1f}" x2="{axis.x(f.usd_high):.1f}" y2="{y:.1f}" '
                 f'stroke="{colour}" stroke-width="5" stroke-linecap="round" opacity=".7"/>')
    return f'<a href="{html.escape(rep.href(f.doc_id))}"><title>{html.escape(tip)}</title>{shape}</a>' if shape else ""


def _fmt(key: GroupKey) -> Callable[[float | None], str]:
    return below_zero if key[3] else usd


def _sup(notes: list[int]) -> str:
    """Footnote marks, separated so that 8, 9 and 10 do not read as 8910."""
    return "<sup>" + ",".join(f'<a href="#n{n}">{n}</a>' for n in notes) + "</sup>" if notes else ""


def _md_refs(notes: list[int]) -> str:
    return ",".join(f"[^{n}]" for n in notes)


def _amount_html(rep: _Report, a: Amount) -> str:
    """The amount linked to its first source (sentence as tooltip and footnote), a count, more sources linked."""
    e = html.escape
    linked = _linked(a)
    links = []
    for i, f in enumerate(linked):
        sentence = f.claims[0].get("sentence") or f.text
        refs = _sup(rep.refs(f))
        label = a.label if i == 0 else rep.source_name(f.doc_id)
        links.append(f'<a class="fig" href="{e(rep.href(f.doc_id))}" title="{e(sentence)}">{e(label)}</a>{refs}')
    first = a.figures[0]
    who = sorted({cl["attribution"] for cl in first.claims if cl.get("attribution") is not None})
    more = a.sources - len(linked)
    detail = [e(first.text) + (f" · per {e(who[0])}" if who else ""), e(rep.source_name(first.doc_id)), *links[1:]]
    if more:
        detail.append(f"+{more} more sources")
    mark = '<br><span class="muted"><i>sentence names no subject; agrees by amount</i></span>' if first.inferred else ""
    count = f" ×{len(a.figures)}" if len(a.figures) > 1 else ""
    return f'{links[0]}{count}<br><span class="muted">{" · ".join(detail)}</span>{mark}'


def _collapsed(summary: str, lines: list[str]) -> str:
    """A <details> list of at most MAX_LISTED lines, saying how many more there are."""
    shown = lines[:MAX_LISTED]
    if len(lines) > MAX_LISTED:
        shown.append(f"… and {len(lines) - MAX_LISTED} more (all in summary.csv and claims.jsonl)")
    return f"<details><summary>{summary}</summary><ul>" + "".join(f"<li>{x}</li>" for x in shown) + "</ul></details>"


def _section_html(rep: _Report, s: Section, level: str = "h2") -> list[str]:
    e = html.escape
    shown, rest = s.split()
    parts = [f"<{level}>{e(s.title)}</{level}>"]
    if s.clusters:
        parts.append(f"<table><tr><th class=cl>cluster ({s.unit})</th><th>as stated (source)</th></tr>")
        for c in shown:
            n = n_sources(c)
            amts = amounts(c, s.fmt)
            cells = [_amount_html(rep, a) for a in amts[:TOP_AMOUNTS]]
            extra = ""
            if len(amts) > TOP_AMOUNTS:
                extra = _collapsed(f"{len(amts) - TOP_AMOUNTS} more amounts",
                                   [f"{e(a.label)} ×{len(a.figures)} ({a.sources} sources)"
                                    for a in amts[TOP_AMOUNTS:]])
            parts.append(f"<tr{' class=agree' if n > 1 else ''}><td class=cl>{e(cluster_label(c, s.fmt))}"
                         f"{'<br><span class=muted>' + str(n) + ' sources agree</span>' if n > 1 else ''}</td>"
                         f"<td>{'<br>'.join(cells)}{extra}</td></tr>")
        parts.append("</table>")
        if rest:
            parts.append(_collapsed(f"{len(rest)} more clusters, {n_sources(f for c in rest for f in c)} sources",
                                    [f"{e(cluster_label(c, s.fmt))} — {n_sources(c)} sources: "
                                     f"{e(_amount_summary(amounts(c, s.fmt)))}" for c in rest]))
    if s.uncounted:
        docs = sorted({f.doc_id for f in s.uncounted})
        links = ", ".join(f'<a href="{e(rep.href(d))}">{e(rep.source_name(d))}</a>' for d in docs[:LINKED_SOURCES])
        more = f" and {len(docs) - LINKED_SOURCES} more" if len(docs) > LINKED_SOURCES else ""
        parts.append(f"<p class=muted>Named without a count in {len(docs)} articles: {links}{more}.</p>")
    return parts


def _rest_lines(sections: list[Section]) -> list[str]:
    return [f"{html.escape(s.title)}: {len(s.clusters)} clusters, {s.sources} sources" for s in sections]


def _model_rows(rep: _Report) -> list[tuple[str, str, int, int, str]]:
    """Per model: vendor, articles naming it, claims with a count, the counts stated most often."""
    by_model: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in rep.claims:
        if c.get("kind") == "hardware" and c.get("model"):
            by_model[c["model"]].append(c)
    rows = []
    for model, cs in by_model.items():
        vendor = next((c["vendor"] for c in cs if c.get("vendor")), "")
        counted = [c for c in cs if c.get("count") is not None]
        common = sorted({c["count"] for c in counted}, key=lambda n: -sum(1 for c in counted if c["count"] == n))
        summary = ", ".join(f"{units(n)} ×{sum(1 for c in counted if c['count'] == n)}" for n in common[:TOP_AMOUNTS])
        rows.append((model, vendor, len({c["doc_id"] for c in cs}), len(counted), summary))
    return sorted(rows, key=lambda r: (-r[2], r[0]))


def _html(rep: _Report) -> str:
    e = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>News claims: amounts and hardware across sources</title>", f"<style>{CSS}</style></head><body>",
             "<h1>Amounts across sources</h1>",
             f"<p class='muted'>{len(rep.docs)} articles, "
             f"{sum(1 for c in rep.claims if c.get('kind') == 'money')} money claims. "
             f"Amounts within {TOLERANCE:.0%} of each other in USD, or bounds compatible with them, form one agreement "
             "cluster. Figures link to the article (path relative to the input folder) and to their sentence "
             "(tooltip and footnote); an amount several articles state is shown once with its count. "
             "Restatements of an amount in another currency are left out. "
             "The most-sourced parts are shown in full, the rest collapsed; summary.csv lists every cluster."
             f"{e(rep.left_out())}</p>"]
    multi = rep.multi_source_clusters()
    if multi:
        lines = [f"<b>{e(group_title(key))}</b>: {e(cluster_label(c, _fmt(key)))} "
                 f"— {n_sources(c)} sources ({e(_amount_summary(amounts(c, _fmt(key))))})" for key, c in multi]
        parts.append("<h2>Figures several sources agree on</h2><ul>")
        parts += [f"<li>{x}</li>" for x in lines[:TOP_AGREEMENTS]]
        parts.append("</ul>")
        if len(lines) > TOP_AGREEMENTS:
            parts.append(_collapsed(f"{len(lines) - TOP_AGREEMENTS} more", lines[TOP_AGREEMENTS:]))
    parts.append("<h2>USD amounts by source</h2><p>")
    if len(rep.sources) <= len(PALETTE):
        parts.append(" ".join(f'<span><span class="dot" style="background:{rep.colour[d]}"></span>'
                              f'<a href="{e(rep.href(d))}">{e(rep.source_name(d))}</a></span>&emsp;'
                              for d in rep.sources))
    else:
        parts.append(f"<span class=muted>{len(rep.sources)} sources; the {min(TOP_GROUPS, len(rep.sections))} subjects "
                     "and topics with the most sources.</span>")
    parts.append("</p>" + _svg(rep))
    for s in rep.sections[:TOP_GROUPS]:
        parts += _section_html(rep, s)
    if len(rep.sections) > TOP_GROUPS:
        parts.append(_collapsed(f"{len(rep.sections) - TOP_GROUPS} more subjects and topics",
                                _rest_lines(rep.sections[TOP_GROUPS:])))
    parts.append("<h2 id=hardware>Hardware: models and counts</h2>")
    models = _model_rows(rep)
    if models:
        parts.append(f"<p class='muted'>{sum(1 for c in rep.claims if c.get('kind') == 'hardware')} hardware claims. "
                     f"Counts within {TOLERANCE:.0%} of each other form one cluster, as for money.</p>"
                     "<table><tr><th>model</th><th>vendor</th><th>articles</th><th>claims with a count</th>"
                     "<th>counts stated most often</th></tr>")
        parts += [f"<tr><td>{e(m)}</td><td>{e(v)}</td><td>{n}</td><td>{k}</td><td>{e(common)}</td></tr>"
                  for m, v, n, k, common in models]
        parts.append("</table>")
        for s in rep.hardware[:TOP_GROUPS]:
            parts += _section_html(rep, s, "h3")
        if len(rep.hardware) > TOP_GROUPS:
            parts.append(_collapsed(f"{len(rep.hardware) - TOP_GROUPS} more subjects and models",
                                    _rest_lines(rep.hardware[TOP_GROUPS:])))
    else:
        parts.append("<p class='muted'>No hardware claims.</p>")
    parts.append("<h2>Sentences</h2><ol class=notes>")
    for n, (doc_id, sentence) in enumerate(rep.notes, 1):
        parts.append(f'<li id="n{n}"><a href="{e(rep.href(doc_id))}">{e(rep.source_name(doc_id))}</a>: '
                     f'{e(sentence)}</li>')
    parts.append("</ol></body></html>")
    return "\n".join(parts)


def _md_cell(text: str) -> str:
    """Article text as inert markdown: HTML characters as entities, markdown syntax backslash-escaped, one line."""
    return MD_SYNTAX.sub(r"\\\g<0>", html.escape(MD_LINE_BREAK.sub(" ", text), quote=True))


def _amount_md(rep: _Report, a: Amount) -> str:
    linked = _linked(a)
    first = linked[0]
    refs = _md_refs(rep.refs(first))
    out = f"[{_md_cell(a.label)}]({rep.href(first.doc_id)} \"{_md_cell(first.text)}\"){refs}"
    out += (f" ×{len(a.figures)}" if len(a.figures) > 1 else "") + (" *(subject not named)*" if first.inferred else "")
    others = [f"[{_md_cell(rep.source_name(f.doc_id))}]({rep.href(f.doc_id)})" + _md_refs(rep.refs(f))
              for f in linked[1:]]
    more = a.sources - len(linked)
    return out + (" (also " + ", ".join(others) + (f", +{more} more" if more else "") + ")" if others else "")


def _section_md(rep: _Report, s: Section, level: str = "##") -> list[str]:
    shown, rest = s.split()
    lines = [f"{level} {_md_cell(s.title)}", ""]
    if s.clusters:
        lines += [f"| cluster ({s.unit}) | as stated (source) |", "|---|---|"]
        for c in shown:
            n = n_sources(c)
            amts = amounts(c, s.fmt)
            cell = "<br>".join(_amount_md(rep, a) for a in amts[:TOP_AMOUNTS])
            if len(amts) > TOP_AMOUNTS:
                cell += f"<br>and {len(amts) - TOP_AMOUNTS} more amounts: {_amount_summary(amts[TOP_AMOUNTS:])}"
            label = cluster_label(c, s.fmt) + (f" ({n} sources agree)" if n > 1 else "")
            lines.append(f"| {_md_cell(label)} | {cell.replace(chr(10), ' ')} |")
        if rest:
            lines += ["", f"{len(rest)} more clusters: " + "; ".join(
                f"{cluster_label(c, s.fmt)} ({n_sources(c)} sources)" for c in rest[:MAX_LISTED])
                + ("; …" if len(rest) > MAX_LISTED else "")]
    if s.uncounted:
        lines += ["", f"Named without a count in {n_sources(s.uncounted)} articles."]
    return lines + [""]


def _markdown(rep: _Report) -> str:
    lines = ["# Amounts across sources", "",
             f"{len(rep.docs)} articles. Amounts within {TOLERANCE:.0%} of each other in USD, or bounds compatible "
             "with them, form one agreement cluster. Links are relative to the input folder; the sentence of every "
             "figure is in its footnote. An amount several articles state is shown once with its count; summary.csv "
             f"lists every cluster.{rep.left_out()}", ""]
    multi = rep.multi_source_clusters()
    if multi:
        lines += ["## Figures several sources agree on", ""]
        for key, c in multi[:TOP_AGREEMENTS]:
            lines.append(f"- **{_md_cell(group_title(key))}**: {cluster_label(c, _fmt(key))} — "
                         f"{n_sources(c)} sources ({_md_cell(_amount_summary(amounts(c, _fmt(key))))})")
        if len(multi) > TOP_AGREEMENTS:
            lines.append(f"- … and {len(multi) - TOP_AGREEMENTS} more")
        lines.append("")
    for s in rep.sections[:TOP_GROUPS]:
        lines += _section_md(rep, s)
    if len(rep.sections) > TOP_GROUPS:
        lines += [f"{len(rep.sections) - TOP_GROUPS} more subjects and topics (summary.csv).", ""]
    lines += ["## Hardware: models and counts", ""]
    models = _model_rows(rep)
    if models:
        lines += ["| model | vendor | articles | claims with a count | counts stated most often |",
                  "|---|---|---|---|---|"]
        lines += [f"| {_md_cell(m)} | {_md_cell(v)} | {n} | {k} | {common} |" for m, v, n, k, common in models]
        lines.append("")
        for s in rep.hardware[:TOP_GROUPS]:
            lines += _section_md(rep, s, "###")
    else:
        lines += ["No hardware claims.", ""]
    lines += ["## Sentences", ""]
    for n, (doc_id, sentence) in enumerate(rep.notes, 1):
        lines.append(f"[^{n}]: [{_md_cell(rep.source_name(doc_id))}]({rep.href(doc_id)}) {_md_cell(sentence)}")
    return "\n".join(lines) + "\n"


# A cell starting with one of these is a formula to Excel and LibreOffice (=HYPERLINK(...) in a file name or title).
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SUMMARY_COLUMNS = ("subject", "topic", "change", "cluster", "min_usd", "max_usd", "sources", "source_names")


def _summary_rows(rep: _Report) -> Iterable[tuple[Any, ...]]:
    """One row per subject, topic, change and money cluster (every cluster, none collapsed); amounts below zero with
    their sign."""
    for (subject, topic, change, below), cs in rep.groups:
        sign = -1 if below else 1
        for c in cs:
            values = [sign * v for f in c for v in (f.usd, f.usd_low, f.usd_high) if v is not None and v != math.inf]
            docs = sorted({f.doc_id for f in c})
            yield (subject, topic or "", change or "level", cluster_label(c, below_zero if below else usd),
                   round(min(values), 2) if values else "", round(max(values), 2) if values else "", len(docs),
                   "; ".join(rep.source_name(d, None) for d in docs))


def _write_summary_csv(rep: _Report, path: Path) -> None:
    # utf-8-sig: spreadsheet programs read the BOM as "UTF-8" and show Chinese titles instead of mojibake
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(SUMMARY_COLUMNS)
        writer.writerows(tuple(map(_csv_cell, row)) for row in _summary_rows(rep))


def _csv_cell(value: Any) -> Any:
    """A text cell a spreadsheet cannot run: one starting like a formula (=, +, -, @) gets a leading quote."""
    return "'" + value if isinstance(value, str) and value[:1] in CSV_FORMULA_START else value


def build_report(out_dir: Path, source_root: Path | None = None) -> list[Path]:
    """Write report.html, report.md and summary.csv into ``out_dir`` from its claims.jsonl and documents.jsonl."""
    out_dir = Path(out_dir)
    rep = _Report(out_dir, source_root)
    html_path, md_path, csv_path = out_dir / "report.html", out_dir / "report.md", out_dir / "summary.csv"
    html_path.write_text(_html(rep), encoding="utf-8")
    md_path.write_text(_markdown(rep), encoding="utf-8")
    _write_summary_csv(rep, csv_path)
    return [html_path, md_path, csv_path]
