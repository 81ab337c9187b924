"""Strip markup and page chrome (menus, breadcrumbs, widgets, related lists, footers) from an article."""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

from bs4 import BeautifulSoup, Comment, NavigableString, Tag, XMLParsedAsHTMLWarning

from extractors.patterns import any_of
from normalizers.locale import LOCALES, load_locale
from normalizers.script import to_simplified

# A page that opens like XML (<?xml ...?>) without an <html> element is still read with the HTML parser, on
# purpose: it forgives what scraped pages get wrong. bs4 would warn about each such page on the terminal.
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)

DROP_TAGS = {"script", "style", "noscript", "iframe", "form", "nav", "aside", "footer", "button", "select",
             "svg", "template", "figcaption", "head", "object", "embed", "canvas", "map", "video", "audio"}
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table", "tbody",
              "section", "article", "blockquote", "pre", "dd", "dt", "dl", "figure", "header", "main", "hr", "center",
              "title", "body", "html"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# class/id words that mark page furniture on most CMSs.
CHROME_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|share|sharing|social|footer|copyright|related|"
    r"recommend(?:ed)?|sidebar|advert|ads|ad|banner|comments?|toolbar|bookmark|login|signup|subscribe|pagination|"
    r"pager|caption|wp-caption-text|hot-?news|popular|newsletter|cookie)(?:$|[\s_-])",
    re.I,
)
META_DATE_NAMES = {"article:published_time", "og:published_time", "og:article:published_time", "pubdate", "publishdate",
                   "publish_date", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
                   "sailthru.date", "parsely-pub-date", "article.published", "datepublished", "release_date"}
WHITESPACE = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]+")
# A line ends a sentence when its last character is one of these (quotes may close after it).
TERMINAL = re.compile(r"[。！？!?.…；;][”」』\"'’）)]*$|[”」』]$")
SENTENCE_MARK = re.compile(r"[。！？!?；;，,]")
LIST_MARKER = re.compile(r"^[/•·\-*►▪●◆◇■□>]\s*")
PIPE_SPLIT = re.compile(r"\s*[|｜]\s*")
DATE_LIKE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]|\d{1,2}:\d{2}")
GENERIC_BREADCRUMB = re.compile(r"^(?:[^>»›\n]{1,20}\s*[>»›]\s*){2,}")
# A line counts as body text from this many characters, or with two sentence marks.
BODY_MIN_CHARS = 40
# Link text share above which a line is navigation or a list of linked headlines.
MAX_LINK_SHARE = 0.6
# Lines this short before the body are menu items, not titles.
HEAD_MIN_CHARS = 6
# Consecutive short unpunctuated lines inside the body from this many on are a headline list.
HEADLINE_RUN = 3
HEADLINE_MAX_CHARS = 60


@dataclass(frozen=True)
class Line:
    """One line of visible text and the share of it that sits inside links."""

    text: str
    link_share: float = 0.0
    heading: bool = False


@dataclass(frozen=True)
class Cleaned:
    """The cleaned body (the text claim offsets index), its title and where dates may be read."""

    text: str
    title: str | None
    head: str  # the lines before the body and its first paragraphs: where bylines and datelines sit
    meta_dates: tuple[str, ...]
    dropped: int


@dataclass(frozen=True)
class ChromeRules:
    """One pattern per kind of marker: the locale files' patterns of that kind as alternatives."""

    end_of_article: re.Pattern[str]
    related_header: re.Pattern[str]
    breadcrumb: re.Pattern[str]
    widget: re.Pattern[str]
    caption: re.Pattern[str]


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    """Chrome markers of every locale: a page's furniture may be in another language than its body."""
    found: dict[str, list[str]] = {name: [] for name in ChromeRules.__dataclass_fields__}
    for tag in LOCALES:
        for name, patterns in load_locale(tag).get("chrome", {}).items():
            for pattern in patterns:
                re.compile(pattern)  # a broken pattern is reported on its own, not as part of the alternation
                found[name].append(pattern)
    return ChromeRules(**{name: any_of(pats, re.I) for name, pats in found.items()})


def _is_chrome_element(tag: Tag) -> bool:
    if tag.name in DROP_TAGS:
        return True
    attrs = " ".join([*(tag.get("class") or []), str(tag.get("id") or ""), str(tag.get("role") or "")])
    return bool(attrs.strip()) and bool(CHROME_ATTR.search(attrs)) and tag.name not in ("body", "html", "article", "main")


def html_lines(html: str) -> tuple[list[Line], str | None, list[str]]:
    """Visible lines of an HTML page with their link share, the page title, and meta publication dates."""
    soup = BeautifulSoup(html, "lxml")
    meta_dates: list[str] = []
    for meta in soup.find_all("meta"):
        name = str(meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in META_DATE_NAMES and meta.get("content"):
            meta_dates.append(str(meta["content"]))
    for time_tag in soup.find_all("time"):
        if time_tag.get("datetime") and (time_tag.get("pubdate") is not None or "publish" in str(time_tag.get("class") or "")):
            meta_dates.append(str(time_tag["datetime"]))
    title_tag = soup.find("h1") or soup.find("title")
    title = WHITESPACE.sub(" ", title_tag.get_text(" ", strip=True)) if title_tag else None

    pieces: list[tuple[int, str, bool, bool]] = []  # (block number, text, in link, in heading)
    block_of: dict[int, tuple[int, bool, bool]] = {}
    dropped: set[int] = set()
    counter = 0
    for node in soup.descendants:
        if isinstance(node, Tag):
            if node.name == "br" and pieces:
                pieces.append((pieces[-1][0], "\n", False, pieces[-1][3]))
            continue
        if isinstance(node, Comment) or not isinstance(node, NavigableString) or not node.strip():
            continue
        chain: list[Tag] = []
        info: tuple[int, bool, bool] | None = None
        skip = False
        parent = node.parent
        while parent is not None:  # iterative: pages nest tens of thousands of divs
            if id(parent) in dropped:
                skip = True
                break
            if id(parent) in block_of:
                info = block_of[id(parent)]
                break
            chain.append(parent)
            parent = parent.parent
        if skip:
            dropped.update(id(anc) for anc in chain)
            continue
        chrome_at = next((k for k in range(len(chain) - 1, -1, -1) if _is_chrome_element(chain[k])), None)
        if chrome_at is not None:  # drop the chrome element and what lies under it, not its ancestors
            dropped.update(id(anc) for anc in chain[: chrome_at + 1])
            continue
        block, in_link, in_heading = info or (0, False, False)
        for anc in reversed(chain):
            in_link = in_link or anc.name == "a"
            in_heading = in_heading or anc.name in HEADINGS
            if anc.name in BLOCK_TAGS:
                counter += 1
                block = counter
            block_of[id(anc)] = (block, in_link, in_heading)
        pieces.append((block, str(node), in_link, in_heading))
    return _pieces_to_lines(pieces), title, meta_dates


def _pieces_to_lines(pieces: list[tuple[int, str, bool, bool]]) -> list[Line]:
    lines: list[Line] = []
    buf: list[tuple[str, bool]] = []
    heading = False
    current = None

    def flush() -> None:
        text = "".join(t for t, _ in buf)
        link = sum(len(t.strip()) for t, is_link in buf if is_link)
        for part in text.split("\n"):
            part = WHITESPACE.sub(" ", part).strip()
            if part:
                total = max(len(text.strip()), 1)
                lines.append(Line(part, min(link / total, 1.0), heading))
        buf.clear()

    for block, text, in_link, in_heading in pieces:
        if block != current:
            flush()
            current, heading = block, in_heading
        buf.append((text, in_link))
    flush()
    return lines


def text_lines(text: str) -> list[Line]:
    """Lines of a plain-text dump."""
    return [Line(WHITESPACE.sub(" ", raw).strip()) for raw in text.split("\n") if raw.strip()]


def _is_body(text: str) -> bool:
    return len(text) >= BODY_MIN_CHARS and bool(SENTENCE_MARK.search(text)) or len(SENTENCE_MARK.findall(text)) >= 2


def _headline_like(text: str) -> bool:
    return len(text) <= HEADLINE_MAX_CHARS and not TERMINAL.search(text)


def _pipe_menu(text: str) -> bool:
    parts = [p for p in PIPE_SPLIT.split(text) if p]
    return len(parts) >= 2 and "|" in text or "｜" in text and all(len(p) <= 12 for p in parts) and not TERMINAL.search(text)


def _line_is_chrome(line: Line, simple: str, rules: ChromeRules) -> bool:
    if line.link_share >= MAX_LINK_SHARE:
        return True
    if _pipe_menu(line.text) and all(len(p) <= 20 for p in PIPE_SPLIT.split(line.text)):
        return True
    if rules.breadcrumb.search(simple) or GENERIC_BREADCRUMB.match(simple):
        return True
    return bool(rules.widget.search(simple) or rules.caption.search(simple))


def clean_lines(lines: list[Line]) -> tuple[list[str], str, int, str | None]:
    """Keep the article's own lines; return them, the head text for dates, the count dropped, and a title."""
    rules = chrome_rules()
    kept: list[str] = []
    head: list[str] = []
    titles: list[str] = []
    seen: set[str] = set()
    body_started = False
    dropped = 0
    for line in lines:
        simple = to_simplified(line.text)
        if body_started and (rules.end_of_article.search(simple) or rules.related_header.search(simple)):
            dropped += len(lines)  # an upper bound is enough for the summary
            _drop_trailing_headlines(kept)
            break
        if len(head) < 12:
            head.append(line.text)
        if _line_is_chrome(line, simple, rules) or line.text in seen:
            dropped += 1
            continue
        if not body_started:
            if _is_body(line.text):
                body_started = True
            elif not DATE_LIKE.search(line.text):
                titles.append(line.text)
            if not body_started and len(line.text) < HEAD_MIN_CHARS:
                dropped += 1
                continue
        seen.add(line.text)
        kept.append(line.text)
    dropped += _drop_headline_runs(kept)
    # The headline is the longest line above the body that is not a byline (sites put taglines first).
    title = max(titles, key=len, default=None)
    return kept, "\n".join(head), dropped, title


def _drop_trailing_headlines(kept: list[str]) -> None:
    """Before an end marker, a run of unpunctuated or list-marked lines is a related list without a header."""
    run = 0
    while run < len(kept) and _headline_like(kept[-1 - run]):
        run += 1
    marked = run and all(LIST_MARKER.match(kept[-1 - i]) for i in range(run))
    if run >= 2 or marked:
        del kept[len(kept) - run :]


def _drop_headline_runs(kept: list[str]) -> int:
    """Drop runs of HEADLINE_RUN or more short unpunctuated lines: lists of linked headlines in a text dump."""
    out: list[str] = []
    run: list[str] = []
    dropped = 0
    for text in [*kept, None]:
        if text is not None and _headline_like(text) and len(out) > 0:
            run.append(text)
            continue
        if len(run) >= HEADLINE_RUN:
            dropped += len(run)
        else:
            out.extend(run)
        run = []
        if text is not None:
            out.append(text)
    kept[:] = out
    return dropped


def clean(body: str, is_html: bool, title: str | None = None) -> Cleaned:
    """Clean an article body; ``title`` from front matter wins over the page's own."""
    meta_dates: list[str] = []
    if is_html:
        lines, page_title, meta_dates = html_lines(body)
    else:
        lines, page_title = text_lines(body), None
    kept, head, dropped, head_title = clean_lines(lines)
    best_title = (str(title).strip() if title else None) or page_title or head_title or (kept[0] if kept else None)
    return Cleaned("\n".join(kept), best_title, head, tuple(meta_dates), dropped)
