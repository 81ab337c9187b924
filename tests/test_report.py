"""The cross-source report built from the seeds' outputs (pure core per seed, no Prefect).

Rendering check: with Chromium installed the HTML is rendered headless to a screenshot::

    chromium --headless --no-sandbox --disable-gpu --window-size=1280,2000 \\
        --screenshot=/tmp/report.png file:///path/to/outputs/report.html

twice: with the machine's fonts, and with every font that has Han glyphs hidden from fontconfig. The screenshots
must differ (the report's Chinese text is drawn with a CJK font, not as missing-glyph boxes), while a Latin-only
page gives the same pixels both ways (the difference is the Han text). Without Chromium that test is skipped;
``.ci/run`` installs it and a CJK font (Debian: chromium, fonts-wqy-zenhei) when they are missing.
"""
from __future__ import annotations

import csv
import html
import json
import os
import re
import shutil
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reports.build import CSS, Figure, build_report, clusters

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _write(out: Path, docs: list[dict], claims: list[dict]) -> None:
    """The outputs a run leaves in ``out``: documents.jsonl and claims.jsonl."""
    for name, rows in (("documents.jsonl", docs), ("claims.jsonl", claims)):
        (out / name).write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


@pytest.fixture(scope="module")
def report(seed_results, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    docs = [r.document for r in seed_results.values()]
    claims = [c for r in seed_results.values() for c in r.claims]
    _write(out, docs, claims)
    paths = build_report(out)
    assert [p.name for p in paths] == ["report.html", "report.md", "summary.csv"]
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
    assert re.search(r'<li id="n\d+"><a href="000_2c6729a57b99834e.txt">新研究：DeepSeek仅硬件成本就超过5亿美元</a>: '
                     r'DeepSeek的研究人员', report["html"])
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
    notes = re.findall(r"^\[\^(\d+)\]: \[([^\]]+)\]\(([^)]+)\) (.+)$", md, re.M)
    assert notes and all(path.endswith(".txt") for _, _, path, _ in notes)
    refs = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    assert refs == {n for n, *_ in notes}
    assert not re.search(r"https?://", md)


def test_report_cli_entry_writes_into_the_folder(report, tmp_path):
    for name in ("claims.jsonl", "documents.jsonl"):
        shutil.copy(report["dir"] / name, tmp_path / name)
    assert {p.name for p in build_report(tmp_path)} == {"report.html", "report.md", "summary.csv"}
    assert html.unescape((tmp_path / "report.html").read_text(encoding="utf-8")).count("DeepSeek-V3") >= 1


def _pixels(png: Path) -> bytes:
    """The PNG's image data, decompressed (equal pixels give equal bytes from the same encoder)."""
    data, pos, idat = png.read_bytes(), 8, b""
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        if data[pos + 4:pos + 8] == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return zlib.decompress(idat)


def _render(page: Path, shot: Path, env: dict[str, str], size: str = "1280,2000") -> bytes:
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size={size}", f"--screenshot={shot}", page.as_uri()],
                   check=True, timeout=120, capture_output=True, env=env)
    return _pixels(shot)


@pytest.fixture(scope="module")
def without_han_fonts(tmp_path_factory) -> dict[str, str]:
    """An environment whose fontconfig is the machine's minus every font with Han glyphs."""
    han = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=True).stdout
    files = sorted({line.rsplit(":", 1)[0].strip() for line in han.splitlines() if line.strip()})
    assert files, "no font with Han glyphs is installed: Chinese text renders as boxes (install fonts-wqy-zenhei)"
    folder = tmp_path_factory.mktemp("fontconfig")
    rejected = "".join(f"<glob>{html.escape(f)}</glob>" for f in files)
    (folder / "fonts.conf").write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<selectfont><rejectfont>{rejected}</rejectfont></selectfont>"
        f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(folder / "fonts.conf")}
    assert not subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, env=env).stdout.strip()
    return env


@pytest.mark.slow  # two headless Chromium runs
@pytest.mark.skipif(not CHROMIUM, reason="chromium not installed (.ci/run installs chromium and fonts-wqy-zenhei)")
def test_html_renders_han_text_with_glyphs_in_headless_chromium(report, tmp_path, without_han_fonts):
    page = report["dir"] / "report.html"
    assert "中" in report["html"] or "國" in report["html"]
    with_fonts = _render(page, tmp_path / "fonts.png", dict(os.environ))
    boxes = _render(page, tmp_path / "boxes.png", without_han_fonts)
    assert with_fonts != boxes, "the report's Han text renders as missing-glyph boxes: no CJK font reached Chromium"
    # control: a page without Han text is drawn identically both ways, so the difference above is the Han glyphs
    latin = tmp_path / "latin.html"
    latin.write_text(f"<!DOCTYPE html><meta charset=utf-8><style>{CSS}</style>"
                     "<p>DeepSeek-V3 · training cost: $5.57M</p>", encoding="utf-8")
    assert _render(latin, tmp_path / "l1.png", dict(os.environ), "600,120") == \
        _render(latin, tmp_path / "l2.png", without_han_fonts, "600,120")


def test_hardware_section_shows_models_counts_and_clusters(report):
    md, page = report["md"], report["html"]
    assert "## Hardware: models and counts" in md and 'id=hardware' in page
    assert re.search(r"^\| H800 \| NVIDIA \| \d+ \| \d+ \| .*2,048", md, re.M)
    section = md.split("### DeepSeek · H800", 1)[1].split("\n### ", 1)[0]
    # 2048 and "2000～3000块" agree, as money bounds do (markdown syntax in cells is escaped: report security)
    assert "| 2,048 \\(2 sources agree\\) |" in section
    assert "(004_52704b31292e15e4.txt" in section and "(002_944b129badab33ae.txt" in section


def test_summary_csv_has_a_row_per_subject_topic_and_cluster(report):
    with (report["dir"] / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["subject", "topic", "change", "cluster", "min_usd", "max_usd", "sources", "source_names"]
    keys = [(r["subject"], r["topic"], r["change"], r["cluster"]) for r in rows]
    assert len(keys) == len(set(keys))
    row = next(r for r in rows if r["subject"] == "DeepSeek-V3" and r["topic"] == "training_cost")
    assert float(row["min_usd"]) == pytest.approx(5.57e6, rel=0.01) and float(row["max_usd"]) == pytest.approx(6e6)
    assert row["sources"] == "3" and row["source_names"].count("; ") == 2 and "DeepSeek" in row["source_names"]


def test_css_names_fonts_with_han_glyphs():
    for family in ("Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei"):
        assert f'"{family}"' in CSS


def _scaled_outputs(seed_results, out: Path, copies: int) -> None:
    """``copies`` × the seeds as differently named articles, amounts varied a little per copy (as many sources state
    close, often identical figures), every other claim kept (~8 an article, as in bench/'s corpus): 10,000 articles
    without running the pipeline."""
    docs, claims = [], []
    for i in range(copies):
        factor = 1 + (i % 4) / 100
        for r in seed_results.values():
            doc_id = f"{i:05d}{r.document['doc_id'][3:]}"
            docs.append({**r.document, "doc_id": doc_id, "source_path": f"{doc_id}.txt", "text": ""})
            for c in r.claims[i % 2::2]:
                scaled = {k: (v * factor if isinstance(v, float) and k.startswith("usd") else v) for k, v in c.items()}
                claims.append({**scaled, "doc_id": doc_id, "source_path": f"{doc_id}.txt"})
    _write(out, docs, claims)


@pytest.mark.slow
def test_report_on_10000_articles_stays_small_and_readable(seed_results, tmp_path, request):
    _scaled_outputs(seed_results, tmp_path, 2000)
    html_path, md_path, csv_path = build_report(tmp_path)
    page = html_path.read_text(encoding="utf-8")
    assert len(page.encode()) < 3_000_000 and md_path.stat().st_size < 3_000_000
    assert "10000 articles" in page and "Hardware: models and counts" in page
    parser = _Collect()
    parser.feed(page)
    # no table wider than the page: a fixed few columns, never one per source
    header_cells = re.findall(r"<table><tr>(.*?)</tr>", page)
    assert header_cells and max(row.count("<th") for row in header_cells) <= 5
    # identical figures are counted, not repeated: no line states the same amount twice
    for item in re.findall(r"<li><b>.*? sources \((.*?)\)</li>", page):
        amounts = [a.split(" ×")[0] for a in html.unescape(item).split(", ") if not a.endswith("more amounts")]
        assert amounts and len(amounts) == len(set(amounts)), item
    assert "×2000" in page or "×1000" in page or "×500" in page
    assert "<details>" in page  # the rest collapsed
    with csv_path.open(encoding="utf-8-sig") as fh:
        assert sum(1 for _ in fh) > 10
    if CHROMIUM:  # and its Han text is drawn with glyphs, as the seeds' report's is
        boxes = _render(html_path, tmp_path / "boxes.png", request.getfixturevalue("without_han_fonts"))
        assert _render(html_path, tmp_path / "fonts.png", dict(os.environ)) != boxes


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
    _write(tmp_path, docs, claims)
    html_path, md_path, _ = build_report(tmp_path)
    md = md_path.read_text(encoding="utf-8")
    assert "alert(1)" in md.replace("\\", "")  # the text is there, as text
    _assert_inert(html_path.read_text(encoding="utf-8"), "report.html")
    for renderer, page in _rendered_markdown(md).items():
        assert "alert(4)" in page.replace("\\", "")
        _assert_inert(page, renderer)


def test_summary_csv_cells_never_start_a_formula(seed_results, tmp_path):
    import csv

    docs, claims = [], []
    for r in list(seed_results.values())[:3]:
        doc_id = '=HYPERLINK("http://x",' + r.document["doc_id"]  # a file and a title written like a formula
        docs.append({**r.document, "doc_id": doc_id, "title": doc_id, "source_path": doc_id + ".txt"})
        claims += [{**c, "doc_id": doc_id} for c in r.claims]
    _write(tmp_path, docs, claims)
    *_, csv_path = build_report(tmp_path)
    rows = list(csv.reader(csv_path.open(encoding="utf-8-sig")))
    assert len(rows) > 1 and any("'=HY" in cell for row in rows for cell in row)
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@")]



# --- What a reader trusts: labels that tell sources apart, marks that read apart, each amount once, no level that was
# never stated, and amounts below zero drawn (issue 20). ---------------------------------------------------------------


def _folder(root: Path) -> Path:
    """A folder like a user's: 1,000 text dumps a00000.txt … a00999.txt (no titles), Jekyll posts named
    YYYY-MM-DD-slug.md (two with the same title), and losses written with a minus sign in both languages."""
    root.mkdir()
    for i in range(1000):  # text dumps whose first line, their title, is the same newsletter heading
        amount = 100 + i % 7
        (root / f"a{i:05d}.txt").write_text(f"英伟达简讯\n英伟达的训练成本为{amount}万美元，营收为30亿美元。\n",
                                            encoding="utf-8")
    (root / "c-thrice.txt").write_text("DeepSeek简讯\nDeepSeek的训练成本为557.6万美元。报道称训练成本为557.6万美元。"
                                       "论文也说训练成本为557.6万美元。\n", encoding="utf-8")
    posts = {
        "2024-05-02-nvidia-quartal.md": ("Nvidia im Quartal", "Nvidia meldete einen Umsatz von 26 Milliarden Dollar."),
        "2024-05-03-nvidia-quartal.md": ("Nvidia im Quartal",
                                         "Nvidia meldete einen Umsatz von 26,1 Milliarden Dollar."),
        "2024-05-04-verlust.md": ("Verlust", "Das Start-up Aleph Alpha meldete einen Verlust von -50 Millionen Euro."),
    }
    for name, (title, body) in posts.items():
        (root / name).write_text(f"---\ntitle: {title}\ndate: 2024-05-02\n---\n{body}\n", encoding="utf-8")
    (root / "b-loss.txt").write_text("寒武纪今年上半年营收为6.5亿元。归属于上市公司股东的净利润为-3.10亿元，"
                                     "该公司亏损-5000万美元。\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def big_report(tmp_path_factory):
    from extractors.article import doc_ids, process_document

    root = _folder(tmp_path_factory.mktemp("in") / "articles")
    out = tmp_path_factory.mktemp("big")
    paths = sorted(p.name for p in root.iterdir())
    ids = doc_ids(paths)
    results = [process_document((root / p).read_bytes(), p, ids[p]) for p in paths]
    _write(out, [r.document for r in results], [c for r in results for c in r.claims])
    html_path, md_path, csv_path = build_report(out)
    return {"dir": out, "html": html_path.read_text(encoding="utf-8"), "md": md_path.read_text(encoding="utf-8"),
            "csv": csv_path, "results": results}


def test_source_labels_are_readable_and_distinct(big_report):
    from reports.build import _Report

    rep = _Report(big_report["dir"], None)
    labels = {d: rep.source_name(d) for d in rep.docs}
    assert len(set(labels.values())) == len(labels) == 1005
    # not "a00" for all of them: one title, so each gets its file name
    assert labels["a00000"] == "英伟达简讯 (a00000.txt)" and labels["a00999"] == "英伟达简讯 (a00999.txt)"
    jekyll = {d: label for d, label in labels.items() if d.startswith("2024")}
    assert jekyll["2024-05-04-verlust"] == "Verlust"  # the title, not "202"
    # two posts with one title: each gets its file name
    assert sorted(v for k, v in jekyll.items() if "quartal" in k) == [
        "Nvidia im Quartal (2024-05-02-nvidia-quartal.md)", "Nvidia im Quartal (2024-05-03-nvidia-quartal.md)"]
    assert ">a00<" not in big_report["html"] and ">202<" not in big_report["html"]


def test_footnote_marks_are_separated(big_report):
    assert not re.search(r"</sup><sup>", big_report["html"])
    sups = re.findall(r"<sup>(.*?)</sup>", big_report["html"])
    assert any(sup.count("<a ") > 1 and "</a>,<a " in sup for sup in sups)
    assert not re.search(r"\[\^\d+\]\[\^\d+\]", big_report["md"])  # [^8],[^9], never [^8][^9]


def test_amounts_below_zero_are_drawn_on_an_axis_of_their_own(big_report):
    page = big_report["html"]
    assert "amounts of zero or less" in page and "below zero" in page
    svg = page[page.index("<svg"): page.index("</svg>")]
    assert "−$" in svg  # the left axis's ticks
    # each loss is a mark on the chart and a figure in a section marked below zero, with its sign
    assert "Cambricon · profit (below zero)" in page and "−$46.6M" in page
    assert "Aleph Alpha · loss (below zero)" in page or "Aleph Alpha · other (below zero)" in page
    marks = re.findall(r'<a href="[^"]+"><title>([^<]*)</title><(?:circle|polygon|line)', svg)
    assert any("-3.10亿元" in html.unescape(m) for m in marks)
    assert any("-50 Millionen Euro" in html.unescape(m) for m in marks)
    with big_report["csv"].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert any(float(r["max_usd"]) < 0 for r in rows if r["max_usd"])


def test_each_amount_is_counted_once_and_a_change_is_not_a_level(seed_results, tmp_path):
    """The seeds' 6143億美元 (市值蒸發) and its restatement 4.8萬億港元: one figure, shown as a decrease."""
    claims = [c for r in seed_results.values() for c in r.claims]
    _write(tmp_path, [r.document for r in seed_results.values()], claims)
    build_report(tmp_path)
    page = html.unescape((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert "Nvidia · market value (decrease)" in page
    assert "Nvidia · market value</" not in page and "Nvidia · market value:" not in page
    assert "4.8萬億港元 ·" not in page  # the restatement is never a figure of its own
    assert "几十亿美元" not in page.split("<h2>Sentences</h2>")[0]  # the analogy is left out, and said so
    assert "hypothetical figure" in page


def _readme_sql() -> str:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    return re.search(r"```sql\n(.+?)\n```", readme, re.S).group(1)


def test_readme_duckdb_example_counts_each_amount_once(seed_results, tmp_path):
    claims = [c for r in seed_results.values() for c in r.claims]
    _write(tmp_path, [], claims)
    sql = _readme_sql()
    assert "equivalent_of IS NULL" in sql
    duckdb = pytest.importorskip("duckdb")
    query = sql.replace("outputs/claims.jsonl", str(tmp_path / "claims.jsonl"))
    rows = duckdb.sql(query.split(";")[0]).fetchall()
    once = [c for c in claims if c["kind"] == "money" and c["equivalent_of"] is None and not c["hypothetical"]]
    assert len(rows) == len(once) and len(once) < sum(1 for c in claims if c["kind"] == "money")


@pytest.mark.skipif(not CHROMIUM, reason="chromium not installed (.ci/run installs chromium and fonts-wqy-zenhei)")
def test_the_folders_report_renders_in_headless_chromium(big_report, tmp_path, without_han_fonts):
    page = big_report["dir"] / "report.html"
    with_fonts = _render(page, tmp_path / "fonts.png", dict(os.environ))
    assert with_fonts != _render(page, tmp_path / "boxes.png", without_han_fonts)


def test_an_article_without_a_title_is_labelled_by_its_file_name():
    from reports.build import _labels

    docs = {"a": {"title": None, "source_path": "x/a00001.txt"}, "b": {"title": "", "source_path": "y/a00001.txt"},
            "c": {"title": "Nvidia", "source_path": "2024-01-01-nvidia.md"}}
    labels = _labels(docs)
    assert labels["c"] == "Nvidia" and len(set(labels.values())) == 3
    assert labels["a"] == "x/a00001.txt" and labels["b"] == "y/a00001.txt"  # one file name twice: their paths
