"""Generate a synthetic news corpus for benchmarks and scale tests.

``python -m bench.corpus OUT_DIR [--n 2000] [--seed 0]`` writes N articles in zh-Hans, zh-Hant and German,
as .html, .md and .txt, each with money and hardware mentions and page chrome (navigation, share bars,
related links, copyright). Deterministic for a given seed. Also usable as ``generate(out_dir, n, seed)``.
"""
from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

COMPANIES = {
    "zh-Hans": ["深度求索", "阿里巴巴", "腾讯", "百度", "字节跳动", "华为", "智谱", "月之暗面"],
    "zh-Hant": ["台積電", "鴻海", "聯發科", "廣達", "華碩", "緯創", "英業達", "宏碁"],
    "de": ["Aleph Alpha", "SAP", "Siemens", "Deutsche Telekom", "Infineon", "Bosch", "Black Forest Labs", "DeepL"],
}
HARDWARE = {
    "zh-Hans": ["{n}块英伟达H100 GPU", "{n}张H800显卡", "{n}颗昇腾910B芯片", "{n}块A100"],
    "zh-Hant": ["{n}顆輝達H100晶片", "{n}張H200顯示卡", "{n}台GB200伺服器", "{n}顆A100"],
    "de": ["{n} Nvidia-H100-GPUs", "{n} H200-Grafikprozessoren", "{n} A100-Beschleuniger", "{n} B200-Chips"],
}
MONEY = {
    "zh-Hans": ["{a}亿元人民币", "{a}万美元", "{a}亿美元", "约{a}亿元"],
    "zh-Hant": ["新台幣{a}億元", "{a}億美元", "約{a}萬美元", "{a}億新台幣"],
    "de": ["{a} Millionen Euro", "{a} Milliarden US-Dollar", "rund {a} Millionen Dollar", "{a} Mrd. Euro"],
}
SENTENCES = {
    "zh-Hans": [
        "{co}宣布投资{money}建设新的数据中心，计划部署{hw}。",
        "据知情人士透露，{co}去年在人工智能研发上花费了{money}。",
        "分析师认为，{co}的训练成本远高于公开数字，实际采购了{hw}。",
        "该公司表示，新一轮融资金额为{money}，估值大幅上升。",
        "业内人士指出，国产芯片的供应仍然紧张，价格持续上涨。",
        "{co}的发言人拒绝就此事置评。",
    ],
    "zh-Hant": [
        "{co}宣布斥資{money}擴建先進封裝產能，並採購{hw}。",
        "據供應鏈消息，{co}今年資本支出預計達{money}。",
        "法人指出，{co}已向客戶交付{hw}，營收可望創新高。",
        "市場預估，人工智慧伺服器出貨量將持續成長。",
        "{co}董事會通過{money}的投資案。",
        "分析師表示，半導體景氣可望在下半年回溫。",
    ],
    "de": [
        "{co} investiert {money} in ein neues Rechenzentrum und will dort {hw} betreiben.",
        "Nach Angaben von Insidern hat {co} im vergangenen Jahr {money} für KI-Forschung ausgegeben.",
        "Analysten schätzen, dass {co} für das Training {hw} eingesetzt hat.",
        "Die jüngste Finanzierungsrunde von {co} brachte {money} ein.",
        "Branchenbeobachter rechnen mit weiter steigenden Preisen für Rechenleistung.",
        "Ein Sprecher von {co} wollte sich dazu nicht äußern.",
    ],
}
TITLES = {
    "zh-Hans": "{co}人工智能投资再加码",
    "zh-Hant": "{co}擴大AI布局",
    "de": "{co} baut KI-Geschäft aus",
}
CHROME_TOP = {
    "zh-Hans": ["首页 > 科技 > 人工智能", "登录 | 注册 | 订阅"],
    "zh-Hant": ["首頁 > 科技 > 半導體", "登入 | 註冊 | 訂閱"],
    "de": ["Startseite > Wirtschaft > Technologie", "Anmelden | Registrieren | Abo"],
}
CHROME_END = {
    "zh-Hans": ["相关阅读", "三星发布新款手机，售价999元", "某公司股价上涨", "责任编辑：王明",
                "版权所有 © 2025 科技日报"],
    "zh-Hant": ["延伸閱讀", "蘋果新機開賣，售價新台幣29900元", "外資連三買", "責任編輯：林小華",
                "版權所有 © 2025 科技新報"],
    "de": ["Mehr zum Thema", "Apple stellt neues iPhone für 999 Euro vor", "DAX schließt im Plus",
           "Teilen auf Facebook", "Copyright: 2025 Techblatt"],
}
DATES = {"zh-Hans": "2025年{m}月{d}日", "zh-Hant": "2025年{m}月{d}日", "de": "{d}.{m}.2025"}
LANGS = ("zh-Hans", "zh-Hant", "de")
KINDS = (".html", ".md", ".txt")


def _amount(rng: random.Random, lang: str) -> str:
    value = rng.choice([1.5, 2, 3.2, 6, 12, 25, 50, 120, 480])
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "de" else text


def _paragraphs(rng: random.Random, lang: str, co: str) -> list[str]:
    paras = []
    for _ in range(rng.randint(3, 6)):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            tpl = rng.choice(SENTENCES[lang])
            sentences.append(tpl.format(
                co=co,
                money=rng.choice(MONEY[lang]).format(a=_amount(rng, lang)),
                hw=rng.choice(HARDWARE[lang]).format(n=rng.choice([256, 1024, 2048, 10000, 50000]))))
        paras.append((" " if lang == "de" else "").join(sentences))
    return paras


def article(i: int, rng: random.Random) -> tuple[str, str]:
    """File name and text of article ``i``."""
    lang = LANGS[i % 3]
    kind = KINDS[(i // 3) % 3]
    co = rng.choice(COMPANIES[lang])
    title = TITLES[lang].format(co=co)
    date = DATES[lang].format(m=rng.randint(1, 12), d=rng.randint(1, 28))
    paras = _paragraphs(rng, lang, co)
    top, end = CHROME_TOP[lang], CHROME_END[lang]
    name = f"{i:06d}_{lang.lower()}{kind}"
    if kind == ".html":
        body = "".join(f"<p>{p}</p>\n" for p in paras)
        text = (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title>"
                f"<meta property=\"article:published_time\" content=\"2025-{1 + i % 12:02d}-{1 + i % 28:02d}\">"
                "</head>\n"
                f"<body><nav><a href=\"/\">{top[0]}</a> <a href=\"/login\">{top[1]}</a></nav>\n"
                f"<article><h1>{title}</h1><p class=\"date\">{date}</p>\n{body}</article>\n"
                f"<aside><h3>{end[0]}</h3><ul><li><a href=\"/a\">{end[1]}</a></li>"
                f"<li><a href=\"/b\">{end[2]}</a></li></ul></aside>\n"
                f"<footer><p>{end[3]}</p><p>{end[4]}</p></footer></body></html>\n")
    elif kind == ".md":
        text = (f"---\ntitle: \"{title}\"\ndate: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}\n---\n\n"
                f"{top[0]}\n\n# {title}\n\n" + "\n\n".join(paras)
                + f"\n\n## {end[0]}\n\n- [{end[1]}](https://example.com/a)\n- [{end[2]}](https://example.com/b)\n\n{end[3]}\n\n{end[4]}\n")
    else:
        text = (f"{top[0]}\n\n{title}\n\n{date}\n\n" + "\n\n".join(paras)
                + f"\n\n{end[0]}\n\n{end[1]}\n\n{end[2]}\n\n{end[3]}\n{end[4]}\n")
    return name, text


def generate(out_dir: Path, n: int = 2000, seed: int = 0) -> list[Path]:
    """Write ``n`` articles into ``out_dir`` (emptied first) and return their paths."""
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        name, text = article(i, rng)
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, nargs="?", default=Path("bench/corpus"))
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = generate(args.out_dir, args.n, args.seed)
    print(f"wrote {len(paths)} articles to {args.out_dir}")


if __name__ == "__main__":
    main()
