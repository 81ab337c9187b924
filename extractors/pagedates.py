"""A page's publication-date candidates from its markup: JSON-LD, meta tags, <time>, dated bylines, its URL."""
from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from normalizers.dates import head_dates, parse_date_value, update_date
from normalizers.locale import load_locale, page_locale
from normalizers.patterns import word_alternation

# Meta names (name, property, itemprop or http-equiv, lowercased) that carry the publication date, most trusted
# first. Names with "modified" or "updated" are left out on purpose: they are revisions.
PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "parsely-pub-date", "sailthru.date", "article.published", "article_date_original", "date_published",
    "published_time", "published-date", "publication_date", "publish_date", "publish-date", "publishdate", "pubdate",
    "originalpublicationdate", "rnews:datepublished", "bt:pubdate", "citation_publication_date", "citation_date",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dc.created", "dcterms.created", "datecreated",
    "article.created", "release_date", "cxenseparse:recs:publishtime", "displaydate",
)
# Generic names: often the day the page was generated, so they rank below dates shown in the article.
GENERIC_META = ("dc.date", "dcterms.date", "dc:date", "date")
META_RANK = {name: rank for rank, name in enumerate(PUBLISHED_META)}
JSONLD_PUBLISHED = ("datePublished", "dateCreated")
# When JSON-LD does not parse (a trailing comma, a raw newline), its dates are still found in the text.
JSONLD_PUBLISHED_TEXT = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')
# A page's own data in other scripts (Shopify, Next.js, Nuxt): a publication key with a timestamp value.
SCRIPT_PUBLISHED = re.compile(
    r'"(?:datePublished|published_?[aA]t|publish_?[dD]ate|pubDate|date_published|first_?[pP]ublished(?:_?[aA]t)?|'
    r'created_?[aA]t|dateCreated)"'
    r'\s*:\s*"((?:19|20)\d{2}-\d{2}-\d{2}[^"]{0,30})"'
)
ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|WebPage", re.I)
# Elements a byline date sits in: <time>, itemprop=datePublished, or a class or id that names a date or a byline.
# (A Python pass over the elements is 4x faster than the same test in XPath with translate().)
DATED_NAME = re.compile(r"date|datum|time|publish|byline|posted|meta|info", re.I)
# Of those, the names of a date itself (not of a box of page facts): kept even far from the headline.
DATE_NAME = re.compile(r"date|datum|publish|posted", re.I)
# Class names of a revision date. Only the element's own: WordPress themes put `updated` on the byline box too.
REVISION_NAME = re.compile(r"modif|updat", re.I)
# Class-name words (at the start of a class token or of one of its parts) of a box of other articles;
# "has-sidebar", "with-navigation" and the like describe a page layout, not a box.
NOT_THIS_ARTICLE = re.compile(
    r"(?:^|\s|(?<!has)(?<!with)(?<!no)(?<!one)(?<!two)[_-])(?:related|teaser|sidebar|comment|recommend|popular|more|"
    r"latest|recent|archive|calendar|tags?(?:$|[\s_-])|nav|menu|breadcrumb|topbar|navtop|weather|mega)",
    re.I,
)
# Every word the three name patterns above look for, lower-cased.
NAME_WORD_LIST = ("date", "datum", "time", "publish", "byline", "posted", "meta", "info", "modif", "updat", "related",
                  "teaser", "sidebar", "comment", "recommend", "popular", "more", "latest", "recent", "archive",
                  "calendar", "tag", "nav", "menu", "breadcrumb", "topbar", "weather", "mega")
NAME_WORDS = re.compile(word_alternation(NAME_WORD_LIST))
CHROME_TAGS = {"nav", "head", "script", "style", "noscript", "template", "select", "option"}
# Page furniture, unless it sits inside the article (an <aside> or <footer> of the article holds its byline).
BOX_TAGS = {"aside", "footer"}
ARTICLE_TAGS = {"article", "main"}
# Boxes of other articles sit close to their dates; far ancestors are page layout wrappers.
MAX_BOX_DEPTH = 8
# A byline holding the date is short; a longer element is read for a cued date only ("… wurde am 19. Mai 2010
# gepostet"), and one longer still is a container of many things.
BYLINE_MAX_CHARS = 150
CUED_MAX_CHARS = 400
# A list item among this many dated siblings is an entry of a news list, not the article's byline.
LIST_MIN_DATED = 3
PUBLISHED_NAME = re.compile(r"publish|pubdate", re.I)
# A date element this many source lines or more from the headline, outside the article, is the page's, not its own
# (on a page without an <h1> there is nothing to measure from).
FAR_FROM_HEADLINE = 60
YEAR = re.compile(r"(?:19|20)\d{2}")
# Text nodes short enough for a byline that hold a four-digit year.
SHORT_TEXT_CHARS = 100
SHORT_DATED_TEXT = etree.XPath(
    f"//body//text()[string-length(normalize-space(.)) < {SHORT_TEXT_CHARS}][contains(., '19') or contains(., '20')]"
)
# A link to the page itself has a target that ends with the page's own path; a path this short ("/", "/de/") is
# a home page.
MIN_SELF_PATH = 12
# A teaser's date sits within this many ancestors of its link.
SELF_TEASER_DEPTH = 3
HAN = re.compile(r"[\u4e00-\u9fff]")
STRING_VALUE = etree.XPath("string()")
# Elements of the page's metadata: gathered in the caller's pass over the page, or by one search here.
META_TAGS = ("meta", "link", "script", "title", "h1", "h2")


def text_of(element: etree._Element) -> str:
    """An element's text (what lxml.html's text_content() does, for a tree from lxml.etree's parser as well)."""
    # XPath's string() gives a string; lxml-stubs type every XPath result as the union of all kinds of result.
    return cast(str, STRING_VALUE(element))


def source_line(element: etree._Element) -> int | None:
    """The element's line in the page's source, where the parser recorded it."""
    # lxml-stubs declare ``sourceline = ...`` with its type, Optional[int], in a comment only.
    return cast("int | None", element.sourceline)


def _short_dated_texts(tree: etree._Element) -> list[tuple[etree._Element, str]]:
    """``SHORT_DATED_TEXT``'s text nodes with the element each is the text or tail of."""
    # The XPath selects text nodes only, which lxml returns as strings that know their element.
    nodes = cast("list[etree._ElementUnicodeResult]", SHORT_DATED_TEXT(tree))
    return [(parent, node) for node in nodes if (parent := node.getparent()) is not None]


@dataclass
class Markup:
    """What the date finder reads of a page, each in document order: its meta, link and script elements, its first
    title, h1 and h2, the elements a byline's date may sit in (``is_dated``) and the short texts with a year
    (``short_dated_text``, with the element they are the text or tail of). A caller that walks the page anyway
    gathers them (``add``); ``of`` looks them up in a tree."""

    metas: list[etree._Element] = field(default_factory=list)
    links: list[etree._Element] = field(default_factory=list)
    scripts: list[etree._Element] = field(default_factory=list)
    title: etree._Element | None = None
    h1: etree._Element | None = None
    h2: etree._Element | None = None
    dated: list[etree._Element] = field(default_factory=list)
    texts: list[tuple[etree._Element, str]] | None = None  # None: look them up (SHORT_DATED_TEXT) when needed

    def add(self, element: etree._Element) -> None:
        """Take a metadata element (one of ``META_TAGS``) met in document order."""
        tag = element.tag
        if tag == "meta":
            self.metas.append(element)
        elif tag == "link":
            self.links.append(element)
        elif tag == "script":
            self.scripts.append(element)
        elif tag == "title":
            self.title = self.title if self.title is not None else element
        elif tag == "h1":
            self.h1 = self.h1 if self.h1 is not None else element
        elif tag == "h2":
            self.h2 = self.h2 if self.h2 is not None else element

    @classmethod
    def of(cls, tree: etree._Element) -> Markup:
        markup = cls(dated=[element for element in tree.iter() if is_dated(element)])
        for element in tree.iter(*META_TAGS):
            markup.add(element)
        return markup


def _page_zone(tree: lxml.html.HtmlElement, markup: Markup) -> str | None:
    """The publisher's time zone from the page's declared language (or, where it declares none, its title's script),
    from the locale data; a page in a language of no locale file is read as Latin script (German)."""
    lang = (tree.get("lang") or tree.get("xml:lang") or "").lower()
    title = (markup.title.text or "") if markup.title is not None else ""
    script = "Hans" if not lang and HAN.search(title) else "Latn"
    return load_locale(page_locale(lang, script)).get("dates", {}).get("timezone")


def _jsonld_values(data: Any) -> list[tuple[bool, str]]:
    """(is an article-like object, value) of every datePublished / dateCreated, nested @graph and lists included
    (walked with a stack of its own: a hostile page may nest its objects thousands deep)."""
    found: list[tuple[bool, str]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack += reversed(node)
        elif isinstance(node, dict):
            is_article = bool(ARTICLE_TYPES.search(str(node.get("@type", ""))))
            found += [(is_article, node[key]) for key in JSONLD_PUBLISHED if isinstance(node.get(key), str)]
            stack += reversed([value for key, value in node.items()
                               if isinstance(value, (dict, list)) and key not in ("publisher", "author", "comment",
                                                                                  "review")])
    return found


def _jsonld_dates(markup: Markup, warnings: list[str] | None = None) -> list[str]:
    """JSON-LD publication dates, those of article-like objects first. A block that does not parse (a trailing
    comma, a raw newline) or is nested deeper than the JSON reader goes has its dates found in its text."""
    found: list[tuple[bool, str]] = []
    for script in markup.scripts:
        if script.get("type") != "application/ld+json":
            continue
        text = script.text or ""
        try:
            found += _jsonld_values(json.loads(text))
        except ValueError:
            found += [(True, value) for value in JSONLD_PUBLISHED_TEXT.findall(text)]
        except RecursionError:
            found += [(True, value) for value in JSONLD_PUBLISHED_TEXT.findall(text)]
            if warnings is not None:
                warnings.append(f"JSON-LD metadata (line {script.sourceline}) nested too deeply to read; only its "
                                f"datePublished text was used")
    return [value for is_article, value in sorted(found, key=lambda f: not f[0])]


def _script_dates(markup: Markup) -> list[str]:
    """The first publication timestamp in the page's other inline scripts' data."""
    for script in markup.scripts:
        if script.get("type") != "application/ld+json" and script.text and (m := SCRIPT_PUBLISHED.search(script.text)):
            return [m.group(1)]
    return []


def _meta_dates(markup: Markup) -> tuple[list[str], list[str]]:
    """Publication-date meta values, most trusted name first, and the generic `date` ones."""
    named: list[tuple[int, str]] = []
    generic: list[str] = []
    for meta in markup.metas:
        content = meta.get("content")
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            name = (meta.get(attr) or "").strip().lower()
            if name in META_RANK:
                named.append((META_RANK[name], content))
            elif name in GENERIC_META:
                generic.append(content)
    return [value for _, value in sorted(named, key=lambda n: n[0])], generic


def _dated_list(parent: lxml.html.HtmlElement | None, seen: dict[Any, bool]) -> bool:
    """A list with several dated entries: a news list, whose dates are other articles'. ``seen``: lists judged
    already on this page (the entries of a menu or a list share it)."""
    if parent is None or len(parent) < LIST_MIN_DATED:
        return False
    if parent not in seen:
        dated = (item for item in parent if isinstance(item.tag, str) and YEAR.search(text_of(item)))
        seen[parent] = next(itertools.islice(dated, LIST_MIN_DATED - 1, None), None) is not None
    return seen[parent]


def _outside_article(element: lxml.html.HtmlElement, headline_articles: set[lxml.html.HtmlElement],
                     has_headline: bool, lists: dict[Any, bool] | None = None) -> tuple[bool, bool]:
    """(in chrome or another article's box, inside the article's <article>/<main>) for an element.

    With the headline outside every <article>, an <article> is a teaser or the body alone: neither is trusted."""
    in_box = False
    lists = {} if lists is None else lists
    for depth, anc in enumerate(element.iterancestors()):
        tag = anc.tag if isinstance(anc.tag, str) else ""
        if tag in CHROME_TAGS:
            return True, False
        if tag in ARTICLE_TAGS or anc.get("itemprop") == "articleBody":
            # The article's own container (its classes name its topics: "tag-politik"); what wraps it is layout.
            # When the headline sits in another <article>, this one is a teaser of another page.
            if headline_articles:
                return (False, True) if anc in headline_articles else (True, False)
            return False, not has_headline
        in_box = in_box or tag in BOX_TAGS
        if depth < MAX_BOX_DEPTH and tag != "body" and any(
                value and name_marks(value)[2] for value in (anc.get("class"), anc.get("id"))):
            return True, False
        if tag == "li" and _dated_list(anc.getparent(), lists):
            return True, False
    return in_box, False


def _headline(markup: Markup) -> tuple[int | None, set[lxml.html.HtmlElement], bool]:
    """The headline's source line, the <article>/<main> elements around it, and whether the page has an <h1>."""
    h1 = markup.h1
    if h1 is None:
        return None, set(), False
    return source_line(h1), {anc for anc in h1.iterancestors() if anc.tag in ARTICLE_TAGS}, True


@lru_cache(maxsize=8192)
def name_marks(value: str) -> tuple[bool, bool, bool]:
    """(names a date or a byline, a revision, a box of other articles) for one class, id or itemprop value."""
    if not NAME_WORDS.search(value.lower()):  # most class names hold none of the words: one pass rules them out
        return False, False, False
    return bool(DATED_NAME.search(value)), bool(REVISION_NAME.search(value)), bool(NOT_THIS_ARTICLE.search(value))


def dated_names(tag: str, cls: str | None, ident: str | None, itemprop: str | None) -> bool:
    """Whether a byline's date may sit in an element of this tag and names: <time>, itemprop=datePublished, or a
    class or id naming a date or byline, and not a revision or a box of other articles."""
    marks = [name_marks(value) for value in (cls, ident, itemprop) if value]
    return (tag == "time" or itemprop in ("datePublished", "dateCreated") or any(m[0] for m in marks)) and \
        not any(m[1] or m[2] for m in marks)


def is_dated(element: etree._Element) -> bool:
    """``dated_names`` of an element (False for a comment or processing instruction)."""
    tag = element.tag
    return isinstance(tag, str) and dated_names(tag, element.get("class"), element.get("id"), element.get("itemprop"))


def _element_dates(markup: Markup, zone: str | None) -> tuple[list[str], list[str]]:
    """Dates of <time>, itemprop=datePublished and date/byline elements, nearest the headline first: those the page
    shows and labels as published ("Veröffentlicht am …", class="publish-date"), and the others."""
    anchor, headline_articles, has_headline = _headline(markup)
    ranked: list[tuple[int, int, int, str]] = []
    lists: dict[Any, bool] = {}
    for order, element in enumerate(markup.dated):
        names = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('itemprop') or ''}"
        # The date the reader sees first: a UTC datetime attribute may fall on another day than the one shown.
        text = text_of(element)
        cued_date, plain_date = (head_dates(" ".join(text.split()), BYLINE_MAX_CHARS) if len(text) <= CUED_MAX_CHARS
                                 else (None, None))
        cued = cued_date is not None
        found = cued_date or (plain_date if len(text) <= BYLINE_MAX_CHARS else None)
        shown = found is not None
        if found is None and (value := element.get("datetime") or element.get("content")):
            found = parse_date_value(value, zone)
        if found is None:
            continue
        outside, in_article = _outside_article(element, headline_articles, has_headline, lists)  # the costlier test
        if outside:
            continue
        published = (cued or element.get("itemprop") == "datePublished" or element.get("pubdate") is not None
                     or bool(PUBLISHED_NAME.search(names)))
        line = source_line(element)
        distance = abs(line - anchor) if anchor and line else FAR_FROM_HEADLINE
        if not (published or in_article or anchor is None or distance < FAR_FROM_HEADLINE or DATE_NAME.search(names)):
            continue
        rank = 0 if cued else 1 if published and shown else 2 if published else 3 if in_article else 4
        ranked.append((rank, distance, order, found.isoformat()))
    ranked.sort()
    # Labelled and shown to the reader: these beat the page's machine-readable dates when they differ.
    return [value for rank, *_, value in ranked if rank <= 1], [value for rank, *_, value in ranked if rank > 1]


def short_dated_text(text: str) -> bool:
    """A text node short enough for a byline that may hold a four-digit year."""
    return ("19" in text or "20" in text) and len(" ".join(text.split())) < SHORT_TEXT_CHARS


def _labelled_texts(tree: lxml.html.HtmlElement, markup: Markup) -> tuple[list[str], list[str]]:
    """Dates short texts label anywhere on the page, outside boxes of other articles, nearest the headline first:
    as published ("发表于 2004年12月27日 12:40"), and as revised ("<label>Letzte Änderung:</label> 14.01.2022")."""
    anchor, headline_articles, has_headline = _headline(markup)
    published: list[tuple[int, str]] = []
    revised: list[tuple[int, str]] = []
    lists: dict[Any, bool] = {}
    texts = markup.texts if markup.texts is not None else _short_dated_texts(tree)
    for parent, text in texts:
        if parent.tag in CHROME_TAGS or not isinstance(parent.tag, str):
            continue
        cued, _ = head_dates(" ".join(text.split()))
        # A revision's label may sit in a sibling element; the enclosing block is read when it is short.
        block = parent.getparent()
        block_text = " ".join(text_of(block if block is not None else parent).split())
        updated = None if cued else update_date(block_text if len(block_text) <= BYLINE_MAX_CHARS else text)
        found = cued or updated
        if not found or _outside_article(parent, headline_articles, has_headline, lists)[0]:
            continue
        distance = abs((source_line(parent) or 0) - (anchor or 0))
        (published if cued else revised).append((distance, found.isoformat()))
    return [value for _, value in sorted(published)], [value for _, value in sorted(revised)]


def _self_teaser_dates(tree: lxml.html.HtmlElement, urls: list[str]) -> list[str]:
    """Dates next to a link to the page itself (its own teaser in a list on the page), first one first."""
    out: list[str] = []
    for url in urls:
        path = urlsplit(url).path
        if len(path) < MIN_SELF_PATH:
            continue
        # lxml's C-level walk over the <a> elements and a Python endswith: a fifth of the XPath's cost.
        for link in [a for a in tree.iter("a") if (a.get("href") or "").endswith(path)]:
            for box in itertools.islice(link.iterancestors(), SELF_TEASER_DEPTH):
                text = " ".join(text_of(box).split())
                if len(text) > CUED_MAX_CHARS:
                    break
                published, shown = head_dates(text)
                if found := published or shown:
                    out.append(found.isoformat())
                    break
        if out:
            return out[:1]
    return out


def _url_candidates(markup: Markup) -> list[str]:
    """The page's own addresses: canonical link, og:url, and the permalink its headline links to (blogs)."""
    urls = [link.get("href") for link in markup.links if link.get("rel") == "canonical"]
    urls += [meta.get("content") for meta in markup.metas if (meta.get("property") or "").lower() == "og:url"]
    headline = markup.h1 if markup.h1 is not None else markup.h2
    if headline is not None:
        urls += [link.get("href") for link in headline.iter("a")]
    return [url for url in urls if url]


def page_dates(tree: lxml.html.HtmlElement, markup: Markup | None = None, warnings: list[str] | None = None
               ) -> tuple[str, ...]:
    """The page's publication-date candidates from its markup, most trusted first, then its own URLs (for their
    dates); the tree is not changed. ``markup``: the page's metadata elements, when the caller's pass over the page
    has gathered them (``Markup``); else they are looked up here. ``warnings`` gets a line for metadata that could
    not be read.

    The costlier searches of free text (labelled texts, the page's own teaser, inline script data) run only when
    the markup gave no date before them: their dates could only follow one that wins anyway. A date the page labels
    as a revision comes last, and only when nothing else does."""
    markup = markup if markup is not None else Markup.of(tree)
    zone = _page_zone(tree, markup)
    named, generic = _meta_dates(markup)
    labelled, shown = _element_dates(markup, zone)
    # A date the page shows and labels as its publication date beats the machine-readable ones when they differ.
    out = labelled + _iso(named, zone) + _iso(_jsonld_dates(markup, warnings), zone)
    revised: list[str] = []
    if not out:
        published, revised = _labelled_texts(tree, markup)
        out += published
    out += shown
    urls = _url_candidates(markup)
    if not out:
        out += _self_teaser_dates(tree, urls[:2])
    out += _iso(generic, zone)
    if not out:
        out += _iso(_script_dates(markup), zone)
    if not out:  # a revision date only when the page states no publication date at all
        out += revised
    return tuple(dict.fromkeys(out + urls))


def _iso(values: list[str], zone: str | None) -> list[str]:
    """The values that hold a date, as YYYY-MM-DD (a UTC timestamp moved into the publisher's zone)."""
    return [found.isoformat() for value in values if (found := parse_date_value(value, zone))]
