"""Find the article in a page and strip what is not it: menus, breadcrumbs, widgets, related lists, footers.

HTML is read in two steps, as Readability and trafilatura do: first the element that holds the article is
chosen (the one whose lines add up to the most prose, furniture and link lists counting against it), then the
furniture left inside it is removed line by line, with context (jusText): an inline "related" box is skipped,
not taken for the end of the article. Text dumps have no markup, so only the line rules apply to them.
"""
from __future__ import annotations

import itertools
import re
import re._constants as re_constants  # type: ignore[import-not-found]  # the regex parser: a pattern's literals
import re._parser as re_parser  # type: ignore[import-not-found]
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import ClassVar, NamedTuple

import yaml
from lxml import etree

from extractors.pagedates import META_TAGS, NAME_WORD_LIST, Markup, is_dated, name_marks, page_dates, short_dated_text
from extractors.reader import header_rules
from normalizers.locale import LOCALES, load_locale
from normalizers.patterns import NEVER, anchored_body, any_of, top_level_alternatives, word_alternation
from normalizers.script import to_simplified

HTML_DATA = Path(__file__).with_name("data") / "html.yaml"
# An element's text (lxml.html's text_content(), for a tree from lxml.etree's parser).
TEXT_OF = etree.XPath("string()")
INLINE_TAGS = frozenset({"a", "span", "b", "i", "em", "strong", "font", "small", "big", "sup", "sub", "u", "abbr",
                         "time", "cite", "code", "q", "mark", "s", "strike", "tt", "img", "br", "wbr", "ins", "del",
                         "bdi", "bdo", "dfn", "kbd", "samp", "var", "nobr", "acronym", "data", "picture", "source"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Runs of spaces and other blanks (a single plain space is left alone: replacing it by itself is most of the cost):
# a blank that is not a space, or a space before another blank, and the blanks after it. Written to begin with one
# character class, which the regex engine scans for before it tries a match (an alternation it tries at every
# position).
BLANKS = "[ \t\r\f\v\u3000\u00a0\u2002\u2003\u2009]"
WHITESPACE = re.compile(rf"{BLANKS}(?:(?<! )|(?={BLANKS})){BLANKS}*")
# Soft hyphens (&shy;), zero-width spaces and word joiners: break hints (Ita\u00adli\u00adens, 2\u200b500万), invisible
# in the page, and they split every word or figure they sit in for search, matching and readers of the text.
BREAK_HINTS = re.compile("[\u00ad\u200b\u2060\ufeff]+")
# Layout containers: on a page nested deeper than the parser's limit they are dropped so the text is not lost.
# Block containers become line breaks, inline formatting goes without a space (<b>600万</b>美元 is one word) ...
LAYOUT_TAG = re.compile(r"</?(?:div|section|article|main|header|footer|aside|nav|center|table|thead|tbody|tfoot|tr|td|"
                        r"th|ul|ol|li|dl|dt|dd|blockquote|figure|form|fieldset|details|p|h[1-6])\b[^>]*>", re.I)
INLINE_FORMAT_TAG = re.compile(r"</?(?:span|font|b|i|em|strong|small|big|sup|sub|u|s|strike|tt|mark|abbr|cite|q|code|"
                               r"ins|del|nobr|a)\b[^>]*>", re.I)
# ... and where that is not enough, every tag but those whose content is never text is a line break.
ANY_TAG = re.compile(r"<(?!/?(?:script|style|noscript|template|head|title|textarea)\b)/?[A-Za-z][^>]*>")
# libxml2's limit of nesting in an HTML page (without its "huge" option, which also lifts the limits that keep a
# hostile page from exhausting memory).
PARSER_DEPTH = 256
# In HTML a line break in the source is a space; only <br> and blocks break lines.
NEWLINES = re.compile(r"[\r\n]+")
NEVER_MATCH = re.compile(NEVER)
CLASS_PARTS = re.compile(r"[-_\s:.]+|(?<=[a-z])(?=[A-Z])")
LOWER_PARTS = re.compile(r"[-_\s:.]+")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A line ends a sentence when its last character is one of these (quotes may close after it).
TERMINAL = re.compile(r"[。！？!?.…；;][”」』\"'’）)]*$|[”」』]$")
# TERMINAL's two character sets: a line ends a sentence when its last character before closing quotes and brackets
# is a mark, or its last character is a closing Chinese quote (``ends_sentence``: two string operations, where the
# regex tries every mark of a long line).
SENTENCE_END_MARKS = "。！？!?.…；;"
CLOSING_MARKS = "”」』\"'’）)"
# (A character class first, as WHITESPACE: a full stop or colon counts before a blank or the end.)
SENTENCE_MARK = re.compile(r"[。！？!?；;，,、.:](?:(?<![.:])|(?=\s|$))")
LIST_MARKER = re.compile(r"^[/•·\-*►▪●◆◇■□>]\s*")
PIPE_SPLIT = re.compile(r"\s*[|｜]\s*")
DATE_LIKE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]|\d{1,2}:\d{2}")
# Dates and times as bylines write them: 15. Mai 2019, 03.04.2020, 2020-04-03, 2024年3月5日, 05:28 Uhr.
MONTH = r"(?:Jan|Feb|Mär|Mar|Apr|Mai|May|Jun|Jul|Aug|Sep|Okt|Oct|Nov|Dez|Dec)[a-zä]*\.?"
DATE_TOKEN = re.compile(rf"\d{{1,2}}\.\s?(?:\d{{1,2}}\.|{MONTH})\s?(?:\d{{2,4}})?|"
                        rf"{MONTH}\s?(?:\d{{1,2}},?\s?)?(?:19|20)\d{{2}}|"
                        r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|\d{1,2}:\d{2}(?::\d{2})?(?:\s*Uhr)?")
# A line that is a date with at most this many other characters is a byline or timestamp, not article text.
DATELINE_REST_CHARS = 24
GENERIC_BREADCRUMB = re.compile(r"^(?:[^>»›\n]{1,20}\s*[>»›]\s*){2,}")
# Market tickers: index or pair names followed by a figure, several to a line (DAX 24.310 · EUR/USD 1,0950).
TICKER_ITEM = re.compile(r"(?:[A-Z][A-Za-z&.\-/]{1,14}|[\u4e00-\u9fff]{2,6})\s*[+\-−]?\d[\d.,]*\s*(?:%|\$|€|点)?")
# A line counts as body text from this many characters with a sentence mark, or with two sentence marks.
BODY_MIN_CHARS = 40
# Link text share above which a line is navigation or a list of linked headlines.
MAX_LINK_SHARE = 0.6
# Inside the article a linked line this long that reads as prose is text, not a link list.
LINKED_PROSE_CHARS = 80
# Lines this short before the body of a text dump are menu items, not titles.
HEAD_MIN_CHARS = 6
# In a text dump, this many consecutive short lines with no sentence mark at all are a headline list.
HEADLINE_RUN = 3
HEADLINE_MAX_CHARS = 60
# A furniture-named element that holds this share of the page's prose is a layout wrapper, not furniture ...
WRAPPER_SHARE = 0.8
# ... unless this much prose outside furniture comes before it: more than a lead (up to ~400 characters), so the
# element follows an article (a comment thread under a short post).
WRAPPER_AFTER_PROSE = 450
# ... or that holds the page's headline and at least this share of its prose.
ANCHORED_WRAPPER_SHARE = 0.3
# An end-of-article marker ends the article only once this share of its prose has been read; earlier it is a
# line under the headline (来源：新华网, a share bar) and only that line goes.
END_AFTER_SHARE = 0.5
# After a related-news box inside the article, the article goes on only if this much prose follows.
RESUME_MIN_CHARS = 80
# ... and, once half the article has been read, only if what follows is a quarter of what came before (a trailing
# teaser or two after "Mehr zum Thema" is not the article going on).
RESUME_SHARE = 0.25
# A line's weight counts for its block and parent in full, then less the further up (Readability's rule).
LEVEL_SHARE = (1.0, 1.0, 0.5, 1 / 6, 1 / 9, 1 / 12)
# The choice climbs to an ancestor when the ancestor's lines, all counted, weigh this much more.
CLIMB_GAIN = 1.25
# ... or this much more in absolute terms (a long article whose first sections sit beside its main body).
CLIMB_MIN_CHARS = 1000
# A sibling of the chosen element with this share of its score belongs to the article too.
SIBLING_SHARE = 0.2
# Below this weight the prose-based choice is weak: an element named like an article is taken instead.
SHORT_ARTICLE = 400
# Prose lines above the article's element that may be its lead (between it and the headline).
LEAD_LINES = 3
# Characters of furniture, bylines and captions the lead search steps over between a lead and the text.
LEAD_SKIP_CHARS = 200
# A container named like an article (itemprop=articleBody, class="article-body") wins a near tie.
HINT_BONUS = 1.1
# Lines of the page above the article given to the date finder, and lines of the article after its start.
HEAD_LINES_ABOVE = 200
HEAD_LINES_BODY = 20
# A text dump has no markup to tell its head from a list of dated headlines further down: its first lines only.
HEAD_LINES_TEXT = 12


class Line(NamedTuple):
    """One line of visible text, the share of it inside links, and where it sits in the page."""

    text: str
    link_share: float = 0.0
    heading: bool = False
    path: tuple[int, ...] = ()  # numbers of the block elements above it, outermost first
    chrome: tuple[int, ...] = ()  # numbers of the furniture elements above it
    body: bool = False  # reads as article prose (``_is_body``), judged once when the line is made


def make_line(text: str, link_share: float = 0.0, heading: bool = False, path: tuple[int, ...] = (),
              chrome: tuple[int, ...] = ()) -> Line:
    return Line(text, link_share, heading, path, chrome, _is_body(text))


@dataclass(frozen=True)
class Cleaned:
    """The cleaned body (the text claim offsets index), its title and where dates may be read."""

    text: str
    title: str | None
    head: str  # the lines above the body and its first lines: where bylines and datelines sit
    meta_dates: tuple[str, ...]
    dropped: int
    warnings: tuple[str, ...] = ()  # what a reader of the document should know: markup read another way, no text


@dataclass(frozen=True)
class Phrases:
    """The locale files' patterns of one kind of marker. Those anchored at the start of a line are tried there only.
    The others, which the engine must try at every position of every line, are tried only in a line that holds
    the literal words each requires (found in the pattern itself, ``requirements``): most lines hold none."""

    KINDS: ClassVar[tuple[str, ...]] = ("end_of_article", "related_header", "breadcrumb", "widget", "caption")
    anchored: re.Pattern[str]
    floating: tuple[tuple[re.Pattern[str], tuple[frozenset[str], ...]], ...]  # (pattern, word sets it needs)
    # The floating patterns that need no word, in order: all a line with no trigger word (most lines) is tried on.
    free: tuple[re.Pattern[str], ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "free", tuple(pattern for pattern, needs in self.floating if not needs))

    def search(self, text: str, words: frozenset[str]) -> bool:
        """Whether a pattern finds ``text``; ``words``: the trigger words it holds (``ChromeRules.words_in``)."""
        if self.anchored.search(text):
            return True
        if not words:
            return any(pattern.search(text) for pattern in self.free)
        return any(all(not need.isdisjoint(words) for need in needs) and pattern.search(text)
                   for pattern, needs in self.floating)

    def find(self, text: str, words: frozenset[str]) -> re.Match[str] | None:
        """The first match in ``text``, anchored patterns first; ``words`` as for ``search``."""
        if found := self.anchored.search(text):
            return found
        if not words:
            return next((found for pattern in self.free if (found := pattern.search(text))), None)
        return next((found for pattern, needs in self.floating if
                     all(not need.isdisjoint(words) for need in needs) and (found := pattern.search(text))), None)


# A pattern's literal requirements beyond these many sets of words cost more to test than they save.
MAX_REQUIREMENTS = 3


def requirements(pattern: str) -> list[set[str]]:
    """Sets of lower-cased words such that every match of ``pattern`` (case-insensitive) holds a word of each set.

    ``\\b(?:im|pro) (?:Monat|Jahr)\\b.{0,40}\\b(?:kündbar|Abo)\\b`` needs {"monat", "jahr"} and {"kündbar", "abo"}
    (and {"im", "pro"}, too short to be worth a test).
    """
    found = _requirements(re_parser.parse(pattern, re.I))
    found.sort(key=lambda words: -min(map(len, words)))
    return found[:MAX_REQUIREMENTS]


def _requirements(items: Iterable[tuple[object, object]]) -> list[set[str]]:
    """The word sets a sequence of parsed regex items requires, all of them: literal runs, the groups and repeated
    parts it must match (each of their sets), and alternations (the best set of each alternative, joined)."""
    found: list[set[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is re_constants.LITERAL:
            run.append(chr(arg))  # type: ignore[arg-type]
            continue
        if run:
            found.append({"".join(run).lower()})
            run = []
        if op is re_constants.BRANCH:
            bests = [max(_requirements(branch), key=lambda w: min(map(len, w)), default=None)
                     for branch in arg[1]]  # type: ignore[index]
            if all(bests):
                found.append(set().union(*bests))  # type: ignore[arg-type]
        elif op is re_constants.SUBPATTERN:
            found += _requirements(arg[-1])  # type: ignore[index]
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[0] >= 1:  # type: ignore[index]
            found += _requirements(arg[2])  # type: ignore[index]
    if run:
        found.append({"".join(run).lower()})
    # A set with a short ASCII word ("im", "ab") holds one in nearly every line: not worth a test.
    return [{w for w in words if not any(o in w for o in words if o != w)} for words in found
            if all(len(w) >= 3 or not w.isascii() for w in words)]


@dataclass(frozen=True)
class ChromeRules:
    """One set of phrases per kind of marker: the locale files' patterns of that kind."""

    end_of_article: Phrases
    related_header: Phrases
    breadcrumb: Phrases
    widget: Phrases
    caption: Phrases
    # Every word a floating pattern needs, none inside another: one pass of ``triggers`` over the lower-cased line
    # tells whether it holds any (most lines hold none); only then is each word looked up.
    words: frozenset[str]
    triggers: re.Pattern[str]

    def words_in(self, text: str) -> frozenset[str]:
        """The trigger words ``text`` holds, whatever their case."""
        lower = text.lower()
        if not self.triggers.search(lower):
            return frozenset()
        return frozenset(word for word in self.words if word in lower)


@dataclass(frozen=True)
class MarkupRules:
    """What the markup says: elements that are never text, furniture by tag, role or name, article hints."""

    never_text: frozenset[str]
    chrome_tags: frozenset[str]
    chrome_roles: frozenset[str]
    chrome_words: frozenset[str]
    lead_words: frozenset[str]
    container_parts: frozenset[str]
    state_prefixes: frozenset[str]
    article_words: frozenset[str]
    article_itemprops: frozenset[str]


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    """Chrome markers of every locale: a page's furniture may be in another language than its body."""
    found: dict[str, list[str]] = {name: [] for name in Phrases.KINDS}
    for tag in LOCALES:
        for name, patterns in load_locale(tag).get("chrome", {}).items():
            found[name] += patterns
    floating: dict[str, list[tuple[str, list[set[str]]]]] = {name: [] for name in found}
    anchored: dict[str, list[str]] = {name: [] for name in found}
    for name, patterns in found.items():
        for pattern in dict.fromkeys(patterns):
            re.compile(pattern)  # a broken pattern is reported on its own, not as part of an alternation
            if anchored_body(pattern) is not None:
                anchored[name].append(pattern)
            else:
                floating[name] += [(alternative, requirements(alternative))
                                   for alternative in top_level_alternatives(pattern)]
    every = {word for entries in floating.values() for _, needs in entries for words in needs for word in words}
    minimal = {word for word in every if not any(other in word for other in every if other != word)}

    def covering(words: set[str]) -> frozenset[str]:  # a line holding one of ``words`` holds one of these
        return frozenset(m for m in minimal if any(m in word for word in words))

    phrases = {name: Phrases(any_of(anchored[name], re.I),
                             tuple((re.compile(alternative, re.I), tuple(map(covering, needs)))
                                   for alternative, needs in floating[name]))
               for name in found}
    return ChromeRules(**phrases, words=frozenset(minimal), triggers=re.compile(word_alternation(minimal)))


@lru_cache(maxsize=1)
def markup_rules(path: Path = HTML_DATA) -> MarkupRules:
    """The markup vocabulary from ``extractors/data/html.yaml``."""
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return MarkupRules(**{name: frozenset(str(v).lower() if name != "article_itemprops" else str(v)
                                          for v in data[name]) for name in MarkupRules.__dataclass_fields__})


def _chrome_word(token: str) -> str | None:
    """The furniture word a class or id token is named by: its last part, or its first when the rest are parts."""
    if "--" in token and not _chrome_word(token.split("--", 1)[0]):
        return None  # a BEM modifier ("Section--ads") says how the element looks, not what it is
    rules = markup_rules()
    # Most tokens are lower case: no camelCase boundary to split at, and the plain split is cheaper.
    parts = [p for p in LOWER_PARTS.split(token) if p] if token.islower() else \
        [p.lower() for p in CLASS_PARTS.split(token) if p]
    if not parts or parts[0] in rules.state_prefixes:
        return None
    if parts[-1] in rules.chrome_words:
        return parts[-1]
    if parts[0] in rules.chrome_words and all(p in rules.container_parts for p in parts[1:]):
        return parts[0]
    return None


# Elements never holding metadata elements (META_TAGS) below them: no need to look.
LEAF_TAGS = frozenset({"style", "svg", "math", "input", "textarea", "select", "option", "img", "br", "canvas"})
# What the walk needs to know of an element, as bits: judged once per tag, or per tag and names.
_BLOCK, _CHROME, _LEAD, _HINT, _DATED, _LINK, _HEADING, _H1, _H2, _BR, _SKIP, _META = (1 << i for i in range(12))
# Bits few elements have: one test of each group rules them all out for most elements.
_RARE_START = _SKIP | _META | _DATED
_RARE_END = _H1 | _H2 | _HEADING | _CHROME


@lru_cache(maxsize=256)
def _tag_flags(tag: str) -> int:
    """The bits of an element without attributes: its tag says it all."""
    rules = markup_rules()
    if tag in rules.never_text:
        return _SKIP | (0 if tag in INLINE_TAGS else _BLOCK)
    if tag in ("meta", "link"):  # in the body: metadata for the date finder (META_TAGS' others: never text, headings)
        return _META | _BLOCK
    if tag in INLINE_TAGS:
        return _LINK if tag == "a" else _BR if tag == "br" else _DATED if tag == "time" else 0
    flags = _BLOCK | (_CHROME if tag in rules.chrome_tags else 0) | (_HINT if tag == "article" else 0)
    if tag in HEADINGS:
        flags |= _HEADING | (_H1 | _META if tag == "h1" else _H2 | _META if tag == "h2" else 0)
    return flags


# Bits of a class, id or itemprop token: a furniture word, a teaser word, an article word; names a date or byline,
# names a revision or a box of other articles.
_W_CHROME, _W_LEAD, _W_ARTICLE, _W_DATE, _W_NOT_DATE = (1 << i for i in range(5))


@lru_cache(maxsize=1)
def _token_words() -> re.Pattern[str]:
    """Every furniture, article and date word, lower-cased: a token holding none of them says nothing (most do not)."""
    rules = markup_rules()
    return re.compile(word_alternation([*rules.chrome_words, *rules.article_words, *NAME_WORD_LIST]))


@lru_cache(maxsize=65536)
def _token_bits(token: str) -> int:
    """What one class or id token says (tokens repeat across sites far more than whole class lists do)."""
    lower = token.lower()
    if not _token_words().search(lower):
        return 0
    rules = markup_rules()
    # This function's cache holds the answer: name_marks' cache (sized for the whole names the date finder asks
    # about) is passed by, not filled and evicted from with every new token of a page.
    word = _chrome_word(token)
    dated, revision, other_articles = name_marks.__wrapped__(token)
    not_dated = revision or other_articles
    return (0 if word is None else _W_LEAD if word in rules.lead_words else _W_CHROME) | \
        (_W_ARTICLE if lower in rules.article_words else 0) | (_W_DATE if dated else 0) | \
        (_W_NOT_DATE if not_dated else 0)


@lru_cache(maxsize=65536)
def _value_bits(value: str) -> int:
    """The bits of a class, id or itemprop value: its tokens' bits. Most values hold no word at all, and one search
    of the whole value tells (no word holds a blank, so none spans two tokens)."""
    if not _token_words().search(value.lower()):
        return 0
    bits = 0
    for token in value.split():
        bits |= _token_bits(token)
    return bits


@lru_cache(maxsize=4096)
def _element_flags(tag: str, names: int, role: str | None, itemprop: str | None) -> int:
    """The bits of an element with attributes: furniture (by tag, ARIA role or a class/id word; a teaser word alone
    makes a lead), named like the article's container, or where a byline's date may sit (``pagedates.dated_names``,
    read token by token). ``names``: the bits of its class and id (``_value_bits``); keyed by those bits, not the
    names themselves (which vary from site to site), nearly every element is a cache hit."""
    flags = _tag_flags(tag) & ~(_CHROME | _HINT | _DATED)
    marks = names | (_value_bits(itemprop) if itemprop else 0)
    if (tag == "time" or itemprop in ("datePublished", "dateCreated") or marks & _W_DATE) and not marks & _W_NOT_DATE:
        flags |= _DATED
    if not flags & _BLOCK or flags & _SKIP:
        return flags
    rules = markup_rules()
    article = bool(names & _W_ARTICLE)
    if article or tag == "article" or itemprop in rules.article_itemprops:
        flags |= _HINT
    if tag in rules.chrome_tags or (role or "").lower() in rules.chrome_roles:
        flags |= _CHROME
    elif names & (_W_CHROME | _W_LEAD) and not article:
        flags |= _CHROME if names & _W_CHROME else _CHROME | _LEAD
    return flags


def _hidden(el: etree._Element, tag: str) -> bool:
    return el.get("hidden") is not None or bool(HIDDEN_STYLE.search(el.get("style") or "")) or \
        (el.get("aria-hidden") or "").lower() == "true" and tag not in ("body", "html")


@dataclass(frozen=True)
class _Walked:
    """What one pass over a page's elements gathers: its lines, article hints and the elements a date may sit in."""

    lines: list[Line]
    hints: frozenset[int]
    leads: frozenset[int]
    h1: str | None
    anchor: tuple[int, ...]
    markup: Markup  # what the date finder reads: metadata elements, dated elements, short texts with a year


def _walk(root: etree._Element, line_breaks: bool) -> _Walked:
    """One pass over the elements in document order: lines of visible text with the blocks and furniture above
    them, elements named like the article or a teaser, and the elements that may hold a byline's date.

    The loop is the cleaner's hot path (about 650 elements a page): state lives in locals, an element is judged by
    one cached look-up of its tag and names, and whitespace between blocks is never buffered.
    """
    spaced = NEVER_MATCH if line_breaks else NEWLINES  # newlines in text: line ends, or only whitespace
    tag_flags, element_flags, value_bits, is_body = _tag_flags, _element_flags, _value_bits, _is_body
    new_line = tuple.__new__  # Line(...) without its generated __new__'s Python frame
    token_words = _token_words().search
    lines: list[Line] = []
    hints: set[int] = set()
    leads: set[int] = set()
    markup = Markup(texts=[])
    dated, dated_texts, scripts = markup.dated, markup.texts, markup.scripts
    assert dated_texts is not None
    buf: list[str] = []  # text since the last block boundary
    linked: list[str] = []  # the part of it inside links
    path: list[int] = []  # numbers of the open block elements
    chrome: list[int] = []  # numbers of the open furniture elements
    stack: list[int] = []  # flags of every open element
    links = headings = count = 0
    h1: str | None = None
    h1_path: tuple[int, ...] = ()
    h2_path: tuple[int, ...] | None = None

    def flush() -> None:  # the text since the last block boundary becomes lines (more than one after a <br>)
        text = "".join(buf) if len(buf) > 1 else buf[0]
        share = min(sum(map(len, map(str.strip, linked))) / (len(text.strip()) or 1), 1.0) if linked else 0.0
        at, around, heading = tuple(path), tuple(chrome), headings > 0
        # BREAK_HINTS' characters, tested one by one: four substring tests cost a fifth of the regex (nearly no
        # block holds one)
        if "\u00ad" in text or "\u200b" in text or "\u2060" in text or "\ufeff" in text:
            text = BREAK_HINTS.sub("", text)
        squeezed = WHITESPACE.sub(" ", text)  # squeeze(), once per block
        for part in squeezed.split("\n") if "\n" in squeezed else (squeezed,):
            if part := part.strip():
                lines.append(new_line(Line, (part, share, heading, at, around, is_body(part))))
        buf.clear()
        linked.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            tag = el.tag
            if tag.__class__ is not str:  # an entity or processing instruction: its tail only
                stack.append(0)
                walker.skip_subtree()
                continue
            keys = el.keys()
            if keys:
                names = value_bits(cls) if "class" in keys and (cls := el.get("class")) else 0
                # Most ids are unique and say nothing ("post-12345"): one search tells, without filling the cache.
                if "id" in keys and (ident := el.get("id")) and token_words(ident.lower()):
                    names |= value_bits(ident)
                flags = element_flags(tag, names, el.get("role") if "role" in keys else None,
                                      el.get("itemprop") if "itemprop" in keys else None)
                if ("style" in keys or "hidden" in keys or "aria-hidden" in keys) and not flags & _SKIP and \
                        _hidden(el, tag):
                    # A hidden byline may still carry the machine-readable date.
                    dated += [sub for sub in el.iter() if is_dated(sub)]
                    flags |= _SKIP
            else:
                flags = tag_flags(tag)
            if flags & _RARE_START:
                if flags & _SKIP:
                    if flags & _BLOCK and buf:
                        flush()
                    stack.append(0)
                    walker.skip_subtree()
                    if tag == "script":  # JSON-LD, a page's data
                        scripts.append(el)
                    elif tag not in LEAF_TAGS:  # <head>'s metadata, a title or heading in a hidden box
                        for sub in el.iter(*META_TAGS):
                            markup.add(sub)
                    continue
                if flags & _META:
                    markup.add(el)
                if flags & _DATED:
                    dated.append(el)
            if flags & _BLOCK:
                if buf:
                    flush()
                count += 1
                path.append(count)
                if flags & _HINT:
                    hints.add(count)
                if flags & _CHROME:
                    chrome.append(count)
                    if flags & _LEAD:
                        leads.add(count)
                if flags & _HEADING:
                    headings += 1
            elif flags & _LINK:
                links += 1
            elif flags & _BR:
                buf.append("\n")
            stack.append(flags)
            text = el.text
            if text and (buf or not text.isspace()):
                if ("19" in text or "20" in text) and short_dated_text(text):
                    dated_texts.append((el, text))
                if "\n" in text or "\r" in text:
                    text = spaced.sub(" ", text)
                buf.append(text)
                if links:
                    linked.append(text)
            continue
        flags = stack.pop()
        if flags & _BLOCK:
            if not flags & _RARE_END:  # most blocks: no headline, no furniture
                if buf:
                    flush()
                path.pop()
            else:
                if flags & _H1 and buf:  # a page may have two: the site's logo and the article's headline
                    h1 = h1 or squeeze("".join(buf)) or None
                    h1_path += tuple(chrome)
                elif flags & _H2 and h2_path is None and buf:  # the headline of a page without an h1
                    h2_path = tuple(chrome)
                if buf:
                    flush()
                path.pop()
                if flags & _HEADING:
                    headings -= 1
                if flags & _CHROME:
                    chrome.pop()
        elif flags & _LINK:
            links -= 1
        tail = el.tail
        if tail and (buf or not tail.isspace()):
            if ("19" in tail or "20" in tail) and short_dated_text(tail):
                dated_texts.append((el, tail))
            if "\n" in tail or "\r" in tail:
                tail = spaced.sub(" ", tail)
            buf.append(tail)
            if links:
                linked.append(tail)
    if buf:
        flush()
    return _Walked(lines, frozenset(hints), frozenset(leads), h1, h1_path if h1 else h2_path or (), markup)


@dataclass(frozen=True)
class Page:
    """What a page's markup gives: its lines, title, dates, and where the article may be."""

    lines: list[Line]
    title: str | None = None
    meta_dates: tuple[str, ...] = ()
    hints: frozenset[int] = frozenset()  # elements named like an article container
    anchor: tuple[int, ...] = ()  # furniture-named elements around a headline (every h1, else the first h2)
    leads: frozenset[int] = frozenset()  # elements named like a teaser: a related item, or the article's lead
    warnings: tuple[str, ...] = ()  # what could not be read as it was (nesting too deep, broken metadata)


def html_lines(html: str, line_breaks: bool = False, utf8: bytes | None = None) -> Page:
    """Visible lines of a page with where they sit, its title, meta publication dates, and article hints.
    ``utf8``: ``html.encode("utf-8")`` where the caller has it (see ``parse_html``)."""
    warnings: list[str] = []
    root = parse_html(html, warnings, utf8)
    if root is None:
        return Page([], warnings=tuple(warnings))
    walked = _walk(root, line_breaks)
    title = walked.h1 or _page_title(root)
    dates = page_dates(root, walked.markup, warnings)
    return Page(walked.lines, title, dates, walked.hints, walked.anchor, walked.leads, tuple(warnings))


def parse_html(html: str, warnings: list[str] | None = None, utf8: bytes | None = None) -> etree._Element | None:
    """The page's element tree (lxml's forgiving HTML parser); None for a page with no elements.

    libxml2 stops descending past its depth limit and loses the text below it: such a page is read again with its
    layout and formatting tags flattened, and if it is still too deep, with every tag a line break; ``warnings``
    gets a line saying so. ``utf8``: ``html.encode("utf-8")``, when the caller has it (the page's own bytes), so the
    text is not encoded again for the parser."""
    root, too_deep = _parse(html, utf8)
    if too_deep:
        root, too_deep = _parse(INLINE_FORMAT_TAG.sub("", LAYOUT_TAG.sub("<br>", html)))
        how = "its layout and formatting tags flattened"
        if too_deep:
            root, too_deep = _parse(ANY_TAG.sub("<br>", html))
            how = "every tag read as a line break"
        if warnings is not None:
            warnings.append(f"markup nested deeper than the HTML parser's limit of {PARSER_DEPTH} levels; read with "
                            f"{how}{' (some text may still be lost)' if too_deep else ''}")
    return root


def _parse(html: str, utf8: bytes | None = None) -> tuple[etree._Element | None, bool]:
    # lxml.etree's parser, not lxml.html's: the same libxml2 parse, without a Python class look-up per element.
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False)
    try:
        root = etree.fromstring(html.encode("utf-8", "replace") if utf8 is None else utf8, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, False
    if root is None:
        return None, False
    return root, any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log)


def _page_title(root: etree._Element) -> str | None:
    for path in ('.//meta[@property="og:title"]', ".//title"):
        found = root.find(path)
        if found is not None:
            text = found.get("content") if found.tag == "meta" else str(TEXT_OF(found))
            if text and (text := squeeze(text)):
                return text
    return None


def squeeze(text: str) -> str:
    """``text`` as a reader sees it: break hints gone, each run of spaces one space, no space at either end."""
    return WHITESPACE.sub(" ", BREAK_HINTS.sub("", text)).strip()


def text_lines(text: str) -> list[Line]:
    """Lines of a plain-text dump."""
    return [make_line(line) for raw in text.split("\n") if (line := squeeze(raw))]


def _is_body(text: str) -> bool:
    """Prose: long with a sentence mark, or with two (a second search from the first mark, not a list of all)."""
    if (mark := SENTENCE_MARK.search(text)) is None:
        return False
    return len(text) >= BODY_MIN_CHARS or SENTENCE_MARK.search(text, mark.end()) is not None


def _prose(line: Line) -> int:
    """Characters of article-like prose in a line: long or punctuated, mostly outside links."""
    return len(line.text) if line.link_share < 0.5 and line.body else 0


def ends_sentence(text: str) -> bool:
    """What ``TERMINAL.search(text)`` tells, by two string operations."""
    if text.endswith("\n"):  # where ``$`` matches too
        text = text[:-1]
    core = text.rstrip(CLOSING_MARKS)
    return bool(core) and core[-1] in SENTENCE_END_MARKS or text[-1:] in ("”", "」", "』")


def _headline_like(text: str) -> bool:
    return len(text) <= HEADLINE_MAX_CHARS and not ends_sentence(text)


def _pipe_menu(text: str) -> bool:
    if "|" not in text and "｜" not in text:  # most lines: no split needed
        return False
    parts = [p for p in PIPE_SPLIT.split(text) if p]
    return len(parts) >= 2 and "|" in text or \
        "｜" in text and all(len(p) <= 12 for p in parts) and not ends_sentence(text)


def _ticker(text: str) -> bool:
    """Three or more "name figure" items and little else: a market ticker, not a sentence, nor a clause of one (a
    list item of figures: • 毛利率為 6.3%，低於第一季的 9.3% 與去年的 11.8%)."""
    if ends_sentence(text):  # first: it rules out most lines (sentences) at a fraction of the items' cost
        return False
    if "，" in text and not all(TICKER_ITEM.fullmatch(part.strip()) for part in text.split("，") if part.strip()):
        return False  # clauses, not items (恒指25808，國指9100 are items)
    items = TICKER_ITEM.findall(text)
    return len(items) >= 3 and sum(map(len, items)) >= 0.6 * len(text)


def _line_is_chrome(line: Line, simple: str, rules: ChromeRules, words: frozenset[str]) -> bool:
    if line.link_share >= MAX_LINK_SHARE and not (len(line.text) >= LINKED_PROSE_CHARS and line.body):
        return True
    if _pipe_menu(line.text) and all(len(p) <= 20 for p in PIPE_SPLIT.split(line.text)):
        return True
    if rules.breadcrumb.search(simple, words) or GENERIC_BREADCRUMB.match(simple):
        return True
    return rules.widget.search(simple, words) or _ticker(line.text) or _timestamp(line.text)  # captions: clean_lines


def _timestamp(text: str) -> bool:
    """A short line that is mostly a date or time: a byline's timestamp ("Aktualisiert: 11.04.2020, 10:27")."""
    if len(text) > HEADLINE_MAX_CHARS or ends_sentence(text) and not text.endswith("."):
        return False
    rest, found = DATE_TOKEN.subn("", text)
    rest = rest.strip(" ,.:|/-–—()")
    return found > 0 and len(rest) <= DATELINE_REST_CHARS and not any(ch.isdigit() for ch in rest)


def article_lines(lines: list[Line], hints: frozenset[int] = frozenset(), anchor: tuple[int, ...] = (),
                  leads: frozenset[int] = frozenset(), names_count: bool = True) -> tuple[list[Line], int]:
    """The lines of the element that holds the article, furniture inside it removed; and where it starts.

    As in Readability, a line's weight counts in full for its block's parent, half for the grandparent and less
    further up, so the element chosen first is the one whose own paragraphs hold the most prose, not one that
    gathers it from many small cards (a teaser list). From there the choice climbs to a parent while the
    parent's lines, all counted, add much more prose than furniture (an article in several sections); siblings
    that hold prose of their own join it (a lead in its own box, an article split by an ad).
    """
    prose = [len(line.text) if line.link_share < 0.5 and line.body else 0 for line in lines]  # _prose()
    wrappers = _misnamed_wrappers(lines, prose, sum(prose) or 1, anchor) if names_count else \
        {number for line in lines for number in line.chrome}
    local: dict[int, float] = {}
    own: dict[int, float] = {}  # the weight of the lines whose innermost block is the element
    parent: dict[int, int | None] = {}
    get_local, get_own, weight_of = local.get, own.get, _weight  # the hot loop: a line, ~12 levels deep, ~180 a page
    for line, chars in zip(lines, prose, strict=True):
        path = line.path
        if not path:
            continue
        weight = weight_of(line, chars, wrappers)
        for share, number in zip(LEVEL_SHARE, reversed(path), strict=False):  # the line's own block first, then upwards
            local[number] = get_local(number, 0.0) + weight * share
        last = len(path) - 1
        own[path[last]] = get_own(path[last], 0.0) + weight
        for i in range(last, -1, -1):  # from the line's own block up to the first block seen before, whose
            if path[i] in parent:      # ancestors are known already
                break
            parent[path[i]] = path[i - 1] if i else None
    full = _subtree_weights(own, parent)
    for number in hints:  # a named article container wins a near tie
        if local.get(number, 0) > 0:
            local[number] *= HINT_BONUS
    if not local:
        return [], 0
    best = max(local, key=lambda n: local[n])
    positive = local[best] > 0
    if positive:
        best = _climb(best, parent, full)
    if not positive or full[best] < SHORT_ARTICLE:
        if (named := _longest_hint(lines, hints, wrappers)) is not None:
            best = named  # little prose anywhere (quotes, lists, a recipe): trust the markup's article element
        elif names_count:
            # A weak choice. The page's text may sit in elements named like furniture (a forum thread's posts are
            # "comments"), or in short lines with no prose (a data sheet): compare with the choice made with the
            # names set aside and with the element of most plain text, and keep the one holding the most text.
            choices = [_chosen_lines(lines, prose, parent, full, best, wrappers, leads)] if positive else []
            choices.append(article_lines(lines, hints, anchor, leads, names_count=False))
            if (dense := _densest(lines, wrappers)) is not None:
                choices.append(_chosen_lines(lines, prose, parent, full, dense, wrappers, leads))
            return max(choices, key=lambda found: sum(len(x.text) for x in found[0] if x.link_share < 0.5))
        elif not positive:
            return [], 0
    return _chosen_lines(lines, prose, parent, full, best, wrappers, leads)


def _subtree_weights(own: dict[int, float], parent: dict[int, int | None]) -> dict[int, float]:
    """Each element's lines all counted: its own and its descendants'. Numbers grow in document order, so a child's
    number is above its parent's, and one pass from the highest number down adds each total to the parent's (once
    per element, not once per line and ancestor)."""
    full = dict.fromkeys(parent, 0.0)
    full.update(own)
    for number in sorted(parent, reverse=True):
        if (up := parent[number]) is not None:
            full[up] += full[number]
    return full


def _chosen_lines(lines: list[Line], prose: list[int], parent: dict[int, int | None], full: dict[int, float], best: int,
                  wrappers: set[int], leads: frozenset[int]) -> tuple[list[Line], int]:
    """The lines of ``best`` and its prose-holding siblings, a lead above them, furniture inside them removed."""
    top = parent.get(best)
    chosen = {best} | {n for n, p in parent.items() if p == top and n != best and
                       full.get(n, 0) >= SIBLING_SHARE * full[best]}
    inside = [i for i, line in enumerate(lines) if not chosen.isdisjoint(line.path) or
              top is not None and top in line.path[-2:] and prose[i] and line.link_share < 0.3]
    with_leads = wrappers | leads
    if inside:
        inside[:0] = _lead(lines, prose, inside[0], with_leads)
    # Before the article's first prose of its own, a teaser-named element is its lead.
    own = next((i for i in inside if prose[i] and not _furniture(lines[i], wrappers)), None)
    opening = {i for i in inside if own is not None and i < own}
    kept = [lines[i] for i in inside if not _furniture(lines[i], wrappers) or
            i in opening and not _furniture(lines[i], with_leads)]
    return kept, inside[0] if inside else 0


def _furniture(line: Line, wrappers: set[int] | frozenset[int]) -> bool:
    # Some furniture element above the line is not a wrapper (one C-level set test, not a generator a line).
    return not wrappers.issuperset(line.chrome)


def _lead(lines: list[Line], prose: list[int], first: int, wrappers: set[int] | frozenset[int]) -> list[int]:
    """Prose just above the article's element (a lead set apart under the headline), up to furniture or links."""
    found: list[int] = []
    budget = LEAD_SKIP_CHARS  # a share bar, a byline or a caption may sit between the lead and the text
    rules = chrome_rules()
    i = first - 1
    while i >= 0 and len(found) < LEAD_LINES:
        line = lines[i]
        if line.heading:
            # The headline ends the lead; a heading that is a paragraph of prose is a lead set as a heading, and
            # the header of a related box between the lead and the text ("Lesen Sie auch") is furniture.
            simple = to_simplified(line.text)
            if line.body and ends_sentence(line.text) and line.link_share < 0.3:
                found.append(i)
            elif not rules.related_header.search(simple, rules.words_in(simple)):
                break
            elif (budget := budget - len(line.text)) < 0:
                break
        elif _furniture(line, wrappers) or line.link_share >= MAX_LINK_SHARE or not prose[i]:
            budget -= len(line.text)
            if budget < 0:
                break
        elif line.link_share < 0.3:
            found.append(i)
        i -= 1
    return found[::-1]


def _densest(lines: list[Line], wrappers: set[int]) -> int | None:
    """The element whose plain text most outweighs its links, furniture and dated lines (a list of posts or news)."""
    score: dict[int, int] = {}
    for line in lines:
        plain = line.link_share < 0.5 and not _furniture(line, wrappers) and not DATE_LIKE.search(line.text)
        weight = len(line.text) if plain else -len(line.text)
        for number in line.path:
            score[number] = score.get(number, 0) + weight
    best = max(score, key=lambda n: score[n], default=None)
    return best if best is not None and score[best] > 0 else None


def _longest_hint(lines: list[Line], hints: Iterable[int], wrappers: set[int]) -> int | None:
    """The element named like an article that holds the most text outside links and furniture; of nested ones
    holding the same text, the innermost (numbers grow in document order: an inner element has a larger one)."""
    text: dict[int, int] = dict.fromkeys(hints, 0)
    for line in lines:
        if line.link_share < 0.5 and wrappers.issuperset(line.chrome):  # not _furniture()
            for number in line.path:
                if number in text:
                    text[number] += len(line.text)
    best = max(text, key=lambda n: (text[n], n), default=None)
    return best if best is not None and text[best] > 0 else None


def _climb(best: int, parent: dict[int, int | None], full: dict[int, float]) -> int:
    """The ancestor of ``best`` whose lines add up to the most, if that is clearly more than ``best``'s own."""
    choice, ancestor = best, parent.get(best)
    while ancestor is not None:
        gain = full[ancestor] - full[best]
        if (gain >= (CLIMB_GAIN - 1) * full[best] or gain >= CLIMB_MIN_CHARS) and full[ancestor] > full[choice]:
            choice = ancestor
        ancestor = parent.get(ancestor)
    return choice


def _misnamed_wrappers(lines: list[Line], prose: list[int], total: int, anchor: tuple[int, ...]) -> set[int]:
    """Furniture-named elements that are layout wrappers: they hold the headline, or nearly all the prose.

    An element that only starts after the page has shown prose of its own (a comment thread under an article)
    is not a wrapper of the article, however much it holds.
    """
    held: dict[int, int] = {}
    before: dict[int, int] = {}
    read = 0
    # Lines under the same furniture (a menu's items, a footer's links) come in runs: their prose is summed per run
    # and added to each element of the run once, not once per line and element (whole numbers: the same sums).
    run: tuple[int, ...] = ()
    run_chars = 0
    for line, chars in zip(lines, prose, strict=True):
        chrome = line.chrome
        if chrome != run:
            for number in run:
                held[number] = held.get(number, 0) + run_chars
            for number in chrome:
                before.setdefault(number, read)
            run, run_chars = chrome, 0
        run_chars += chars
        if not chrome:
            read += chars
    for number in run:
        held[number] = held.get(number, 0) + run_chars
    return {number for number, chars in held.items() if
            chars >= WRAPPER_SHARE * total and before[number] < WRAPPER_AFTER_PROSE or
            number in anchor and chars >= ANCHORED_WRAPPER_SHARE * total}


def _weight(line: Line, prose: int, wrappers: set[int]) -> float:
    """How much a line pulls the choice of the article's element towards itself (prose) or away (furniture)."""
    if not wrappers.issuperset(line.chrome):  # _furniture()
        return -0.5 * min(len(line.text), 200)
    if prose:
        return prose * (1.0 - line.link_share)
    if line.link_share >= MAX_LINK_SHARE:
        return -0.5 * min(len(line.text), 100)
    return -3.0


def clean_lines(lines: list[Line], is_html: bool = False) -> tuple[list[str], int, str | None]:
    """Keep the article's own lines; return them, the count dropped, and a title from a text dump's head."""
    rules = chrome_rules()
    prose = [len(line.text) if line.link_share < 0.5 and line.body else 0 for line in lines]  # _prose()
    after = list(itertools.accumulate(reversed(prose)))[::-1] + [0]  # prose from each line to the end
    total = after[0] or 1
    kept: list[str] = []
    titles: list[str] = []
    seen: set[str] = set()
    body_started = False
    read = 0  # prose read so far
    dropped = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        simple = to_simplified(line.text)
        words = rules.words_in(simple)
        if body_started and len(line.text) <= HEADLINE_MAX_CHARS and rules.related_header.search(simple, words):
            skipped = _skip_box(lines, i)
            rest = after[skipped]
            if rest < RESUME_MIN_CHARS or read >= END_AFTER_SHARE * total and rest < RESUME_SHARE * read:
                dropped += len(lines) - i + 1
                _drop_trailing_headlines(kept)
                break
            dropped += skipped - i + 1
            i = skipped
            continue
        if rules.end_of_article.search(simple, words):
            if body_started and read >= END_AFTER_SHARE * total:
                dropped += len(lines) - i + 1
                _drop_trailing_headlines(kept)
                break
            dropped += 1
            continue
        caption = (credit := rules.caption.find(simple, words)) is not None
        if caption and credit.start() > 0:  # type: ignore[union-attr]
            # A sentence followed by a photo credit ("… 40.000 Dollar. Foto: dpa"): the sentence is the article's.
            sentence = line.text[:credit.start()].rstrip(" |/–—-")  # type: ignore[union-attr]
            if _is_body(sentence) or ends_sentence(sentence):
                dropped += 1  # the credit
                line, simple = line._replace(text=sentence, body=_is_body(sentence)), simple[:len(sentence)]
                caption = rules.caption.search(simple, words)
        if caption or _line_is_chrome(line, simple, rules, words) or line.text in seen:
            dropped += 1
            continue
        if not body_started:
            if line.body:
                body_started = True
            elif not DATE_LIKE.search(line.text):
                titles.append(line.text)
            if not body_started and not is_html and len(line.text) < HEAD_MIN_CHARS:
                dropped += 1
                continue
        read += prose[i - 1]
        seen.add(line.text)
        kept.append(line.text)
    if is_html:
        dropped += _drop_trailing_furniture(kept)
    else:
        dropped += _drop_headline_runs(kept)
    # The headline is the longest line above the body that is not a byline (sites put taglines first).
    title = max(titles, key=len, default=None)
    return kept, dropped, title


def _drop_trailing_furniture(kept: list[str]) -> int:
    """Short unfinished lines after the article's last sentence: tag lists, credits, "Teilen", box headers. Without
    a sentence there is no "after" (a one-line page, "DeepSeek 花了 600万美元"): nothing goes."""
    end = len(kept)
    while end > 0 and not _is_body(kept[end - 1]) and not ends_sentence(kept[end - 1]):
        end -= 1
    if end == 0:
        return 0
    dropped = len(kept) - end
    del kept[end:]
    return dropped


def _skip_box(lines: list[Line], i: int) -> int:
    """The index after a related-news box that starts at ``i``: its short or linked lines."""
    while i < len(lines) and not (_prose(lines[i]) and lines[i].link_share < 0.3):
        i += 1
    return i


def _drop_trailing_headlines(kept: list[str]) -> None:
    """Before an end marker, a run of unpunctuated or list-marked lines is a related list without a header."""
    run = 0
    while run < len(kept) and _headline_like(kept[-1 - run]):
        run += 1
    marked = run and all(LIST_MARKER.match(kept[-1 - i]) for i in range(run))
    if run >= 2 or marked:
        del kept[len(kept) - run :]


def _drop_headline_runs(kept: list[str]) -> int:
    """Drop runs of HEADLINE_RUN or more short unfinished lines that look like a list: headlines in a text dump."""
    out: list[str] = []
    run: list[str] = []
    dropped = 0
    for text in [*kept, None]:
        if text is not None and _headline_like(text) and len(out) > 0:
            run.append(text)
            continue
        if len(run) >= HEADLINE_RUN and _headline_list(run):
            dropped += len(run)
        else:
            out.extend(run)
        run = []
        if text is not None:
            out.append(text)
    kept[:] = out
    return dropped


def _headline_list(run: list[str]) -> bool:
    """Short lines that are list-marked, or have no sentence mark at all; hard-wrapped prose has commas."""
    marked = sum(1 for text in run if LIST_MARKER.match(text))
    return 2 * marked > len(run) or not any(SENTENCE_MARK.search(text) for text in run)


def _head(lines: list[Line], start: int, kept: Iterable[str]) -> str:
    above = [line.text for line in lines[max(0, start - HEAD_LINES_ABOVE):start]]
    return "\n".join([*above, *list(kept)[:HEAD_LINES_BODY]])


def clean(body: str, is_html: bool, title: str | None = None, line_breaks: bool = False,
          utf8: bytes | None = None) -> Cleaned:
    """Clean an article body; ``title`` from front matter wins over the page's own.

    ``line_breaks``: the body is markdown or a text dump with HTML in it, whose newlines end lines.
    ``utf8``: ``body.encode("utf-8")`` where the caller has it (a page decoded from strict UTF-8): the parser reads it.
    """
    meta_dates: tuple[str, ...] = ()
    page_title = None
    start = 0
    warnings: list[str] = []
    if is_html:
        page = html_lines(body, line_breaks, utf8)
        lines, page_title, meta_dates = page.lines, page.title, page.meta_dates
        warnings += page.warnings
        article, start = article_lines(lines, page.hints, page.anchor, page.leads)
    else:
        lines = article = text_lines(body)
    kept, dropped, head_title = clean_lines(article, is_html)
    dropped += len(lines) - len(article)
    head = _head(lines, start, [line.text for line in article]) if is_html else \
        "\n".join(line.text for line in lines[:HEAD_LINES_TEXT])
    best_title = (str(title).strip() if title else None) or page_title or head_title or (kept[0] if kept else None)
    if not kept and body.strip():
        warnings.append(_no_text_reason(lines, is_html))
    return Cleaned("\n".join(kept), best_title, head, meta_dates, dropped, tuple(warnings))


def _no_text_reason(lines: list[Line], is_html: bool) -> str:
    """Why a source with text gave no article text: a document never comes out empty without saying so."""
    if not lines:
        return ("no article text: the page shows no text (what it has is in scripts, styles or hidden elements)"
                if is_html else "no article text: the file holds only blank lines and markup")
    where = f"the {'page' if is_html else 'file'}'s " + \
        ("only line was" if len(lines) == 1 else f"{len(lines)} lines were all")
    return f"no article text: {where} taken for page furniture (menus, link lists, bylines, captions)"


WARM_UP_PAGE = ('<html><head><title>T</title><meta property="article:published_time" content="5th of March, 2024">'
                '</head><body><article><h1>T</h1><p class="byline">Veröffentlicht am 05.03.2024</p>'
                '<p>Die Firma hat sechs Millionen Dollar ausgegeben, sagte der Chef.</p></article></body></html>')


def warm_up() -> None:
    """Build the cleaner's rules (markup vocabulary, chrome phrases, date cues, a text dump's header labels) and load
    dateparser's locale data (~0.2 s at its first use) now, before a pipeline forks its workers."""
    clean(WARM_UP_PAGE, True)
    clean("url: https://example.com/a\ndate: 2024-03-05\n\nText.", False)
    header_rules()
