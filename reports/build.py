"""The cross-source report: per subject and topic, the USD amounts each source states, side by side.

``build_report(out_dir)`` reads ``claims.jsonl`` and ``documents.jsonl`` from ``out_dir`` and writes
``report.html`` (one self-contained file: inline CSS and an inline SVG chart, no scripts, no external assets),
``report.md`` and ``summary.csv`` (every money cluster: min/max USD, sources) next to them. Hardware claims get a
section of their own: per model, and per subject and model with their counts clustered as amounts are.

At scale (thousands of articles stating the same figures) the page stays readable and small: the figures of a
cluster that state the same amount are shown once with their count and their first sources; the most-sourced
sections, clusters and amounts are shown (TOP_GROUPS, TOP_CLUSTERS, TOP_AMOUNTS) and the rest collapsed or counted.

Agreement clusters: within one subject and topic, point amounts (exact/approx) whose USD values lie within
``TOLERANCE`` of the cluster's first (smallest) value form one cluster; a bound ("under 6M", "over 500M") or a
range joins the nearest cluster it is compatible with (the cluster's centre lies inside it, widened by the
tolerance) and within ``BOUND_REACH`` of it, otherwise compatible bounds and ranges form clusters of their own. Restatements (an amount the article gives
as the equivalent of another, ``equivalent_of``) are left out so a figure is not counted twice.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence, TypeVar
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
    "development_cost": "development cost", "investment": "investment", "market_value": "market value",
    "price": "price", "revenue": "revenue", "salary": "salary", "other": "other", None: "(no topic)",
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

    def interval(self) -> tuple[float, float]:
        """The USD values the figure allows."""
        if self.usd is not None:
            if self.qualifier in UPPER:
                return 0.0, self.usd
            if self.qualifier in LOWER:
                return self.usd, math.inf
            return self.usd, self.usd
        return self.usd_low or 0.0, self.usd_high or math.inf


def figures_by_group(claims: Iterable[dict[str, Any]]) -> dict[tuple[str, str | None], list[Figure]]:
    """Money figures with a positive USD amount, by (subject, topic), duplicates within a document collapsed."""
    groups: dict[tuple[str, str | None], dict[tuple, Figure]] = defaultdict(dict)
    for c in claims:
        if c.get("kind") != "money" or c.get("equivalent_of"):
            continue
        if c.get("usd_value") is None and c.get("usd_low") is None and c.get("usd_high") is None:
            continue
        if not_positive(c):  # clusters compare ratios and the chart is log-scaled: the report counts these apart
            continue
        key = (c.get("subject") or UNSPECIFIED, c.get("topic"))
        fkey = (c["doc_id"], c.get("usd_value"), c.get("usd_low"), c.get("usd_high"), c.get("qualifier"))
        fig = groups[key].get(fkey)
        if fig is None:
            fig = groups[key][fkey] = Figure(c["doc_id"], c["text"], c.get("qualifier") or "exact", c.get("usd_value"),
                                             c.get("usd_low"), c.get("usd_high"))
        fig.claims.append(c)
    return {k: list(v.values()) for k, v in groups.items()}


def not_positive(claim: dict[str, Any]) -> bool:
    """Whether a money claim states a USD amount of zero or less (a loss written with a minus sign)."""
    return any(v is not None and v <= 0 for v in (claim.get("usd_value"), claim.get("usd_low"), claim.get("usd_high")))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * min(a, b)


def clusters(figures: list[Figure]) -> list[list[Figure]]:
    """Agreement clusters, smallest amounts first (see the module docstring)."""
    points = sorted((f for f in figures if f.is_point), key=lambda f: f.usd)
    out: list[list[Figure]] = []
    for f in points:
        if out and _close(out[-1][0].usd, f.usd):
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
            min(fits, key=lambda mc: abs(math.log(mc[0]) - math.log(f.centre)))[1].append(f)
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
            self.points = (min(self.points[0], f.usd), max(self.points[1], f.usd)) if self.points else (f.usd, f.usd)
            self._logs[0] += math.log(f.usd)
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
        if ext.points and not (_close(f.usd, ext.points[0]) and _close(f.usd, ext.points[1])):
            return False
        glo, ghi = ext.loose  # a point is compared with the bounds and ranges only
    else:
        glo, ghi = ext.every
    if glo * (1 - TOLERANCE) > hi * (1 + TOLERANCE) or lo * (1 - TOLERANCE) > ghi * (1 + TOLERANCE):
        return False
    centre = ext.centre
    return bool(centre and f.centre) and abs(math.log(centre / f.centre)) <= math.log(BOUND_REACH)


def add_unnamed(groups: dict[tuple[str, str | None], list[list[Figure]]]) -> None:
    """Show a (non-vague) figure whose sentence names no subject also in the one named group of its topic whose
    cluster it agrees with (marked ``inferred``); it stays in its own "(subject not named)" group too."""
    named: dict[str | None, list[tuple[float, list[Figure], Extent]]] = defaultdict(list)
    for (subject, topic), cs in groups.items():
        if subject != UNSPECIFIED:
            named[topic] += [(_centre(c), c, Extent(c)) for c in cs]
    for candidates in named.values():
        candidates.sort(key=lambda mce: mce[0])
    for (subject, topic), cs in list(groups.items()):
        if subject != UNSPECIFIED or not named.get(topic):
            continue
        candidates = named[topic]
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
                home.append(Figure(f.doc_id, f.text, f.qualifier, f.usd, f.usd_low, f.usd_high, f.claims, inferred=True))
                ext.add(home[-1])


def _centre(cluster: list[Figure]) -> float:
    points = [f.usd for f in cluster if f.is_point]
    values = points or [f.centre for f in cluster if f.centre]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else 0.0


def usd(value: float | None) -> str:
    if value is None or value == math.inf:
        return "?"
    for unit, size in (("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if abs(value) >= size:
            return f"${value / size:.4g}{unit}"
    return f"${value:.4g}"


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
    points = sorted(f.usd for f in cluster if f.is_point)
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
            key=lambda kv: (-len({f.doc_id for f in sum(kv[1], [])}), kv[0][0] == UNSPECIFIED, kv[0][0], str(kv[0][1])))
        self.sections = [Section(f"{subject} · {TOPIC_LABELS.get(topic, str(topic))}", cs) for (subject, topic), cs in self.groups]
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
        self.not_positive = sum(1 for c in self.claims if c.get("kind") == "money" and not_positive(c))

    def left_out(self) -> str:
        """A sentence on the amounts no cluster or chart can show, or nothing."""
        if not self.not_positive:
            return ""
        return (f" {self.not_positive} amount{'s' if self.not_positive > 1 else ''} of zero or less (a loss or change "
                "written with a minus sign) left out: clusters compare ratios and the chart is log-scaled.")

    def href(self, doc_id: str) -> str:
        return _href(self.docs.get(doc_id, {"source_path": doc_id}), self.out_dir, self.source_root)

    def source_name(self, doc_id: str, limit: int | None = TITLE_CHARS) -> str:
        doc = self.docs.get(doc_id, {})
        title = doc.get("title") or doc_id
        return f"{doc_id[:3]} · {title if limit is None or len(title) <= limit else title[:limit - 1] + '…'}"

    def refs(self, f: Figure) -> list[int]:
        """Footnote numbers of the figure's sentences (numbered when the figure is first shown)."""
        if not f.notes:
            for claim in f.claims:
                self.notes.append((f.doc_id, claim.get("sentence") or claim["text"]))
                f.notes.append(len(self.notes))
        return f.notes

    def multi_source_clusters(self) -> list[tuple[tuple[str, str | None], list[Figure]]]:
        multi = [(key, c) for key, cs in self.groups for c in cs if len({f.doc_id for f in c}) > 1]
        return sorted(multi, key=lambda kc: -n_sources(kc[1]))


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
h1{{font-size:1.6rem}}h2{{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ddd}}h3{{font-size:1.05rem;margin-top:1.6rem}}
table{{border-collapse:collapse;margin:.5rem 0 1rem;width:100%;table-layout:fixed}}
th,td{{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}}
th{{background:#f5f5f5}}th.cl{{width:13rem}}td.cl{{font-weight:600}}.agree{{background:#eef8ee}}
a{{color:#0b57d0}}a.fig{{text-decoration:none;border-bottom:1px dotted #0b57d0}}sup{{font-size:.7em}}
.dot{{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.3em}}
details{{margin:.3rem 0 1rem}}summary{{cursor:pointer;color:#0b57d0}}
.muted{{color:#666;font-size:.9em}}ol.notes li{{margin:.2rem 0}}svg{{max-width:100%;height:auto}}
"""


def _svg(rep: _Report) -> str:
    rows = [(s.title, amounts([f for c in s.clusters for f in c])) for s in rep.sections[:TOP_GROUPS]]
    rows = [(title, top(amts, MAX_MARKS, lambda a: len(a.figures))[0]) for title, amts in rows]
    values = [v for _, amts in rows for a in amts for f in a.figures[:1] for v in (f.usd, f.usd_low, f.usd_high)
              if v and v != math.inf]
    if not values:
        return "<p class='muted'>No USD amounts.</p>"
    lo, hi = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
    hi = max(hi, lo + 1)
    left, width, row_h, top_y = 290, 620, 22, 30
    height = top_y + row_h * len(rows) + 30

    def x(v: float) -> float:
        return left + (math.log10(v) - lo) / (hi - lo) * width

    out = [f'<svg width="{left + width + 20}" height="{height}" '
           f'viewBox="0 0 {left + width + 20} {height}" role="img" aria-label="USD amounts by source, log scale" '
           f"font-family='{FONT_STACK}' font-size=\"11\">"]
    for d in range(lo, hi + 1):
        out.append(f'<line x1="{x(10 ** d):.1f}" y1="{top_y - 8}" x2="{x(10 ** d):.1f}" y2="{height - 24}" stroke="#ddd"/>'
                   f'<text x="{x(10 ** d):.1f}" y="{height - 10}" text-anchor="middle" fill="#555">{usd(10.0 ** d)}</text>')
    out.append(f'<text x="{left}" y="14" fill="#555">USD, log scale (● point, ◀ upper bound, ▶ lower bound, ─ range; '
               'larger: more figures)</text>')
    for i, (title, amts) in enumerate(rows):
        y = top_y + i * row_h + row_h / 2
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{html.escape(title)}</text>'
                   f'<line x1="{left}" y1="{y:.1f}" x2="{left + width}" y2="{y:.1f}" stroke="#f0f0f0"/>')
        for a in amts:
            f = a.figures[0]
            colour = rep.colour.get(f.doc_id, PALETTE[0])
            r = 4.5 + min(6.0, 1.5 * math.log2(len(a.figures)))
            if len(a.figures) == 1:
                tip = f"{rep.source_name(f.doc_id)}: {f.text} = {a.label} — {f.claims[0].get('sentence') or ''}"
            else:
                tip = f"{a.label}: {len(a.figures)} figures from {a.sources} sources, e.g. {rep.source_name(f.doc_id)}: {f.text}"
            shape = ""
            if f.usd is not None:
                cx = x(f.usd)
                if f.qualifier in UPPER:
                    shape = f'<polygon points="{cx:.1f},{y - 5:.1f} {cx:.1f},{y + 5:.1f} {cx - 8:.1f},{y:.1f}" fill="{colour}"/>'
                elif f.qualifier in LOWER:
                    shape = f'<polygon points="{cx:.1f},{y - 5:.1f} {cx:.1f},{y + 5:.1f} {cx + 8:.1f},{y:.1f}" fill="{colour}"/>'
                else:
                    shape = f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" fill-opacity=".8"/>'
            elif f.usd_low and f.usd_high:
                shape = (f'<line x1="{x(f.usd_low):.1f}" y1="{y:.1f}" x2="{x(f.usd_high):.1f}" y2="{y:.1f}" '
                         f'stroke="{colour}" stroke-width="5" stroke-linecap="round" opacity=".7"/>')
            if shape:
                out.append(f'<a href="{html.escape(rep.href(f.doc_id))}"><title>{html.escape(tip)}</title>{shape}</a>')
    out.append("</svg>")
    return "".join(out)


def _amount_html(rep: _Report, a: Amount) -> str:
    """The amount linked to its first source (sentence as tooltip and footnote), a count, more sources linked."""
    e = html.escape
    linked = _linked(a)
    links = []
    for i, f in enumerate(linked):
        sentence = f.claims[0].get("sentence") or f.text
        refs = "".join(f'<sup><a href="#n{n}">{n}</a></sup>' for n in rep.refs(f))
        label = a.label if i == 0 else rep.source_name(f.doc_id)
        links.append(f'<a class="fig" href="{e(rep.href(f.doc_id))}" title="{e(sentence)}">{e(label)}</a>{refs}')
    first = a.figures[0]
    who = sorted({cl.get("attribution") for cl in first.claims} - {None})
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
                                   [f"{e(a.label)} ×{len(a.figures)} ({a.sources} sources)" for a in amts[TOP_AMOUNTS:]])
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
             f"<p class='muted'>{len(rep.docs)} articles, {sum(1 for c in rep.claims if c.get('kind') == 'money')} money claims. "
             f"Amounts within {TOLERANCE:.0%} of each other in USD, or bounds compatible with them, form one agreement "
             "cluster. Figures link to the article (path relative to the input folder) and to their sentence "
             "(tooltip and footnote); an amount several articles state is shown once with its count. "
             "Restatements of an amount in another currency are left out. "
             "The most-sourced parts are shown in full, the rest collapsed; summary.csv lists every cluster."
             f"{e(rep.left_out())}</p>"]
    multi = rep.multi_source_clusters()
    if multi:
        lines = [f"<b>{e(subject)} · {e(TOPIC_LABELS.get(topic, str(topic)))}</b>: {e(cluster_label(c))} "
                 f"— {n_sources(c)} sources ({e(_amount_summary(amounts(c)))})" for (subject, topic), c in multi]
        parts.append("<h2>Figures several sources agree on</h2><ul>")
        parts += [f"<li>{x}</li>" for x in lines[:TOP_AGREEMENTS]]
        parts.append("</ul>")
        if len(lines) > TOP_AGREEMENTS:
            parts.append(_collapsed(f"{len(lines) - TOP_AGREEMENTS} more", lines[TOP_AGREEMENTS:]))
    parts.append("<h2>USD amounts by source</h2><p>")
    if len(rep.sources) <= len(PALETTE):
        parts.append(" ".join(f'<span><span class="dot" style="background:{rep.colour[d]}"></span>'
                              f'<a href="{e(rep.href(d))}">{e(rep.source_name(d))}</a></span>&emsp;' for d in rep.sources))
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
        parts.append(f'<li id="n{n}"><a href="{e(rep.href(doc_id))}">{e(doc_id[:3])}</a>: {e(sentence)}</li>')
    parts.append("</ol></body></html>")
    return "\n".join(parts)


def _md_cell(text: str) -> str:
    """Article text as inert markdown: HTML characters as entities, markdown syntax backslash-escaped, one line."""
    return MD_SYNTAX.sub(r"\\\g<0>", html.escape(MD_LINE_BREAK.sub(" ", text), quote=True))


def _amount_md(rep: _Report, a: Amount) -> str:
    linked = _linked(a)
    first = linked[0]
    refs = "".join(f"[^{n}]" for n in rep.refs(first))
    out = f"[{_md_cell(a.label)}]({rep.href(first.doc_id)} \"{_md_cell(first.text)}\"){refs}"
    out += (f" ×{len(a.figures)}" if len(a.figures) > 1 else "") + (" *(subject not named)*" if first.inferred else "")
    others = [f"[{_md_cell(rep.source_name(f.doc_id))}]({rep.href(f.doc_id)})" + "".join(f"[^{n}]" for n in rep.refs(f))
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
             f"{len(rep.docs)} articles. Amounts within {TOLERANCE:.0%} of each other in USD, or bounds compatible with "
             "them, form one agreement cluster. Links are relative to the input folder; the sentence of every figure is "
             "in its footnote. An amount several articles state is shown once with its count; summary.csv lists every "
             f"cluster.{rep.left_out()}", ""]
    multi = rep.multi_source_clusters()
    if multi:
        lines += ["## Figures several sources agree on", ""]
        for (subject, topic), c in multi[:TOP_AGREEMENTS]:
            lines.append(f"- **{_md_cell(subject)} · {_md_cell(TOPIC_LABELS.get(topic, topic))}**: {cluster_label(c)} — "
                         f"{n_sources(c)} sources ({_md_cell(_amount_summary(amounts(c)))})")
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
        lines += ["| model | vendor | articles | claims with a count | counts stated most often |", "|---|---|---|---|---|"]
        lines += [f"| {_md_cell(m)} | {_md_cell(v)} | {n} | {k} | {common} |" for m, v, n, k, common in models]
        lines.append("")
        for s in rep.hardware[:TOP_GROUPS]:
            lines += _section_md(rep, s, "###")
    else:
        lines += ["No hardware claims.", ""]
    lines += ["## Sentences", ""]
    for n, (doc_id, sentence) in enumerate(rep.notes, 1):
        lines.append(f"[^{n}]: [{_md_cell(doc_id[:3])}]({rep.href(doc_id)}) {_md_cell(sentence)}")
    return "\n".join(lines) + "\n"


# A cell starting with one of these is a formula to Excel and LibreOffice (=HYPERLINK(...) in a file name or title).
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SUMMARY_COLUMNS = ("subject", "topic", "cluster", "min_usd", "max_usd", "sources", "source_names")


def _summary_rows(rep: _Report) -> Iterable[tuple[Any, ...]]:
    """One row per subject, topic and money cluster (every cluster, none collapsed)."""
    for (subject, topic), cs in rep.groups:
        for c in cs:
            values = [v for f in c for v in (f.usd, f.usd_low, f.usd_high) if v is not None and v != math.inf]
            docs = sorted({f.doc_id for f in c})
            yield (subject, topic or "", cluster_label(c), round(min(values), 2) if values else "",
                   round(max(values), 2) if values else "", len(docs), "; ".join(rep.source_name(d, None) for d in docs))


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
