"""Publication dates (issue 11): one table of small pages and texts, each with the date it states or None.

An HTML case runs as the pipeline will: ``page_dates`` on the parsed page, then ``publication_date`` with those
candidates and a head of every visible line of the page (a "markup" case gives an empty head: what the markup alone
yields). A text case (.txt/.md) has no markup: its head is the
text. Future dates are written with year 2999, which stays after the day the tests run.
"""
from __future__ import annotations

import copy
import datetime as dt

import lxml.etree
import lxml.html
import pytest

from extractors.article import process_document
from extractors.pagedates import page_dates
from normalizers.dates import parse_date_value, publication_date

INVISIBLE = {"script", "style", "noscript", "template", "head", "title"}


def visible_lines(tree: lxml.html.HtmlElement) -> str:
    """Every visible text line of a page in document order (menus included), like the cleaner's head."""
    lines = []
    for text in tree.xpath("//text()"):
        parent = text.getparent()
        if parent is not None and parent.tag not in INVISIBLE and text.strip():
            lines.append(" ".join(text.split()))
    return "\n".join(lines)


def html_date(html: str) -> dt.date | None:
    tree = lxml.html.fromstring(html)
    return publication_date({}, page_dates(tree), visible_lines(tree))


def markup_date(html: str) -> dt.date | None:
    """The date from the page's markup alone (the head left empty)."""
    return publication_date({}, page_dates(lxml.html.fromstring(html)), "")


def text_date(text: str, front_matter: dict | None = None) -> dt.date | None:
    return publication_date(front_matter or {}, (), text)


def page(head: str = "", body: str = "", lang: str = "de") -> str:
    return f"<html lang='{lang}'><head><title>T</title>{head}</head><body>{body}</body></html>"


def gap(kind: str, source: str, expected: str | None, reason: str) -> tuple[str, str, str | None, str]:
    """A known gap: the case with the reason it still fails."""
    return kind, source, expected, reason


RELATED = ("<aside class='related'><ul><li><a href='/a'>A</a> <time datetime='2024-02-01'>1.2.2024</time></li>"
           "<li><a href='/b'>B</a> <time datetime='2024-02-02'>2.2.2024</time></li>"
           "<li><a href='/c'>C</a> <time datetime='2024-02-03'>3.2.2024</time></li></ul></aside>")
LONG_PROSE = "Der Rat hat am 12. Januar 2024 beschlossen, die Regeln zu ändern, und erklärt das ausführlich hier. "

CASES = {
    # --- structured markup ------------------------------------------------------------------------------
    "jsonld-published-not-modified": ("html", page(
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\","
        " \"dateModified\": \"2024-03-09T10:00:00+01:00\","
        " \"datePublished\": \"2024-03-05T10:00:00+01:00\"}</script>", "<h1>Titel</h1><p>Text.</p>"), "2024-03-05"),
    "jsonld-graph-nested": ("html", page(
        "<script type='application/ld+json'>{\"@context\": \"https://schema.org\","
        " \"@graph\": [{\"@type\": \"WebSite\"},"
        " {\"@type\": [\"Article\"], \"dateModified\": \"2024-04-01\", \"datePublished\": \"2024-03-05\"}]}</script>"),
        "2024-03-05"),
    "jsonld-broken-json-still-read": ("html", page(
        "<script type='application/ld+json'>{\"datePublished\": \"2024-03-05T08:00:00+01:00\",}</script>"),
        "2024-03-05"),
    "meta-published-vs-modified": ("html", page(
        "<meta property='article:modified_time' content='2024-03-09T10:00:00+01:00'>"
        "<meta property='article:published_time' content='2024-03-05T10:00:00+01:00'>"), "2024-03-05"),
    "meta-only-modified-is-no-date": ("html", page(
        "<meta property='article:modified_time' content='2024-03-09T10:00:00+01:00'>", "<h1>Titel</h1>"), None),
    "meta-utc-late-evening-is-next-local-day-de": ("html", page(
        "<meta property='article:published_time' content='2022-11-06T23:00:00.000Z'>"), "2022-11-07"),
    "meta-utc-afternoon-is-next-local-day-zh": ("html", page(
        "<meta property='article:published_time' content='2024-03-04T17:00:00Z'>", lang="zh-CN"), "2024-03-05"),
    "meta-offset-keeps-written-day": ("html", page(
        "<meta name='parsely-pub-date' content='2022-12-20T23:30:00-05:00'>"), "2022-12-20"),
    "time-datetime-without-pubdate-near-headline": ("html", page(body=(
        "<article><header><h1>Titel</h1><time datetime='2024-03-05T09:00:00+01:00'>5. März 2024</time></header>"
        "<p>Text.</p></article>" + RELATED)), "2024-03-05"),
    "time-in-related-list-ignored": ("markup", page(body="<h1>Titel</h1><p>Text ohne Datum.</p>" + RELATED), None),
    "itemprop-datepublished-element": ("html", page(body=(
        "<h1>Titel</h1><span itemprop='datePublished' content='2024-03-05'>5.3.2024</span>"
        "<span itemprop='dateModified' content='2024-03-09'>9.3.2024</span>")), "2024-03-05"),
    "shown-publish-date-beats-meta": ("html", page(
        "<meta property='article:published_time' content='2021-11-22T17:42:22Z'>",
        "<h1>Titel</h1><div class='ContentHeaderPublishDate'>1. Januar 2023</div>"), "2023-01-01"),
    "url-date-low-trust": ("html", page(
        "<link rel='canonical' href='https://example.org/2010/05/19/titel/'>", "<h1>Titel</h1>"), "2010-05-19"),
    "dateline-beats-url-date": ("html", page(
        "<link rel='canonical' href='https://example.org/2010/05/19/titel/'>",
        "<h1>Titel</h1><p>Veröffentlicht am 20.05.2010</p>"), "2010-05-20"),
    "own-teaser-in-list": ("html", page(
        "<meta property='og:url' content='https://example.org/politik/der-titel-des-artikels-123'>",
        "<h1>Titel</h1><p>Text.</p><div class='list'><div><h2><a href='/politik/der-titel-des-artikels-123'>Titel</a>"
        "</h2><span>18. März 2020</span></div><div><h2><a href='/politik/anderes-456'>Anders</a></h2>"
        "<span>17. März 2020</span></div></div>"), "2020-03-18"),
    "labelled-text-in-page-footer": ("html", page(body=(
        "<div id='main'><h2><a href='/x'>很高兴入住博客堂</a></h2><p>正文。</p>"
        "<p class='postfoot'>发表于 2004年12月27日 12:40 - (阅读:3727)</p></div>"), lang="zh-CN"), "2004-12-27"),
    "script-data-publication-key": ("html", page(body=(
        "<h1>Kaffee</h1>"
        "<script>var meta = {\"product\": {\"published_at\": \"2019-03-02T06:22:28+01:00\"}};</script>")),
        "2019-03-02"),
    # --- update date vs publication date ----------------------------------------------------------------
    "de-byline-update-before-publication": ("text", "Aktualisiert am 06.03.2024 · Veröffentlicht am 05.03.2024\n"
                                            + LONG_PROSE, "2024-03-05"),
    "de-update-line-then-publication-line": ("text", "Zuletzt geändert: 09.03.2024\nErschienen am 05.03.2024",
                                             "2024-03-05"),
    "de-update-only-is-kept": ("text", "Aktualisiert am 06.03.2024\n" + LONG_PROSE, "2024-03-06"),
    "zh-hans-update-vs-publish": ("text", "更新时间：2024-03-06 10:00 发布时间：2024-03-05 09:00", "2024-03-05"),
    "zh-hant-update-vs-publish": ("text", "更新時間：2024-03-06 10:00\n發佈時間：2024-03-05 09:00", "2024-03-05"),
    "markup-revision-label-only-is-kept": ("markup", page(body=(
        "<h1>Titel</h1><p>Text.</p><div><label>Letzte Änderung:</label><div>14.01.2022 um 09:25</div></div>")),
        "2022-01-14"),
    "markup-revision-label-loses-to-publication-label": ("markup", page(body=(
        "<h1>Titel</h1><p>Text.</p><p>Letzte Änderung: 06.03.2024</p><p>Veröffentlicht am 05.03.2024</p>")),
        "2024-03-05"),
    "de-changed-verb-after-date": ("text", "Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.\n"
                                   "Veröffentlicht am 05.01.2020", "2020-01-05"),
    "meta-modified-class-not-read": ("html", page(body=(
        "<h1>Titel</h1><span class='updated'>9.3.2024</span><span class='entry-date'>5.3.2024</span>")), "2024-03-05"),
    # --- Traditional Chinese datelines (Taiwan, Hong Kong) ------------------------------------------------
    "tw-bracket-reporter-dateline": ("text", "首頁 > 財經\n【記者王小明／台北報導】2024年3月5日\n台積電今日宣布……",
                                     "2024-03-05"),
    "tw-reporter-line-below-date": ("text", "2024/03/05 14:20\n（中央社記者王小明台北5日電）台積電今日宣布……",
                                    "2024-03-05"),
    "tw-cna-dateline-month-year-from-page": ("text", "（中央社記者王小明台北5日電）台積電今日宣布……\n2024年3月",
                                             "2024-03-05"),
    "tw-cna-dateline-month-year-from-byline": ("text",
                                               "2024/03/04 23:50\n（中央社記者王小明台北5日電）台積電今日宣布……",
                                               "2024-03-05"),
    "hk-date-weekday-place-report": ("text", "港聞\n2024年3月5日 星期二 香港\n本報記者報道：特區政府今日……",
                                     "2024-03-05"),
    "hk-publish-label-traditional": ("text", "發布時間：2024-03-05 10:21\n來源：明報", "2024-03-05"),
    # --- Simplified Chinese datelines ---------------------------------------------------------------------
    "zh-source-line": ("text", "首页 > 新闻\n2024-03-05 10:21 来源：新华网\n正文……", "2024-03-05"),
    "zh-sohu-compact-byline": ("text", "AUTO.SOHU.COM 2005年05月13日14:15", "2005-05-13"),
    "zh-xinhua-dateline-year-from-page": ("text", "新华社北京3月5日电（记者张三）……\n© 2024年 新华网", "2024-03-05"),
    "zh-yearless-dateline-without-any-year": ("text", "新华社北京3月5日电（记者张三）……", None),
    "zh-dateline-across-year-end": ("text", "新华社北京12月31日电（记者张三）……\n2025-01-01 08:00", "2024-12-31"),
    "tw-day-only-dateline-across-month-end": ("text", "2024/03/01 00:30\n（中央社記者王小明台北29日電）", "2024-02-29"),
    "zh-reported-in-prose-is-no-byline": ("text", "滚石公司就歌手陈升2002年6月27日凌晨被袭。"
                                          "据报道，其是在喝酒时被人用酒瓶砸伤的，经过两年诉讼，"
                                          "法官判决打人者五年八个月徒刑，此案至今仍被娱乐圈议论不休。", None),
    # --- German bylines -----------------------------------------------------------------------------------
    "de-veroeffentlicht-am": ("text", "Startseite\nVeröffentlicht am 05.03.2024\n" + LONG_PROSE, "2024-03-05"),
    "de-stand-uhr": ("text", "Stand: 05.03.2024 14:20 Uhr\n" + LONG_PROSE, "2024-03-05"),
    "de-month-name": ("text", "5. März 2024\n" + LONG_PROSE, "2024-03-05"),
    "de-von-author-bar": ("text", "Von Anna Muster | 05.03.2024, 08:00 Uhr\n" + LONG_PROSE, "2024-03-05"),
    "de-dateline-opens-paragraph": ("text", "27.1.2022 - Bei der Erinnerung an die Verfolgten des NS-Regimes in "
                                    "Deutschland waren queere Opfer oft unsichtbar, was erst recht galt.",
                                    "2022-01-27"),
    "de-two-digit-year-byline": ("text", "Kolumne\n23.09.22\n" + LONG_PROSE, "2022-09-23"),
    "de-davon-is-no-von-cue": ("text", "Ab dem 7. April 2023 gilt die Regel. Der Gesetzgeber geht davon aus, dass das "
                               "reicht und niemand widerspricht, was die Verbände aber anders sehen werden.", None),
    "de-forum-join-date-skipped": ("text", "Registriert: 18.09.2008, 05:56\nBeitrag von r23 » 21.01.2009, 05:42",
                                   "2009-01-21"),
    "de-reader-clock-skipped": ("text", "Aktuelle Zeit: 14.10.2020, 12:18\nBeitrag von r23 » 21.01.2009, 05:42",
                                "2009-01-21"),
    "de-header-clock-without-cue": gap("text",
                                       "Donnerstag, 16. Februar 2012\nStartseite\n14. Februar 2012\n" + LONG_PROSE,
                                       "2012-02-14", "a site's clock in the page header, with no cue word, reads like "
                                       "a byline date above the article's own"),
    "us-month-first-when-unambiguous": ("text", "9/17/2004 5:54:13 AM", "2004-09-17"),
    # --- what is never a publication date ---------------------------------------------------------------
    "future-date-rejected": ("text", "Veröffentlicht am 05.03.2999\n" + LONG_PROSE, None),
    "future-meta-rejected-next-candidate-wins": ("html", page(
        "<meta property='article:published_time' content='2999-03-05T10:00:00+01:00'>",
        "<h1>Titel</h1><p>Veröffentlicht am 05.03.2024</p>"), "2024-03-05"),
    "invalid-date-ignored": ("html", page(
        "<meta property='article:published_time' content='2025-02-30T10:00:00+01:00'>",
        "<h1>Titel</h1><p>Stand: 30.02.2025</p>"), None),
    "relative-dates-ignored": ("text", "vor 4 Stunden\n4小时前\ngestern, 14:20 Uhr\n昨天 10:00", None),
    "copyright-year-is-no-date": ("text", "© 2023 Verlag GmbH\nCopyright 2004-2008 All rights reserved", None),
    "no-date": ("html", page(body="<h1>Titel</h1><p>Ein Text ohne jedes Datum.</p>"), None),
    "front-matter-wins": ("front", "Veröffentlicht am 06.03.2024", "2024-03-05"),
}


def params() -> list:
    out = []
    for name, (kind, source, expected, *reason) in CASES.items():
        marks = [pytest.mark.xfail(strict=True, reason=reason[0])] if reason else []
        out.append(pytest.param(kind, source, expected, marks=marks, id=name))
    return out


@pytest.mark.parametrize("kind, source, expected", params())
def test_publication_date(kind: str, source: str, expected: str | None) -> None:
    if kind == "html":
        found = html_date(source)
    elif kind == "markup":
        found = markup_date(source)
    elif kind == "front":
        found = text_date(source, {"date": dt.date(2024, 3, 5)})
    else:
        found = text_date(source)
    assert (found.isoformat() if found else None) == expected


def test_page_dates_leaves_the_tree_unchanged() -> None:
    tree = lxml.html.fromstring(page(
        "<script type='application/ld+json'>{\"datePublished\": \"2024-03-05\"}</script>",
        "<article><h1>Titel</h1><time datetime='2024-03-05'>5. März 2024</time><p>Text.</p></article>" + RELATED))
    before = lxml.html.tostring(copy.deepcopy(tree))
    assert page_dates(tree)[0] == "2024-03-05"
    assert lxml.html.tostring(tree) == before


def test_page_dates_reads_a_tree_from_the_plain_etree_parser() -> None:
    tree = lxml.etree.fromstring(page(body="<h1>Titel</h1><p class='byline'>Veröffentlicht am 05.03.2024</p>"),
                                 lxml.etree.HTMLParser())
    assert page_dates(tree) == ("2024-03-05",)


@pytest.mark.parametrize("value, expected", [
    ("5th of March, 2024", "2024-03-05"), ("05-Mar-2024", "2024-03-05"),
    ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
    ("5 days ago", None), ("vor 3 Tagen", None), ("Tue Jan 28 15:28:56 CET 2020", "2020-01-28"),
    ("15 Berlinale-Filme für den Amnesty-Filmpreis 2022 nominiert", None),
], ids=["ordinal-words", "day-month-abbrev-year", "rfc-2822", "relative-en", "relative-de", "unix-date",
        "a-headline-with-a-year-is-no-date"])
def test_markup_values_in_other_forms(value: str, expected: str | None) -> None:
    found = parse_date_value(value)
    assert (found.isoformat() if found else None) == expected


# Plain-text dumps of web pages that open with a metadata header (issue 19): the date comes from it, the page's
# address serves the URL date rule, and no header line ends up in the title or the text.
DUMP_TEXT = ("Der Chiphersteller hat im dritten Quartal deutlich mehr umgesetzt als erwartet, vor allem wegen der "
             "starken Nachfrage nach Rechenzentren.")
ZH_TEXT = "据悉，该公司今年在数据中心业务上的投入超过了去年全年的总和，主要用于采购新一代的计算芯片和扩建机房。"
HANT_TEXT = "據悉，該公司今年在數據中心業務上的投入超過了去年全年的總和，主要用於採購新一代的計算晶片和擴建機房。"
DUMP_CASES = [
    pytest.param(f"url: https://example.com/a/1\ndate: 2024-05-23\n\n{DUMP_TEXT}", "2024-05-23",
                 id="url-colon-date-colon"),
    pytest.param(f"URL https://example.com/a/1\ndate 2024-05-23\n\n{DUMP_TEXT}", "2024-05-23", id="url-date-no-colon"),
    pytest.param(f"Quelle: https://example.de/a\nDatum: 23.05.2024\n{DUMP_TEXT}", "2024-05-23", id="quelle-datum-de"),
    pytest.param(f"Quelle: https://example.de/a\nVeröffentlicht am 23. Mai 2024\n{DUMP_TEXT}", "2024-05-23",
                 id="veroeffentlicht-am-de"),
    pytest.param(f"来源：https://example.cn/a\n日期：2024年5月23日\n{ZH_TEXT}", "2024-05-23",
                 id="laiyuan-riqi-zh-hans"),
    pytest.param(f"来源：https://example.cn/a\n发布时间：2024-05-23 10:15\n{ZH_TEXT}", "2024-05-23",
                 id="fabu-shijian-zh-hans"),
    pytest.param(f"來源：https://example.tw/a\n發布時間：2024/05/23 10:15\n{HANT_TEXT}", "2024-05-23",
                 id="fabu-shijian-zh-hant"),
    pytest.param(f"url: https://example.com/news/2024/05/23/chips\n\n{DUMP_TEXT}", "2024-05-23",
                 id="header-url-gives-the-url-date"),
    pytest.param(f"URL https://example.com/a\n date 2024-05-23 {DUMP_TEXT}", "2024-05-23",
                 id="date-label-glued-to-first-paragraph"),
    pytest.param(f"URL https://example.com/a\n date 2024-05-23 鉅亨網新聞中心 2024-05-24 04:30\n{HANT_TEXT}",
                 "2024-05-24", id="glued-label-yields-to-the-byline"),
    pytest.param(f"Date night: Warum Paare 2024 mehr ausgeben\n{DUMP_TEXT}", None,
                 id="a-title-starting-with-date-is-text"),
]


@pytest.mark.parametrize("source, expected", DUMP_CASES)
def test_text_dump_header(source: str, expected: str | None) -> None:
    doc = process_document(source.encode(), "dump.txt").document
    assert doc["published"] == expected
    header = [line for line in source.splitlines()[:2] if "http" in line or "date" in line.lower() and expected]
    for line in header:
        assert line.strip() not in (doc["title"] or ""), doc["title"]
        assert line.strip() not in doc["text"]
    assert doc["text"].startswith(("Der Chiphersteller", "据悉", "據悉", "鉅亨網", "Date night"))
