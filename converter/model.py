"""The central data model every stage reads and writes.

read → extract → reconcile → map/tag → render → validate. Each stage takes and returns these
dataclasses; none of them knows the input format or the taxonomy except where named
(``Concept``/``Fact`` are the only taxonomy-bound types). Amounts are ``Decimal`` throughout so
that output is exact and deterministic.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

StatementKind = Literal[
    "income",                # income statement / statement of profit or loss
    "comprehensive_income",  # statement of comprehensive income (loss)
    "financial_position",    # balance sheet / statement of financial position
    "changes_in_equity",     # statement of changes in equity (matrix)
    "cash_flows",            # statement of cash flows
]
STATEMENT_KINDS: tuple[StatementKind, ...] = (
    "income", "comprehensive_income", "financial_position", "changes_in_equity", "cash_flows",
)

Severity = Literal["error", "warning", "info"]
Provenance = Literal["printed", "derived", "unresolved"]
RowKind = Literal["item", "subtotal", "total", "heading"]
# Where a row sits in time when its column is a duration (cash at beginning of year, equity
# "as at 1 January"): tagging turns these into instants at the start or end of the period.
BalanceRole = Literal["flow", "opening", "closing"]


# --------------------------------------------------------------------------- the input text
@dataclass(frozen=True)
class Line:
    """One line of the input, with markup removed but remembered."""

    no: int            # 1-based line number in the input file
    raw: str           # as read (markup included)
    text: str          # markup stripped, whitespace kept (tabs separate cells)
    bold: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Document:
    """An announcement as lines of text, whatever format it came in."""

    source: str                 # path or name, for messages
    lines: tuple[Line, ...]
    entity_name: str | None = None
    stock_code: str | None = None


# --------------------------------------------------------------------------- periods, units
@dataclass(frozen=True, order=True)
class Period:
    """An XBRL period: an instant (``start is None``) or a duration ``start``..``end``.

    Dates are the inclusive calendar days printed in the statements; an instant is the end of
    that day (XBRL 2.1 §4.7.2), so "as at 1 January 2024" is the instant 2023-12-31.
    """

    end: date
    start: date | None = None

    @property
    def is_instant(self) -> bool:
        return self.start is None

    def label(self) -> str:
        if self.start is None:
            return f"as at {self.end.isoformat()}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


@dataclass(frozen=True)
class Column:
    """A value column of a statement.

    For most statements a column is a period. In changes in equity the columns are equity
    components (``component`` set, ``period`` None) and the period comes from the row block.
    """

    header: str                         # the printed header, e.g. "2024" or "Share capital"
    period: Period | None = None
    component: str | None = None        # printed equity-component name, taxonomy-free
    unaudited: bool = False
    restated: bool = False
    # Whose figures: "" the group's (consolidated, or the only set printed); "separate" the
    # parent company's own, printed beside the group's ("Group | Company" column groups,
    # common in Singapore, Malaysia and the UK). Tagged on ConsolidatedAndSeparateFinancial-
    # StatementsAxis = SeparateMember.
    scope: str = ""
    group: str = ""                     # the printed column-group heading ("Company", ...)


@dataclass(frozen=True)
class Unit:
    """The printed unit of a statement or a row: currency and power of ten."""

    currency: str = "CNY"               # ISO 4217
    scale: int = 3                      # RMB'000 → 3; RMB → 0
    per_share: bool = False


# --------------------------------------------------------------------------- statements
@dataclass(frozen=True)
class Cell:
    """One printed (or derived) figure, in the statement's unit, with the printed sign.

    ``value`` is what the page shows: ``(1,234)`` is ``Decimal(-1234)``. Turning it into the
    XBRL value is the tagging stage's job, because that needs the concept's balance.
    """

    value: Decimal | None
    text: str = ""                      # exactly as printed ("(1,234)", "–", "*")
    provenance: Provenance = "printed"
    line: int | None = None             # input line the figure was read from
    nil: bool = False                   # printed as a dash: zero
    less_than_unit: bool = False        # printed "*": non-zero but below the rounding unit
    derived_from: str | None = None     # the identity that determined a derived value
    candidates: tuple[Decimal, ...] = ()  # readings the layers disagreed on, if any


@dataclass
class Row:
    """A line item, subtotal or heading of a statement."""

    label: str
    cells: list[Cell | None]            # aligned with Statement.columns; None: blank
    line: int                           # first input line of the row
    kind: RowKind = "item"
    note: str | None = None             # note reference as printed ("3(a), 4(b)")
    section: tuple[str, ...] = ()       # enclosing headings, outermost first
    bold: bool = False
    underline: bool = False
    period: Period | None = None        # changes in equity: the block's period
    balance_role: BalanceRole = "flow"
    per_share: bool = False             # figures in currency per share, not thousands
    id: str = ""                        # stable within the statement: "r12"
    # Set by reconcile when it names an unlabelled subtotal ("Total current assets"): the
    # label as printed (usually ""). None: ``label`` is the printed label.
    printed_label: str | None = None
    # Set by extract for rows printed in another unit than the statement's: per-share rows
    # ("(RMB)" → CNY scale 0; "(HK cents)" → HKD scale -2, per_share=True). None: statement unit.
    unit: Unit | None = None


@dataclass
class Statement:
    kind: StatementKind
    title: str
    columns: list[Column]
    rows: list[Row]
    unit: Unit = field(default_factory=Unit)
    first_line: int = 0
    last_line: int = 0

    def value_rows(self) -> list[Row]:
        return [r for r in self.rows if r.kind != "heading"]


# --------------------------------------------------------------------------- findings
@dataclass(frozen=True)
class Issue:
    """A problem about the document: reported, never raised."""

    severity: Severity
    code: str                           # stable, machine-readable: "reconcile.subtotal"
    message: str
    line: int | None = None
    statement: StatementKind | None = None
    concept: str | None = None
    context: str | None = None
    element_id: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Identity:
    """A checked arithmetic identity: ``total`` = sum of ``terms`` (each with a sign)."""

    name: str                           # "income: Gross profit", "cross: cash closing"
    total: str                          # a cell reference "statement:row:column"
    terms: tuple[tuple[int, str], ...]  # (+1|-1, cell reference)
    expected: Decimal | None
    actual: Decimal | None
    holds: bool


@dataclass
class Extraction:
    """What the extract and reconcile stages produce for one document."""

    document: Document
    statements: list[Statement]
    issues: list[Issue] = field(default_factory=list)
    identities: list[Identity] = field(default_factory=list)

    def statement(self, kind: StatementKind) -> Statement | None:
        return next((s for s in self.statements if s.kind == kind), None)


# --------------------------------------------------------------------------- taxonomy-bound
@dataclass(frozen=True)
class Concept:
    """A taxonomy concept as the mapper and tagger need it (no Arelle objects)."""

    name: str                           # local name, "ProfitLoss"
    prefix: str = "ifrs-full"
    period_type: Literal["instant", "duration"] = "duration"
    balance: Literal["debit", "credit"] | None = None
    data_type: str = "xbrli:monetaryItemType"
    abstract: bool = False
    label: str = ""

    @property
    def qname(self) -> str:
        return f"{self.prefix}:{self.name}"


@dataclass(frozen=True)
class Context:
    id: str
    period: Period
    dimensions: tuple[tuple[str, str], ...] = ()   # (axis qname, member qname), sorted


@dataclass(frozen=True)
class FactUnit:
    id: str                             # "CNY", "CNY_per_share"
    numerator: str                      # "iso4217:CNY"
    denominator: str | None = None      # "xbrli:shares"


@dataclass(frozen=True)
class Fact:
    """A numeric fact ready to render: the XBRL value and how the page shows it."""

    id: str
    concept: Concept
    context: Context
    unit: FactUnit
    value: Decimal                      # the XBRL value, in units (scale applied, sign applied)
    display: str                        # the text inside the tag, no sign, no parentheses
    scale: int
    decimals: int
    negative: bool                      # sign="-" on the tag
    nil: bool = False                   # printed dash: ixt:fixed-zero
    undisclosed: bool = False           # printed "*" (below the unit): xsi:nil, value unknown
    statement: StatementKind | None = None
    row_id: str = ""
    column: int = 0
    sign_reason: str = ""


@dataclass(frozen=True)
class ExtensionConcept:
    """A company concept where no IFRS concept fits, anchored to a wider IFRS concept."""

    concept: Concept                    # prefix is the company's
    anchor: str                         # the wider IFRS concept qname
    reason: str


@dataclass
class Report:
    """Everything the renderer and the packager need; nothing is decided after this."""

    entity_name: str
    entity_identifier: str
    entity_scheme: str
    extraction: Extraction
    facts: list[Fact]
    contexts: list[Context]
    units: list[FactUnit]
    extensions: list[ExtensionConcept] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
