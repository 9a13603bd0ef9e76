"""Turn a printed label and where it sits into the query the matcher ranks concepts for.

Stage: map/tag (query side). Input: a label as printed, the statement kind, the heading path
and optional period type / printed sign. Output: a ``Query``: the cleaned label, its canonical
readings (variants) and the section facts the scorer checks (current/non-current side, OCI
reclassification block, cash-flow activity, discontinued operations, per-share or shares,
balance the balance-sheet section implies).

Why separate: this is everything that reads the *document's* wording; the taxonomy side
(``label_search``) and the scoring rules (``mapping_score``) never look at raw text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .taxonomy_index import canonical, clean_label, query_variants

PER_SHARE_WORDS = re.compile(r"\bper (ordinary |a |each )?(share|unit)\b|\beps\b|\bcents\b")
_SHARES = re.compile(r"\bnumber of (ordinary )?shares\b")
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
# Opening/closing balances in flow statements ("as at 1 January", "at end of year"); not
# "designated as at fair value".
_INSTANT_WORDS = re.compile(r"\b(at (the )?(beginning|end|start) of\b|opening balance|"
                            r"(^|, )(beginning|end|start) of (the )?(financial )?(year|period)$|"
                            r"closing balance|balance (as )?at\b)|^(as )?at\b|"
                            r"\bas at (\d|\w+ \d)|\bat \d{1,2} " + _MONTH + r"\b|\bat "
                            + _MONTH + r" \d{1,2}\b")
_ATTRIBUTABLE = re.compile(r"^(.*?)\s*(?:is |are )?attributable to\s*:?$")
_OWNER_LABEL = re.compile(r"\bowner parent\b|\bnoncontrolling interest\b|\bperpetual\b|"
                          r"\bother equity\b|\b(share|stock)?holder\b")
_EPS_HEADING = re.compile(r"\b(earnings|loss|profit|\(loss\)/earnings|earnings/\(loss\))"
                          r" per (ordinary )?share\b")
_ADJUSTMENTS = re.compile(r"\badjustments? (for|to)\b|\breconcil|\bnon-?cash (items|adjustments|"
                          r"charges)\b|\bitems not (affecting|involving) cash\b")
# "Basic", "Diluted (US cents)", "Basic and diluted", "- Basic": EPS figures by themselves
_BARE_EPS = re.compile(r"^(- ?)?(basic|diluted)( (and|&) (basic|diluted))?( - .*)?$")
_EPS_WORD = re.compile(r"\b(basic|diluted)\b")
_PER_SHARE_UNIT = re.compile(r"\((in )?[a-z$£€ ]{0,6}(cents?|sen|fen|pence)( per share)?\)")
_ADJ_OBJECT = re.compile(r" (of|on|for) (the )?(property|plant|items|right-of-use|rightofuse|"
                         r"intangible|investment|other|leasehold|prepaid|land).*$")
_COST_WORD = re.compile(r" (costs?|expenses?|charges?|expenditures?)$")
_COST_ENDINGS = ("cost", "costs", "expense", "expenses", "charge", "charges", "expenditure",
                 "expenditures")
_TOTAL_LABEL = re.compile(r"^(total|sub-?total|net)?$")
_EPS_OWNERS = re.compile(r"(?<=per share) (attributable )?to (the )?(ordinary )?(shareholders|"
                         r"owners|equity holders|stockholders)( of (the )?(company|parent|group))?"
                         r"(?=$| \()")
_BASIC_AND_DILUTED = re.compile(r"\b(basic (and|&|/) diluted|diluted (and|&|/) basic)\b")


# ----------------------------------------------------------------------------- query context
class Query(NamedTuple):
    """A label ready to rank (a named tuple: one is made per look-up, and a tuple is the
    cheapest to make)."""

    cleaned: str
    variants: tuple[str, ...]           # canonical
    statement: str | None
    side: str                           # wanted current/noncurrent, "" = no preference
    reclass: str                        # "may" / "not" / ""
    activity: str
    discontinued: bool
    per_share: bool
    shares: bool
    period_type: str | None
    printed_negative: bool | None
    nature: str = ""                    # balance the balance-sheet section implies


_NOT_RECLASSIFIED = re.compile(r"\b(will not|not to) be reclassified|\bnot (be )?reclassified")
_RECLASSIFIED = re.compile(r"\b(may|will|to) be (subsequently )?reclassified|\breclassifiable")
_CURRENT_SECTION = re.compile(r"\bcurrent (assets|liabilities)\b")
_CREDIT_SECTION = re.compile(r"\bliabilit|\bequity\b")
_DEBIT_SECTION = re.compile(r"\bassets\b")
_ACTIVITIES = ("operating", "investing", "financing")
# A cash-flow label that names the cash itself (not a profit-or-loss item the indirect method
# adjusts for): "Interest paid" is a flow, "Interest expense" under "Adjustments for:" is not.
_CASH_FLOW_LINE = re.compile(r"(net |cash |proceeds|payments?|purchases?|receipts?)|"
                             r"(interest|dividends?|income tax|tax).*\b(paid|received|refunds?|"
                             r"refunded)\b")


@dataclass(frozen=True)
class _Section:
    """What a heading path says, whatever line sits under it (memoised per path: a
    statement repeats its headings; the benchmark clears it with the other memos)."""

    text: str                           # the cleaned headings joined by " > "
    inner: str                          # the innermost heading, cleaned
    parts: tuple[str, ...]              # every heading, cleaned
    noncurrent: bool                    # the headings put a line in non-current items
    current: bool                       # ... or in current assets / liabilities
    reclass: str                        # "not" / "may" / "" as the headings say
    activities: tuple[str, ...]         # the cash-flow activities the headings name
    discontinued: bool
    adjustments: bool                   # "Adjustments for:" and kin
    nature: str                         # balance implied by the nearest assets/equity heading
    eps_heading: str                    # the nearest heading about a per-share figure
    inner_per_share: bool               # the innermost heading names a per-share figure
    attributable: re.Match[str] | None  # "... attributable to:" as the innermost heading


def section_facts(section: str | tuple[str, ...] | list[str] | None) -> _Section:
    """The facts ``build_query`` reads from a heading path (a string or headings)."""
    return _section_facts(section if isinstance(section, (str, type(None))) else tuple(section))


def clear_memo() -> None:
    """Forget the heading facts (benchmarks: first-time cost)."""
    _section_facts.cache_clear()


@lru_cache(maxsize=4096)
def _section_facts(section: str | tuple[str, ...] | None) -> _Section:
    raw = [] if not section else [section] if isinstance(section, str) else list(section)
    parts = tuple(clean_label(p) for p in raw if p)
    text = " > ".join(parts)
    inner = clean_label(raw[-1]) if raw else ""
    nature = ""
    for part in reversed([clean_label(p) for p in raw]):
        if _CREDIT_SECTION.search(part):
            nature = "credit"
            break
        if _DEBIT_SECTION.search(part):
            nature = "debit"
            break
    return _Section(
        text, inner, parts,
        noncurrent="noncurrent" in canonical(inner).split() or (
            "noncurrent" in canonical(text).split() and "current" not in inner),
        current=bool(_CURRENT_SECTION.search(text)),
        reclass=_reclass_words(text),
        activities=tuple(a for a in _ACTIVITIES if f"{a} activities" in text),
        discontinued="discontinued" in text, adjustments=bool(_ADJUSTMENTS.search(text)),
        nature=nature,
        eps_heading=next((p for p in reversed(parts) if PER_SHARE_WORDS.search(p)), ""),
        inner_per_share=bool(inner and PER_SHARE_WORDS.search(inner)),
        attributable=_ATTRIBUTABLE.match(inner) if inner else None)


def _reclass_words(text: str) -> str:
    if "reclassif" not in text:     # (what both patterns need: most labels lack it)
        return ""
    if _NOT_RECLASSIFIED.search(text):
        return "not"
    if _RECLASSIFIED.search(text):
        return "may"
    return ""


def _compose(cleaned: str, statement: str | None, sf: _Section) -> str:
    """Fold the heading into the label where the label alone is not the concept.

    "Equity holders of the Company" under "Loss is attributable to:" is the loss attributable
    to owners of the parent; an unlabelled total under "Current assets" is current assets.
    """
    inner, match = sf.inner, sf.attributable
    canon = canonical(cleaned)
    if cleaned.startswith("attributable to ") and _OWNER_LABEL.search(canon):
        # "Attributable to owners of the parent" printed as one line under the total
        head = match.group(1).strip() if match is not None and match.group(1).strip() else (
            "comprehensive income" if statement == "comprehensive_income" else "profit loss")
        return f"{head} {cleaned}"
    if match is not None and (not cleaned or _OWNER_LABEL.search(canon)):
        head = match.group(1).strip() or ""
        if not head:
            head = "comprehensive income" if statement == "comprehensive_income" else "profit loss"
        if not cleaned:
            return head
        return f"{head} attributable to {cleaned}"
    if cleaned in ("current", "deferred") and "tax" in inner and "before tax" not in inner \
            and statement in (None, "income", "comprehensive_income"):
        # "Current" / "Deferred" under "Income tax expense (recovery)": the tax's two parts
        return f"{cleaned} tax expense"
    if inner and _TOTAL_LABEL.match(cleaned):
        return inner if inner.startswith("total") else f"total {inner}"
    return cleaned


# What follows a colon when the part before it names the item and the part after only says
# which movement: "Cash flow hedges: fair value movements", "Revaluation: net gains".
_MOVEMENT_TAIL = re.compile(
    r"^(?:net )?(?:(?:movements?|changes?) in fair value|(?:fair value )?(?:movements?|changes?|"
    r"gains?|loss(?:es)?|gains? and losses|"
    r"gains?/\(loss(?:es)?\)|\(loss(?:es)?\)/gains?|effective portion.*|"
    r"amounts? (?:reclassified|transferred).*|reclassified to .*|transferred to .*|"
    r"net of tax|before tax))(?: (?:in|during|for) the (?:year|period))?$")


def _drop_heading(cleaned: str) -> str:
    """"Items that may be reclassified ...: Exchange differences" → the item after the colon.

    Extraction sometimes glues a heading to its first row; the heading is the section's
    business, not the label's. But where the tail only names a movement ("Cash flow hedges:
    fair value movements"), the head is the item and the whole label stays; after a dash
    ("... at FVOCI - net change in fair value") the movement goes.
    """
    head, sep, tail = cleaned.partition(":")
    if sep and tail.strip() and len(head.split()) >= 2 and not _MOVEMENT_TAIL.match(tail.strip()):
        return tail.strip()
    # "Equity investments at FVOCI - net change in fair value": the item, then its movement
    head, sep, tail = cleaned.rpartition(" - ")
    if sep and len(head.split()) >= 2 and _MOVEMENT_TAIL.match(tail.strip()):
        return head.strip()
    return cleaned


def build_query(label: str, statement: str | None, section, period_type: str | None,
                printed_negative: bool | None) -> Query:
    """The query for a printed label under its headings (see the module docstring).

    A heading path matters through ``section_facts``; the label's own words add to them
    (a regex over "headings > label" never spans the " > ", so the two are read apart)."""
    sf = section_facts(section)
    cleaned = _compose(_drop_heading(clean_label(label)), statement, sf)
    canon_label = canonical(cleaned)
    discontinued = sf.discontinued or "discontinued" in cleaned
    side = ""
    if statement in (None, "financial_position"):
        side = _printed_side(canon_label.split()) or (
            "noncurrent" if sf.noncurrent else "current" if sf.current else "")
    reclass = "not" if sf.reclass == "not" else _reclass_words(cleaned) or sf.reclass
    activity = next((a for a in reversed(_ACTIVITIES) if a in sf.activities
                     or f"{a} activities" in cleaned), "")
    if statement == "cash_flows" and not activity and sf.adjustments:
        # "Adjustments for:" is the indirect-method block of operating activities
        activity = "operating"
    nature = sf.nature if statement in (None, "financial_position") else ""
    per_share = _per_share(cleaned)
    inner, eps_heading = sf.inner, sf.eps_heading
    basic = "basic" in cleaned or "diluted" in cleaned   # (what the EPS-word patterns need)
    if not per_share and statement in (None, "income", "comprehensive_income") and not \
            _shares(cleaned) and (sf.inner_per_share or basic and (
                _BARE_EPS.match(cleaned) or _EPS_WORD.search(cleaned) and (
                    eps_heading or _PER_SHARE_UNIT.search(label.lower())))):
        # "Basic (sen)" under "Earnings per share", or a bare "Basic"/"Diluted (US cents)"
        # under whatever heading extraction left above it: in a primary statement these
        # words only ever name an earnings-per-share figure.
        per_share = True
        heading = _EPS_HEADING.search(eps_heading or inner)
        cleaned = f"{cleaned} {heading.group(0) if heading else 'earnings per share'}"
    if per_share:
        # a per-share line is never an OCI item, whatever block the section path says
        reclass = ""
        # "... per share attributable to shareholders of the Company": the owners' EPS is
        # the EPS (IAS 33 is about the parent's ordinary shareholders)
        cleaned = _EPS_OWNERS.sub("", cleaned)
    shares = not per_share and _shares(cleaned)
    if period_type is None:
        if statement == "financial_position":
            period_type = "instant"
        elif statement in ("income", "comprehensive_income"):
            period_type = "duration"
        elif statement in ("cash_flows", "changes_in_equity"):
            period_type = "instant" if _INSTANT_WORDS.search(cleaned) else "duration"
    changes = statement == "cash_flows" and "working capital" in sf.text
    return Query(cleaned, _variants(cleaned, canon_label, statement, activity, side, changes),
                 statement, side, reclass, activity, discontinued, per_share, shares,
                 period_type, printed_negative, nature)


def _printed_side(words: list[str]) -> str:
    """The side a label's own words name: the first of "current" / "noncurrent" ("Current
    portion of non-current borrowings" is current; "current tax" is no side)."""
    for at, word in enumerate(words):
        if word == "noncurrent":
            return word
        if word == "current" and words[at + 1:at + 2] != ["tax"]:
            return word
    return ""


def _per_share(text: str) -> bool:
    """``PER_SHARE_WORDS`` in the text (a substring test first: most labels have none)."""
    return ("per " in text or "eps" in text or "cents" in text) and \
        PER_SHARE_WORDS.search(text) is not None


def _shares(text: str) -> bool:
    """``_SHARES`` in the text (a substring test first)."""
    return "number of" in text and _SHARES.search(text) is not None


def _variants(cleaned: str, canon_label: str, statement: str | None, activity: str,
              side: str, changes: bool = False) -> tuple[str, ...]:
    """The canonical readings the label search compares: the printed wording's, cash-flow
    and cost-word rewordings, indirect-method adjustments (``changes``: an item named
    alone under a working-capital heading is its change), the section's side."""
    wording = _cash_flow_wording(cleaned, activity) if statement == "cash_flows" else cleaned
    if "basic" in wording and "diluted" in wording:
        # one figure printed for both reads as basic, and is tagged with its diluted twin
        wording = _BASIC_AND_DILUTED.sub("basic", wording)
    variants = [canonical(v) for v in query_variants(wording)]
    if statement in (None, "income") and wording.endswith(_COST_ENDINGS) and \
            _COST_WORD.search(wording):
        # companies print "Fuel costs", "Utilities expenses", "Repair charges" for what
        # IFRS labels "... expense" (and "Distribution costs" for "... expenses")
        variants += [canonical(_COST_WORD.sub(w, wording)) for w in (" expense", " costs")]
    if statement == "cash_flows" and activity == "operating" and \
            not _CASH_FLOW_LINE.match(cleaned):
        # indirect method: P&L items and working-capital changes are reconciling adjustments
        variants += [f"adjustment {v}" for v in variants] + (
            [f"adjustment decrease increase {v}" for v in variants] if changes else [])
        # "Depreciation of property and equipment" adjusts for depreciation expense
        short = _ADJ_OBJECT.sub("", cleaned)
        if short != cleaned and short:
            variants += [f"adjustment {canonical(short)}"]
    if side and side not in canon_label.split():
        variants += [f"{side} {v}" for v in variants]
    return tuple(dict.fromkeys(v for v in variants if v))


# Cash-flow verbs companies use for what IFRS labels "Purchase of ..." / "Proceeds from sales
# of ...": applied to cash-flow labels only (in the balance sheet "acquisition" means more).
_CF_OUT = re.compile(r"^(payments? (for|to acquire) (the )?(purchases? of )?|acquisitions? of |"
                     r"capital expenditures? (on|for|in) (the )?(purchases? of )?|"
                     r"additions? (to|of) |increase in |investments? in |capital injections? "
                     r"(in|into|to) |purchases? of )")
_CF_IN = re.compile(r"^(proceeds from (the )?(sales?|disposals?) of |disposals? of |"
                    r"sales? of |proceeds on (sales?|disposals?) of )")


# Financing flows of "financial liabilities" or "loans" are borrowings (the balance sheet's
# "other financial liabilities" are not: this applies to cash-flow labels only).
_CF_DEBT = re.compile(r"^(proceeds from|repayments? of|repayment of) (the )?(interest-bearing )?"
                      r"(financial liabilities|loans)\b")


# "Issuance of common shares", "Issue of new ordinary shares", "Placing of shares": the cash
# an issue of shares brought in (the whole line; "... on exercise of options" is another)
_CF_SHARES = re.compile(r"^(net )?(proceeds (from|on) )?(the )?(issuance|issue|issuing|placing|"
                        r"placement) of (new )?(common |ordinary )?shares(,? net of (share )?"
                        r"(issue|issuance|transaction) costs)?$")


# "Interest-bearing borrowings raised", "Bank loans repaid", "Lease liabilities repaid": the
# debt named first, the flow last
_CF_DEBT_LAST = re.compile(r"^(new |additional )?(interest[- ]bearing )?(bank )?(borrowings|loans|"
                           r"debt|lease liabilities)( and overdrafts)? (raised|drawn down|drawn|"
                           r"obtained|received|repaid|settled|paid)$")


def _cash_flow_wording(cleaned: str, activity: str) -> str:
    if _CF_SHARES.match(cleaned):
        return "proceeds from issuing shares"
    debt = _CF_DEBT_LAST.match(cleaned)
    if debt:
        lease = debt.group(4) == "lease liabilities"
        if debt.group(6) in ("repaid", "settled", "paid"):
            return "payments of lease liabilities" if lease else "repayments of borrowings"
        if not lease:
            return "proceeds from borrowings"
    if _CF_OUT.match(cleaned) and not (activity == "operating"
                                       and cleaned.startswith("increase in ")):
        # (in operating activities "Increase in ..." is a working-capital change)
        return _CF_OUT.sub("purchase of ", cleaned, count=1)
    if _CF_IN.match(cleaned):
        return _CF_IN.sub("proceeds from sales of ", cleaned, count=1)
    if _CF_DEBT.match(cleaned):
        return _CF_DEBT.sub(r"\1 borrowings", cleaned, count=1)
    return cleaned

