"""Propose a company extension concept when no IFRS concept fits a printed line.

Stage: map/tag. Input: the label, statement kind, heading path, and what is known of period
type and balance. Output: a ``model.ExtensionConcept`` with an LC3 name (the label in
UpperCamelCase), the placeholder prefix ``ext`` (the renderer substitutes the company
prefix), a standard label, and the wider IFRS concept it is anchored to (ESEF
wider-narrower), with the reason no base concept was used.

The anchor is chosen from the line's place, which is what makes it *wider*: an OCI item in
the "will not be reclassified" block is narrower than that block's total; a current
liability line is narrower than current liabilities; a financing cash flow is narrower than
net cash from financing activities.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .errors import InputError
from .model import Concept, ExtensionConcept
from .taxonomy_index import clean_label

if TYPE_CHECKING:
    from .mapping import Candidate, Taxonomy

EXTENSION_PREFIX = "ext"
_MAX_NAME = 120
# Words of no meaning in an element name (LC3 keeps the label's words otherwise).
_DROP = re.compile(r"\b(rmb|hk\$|us\$)\b|'000")
_EXPENSE_WORDS = re.compile(r"\b(expenses?|costs?|losses|loss|charges?|payments?|paid|"
                            r"purchases?|acquisitions?|repayments?|outflow)\b")
_INCOME_WORDS = re.compile(r"\b(income|revenue|gains?|profit|proceeds|received|inflow|"
                           r"capital|reserves?)\b")


def lc3_name(label: str) -> str:
    """LC3 element name: the label's words capitalised and joined, punctuation removed.

    "Fair value losses of preferred share" → "FairValueLossesOfPreferredShare". Names that
    would start with a digit get an "X" in front (XML NCName).
    """
    text = clean_label(label).replace("'", "")
    text = _DROP.sub(" ", text)
    words = re.findall(r"[a-z0-9]+", text)
    name = "".join(w[:1].upper() + w[1:] for w in words)[:_MAX_NAME]
    if not name:
        raise InputError(f"cannot make an element name from label {label!r}")
    if name[0].isdigit():
        name = "X" + name
    return name


def _section_text(section: str | tuple[str, ...] | list[str] | None) -> str:
    if not section:
        return ""
    parts = [section] if isinstance(section, str) else list(section)
    return " > ".join(clean_label(p) for p in parts)


def _qualifiers(label: str, section_text: str) -> tuple[str, str]:
    """(name suffix, label suffix) that keep same-label lines in different blocks apart."""
    low = clean_label(label)
    if re.search(r"\bnot (be )?reclassified", section_text) and "reclassified" not in low:
        return "ThatWillNotBeReclassifiedToProfitOrLoss", \
            ", that will not be reclassified to profit or loss"
    if re.search(r"\b(may|will) be (subsequently )?reclassified", section_text) \
            and "reclassified" not in low:
        return "ThatMayBeReclassifiedToProfitOrLoss", \
            ", that may be reclassified to profit or loss"
    if re.search(r"\bnon-current (assets|liabilities)\b", section_text) \
            and "current" not in low:
        return "Noncurrent", ", non-current"
    if re.search(r"\bcurrent (assets|liabilities)\b", section_text) and "current" not in low:
        return "Current", ", current"
    return "", ""


def _anchor(statement: str | None, section_text: str, label: str, balance: str | None
            ) -> str:
    low = f"{section_text} > {clean_label(label)}"
    if statement == "financial_position":
        side = "Noncurrent" if "non-current" in low else "Current" if "current" in low else ""
        if "liabilit" in low:
            return f"{side}Liabilities" if side else "Liabilities"
        if "equity" in low or "reserve" in low or "capital" in low:
            return "Equity"
        return f"{side}Assets" if side else "Assets"
    if statement == "comprehensive_income":
        if re.search(r"\bnot (be )?reclassified", low):
            return "OtherComprehensiveIncomeThatWillNotBeReclassifiedToProfitOrLossNetOfTax"
        if re.search(r"\b(may|will) be (subsequently )?reclassified", low):
            return "OtherComprehensiveIncomeThatWillBeReclassifiedToProfitOrLossNetOfTax"
        return "OtherComprehensiveIncome"
    if statement == "cash_flows":
        for activity in ("Operating", "Investing", "Financing"):
            if f"{activity.lower()} activities" in low:
                return f"CashFlowsFromUsedIn{activity}Activities"
        return "IncreaseDecreaseInCashAndCashEquivalents"
    if statement == "changes_in_equity":
        if "comprehensive" in section_text:
            return "OtherComprehensiveIncome"
        return "IncreaseDecreaseThroughTransfersAndOtherChangesEquity"
    if re.search(r"\bper share\b", low):
        return "BasicEarningsLossPerShare"
    if re.search(r"\b(gains?|losses)\b", low):
        return "OtherGainsLosses"
    if balance == "debit":
        return "OtherExpenseByFunction"
    return "ProfitLoss"


def _default_balance(statement: str | None, section_text: str, label: str) -> str | None:
    low = clean_label(label)
    where = f"{section_text} > {low}"
    if statement == "changes_in_equity":
        # A movement line is a change in equity, credit like the [610000] concepts
        # (IncreaseDecreaseThrough...): "Recognition of ... at amortised cost" is not an
        # expense because it says "cost", and a reduction is a negative credit.
        return "credit"
    if statement == "financial_position":
        if "liabilit" in where or "equity" in where or "reserve" in where:
            return "credit"
        return "debit"
    if statement == "cash_flows":
        return "credit" if _EXPENSE_WORDS.search(low) else "debit"
    if _EXPENSE_WORDS.search(low) and not _INCOME_WORDS.search(low):
        return "debit"
    if statement in ("income", "comprehensive_income", "changes_in_equity"):
        return "credit"
    return None


def propose_extension(label: str, statement: str | None, section: str | tuple[str, ...] | None,
                      period_type: str | None, balance: str | None, *,
                      taxonomy: Taxonomy | None = None, best: Candidate | None = None
                      ) -> ExtensionConcept:
    """An extension concept for a line no IFRS concept fits (score below the threshold).

    ``period_type``/``balance`` default from the statement and the label's wording;
    ``best`` (the top IFRS candidate, if any) is named in the reason so that a reviewer can
    overrule the decision.
    """
    from .mapping import EXTENSION_THRESHOLD, PER_SHARE_TYPE, MONETARY_TYPE

    if not clean_label(label):
        raise InputError("cannot propose an extension for an empty label")
    section_text = _section_text(section)
    per_share = bool(re.search(r"\bper (ordinary )?share\b", clean_label(label)))
    if period_type is None:
        period_type = "instant" if statement == "financial_position" else "duration"
    if balance is None and not per_share:
        balance = _default_balance(statement, section_text, label)
    name_suffix, label_suffix = _qualifiers(label, section_text)
    base = lc3_name(label)
    name = (name_suffix + base if name_suffix in ("Current", "Noncurrent")
            else base + name_suffix)
    std_label = " ".join(label.split()).strip(" :") + label_suffix
    anchor = _anchor(statement, section_text, label, balance)
    if taxonomy is not None and anchor not in taxonomy:
        anchor = "ProfitLoss"
    concept = Concept(name=name, prefix=EXTENSION_PREFIX,
                      period_type=period_type,  # type: ignore[arg-type]
                      balance=None if per_share else balance,  # type: ignore[arg-type]
                      data_type=PER_SHARE_TYPE if per_share else MONETARY_TYPE,
                      abstract=False, label=std_label)
    if best is not None:
        reason = (f"no IFRS concept scored {EXTENSION_THRESHOLD:.2f} or more; closest was "
                  f"ifrs-full:{best.concept.name} at {best.score:.2f}")
    else:
        reason = "no admissible IFRS concept for this label"
    return ExtensionConcept(concept=concept, anchor=f"ifrs-full:{anchor}", reason=reason)
