"""Announcements of issuers the converter was not built on: other wording, other damage.

tests/data/unseen/ holds thirteen fictitious announcements written by ``generate.py`` with their
truth (every printed figure, by statement, label, period and equity component):

* ``meranti-2025-layout``: pdftotext "layout" text (columns by runs of spaces), RM'000, page
  furniture inside statements, wrapped labels, expenses by nature, separate OCI statement;
* ``thistledown-2025-minus``: UK style, £m with one decimal, negatives as "-12.3"/"–12.3",
  liabilities printed negative, unlabelled subtotals, year ended 31 March, discontinued
  operations, one running changes-in-equity table;
* ``kestrel-2025-ocr``: OCR damage (O for 0, l for 1, "12 345"), the balance sheet page
  printed twice, the cash-flow columns prior year first, one statement of profit or loss and
  OCI, year ended 30 June;
* ``harborview-2025-bank``: a bank's interim report, IFRS 9 lines, a balance sheet in order
  of liquidity, US-style dates ("Six months ended June 30," / "December 31, 2024"),
  "($ in millions, except per share amounts)", "$" before the first and the total figures;
* ``larchmere-2025-restated``: markdown pipe tables, €'000, the comparative "(Restated)", a
  third balance sheet at 1 January 2024, the balance sheet continued on the next page
  (page number flush left, a form feed, "(continued)" and the column header again), nil
  printed as "nil" or "—", an opening equity "as previously reported" and "as restated";
* ``auental-2025-continental``: a continental-European report in "€ thousand" / "EUR k",
  figures grouped by spaces ("842 316", narrow no-break spaces in the equity statement), a
  leading minus (and U+2212), a decimal comma in earnings per share, the prior year first
  ("2024  2025", "31.12.2024  31.12.2025"), then "FY2025  FY2024" in the cash-flow statement,
  a "Change in %" column, notes numbered by section ("4.1") between label and figures,
  expenses by function, a net financial result, "thereof attributable to ..." rows naming the
  issuer ("... of Auental Antriebe SE"), a direct-method cash-flow statement whose activity
  totals ("Cash flow from operating activities") stand under no heading, the period printed
  as "from 1 January to 31 December 2025", equity balances "As of Jan. 1, 2024";
* ``wrenfield-2025-netassets``: UK, £'000, a net-assets balance sheet (liabilities printed
  in parentheses as deductions, net current assets, total assets less current liabilities,
  net assets, capital and reserves), footnote markers on labels ("Revenue (a)", "Other
  income¹") and the footnotes under the table, labels wrapped with the figures on their last
  line, the balance sheet split by a page break (page number, form feed, running header
  naming the report and its period, column header repeated), figures shifted by runs of
  spaces or pulled against the label, blank cells, "21.4p", "30 Sept" over the years, the
  cash-flow columns headed "2024/25  2023/24", year ended 30 September.
* ``jadeport-2025-rmb-restated``: a Chinese issuer in RMB million with one decimal, negatives
  in parentheses set off by spaces ("( 1,234.5 )"), totals in capitals ("TOTAL ASSETS"), a
  restated comparative with three balance-sheet dates (31 December 2025, 31 December 2024 and
  1 January 2024, both restated, the dates over two header lines), expenses by nature with
  "Other gains and losses, net", net current assets inside the balance sheet, a cash-flow
  statement that opens on "Cash generated from operations" with its note "30(a)";
* ``coolabah-2025-halfyear``: an Australian half-year report (ABN, "$'000" under the column
  group "Consolidated", a "Note" column), flows for the half-years to 31 December, the
  balance sheet "31 Dec 2025" against "30 Jun 2025", one statement of profit or loss and OCI
  and the cash-flow statement extracted with each row's figures on the line below its label,
  the balance sheet extracted as its whole label column, then its figures;
* ``northbridge-2025-canadian``: a Canadian fourth-quarter report "(In thousands of Canadian
  dollars, except per share amounts)": four figure columns in the earnings and comprehensive
  income statements ("Three months ended" | "Year ended" over "December 31," over the years),
  "$" at the left edge of the first and the total figures, closing parentheses hanging right
  of the digits, "Net earnings", an income tax heading over "Current" / "Deferred" and an
  unlabelled total, "Items not affecting cash:" closed by an unlabelled subtotal, a running
  changes-in-equity table (Share capital / Contributed surplus / Accumulated other
  comprehensive income / Retained earnings) opened by "Balance, December 31, 2023" and a
  dividend label with a dollar amount in it ("Dividends declared ($0.48 per share)"), each
  page closed by "See accompanying notes ..." and its number;
* ``karoo-2025-rand``: a JSE-listed group in R'000, figures grouped by spaces with a decimal
  point ("1 346.2"), "Audited" over the years, one statement of profit or loss and OCI split
  by a page break (the running footer ends in the page number, "(continued)" and the column
  header repeated) before "Profit attributable to: / Ordinary shareholders /
  Non-controlling interests", headline earnings per share beside basic and diluted EPS,
  stated capital and treasury shares, dividends paid in operating cash flows, and the
  headline-earnings reconciliation after the cash-flow statement;
* ``deccan-2025-indas``: an Indian listed company under Ind AS, "(Rs. in lakhs)" with Indian
  digit grouping ("2,48,632.45"), Schedule III layout: "Sr. No." and "Particulars" columns,
  roman and letter item numbers before the labels ("IV", "(a)", "A (i)", "(ii)"), expenses
  printed positive under "Expenses", "Total income (I + II)", "Profit before exceptional items
  and tax (III - IV)", tax expense "(1) Current tax" / "(2) Deferred tax", OCI inside the
  statement of profit and loss with bulleted items ("- Remeasurements ..."), trade payables
  split by micro and small enterprises, a running changes-in-equity table under "Reserves and
  surplus", year ended 31 March, columns "Year ended" / "As at" over "31.03.2025";
* ``alwaha-2025-saudi``: a Saudi joint stock company in SAR '000 with the unit also in words
  ("Saudi Riyals thousands"), the company's Arabic name beside its English one at the top of
  every page, "Profit before zakat and income tax", "Zakat and income tax", a statutory
  reserve, Murabaha and Islamic financing, employees' end-of-service benefits (paid in
  operating cash flows), a ruled unlabelled total of the attribution.

The taxonomy is loaded once: the reports are validated in one batch.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from converter.extract import extract_file
from converter.model import STATEMENT_KINDS, Extraction, Row, Statement

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"
NAMES = ["meranti-2025-layout", "thistledown-2025-minus", "kestrel-2025-ocr",
         "harborview-2025-bank", "larchmere-2025-restated", "auental-2025-continental",
         "wrenfield-2025-netassets", "jadeport-2025-rmb-restated", "coolabah-2025-halfyear",
         "northbridge-2025-canadian", "karoo-2025-rand", "deccan-2025-indas",
         "alwaha-2025-saudi"]
# Faults of the sixth round not fixed yet (see the round's report): the test is expected to
# fail on these documents until they are.
KNOWN_GAPS = {
    ("deccan-2025-indas", "statements"): "OCI inside the statement of profit and loss not split",
    ("deccan-2025-indas", "figures"): "first rows, totals and bulleted lines; the equity table",
    ("deccan-2025-indas", "reconciliation"): "changes in equity under 'Reserves and surplus'",
    ("deccan-2025-indas", "valid"): "refused: the equity table's columns are not placed",
    ("alwaha-2025-saudi", "figures"): "'Long-term Murabaha financing' split as packed labels",
}


def _gap(name: str, test: str) -> None:
    if (name, test) in KNOWN_GAPS:
        pytest.xfail(KNOWN_GAPS[(name, test)])
# A third balance sheet at the start of the comparative year (IAS 1.40A): "1 January 2024"
# is the instant that ends 31 December 2023, so its truth period is 2023.
THIRD_BALANCE_SHEET = {"larchmere-2025-restated", "jadeport-2025-rmb-restated"}
# Half-year reports whose balance sheet compares the half-year end with the last year end: the
# truth names those periods by their end date (both ends fall in one calendar year).
BALANCE_SHEET_ENDS = {"coolabah-2025-halfyear": ["2025-12-31", "2025-06-30"]}
# Quarterly reports whose flow statements print the quarter and the year to date of both
# years: the truth names those periods "start/end".
FOUR_COLUMNS = {"northbridge-2025-canadian": {"income", "comprehensive_income"}}


def _period_matches(period, wanted: str) -> bool:
    """A truth period is a year ("2025") or, where a year is ambiguous, an end date, or where
    that is too ("start/end": a quarter and the year to date), the whole span."""
    if period is None:
        return False
    if "/" in wanted:
        start, end = wanted.split("/")
        return period.start is not None and (period.start.isoformat(), period.end.isoformat()) \
            == (start, end)
    return (period.end.isoformat() if "-" in wanted else str(period.end.year)) == wanted


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="module")
def extracted() -> dict[str, Extraction]:
    return {name: extract_file(UNSEEN / f"{name}.txt") for name in NAMES}


def _truth(name: str) -> list[dict[str, str]]:
    with (UNSEEN / f"{name}.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _label(row: Row) -> str:
    return _norm(row.printed_label if row.printed_label is not None else row.label)


def _rows(ext: Extraction, kinds: str) -> list[tuple[Statement, Row]]:
    out = []
    for kind in kinds.split("|"):
        stmt = ext.statement(kind)  # type: ignore[arg-type]
        if stmt is not None:
            out += [(stmt, r) for r in stmt.rows if r.kind != "heading"]
    return out


def _figure_mismatches(ext: Extraction, truth: list[dict[str, str]]) -> list[str]:
    """Every truth figure must be on the row of its label (the n-th row so labelled for the
    n-th such figure), in the column of its period (and component), with its value."""
    seen: dict[tuple[str, ...], int] = defaultdict(int)
    problems = []
    for t in truth:
        key = (t["statement"], _norm(t["label"]), t["period"], t["component"])
        nth = seen[key]
        seen[key] += 1
        candidates = [(s, r) for s, r in _rows(ext, t["statement"]) if _label(r) == key[1]]
        if t["statement"] == "changes_in_equity":
            candidates = [(s, r) for s, r in candidates
                          if r.period is not None and str(r.period.end.year) == t["period"]]
        where = f"{t['statement']} '{t['label']}' {t['period']} {t['component']}".rstrip()
        if nth >= len(candidates):
            problems.append(f"{where}: row not found")
            continue
        stmt, row = candidates[nth]
        if t["statement"] == "changes_in_equity":
            cols = [i for i, c in enumerate(stmt.columns)
                    if _norm(c.component or c.header) == _norm(t["component"])]
        else:
            cols = [i for i, c in enumerate(stmt.columns) if _period_matches(c.period, t["period"])]
        if len(cols) != 1:
            problems.append(f"{where}: {len(cols)} columns match")
            continue
        cell = row.cells[cols[0]] if cols[0] < len(row.cells) else None
        if t["value"] == "nil":
            ok = cell is not None and (cell.nil or cell.value == 0)
        else:
            ok = cell is not None and cell.provenance != "unresolved" and \
                cell.value == Decimal(t["value"])
        if not ok:
            got = None if cell is None else (cell.text, cell.value, cell.provenance)
            problems.append(f"{where} (line {row.line}): expected {t['value']}, got {got}")
    # and no row the page does not print (a page read twice, page furniture read as a row)
    printed: dict[tuple[str, str, str], int] = defaultdict(int)
    for key, count in seen.items():
        printed[(key[0], key[1], key[2] if key[0] == "changes_in_equity" else "")] = \
            max(printed[(key[0], key[1], key[2] if key[0] == "changes_in_equity" else "")], count)
    found: dict[tuple[str, str, str], int] = defaultdict(int)
    for kinds in {t["statement"] for t in truth}:
        seen_lines = set()
        for s, r in _rows(ext, kinds):
            if (r.line, r.period) in seen_lines:
                continue        # split from one statement of P&L and OCI: the profit row opens both
            seen_lines.add((r.line, r.period))
            year = str(r.period.end.year) if kinds == "changes_in_equity" and r.period else ""
            found[(kinds, _label(r), year)] += 1
    for key, count in found.items():
        if count > printed.get(key, 0):
            problems.append(f"{key}: {count} rows extracted, {printed.get(key, 0)} printed")
    return problems


@pytest.mark.parametrize("name", NAMES)
def test_every_statement_found_with_both_periods(extracted: dict[str, Extraction],
                                                 name: str) -> None:
    _gap(name, "statements")
    ext = extracted[name]
    assert sorted(s.kind for s in ext.statements) == sorted(STATEMENT_KINDS)
    for stmt in ext.statements:
        if stmt.kind == "changes_in_equity":
            years = {r.period.end.year for r in stmt.rows if r.period is not None}
            assert years == {2024, 2025}, (stmt.kind, years)
        elif stmt.kind == "financial_position" and name in BALANCE_SHEET_ENDS:
            assert [c.period.end.isoformat() for c in stmt.columns if c.period] == \
                BALANCE_SHEET_ENDS[name], stmt.columns
        elif stmt.kind in FOUR_COLUMNS.get(name, ()):
            spans = [(c.period.start.month, c.period.end.year) for c in stmt.columns
                     if c.period is not None and c.period.start is not None]
            assert spans == [(10, 2025), (10, 2024), (1, 2025), (1, 2024)], stmt.columns
        elif stmt.kind == "financial_position" and name in THIRD_BALANCE_SHEET:
            assert [c.period.end.isoformat() for c in stmt.columns if c.period] == \
                ["2025-12-31", "2024-12-31", "2023-12-31"], stmt.columns
        else:
            assert len(stmt.columns) == 2, (stmt.kind, stmt.columns)
            years = {c.period.end.year for c in stmt.columns if c.period is not None}
            assert years == {2024, 2025}, (stmt.kind, years)


@pytest.mark.parametrize("name", NAMES)
def test_every_printed_figure_on_its_row_and_period(extracted: dict[str, Extraction],
                                                    name: str) -> None:
    _gap(name, "figures")
    problems = _figure_mismatches(extracted[name], _truth(name))
    assert not problems, f"{len(problems)} figures wrong:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("name", NAMES)
def test_reconciliation_has_no_failed_identity(extracted: dict[str, Extraction],
                                               name: str) -> None:
    _gap(name, "reconciliation")
    ext = extracted[name]
    failed = [i.name for i in ext.identities if not i.holds]
    assert ext.identities and not failed, failed
    errors = [i for i in ext.issues if i.severity == "error"]
    assert not errors, errors


@pytest.fixture(scope="module")
def validated(tmp_path_factory: pytest.TempPathFactory, taxonomy_package: Path) -> dict:
    from converter.pipeline import ConvertOptions, convert_file
    from converter.validation import ValidateOptions, validate_paths

    out = tmp_path_factory.mktemp("unseen")
    results = {n: convert_file(UNSEEN / f"{n}.txt", ConvertOptions(outdir=out, validate=False))
               for n in NAMES}
    written = {n: r for n, r in results.items() if r.package is not None}
    checks = validate_paths([r.package for r in written.values()],  # type: ignore[misc]
                            ValidateOptions(taxonomy_package=str(taxonomy_package)))
    verdicts = dict(zip(written, checks))
    return {n: (r, verdicts.get(n)) for n, r in results.items()}


@pytest.mark.arelle
@pytest.mark.parametrize("name", NAMES)
def test_converted_report_is_valid(validated: dict, name: str) -> None:
    _gap(name, "valid")
    result, check = validated[name]
    assert result.error is None and check is not None, result.summary()
    errors = [f for f in check.findings if f.severity == "error"]
    assert check.valid and not errors, "\n".join(map(str, errors))


def test_interim_periods_units_and_restated_flags(extracted: dict[str, Extraction]) -> None:
    """The bank's columns are six months to June 30 in US$ millions (its balance sheet compares
    June 30 with December 31); the restated comparatives carry their flag."""
    bank = extracted["harborview-2025-bank"]
    for stmt in bank.statements:
        assert (stmt.unit.currency, stmt.unit.scale) == ("USD", 6), stmt.kind
    spans = [(c.period.start.isoformat() if c.period.start else None, c.period.end.isoformat())
             for c in bank.statement("income").columns if c.period]  # type: ignore[union-attr]
    assert spans == [("2025-01-01", "2025-06-30"), ("2024-01-01", "2024-06-30")]
    position = bank.statement("financial_position")
    assert position is not None
    ends = [c.period.end.isoformat() for c in position.columns if c.period]
    assert ends == ["2025-06-30", "2024-12-31"]
    restated = extracted["larchmere-2025-restated"]
    for kind in ("income", "financial_position", "cash_flows"):
        flags = [c.restated for c in restated.statement(kind).columns]  # type: ignore[union-attr]
        assert flags[0] is False and all(flags[1:]), (kind, flags)


# (month, day) each document's periods end on, and how many months its flows cover; the
# balance sheet of the interim report compares with the last year end (checked above).
PERIOD_ENDS = {"meranti-2025-layout": ((12, 31), 12), "thistledown-2025-minus": ((3, 31), 12),
               "kestrel-2025-ocr": ((6, 30), 12), "harborview-2025-bank": ((6, 30), 6),
               "larchmere-2025-restated": ((12, 31), 12),
               "auental-2025-continental": ((12, 31), 12),
               "wrenfield-2025-netassets": ((9, 30), 12),
               "jadeport-2025-rmb-restated": ((12, 31), 12),
               "coolabah-2025-halfyear": ((12, 31), 6),
               "northbridge-2025-canadian": ((12, 31), 12),
               "karoo-2025-rand": ((6, 30), 12),
               "deccan-2025-indas": ((3, 31), 12),
               "alwaha-2025-saudi": ((12, 31), 12)}


@pytest.mark.parametrize("name", NAMES)
def test_every_column_ends_on_the_period_end_and_spans_the_period(
        extracted: dict[str, Extraction], name: str) -> None:
    """Not only the year: "for the financial year from 1 January to 31 December 2025" ends on
    31 December, and a flow column starts on the first day after the previous period."""
    (month, day), months = PERIOD_ENDS[name]
    for stmt in extracted[name].statements:
        if stmt.kind == "financial_position" and name in ("harborview-2025-bank",
                                                          *BALANCE_SHEET_ENDS):
            continue
        periods = [c.period for c in stmt.columns if c.period is not None]
        if stmt.kind == "changes_in_equity":
            periods = [r.period for r in stmt.rows if r.period is not None]
        assert periods, stmt.kind
        for period in periods:
            ends = (period.end.month, period.end.day)
            assert ends == (month, day) or (name in THIRD_BALANCE_SHEET and ends == (12, 31)), \
                (stmt.kind, period)
            if period.start is not None and not (stmt.kind in FOUR_COLUMNS.get(name, ())
                                                 and period.start.month == 10):
                first = period.end.year * 12 + period.end.month - months
                assert (period.start.year, period.start.month, period.start.day) == \
                    (first // 12, first % 12 + 1, 1), (stmt.kind, period)


# The opening equity each restated document prints "as previously reported", the IAS 8
# adjustment (its member by wording) and "as restated": total-equity column, at 1 January 2024.
RESTATEMENTS = {
    "larchmere-2025-restated": ("177060000", "-3840000",
                                "FinancialEffectOfChangesInAccountingPolicyMember", "173220000"),
    "jadeport-2025-rmb-restated": ("18798800000.0", "-299000000.0",
                                   "FinancialEffectOfCorrectionsOfAccountingErrorsMember",
                                   "18499800000.0"),
}


@pytest.mark.arelle
@pytest.mark.parametrize("name", sorted(RESTATEMENTS))
def test_restated_opening_equity_on_the_restatement_axis(validated: dict, name: str) -> None:
    """Previously reported and adjustment are ifrs-full:Equity at the opening instant on
    RetrospectiveApplicationAndRetrospectiveRestatementAxis (restated: the axis default), in
    a report Arelle finds dimensionally valid; no extension named after the dates."""
    from converter.readback import read_facts

    result, check = validated[name]
    assert check is not None and check.valid, result.summary()
    facts = read_facts(result.report.read_bytes())
    axis = "ifrs-full:RetrospectiveApplicationAndRetrospectiveRestatementAxis"
    total = {f.dimensions: f.value for f in facts
             if f.concept == "ifrs-full:Equity" and f.period == "2023-12-31"
             and "ComponentsOfEquityAxis" not in f.dimensions}
    previous, adjustment, member, restated = RESTATEMENTS[name]
    assert total[f"{axis}=ifrs-full:PreviouslyStatedMember"] == Decimal(previous)
    assert total[f"{axis}=ifrs-full:{member}"] == Decimal(adjustment)
    assert total[""] == Decimal(restated)
    # each component column too: retained earnings carries both axes
    assert any(f.dimensions.count("=") == 2 and member in f.dimensions
               and "RetainedEarningsMember" in f.dimensions for f in facts)
    assert not [f for f in facts if "Previously" in f.concept or "Restat" in f.concept]
