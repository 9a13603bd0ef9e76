"""Labels for a statement printed without them, borrowed from figures printed elsewhere."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.label_borrow import _label_oci_total, borrow_labels
from converter.model import Cell, Column, Period, Row, Statement

FY25 = Period(start=date(2025, 4, 1), end=date(2026, 3, 31))
FY24 = Period(start=date(2024, 4, 1), end=date(2025, 3, 31))


def _cells(*values: int | None) -> list[Cell | None]:
    return [None if v is None else Cell(Decimal(v), str(v)) for v in values]


def _oci(rows: list[tuple[str, tuple[int | None, ...]]]) -> Statement:
    return Statement("comprehensive_income", "Statement of profit or loss and OCI",
                     [Column("2026", FY25), Column("2025", FY24)],
                     [Row(label, _cells(*vals), line=i + 1)
                      for i, (label, vals) in enumerate(rows)])


def _soce() -> Statement:
    heads = ["Share capital", "Retained profits", "Total", "Minority interests", "Total equity"]
    rows = []
    for period, (profit, fx, fx_nci) in ((FY25, (9_100, 1_250, 40)), (FY24, (8_700, -600, -25))):
        rows += [Row("Profit for the year", _cells(0, profit, profit, 300, profit + 300), 1,
                     period=period),
                 Row("Currency translation differences", _cells(0, fx, fx, fx_nci, fx + fx_nci),
                     2, period=period),
                 Row("Total comprehensive income for the year",
                     _cells(0, profit + fx, profit + fx, 300 + fx_nci, profit + fx + 300 + fx_nci),
                     3, kind="total", period=period)]
    return Statement("changes_in_equity", "Statement of changes in equity",
                     [Column(h, component=h) for h in heads], rows)


def test_labels_come_from_the_equity_block_of_the_same_period() -> None:
    oci = _oci([("", (9_400, 9_000)), ("", (1_290, -625)), ("", (10_690, 8_375)),
                ("", (None, 8_100)), ("", (340, 275))])
    borrow_labels([oci, _soce()])
    labels = [r.label for r in oci.rows]
    assert labels[1] == "Currency translation differences"
    # the profit row's figures include the minority share: Total equity column
    assert labels[0] == "Profit for the year"
    assert labels[2] == "Total comprehensive income for the year"
    # one column unreadable: the other decides; owners' and NCI shares named as such
    assert labels[3] == "Total comprehensive income for the year attributable to owners of the parent"
    assert labels[4] == ("Total comprehensive income for the year attributable to "
                         "non-controlling interests")
    assert all(r.printed_label == "" for r in oci.rows)


def test_oci_total_is_the_row_between_profit_and_total_comprehensive_income() -> None:
    oci = _oci([("Profit for the year", (9_400, 9_000)), ("", (1_500, -700)),
                ("", (-210, 75)), ("", (1_290, -625)),
                ("Total comprehensive income for the year", (10_690, 8_375))])
    _label_oci_total(oci)
    assert oci.rows[3].label == "Other comprehensive income for the year"
    assert oci.rows[3].kind == "subtotal"
    assert oci.rows[1].label == "" and oci.rows[2].label == ""


def test_small_or_conflicting_figures_prove_nothing() -> None:
    oci = _oci([("", (40, -25)), ("", (9_400, 8_375))])   # mixed labels across columns
    borrow_labels([oci, _soce()])
    assert [r.label for r in oci.rows] == ["", ""]


def test_labelled_statements_are_left_alone() -> None:
    oci = _oci([("Profit for the year", (9_400, 9_000)), ("", (1_290, -625))])
    borrow_labels([oci, _soce()])
    assert oci.rows[1].label == ""


def test_a_company_column_borrows_nothing_from_the_groups_equity() -> None:
    """Changes in equity are the group's: the parent company's own figure of the same period
    that happens to equal a group figure names nothing."""
    oci = Statement("comprehensive_income", "Statements of comprehensive income",
                    [Column("2026", FY25, group="Company", scope="separate"),
                     Column("2025", FY24, group="Company", scope="separate")],
                    [Row("", _cells(9_400, 9_000), line=1)])
    borrow_labels([oci, _soce()])
    assert oci.rows[0].label == ""
