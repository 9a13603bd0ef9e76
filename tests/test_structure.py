"""Subtotal-structure inference on small statements in wordings unlike the seeds."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.model import Cell, Column, Extraction, Document, Period, Row, Statement, Unit
from converter.numbers import parse_number
from converter.structure import column_tree, infer_structure, subtotal_tree

Y25 = Period(date(2025, 12, 31), date(2025, 1, 1))
Y24 = Period(date(2024, 12, 31), date(2024, 1, 1))
AT25, AT24 = Period(date(2025, 12, 31)), Period(date(2024, 12, 31))
HKD = Unit("HKD", 3)


def cell(text: str, line: int) -> Cell | None:
    """"" blank; "?x" illegible with readings "a/b" after the '?'; else a printed figure."""
    if text == "":
        return None
    if text.startswith("?"):
        readings = tuple(Decimal(t) for t in text[1:].split("/") if t)
        return Cell(None, text=text, provenance="unresolved", line=line, candidates=readings)
    parsed = parse_number(text)
    assert parsed is not None, text
    return Cell(parsed.value, text=text, line=line, nil=parsed.nil,
                less_than_unit=parsed.less_than_unit)


def build(kind: str, columns: list[Column], spec: str, first_line: int = 100,
          periods: dict[str, Period] | None = None) -> Statement:
    """Rows from a compact text: ``label | kind | v1 | v2 ...``; a line starting with '#' is
    a heading (and opens a section); '@name' before a block sets the block period."""
    rows: list[Row] = []
    section: tuple[str, ...] = ()
    period = None
    for n, raw in enumerate(l for l in spec.strip().splitlines() if l.strip()):
        line = first_line + n
        raw = raw.strip()
        if raw.startswith("@"):
            period = (periods or {})[raw[1:].strip()]
            continue
        if raw.startswith("#"):
            level = len(raw) - len(raw.lstrip("#"))
            label = raw.lstrip("#").strip()
            section = section[:level - 1] + (label,)
            rows.append(Row(label, [None] * len(columns), line, "heading", section=section[:-1],
                            id=f"r{line}", period=period))
            continue
        parts = [p.strip() for p in raw.split("|")]
        label, rkind, values = parts[0], parts[1] or "item", parts[2:]
        role = "flow"
        if rkind in ("opening", "closing"):
            role, rkind = rkind, "total"
        rows.append(Row(label, [cell(v, line) for v in values], line, rkind, section=section,
                        id=f"r{line}", period=period, balance_role=role))
    return Statement(kind, kind, columns, rows, HKD, first_line, first_line + len(rows))


YEARS = [Column("2025", Y25), Column("2024", Y24)]
DATES = [Column("2025", AT25), Column("2024", AT24)]

INCOME = """
Revenue | | 120,500 | 98,300
Cost of sales | | (80,200) | (66,100)
Gross profit | subtotal | 40,300 | 32,200
Other income | | 1,250 | 980
Distribution costs | | (5,400) | (4,800)
Administrative expenses | | (12,300) | (11,050)
Profit from operations | subtotal | 23,850 | 17,330
Finance costs | | (1,150) | (1,300)
Profit before taxation | subtotal | 22,700 | 16,030
Income tax expense | | (3,750) | (2,640)
Profit for the year | total | 18,950 | 13,390
# Attributable to:
Owners of the Company | | 17,800 | 12,600
Non-controlling interests | | 1,150 | 790
 | total | 18,950 | 13,390
"""

COMPREHENSIVE = """
Profit for the year | total | 18,950 | 13,390
# Other comprehensive income
Exchange differences on translating foreign operations | | (2,100) | 1,400
Fair value gain/(loss) on equity investments at FVOCI | | 600 | (200)
Other comprehensive income for the year | subtotal | (1,500) | 1,200
Total comprehensive income for the year | total | 17,450 | 14,590
# Total comprehensive income attributable to:
Owners of the Company | | 16,350 | 13,750
Non-controlling interests | | 1,100 | 840
"""

# Hong Kong layout: liabilities printed positive and subtracted, net assets = total equity.
POSITION = """
# Non-current assets
Property, plant and equipment | | 60,000 | 55,000
Intangible assets | | 8,000 | 9,000
 | subtotal | 68,000 | 64,000
# Current assets
Inventories | | 15,000 | 12,000
Trade receivables | | 20,000 | 18,000
Bank balances and cash | | 25,000 | 16,850
 | subtotal | 60,000 | 46,850
# Current liabilities
Trade payables | | 18,000 | 16,000
Bank borrowings | | 7,000 | 6,000
 | subtotal | 25,000 | 22,000
Net current assets | subtotal | 35,000 | 24,850
Total assets less current liabilities | subtotal | 103,000 | 88,850
# Non-current liabilities
Bank borrowings | | 10,000 | 12,000
Deferred tax liabilities | | 3,000 | 2,850
 | subtotal | 13,000 | 14,850
Net assets | total | 90,000 | 74,000
# Capital and reserves
Share capital | | 10,000 | 10,000
Reserves | | 72,000 | 57,650
Equity attributable to owners of the Company | subtotal | 82,000 | 67,650
Non-controlling interests | | 8,000 | 6,350
Total equity | total | 90,000 | 74,000
"""

CASH = """
# Operating activities
Cash generated from operations | | 30,000 | 25,000
Income tax paid | | (3,500) | (2,400)
Net cash from operating activities | subtotal | 26,500 | 22,600
# Investing activities
Purchase of property, plant and equipment | | (10,000) | (8,000)
Proceeds from disposal of property, plant and equipment | | 500 | 300
Net cash used in investing activities | subtotal | (9,500) | (7,700)
# Financing activities
Repayment of bank borrowings | | (1,000) | (3,000)
Dividends paid | | (7,850) | (5,000)
Net cash used in financing activities | subtotal | (8,850) | (8,000)
Net increase in cash and cash equivalents | subtotal | 8,150 | 6,900
Cash and cash equivalents at beginning of the year | | 16,850 | 10,000
Effect of foreign exchange rate changes | | – | (50)
Cash and cash equivalents at end of the year | total | 25,000 | 16,850
"""

EQUITY_COLUMNS = [Column(h, component=h) for h in
                  ("Share capital", "Reserves", "Total", "Non-controlling interests",
                   "Total equity")]
EQUITY = """
@2025
At 1 January 2025 | opening | 10,000 | 57,650 | 67,650 | 6,350 | 74,000
Profit for the year | | – | 17,800 | 17,800 | 1,150 | 18,950
Other comprehensive income | | – | (1,450) | (1,450) | (50) | (1,500)
Total comprehensive income for the year | subtotal | – | 16,350 | 16,350 | 1,100 | 17,450
Dividends | | – | (2,000) | (2,000) | – | (2,000)
Capital contribution from non-controlling interests | | – | – | – | 550 | 550
At 31 December 2025 | closing | 10,000 | 72,000 | 82,000 | 8,000 | 90,000
@2024
At 1 January 2024 | opening | 10,000 | 46,900 | 56,900 | 5,560 | 62,460
Profit for the year | | – | 12,600 | 12,600 | 790 | 13,390
Other comprehensive income | | – | 1,150 | 1,150 | 50 | 1,200
Total comprehensive income for the year | subtotal | – | 13,750 | 13,750 | 840 | 14,590
Dividends | | – | (3,000) | (3,000) | (50) | (3,050)
At 31 December 2024 | closing | 10,000 | 57,650 | 67,650 | 6,350 | 74,000
"""


def company(**replace: str) -> Extraction:
    """The five statements of a small profitable Hong Kong company (HK$'000)."""
    texts = {"income": INCOME, "comprehensive_income": COMPREHENSIVE,
             "financial_position": POSITION, "cash_flows": CASH,
             "changes_in_equity": EQUITY} | replace
    cols = {"financial_position": DATES, "changes_in_equity": EQUITY_COLUMNS}
    statements = [build(k, cols.get(k, YEARS), t, first_line=100 * (i + 1),
                        periods={"2025": Y25, "2024": Y24})
                  for i, (k, t) in enumerate(texts.items())]
    return Extraction(Document("inline", ()), statements)


def labels(st: Statement, tree: dict[str, list[tuple[int, str]]]) -> dict[str, list[str]]:
    by_id = {r.id: r for r in st.rows}
    def name(i: str) -> str:
        return by_id[i].label or f"<{by_id[i].cells[0].text}>"
    return {name(t): [("-" if s < 0 else "") + name(c) for s, c in kids]
            for t, kids in tree.items()}


def test_income_statement_subtotals_are_runs_of_printed_figures():
    st = build("income", YEARS, INCOME)
    tree = labels(st, subtotal_tree(st))
    assert tree["Gross profit"] == ["Revenue", "Cost of sales"]
    assert tree["Profit from operations"] == [
        "Gross profit", "Other income", "Distribution costs", "Administrative expenses"]
    assert tree["Profit before taxation"] == ["Profit from operations", "Finance costs"]
    assert tree["Profit for the year"] == ["Profit before taxation", "Income tax expense"]
    assert tree["<18,950>"] == ["Owners of the Company", "Non-controlling interests"]
    structure = infer_structure(st)
    assert len(structure.equalities) == 1      # profit for the year = its attribution total


def test_hong_kong_balance_sheet_subtracts_liabilities():
    st = build("financial_position", DATES, POSITION)
    tree = labels(st, subtotal_tree(st))
    assert tree["Net current assets"] == ["<60,000>", "-<25,000>"]
    assert tree["Total assets less current liabilities"] == ["<68,000>", "Net current assets"]
    assert tree["Net assets"] == ["Total assets less current liabilities", "-<13,000>"]
    assert tree["Total equity"] == ["Equity attributable to owners of the Company",
                                    "Non-controlling interests"]
    assert ("r120", "r125") in infer_structure(st).equalities or \
        len(infer_structure(st).equalities) == 1


def test_attribution_without_a_total_row_is_a_breakdown():
    st = build("comprehensive_income", YEARS, COMPREHENSIVE)
    tree = labels(st, subtotal_tree(st))
    assert tree["Total comprehensive income for the year"] == [
        "Profit for the year", "Other comprehensive income for the year"]
    breakdown = [r for r in infer_structure(st).relations if r.method == "breakdown"]
    assert len(breakdown) == 1
    assert labels(st, {breakdown[0].total: list(breakdown[0].terms)}) == {
        "Total comprehensive income for the year": [
            "Owners of the Company", "Non-controlling interests"]}


def test_cash_flow_closing_balance_and_zero_rows():
    st = build("cash_flows", YEARS, CASH)
    tree = labels(st, subtotal_tree(st))
    assert tree["Net increase in cash and cash equivalents"] == [
        "Net cash from operating activities", "Net cash used in investing activities",
        "Net cash used in financing activities"]
    assert tree["Cash and cash equivalents at end of the year"] == [
        "Net increase in cash and cash equivalents",
        "Cash and cash equivalents at beginning of the year",
        "Effect of foreign exchange rate changes"]


def test_changes_in_equity_rows_per_block_and_column_cross_foot():
    st = build("changes_in_equity", EQUITY_COLUMNS, EQUITY,
               periods={"2025": Y25, "2024": Y24})
    tree = subtotal_tree(st)
    closings = [r for r in st.rows if r.balance_role == "closing"]
    assert len(closings) == 2 and all(len(tree[r.id]) >= 3 for r in closings)
    assert column_tree(st) == {2: [(1, 0), (1, 1)], 4: [(1, 2), (1, 3)]}


def test_a_plain_item_is_not_taken_for_a_subtotal_by_sign_search():
    # "Other income" equals Revenue − Cost of sales in one column only by sign games; items
    # are only ever totals of plain runs, so nothing is inferred for it.
    spec = """
    Revenue | | 500 | 400
    Cost of sales | | (300) | (250)
    Other income | | 800 | 650
    """
    st = build("income", YEARS, spec)
    assert subtotal_tree(st) == {}


def test_unknown_cell_does_not_hide_the_structure():
    spec = INCOME.replace("(80,200)", "?")
    st = build("income", YEARS, spec)
    tree = labels(st, subtotal_tree(st))
    assert tree["Gross profit"] == ["Revenue", "Cost of sales"]


def test_a_lost_dash_in_every_column_does_not_hide_a_section_sum():
    # Each column misses one "–" (text extraction drops dashes more than any other glyph):
    # the sum is found reading blanks as nil, while the cells themselves stay blank.
    spec = """
# Cash flows from financing activities
New bank loans raised | | 12,000 |
Repayment of bank loans | | (4,000) | (6,500)
Dividends paid to shareholders | | | (2,500)
Net cash from/(used in) financing activities | subtotal | 8,000 | (9,000)
"""
    st = build("cash_flows", YEARS, spec)
    assert labels(st, subtotal_tree(st)) == {"Net cash from/(used in) financing activities": [
        "New bank loans raised", "Repayment of bank loans", "Dividends paid to shareholders"]}
    assert st.rows[1].cells[1] is None and st.rows[3].cells[0] is None
    # a blank does not make a sum out of figures that do not add up
    wrong = build("cash_flows", YEARS, spec.replace("(6,500)", "(6,900)").replace(
        "(4,000)", "(4,400)"))
    assert subtotal_tree(wrong) == {}


def test_a_run_may_start_at_a_row_printed_nil_in_one_column_and_damaged_in_the_other():
    spec = """
Proceeds from issue of shares | | – | ?12000/0
Bank loans raised | | 5,000 | 3,000
Repayment of bank loans | | (2,000) | (1,000)
Net cash from financing activities | subtotal | 3,000 | 14,000
"""
    st = build("cash_flows", YEARS, spec)
    assert labels(st, subtotal_tree(st))["Net cash from financing activities"] == [
        "Proceeds from issue of shares", "Bank loans raised", "Repayment of bank loans"]


from hypothesis import assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_amount = st.integers(1000, 10**8).flatmap(lambda v: st.sampled_from([v, -v]))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.tuples(_amount, _amount), min_size=2, max_size=6),
                min_size=1, max_size=4))
def test_generated_statement_subtotals_are_all_found_and_add_up(groups):
    """Sections of items, each closed by an unlabelled subtotal, then a grand total: every
    subtotal is explained, and every inferred sum holds in every column."""
    rows, line = [], 1
    subtotals = []
    for g, items in enumerate(groups):
        rows.append(Row(f"Section {g}", [None, None], line, "heading", id=f"h{line}"))
        line += 1
        for a, b in items:
            rows.append(Row(f"Item {line}", [Cell(Decimal(a)), Cell(Decimal(b))], line,
                            section=(f"Section {g}",), id=f"r{line}"))
            line += 1
        sums = [Decimal(sum(v[k] for v in items)) for k in (0, 1)]
        # a subtotal of nil in every column is summed by any selection (or none): the
        # arithmetic cannot say which rows it closes, so there is nothing to find
        assume(any(sums))
        rows.append(Row("", [Cell(sums[0]), Cell(sums[1])], line, "subtotal",
                        section=(f"Section {g}",), id=f"r{line}"))
        subtotals.append((f"r{line}", sums))
        line += 1
    if len(groups) > 1:
        grand = [sum(s[k] for _, s in subtotals) for k in (0, 1)]
        rows.append(Row("Total", [Cell(grand[0]), Cell(grand[1])], line, "total", id=f"r{line}"))
    statement = Statement("financial_position", "", DATES, rows)
    tree = subtotal_tree(statement)
    assert {s for s, _ in subtotals} <= set(tree) | {
        x for pair in infer_structure(statement).equalities for x in pair}
    values = {r.id: r.cells for r in rows}
    for total, terms in tree.items():
        for k in (0, 1):
            assert values[total][k].value == sum(s * values[c][k].value for s, c in terms)


def test_equity_blocks_split_at_opening_balances_when_periods_are_unknown():
    st = build("changes_in_equity", EQUITY_COLUMNS, EQUITY.replace("@2025", "").replace(
        "@2024", ""))
    assert all(r.period is None for r in st.rows)
    tree = subtotal_tree(st)
    closings = [r for r in st.rows if r.balance_role == "closing"]
    openings = {r.id for r in st.rows if r.balance_role == "opening"}
    # each closing balance rolls forward from its own block's opening balance
    for closing, opening in zip(closings, sorted(openings, key=lambda i: int(i[1:]))):
        assert tree[closing.id][0] == (1, opening)
