"""Load the compact concept index and turn it into what the label mapper searches.

Input: ``taxonomy/ifrs-2025-index.json.gz`` (built by ``converter.index_build``). Output:
``ConceptEntry`` records (a ``model.Concept`` plus labels, presentation placement and the
features the mapper scores on: statement roles, current/non-current side, OCI reclassification
block, cash-flow activity) and the label normalisation shared by index and queries, so that a
printed label and a taxonomy label are compared in the same canonical form.
"""
from __future__ import annotations

import gzip
import hashlib
import inspect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import TaxonomyError
from .first_char_alternation import FirstCharAlternation
from .model import Concept
from .resources import taxonomy_dir

INDEX_NAME = "ifrs-2025-index.json.gz"

# Data types a statement line can carry; text blocks, members, axes, booleans are never mapped.
NUMERIC_TYPES = frozenset({
    "xbrli:monetaryItemType", "dtr-2022:perShareItemType", "xbrli:sharesItemType",
    "xbrli:decimalItemType", "xbrli:pureItemType",
})
# Which presentation roles show a statement kind, and which note roles sub-classify it.
PRIMARY_ROLES: dict[str, frozenset[str]] = {
    "income": frozenset({"310000", "320000", "838000"}),
    "comprehensive_income": frozenset({"410000", "420000", "310000", "320000", "838000"}),
    "financial_position": frozenset({"210000", "220000"}),
    "changes_in_equity": frozenset({"610000"}),
    "cash_flows": frozenset({"510000", "520000"}),
}
RELATED_ROLES: dict[str, frozenset[str]] = {
    "income": frozenset({"800200"}),
    "comprehensive_income": frozenset({"800200", "861000"}),
    "financial_position": frozenset({"800100"}),
    "changes_in_equity": frozenset({"800400", "861200"}),
    "cash_flows": frozenset({"800300", "851100"}),
}

# ----------------------------------------------------------------------------- normalisation
_TAGS = re.compile(r"<[^>]+>")
# (pattern, a substring every match has: most labels have none)
_QUERY_NOISE = [
    # the reporting period is in the context, never in the concept
    (re.compile(r"\b(for|during|in) the (financial )?(year|period|six months|half[- ]year)"
                r"( ended \w+ \d+,? \d{4})?(/period)?\b"), " the "),
    (re.compile(r"\((restated|unaudited|audited|note \w+)\)"), "("),
    # currency or unit markers printed beside per-share lines: "(RMB)", "(HK cents)"
    (re.compile(r"\((in )?(rmb|hk\$|hk|hkd|us\$|us|usd|eur|gbp|sgd|s\$|rm|cny|£|\$|€)?"
                r"( ?(cents?|sen|fen|pence))?( per share)?\)"), "("),
    (re.compile(r"\b(rmb|hk\$|us\$)\s*'?000\b"), "000"),
    (re.compile(r"^(less|add|deduct|of which|including)\s*:\s*"), ":"),
    (re.compile(r"^\(?([ivx]+|[a-h]|\d{1,2})[.)]\s+"), " "),
]
# Phrase synonyms applied to printed and taxonomy labels alike (regional and IFRS wordings).
_PHRASES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), r) for p, r in [
    (r"\b(equity holders|equity shareholders|ordinary shareholders|shareholders|owners|"
     r"stockholders|holders of ordinary shares|ordinary equity holders) of the "
     r"(company|parent|bank|group|parent company)\b", "owners of parent"),
    (r"\bowners of the parent\b", "owners of parent"),
    # dividends paid "to shareholders" / "to owners of the Company" are the dividends paid
    # (those to non-controlling interests are named so)
    (r"\bdividends? paid to (the )?(ordinary |equity |common )?(shareholders|owners|equity "
     r"holders|stockholders)( of (the )?(company|parent|group))?\b", "dividends paid"),
    # "Profit attributable to: Ordinary shareholders", "Equity attributable to ordinary
    # shareholders": the parent's ordinary shareholders are its owners
    (r"\b(ordinary|common) (shareholders|stockholders|equity holders)\b", "owners of parent"),
    (r"\bordinary equity holders of parent entity\b", "owners of parent"),
    (r"\b(minority interests?|non-?controlling interests?|non-?controlling shareholders?)\b",
     "noncontrolling interests"),
    (r"\bcosts? of (goods sold|revenues?|services|sales)( and (of )?services( rendered)?)?\b|"
     r"\bcosts? of goods and services sold\b", "cost of sales"),
    # "Marketing and selling expenses", "Selling and marketing costs": IFRS's sales and
    # marketing expense
    (r"\b(marketing and (selling|sales)|selling and marketing)\b", "sales and marketing"),
    (r"\bturnover\b", "revenue"),
    # "investments at fair value through profit or loss" are financial assets so measured
    (r"\binvestments? (measured |carried )?at (fair value through profit (and|or) loss|fvt?pl)\b",
     "financial assets fvtpl"),
    (r"\b(at )?fair value through profit (and|or) loss\b|\bfvt?pl\b", "fvtpl"),
    (r"\b(at )?fair value through other comprehensive income\b|\bfvoci\b", "fvoci"),
    (r"\b(bank balances and cash|cash and bank balances|cash at banks? and (on|in) hand|"
     r"cash and deposits with banks|cash and short[- ]term deposits)\b(?! at central)",
     "cash and cash equivalents"),
    (r"\bdebtors\b", "receivables"), (r"\bcreditors\b", "payables"),
    (r"\b(associated companies|associated company)\b", "associates"),
    # "equity-accounted investees": IFRS's investments accounted for using the equity method
    (r"\b(investments? in )?equity[- ]accounted (investees?|investments?|entities)\b",
     "investments accounted for using equity method"),
    (r"\bjointly controlled entities\b", "joint ventures"),
    # Islamic financing (Murabaha, Tawarruq, Sukuk facilities) is borrowing
    (r"\b(murabaha|tawarruq|islamic|shariah[- ]compliant) (financing|facilit(y|ies)|loans?|"
     r"borrowings?)\b", "borrowings"),
    (r"\b(interest[- ]bearing )?bank (loans|borrowings)( and overdrafts)?\b|\bterm loans?\b|"
     r"\binterest[- ]bearing (loans and )?(borrowings|loans)\b", "borrowings"),
    # Gulf reporters print zakat with the income tax ("Zakat and income tax payable")
    (r"\bzakat and (income )?tax(es|ation)? payable\b", "current tax liabilities"),
    (r"\bzakat and (income )?tax(es|ation)?\b", "income tax"),
    # (before "taxation" / "income taxes": one pass rewrites a phrase once)
    (r"\b(income )?tax(ation)? recoverable\b|\bprepaid (income )?tax(es)?\b|"
     r"\bincome tax(es)? receivables?\b|\btax(ation)? receivables?\b", "current tax assets"),
    (r"\b(income |current |profits )?tax(es|ation)? payable\b", "current tax liabilities"),
    (r"\btaxation\b", "tax"), (r"\bincome taxes\b", "income tax"),
    (r"\bdeferred income tax(es|ation)?\b", "deferred tax"),
    (r"\bcurrent income tax(es|ation)?\b", "current tax"),
    (r"\b(staff costs?|employee benefits? (expenses?|costs?)|employee costs?)\b",
     "employee benefits expense"),
    (r"\bexpenditures?\b", "expense"),
    (r"\bearnings per share\b", "earnings per share"),
    (r"\bright[- ]of[- ]use\b", "rightofuse"),
    # "Current portion of lease liabilities": IFRS says current lease liabilities
    (r"\bnon[- ]?current portion of (the )?lease liabilit(y|ies)\b",
     "noncurrent lease liabilities"),
    (r"\bcurrent portion of (the )?lease liabilit(y|ies)\b", "current lease liabilities"),
    (r"\bnon[- ]current\b", "noncurrent"),
    # North American "long-term debt" (and its current portion) is non-current borrowings
    (r"\b(long[- ]term|non[- ]current) debt\b", "noncurrent borrowings"),
    # IFRS labels say current / non-current; companies also print short-term / long-term
    (r"\bshort[- ]term\b", "current"), (r"\blong[- ]term\b", "noncurrent"),
    (r"\b(share|stated|registered|paid[- ]in|subscribed) capital\b|\bcommon stock\b",
     "issued capital"),
    (r"\b((foreign )?currency|exchange|foreign exchange) translation reserves?\b",
     "reserve of exchange differences on translation"),
    (r"\b(accumulated (losses|deficits?)|retained (profits|losses|deficits?)|"
     r"\(accumulated losses\)/retained earnings|revenue reserves?)\b", "retained earnings"),
    (r"\bcomprehensive (loss|expense|income/\(loss\)|\(loss\)/income|income/loss|"
     r"loss/income)\b", "comprehensive income"),
    (r"\bdeferred revenue\b", "deferred income"),
    (r"\bpreferred shares?\b", "preference share"),
    (r"\bdefined benefit (obligations?|schemes?|pension plans?|retirement plans?|"
     r"plans?|pension schemes?)\b", "defined benefit plans"),
    (r"\barising (on|from)\b", "on"),
    (r"\bsales revenues?\b|\brevenues? from sales\b|\bnet (sales|revenues?)\b", "revenue"),
    # Indian "Revenue from operations" is the revenue line ("hotel operations" is a kind)
    (r"\brevenues? from operations\b", "revenue"),
    # a trust's or REIT's distributions to its unitholders are its dividends
    (r"\bdistributions? (paid )?to (unitholders|unit holders|shareholders)\b", "dividends paid"),
    # HK/SG "Provision for taxation" is the tax payable (not a provision under IAS 37)
    (r"\bprovisions? for (income )?tax(ation|es)?\b(?! on)", "current tax liabilities"),
    # European and US wordings of the IAS 1 lines
    (r"\b(personnel|staff|payroll) (expenses?|costs?)\b", "employee benefits expense"),
    (r"\bfinancial income\b", "finance income"),
    # the cash received as finance income is interest received (IAS 7.31)
    (r"\bfinance income received\b", "interest received"),
    # Gulf "end-of-service benefits" are the employees' post-employment benefits
    (r"\b(employees'? )?end[- ]of[- ]service (benefits?|indemnit(y|ies)|gratuit(y|ies))\b",
     "employee benefits"),
    (r"\bre-measurements?\b", "remeasurement"),
    (r"\bfinancial (expenses?|costs?)\b|\bfinance expenses?\b", "finance costs"),
    # US "Income before income taxes"; Gulf reporters deduct zakat with the income tax
    (r"(?<!comprehensive )\b(earnings|income) before (zakat and )?(income )?tax(es|ation)?\b",
     "profit before tax"),
    (r"\bbefore zakat and (income )?tax(es|ation)?\b", "before tax"),
    # French "Net income, Group share" ("part du groupe"): the owners of the parent's share
    (r"\bgroup share\b", "attributable to owners of parent"),
    # IAS 1's "other components of equity" (Japanese IFRS balance sheets print it as a line)
    (r"\bother components of equity\b", "other reserves"),
    (r"\bnet (income|earnings)\b", "profit"),
    (r"(?<!other )\boperating (result|results|income|profit|loss|earnings)\b",
     "profit from operating activities"),
    (r"\bstocks\b", "inventories"),
    (r"\b(tangible )?fixed assets\b", "property plant and equipment"),
    (r"(?<!trade )\baccounts receivables?\b|\btrade debtors\b", "trade receivables"),
    # US/Canadian "Accounts payable and accrued liabilities": trade and other payables
    (r"\b(accounts|trade) payables? and (accrued (liabilities|expenses|charges)|accruals)\b",
     "trade and other payables"),
    (r"(?<!trade )\baccounts payables?\b|\btrade creditors\b", "trade payables"),
    (r"\b(amounts )?due to banks( and other financial institutions)?\b",
     "deposits from banks"),
    (r"\bdebt securities (in issue|issued)\b", "debt instruments issued"),
    (r"\b(shareholders|stockholders|owners)'? equity\b|\b(shareholders|stockholders|members)'? "
     r"funds\b", "equity"),
    # German "Pensionsrückstellungen": provisions for pensions (and similar obligations)
    (r"\bprovisions? for pensions?( and similar obligations)?\b|\bpension provisions?\b",
     "provisions for employee benefits"),
    (r"\bbalances with central banks?\b", "bank balances at central banks"),
    (r"\b(pledged|restricted) (bank )?(deposits|cash|balances|bank balances)\b",
     "restricted cash and cash equivalents"),
    (r"\bamounts? due from (a |the )?(directors?|shareholders?|related compan(y|ies)|"
     r"fellow subsidiar(y|ies)|(ultimate )?holding compan(y|ies))\b",
     "receivables due from related parties"),
    (r"\bamounts? due to (a |the )?(directors?|shareholders?|related compan(y|ies)|"
     r"fellow subsidiar(y|ies)|(ultimate )?holding compan(y|ies))\b",
     "payables to related parties"),
    # bank wordings of deposits taken ("Due to customers", "Customer deposits")
    (r"\b(amounts )?due to customers\b|\bcustomer deposits\b|\bdeposits of customers\b",
     "deposits from customers"),
    (r"\bamounts? due from\b", "receivables due from"),
    (r"\bamounts? due to\b", "payables to"),
    (r"\btrade and bills receivables?\b", "trade and other receivables"),
    (r"\btrade and bills payables?\b", "trade and other payables"),
    (r"\bshare of (results|profits?|losses|profit/\(loss\)|\(loss\)/profit|net (profit|loss)"
     r"|profits? (and|or) losses)( after (income )?tax(ation)?)? of\b", "share of profit (loss) of"),
    (r"\b(beginning|start) of (the )?(financial )?(year|period|half[- ]year|six months)\b",
     "beginning of period"),
    (r"\bend of (the )?(financial )?(year|period|half[- ]year|six months)\b", "end of period"),
    (r"\bper cent\b", "percent"),
    # Held-out wordings (banks, insurers, property, retail, mining, EUR/UK reporters)
    (r"\band similar\b", ""),   # "Interest and similar income" is interest income
    (r"\binterest revenue\b", "interest income"),
    (r"(?<!fee and )\bcommissions? income\b|\bfees and commissions? income\b",
     "fee and commission income"),
    (r"\bfees and commissions\b", "fee and commission"),
    (r"\bstocks? in trade\b", "inventories"),
    (r"\bcosts? of inventor(y|ies) sold\b", "cost of sales"),
    (r"\bservices rendered\b", "rendering of services"),
    (r"\badvertising and (promotion|promotional|marketing)\b", "advertising"),
    (r"\b(provisions? for (mine closure and |site )?(restoration|rehabilitation|"
     r"decommissioning|mine closure)( and (restoration|rehabilitation))?( costs?)?|"
     r"(rehabilitation|restoration|decommissioning|mine closure) (provisions?|obligations?))\b",
     "provision for decommissioning restoration and rehabilitation costs"),
    (r"\b(amortisation|amortization) charges?\b", "amortisation expense"),
    (r"\bdepreciation charges?\b", "depreciation expense"),
    (r"\bfinance charges\b", "finance costs"),
    (r"\bresults? from operating activities\b", "profit from operating activities"),
    (r"\b(net )?financ(ial|e) results?\b", "finance income cost"),
    (r"\btax(es|ation)? on (profits?|income|earnings)( on ordinary activities)?\b",
     "income tax expense"),
    (r"\bon ordinary activities\b", ""),   # UK: "Profit on ordinary activities before tax"
    # Australian "Profit after income tax expense", "Loss after income tax benefit": the
    # profit or loss for the period (the tax is already deducted)
    (r"\bprofit after (income )?tax(ation)?( (expense|benefit|credit|charge)s?)?\b", "profit"),
    (r"\bloss after (income )?tax(ation)?( (expense|benefit|credit|charge)s?)?\b", "loss"),
    # "Intangibles", the whole line, is a balance-sheet line (elsewhere, "payments for
    # intangibles", "other intangibles", the word keeps its wider sense)
    (r"(?<!.)\bintangibles$", "intangible assets other than goodwill"),
    (r"\bnet assets\b", "netassets"),
    (r"\bforeign subsidiaries\b", "foreign operations"),
    (r"\binsurance contracts? (issued )?(that are )?liabilities\b",
     "insurance contract liabilities"),
    (r"\breinsurance contracts? (held )?(that are )?assets\b", "reinsurance contract assets"),
    (r"\b((gains?|loss(es)?|increase|decrease|changes?)( arising)? (from|on|in) (changes in )?"
     r"(the )?fair value (of|on)|fair value (gains?|loss(es)?|changes?|adjustments?)( on| of| in)?)"
     r" (the )?investment propert(y|ies)\b",
     "gains on fair value adjustment investment property"),
    (r"\bgross rental income\b", "rental income"),
    # batch 2 of the held-out list (utilities, airlines, telecoms, developers)
    (r"\bfuel and (energy|power) (costs?|expenses?)\b", "fuel and energy expense"),
    (r"\b(employee|staff) (compensation|remuneration)( and benefits?)?( (expenses?|costs?))?\b",
     "employee benefits expense"),
    (r"\b(completed )?propert(y|ies) (under development )?for sale\b",
     "property intended for sale in ordinary course of business"),
]]
_SPELLING = [(re.compile(r"iz(ation|ations|ed|ing|e|es)\b"), r"is\1"),
             (re.compile(r"\bprepaid expenses\b"), "prepayments")]
STOPWORDS = frozenset("the of and for in on to a an from as at by with its which that or is "
                      "be are was".split())
_TOKEN_EXCEPTIONS = {"taxes": "tax", "losses": "loss", "gains": "gain", "less": "less",
                     "business": "business", "basis": "basis", "plus": "plus",
                     "analysis": "analysis", "process": "process", "series": "series",
                     "progress": "progress", "various": "various", "bonus": "bonus",
                     "status": "status", "surplus": "surplus"}


@lru_cache(maxsize=50_000)
def clean_label(text: str) -> str:
    """Lower-case a printed label and strip markup, note marks and period words."""
    text = _TAGS.sub(" ", text or "")
    text = (text.replace("\u2019", "'").replace("\u2018", "'").replace("&", " and ")
            .replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
            .replace("\xa0", " "))
    text = " ".join(text.lower().split()).strip(" :;*#")
    for pattern, needs in _QUERY_NOISE:
        if needs in text:   # (a substring test is cheaper than a failed search)
            text = pattern.sub(" ", text)
    return " ".join(text.split()).replace(" ,", ",").strip(" :;,-")


def _stem(word: str) -> str:
    if word in _TOKEN_EXCEPTIONS:
        return _TOKEN_EXCEPTIONS[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# One alternation of all phrase synonyms (one pass instead of ~110: index load time), each
# position trying only the phrases that can start with its character (query time). Groups
# become non-capturing (an escaped parenthesis stays a parenthesis).
_PHRASE_SCAN = FirstCharAlternation(
    [re.sub(r'(?<!\\)[(](?![?])', '(?:', p.pattern) for p, _r in _PHRASES],
    [f"p{i}" for i in range(len(_PHRASES))])
_PHRASE_REPL = {f"p{i}": r for i, (_p, r) in enumerate(_PHRASES)}


_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=50_000)
def canonical(text: str) -> str:
    """Canonical token string: phrase synonyms, British spelling, stems, no stopwords."""
    text = text.lower().replace("&", " and ").replace("\u2013", "-").replace("\u2019", "'")
    if "iz" in text or "prepaid" in text:
        for pattern, repl in _SPELLING:
            text = pattern.sub(repl, text)
    text = _PHRASE_SCAN.sub(text, _PHRASE_REPL.__getitem__)
    stems = _STEMS
    return " ".join([stems.get(w) or _stemmed(w)
                     for w in _WORD.findall(text.replace("'s", "")) if w not in STOPWORDS])


_STEMS: dict[str, str] = {}     # word → stem, as words recur from label to label


def _stemmed(word: str) -> str:
    if len(_STEMS) > 100_000:
        _STEMS.clear()
    stem = _STEMS[word] = _stem(word)
    return stem


def clear_memos() -> None:
    """Forget every memo of the normalisation (benchmarks: first-time cost)."""
    clean_label.cache_clear()
    canonical.cache_clear()
    _STEMS.clear()


_PAIR = re.compile(r"(\b[\w-]+(?: [\w-]+)?) \(([\w -]+)\)")
_SLASH_PAIR = re.compile(r"\(?\b([a-z-]+)\)?/\(?([a-z-]+)\b\)?")


def taxonomy_variants(label: str) -> list[str]:
    """Readings of an IFRS label: "Profit (loss)" is printed "Profit" or "Loss".

    The IFRS convention "X (Y)" names a signed amount whose negative reads Y; a company
    prints one of the two words (or both, "profit/(loss)").
    """
    text = label.lower()
    out = [text]
    if "(" in text:
        first = _PAIR.sub(lambda m: m.group(1), text)
        second = _PAIR.sub(lambda m: _swap_last(m.group(1), m.group(2)), text)
        both = text.replace("(", "").replace(")", "")
        out += [first, second, both]
    stripped = re.sub(r", (classified as (operating|investing|financing) activities|equity|"
                      r"continuing operations)$", "", text)
    # OCI item labels repeat the block: "Other comprehensive income, net of tax, cash flow
    # hedges" is printed "Cash flow hedges" under the OCI heading.
    stripped = re.sub(r"^other comprehensive income, (net of tax|before tax), ", "", stripped)
    # "Impairment loss recognised in profit or loss, goodwill" is printed "Impairment of
    # goodwill": the recognition clause is IFRS boilerplate
    stripped = stripped.replace(" recognised in profit or loss", "")
    stripped = stripped.replace(" reported in separate financial statements", "")
    if stripped != text:
        out.append(stripped)
        if "(" in stripped:
            out += [_PAIR.sub(lambda m: m.group(1), stripped),
                    _PAIR.sub(lambda m: _swap_last(m.group(1), m.group(2)), stripped)]
    return list(dict.fromkeys(out))


def _swap_last(head: str, alt: str) -> str:
    """In "share of profit (loss)" the alternative replaces the last word(s) of the head."""
    head_words, alt_words = head.split(), alt.split()
    keep = max(0, len(head_words) - len(alt_words))
    return " ".join(head_words[:keep] + alt_words)


def query_variants(cleaned: str) -> list[str]:
    """Readings of a printed label: "Other gains/(losses)" is "other gains" or "other losses"."""
    out = [cleaned.replace("(", "").replace(")", "").replace("/", " ")]
    if "/" in cleaned:
        out.append(_SLASH_PAIR.sub(lambda m: m.group(1), cleaned))
        out.append(_SLASH_PAIR.sub(lambda m: m.group(2), cleaned))
    if "(" in cleaned:
        out.append(re.sub(r"\s*\([^)]*\)\s*", " ", cleaned))
    return list(dict.fromkeys(" ".join(v.replace("(", "").replace(")", "").split())
                              for v in out if v.strip()))


# ----------------------------------------------------------------------------- the entries
Side = str  # "current" | "noncurrent" | ""


@dataclass(frozen=True)
class ConceptEntry:
    """One concept with what the mapper scores: labels, roles and placement features."""

    concept: Concept
    labels: dict[str, str]
    placements: tuple[tuple[str, str, float, str], ...]   # (role, parent, order, pref. label)
    roles: frozenset[str]
    side: Side                  # current / noncurrent from the name or the 210000 parent
    reclass: str                # "may" / "not" / "" from the 410000/420000 ancestors
    activity: str               # "operating" / "investing" / "financing" / ""
    substitution_group: str
    search: tuple[str, ...]     # canonical label variants

    @property
    def name(self) -> str:
        return self.concept.name


def _ancestors(name: str, parents: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    stack = list(parents.get(name, ()))
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(parents.get(node, ()))
    return seen


def _side(name: str, ancestors: set[str]) -> Side:
    # The leading word decides ("CurrentPortionOfLongtermBorrowings" is current); the tax
    # meaning of "current" ("CurrentTaxLiabilities...") is not a side.
    if "ClassifiedAsHeldFor" in name:
        # IFRS 5 assets held for sale are presented in current assets despite the name
        return ""
    body = name.replace("CurrentTax", "").replace("IncomeTaxCurrent", "")
    if body.startswith(("Noncurrent", "Longterm")):
        return "noncurrent"
    if body.startswith(("Current", "Shortterm")):
        return "current"
    if "Noncurrent" in body or "Longterm" in body:
        return "noncurrent"
    if "Current" in body or "Shortterm" in body:
        return "current"
    if any(a.startswith("Noncurrent") for a in ancestors):
        return "noncurrent"
    if any(a.startswith("Current") for a in ancestors):
        return "current"
    return ""


def _reclass(name: str, ancestors: set[str]) -> str:
    text = name + " " + " ".join(ancestors)
    if "WillNotBeReclassified" in text:
        return "not"
    if "WillBeReclassified" in text:
        return "may"
    return ""


def _activity(name: str, ancestors: set[str]) -> str:
    text = name + " " + " ".join(ancestors)
    for activity in ("Operating", "Investing", "Financing"):
        if f"{activity}Activities" in text:
            return activity.lower()
    return ""


SEARCH_LABEL_ROLES = ("label", "terseLabel", "verboseLabel", "totalLabel", "netLabel",
                      "periodStartLabel", "periodEndLabel")


def search_texts(concept: Concept, labels: dict[str, str]) -> list[str]:
    """The canonical label variants a printed label is compared with (numeric concepts only)."""
    search: list[str] = []
    if concept.abstract or concept.data_type not in NUMERIC_TYPES:
        return search
    for text in (labels[k] for k in SEARCH_LABEL_ROLES if k in labels):
        for variant in taxonomy_variants(text):
            canon = canonical(variant)
            if canon and canon not in search:
                search.append(canon)
    return search


@lru_cache(maxsize=1)
def normaliser_fingerprint() -> str:
    """Changes whenever the normalisation code or its tables change (invalidates the cache)."""
    parts = [inspect.getsource(f) for f in (clean_label, _stem, canonical, taxonomy_variants,
                                            _swap_last, search_texts)]
    parts += [p.pattern + r for p, r in _PHRASES] + [p.pattern + r for p, r in _SPELLING]
    parts += [_TAGS.pattern] + [p.pattern + needs for p, needs in _QUERY_NOISE]
    parts += sorted(STOPWORDS) + sorted(_TOKEN_EXCEPTIONS.items().__repr__())
    parts += list(SEARCH_LABEL_ROLES) + sorted(NUMERIC_TYPES)
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]


def _entries(raw: dict[str, Any]) -> dict[str, ConceptEntry]:
    concepts: dict[str, dict[str, Any]] = raw["concepts"]
    prefix = raw.get("prefix", "ifrs-full")
    parents: dict[tuple[str, str], set[str]] = {}
    for name, c in concepts.items():
        for role, parent, _order, _pref in c["pr"]:
            parents.setdefault((role, name), set()).add(parent)
    by_role: dict[str, dict[str, set[str]]] = {}
    for (role, child), ps in parents.items():
        by_role.setdefault(role, {})[child] = ps
    entries: dict[str, ConceptEntry] = {}
    # Canonical search texts are stored in the index when built with the same normaliser
    # (same fingerprint): recomputing them costs most of the load time.
    cached = raw.get("search") if raw.get("normaliser") == normaliser_fingerprint() else None
    for name, c in concepts.items():
        labels = c["l"]
        std = labels.get("label") or name
        concept = Concept(name=name, prefix=prefix, period_type=c["p"], balance=c["b"],
                          data_type=c["t"], abstract=bool(c["a"]), label=std)
        roles = frozenset(p[0] for p in c["pr"])
        bs_anc = set().union(*(_ancestors(name, by_role[r]) for r in ("210000",)
                               if r in roles)) if "210000" in roles else set()
        oci_anc = set().union(*(_ancestors(name, by_role[r]) for r in ("410000", "420000")
                                if r in roles)) if roles & {"410000", "420000"} else set()
        cf_anc = set().union(*(_ancestors(name, by_role[r]) for r in ("510000", "520000")
                               if r in roles)) if roles & {"510000", "520000"} else set()
        search = cached.get(name) if cached is not None else search_texts(concept, labels)
        entries[name] = ConceptEntry(
            concept=concept, labels=labels,
            placements=tuple((p[0], p[1], float(p[2]), p[3]) for p in c["pr"]),
            roles=roles, side=_side(name, bs_anc), reclass=_reclass(name, oci_anc),
            activity=_activity(name, cf_anc), substitution_group=c.get("s", ""),
            search=tuple(search or ()))
    return entries


def default_index_path() -> Path:
    return taxonomy_dir() / INDEX_NAME


@lru_cache(maxsize=4)
def load_raw(path: str) -> dict[str, Any]:
    """The index file as JSON; ``TaxonomyError`` if it is missing or not an index."""
    try:
        with gzip.open(path, "rb") as fh:
            raw = json.loads(fh.read())
    except (OSError, ValueError, EOFError) as exc:
        raise TaxonomyError(
            f"cannot read concept index {path}: {exc} (rebuild it with "
            "`python -m converter.index_build IFRSAT-2025.zip -o {path}`)") from exc
    if not isinstance(raw, dict) or "concepts" not in raw:
        raise TaxonomyError(f"{path} is not a concept index (no 'concepts')")
    return raw


@lru_cache(maxsize=4)
def load_entries(path: str) -> dict[str, ConceptEntry]:
    """All concepts of the index, by local name (cached per path)."""
    return _entries(load_raw(path))
