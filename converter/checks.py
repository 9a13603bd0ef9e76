"""Our own checks on an iXBRL report, run beside Arelle's: part of the validate stage.

Input: plain ``FactRecord`` values (read out of Arelle's model by ``arelle_adapter``) and the
XHTML trees of the report; output: ``Finding`` values, the same kind Arelle's messages become.
Nothing here imports Arelle, so each rule is a pure function testable on a few inline lines.

The rules target what XBRL validation cannot see but readers of filed reports trip over most:
a sign that contradicts the printed label (a "loss" tagged as a positive profit), a figure
printed in a tagged table but left untagged, and duplicate facts that disagree.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any, Literal

from .model import Issue, Severity

Source = Literal["arelle", "ixbrl", "engine"]

IX_NS = ("http://www.xbrl.org/2013/inlineXBRL", "http://www.xbrl.org/2008/inlineXBRL")


@dataclass(frozen=True)
class Finding:
    """One problem found in a report, by Arelle or by us: what programs consume.

    ``code`` is stable and machine-readable: Arelle's own message code (``xbrl.4.7.2:...``,
    ``calc11e:...``) or ours (``ixbrl:...``). ``level`` keeps Arelle's own level name
    (``ERROR``, ``INCONSISTENCY``, ``WARNING``...) where ``severity`` folds it into three.
    """

    severity: Severity
    code: str
    message: str
    source: Source = "arelle"
    concept: str | None = None
    context: str | None = None
    unit: str | None = None
    value: str | None = None
    file: str | None = None
    line: int | None = None
    element_id: str | None = None
    level: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}

    def to_issue(self) -> Issue:
        """The same finding as the pipeline's ``Issue`` (for ``convert``'s report)."""
        return Issue(severity=self.severity, code=self.code, message=self.message,
                     line=self.line, concept=self.concept, context=self.context,
                     element_id=self.element_id)


@dataclass(frozen=True)
class FactRecord:
    """A numeric fact as our rules need it: no Arelle object, so tests can build one by hand."""

    concept: str                    # prefixed QName, "ifrs-full:ProfitLoss"
    value: Decimal | None           # XBRL value (sign applied); None when nil
    context: str
    unit: str | None = None
    decimals: int | None = None     # None: INF (exact)
    balance: str | None = None      # "debit" / "credit" / None
    standard_label: str = ""        # the taxonomy's standard label, "Profit (loss)"
    printed_label: str = ""         # the row label printed beside the figure
    element_id: str | None = None
    file: str | None = None
    line: int | None = None
    dimensional: bool = False       # context has explicit members (a cell of a matrix)


# --------------------------------------------------------------------------- signs
_LOSS = re.compile(r"\b(loss|losses|deficit|deficits)\b", re.I)
_GAIN = re.compile(r"\b(profits?|gains?|income|surplus|earnings)\b", re.I)
_EXPENSE = re.compile(r"\b(expenses?|costs?|charges?|expenditures?)\b", re.I)
# "at amortised cost", "at cost": a measurement basis, not an expense.
_MEASUREMENT = re.compile(r"\b(amorti[sz]ed|historical|at|replacement)\s+costs?\b", re.I)
# Words that say the line can go the other way ("Income tax (expense)/credit",
# "Reversal of impairment"), so a negative value is not a contradiction.
_REVERSAL = re.compile(
    r"\b(income|credits?|gains?|reversals?|reversed|recover(y|ies|ed)?|write-?backs?|"
    r"refunds?|benefits?|net)\b", re.I)


def sign_findings(facts: Iterable[FactRecord]) -> Iterator[Finding]:
    """Facts whose sign contradicts the concept's balance given the printed label.

    * a credit concept that means "profit/gain/income (loss)" tagged positive beside a label
      that speaks only of a loss ("Loss for the year", "Share of losses of associates",
      "Total comprehensive loss"): the value should be negative (``sign="-"``);
    * a debit concept beside an expense label ("Finance costs", "Administrative expenses")
      tagged negative: an expense is a positive debit whatever the printed parentheses.
    """
    for fact in facts:
        # A matrix row label ("Total comprehensive loss" across equity components) describes
        # the total; one component may well go the other way, so only totals are judged.
        if fact.value is None or fact.value == 0 or not fact.printed_label or fact.dimensional:
            continue
        label = _MEASUREMENT.sub(" ", fact.printed_label)
        if (fact.balance == "credit" and fact.value > 0 and _GAIN.search(fact.standard_label)
                and _LOSS.search(label) and not _GAIN.search(label)):
            yield _fact_finding(
                fact, "warning", "ixbrl:lossTaggedPositive",
                f"{fact.concept} = {fact.value} is positive (a {_plain(fact.standard_label)}) "
                f"but the printed label {fact.printed_label!r} reports a loss: the value should "
                "be negative (sign=\"-\")")
        elif (fact.balance == "debit" and fact.value < 0 and _EXPENSE.search(label)
                and not _REVERSAL.search(label)):
            yield _fact_finding(
                fact, "warning", "ixbrl:expenseTaggedNegative",
                f"{fact.concept} = {fact.value} is negative but the printed label "
                f"{fact.printed_label!r} is "
                "an expense on a debit concept: expenses are positive whatever the printed "
                "parentheses")


def _fact_finding(fact: FactRecord, severity: Severity, code: str, message: str) -> Finding:
    return Finding(severity=severity, code=code, message=message, source="ixbrl",
                   concept=fact.concept, context=fact.context, unit=fact.unit,
                   value=str(fact.value), file=fact.file, line=fact.line,
                   element_id=fact.element_id)


def _plain(label: str) -> str:
    return label.lower() if label else "credit concept"


# --------------------------------------------------------------------------- duplicates
def duplicate_findings(facts: Iterable[FactRecord]) -> Iterator[Finding]:
    """Facts with the same concept, context and unit whose values disagree.

    Consistency follows XBRL Calculations 1.1 / Duplicates: each value stands for the interval
    its ``decimals`` allow (half a unit either side); the set is consistent when the intervals
    share a point, so ``1,234,000`` (decimals -3) and ``1,234,400`` (decimals 0) agree.
    """
    groups: dict[tuple[str, str, str | None], list[FactRecord]] = defaultdict(list)
    for fact in facts:
        if fact.value is not None:
            groups[(fact.concept, fact.context, fact.unit)].append(fact)
    for (concept, context, unit), group in groups.items():
        if len(group) < 2:
            continue
        low = max(_interval(f)[0] for f in group)
        high = min(_interval(f)[1] for f in group)
        if low <= high:
            continue
        first = group[0]
        values = ", ".join(f"{f.value} (decimals {'INF' if f.decimals is None else f.decimals}"
                           f"{', id ' + f.element_id if f.element_id else ''})" for f in group)
        yield Finding(
            severity="error", code="ixbrl:inconsistentDuplicate", source="ixbrl",
            message=f"{len(group)} facts for {concept} in context {context} disagree: {values}",
            concept=concept, context=context, unit=unit,
            value=", ".join(str(f.value) for f in group), file=first.file, line=first.line,
            element_id=first.element_id)


def _interval(fact: FactRecord) -> tuple[Decimal, Decimal]:
    assert fact.value is not None
    if fact.decimals is None:
        return fact.value, fact.value
    half = Decimal(5) * Decimal(10) ** (-fact.decimals - 1)
    return fact.value - half, fact.value + half


# --------------------------------------------------------------------------- untagged figures
# A printed amount: "1,234", "(1,234)", "1 234.5", "12.34", "(56)". Plain small integers
# ("5", "12") are left alone: in a statement they are usually note references.
_FIGURE = re.compile(
    r"^\(?[-\u2013\u2212]?\s*(\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d+\.\d+|\d{4,})\s*\)?$")
_PAREN_INT = re.compile(r"^\(\s*\d+\s*\)$")
_YEAR = re.compile(r"^(19|20)\d\d$")


def untagged_figure_findings(root: Any, file: str | None = None) -> Iterator[Finding]:
    """Table cells printing a figure with no ``ix:nonFraction`` inside, in tables that do tag.

    ``root`` is any lxml element of an XHTML document (Arelle's model elements are lxml
    elements too). Only tables holding at least one ``ix:nonFraction`` are looked at: those are
    the statements and notes the report chose to tag, where an untagged figure is a miss.
    """
    for table in root.iter("{http://www.w3.org/1999/xhtml}table", "table"):
        if _inside_hidden(table) or not any(True for _ in _nonfractions(table)):
            continue
        for cell in table.iter("{http://www.w3.org/1999/xhtml}td", "td"):
            if any(True for _ in _nonfractions(cell)) or _is_note_cell(cell):
                continue
            text = " ".join("".join(cell.itertext()).split())
            if not (_FIGURE.match(text) or _PAREN_INT.match(text)) or _YEAR.match(text):
                continue
            row = cell.getparent()
            row_label = _row_label(row) if row is not None else ""
            yield Finding(
                severity="warning", code="ixbrl:untaggedFigure", source="ixbrl",
                message=f"figure {text!r} printed in a tagged table is not inside any "
                        f"ix:nonFraction" + (f" (row {row_label!r})" if row_label else ""),
                value=text, file=file, line=cell.sourceline, element_id=cell.get("id"))


def _is_note_cell(cell: Any) -> bool:
    """A cell of the notes column (``class="note"``): a reference such as "4.1" or "12.3",
    which continental reports number by section, is not an amount."""
    return "note" in (cell.get("class") or "").split()


def _nonfractions(elt: Any) -> Iterator[Any]:
    for ns in IX_NS:
        yield from elt.iter(f"{{{ns}}}nonFraction")


def _inside_hidden(elt: Any) -> bool:
    parent = elt.getparent()
    while parent is not None:
        tag = parent.tag if isinstance(parent.tag, str) else ""
        if tag.endswith("}hidden") or tag.endswith("}header") or tag.endswith("}exclude"):
            return True
        parent = parent.getparent()
    return False


# --------------------------------------------------------------------------- printed labels
def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _row_label(row: Any) -> str:
    """The first non-figure text cell of a table row: the line item's printed label."""
    for cell in row:
        if _local(cell.tag) not in ("td", "th"):
            continue
        text = " ".join("".join(cell.itertext()).split())
        if text and not _FIGURE.match(text) and not any(True for _ in _nonfractions(cell)):
            return text
    return ""


def printed_label(fact_element: Any) -> str:
    """The label a reader sees beside a tagged figure: its table row's first text cell, else
    the text before it in the same paragraph ("Loss for the year: RMB ...")."""
    node = fact_element.getparent()
    while node is not None:
        name = _local(node.tag)
        if name == "tr":
            return _row_label(node)
        if name in ("p", "li", "div", "body"):
            break
        node = node.getparent()
    if node is None:
        return ""
    parts, _found = _text_before(node, fact_element)
    text = " ".join("".join(parts).split())
    # The label is the last clause before the figure: "Loss for the year: RMB" of a sentence.
    text = re.split(r"[.;]\s", text)[-1]
    return text.rstrip(":").strip()


def _text_before(node: Any, target: Any) -> tuple[list[str], bool]:
    """Text of ``node`` in document order up to ``target``; other figures' text left out."""
    parts = [node.text or ""] if _local(node.tag) != "nonFraction" else []
    for child in node:
        if child is target:
            return parts, True
        sub, found = _text_before(child, target)
        parts.extend(sub)
        if found:
            return parts, True
        parts.append(child.tail or "")
    return parts, False


def own_findings(facts: list[FactRecord], roots: Iterable[tuple[Any, str | None]]
                 ) -> list[Finding]:
    """Every rule of this module on one report."""
    found = list(sign_findings(facts)) + list(duplicate_findings(facts))
    for root, file in roots:
        found.extend(untagged_figure_findings(root, file))
    return found
