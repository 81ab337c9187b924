"""Find monetary amounts in Chinese (Simplified matching text) and German news text."""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Any

from extractors.sentences import SENTENCE_END as SENTENCES
from extractors.sentences import SENTENCE_MARKS
from normalizers.locale import load_locale
from normalizers.numbers import Number, NumberError, parse_de, parse_zh
from normalizers.patterns import NEVER, WORD_STYLES, WordStyle, word_alternation, word_at_end

# Characters that may stand between a qualifier and its amount: quotes, 为/是/达 (最高达: at most), spaces.
QUALIFIER_FILLER = "\"'“”‘’「」『』《》 \u3000为是了在达"
# How far before an amount a 每… unit-price phrase may start (same clause, parentheses removed).
PER_LOOKBACK = 40
PARENTHESES = re.compile(r"[（(][^（）()]*[）)]")
# Sub-units follow a plain figure only (245元3角2分): after 500万元 a 三角 is something else.
ONE = Decimal(1)
ZH_SCALED_FIGURE = re.compile(r"[万亿兆kKwWmM]")
DE_SCALED_FIGURE = re.compile(r"[\s-][^\W\d_]")
WHITESPACE = re.compile(r"\s+")
CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:]")
# The hours of a time of day right before a figure (9:26分): its minutes follow.
CLOCK_BEFORE = re.compile(r"\d[:：]\s?$")
YEAR = re.compile(r"(?:19|20)\d\d")
# How far back a sentence's start is looked for (a page without full stops has no sentences).
SENTENCE_LOOKBACK = 400
# What ends a declared currency's sentence: full stops and line breaks, not ；, since a Chinese sentence declares its
# currency after its first clause as often as before (收入23.58億元；虧損11.62億元（人民幣，下同）).
DECLARATION_ENDS = "。！？!?\n"
DECLARATION_END = re.compile(f"[{DECLARATION_ENDS}]")
# A unit price written with a slash after the amount: 1.5万元/月, 2美元/小时, 0.14美元/百万tokens.
PER_SLASH = re.compile(r"\s*[/／]\s*(?P<u>[^\s，,；;。！？!?：:/／)）]+)")
# One space (or no-break space) between an Arabic figure and its Han unit: 59.3 亿美元.
ZH_FIGURE_SPACE = r"[ \u00a0]"
ZH_FIGURE_SPACES = re.compile(ZH_FIGURE_SPACE)
ZH_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．﹒，", "0123456789..,")
# A full-width point or comma only inside a full-width figure (２，５００万): elsewhere it is punctuation. Hong Kong
# and Taiwan print also set the small full stop ﹒ as the decimal point (２﹒３４萬億元, 16﹒86%).
FULLWIDTH_NUMBER = re.compile(r"[０-９]+(?:，[０-９]{3})*(?:[．﹒][０-９]+)?")
SMALL_POINT = re.compile(r"(?<=\d)﹒(?=\d)")
# 63，410.00元: a full-width comma between groups of three ASCII digits groups thousands where decimals follow;
# without them it is as often a list ($20，300美圆: two prices).
FULLWIDTH_GROUPED = re.compile(r"(?<![\d,])\d{1,3}(?:，\d{3})+(?=\.\d)")
# Invisible characters scraped pages leave inside figures (2\u200b500万美元); removed before matching.
ZERO_WIDTH = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Alternatives in the order tried: a plain \d+ first would win on "1.95 Dollar" and leave ".95".
# Space-grouped (2 450,00) and Swiss apostrophe-grouped (2'380,50 or 2'380.50) figures end at their decimals.
# A price may end in ",-" for no cents (1.299,- Euro).
DE_ARABIC = (r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+|,[-–])?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d.,]\d)"
             r"|\d{1,3}(?:['’]\d{3})+(?:[.,]\d+)?)"
             r"|\d+\.\d{1,2}(?!\d)|\d+(?:,\d+|,[-–](?!\d))?")
NO_CENTS = re.compile(r",[-–]")
# No amount in a currency worth a tenth of a dollar or more reaches a quadrillion (the world's yearly output is about
# 10^14 dollars): a figure grouped with one dot that would is written with a decimal point (3.012 Billionen
# US-Dollar; 1.300 Billionen Yen of Japan's debt is grouped).
IMPLAUSIBLE_SUM = 1e15
HEAVY_CURRENCIES = frozenset({"USD", "EUR", "CHF", "GBP", "CNY", "HKD", "TWD", "CAD", "AUD", "SGD", "NZD"})
ONE_DOT_GROUP = re.compile(r"\d{1,3}\.\d{3}(?![\d.,])")
# A stock quote's change as quote boxes print it, in signs rather than words: a signed figure and its signed
# percentage in brackets (+0.950 (+1.863%)); prose says 升0.95元. What follows it up to the next break is the box's
# market data (沽空 $8.18億; 比率 13.340%), not an amount of the article, when a text dump joins the box to a line.
QUOTE_CHANGE = re.compile(r"[+\-−]\d[\d.,]*\s*[(（]\s*[+\-−]\d[\d.,]*\s*%\s*[)）]")
QUOTE_BOX_END = re.compile(r"[，,;；。！？!?\n]")
# What may not stand before a dash for it to be a minus sign: a range mark, a point, a slash (ASCII letters and
# digits are checked apart).
NOT_BEFORE_SIGN = frozenset("-−–—~～.,/")
# Clause punctuation, the only thing a bare digit after a unit may stand before (15 Dollar 50., 七块八。).
# A figure before a point or comma and a digit is the start of another figure (10.350,55 €), no end of clause.
END_OF_CLAUSE = r"(?![.,]\d)(?=[^\S\n]*(?:[.,;:!?)，。、；：！？）」”]|$))"


@dataclass(frozen=True)
class MoneySpan:
    """One amount: offsets into the text, the ISO currency, a point or a range, and how it is qualified."""

    start: int
    end: int
    currency: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    per: str | None = None
    equivalent_of: int | None = None  # index in the result list of the amount this one restates
    vague: bool = False
    rule: str = ""
    # The currency is the locale's default for a bare unit (元, or no word): a declaration may name it.
    bare: bool = False


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Grammar:
    pattern: re.Pattern[str]
    currency_before: dict[str, str]
    currency_after: dict[str, str]
    bare_currency: str
    bare_words: frozenset[str]
    bare_word_currency: dict[str, str]  # bare unit words of one currency wherever they stand (毫: HKD)
    qualifiers_before: dict[str, str]
    qualifier_before_rank: dict[str, int]  # position in the longest-first order
    qualifier_before_end: re.Pattern[str]  # the longest qualifier word that ends a string
    qualifier_before_spaced: re.Pattern[str]  # the longest qualifier word that ends the window
    qualifiers_before_lower: dict[str, str]
    qualifier_before_width: int
    qualifiers_after: tuple[tuple[str, str], ...]  # (lower-case word, qualifier), longest first
    qualifier_after_width: int
    per_prefix: str
    per_units: tuple[tuple[str, str], ...]  # longest first
    per_unit_after: re.Pattern[str]
    per_units_lower: dict[str, str]
    per_words: dict[str, str]
    per_words_spaced: tuple[tuple[re.Pattern[str], str], ...]
    equivalent: re.Pattern[str]
    sub_units: dict[str, Decimal]  # lower-case word -> fraction of its unit
    sub_unit_hosts: dict[str, str]  # lower-case unit word -> the sub-unit a bare figure after it stands for
    sub_unit_token: re.Pattern[str]  # one figure of a sub-unit tail, with its sub-unit word if any
    currency_not_before: dict[str, re.Pattern[str]]  # lower-case word -> what after it makes it no currency
    other_sense: dict[str, re.Pattern[str]]  # unit word -> cues that it measures something else here
    words_to_check: frozenset[str]  # lower-case currency words _is_money_word has a rule for
    price_word: re.Pattern[str]
    idiom_numbers: dict[str, frozenset[str]]  # a number before a sub-unit alone that makes an idiom (冰山一角, 十分大),
    # and the sub-units it does so with (empty: all)
    digit_values: dict[str, int]  # Chinese digit characters (empty for German)
    half_word: str | None
    money_word: str  # 钱: after a unit it makes the amount money (5分钱)
    sub_unit_joiners: frozenset[str]  # words between a unit and its sub-units (又, 零, und)
    zeros: frozenset[str]  # 零: a bare digit after it skips a place (三块零四 = 3.04)
    unit_figure_qualifiers: dict[str, str]  # 上 in 上百亿
    unit_led_figure_starts: frozenset[str]  # the units a figure may start with (百亿, 千万)
    vague_counts: dict[str, tuple[float, float]]
    vague_plural_scales: dict[str, float]
    scale_values: dict[str, float]  # lower-case scale word (or number word a vague count counts) -> its value
    negative_signs: frozenset[str]  # 负, "-": glued to a figure where a loss is stated
    negative_words: tuple[str, ...]  # "minus": one space before the figure
    negative_last_chars: frozenset[str]  # what stands right before a figure with a sign or word before it
    vague: re.Pattern[str] | None  # German amounts named by a vague count or an order of magnitude
    vague_digits_before: re.Pattern[str] | None  # "zweistelliger" before "Millionenbetrag"
    vague_triggers: tuple[str, ...]  # words one of which the text must hold for ``vague`` to find anything
    vague_sums: dict[str, float]
    vague_sum_digits: dict[str, int]
    order_of_magnitude: float  # how many of its unit a vague sum spans (Milliardenhöhe: 10^9-10^10)
    carried_after: re.Pattern[str] | None  # what joins an amount to a later figure that takes its currency
    # "von" before a figure, "auf" after it (an amount next)
    carried_before: tuple[re.Pattern[str], re.Pattern[str]] | None
    carried_followed_by: re.Pattern[str] | None  # what must follow a figure that takes a currency: its clause's end
    carried_in_sentence: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None  # (what follows such a
    # figure, the money cue words of its sentence, the nouns of counted things that may not stand before it in its
    # clause): a figure in a sentence about money takes the currency of the last amount before it
    # A range's low end with a scale of its own (2亿至3亿, 2 Millionen bis 3 Millionen).
    range_own_scale: re.Pattern[str]
    range_unit_tail: re.Pattern[str]  # the units after a range's high end figure (3亿, 9千万, 1,2 Milliarden)
    range_big_tail: re.Pattern[str]  # only its big units (二百五十万: 万)
    small_units: frozenset[str]  # 十百千: a low end with one shares only the big units
    compound_level: re.Pattern[str]  # a level word joined to an amount by a hyphen: die 1000-Dollar-Marke
    market_currency: tuple[re.Pattern[str], dict[str, str]] | None  # a market's shares named in a bare amount's
    # clause before it, and each market's currency: 折合港股约140.5元 is in Hong Kong dollars
    currency_of_previous: tuple[re.Pattern[str], frozenset[str]] | None  # a sub-unit word several currencies share
    # (Cent) and those currencies: it takes the one of the amount before it in its sentence (48 US-Cent … 49 Cent)
    compared_with: re.Pattern[str] | None  # a clause opened by a comparison word: 较今年的1500亿元
    # currencies a company's bare sums (10,000 and more) take from an amount named in one before them in their
    # sentence, and that floor (a Hong Kong article on a mainland company: 约3.2亿人民币，…收入预测为62.5亿元)
    bare_after_named: tuple[frozenset[str], float, re.Pattern[str]] | None
    bracketed_list: re.Pattern[str] | None  # between a bracketed amount and a bare bracketed figure: ), Storyblok (
    bracketed_name: re.Pattern[str] | None  # right before a scaled bracketed figure: a name (Windward Bio (
    list_currency: re.Pattern[str] | None  # an amount's end naming the currency after the unit: 104.66元人民币
    list_joiner_only: re.Pattern[str] | None  # only a list joiner between two amounts: 、
    table_unit: re.Pattern[str] | None  # a line declaring a table's unit: 港币千元, 单位：万元
    table_scales: dict[str, float]  # its scale words' values (千: 1000)
    table_units: dict[str, str | None]  # its unit words' currencies (None: the region's own, 元)
    currency_in_context: tuple[tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]], ...]
    # (the word, ((ISO code, its cue words), ...)): Schilling is KES in an article on Kenya
    list_joiner: re.Pattern[str] | None  # what joins two amounts of a list, not a range (und, without zwischen)
    range_opener: re.Pattern[str]  # what opens a range joined that way (zwischen)
    declared: re.Pattern[str] | None  # a currency declared for what follows: （人民币，下同）
    declared_in_sentence: re.Pattern[str] | None  # a currency declared for the rest of its sentence: 若以美元计算
    numbers: NumberGrammar  # how the locale writes and reads figures
    spaced: bool  # words stand between spaces and word boundaries (Latin script), not glued (Han)
    per_after: bool  # the unit of a unit price follows the amount (2 Dollar pro Stunde), not precedes it (每小时2美元)
    low_end_currency: bool  # the pattern reads a currency word after a range's low end too (19.23万元～24.03万元)
    locale: str


def _de_currency_after(words: list[str]) -> str:
    """German currency words as one prefix-factored alternation; "US -Dollar": scraped text often spaces the hyphen."""
    return rf"(?:US(?:\s-\s?|-\s)Dollars?|{word_alternation(words)})"


def _de_first_words(num: dict[str, Any]) -> set[str]:
    """What a German number can start with: its words (and zwischen of a range), a minus sign."""
    comp = num.get("compound", {})
    words = [*num["words"], *comp.get("units", {}), *comp.get("teens", {}), *comp.get("tens", {}),
             comp.get("hundred") or "", comp.get("thousand") or "", "zwischen"]
    return {w for w in words if w} | set("-−–")


def _zh_first_words(num: dict[str, Any]) -> set[str]:
    """What a Chinese number can start with: a numeral, a unit (百亿), a vague prefix (数百万)."""
    return {*num["digits"], *num["small_units"], *num["vague_prefixes"], "十", "拾", *num.get("contracted_tens", {})}


def _opening(data: dict[str, Any], numbers: NumberGrammar, style: WordStyle) -> str:
    """What the amount pattern checks first at a position: a character an amount can start with, then (in a
    spaced script) a word start and one of the words an amount can start with.

    Python's regex engine tries the pattern at every position. A class check rejects most positions at once,
    but in German it admits almost every letter, and at each word start the full alternation was tried (two
    thirds of the scan). The opening words as branches keyed by their first character, which the engine skips
    with one comparison each, reject those word starts for a third of the cost; a necessary condition of the
    pattern, so it finds what it found.
    """
    words = {*data["money"]["currency_before"], *"0123456789", *numbers.first_words(data["number"])}
    starts = {w[0] for w in words}
    if style.spaced:
        starts |= {c.swapcase() for c in starts}  # currency and number words match in any case
    opening = "(?=[" + "".join(re.escape(c) for c in sorted(starts)) + "])" + style.word_start
    if not style.spaced:
        return opening  # the class of Han numerals and currency signs is narrow already
    by_first: dict[str, set[str]] = {}
    for word in words:
        by_first.setdefault(word[0].lower(), set()).add(word[1:])
    branches = []
    for first in sorted(c for c in starts if len(c) == 1):
        rests = by_first.get(first.lower(), set())
        # A word that is its first character alone ($, a digit) makes the character enough.
        rest = "" if "" in rests or not rests else f"(?i:{word_alternation(rests)})"
        branches.append(re.escape(first) + rest)
    return opening + "(?=" + "|".join(branches) + ")"


def _build_de(data: dict[str, Any], before: str, after_words: list[str], tail_words: str) -> str:
    """The German amount pattern: figures or number words, a scale, ranges, a sub-unit tail."""
    after = _de_currency_after(after_words)
    scales = word_alternation(data["number"]["scales"])
    words = word_alternation(w for w in data["number"]["words"] if w not in ("halb", "halbe"))
    # Compound number words (achtundsiebzig, siebenhundert): a run of the parts, checked by parse_de.
    comp = data["number"].get("compound", {})
    parts = word_alternation([*comp.get("units", {}), *comp.get("teens", {}), *comp.get("tens", {}),
                              *(w for w in (comp.get("hundred"), comp.get("thousand")) if w)])
    joiner = re.escape(comp.get("joiner") or "und")
    compound = rf"(?:{parts})(?:(?:{joiner})?(?:{parts}))+" if parts else words
    # "500-Millionen-Dollar-Kredit": the scale may be hyphenated to the figure.
    # "eine halbe Milliarde": a fraction word only before a scale ("eine halbe Stunde" is no number).
    # "eine Dreiviertel Milliarde": the fraction word may have a number word before it.
    fractions = word_alternation(data["number"].get("fractions", {}))
    units = word_alternation(comp.get("units", {})) or NEVER
    number = (rf"(?:{DE_ARABIC}|(?i:(?:{compound}|{words})(?!\w)))"
              rf"(?:\s+(?i:(?:{units})?(?:{fractions}))(?=\s+(?:{scales})(?![\w])))?(?:(?:\s+|-)(?:{scales})(?![\w]))?")
    # Not inside a longer figure or word; a minus sign glued to the figure ("-3 Mio. Euro") is read after the match.
    lead = r"(?<![\w.,\-−–])"
    sep = r"\s*(?:-|–|—|bis)\s*"
    # "300 bis etwa 420 Millionen Euro": a qualifier word may stand before the high end.
    qualifier = word_alternation(data["qualifiers"]["before"])
    rng = (rf"(?:zwischen\s+)?{lead}(?P<lo>{number})(?:{sep}|\s+und\s+)(?:(?i:{qualifier})\s+)?"
           rf"(?P<hi>{number})")
    amount = rf"(?:{rng}|{lead}(?:[-−–](?=\d))?(?P<pt>{number}))"
    # "zwei Euro fünfzig", "15 Dollar und 15 Cent": cents after the unit, named or at the end of the clause.
    # The tail stays on the amount's line: in a table the next line's figure is another amount.
    tail = (rf"(?P<tail>(?:[^\S\n]+{joiner})?[^\S\n]+(?:\d{{1,2}}|(?i:{compound}|{words}))(?![\w])"
            rf"(?:\s+(?i:{tail_words})(?![\w])|{END_OF_CLAUSE}))")
    # Currency nouns are capitalised in German, but scraped text has "17 dollar" / "5 euro".
    cur_after = rf"(?:(?:\s*|-)(?P<ca>(?i:{after}))(?![\w]){tail}?)"
    # A $ glued to letters (A$, S$, aud$) is another dollar: no US dollar there.
    # A sign ending one line is not the currency of the next line's figure (a table: "594,98 €\n48 Monate").
    cur_before = rf"(?:(?<![A-Za-z])(?P<cb>(?i:{before}))[^\S\n]?)"
    return rf"{cur_before}?{amount}{cur_after}?"


def _build_zh(data: dict[str, Any], before: str, after_words: list[str], tail_words: str) -> str:
    """The Chinese amount pattern: Arabic or Chinese figures with units, ranges, a sub-unit tail."""
    num, money = data["number"], data["money"]
    tens = num.get("contracted_tens", {})  # 廿三元: a digit and its 十 in one character
    cn_chars = "".join(sorted({*num["digits"], *num["small_units"], *num["big_units"], *tens}))
    vague = "".join(num["vague_prefixes"])
    over = "".join(num["over_suffixes"])
    big = "".join(num["big_units"])
    scale = rf"(?:[十百千]?[{big}]+|[十百千])"
    # Not inside a model name or a longer figure (H800, GPT-4o, 3.14, 1,234): ASCII neighbours only, CJK is fine, and
    # so is a comma after a word (方案中,32亿元: mainland pages often set half-width commas in Han text).
    # $6M, US$5.576M: a Latin multiplier letter right after the figure (not the start of a word).
    suffix = "".join(sorted(num.get("suffix_multipliers", {})))
    suffix_re = rf"|[{suffix}](?![A-Za-z])" if suffix else ""
    # 2兆3,400億元, 4萬5千元, 1万2000元: one amount in several units. Mixed-script typesetting sets a space between
    # an Arabic figure and its Han unit (59.3 亿美元, 4.6 萬億港元): one space may stand there.
    # 两个亿, 两个多亿, 3个亿: a measure word may stand before the big unit (and its 多).
    measure = _alternation(num.get("measure_words", []))
    before_big = rf"(?:{measure})(?=[{over}]?[{big}])" if measure else NEVER
    measured = f"|{before_big}"
    arabic = (rf"(?<![A-Za-z0-9.])(?<![A-Za-z0-9.],){ZH_ARABIC}"
              rf"(?:{ZH_FIGURE_SPACE}?(?:{before_big})?[{over}]?{scale}(?:{ZH_ARABIC}{scale})*(?:\d{{2,4}}(?![\d.,]))?"
              rf"{suffix_re})?[{over}]?")
    # A Chinese numeral starts with a digit or 十, or with 百/千 before a big unit (逾百亿元, 近千万美元).
    # 万美元 alone is a unit, not an amount. After 数/几 any unit may follow: 数百万, 几千万, 数万亿.
    # Tried only at the start of a numeral run, so long runs stay linear.
    leading = "".join(sorted({*num["digits"], "十", "拾", *tens}))
    # 十五点七亿, 一．九三兆: a decimal point only between numeral characters.
    points = _alternation(num.get("decimal_points", [])) or NEVER
    chinese = (rf"(?<![{cn_chars}{vague}])(?:[{vague}](?:[{cn_chars}]{measured})|[{leading}]|[百千](?=[{big}]))"
               rf"(?:[{cn_chars}{over}几]|(?:{points})(?=[{leading}]){measured})*")
    number = rf"(?:{arabic}|{chinese})"
    bare = "|".join(rf"{re.escape(w)}{look}" for w, look in money["bare_unit_words"].items())
    after = word_alternation(after_words)
    sep = _alternation(money["range_separators"])
    # 245元3角2分, 七块八, 三毛五, 三块零四: sub-units after the unit, or one bare digit where the amount ends.
    digit = "".join(sorted(d for d in num["digits"] if d not in num.get("zeros", ())))
    d = rf"[{digit}0-9]"
    not_before = money.get("sub_unit_not_before")
    guard = rf"(?!{not_before})" if not_before else ""

    half_word = re.escape(money.get("half_word") or "") or NEVER
    joiners = _alternation(money.get("sub_unit_joiners", [])) or NEVER
    zeros = _alternation(num.get("zeros", [])) or NEVER

    def tail(name: str, ends: str) -> str:
        named = rf"{d}(?:{tail_words})"
        half = rf"|{half_word}(?={ends})"  # 两块半, 三蚊半: half a unit
        return (rf"(?P<{name}>(?:{joiners})?{named}(?:{named}|{d}(?={ends}))?{guard}"
                rf"|(?:{zeros})?{d}(?={ends}){half})")

    clause_end = rf"{re.escape(money.get('money_word', ''))}|[\s，。、；;,.!?！？)）」”]|$"
    # 五块六到五块七毛八: each end of a range may carry its own unit and sub-units.
    before_sep = rf"\s*(?:{sep})"
    rng = (rf"(?P<lo>{number})(?:(?P<ca1>{after}|{bare}){tail('tail1', before_sep)}?)?"
           rf"\s*(?:{sep})\s*(?:{before})?\s*(?P<hi>{number})")
    amount = rf"(?:{rng}|(?P<pt>{number}))"
    cur_after = rf"(?:\s*(?P<ca>{after}|{bare}){tail('tail', clause_end)}?)"
    cur_before = rf"(?:(?<![A-Za-z])(?P<cb>{before})[^\S\n]*)"
    return rf"{cur_before}?{amount}{cur_after}?"


def _build_vague(data: dict[str, Any]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """German amounts without a figure ("ein Milliardenbetrag", "mehrere Millionen Euro", "Milliarden Euro"), and
    the digit-count adjective that may precede a sum ("ein zweistelliger Millionenbetrag").

    Kept out of the main pattern, which is tried at every position: these are tried only where one of their
    words starts (found with str.find, see _vague_amounts).
    """
    money = data["money"]
    after = _de_currency_after(list(money["currency_after"]))
    scales = word_alternation(data["number"]["scales"])
    # "mehrere zehntausend Dollar", "einige hundert Euro": the vague count counts a number word.
    units = word_alternation(money.get("vague_count_units", {})) or NEVER
    counts = word_alternation(money.get("vague_counts", {}))
    plural = word_alternation(money.get("vague_plural_scales", {}))
    digits = word_alternation(money.get("vague_sum_digits", {}))
    sums = word_alternation(money.get("vague_sums", {}))
    amount = re.compile(
        rf"(?:(?P<vn>{counts})(?:\s+von)?(?:\s+(?P<vsc>{scales}|(?i:{units}))(?![\w]))?|(?P<vsc2>{plural}))"
        rf"\s*(?P<ca>(?i:{after}))(?![\w])"
        rf"|(?P<vs>{sums})(?![\w])")
    return amount, re.compile(rf"(?<!\w)(?P<vd>{digits})\w*\s+\Z")


def _parse_zh(text: str, locale: str) -> Number:
    # "59.3 亿": the space typesetting puts between figure and unit is no part of the number.
    return parse_zh(ZH_FIGURE_SPACES.sub("", text) if " " in text or "\u00a0" in text else text, locale)


def _parse_de(text: str, _locale: str) -> Number:
    # "500-Millionen": a hyphenated scale reads as a spaced one.
    return parse_de(NO_CENTS.sub("", text).replace("-", " ") if "-" in text or "–" in text else text)


@dataclass(frozen=True)
class NumberGrammar:
    """How amounts are written in a ``number.grammar`` of a locale file."""

    build: Callable[[dict[str, Any], str, list[str], str], str]  # the amount pattern (see _build_de)
    first_words: Callable[[dict[str, Any]], set[str]]  # what a number may start with, from ``number:``
    parse: Callable[[str, str], Number]  # (figure, locale) -> its value
    scaled_figure: re.Pattern[str]  # a figure with a scale word or unit (2 Millionen, 500万): no sub-units follow it


NUMBER_GRAMMARS = {
    "german": NumberGrammar(_build_de, _de_first_words, _parse_de, DE_SCALED_FIGURE),
    "chinese": NumberGrammar(_build_zh, _zh_first_words, _parse_zh, ZH_SCALED_FIGURE),
}


@cache
def grammar(locale: str, region: str | None = None) -> _Grammar:
    """The money pattern and vocabulary of a locale, compiled once."""
    data: dict[str, Any] = load_locale(locale, region)
    money, quals, per = data["money"], data["qualifiers"], data["per"]
    numbers = NUMBER_GRAMMARS[data["number"]["grammar"]]
    style = WORD_STYLES[data["matching_script"]]
    before = word_alternation(money["currency_before"])
    after_words = list(money["currency_after"])
    sub_units = {k.lower(): Decimal(str(v)) for k, v in money.get("sub_units", {}).items()}
    tail_words = _alternation(sub_units) if sub_units else NEVER
    # Every number is matched; those with no currency word on either side are dropped after.
    # The pattern is tried at every position: its opening rejects most of them at once.
    # In a spaced script an amount never starts inside a word or a figure (every branch looks behind for that).
    pattern = re.compile(_opening(data, numbers, style) + numbers.build(data, before, after_words, tail_words))
    # "(umgerechnet rund 3,4 Millionen Euro)": markers may stack.
    markers = _alternation(money["equivalent_markers"])
    equivalent = re.compile(rf"^\s*[（(]\s*(?:(?:{markers})\s*)*$")
    before_words = tuple(sorted(quals["before"], key=len, reverse=True))
    after_words = sorted(quals["after"], key=len, reverse=True)
    units = tuple(sorted(per["units"].items(), key=lambda kv: -len(kv[0])))
    vague_sums = {k: float(v) for k, v in money.get("vague_sums", {}).items()}
    vague_patterns = _build_vague(data) if vague_sums else None
    vague_digits = dict(money.get("vague_sum_digits", {}))
    return _Grammar(
        pattern=pattern,
        currency_before=money["currency_before"],
        currency_after={k.replace(" ", ""): v for k, v in money["currency_after"].items()},
        bare_currency=money.get("bare_unit_currency", "CNY"),
        bare_words=frozenset(money.get("bare_unit_words", {})),
        bare_word_currency=dict(money.get("bare_unit_word_currency", {})),
        qualifiers_before=quals["before"],
        qualifier_before_rank={w: i for i, w in enumerate(before_words)},
        qualifier_before_end=word_at_end(before_words),
        # Every match ends at the window's end, so the leftmost one is the longest word.
        qualifier_before_spaced=re.compile(
            rf"(?:^|[^\w])(?P<q>{'|'.join(re.escape(w.lower()) for w in before_words)})\s*$"),
        qualifiers_before_lower=_first_by_lower((w, quals["before"][w]) for w in before_words),
        # Long enough for the longest qualifier and its filler ("über die Marke von 80 Euro").
        qualifier_before_width=max(16, max((len(w) for w in before_words), default=0) + 4),
        qualifiers_after=tuple((w.lower(), quals["after"][w]) for w in after_words),
        # Long enough for the longest qualifier after its filler ("5 Millionen Euro oder mehr").
        qualifier_after_width=max(8, max((len(w) for w in after_words), default=0) + 4),
        per_prefix=per["prefix"],
        per_units=units,
        per_unit_after=re.compile(rf"\s*(?:{re.escape(per['prefix'])}|je|im|in)\s+"
                                  rf"(?P<u>{'|'.join(re.escape(u) for u, _ in units)})\b(?!\s*\d)", re.I),
        per_units_lower=_first_by_lower(units),
        per_words=per["words"],
        # "im Jahr 2005" names a year, not a rate: no figure may follow a unit word.
        per_words_spaced=tuple((re.compile(rf"\b{re.escape(w)}\b(?!\s*\d)", re.I), name)
                               for w, name in per["words"].items()),
        equivalent=equivalent,
        sub_units=sub_units,
        sub_unit_hosts={k.lower(): v.lower() for k, v in money.get("sub_unit_hosts", {}).items()},
        # Spaced figures are words ("fünfzig Cent"), Han ones single characters (三角二分).
        sub_unit_token=re.compile(rf"(?P<d>\d+|[^\W\d_]+)(?:\s+(?P<w>{tail_words}))?" if style.spaced
                                  else rf"(?P<d>\d|[^\W\d_])(?P<w>{tail_words})?", re.I),
        currency_not_before={k.lower(): re.compile(v) for k, v in money.get("currency_not_before", {}).items()},
        other_sense={w: re.compile(word_alternation(cues), re.I)
                     for w, cues in money.get("ambiguous_units", {}).items()},
        price_word=re.compile(word_alternation(money.get("price_words", [])), re.I),
        idiom_numbers={n: frozenset(units) for n, units in money.get("sub_unit_alone_not_after", {}).items()},
        words_to_check=frozenset(w.lower() for w in (*money.get("currency_not_before", {}),
                                                     *money.get("ambiguous_units", {}), *sub_units)),
        digit_values=dict(data["number"].get("digits", {})),
        half_word=money.get("half_word"),
        money_word=money.get("money_word", ""),
        sub_unit_joiners=frozenset(w.lower() for w in money.get("sub_unit_joiners", [])),
        zeros=frozenset(data["number"].get("zeros", [])),
        unit_figure_qualifiers=dict(quals.get("before_unit_led_figure", {})),
        unit_led_figure_starts=frozenset(data["number"].get("small_units", {})),
        vague_counts={k: (float(lo), float(hi)) for k, (lo, hi) in money.get("vague_counts", {}).items()},
        vague_plural_scales={k: float(v) for k, v in money.get("vague_plural_scales", {}).items()},
        scale_values={k.lower(): float(v) for k, v in {**data["number"].get("scales", {}),
                                                         **money.get("vague_count_units", {})}.items()},
        negative_signs=frozenset(money.get("negative_signs", [])),
        negative_words=tuple(money.get("negative_words", [])),
        negative_last_chars=frozenset(money.get("negative_signs", [])) | (
            frozenset(" ") if money.get("negative_words") else frozenset()),
        vague=vague_patterns[0] if vague_patterns else None,
        vague_digits_before=vague_patterns[1] if vague_patterns else None,
        vague_triggers=_without_longer((*vague_sums, *money.get("vague_counts", {}),
                                        *money.get("vague_plural_scales", {}))),
        vague_sums=vague_sums,
        vague_sum_digits=vague_digits,
        order_of_magnitude=float(money.get("order_of_magnitude", 10)),
        **_carried_grammar(money, before_words, style),
        **_declared_grammar(money),
        **_list_grammar(money),
        market_currency=(re.compile(word_alternation(money["market_currency"])), dict(money["market_currency"]))
        if money.get("market_currency") else None,
        compound_level=re.compile(rf"(?:{word_alternation(money.get('compound_levels', [])) or NEVER})(?!\w)"),
        currency_of_previous=(
            (re.compile(rf"(?<!\w)(?:{word_alternation(money['shared_sub_units']['words'])})$", re.I),
             frozenset(money["shared_sub_units"]["currencies"])) if money.get("shared_sub_units") else None),
        compared_with=re.compile(word_alternation(money["compared_with"])) if money.get("compared_with") else None,
        bare_after_named=(frozenset(money["bare_after_named"]["currencies"]), float(money["bare_after_named"]["from"]),
                          re.compile(word_alternation(money["bare_after_named"].get("not_after", [])) or NEVER))
        if money.get("bare_after_named") else None,
        **_list_currency_grammar(money),
        **_bracketed_grammar(money),
        **_table_unit_grammar(money),
        currency_in_context=tuple(
            # the word itself after the figure (5000 Schilling), not a named one (5000 ugandische Schilling)
            (re.compile(rf"(?:\d|{word_alternation(data['number'].get('scales', {})) or NEVER}\.?)[\s-]*"
                        rf"{re.escape(word)}\w*$", re.I),
             tuple((iso, re.compile(word_alternation(cues), re.I)) for iso, cues in readings.items()))
            for word, readings in money.get("currency_in_context", {}).items()),
        **_range_scale_grammar(data["number"]),
        numbers=numbers,
        spaced=style.spaced,
        per_after=per["position"] == "after",
        low_end_currency="ca1" in pattern.groupindex,
        locale=locale,
    )


def _range_scale_grammar(number: dict[str, Any]) -> dict[str, Any]:
    """How a range's low end tells a scale of its own, and the units after its high end: scale words where the
    locale writes them apart (Millionen, Mrd.), unit characters where they are glued to the figure (万, 亿)."""
    if number.get("scales"):
        words = word_alternation(number["scales"])
        tail = re.compile(rf"[\s-]+(?:{words})(?!\w)\.?$", re.I)
        return {"range_own_scale": re.compile(rf"(?:^|[\s-])(?:{words})(?!\w)", re.I), "range_unit_tail": tail,
                "range_big_tail": tail, "small_units": frozenset()}
    big, small = "".join(number["big_units"]), "".join(number["small_units"])
    return {"range_own_scale": re.compile(f"[{big}]"), "range_unit_tail": re.compile(f"[{small}]?[{big}]*$"),
            "range_big_tail": re.compile(f"[{big}]+$"), "small_units": frozenset(number["small_units"])}


def _list_grammar(money: dict[str, Any]) -> dict[str, Any]:
    """The joiner a range shares with a list (und), and the word that makes it a range (zwischen), where a locale has
    them (``range_between``: [opener, joiner])."""
    between = money.get("range_between")
    if not between:
        return {"list_joiner": None, "range_opener": re.compile(NEVER)}
    opener, joiner = between
    return {"list_joiner": re.compile(rf"\s+{re.escape(joiner)}\s+"),
            "range_opener": re.compile(rf"(?<!\w){re.escape(opener)}\s+$", re.I)}


def _declared_grammar(money: dict[str, Any]) -> dict[str, Any]:
    """The patterns of a currency declared once for the amounts after it (none for a locale without them)."""
    declared = money.get("declared_currency") or {}
    currency = rf"(?P<cur>{word_alternation(money['currency_after'])})"
    following, in_sentence = declared.get("following"), declared.get("in_sentence")
    return {
        "declared": re.compile(following.replace("{currency}", currency)) if following else None,
        "declared_in_sentence": re.compile(in_sentence.replace("{currency}", currency)) if in_sentence else None,
    }


def _list_currency_grammar(money: dict[str, Any]) -> dict[str, Any]:
    """The patterns of a list whose last amount names the currency after its unit (none for a locale without it)."""
    joiners = money.get("list_currency_joiners")
    if not joiners:
        return {"list_currency": None, "list_joiner_only": None}
    units, currencies = word_alternation(money["bare_unit_words"]), word_alternation(money["currency_after"])
    return {"list_currency": re.compile(rf"(?:{units})\s*(?:{currencies})$"),
            "list_joiner_only": re.compile(rf"\s*(?:{word_alternation(joiners)})\s*")}


def _table_unit_grammar(money: dict[str, Any]) -> dict[str, Any]:
    """The pattern of a line declaring a table's unit (none for a locale without ``table_unit``): a prefix (单位：), a
    currency word, a scale and a unit word, alone on their line, in brackets or not."""
    table = money.get("table_unit")
    if not table:
        return {"table_unit": None, "table_scales": {}, "table_units": {}}
    prefixes, currencies = word_alternation(table.get("prefixes", [])), word_alternation(money["currency_before"])
    pattern = (rf"^[ \t]*[（(]?[ \t]*(?:{prefixes})?[ \t]*(?P<cb>{currencies})?[ \t]*"
               rf"(?P<scale>{word_alternation(table['scales'])})(?P<unit>{word_alternation(table['units'])})"
               rf"[ \t]*[）)]?[ \t]*$")
    return {"table_unit": re.compile(pattern, re.M),
            "table_scales": {k: float(v) for k, v in table["scales"].items()}, "table_units": dict(table["units"])}


def _carried_grammar(money: dict[str, Any], qualifiers: Iterable[str], style: WordStyle) -> dict[str, Any]:
    """The patterns of a figure that takes its currency from the amount it is compared with (none for a locale
    without ``carried_after``). Latin words stand between spaces, Han ones between characters."""
    in_sentence = money.get("carried_in_sentence")
    carried_in_sentence = (re.compile(in_sentence["followed_by"]),
                           re.compile(word_alternation(in_sentence["cues"]), re.I),
                           re.compile(word_alternation(in_sentence["not_after"]), re.I)) if in_sentence else None
    if not money.get("carried_after"):
        return {"carried_after": None, "carried_before": None, "carried_followed_by": None,
                "carried_in_sentence": carried_in_sentence}
    space, bound = style.gap, style.word_start
    qualifier = rf"(?:(?:{word_alternation(w.lower() for w in qualifiers)}){space})?"
    particles = word_alternation(money.get("carried_particles", []))
    first, second = (word_alternation(words) for words in money["carried_before"])
    return {
        "carried_after": re.compile(rf"(?:\s+(?:{particles}))?\s*[,;，；]?\s*"
                                    rf"(?:{word_alternation(money['carried_after'])})\s*{qualifier}", re.I),
        "carried_before": (re.compile(rf"{bound}(?:{first}){space}{qualifier}$", re.I),
                           re.compile(rf"\s*{money.get('carried_between', '')}(?:{second})\s*{qualifier}", re.I)),
        "carried_followed_by": re.compile(money["carried_followed_by"]),
        "carried_in_sentence": carried_in_sentence,
    }


def _without_longer(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` less those that start with another of them (where Millionenbetrag starts, Millionen does)."""
    unique = set(words)
    return tuple(sorted(w for w in unique if not any(o != w and w.startswith(o) for o in unique)))


def _first_by_lower(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Lower-case word → value, the first pair winning where two words differ only in case."""
    table: dict[str, str] = {}
    for word, value in pairs:
        table.setdefault(word.lower(), value)
    return table


def _parse(text: str, g: _Grammar, locale: str) -> Number:
    return g.numbers.parse(text, locale)


def _currency_word(match: re.Match[str], g: _Grammar) -> str | None:
    """The currency word after the amount (or between a range's ends), spaces removed."""
    word = match["ca"] or _ca1(match, g)
    return WHITESPACE.sub("", word) if word and " " in word else word


def _currency(match: re.Match[str], word: str | None, g: _Grammar) -> str:
    """The ISO code of the currency word before the amount, else of ``word`` after it, else the locale's default."""
    if before := match["cb"]:
        before = WHITESPACE.sub("", before)
        return g.currency_before.get(before) or _lookup_ci(g.currency_before, before) or g.bare_currency
    if word:
        return (g.currency_after.get(word) or g.bare_word_currency.get(word) or _lookup_ci(g.currency_after, word)
                or g.bare_currency)
    return g.bare_currency


def _ca1(match: re.Match[str], g: _Grammar) -> str | None:
    """The currency word after a range's low end (19.23万元～24.03万元), where the pattern reads one."""
    return match["ca1"] if g.low_end_currency else None


def _lookup_ci(table: dict[str, str], word: str) -> str | None:
    low = word.lower()
    return next((v for k, v in table.items() if k.lower() == low), None)


def _qualifier_before(text: str, start: int, g: _Grammar) -> str | None:
    window = text[max(0, start - g.qualifier_before_width) : start]
    if g.spaced:
        spaced = g.qualifier_before_spaced.search(window.lower())
        return g.qualifiers_before_lower[spaced["q"]] if spaced else None
    # The first word, longest first, that ends the window with or without the filler before the amount.
    words = [m[0] for m in (g.qualifier_before_end.search(window.rstrip(QUALIFIER_FILLER)),
                            g.qualifier_before_end.search(window)) if m]
    return g.qualifiers_before[min(words, key=g.qualifier_before_rank.__getitem__)] if words else None


def _unit_figure_qualifier(text: str, start: int, g: _Grammar) -> str | None:
    """上百亿 (at least), 破千亿 (over): words that qualify only a figure that starts with its unit."""
    if start and text[start] in g.unit_led_figure_starts:
        return g.unit_figure_qualifiers.get(text[start - 1])
    return None


def _qualifier_after(text: str, end: int, g: _Grammar) -> str | None:
    window = text[end : end + g.qualifier_after_width].lstrip(" \u3000”\"").lower()
    return next((qualifier for word, qualifier in g.qualifiers_after if window.startswith(word)), None)


def _per(text: str, start: int, end: int, g: _Grammar) -> str | None:
    """The unit of a unit price, from 每…/pro … in the same clause or a salary word."""
    before = PARENTHESES.sub("", text[max(0, start - PER_LOOKBACK) : start])
    clause = CLAUSE_BREAK.split(before)[-1]
    if g.per_after:
        unit_after = g.per_unit_after.match(text, end, end + 24)
        if unit_after:
            return g.per_units_lower[unit_after["u"].lower()]
        return next((name for word, name in g.per_words_spaced if word.search(clause)), None)
    after = PER_SLASH.match(text, end, end + 24)
    if after:  # 1.5万元/月, 2美元/小时
        tail = after["u"].lower()
        for unit, name in g.per_units:
            if tail.startswith(unit.lower()):
                return name
    idx = clause.rfind(g.per_prefix)
    if idx >= 0:
        tail = clause[idx + len(g.per_prefix) :].replace(" ", "").lower()
        for unit, name in g.per_units:
            if tail.startswith(unit.lower()):
                return name
    for word, name in g.per_words.items():
        if word in clause:
            return name
    return None


def _is_money_word(match: re.Match[str], text: str, g: _Grammar, word: str | None) -> bool:
    """False where the currency word after the figure means something else here (a count, a weight)."""
    if word is None:
        return True
    if match["ca"] and text[match.start("ca") - 1] == "-":
        # ein 100-Dollar-Schein names a banknote (a 500-Millionen-Dollar-Kredit is an amount, die 1000-Dollar-Marke
        # a level)
        after = match.end("ca")
        return (text[after : after + 1] != "-" or "-" in (match["pt"] or match["hi"] or "")
                or bool(g.compound_level.match(text, after + 1)))
    low = word.lower()
    if low not in g.words_to_check:
        return True
    if match["ca"] and (not_before := g.currency_not_before.get(low)) and not_before.match(text, match.end("ca")):
        return False  # zwei Pfund Mehl
    if (other := g.other_sense.get(word)) and not match["tail"]:
        # 训练需要64块 counts cards, 一杯咖啡3块 is a price; the cue nearer the figure decides (显卡卖3000块 is a
        # price).
        clause = CLAUSE_BREAK.split(text[max(0, match.start() - PER_LOOKBACK) : match.start()])[-1]
        other_end = _last_end(other, clause)
        if other_end and other_end >= _last_end(g.price_word, clause):  # 交付 counts though it holds 付
            return False
    if word in g.bare_words and low in g.sub_units and not (g.money_word and low.endswith(g.money_word)) \
            and not match["tail"]:
        # 冰山一角 and 九牛一毛 are idioms; 20分 may be cents, 88.5分 and 100分 are not (100分 would be 1元), nor
        # are the minutes of a time of day (截至9:26分).
        if CLOCK_BEFORE.search(text, max(0, match.start() - 3), match.start()):
            return False
        figure = match["pt"] or match["hi"] or ""
        if figure in g.idiom_numbers and (not g.idiom_numbers[figure] or low in g.idiom_numbers[figure]):
            return False
        try:
            value = _parse(figure, g, g.locale).value
        except NumberError:
            return False
        return value is not None and value == int(value) and value * float(g.sub_units[low]) < 1
    return True


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` ends; 0 when there is none."""
    last = 0
    for m in pattern.finditer(text):
        last = m.end()
    return last


def _has_scale(figure: str, g: _Grammar) -> bool:
    """2 Millionen, 500万: a figure with a scale word or unit (no sub-units follow those)."""
    return bool(g.numbers.scaled_figure.search(figure))


def _sub_unit_value(tail: str | None, word: str | None, figure: str | None, g: _Grammar) -> Decimal | None:
    """What the sub-units after the unit add (245元3角2分 → 0.32), or None when there are none here."""
    host = (word or "").lower()
    if not tail or host not in g.sub_unit_hosts or not figure or _has_scale(figure, g):
        return None
    if tail == g.half_word:
        return Decimal("0.5")
    added = Decimal(0)
    # 三块零四: after 零 a bare digit skips a place (4分, not 4角).
    bare_unit = g.sub_unit_hosts[host]
    if tail[0] in g.zeros:
        bare_unit = g.sub_unit_hosts.get(bare_unit, bare_unit)
    for token in g.sub_unit_token.finditer(tail):
        if token["d"].lower() in g.sub_unit_joiners:
            continue
        try:
            value = _parse(token["d"], g, g.locale).value
        except NumberError:
            return None
        if value is None:
            return None
        unit = (token["w"] or bare_unit).lower()
        added += Decimal(str(value)) * g.sub_units[unit]
        bare_unit = g.sub_unit_hosts.get(unit, bare_unit)  # 七毫八: the bare 八 is 仙, one place below 毫
    return added


def _span_from_match(match: re.Match[str], text: str, g: _Grammar, locale: str) -> MoneySpan | None:
    word = _currency_word(match, g)
    fraction = ONE
    if word is not None:
        low = word.lower()
        # Most amounts end in a plain currency word: the special cases are looked at only for their words.
        if (low in g.words_to_check or match["ca"] and text[match.start("ca") - 1] == "-") and not _is_money_word(
                match, text, g, word):
            return None
        fraction = g.sub_units.get(low, ONE)
    currency = _currency(match, word, g)
    try:
        if match["lo"]:
            return _range(match, g, locale, currency, word, fraction)
        number = _parse(match["pt"], g, locale)
    except (NumberError, ValueError, ZeroDivisionError):
        return _adjacent_digit_range(match, g, locale, currency, fraction)
    start, end, figure = match.start(), match.end(), match.start("pt")
    sign = 1
    if (not match["cb"] and figure and text[figure - 1] in g.negative_last_chars
            and (negative := _negative_start(text, figure, g)) is not None):
        start, sign = min(start, negative), -1
    elif figure > start and not match["cb"]:
        start = figure  # a dash before the figure that is no minus sign here
    if number.vague:
        return MoneySpan(start, end, currency, None, number.low, number.high, "approx", vague=True,
                         rule="vague")
    if number.value is None or number.value <= 0:
        return None
    value = number.value
    if value >= IMPLAUSIBLE_SUM and currency in HEAVY_CURRENCIES and ONE_DOT_GROUP.match(match["pt"]):
        value /= 1000  # 3.012 Billionen US-Dollar: a decimal point (see IMPLAUSIBLE_SUM)
    if match["tail"] or fraction is not ONE:
        exact = Decimal(str(value)) * fraction
        if (added := _sub_unit_value(match["tail"], word, match["pt"], g)) is not None:
            exact += added  # sub-units are fractions of the main unit (三毛五: 0.3 + 0.05)
        elif match["tail"]:
            end = match.end("ca")  # 5美元3: no sub-unit of that unit
        value = float(exact)
    qualifier = _qualifier_before(text, start, g) or _qualifier_after(text, end, g)
    if qualifier is None and g.unit_figure_qualifiers:
        qualifier = _unit_figure_qualifier(text, start, g)
    if number.over and qualifier is None:
        qualifier = "over"
    return MoneySpan(start, end, currency, sign * value, None, None, qualifier or "exact", rule="point")


def _carried(match: re.Match[str], text: str, g: _Grammar, locale: str, currency: str,
             followed: bool = False, unscaled: bool = False) -> MoneySpan | None:
    """A scaled figure that names no currency, in the ``currency`` of the amount it is compared with.

    ``followed``: the amount comes after it (von 2,9 Milliarden auf 3 Milliarden Euro), so what follows it is known.
    ``unscaled``: a figure without a scale word may carry too (von 0,32 auf 0,35 Euro), unless it is a year.
    """
    figure = match["pt"] or match["hi"]
    if not figure:
        return None
    if not followed and not (g.carried_followed_by and g.carried_followed_by.match(text, match.end())):
        return None  # what follows the figure is not known to end its clause (a grammar without the rule: never)
    if not _has_scale(figure, g) and (not unscaled or YEAR.fullmatch(figure)):
        return None
    span = _span_from_match(match, text, g, locale)
    return replace(span, currency=currency, rule="carried") if span else None


# How far before a range's low end its opener (zwischen) may start.
RANGE_OPENER_REACH = 12


def _range_opened(text: str, before: int, low: int, g: _Grammar) -> bool:
    """Whether the locale's range opener (zwischen) stands right before the low end at ``low``, starting at most
    RANGE_OPENER_REACH characters before ``before``: "zwischen 300 und 400", not a list "300 und 400"."""
    return g.range_opener.search(text, max(0, before - RANGE_OPENER_REACH), low) is not None


def _list_pair(match: re.Match[str], text: str, g: _Grammar, locale: str) -> tuple[MoneySpan, MoneySpan] | None:
    """Two amounts joined by "und" with no "zwischen" before them are a list, not a range (jeweils 800.000 und
    600.000 US-Dollar): the second with its currency, the first in the same currency and scale."""
    joined = text[match.end("lo") : match.start("hi")]
    if g.list_joiner is None or not g.list_joiner.fullmatch(joined):
        return None
    if _range_opened(text, match.start(), match.start("lo"), g):
        return None  # "Zwischen 35 und 40 Milliarden" (a capital, outside the match) is a range
    try:
        lo, hi = _parse(match["lo"], g, locale).value, _parse(match["hi"], g, locale).value
    except NumberError:
        return None
    if lo is None or hi is None or lo <= 0 or hi <= 0:
        return None
    word = _currency_word(match, g)
    currency = _currency(match, word, g)
    lo = _distribute_scale(match["lo"], lo, match["hi"], hi, g, below=False)
    start = match.start("lo")
    end = match.end("ca") if match["ca"] else match.end()
    first = MoneySpan(start, match.end("lo"), currency, lo, None, None,
                      _qualifier_before(text, start, g) or "exact", rule="carried")
    second = MoneySpan(match.start("hi"), end, currency, hi, None, None, "exact", rule="point")
    return first, second


# Between the two ends of a range whose ends each carry their currency: a dash (€3-€6 Mrd.).
RANGE_DASH = re.compile(r"[^\S\n]*[-–][^\S\n]*")  # on one line: a list's dashes open lines
# Where a figure starts in an amount's text (after a currency sign before it).
FIGURE = re.compile(r"[-−]?\d")


def _joined_ranges(text: str, spans: list[MoneySpan], g: _Grammar) -> list[MoneySpan]:
    """Two amounts each written with its currency that a range's words join are one range: "zwischen 10 Mrd. USD und
    11 Mrd. USD" (the locale's ``range_between``), "zwischen €3-€6 Mrd." (a dash; the low end takes the high end's
    scale)."""
    kept: list[MoneySpan] = []
    for span in spans:
        if kept and (joined := _joined_range(text, kept[-1], span, g)):
            kept[-1] = joined
        else:
            kept.append(span)
    return _renumbered(spans, kept) if len(kept) < len(spans) else spans


def _joined_range(text: str, a: MoneySpan, b: MoneySpan, g: _Grammar) -> MoneySpan | None:
    if a.value is None or b.value is None or a.vague or b.vague or a.currency != b.currency \
            or a.per and b.per and a.per != b.per or a.equivalent_of is not None or b.equivalent_of is not None \
            or a.value <= 0:
        return None
    gap = text[a.end : b.start]
    lo = a.value
    if RANGE_DASH.fullmatch(gap):
        low_figure, high_figure = (FIGURE.search(text, s.start, s.end) for s in (a, b))
        if low_figure is None or high_figure is None:
            return None
        lo = _distribute_scale(text[low_figure.start() : a.end], lo, text[high_figure.start() : b.end], b.value, g)
    elif not (g.list_joiner is not None and g.list_joiner.fullmatch(gap) and _range_opened(text, a.start, a.start, g)):
        return None
    if not lo < b.value or b.value > lo * 1000:
        return None  # not a range, or a low end whose scale was not told (€3-€6 Mrd. Euro)
    return MoneySpan(a.start, b.end, a.currency, None, lo, b.value, "range", per=a.per or b.per, rule="range")


def _is_bare(match: re.Match[str], g: _Grammar) -> bool:
    """Whether the amount's currency is only the locale's default: no word, or a bare unit (元, 块) after it."""
    if match["cb"]:
        return False
    word = _currency_word(match, g)
    return word is None or word in g.bare_words and word not in g.bare_word_currency


def _declared_figure(match: re.Match[str], text: str, g: _Grammar, locale: str,
                     declaration: re.Pattern[str]) -> MoneySpan | None:
    """A scaled figure with no currency word right before a ``declaration`` (the grammar's ``declared``):
    收入录10.82亿(美元.下同)."""
    figure = match["pt"] or match["hi"]
    if not figure or not _has_scale(figure, g) or not declaration.match(text, match.end()):
        return None
    span = _span_from_match(match, text, g, locale)
    return replace(span, bare=True) if span else None


def _declared(text: str, spans: list[MoneySpan], g: _Grammar) -> list[MoneySpan]:
    """Bare amounts in the currency an article declares: from the start of the declaration's sentence to the next
    declaration (（人民币，下同）), or to the end of its sentence (若以美元计算，营收为196.2亿元)."""
    scopes: list[tuple[int, int, str]] = []
    if g.declared is not None:
        found = [(_declaration_start(text, m.start()), m) for m in g.declared.finditer(text)]
        for i, (start, m) in enumerate(found):
            end = found[i + 1][0] if i + 1 < len(found) else len(text)
            scopes.append((start, end, m["cur"]))
    if g.declared_in_sentence is not None:
        for m in g.declared_in_sentence.finditer(text):
            ending = DECLARATION_END.search(text, m.end())
            scopes.append((m.end(), ending.start() if ending else len(text), m["cur"]))
    if not scopes:
        return spans
    out = []
    for span in spans:
        scope = next((sc for sc in reversed(scopes) if sc[0] <= span.start < sc[1]), None) if span.bare else None
        currency = scope and (g.currency_after.get(scope[2]) or _lookup_ci(g.currency_after, scope[2]))
        out.append(replace(span, currency=currency) if currency and currency != span.currency else span)
    return out


def _market_currency(text: str, spans: list[MoneySpan],
                     rule: tuple[re.Pattern[str], dict[str, str]]) -> list[MoneySpan]:
    """A bare amount (元, or no currency word) whose clause names a share market before it is in that market's
    currency, whatever the article declared: 美股高见144.51美元，折合港股约140.5元 (HKD after （人民币，下同））.
    ``rule``: the grammar's ``market_currency``."""
    words, currencies = rule
    out = []
    for span in spans:
        if span.bare:
            clause = _last_end(CLAUSE_BREAK, text[max(0, span.start - PER_LOOKBACK) : span.start])
            found = None
            for m in words.finditer(text, max(0, span.start - PER_LOOKBACK) + clause, span.start):
                found = m
            if found is not None:
                span = replace(span, currency=currencies[found.group()])
        out.append(span)
    return out


def _currency_of_previous(text: str, spans: list[MoneySpan],
                          rule: tuple[re.Pattern[str], frozenset[str]]) -> list[MoneySpan]:
    """Amounts in a sub-unit several currencies share (49 Cent), in the currency of the amount before them in their
    sentence where that is one of them (48 US-Cent … von 49 Cent: US cents). ``rule``: the grammar's
    ``currency_of_previous``."""
    word, currencies = rule
    out = list(spans)
    for i, span in enumerate(spans):
        if i and word.search(text, span.start, span.end) and spans[i - 1].currency in currencies \
                and spans[i - 1].currency != span.currency \
                and spans[i - 1].start >= _sentence_around(text, span.start, span.end)[0]:
            out[i] = replace(span, currency=spans[i - 1].currency)
    return out


def _currency_of_named(text: str, spans: list[MoneySpan],
                       rule: tuple[frozenset[str], float, re.Pattern[str]]) -> list[MoneySpan]:
    """Bare sums of at least ``rule``'s floor in the currency of an amount named in one of ``rule``'s currencies before
    them in their sentence: 约3.2亿人民币，…2026年的收入预测为62.5亿元，2027年为83.9亿元 (a Hong Kong paper names the
    yuan once); not a share's price (股价报50元), below the floor, nor a market value (市值约2万亿元: Hong Kong
    dollars), after ``rule``'s words in its clause."""
    currencies, floor, market = rule
    out = list(spans)
    for i, span in enumerate(spans):
        size = span.value if span.value is not None else span.high
        if not span.bare or size is None or abs(size) < floor:
            continue
        start = _sentence_around(text, span.start, span.end)[0]
        if market.search(text, max(start, _last_end(CLAUSE_BREAK, text[start : span.start]) + start), span.start):
            continue
        for j in range(i - 1, -1, -1):  # back to the sentence's start
            named = out[j]
            if named.start < start:
                break
            if not named.bare and named.equivalent_of is None:
                if named.currency in currencies and named.currency != span.currency:
                    out[i] = replace(span, currency=named.currency)
                break
    return out


def _currency_of_compared(text: str, spans: list[MoneySpan], words: re.Pattern[str]) -> list[MoneySpan]:
    """Bare amounts that a comparison word opens their clause with, in the currency of the amount they are compared
    with: the last one before them in their sentence that restates none (较今年的1500亿元 after 人民币1600亿元).
    ``words``: the grammar's ``compared_with``."""
    out = []
    compared: MoneySpan | None = None  # the last amount so far that restates none
    for span in spans:
        if span.bare and compared is not None and not compared.bare and compared.currency != span.currency \
                and compared.start >= _sentence_around(text, span.start, span.end)[0]:
            clause = compared.end + _last_end(CLAUSE_BREAK, text[compared.end : span.start])
            if clause > compared.end and words.match(text, clause, span.start):
                span = replace(span, currency=compared.currency)
        out.append(span)
        if span.equivalent_of is None:
            compared = span
    return out


def _currency_of_list_end(text: str, spans: list[MoneySpan], currency: re.Pattern[str],
                          joiner: re.Pattern[str]) -> list[MoneySpan]:
    """Bare amounts listed before one that names the currency after its unit, joined to it by list joiners only, in
    its currency: 64.39元、114.28元、104.66元人民币 are all yuan. ``currency``/``joiner``: the grammar's
    ``list_currency`` and ``list_joiner_only``."""
    out = list(spans)
    for i in range(len(spans) - 1, 0, -1):
        last = out[i]
        if last.bare or not currency.search(text, last.start, last.end):
            continue
        j = i - 1
        while j >= 0 and out[j].bare and joiner.fullmatch(text, out[j].end, out[j + 1].start):
            out[j] = replace(out[j], currency=last.currency)
            j -= 1
    return out


def _currency_from_context(text: str, spans: list[MoneySpan], g: _Grammar) -> list[MoneySpan]:
    """Amounts in a word that names several currencies (5000 Schilling), in the one the article's cue words name;
    without a cue the word names none and the amount goes."""
    out = []
    for span in spans:
        surface = text[span.start : span.end]
        readings = next((r for word, r in g.currency_in_context if word.search(surface)), None)
        if readings is None:
            out.append(span)
            continue
        currency = next((iso for iso, cues in readings if cues.search(text)), None)
        if currency is not None:
            out.append(replace(span, currency=currency))
    return out if len(out) == len(spans) else _renumbered(spans, out)


def _renumbered(before: list[MoneySpan], after: list[MoneySpan]) -> list[MoneySpan]:
    """``after`` (a subset of ``before``, in order) with ``equivalent_of`` pointing into it, or None where the
    amount it pointed to has gone."""
    index = {id(s): i for i, s in enumerate(after)}
    position = {i: index.get(id(s)) for i, s in enumerate(before)}
    return [replace(s, equivalent_of=position.get(s.equivalent_of)) if s.equivalent_of is not None else s
            for s in after]


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence that holds ``text[start:end]`` (German full stops included, as sentences.py
    reads them), looking back at most SENTENCE_LOOKBACK characters."""
    before = start
    for m in SENTENCES.finditer(text, max(0, start - SENTENCE_LOOKBACK), start):
        before = m.end()
    if before == start and start > SENTENCE_LOOKBACK:
        before = start - SENTENCE_LOOKBACK
    elif before == start:
        before = 0
    after = SENTENCES.search(text, end)
    return before, after.start() if after else len(text)


def _declaration_start(text: str, at: int) -> int:
    return max(text.rfind(ch, 0, at) for ch in DECLARATION_ENDS) + 1


# An amount alone in brackets after a name (Gropyus (100 Mio. Euro)), and how far the next such bracket may stand:
# a list of a few names, or a name with a few words on it between (…, gefolgt von Windward Bio (173 Millionen)).
BRACKET_OPEN, BRACKET_CLOSE = "(（", ")）"
BRACKETED_REACH = 200
# A figure that may borrow the scale of the bracketed amount before it: a few digits, no leading zero (74, 6,5).
SMALL_FIGURE = re.compile(r"[1-9]\d{0,2}(?:[.,]\d{1,2})?")


def _bracketed_grammar(money: dict[str, Any]) -> dict[str, Any]:
    """What stands between a bracketed amount and the bracketed figures after it that share its currency (a locale
    without ``bracketed_list_joiners`` has none): for a bare figure, a list joiner and a name only (…), Storyblok
    (74)); for a scaled one, a name right before its bracket (gefolgt von Windward Bio (173 Millionen))."""
    joiners = money.get("bracketed_list_joiners")
    if not joiners:
        return {"bracketed_list": None, "bracketed_name": None}
    name = r"[A-ZÄÖÜ][\w&.\-]*(?:[^\S\n]+[A-ZÄÖÜ0-9][\w&.\-]*){0,3}"
    return {"bracketed_list": re.compile(rf"[{BRACKET_CLOSE}]\s*(?:{word_alternation(joiners)})\s+{name}\s*"
                                         rf"[{BRACKET_OPEN}]\s*"),
            "bracketed_name": re.compile(rf"(?<![\w-]){name}\s*[{BRACKET_OPEN}]\s*$")}


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all that stands in its brackets (a space may stand inside them)."""
    if not start or text[start - 1] not in BRACKET_OPEN and not text[start - 1].isspace():
        return False  # most figures: one look at the character before
    before, after = text[max(0, start - 2) : start].rstrip(), text[end : end + 2].lstrip()
    return bool(before) and before[-1] in BRACKET_OPEN and bool(after) and after[0] in BRACKET_CLOSE


def _bracketed_like(match: re.Match[str], text: str, g: _Grammar, locale: str, last: MoneySpan) -> MoneySpan | None:
    """A figure alone in brackets (the caller has checked) after an amount alone in brackets in its sentence takes
    that amount's currency, and its scale where it has none: "Gropyus (100 Mio. Euro), Storyblok (74) und Prewave
    (63)", "Sanoptis (235 Millionen Franken) …, gefolgt von Windward Bio (173 Millionen)". Not a count (die
    Mitarbeiter (120)), a year or a stock code (騰訊（700）): only what ``_bracketed_grammar`` lets stand between."""
    figure = match["pt"]
    if g.bracketed_list is None or g.bracketed_name is None or not figure or YEAR.fullmatch(figure) \
            or last.value is None or not 0 < match.start() - last.end <= BRACKETED_REACH \
            or not _bracketed(text, last.start, last.end) or SENTENCES.search(text, last.end, match.start()):
        return None
    scaled = _has_scale(figure, g)
    if scaled and not g.bracketed_name.search(text, last.end, match.start()) or not scaled and (
            not SMALL_FIGURE.fullmatch(figure) or not g.bracketed_list.fullmatch(text, last.end, match.start())):
        return None
    span = _span_from_match(match, text, g, locale)
    if span is None or span.value is None:
        return None
    if not scaled and (stated := g.pattern.match(text, last.start)) is not None and stated["pt"]:
        span = replace(span, value=_lent_scale(figure, span.value, stated["pt"], last.value, g, locale))
    return replace(span, currency=last.currency, rule="carried")


def _lent_scale(figure: str, value: float, stated: str, stated_value: float, g: _Grammar, locale: str) -> float:
    """``value`` in the scale of the amount stated before it: its scale word (100 Mio. Euro), or the scale it was
    lent itself (Storyblok (74) after 100 Mio. Euro, for Prewave (63)); 1 000 Euro has none to lend."""
    scaled = _distribute_scale(figure, value, stated, stated_value, g, below=False)
    if scaled != value:
        return scaled
    try:
        own = _parse(stated, g, locale).value
    except NumberError:
        return value
    ratio = stated_value / own if own else 1.0
    return value * ratio if ratio >= 10 and math.log10(ratio).is_integer() else value


def _carried_in_sentence(match: re.Match[str], text: str, g: _Grammar, locale: str, last: MoneySpan,
                         rule: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]) -> MoneySpan | None:
    """A scaled figure with no currency in a sentence about money (one of its cue words), followed only by its
    clause's end, a bracket or a verb that ends the clause ("sieben Milliarden beisteuern"), with no noun of counted
    things before it in its clause, in the currency of the last amount before it: "einen Umsatz von 6,9 Milliarden
    prognostizierten", "OpenAI 每建成 1GW 的设施就投 100 亿". ``rule``: the grammar's ``carried_in_sentence``."""
    follows, cues, counted = rule
    figure = match["pt"] or match["hi"]
    if not figure or not _has_scale(figure, g) or not follows.match(text, match.end()):
        return None
    start, end = _sentence_around(text, match.start(), match.end())
    clause = _last_end(CLAUSE_BREAK, text[start : match.start()]) + start
    if not cues.search(text, start, end) or counted.search(text, clause, match.start()):
        return None  # not about money, or it counts users (用户3亿, die Zahl der Nutzer auf 2,9 Milliarden)
    span = _carried(match, text, g, locale, last.currency, followed=True)
    # (a currency the locale's default gave the amount before stays open to a declaration: 52.37億元 … 3589億 after
    # 350.46億元（人民幣，下同）)
    return replace(span, bare=True) if span is not None and last.bare else span


def _negative_start(text: str, figure: int, g: _Grammar) -> int | None:
    """Where a minus sign or word before the figure starts (负1亿元, -3 Mio. Euro, minus 2 Milliarden), if any."""
    if not figure:
        return None
    before = text[figure - 1]
    if before in g.negative_signs:
        # A dash is a minus sign only where no figure, word or range mark stands before it (3-5亿, 2025-01, A-3).
        previous = text[figure - 2] if figure > 1 else " "
        return None if (previous.isascii() and previous.isalnum()) or previous in NOT_BEFORE_SIGN else figure - 1
    if before == " ":
        for word in g.negative_words:
            at = figure - 1 - len(word)
            # "17 Mrd. Euro plus/minus 500 Mio.": a tolerance, no negative amount
            if at >= 0 and text.startswith(word, at) and not (at and (text[at - 1].isalnum() or text[at - 1] == "/")):
                return at
    return None


def _range(match: re.Match[str], g: _Grammar, locale: str, currency: str, word: str | None,
           fraction: Decimal) -> MoneySpan | None:
    """2至3亿美元, 五块六到五块七毛八, zwischen 2 und 3 Milliarden Euro."""
    lo_v, hi_v = _parse(match["lo"], g, locale).value, _parse(match["hi"], g, locale).value
    if lo_v is None or hi_v is None:
        return None
    ca1, tail1 = (match["ca1"], match["tail1"]) if g.low_end_currency else (None, None)
    if not ca1:
        lo_v = _distribute_scale(match["lo"], lo_v, match["hi"], hi_v, g)
    lo_d, hi_d = (Decimal(str(v)) * fraction for v in (lo_v, hi_v))
    lo_d += _sub_unit_value(tail1, ca1, match["lo"], g) or 0
    hi_d += _sub_unit_value(match["tail"], word, match["hi"], g) or 0
    if lo_d >= hi_d:
        if match["cb"] and not match["ca"]:
            # "EUR 160 Mrd. bis 2030": no range; the low end with the currency before it is the amount.
            end = match.end("lo")
            qualifier = _qualifier_before(match.string, match.start(), g) or "exact"
            return MoneySpan(match.start(), end, currency, float(lo_d), None, None, qualifier, rule="point")
        return None
    end = match.end() if match["tail"] or not match["ca"] else match.end("ca")
    return MoneySpan(match.start(), end, currency, None, float(lo_d), float(hi_d), "range", rule="range")


def _adjacent_digit_range(match: re.Match[str], g: _Grammar, locale: str, currency: str,
                          fraction: Decimal) -> MoneySpan | None:
    """两三百万元, 三四十亿美元, 兩三蚊: two neighbouring digits are a range (2-3 million), not one figure."""
    figure = match["pt"] or ""
    if len(figure) < 2:
        return None
    first, second = (g.digit_values.get(ch) for ch in figure[:2])
    if first is None or second is None or second != first + 1:
        return None
    try:
        lo, hi = (_parse(ch + figure[2:], g, locale).value for ch in figure[:2])
    except NumberError:
        return None
    if lo is None or hi is None:
        return None
    end = match.end("ca") if match["ca"] else match.end()
    return MoneySpan(match.start(), end, currency, None, float(Decimal(str(lo)) * fraction),
                     float(Decimal(str(hi)) * fraction), "range", rule="range")


def _distribute_scale(lo_text: str, lo: float, hi_text: str, hi: float, g: _Grammar, below: bool = True) -> float:
    """2至3亿美元, 1.5至2.3亿, 8至9千万, 1,04 bis 1,2 Milliarden: a low end without a scale of its own takes the
    high end's (the units after the high end's figure), where that keeps it below the high end. A low end with a
    unit of its own shares only the big units (二百到二百五十万元 is 2-2.5 million).

    ``below=False``: the two figures of a change (von gut zwei auf 14,9 Milliarden, von 3 auf 2,5 Milliarden), which
    may go down; the scaled figure must stay within a hundredfold of the other."""
    if lo == 0 or g.range_own_scale.search(lo_text) or below and lo >= hi:
        return lo
    tail = (g.range_big_tail if g.small_units.intersection(lo_text) else g.range_unit_tail).search(hi_text)
    if not tail or not tail.start():
        return lo
    try:
        figure = _parse(hi_text[: tail.start()], g, g.locale).value
    except NumberError:
        return lo
    if not figure or figure <= 0:
        return lo
    scale = 10.0 ** round(math.log10(hi / figure))  # units are powers of ten
    if scale <= 1:
        return lo
    if below:
        return lo * scale if lo * scale < hi else lo
    return lo * scale if hi / 100 <= lo * scale <= hi * 100 else lo


def _vague_amounts(text: str, g: _Grammar, found: list[MoneySpan]) -> list[MoneySpan]:
    """German amounts without a figure, where no amount with one was found: "ein Milliardenbetrag" (vague,
    10^9-10^12), "ein zweistelliger Millionenbetrag" (10^7-10^8), "mehrere Millionen Euro" (2-10 million),
    "Hunderte Euro" (100-1000), "Milliarden Euro" (10^9-10^12)."""
    if g.vague is None:
        return []
    spans: list[MoneySpan] = []
    starts, ends = [s.start for s in found], [s.end for s in found]  # found is in text order
    for at in sorted({i for word in g.vague_triggers for i in _positions(text, word)}):
        if at and text[at - 1].isalnum() or _inside(at, starts, ends) or (spans and at < spans[-1].end):
            continue  # inside a word, part of "2 Milliarden Euro", or of the last vague amount
        m = g.vague.match(text, at)
        if not m:
            continue
        start, end = at, m.end()
        if m["vs"]:
            digit_word = g.vague_digits_before.search(text, max(0, at - 24), at) if g.vague_digits_before else None
            if digit_word:
                start = digit_word.start()
            unit, digits = g.vague_sums[m["vs"]], g.vague_sum_digits.get(digit_word["vd"] if digit_word else "")
            (low, high) = (10 ** (digits - 1), 10**digits) if digits else (1, g.order_of_magnitude)
            currency = _last_currency(found, at) or g.bare_currency
        else:
            word = WHITESPACE.sub("", m["ca"])
            currency = g.currency_after.get(word) or _lookup_ci(g.currency_after, word) or g.bare_currency
            if m["vsc2"]:
                unit, (low, high) = g.vague_plural_scales[m["vsc2"]], (1, g.order_of_magnitude)
            else:
                unit = g.scale_values[m["vsc"].lower()] if m["vsc"] else 1.0
                low, high = g.vague_counts[WHITESPACE.sub(" ", m["vn"])]
        spans.append(MoneySpan(start, end, currency, None, low * unit, high * unit, "approx", vague=True,
                               rule="vague"))
    return spans


def _last_currency(spans: list[MoneySpan], at: int) -> str | None:
    """The currency of the last amount before ``at`` (``spans`` in text order)."""
    return next((s.currency for s in reversed(spans) if s.end <= at), None)


def _inside(at: int, starts: list[int], ends: list[int]) -> bool:
    """Whether offset ``at`` falls inside one of the spans given by sorted ``starts`` and their ``ends``."""
    i = bisect_right(starts, at) - 1
    return i >= 0 and at < ends[i]


def _positions(text: str, word: str) -> Iterable[int]:
    """Every offset where ``word`` starts in ``text`` (str.find: far cheaper than a regex scan)."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _without_zero_width(text: str) -> tuple[str, list[int] | None]:
    """``text`` without invisible characters, and each kept character's offset in ``text`` (None if none)."""
    if not ZERO_WIDTH.search(text):
        return text, None
    offsets = [i for i, ch in enumerate(text) if not ZERO_WIDTH.match(ch)]
    return "".join(text[i] for i in offsets), offsets


def _restore_offsets(spans: list[MoneySpan], offsets: list[int]) -> list[MoneySpan]:
    return [replace(s, start=offsets[s.start], end=offsets[s.end - 1] + 1) for s in spans]


def extract_money(text: str, locale: str, region: str | None = None) -> list[MoneySpan]:
    """Every amount of money in ``text`` (Simplified for Chinese), with restatements linked."""
    g = grammar(locale, region)
    text, offsets = _without_zero_width(text)
    # Full-width digits (１．０７５３) and grouping commas to ASCII, one character for one so offsets hold.
    text = FULLWIDTH_NUMBER.sub(lambda m: m[0].translate(FULLWIDTH_DIGITS), text)
    if "﹒" in text:
        text = SMALL_POINT.sub(".", text)
    if not g.spaced:  # full-width punctuation is Han text's own
        text = FULLWIDTH_GROUPED.sub(lambda m: m[0].replace("，", ","), text)
    spans: list[MoneySpan] = []
    carried: list[MoneySpan] = []
    # The last two figures with no currency: "von 2,9 Milliarden auf 3 Milliarden Euro", and "von 39,3 Milliarden
    # um 73,3 Prozent auf 68,1 Milliarden Dollar", where the change's figure stands between.
    bares: list[re.Match[str]] = []
    for match in g.pattern.finditer(text):
        if not (match["cb"] or match["ca"] or _ca1(match, g)):
            if g.declared is not None and (span := _declared_figure(match, text, g, locale, g.declared)):
                spans.append(span)  # 10.82亿(美元，下同): the declaration names the figure's currency
                continue
            if g.carried_after is not None:
                joined = spans and g.carried_after.fullmatch(text, spans[-1].end, match.start())
                if joined and (span := _carried(match, text, g, locale, spans[-1].currency)):
                    carried.append(span)
                    continue
                bares = [*bares[-1:], match]
            # (in the currency of the last amount stated, not of its restatement: 1000億人民幣（以下同，約台幣4500億）)
            stated = spans[-1] if spans and spans[-1].equivalent_of is None else \
                next((s for s in reversed(spans) if s.equivalent_of is None), None)
            if stated is not None and _bracketed(text, match.start(), match.end()):
                # (a chain: Sanoptis (235 Millionen Franken), Windward Bio (173 Millionen), Distalmotion (120 …))
                latest = carried[-1] if carried and carried[-1].start > stated.start else stated
                if span := _bracketed_like(match, text, g, locale, latest):
                    carried.append(span)
                    continue
            if stated is not None and g.carried_in_sentence is not None and (
                    span := _carried_in_sentence(match, text, g, locale, stated, g.carried_in_sentence)):
                carried.append(span)
            continue
        if g.list_joiner is not None and match["lo"] and (pair := _list_pair(match, text, g, locale)):
            carried.append(pair[0])  # "jeweils 800.000 und 600.000 US-Dollar": two amounts, the first carried
            span = pair[1]
        else:
            span = _span_from_match(match, text, g, locale)
        if span is None:
            continue
        per = _per(text, span.start, span.end, g)
        if bares and g.carried_before is not None:
            von, auf = g.carried_before
            for bare in bares:
                if (auf.fullmatch(text, bare.end(), span.start)
                        and von.search(text, max(0, bare.start() - 24), bare.start())
                        and (earlier := _carried(bare, text, g, locale, span.currency, followed=True, unscaled=True))):
                    # von 0,32 auf 0,35 Euro je Aktie: both per share; von gut zwei auf 14,9 Milliarden: both billions
                    value = earlier.value
                    if value is not None and span.value and (figure := match["pt"] or match["hi"]):
                        value = _distribute_scale(bare["pt"] or bare["hi"] or "", value, figure, span.value, g,
                                                  below=False)
                    carried.append(replace(earlier, per=per, value=value))
                    break
            bares = []
        equivalent_of = None
        if spans and g.equivalent.match(text[spans[-1].end : span.start]):
            equivalent_of = len(spans) - 1
        if per or equivalent_of is not None or _is_bare(match, g):
            span = replace(span, per=per, equivalent_of=equivalent_of, bare=_is_bare(match, g))
        spans.append(span)
    if g.declared is not None or g.declared_in_sentence is not None:
        spans, carried = _declared(text, spans, g), _declared(text, carried, g) if carried else carried
    if g.market_currency is not None:
        spans = _market_currency(text, spans, g.market_currency)
    if g.currency_of_previous is not None:
        spans = _currency_of_previous(text, spans, g.currency_of_previous)
    if g.compared_with is not None:
        spans = _currency_of_compared(text, spans, g.compared_with)
    if g.bare_after_named is not None:
        spans = _currency_of_named(text, spans, g.bare_after_named)
    if g.list_currency is not None and g.list_joiner_only is not None:
        spans = _currency_of_list_end(text, spans, g.list_currency, g.list_joiner_only)
    if g.currency_in_context:
        spans = _currency_from_context(text, spans, g)
    spans = _joined_ranges(text, spans, g)
    if g.table_unit is not None and (headers := list(g.table_unit.finditer(text))):
        # (a header's 人民币百万元 names the unit: no amount of a million)
        kept = [s for s in spans if not any(h.start() <= s.start < h.end() for h in headers)]
        spans = _renumbered(spans, kept) if len(kept) < len(spans) else spans
        carried.extend(_table_cells(text, g, headers, spans))
    if carried:
        spans = _merge(spans, carried)
    if vague := _vague_amounts(text, g, spans):
        # "mehrere zehntausend Dollar" holds "zehntausend Dollar": the vague amount is the one stated.
        kept = [s for s in spans if not any(v.start <= s.start and s.end <= v.end for v in vague)]
        spans = _merge(_renumbered(spans, kept) if len(kept) < len(spans) else spans, vague)
    if "%" in text and (boxes := quote_boxes(text)):
        kept = [s for s in spans if not any(lo <= s.start < hi for lo, hi in boxes)]
        spans = _renumbered(spans, kept) if len(kept) < len(spans) else spans
    return _restore_offsets(spans, offsets) if offsets else spans


# A table's cell: a figure alone on its line (a negative one with a minus sign or in accounting brackets).
TABLE_CELL = re.compile(r"[ \t]*(?P<neg>[-−(（])?(?P<fig>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[)）]?[ \t]*")
# A row label naming its row's own unit in brackets (每股盈利（港仙）, 毛利率（%）): not the table's unit.
OWN_UNIT = re.compile(r"[（(][^（()）]{1,6}[）)]\s*$")
# A line longer than this, or ending a sentence, is prose: the table has ended.
TABLE_LABEL_MAX = 30
LINE = re.compile(r"[^\n]*")


def _table_cells(text: str, g: _Grammar, headers: list[re.Match[str]], spans: list[MoneySpan]) -> list[MoneySpan]:
    """The figures alone on their lines under ``headers``, the lines declaring a table's unit (港币千元 over 554,336:
    HKD 554,336,000), to the first line of prose; not under a row label naming its own unit in brackets, nor a year
    (2025)."""
    cells: list[MoneySpan] = []
    taken = {s.start for s in spans}
    for header in headers:
        currency = (g.currency_before.get(header["cb"]) if header["cb"] else None) or \
            g.table_units[header["unit"]] or g.bare_currency
        scale = g.table_scales[header["scale"]]
        own_unit = False
        for line in LINE.finditer(text, header.end() + 1):
            content = line[0].strip()
            if not content:
                continue
            if len(content) > TABLE_LABEL_MAX or content[-1] in SENTENCE_MARKS or header.re.fullmatch(content):
                break  # prose, or the next table's own unit
            cell = TABLE_CELL.fullmatch(line[0])
            if cell is None:
                own_unit = OWN_UNIT.search(content) is not None
                continue
            figure = cell["fig"]
            if own_unit or YEAR.fullmatch(figure) or line.start() + cell.start("fig") in taken:
                continue
            value = _parse(figure, g, g.locale).value
            if value is None:
                continue
            cells.append(MoneySpan(line.start() + cell.start("fig"), line.start() + cell.end("fig"), currency,
                                   value * scale * (-1 if cell["neg"] else 1), None, None, "exact", rule="table_unit"))
    return cells


def quote_boxes(text: str) -> list[tuple[int, int]]:
    """Where a stock quote box's data stand: from each quote change (QUOTE_CHANGE) to the next break."""
    boxes = []
    for m in QUOTE_CHANGE.finditer(text):
        end = QUOTE_BOX_END.search(text, m.end())
        boxes.append((m.end(), end.start() if end else len(text)))
    return boxes


def without_cut_off(spans: list[MoneySpan], text: str) -> list[MoneySpan]:
    """``spans`` of a whole article's ``text`` without an amount whose digits run into its end: the text is an excerpt
    or a truncated dump that stops mid-figure (撬动超人民币800…), and the figure is no amount of the article, whatever
    its scale was. (A case-table text may end on a figure; an article does not.)"""
    last = spans[-1] if spans else None
    if last is None or last.end < len(text.rstrip()) or not text[last.end - 1 : last.end].isdigit():
        return spans
    return _renumbered(spans, spans[:-1])


def _merge(spans: list[MoneySpan], more: list[MoneySpan]) -> list[MoneySpan]:
    """Both lists in text order, ``equivalent_of`` indices renumbered to match."""
    combined = spans + more
    order = sorted(range(len(combined)), key=lambda i: combined[i].start)
    new_index = {old: new for new, old in enumerate(order)}
    merged = [combined[i] for i in order]
    return [replace(s, equivalent_of=new_index[s.equivalent_of]) if s.equivalent_of is not None else s
            for s in merged]
