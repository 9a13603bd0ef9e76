"""What a row label says about its row: where packed labels split, whether a label goes on
on the next line, whether it is a section heading, a subtotal, a total or an opening balance.

Statement labels are printed in sentence case ("Property, plant and equipment"), so when an
extractor packs several rows' labels onto one line ("Non-current assets Property, plant and
equipment Right-of-use assets") a capital letter after a non-function word starts a new label.
The vocabularies here are IAS 1 / IAS 7 presentation words, not any one issuer's labels.
"""
from __future__ import annotations

import re

from .model import BalanceRole, RowKind

# Words after which a capitalised word continues the same label ("holders of the Company").
_JOINERS = frozenset("""the of to and or in by for a an as at on from with under per
into within between than via""".split())
# Words a wrapped label line ends with when it is not finished.
_OPEN_ENDINGS = frozenset("""the of to and or in by for a an as at on from with under per
into within between than via using through which that other its their fair""".split())

_SECTION_HEADINGS = re.compile(
    r"^(?:assets|liabilities|equity|equity and liabilities|liabilities and equity|"
    r"(?:non-?\s?current|current) (?:assets|liabilities)|"
    r"(?:capital and reserves|equity and reserves)|"
    r"other comprehensive (?:income|loss|\(loss\)/income|income/\(loss\))(?: for the (?:year|period))?|"
    r"items? that (?:may|will|will not|may not|have been|will never) (?:be |not be )?"
    r"(?:subsequently )?reclassified.*|"
    r"(?:equity|deficits?|equity/\(deficits?\)|\(deficits?\)/equity|capital and reserves|"
    r"(?:profit|loss|\(loss\)/profit|profit/\(loss\)) and total comprehensive \w+)"
    r" attributable to (?:the )?(?:equity holders|owners|shareholders).*|"
    r"comprehensive (?:loss|income)|transactions with (?:equity holders|owners).*|"
    r"(?:net )?cash flows? (?:from|used in|generated from|\(used in\)/generated from)"
    r"[\w\s/()]* activities|"
    r"(?:loss|profit|earnings|\(loss\)/profit|profit/\(loss\))(?:es)? per share.*attributable.*|"
    r"continuing operations|discontinued operations)$",
    re.IGNORECASE)
_ATTRIBUTABLE_HEADING = re.compile(r"\battributable to\s*:?$|:$", re.IGNORECASE)
_SUBTOTAL = re.compile(
    r"^(?:gross (?:profit|loss)|operating (?:profit|loss|\(loss\)/profit|profit/\(loss\))|"
    r"(?:profit|loss|\(loss\)/profit|profit/\(loss\)) before (?:income )?tax(?:ation)?|"
    r"(?:profit|loss|\(loss\)/profit|profit/\(loss\)) for the (?:year|period)|"
    r"net cash (?:(?:used in|generated from|from|inflow from|outflow from|\(used in\)/generated from|"
    r"generated from/\(used in\)|\(outflow\)/inflow from|inflow/\(outflow\) from)\s+)?"
    r"[\w\s]*activities|"
    # continental: the activity's total printed as "Cash flow from operating activities"
    r"cash flows? (?:from|used in|\(used in\)/from|from/\(used in\)) "
    r"(?:operating|investing|financing) activities|"
    r"net (?:increase|decrease|\(decrease\)/increase|increase/\(decrease\)) in cash.*|"
    r"other comprehensive (?:income|loss|\(loss\)/income|income/\(loss\)).*for the (?:year|period).*|"
    r"finance (?:income|costs?|expenses?)\s*[-–—]\s*net|net finance .*|"
    r"net current (?:assets|liabilities)|total assets less current liabilities|"
    r"cash (?:generated from|used in) operations)$",
    re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = r"(?:" + "|".join(_MONTHS) + r")"
# A balance dated on the first day of a month is the opening of a period (financial years
# start on the 1st: "at 1 April", "as at 1 July 2024"); one dated on the last days of a month
# is its close ("at 31 March", "at 30 June 2025").
# North American labels end on the period word: "Cash and cash equivalents, end of year".
_PERIOD_END_WORD = r"of (?:the )?(?:financial )?(?:year|period|half[- ]year|quarter)\W*$"
_OPENING = re.compile(r"\bat (?:the )?(?:beginning|start) of\b|\bopening\b|"
                      r"\b(?:as )?at 1(?:st)? " + _MONTH + r"\b|"
                      r"(?:,|\s-)\s*(?:the )?(?:beginning|start) " + _PERIOD_END_WORD,
                      re.IGNORECASE)
_CLOSING = re.compile(r"\bat (?:the )?end of\b|\bclosing\b|"
                      r"\b(?:as )?at (?:2[89]|3[01])(?:st|th)? " + _MONTH + r"\b|"
                      r"(?:,|\s-)\s*(?:the )?end " + _PERIOD_END_WORD, re.IGNORECASE)
_PER_SHARE = re.compile(r"\bper (?:ordinary )?share\b", re.IGNORECASE)


def normalise_label(text: str) -> str:
    """Collapse whitespace and stray punctuation an extractor leaves around a label."""
    s = " ".join(text.replace("\u00ad", "").split())
    if s.endswith(":"):
        return s.strip(" .;,|•·_")
    if re.search(r"[A-Za-z)],$", s):
        # "Revaluation surplus on land and buildings," / "net of tax": a comma after a word
        # says the label goes on, and the comma belongs to the joined label
        return s.lstrip(" .:;,|•·_")
    return s.strip(" .:;,|•·_").strip()


def split_packed(label: str) -> list[str]:
    """Split a line holding several labels at sentence-case boundaries.

    >>> split_packed("Non-current assets Property, plant and equipment Right-of-use assets")
    ['Non-current assets', 'Property, plant and equipment', 'Right-of-use assets']
    >>> split_packed("Equity holders of the Company")
    ['Equity holders of the Company']
    """
    words = label.split()
    segments: list[list[str]] = [[]]
    for i, w in enumerate(words):
        if i and _starts_label(w) and _can_end(words[i - 1]) and segments[-1]:
            segments.append([])
        segments[-1].append(w)
    merged: list[list[str]] = []
    for seg in filter(None, segments):
        merged.append(seg)
        # "... shareholders of Auental" + "Antriebe SE", "... of Brightwater" + "Holdings"
        # + "Limited": the rest of a name, not packed labels
        while len(merged) > 1 and _is_name_tail(merged[-1]):
            tail = merged.pop()
            merged[-1] = merged[-1] + tail
    return [" ".join(s) for s in merged]


# Legal forms that end a company's name ("Acme Holdings Limited", "Auental Antriebe SE",
# "Wrenfield Brands plc"): a run of capitalised words ending in one is the rest of a name the
# label began ("attributable to shareholders of Auental Antriebe SE"), not a packed label.
# Compared without their dots ("S.A." is "sa").
_LEGAL_FORMS = frozenset("""se ag plc ltd limited inc corp corporation nv sa spa gmbh kgaa ab
asa oyj berhad bhd llc sarl bv a/s""".split())
_LEGAL_FORM_RE = "|".join(r"\.?".join(map(re.escape, f)) + r"\.?"
                          for f in sorted(_LEGAL_FORMS, key=len, reverse=True))


def _is_legal_form(word: str) -> bool:
    return word.lower().strip(",").replace(".", "") in _LEGAL_FORMS


def _is_name_tail(words: list[str]) -> bool:
    """Capitalised words ending in a legal form ("Antriebe SE", "Énergie S.A."), or capitalised
    words followed by one ("Holdings" before "Limited") once merged."""
    if not _is_legal_form(words[-1]):
        return False
    return all(w[:1].isupper() for w in words[:-1])


def _starts_label(word: str) -> bool:
    core = word.lstrip("(\"'“")
    if not core or not core[0].isupper():
        return False
    if core.lower().rstrip(",.") in _MONTHS:
        return False            # "at 1 April", "31 March 2025": a date inside a label
    letters = [ch for ch in core if ch.isalpha()]
    # acronyms and single letters ("AI", "FVOCI", "Class B") do not start labels
    return not (len(letters) <= 1 or all(ch.isupper() for ch in letters))


def _can_end(word: str) -> bool:
    if word.endswith(":"):
        return True
    w = word.lower().strip(",;")
    return w not in _JOINERS and not word.endswith("-") and not word.endswith(",")


def is_open_ended(label: str) -> bool:
    """A label line that cannot end there ("... financial assets and")."""
    words = label.split()
    if not words:
        return False
    last = words[-1].lower()
    return last in _OPEN_ENDINGS or words[-1].endswith(("-", ",", "/"))


# A breakdown line under a row ("thereof attributable to non-controlling interests", "of
# which: trade receivables", German-English "thereof"/"hereof"): lower-case, yet its own row.
_BREAKDOWN = re.compile(r"^(?:thereof|hereof|whereof|of which|out of which|davon)\b", re.I)


def starts_lowercase(label: str) -> bool:
    """A label line that begins in lower case: the continuation of a wrapped label (not a
    breakdown line such as "thereof ..." or "of which ...")."""
    core = label.lstrip("(\"'“ ")
    return bool(core) and core[0].islower() and not _BREAKDOWN.match(core)


def is_section_heading(label: str) -> bool:
    """A heading that never carries figures: "Current assets", "Items that may be reclassified..."."""
    s = normalise_label(label)
    return bool(_SECTION_HEADINGS.match(s.rstrip(":")) or _ATTRIBUTABLE_HEADING.search(s))


def row_kind(label: str, has_values: bool) -> RowKind:
    if not has_values:
        return "heading"
    s = normalise_label(label)
    if not s:
        return "subtotal"
    if re.match(r"^total\b", s, re.IGNORECASE):
        return "total"
    if _SUBTOTAL.match(s):
        return "subtotal"
    return "item"


def balance_role(label: str) -> BalanceRole:
    """Cash "at beginning of year" is an opening balance; "at end of year" a closing one."""
    if _OPENING.search(label):
        return "opening"
    if _CLOSING.search(label):
        return "closing"
    return "flow"


def is_per_share(label: str) -> bool:
    return bool(_PER_SHARE.search(label))


_SECTION_LEVEL0 = re.compile(r"^(?:assets|liabilities|equity|equity and liabilities|"
                             r"liabilities and equity|capital and reserves|"
                             r"other comprehensive .*|.*cash flows? .*activities|"
                             r".*attributable to\s*:?|.*per share.*)$", re.IGNORECASE)


def section_level(heading: str) -> int:
    """0 for a statement part (Assets, Equity, Liabilities), 1 for a group within it."""
    return 0 if _SECTION_LEVEL0.match(normalise_label(heading)) else 1


# Footnote markers a label carries: superscript digits stuck to a word ("Other income¹"),
# daggers and stars at its end ("Revenue*", "Tax†"), a letter or roman numeral in
# parentheses at its end ("Revenue (a)", "Other reserves (ii)"). They refer to a footnote
# under the table and say nothing about the line item.
_SUPERSCRIPT_MARK = re.compile(r"(?<=[\w)])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+(?=\W|$)")
_END_MARK = re.compile(r"\s*(?:[*†‡#]+|\((?:[a-h]|i{1,3}|iv|vi{0,3}|ix|x)\))$")
# The issuer named as the owners' company ("attributable to shareholders of Auental Antriebe
# SE", "owners of Acme Holdings Limited"): the mapper knows "the Company", not each name. A
# counterparty ("Amount due to Orchid Trading Limited") is not the issuer and keeps its name.
_NAMED_ISSUER = re.compile(
    r"\b(?P<lead>(?i:owners|shareholders|stockholders|equity\s+holders|holders|members)\s+of)"
    r"\s+(?:[A-ZÀ-ÖØ-Þ][\w&'.-]*\s+){1,6}(?i:" + _LEGAL_FORM_RE + r")(?=\W|$)")
# The amount a dividend came to per share, in parentheses ("Dividends declared ($0.48 per
# share)", "Final dividend (R1.20 per ordinary share)", "Interim dividend (12.5p a share)"):
# it differs year by year and names no line item.
_PER_SHARE_AMOUNT = re.compile(r"\s*\([^()]*\d[^()]*\b(?:per|a)\s+(?:ordinary\s+|common\s+)?"
                               r"share\)", re.IGNORECASE)
_BREAKDOWN_LEAD = re.compile(r"^(?:thereof|hereof|whereof|of which|out of which|davon)\s*:?\s*",
                             re.IGNORECASE)


def mapping_label(label: str) -> str:
    """The words of a printed label that name its line item: footnote markers dropped, the
    issuer's own name as "the Company", a breakdown's lead ("thereof", "of which") dropped.

    >>> mapping_label("Other income¹")
    'Other income'
    >>> mapping_label("thereof attributable to owners of Acme Holdings Limited")
    'attributable to owners of the Company'
    >>> mapping_label("Final dividend (R1.20 per ordinary share)")
    'Final dividend'
    """
    out = _SUPERSCRIPT_MARK.sub("", label)
    while True:
        trimmed = _END_MARK.sub("", out)
        if trimmed == out or not re.search(r"[A-Za-z]{2,}", trimmed):
            break
        out = trimmed
    out = _NAMED_ISSUER.sub(lambda m: m.group("lead") + " the Company", out)
    out = _BREAKDOWN_LEAD.sub("", out)
    out = _PER_SHARE_AMOUNT.sub("", out)
    return normalise_label(out) or label
