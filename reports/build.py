"""The cross-source report: per subject and topic, the USD amounts each source states, side by side.

``build_report(out_dir)`` reads ``claims.jsonl`` and ``documents.jsonl`` from ``out_dir`` and writes
``report.html`` (one self-contained file: inline CSS and an inline SVG chart, no scripts, no external assets)
and ``report.md`` next to them.

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

import html
import math
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote

from pipeline.store import read_jsonl

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
    """Money figures with a USD amount, by (subject, topic), duplicates within a document collapsed."""
    groups: dict[tuple[str, str | None], dict[tuple, Figure]] = defaultdict(dict)
    for c in claims:
        if c.get("kind") != "money" or c.get("equivalent_of"):
            continue
        if c.get("usd_value") is None and c.get("usd_low") is None and c.get("usd_high") is None:
            continue
        key = (c.get("subject") or UNSPECIFIED, c.get("topic"))
        fkey = (c["doc_id"], c.get("usd_value"), c.get("usd_low"), c.get("usd_high"), c.get("qualifier"))
        fig = groups[key].get(fkey)
        if fig is None:
            fig = groups[key][fkey] = Figure(c["doc_id"], c["text"], c.get("qualifier") or "exact", c.get("usd_value"),
                                             c.get("usd_low"), c.get("usd_high"))
        fig.claims.append(c)
    return {k: list(v.values()) for k, v in groups.items()}


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
    for f in sorted((f for f in figures if not f.is_point), key=lambda f: f.centre or 0):
        lo, hi = f.interval()
        lo, hi = lo * (1 - TOLERANCE), hi * (1 + TOLERANCE)
        near = f.centre or 1.0
        fits = [c for c in out if lo <= _centre(c) <= hi and abs(math.log(_centre(c) / near)) <= math.log(BOUND_REACH)]
        if fits:
            min(fits, key=lambda c: abs(math.log(_centre(c)) - math.log(f.centre))).append(f)
            continue
        for c in loose:
            clo, chi = c[0].interval()
            if max(lo, clo) <= min(hi, chi):
                c.append(f)
                break
        else:
            loose.append([f])
    return sorted(out + loose, key=lambda c: _centre(c) or 0)


def fits(cluster: list[Figure], f: Figure) -> bool:
    """Whether figure ``f`` agrees with every figure of ``cluster`` (points within the tolerance, bounds/ranges
    containing the points, and all intervals overlapping)."""
    lo, hi = f.interval()
    for g in cluster:
        glo, ghi = g.interval()
        if f.is_point and g.is_point:
            if not _close(f.usd, g.usd):
                return False
        elif max(lo * (1 - TOLERANCE), glo * (1 - TOLERANCE)) > min(hi * (1 + TOLERANCE), ghi * (1 + TOLERANCE)):
            return False
    centre = _centre(cluster)
    return bool(centre and f.centre) and abs(math.log(centre / f.centre)) <= math.log(BOUND_REACH)


def add_unnamed(groups: dict[tuple[str, str | None], list[list[Figure]]]) -> None:
    """Show a (non-vague) figure whose sentence names no subject also in the one named group of its topic whose
    cluster it agrees with (marked ``inferred``); it stays in its own "(subject not named)" group too."""
    for (subject, topic), cs in list(groups.items()):
        if subject != UNSPECIFIED:
            continue
        for f in (f for c in cs for f in c):
            if f.usd is None or any(cl.get("vague") for cl in f.claims):
                continue
            homes = [c for (other, other_topic), ocs in groups.items() if other != UNSPECIFIED and other_topic == topic
                     for c in ocs if fits(c, f)]
            # only when the amount points to one named group unambiguously, and not to a doc already there
            if len(homes) == 1 and all(g.doc_id != f.doc_id for g in homes[0]):
                homes[0].append(Figure(f.doc_id, f.text, f.qualifier, f.usd, f.usd_low, f.usd_high, f.claims, inferred=True))


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


def stated(f: Figure) -> str:
    """The figure in USD with its qualifier: "under $6M", "$5.576M", "$1B–$10B"."""
    if f.usd is None:
        return f"{usd(f.usd_low)}–{usd(f.usd_high)}"
    word = {"under": "under ", "at_most": "at most ", "over": "over ", "at_least": "at least ", "approx": "~"}
    return word.get(f.qualifier, "") + usd(f.usd)


def cluster_label(cluster: list[Figure]) -> str:
    points = sorted(f.usd for f in cluster if f.is_point)
    if points:
        return usd(points[0]) if points[0] == points[-1] else f"{usd(points[0])}–{usd(points[-1])}"
    if len(cluster) == 1:
        return stated(cluster[0])
    lo = max(f.interval()[0] for f in cluster)
    hi = min(f.interval()[1] for f in cluster)
    if hi == math.inf:
        return f"over {usd(lo)}"
    if lo == 0:
        return f"under {usd(hi)}"
    return f"{usd(lo)}–{usd(hi)}"


def _href(doc: dict[str, Any], out_dir: Path, source_root: Path | None) -> str:
    """A relative link to the article: percent-encoded, so it holds no scheme (``javascript:``), space or quote."""
    path = doc.get("source_path") or ""
    if source_root is not None:
        path = os.path.relpath(Path(source_root) / path, Path(out_dir))
    return quote(Path(path).as_posix().lstrip("/"), safe="/._-~")


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
        self.sources = sorted({f.doc_id for _, cs in self.groups for c in cs for f in c})
        self.colour = {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(self.sources)}
        self.notes: list[tuple[str, str]] = []  # (doc_id, sentence)
        for _, cs in self.groups:
            for c in cs:
                for f in c:
                    for claim in f.claims:
                        self.notes.append((f.doc_id, claim.get("sentence") or claim["text"]))
                        f.notes.append(len(self.notes))

    def href(self, doc_id: str) -> str:
        return _href(self.docs.get(doc_id, {"source_path": doc_id}), self.out_dir, self.source_root)

    def source_name(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id, {})
        return f"{doc_id[:3]} · {doc.get('title') or doc_id}"

    def multi_source_clusters(self) -> list[tuple[tuple[str, str | None], list[Figure]]]:
        return [(key, c) for key, cs in self.groups for c in cs if len({f.doc_id for f in c}) > 1]


CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f5f5f5}td.cl{white-space:nowrap;font-weight:600}.agree{background:#eef8ee}
a{color:#0b57d0}a.fig{text-decoration:none;border-bottom:1px dotted #0b57d0}sup{font-size:.7em}
.dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.3em}
.muted{color:#666;font-size:.9em}ol.notes li{margin:.2rem 0}svg{max-width:100%;height:auto}
"""


def _svg(rep: _Report) -> str:
    rows = [(key, [f for c in cs for f in c]) for key, cs in rep.groups]
    values = [v for _, figs in rows for f in figs for v in (f.usd, f.usd_low, f.usd_high) if v and v != math.inf]
    if not values:
        return "<p class='muted'>No USD amounts.</p>"
    lo, hi = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
    hi = max(hi, lo + 1)
    left, width, row_h, top = 290, 620, 22, 30
    height = top + row_h * len(rows) + 30

    def x(v: float) -> float:
        return left + (math.log10(v) - lo) / (hi - lo) * width

    out = [f'<svg width="{left + width + 20}" height="{height}" '
           f'viewBox="0 0 {left + width + 20} {height}" role="img" aria-label="USD amounts by source, log scale" '
           'font-family="system-ui,sans-serif" font-size="11">']
    for d in range(lo, hi + 1):
        out.append(f'<line x1="{x(10 ** d):.1f}" y1="{top - 8}" x2="{x(10 ** d):.1f}" y2="{height - 24}" stroke="#ddd"/>'
                   f'<text x="{x(10 ** d):.1f}" y="{height - 10}" text-anchor="middle" fill="#555">{usd(10.0 ** d)}</text>')
    out.append(f'<text x="{left}" y="14" fill="#555">USD, log scale (● point, ◀ upper bound, ▶ lower bound, ─ range)</text>')
    for i, ((subject, topic), figs) in enumerate(rows):
        y = top + i * row_h + row_h / 2
        label = html.escape(f"{subject} · {TOPIC_LABELS.get(topic, topic)}")
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{label}</text>'
                   f'<line x1="{left}" y1="{y:.1f}" x2="{left + width}" y2="{y:.1f}" stroke="#f0f0f0"/>')
        for f in figs:
            colour = rep.colour[f.doc_id]
            tip = html.escape(f"{rep.source_name(f.doc_id)}: {f.text} = {stated(f)} — {f.claims[0].get('sentence') or ''}")
            shape = ""
            if f.usd is not None:
                cx = x(f.usd)
                if f.qualifier in UPPER:
                    shape = f'<polygon points="{cx:.1f},{y - 5:.1f} {cx:.1f},{y + 5:.1f} {cx - 8:.1f},{y:.1f}" fill="{colour}"/>'
                elif f.qualifier in LOWER:
                    shape = f'<polygon points="{cx:.1f},{y - 5:.1f} {cx:.1f},{y + 5:.1f} {cx + 8:.1f},{y:.1f}" fill="{colour}"/>'
                else:
                    shape = f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}" fill-opacity=".8"/>'
            elif f.usd_low and f.usd_high:
                shape = (f'<line x1="{x(f.usd_low):.1f}" y1="{y:.1f}" x2="{x(f.usd_high):.1f}" y2="{y:.1f}" '
                         f'stroke="{colour}" stroke-width="5" stroke-linecap="round" opacity=".7"/>')
            if shape:
                out.append(f'<a href="{html.escape(rep.href(f.doc_id))}"><title>{tip}</title>{shape}</a>')
    out.append("</svg>")
    return "".join(out)


def _html(rep: _Report) -> str:
    e = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>News claims: amounts across sources</title>", f"<style>{CSS}</style></head><body>",
             "<h1>Amounts across sources</h1>",
             f"<p class='muted'>{len(rep.docs)} articles, {sum(1 for c in rep.claims if c.get('kind') == 'money')} money claims. "
             f"Amounts within {TOLERANCE:.0%} of each other in USD, or bounds compatible with them, form one agreement "
             "cluster. Figures link to the article (path relative to the input folder) and to their sentence "
             "(tooltip and footnote). Restatements of an amount in another currency are left out.</p>"]
    multi = rep.multi_source_clusters()
    if multi:
        parts.append("<h2>Figures several sources agree on</h2><ul>")
        for (subject, topic), c in multi:
            docs = sorted({f.doc_id for f in c})
            parts.append(f"<li><b>{e(subject)} · {e(TOPIC_LABELS.get(topic, str(topic)))}</b>: {e(cluster_label(c))} "
                         f"— {len(docs)} sources ({', '.join(e(stated(f)) for f in c)})</li>")
        parts.append("</ul>")
    parts.append("<h2>USD amounts by source</h2><p>")
    parts.append(" ".join(f'<span><span class="dot" style="background:{rep.colour[d]}"></span>'
                          f'<a href="{e(rep.href(d))}">{e(rep.source_name(d))}</a></span>&emsp;' for d in rep.sources))
    parts.append("</p>" + _svg(rep))
    for (subject, topic), cs in rep.groups:
        docs = sorted({f.doc_id for c in cs for f in c})
        parts.append(f"<h2>{e(subject)} · {e(TOPIC_LABELS.get(topic, str(topic)))}</h2>")
        parts.append("<table><tr><th>cluster (USD)</th>" + "".join(
            f'<th><span class="dot" style="background:{rep.colour[d]}"></span><a href="{e(rep.href(d))}">{e(rep.source_name(d))}</a></th>'
            for d in docs) + "</tr>")
        for c in cs:
            agree = len({f.doc_id for f in c}) > 1
            parts.append(f"<tr{' class=agree' if agree else ''}><td class=cl>{e(cluster_label(c))}"
                         f"{'<br><span class=muted>' + str(len({f.doc_id for f in c})) + ' sources agree</span>' if agree else ''}</td>")
            for d in docs:
                cells = []
                for f in (f for f in c if f.doc_id == d):
                    sentence = f.claims[0].get("sentence") or f.text
                    refs = "".join(f'<sup><a href="#n{n}">{n}</a></sup>' for n in f.notes)
                    who = {cl.get("attribution") for cl in f.claims} - {None}
                    mark = '<br><span class="muted"><i>sentence names no subject; agrees by amount</i></span>' if f.inferred else ""
                    cells.append(f'<a class="fig" href="{e(rep.href(d))}" title="{e(sentence)}">{e(stated(f))}</a>{refs}'
                                 f'<br><span class="muted">{e(f.text)}{" · per " + e(sorted(who)[0]) if who else ""}</span>{mark}')
                parts.append("<td>" + "<br>".join(cells) + "</td>")
            parts.append("</tr>")
        parts.append("</table>")
    parts.append("<h2>Sentences</h2><ol class=notes>")
    for n, (doc_id, sentence) in enumerate(rep.notes, 1):
        parts.append(f'<li id="n{n}"><a href="{e(rep.href(doc_id))}">{e(doc_id[:3])}</a>: {e(sentence)}</li>')
    parts.append("</ol></body></html>")
    return "\n".join(parts)


def _md_cell(text: str) -> str:
    """Article text as inert markdown: HTML characters as entities, markdown syntax backslash-escaped, one line."""
    return MD_SYNTAX.sub(r"\\\g<0>", html.escape(MD_LINE_BREAK.sub(" ", text), quote=True))


def _markdown(rep: _Report) -> str:
    lines = ["# Amounts across sources", "",
             f"{len(rep.docs)} articles. Amounts within {TOLERANCE:.0%} of each other in USD, or bounds compatible with "
             "them, form one agreement cluster. Links are relative to the input folder; the sentence of every figure is "
             "in its footnote.", ""]
    multi = rep.multi_source_clusters()
    if multi:
        lines += ["## Figures several sources agree on", ""]
        for (subject, topic), c in multi:
            lines.append(f"- **{_md_cell(subject)} · {_md_cell(TOPIC_LABELS.get(topic, topic))}**: {cluster_label(c)} — "
                         f"{len({f.doc_id for f in c})} sources ({_md_cell(', '.join(stated(f) for f in c))})")
        lines.append("")
    for (subject, topic), cs in rep.groups:
        docs = sorted({f.doc_id for c in cs for f in c})
        lines += [f"## {_md_cell(subject)} · {_md_cell(TOPIC_LABELS.get(topic, topic))}", "",
                  "| cluster (USD) | " + " | ".join(f"[{_md_cell(rep.source_name(d))}]({rep.href(d)})" for d in docs) + " |",
                  "|---" * (len(docs) + 1) + "|"]
        for c in cs:
            n_docs = len({f.doc_id for f in c})
            row = [cluster_label(c) + (f" ({n_docs} sources agree)" if n_docs > 1 else "")]
            for d in docs:
                row.append("<br>".join(f"[{_md_cell(stated(f))}]({rep.href(d)} \"{_md_cell(f.text)}\")"
                                       + "".join(f"[^{n}]" for n in f.notes) + (" *(subject not named)*" if f.inferred else "")
                                       for f in c if f.doc_id == d))
            lines.append("| " + " | ".join([_md_cell(row[0]), *row[1:]]) + " |")
        lines.append("")
    lines += ["## Sentences", ""]
    for n, (doc_id, sentence) in enumerate(rep.notes, 1):
        lines.append(f"[^{n}]: [{_md_cell(doc_id[:3])}]({rep.href(doc_id)}) {_md_cell(sentence)}")
    return "\n".join(lines) + "\n"


def build_report(out_dir: Path, source_root: Path | None = None) -> list[Path]:
    """Write report.html and report.md into ``out_dir`` from its claims.jsonl and documents.jsonl."""
    out_dir = Path(out_dir)
    rep = _Report(out_dir, source_root)
    html_path, md_path = out_dir / "report.html", out_dir / "report.md"
    html_path.write_text(_html(rep), encoding="utf-8")
    md_path.write_text(_markdown(rep), encoding="utf-8")
    return [html_path, md_path]
