"""The cross-source report built from the seeds' outputs (pure core per seed, no Prefect).

Rendering check: with Chromium installed the HTML is rendered headless to a screenshot::

    /usr/bin/chromium --headless --no-sandbox --disable-gpu --window-size=1280,2000 \\
        --screenshot=/tmp/report.png file:///path/to/outputs/report.html

Without ``/usr/bin/chromium`` that test is skipped (nothing is installed by the tests).
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reports.build import Figure, build_report, clusters

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def report(seed_results, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    docs = [r.document for r in seed_results.values()]
    claims = [c for r in seed_results.values() for c in r.claims]
    (out / "documents.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    (out / "claims.jsonl").write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in claims), encoding="utf-8")
    paths = build_report(out)
    assert [p.name for p in paths] == ["report.html", "report.md"]
    return {"dir": out, "html": paths[0].read_text(encoding="utf-8"), "md": paths[1].read_text(encoding="utf-8"),
            "docs": docs}


def _fig(value=None, q="exact", doc="a", low=None, high=None):
    return Figure(doc, "t", q, value, low, high)


def test_clusters_join_close_amounts_and_compatible_bounds():
    cs = clusters([_fig(5.576e6, doc="a"), _fig(5.57e6, doc="b"), _fig(6e6, "under", doc="c"), _fig(1.6e9, doc="d"),
                   _fig(2.94e5, doc="e")])
    assert [sorted(f.doc_id for f in c) for c in cs] == [["e"], ["a", "b", "c"], ["d"]]
    # a lower bound far below a cluster does not join it
    assert len(clusters([_fig(1.6e9), _fig(5e6, "over", doc="b")])) == 2


def test_deepseek_v3_training_cost_is_one_cluster_of_three_sources(report):
    section = report["md"].split("## DeepSeek-V3 · training cost", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| $")]
    assert len(rows) == 1, section
    assert "3 sources agree" in rows[0]
    for doc in ("000_2c6729a57b99834e", "001_9a943a90aaa56d99", "004_52704b31292e15e4"):
        assert f"({doc}.txt" in rows[0]
    assert "DeepSeek-V3 · training cost</b>: $5.57M–$6M — 3 sources" in report["html"]


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_links_every_figure_to_its_article_and_sentence(report):
    parser = _Collect()
    parser.feed(report["html"])
    figs = [a for tag, a in parser.tags if tag == "a" and a.get("class") == "fig"]
    assert figs
    sources = {d["source_path"] for d in report["docs"]}
    for a in figs:
        assert a["href"] in sources
        assert a.get("title")  # the sentence as tooltip
    # the 5.57M figure's sentence is in its tooltip and in the footnotes
    assert any("557万美元" in a["title"] and a["href"] == "000_2c6729a57b99834e.txt" for a in figs)
    assert re.search(r'<li id="n\d+"><a href="000_2c6729a57b99834e.txt">000</a>: DeepSeek的研究人员', report["html"])
    # the chart: inline SVG, log scale, one linked mark per figure
    assert "<svg" in report["html"] and "log scale" in report["html"]
    assert report["html"].count("<a href=") >= len(figs)


def test_html_is_self_contained(report):
    text = report["html"]
    parser = _Collect()
    parser.feed(text)
    assert not any(tag == "script" for tag, _ in parser.tags)
    assert not any(tag == "link" for tag, _ in parser.tags)
    assert not any(tag in ("img", "iframe", "object", "embed") for tag, _ in parser.tags)
    assert not re.search(r"https?://", text)
    assert not re.search(r"url\(", text)
    assert "<style>" in text


def test_markdown_has_the_cluster_links_and_footnotes(report):
    md = report["md"]
    assert "- **DeepSeek-V3 · training cost**: $5.57M–$6M — 3 sources" in md
    assert "[$5.57M](000_2c6729a57b99834e.txt" in md
    notes = re.findall(r"^\[\^(\d+)\]: \[(\d{3})\]\(([^)]+)\) (.+)$", md, re.M)
    assert notes and all(path.endswith(".txt") for _, _, path, _ in notes)
    refs = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    assert refs == {n for n, *_ in notes}
    assert not re.search(r"https?://", md)


def test_report_cli_entry_writes_into_the_folder(report, tmp_path):
    for name in ("claims.jsonl", "documents.jsonl"):
        shutil.copy(report["dir"] / name, tmp_path / name)
    assert {p.name for p in build_report(tmp_path)} == {"report.html", "report.md"}
    assert html.unescape((tmp_path / "report.html").read_text(encoding="utf-8")).count("DeepSeek-V3") >= 1


@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium not installed; see the module docstring for the command")
def test_html_renders_in_headless_chromium(report, tmp_path):
    shot = tmp_path / "report.png"
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,2000",
                    f"--screenshot={shot}", (report["dir"] / "report.html").as_uri()], check=True, timeout=120,
                   capture_output=True)
    assert shot.exists() and shot.stat().st_size > 10_000


# --- Security: article text is data, never markup. -------------------------------------------------------------------

HOSTILE = ('<script>alert(1)</script> <svg onload=alert(2)> <img src=x onerror=alert(3)> [x](javascript:alert(4)) '
           '![i](javascript:alert(5)) <javascript:alert(6)> | *em* `code` # ')


def _rendered_markdown(md: str) -> dict[str, str]:
    """report.md as python-markdown and markdown-it render it (whichever is installed)."""
    out = {}
    try:
        import markdown

        out["python-markdown"] = markdown.markdown(md, extensions=["tables", "footnotes"])
    except ImportError:
        pass
    try:
        from markdown_it import MarkdownIt

        out["markdown-it"] = MarkdownIt("commonmark").enable("table").render(md)
    except ImportError:
        pass
    if not out:
        pytest.skip("no markdown renderer installed")
    return out


def _assert_inert(page: str, where: str) -> None:
    parser = _Collect()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag not in ("script", "svg", "img", "iframe") or (tag == "svg" and where == "report.html"), (where, tag)
        assert not any(name.startswith("on") for name in attrs), (where, tag, attrs)
        for name in ("href", "src"):
            if name in attrs:
                link = attrs[name]
                assert link.startswith("#") or not re.match(r"^(?:[a-z][a-z0-9+.-]*:|/)", link, re.I), (where, link)


def test_report_keeps_hostile_titles_and_sentences_inert(seed_results, tmp_path):
    docs, claims = [], []
    for r in list(seed_results.values())[:3]:
        docs.append({**r.document, "title": HOSTILE + r.document["title"],
                     "source_path": "javascript:alert(7)//" + r.document["source_path"]})
        claims += [{**c, "sentence": HOSTILE + (c["sentence"] or ""), "text": HOSTILE + c["text"]} for c in r.claims]
    (tmp_path / "documents.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    (tmp_path / "claims.jsonl").write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in claims), encoding="utf-8")
    html_path, md_path = build_report(tmp_path)
    md = md_path.read_text(encoding="utf-8")
    assert "alert(1)" in md.replace("\\", "")  # the text is there, as text
    _assert_inert(html_path.read_text(encoding="utf-8"), "report.html")
    for renderer, page in _rendered_markdown(md).items():
        assert "alert(4)" in page.replace("\\", "")
        _assert_inert(page, renderer)
