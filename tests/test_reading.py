"""Reading each input kind and encoding, and telling the script apart."""
from __future__ import annotations

import codecs

import pytest

from extractors.article import ArticleError, process_document
from normalizers.encoding import DecodeError, decode
from normalizers.script import detect_language, detect_script, to_simplified

ZH_HANS = "据报道，该公司使用了2048块英伟达H800芯片，训练成本仅为557.6万美元。"
ZH_HANT = "據報道，該公司使用了2048塊英偉達H800晶片，訓練成本僅為557.6萬美元。"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (ZH_HANS.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ZH_HANS.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ZH_HANS.encode("utf-16-le"), "utf-16"),
        ((ZH_HANS * 3).encode("gb18030"), "gb18030"),
        ((ZH_HANT * 3).encode("big5"), "big5hkscs"),
        ((ZH_HANS + "\n").encode("utf-16-le") * 2, "utf-16-le"),  # Windows "Unicode" export: no BOM
        ((ZH_HANS + "\n").encode("utf-16-be") * 2, "utf-16-be"),
        (codecs.BOM_UTF32_LE + ZH_HANS.encode("utf-32-le"), "utf-32"),
        (codecs.BOM_UTF32_BE + ZH_HANS.encode("utf-32-be"), "utf-32"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "gb18030", "big5", "utf16le-no-bom", "utf16be-no-bom", "utf32le-bom",
         "utf32be-bom"],
)
def test_decodes_each_encoding(data, encoding):
    text, found = decode(data)
    assert found == encoding
    assert "2048" in text and "H800" in text


def _corrupt(data: bytes, every: int, count: int) -> bytes:
    """``data`` with ``count`` of its bytes, ``every`` bytes apart, turned into 0xFF (never a UTF-8 byte)."""
    out = bytearray(data)
    for i in range(count):
        out[every // 2 + i * every] = 0xFF
    return bytes(out)


def _page(charset: str, body: bytes) -> bytes:
    return b'<html><head><meta charset="' + charset.encode() + b'"></head><body><p>' + body + b"</p></body></html>"


# Issue 21: pages that decoded into garbage without a word (2), or were rejected as binary (11).
# (data, encoding found, text that must be in the article, words the warning must hold)
DECODE_WITH_A_WARNING = {
    "big5-declaring-gb2312": (_page("gb2312", (ZH_HANT * 3).encode("big5")), "big5hkscs", ZH_HANT, "declared gb2312"),
    "gb18030-declaring-big5": (_page("big5", (ZH_HANS * 3).encode("gb18030")), "gb18030", ZH_HANS, "declared big5"),
    "short-utf8-6-bad-bytes": (_corrupt(f"{ZH_HANS}\n{ZH_HANS}".encode(), 20, 6), "utf-8", "557.6万美元", "replaced"),
    "short-utf8-html-bad-bytes": (_page("utf-8", _corrupt(ZH_HANS.encode() * 2, 25, 4)), "utf-8", "H800", "replaced"),
}


@pytest.mark.parametrize("data, encoding, kept, warning", DECODE_WITH_A_WARNING.values(), ids=DECODE_WITH_A_WARNING)
def test_a_lying_charset_or_a_few_bad_bytes_decode_with_a_warning(data, encoding, kept, warning):
    suffix = ".html" if data.startswith(b"<html>") else ".txt"
    document = process_document(data, f"page{suffix}").document
    assert document["encoding"].split(" ")[0] == encoding
    assert kept in document["text"] and document["language"] == "zh"
    assert any(warning in w for w in document["warnings"]), document["warnings"]


# What the rules above must not catch: a declaration that fits, text in another encoding that is not UTF-8 at all.
@pytest.mark.parametrize("data, encoding", [
    (_page("gb2312", (ZH_HANS * 3).encode("gb18030")), "gb18030"),
    (_page("big5", (ZH_HANT * 3).encode("big5")), "big5hkscs"),
    (ZH_HANS.encode("gb18030"), "gb18030"),
    (ZH_HANT.encode("big5"), "big5hkscs"),
], ids=["gb2312-true", "big5-true", "short-gb18030", "short-big5"])
def test_a_true_declaration_or_short_legacy_text_is_kept(data, encoding):
    assert decode(data)[1] == encoding


def test_windows_line_endings_become_newlines():
    text, _ = decode("一行\r\n二行\r\n".encode())
    assert text == "一行\n二行\n"


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02\x03" * 50, bytes(range(256)) * 8,
                                  ZH_HANS.encode() + b"\x00" * 4 + ZH_HANS.encode()],
                         ids=["empty", "binary", "all-bytes", "utf8-with-nuls"])
def test_rejects_empty_and_binary(data):
    with pytest.raises(DecodeError):
        decode(data)
    with pytest.raises(ArticleError):
        process_document(data, "x.txt")


HTML = f"""<html><head><title>标题</title><meta property="article:published_time" content="2025-03-01T08:00:00Z"></head>
<body><nav><a href="/">首页</a> | <a href="/a">新闻</a></nav><article><h1>芯片新闻</h1><p>{ZH_HANS}</p></article>
<footer>版权所有 ©2025 花费9999万美元</footer><script>var x = "100万美元";</script></body></html>"""
MARKDOWN = f"""---
title: "芯片新闻"
date: 2025-03-02
---
# 芯片新闻

{ZH_HANS}

[相关链接](https://example.com)
"""
TEXT = (f"首页 > 科技 > 正文\n\n芯片新闻\n\n2025-03-03 10:00 来源：某报\n\n{ZH_HANS}\n\n"
        "相关新闻：\n某公司花费8000万美元收购\n")


@pytest.mark.parametrize(
    "name, content, published",
    [("a.html", HTML, "2025-03-01"), ("b.md", MARKDOWN, "2025-03-02"), ("c.txt", TEXT, "2025-03-03"),
     ("d.htm", HTML, "2025-03-01")],
    ids=["html", "markdown", "text", "htm"],
)
def test_each_input_kind(name, content, published):
    result = process_document(content.encode("utf-8"), name)
    doc = result.document
    assert doc["published"] == published
    assert doc["title"] == "芯片新闻" or doc["title"].startswith("芯片新闻")
    money = [(c["currency"], c["value"]) for c in result.claims if c["kind"] == "money"]
    assert money == [("USD", 5576000.0)]  # chrome amounts (footer, script, related list) are gone
    hardware = [(c["model"], c["count"]) for c in result.claims if c["kind"] == "hardware"]
    assert hardware == [("H800", 2048)]


@pytest.mark.parametrize("date, warning", [
    ("2025-02-30", "not a real date"), ("9999-99-99", "not a real date"),
    ("2025-02-11 10:00:00 +25:00", "not a real date"),
    ("0001-01-01", "outside 1990"),
], ids=["feb-30", "9999", "bad-zone", "year-1"])
def test_a_front_matter_date_that_is_no_real_date_is_ignored_with_a_warning(date, warning):
    result = process_document(f"---\ntitle: t\ndate: {date}\n---\n{ZH_HANS}\n".encode(), "x.md")
    assert result.document["published"] is None
    assert any(warning in w for w in result.warnings), result.warnings
    assert any(c["kind"] == "money" for c in result.claims)


def test_yaml_aliases_are_refused_and_long_metadata_cut():
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))
    result = process_document(f"---\n{bomb}title: *i\n---\n{ZH_HANS}\n".encode(), "x.md")
    assert any("aliases" in w for w in result.warnings) and result.claims
    assert len(result.document["title"] or "") < 1000
    long_title = process_document(f"---\ntitle: {'长' * 5000}\n---\n{ZH_HANS}\n".encode(), "y.md")
    assert len(long_title.document["title"]) == 1000 and any("cut" in w for w in long_title.warnings)


def test_a_chinese_page_drowned_in_script_text_is_chinese():
    script = "var config = {analytics: true, consent: function(a,b){return a+b;}, locale: 'zh-CN'};\n"
    text = "".join(f"{script[:-2]} // v{i}\n" for i in range(60)) + ZH_HANS
    assert detect_language(text) == "zh"
    assert detect_language("Die Firma zahlte 5 Millionen Euro. " * 20 + ZH_HANS) == "de"


def test_broken_front_matter_is_a_warning_not_a_failure():
    content = "---\ntitle: [unclosed\ndate: 2025-01-01\n---\n" + ZH_HANS
    result = process_document(content.encode("utf-8"), "x.md")
    assert result.warnings and "front matter" in result.warnings[0]
    assert any(c["kind"] == "money" for c in result.claims)


@pytest.mark.parametrize(
    "text, language, script",
    [(ZH_HANS, "zh", "Hans"), (ZH_HANT, "zh", "Hant"),
     ("Das Unternehmen hat 6 Millionen Dollar für das Training ausgegeben und nutzte 2048 GPUs.", "de", "Latn")],
    ids=["hans", "hant", "german"],
)
def test_language_and_script(text, language, script):
    assert detect_language(text) == language
    assert detect_script(text, language) == script


def test_simplified_conversion_keeps_length():
    assert len(to_simplified(ZH_HANT)) == len(ZH_HANT)
    assert to_simplified(ZH_HANT).startswith("据报道")


@pytest.mark.parametrize(
    "text, expected",
    [("Das kostete ca. 6 Mio. Euro. Danach kam mehr.", ["Das kostete ca. 6 Mio. Euro.", "Danach kam mehr."]),
     ("Siehe z.B. Nvidia. Die Firma wuchs.", ["Siehe z.B. Nvidia.", "Die Firma wuchs."]),
     ("成本为600万美元。据称“如此。”\n第二行", ["成本为600万美元。", "据称“如此。”", "第二行"]),
     ("Version 3.5 kam. 2024 folgte 4.", ["Version 3.5 kam.", "2024 folgte 4."]),
     ("Stand am 30. September 2025. Im 2. Quartal stieg er. Es waren 12. Danach 2024. Ende.",
      ["Stand am 30. September 2025.", "Im 2. Quartal stieg er.", "Es waren 12.", "Danach 2024.", "Ende."]),
     ("Die Wistron Technology (Malaysia) Sdn. Bhd. in St. Gallen zahlt. Gut.",
      ["Die Wistron Technology (Malaysia) Sdn. Bhd. in St. Gallen zahlt.", "Gut."]),
     ("Die Zahl der Werke stieg auf 12. Malaysia bleibt wichtig.",
      ["Die Zahl der Werke stieg auf 12.", "Malaysia bleibt wichtig."]),
     ("Gebühren aller Art. Nvidia wächst. Nach Art. 5 gilt das.",
      ["Gebühren aller Art.", "Nvidia wächst.", "Nach Art. 5 gilt das."])],
    ids=["de-abbreviations", "de-z.B.", "zh-marks-and-lines", "de-decimal-and-digit-start", "de-ordinals-not-ends",
         "company-and-place-abbreviations", "de-an-ordinal-head-is-a-whole-word", "de-art-before-a-figure-only"],
)
def test_sentence_bounds(text, expected):
    from extractors.sentences import sentence_bounds

    assert [text[a:b] for a, b in sentence_bounds(text)] == expected


def test_only_han_characters_change_to_simplified():
    """to_simplified skips text without Han ideographs: that holds only while OpenCC's table changes nothing else."""
    from normalizers.script import HAN, _t2s_chars

    assert all(HAN.fullmatch(chr(code)) for code in _t2s_chars())
    assert to_simplified("Grüße, 𠀀 und 們") == "Grüße, 𠀀 und 们"
