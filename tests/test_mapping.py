"""The label mapper: expected concepts, hard constraints, section evidence, extensions, speed."""
from __future__ import annotations

import csv
import json
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from converter.errors import InputError
from converter.extensions_propose import lc3_name, propose_extension
from converter.mapping import (
    EXTENSION_THRESHOLD, Candidate, Taxonomy, map_label, map_statement,
)
from converter.mapping_cli import run_map
from converter.model import Cell, Column, ExtensionConcept, Period, Row, Statement

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def tx() -> Taxonomy:
    return Taxonomy.load()


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _top(tx: Taxonomy, r: dict[str, str]) -> str:
    section = tuple(r["section"].split(" > ")) if r["section"] else None
    found = tx.match(r["label"], r["statement"] or None, section, top=1)
    if not found or found[0].score < EXTENSION_THRESHOLD:
        return "(extension)"
    return found[0].concept.name


SEED_ROWS = _rows("seed_expected_concepts.csv")


@pytest.mark.parametrize("row", SEED_ROWS,
                         ids=[f"{r['statement']}:{r['label'][:40]}:{r['section'][-20:]}"
                              for r in SEED_ROWS])
def test_seed_line_items(tx, row):
    assert _top(tx, row) == row["concept"], row["reason"]


def test_other_issuer_wordings_top1(tx):
    rows = _rows("other_issuer_labels.csv")
    assert len(rows) >= 60
    misses = [(r["label"], r["concept"], _top(tx, r)) for r in rows
              if _top(tx, r) != r["concept"]]
    accuracy = 1 - len(misses) / len(rows)
    assert accuracy >= 0.90, misses


# ----------------------------------------------------------------------------- constraints
def test_balance_sheet_is_instant_and_flows_are_durations(tx):
    for label in ("Cash and cash equivalents", "Retained earnings", "Other reserves",
                  "Trade receivables", "Borrowings"):
        for cand in tx.match(label, "financial_position", "Current assets", top=10):
            assert cand.concept.period_type == "instant"
    for label in ("Revenue", "Finance costs", "Purchase of property, plant and equipment",
                  "Interest paid", "Profit for the year"):
        for kind in ("income", "cash_flows", "comprehensive_income"):
            for cand in tx.match(label, kind, top=10):
                assert cand.concept.period_type == "duration"


def test_opening_balances_in_flow_statements_are_instants(tx):
    found = tx.match("Cash and cash equivalents at beginning of the year", "cash_flows")
    assert found[0].concept.name == "CashAndCashEquivalents"
    found = tx.match("Balance at 1 April 2024", "changes_in_equity")
    assert found[0].concept.name == "Equity"
    # "designated as at fair value" is not a date
    found = tx.match("Fair value changes of financial liabilities designated as at fair value "
                     "through profit or loss attributable to changes in credit risk",
                     "changes_in_equity")
    assert all(c.concept.period_type == "duration" for c in found)


def test_per_share_labels_take_per_share_types_only(tx):
    for cand in tx.match("Basic earnings per share (HK cents)", "income", top=10):
        assert cand.concept.data_type == "dtr-2022:perShareItemType"
    for cand in tx.match("Earnings", "income", top=10):
        assert cand.concept.data_type == "xbrli:monetaryItemType"
    best = tx.match("Basic and diluted earnings per share", "income")[0]
    assert best.concept.name == "BasicEarningsLossPerShare"
    assert [c.name for c in best.also] == ["DilutedEarningsLossPerShare"]


def test_never_abstract(tx):
    for label in ("Statement of financial position", "Income statement", "Assets",
                  "Equity and liabilities", "Cash flows from operating activities"):
        for cand in tx.match(label, top=20):
            assert not cand.concept.abstract


def test_candidates_are_explained_and_bounded(tx):
    for cand in tx.match("Loss for the year", "income", top=5):
        assert 0.0 <= cand.score <= 1.0
        assert cand.reasons
    best = tx.match("Loss for the year", "income")[0]
    assert any(r.startswith("alias") for r in best.reasons)
    assert any("role" in r for r in best.reasons)
    assert any("period type" in r for r in best.reasons)
    neg = tx.match("Cost of sales", "income", printed_negative=True)[0]
    assert any(r.startswith("sign fit") for r in neg.reasons)


def test_bad_arguments(tx):
    with pytest.raises(InputError):
        tx.match("Revenue", "balance_sheet")
    with pytest.raises(InputError):
        tx.match("Revenue", "income", period_type="forever")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80), st.sampled_from([None, "income", "comprehensive_income",
                                                "financial_position", "changes_in_equity",
                                                "cash_flows"]),
       st.one_of(st.none(), st.text(max_size=30)))
def test_any_text_maps_or_not_without_crashing(label, statement, section):
    tx = Taxonomy.load()
    for cand in tx.match(label, statement, section, top=3):
        assert 0.0 <= cand.score <= 1.0
        assert not cand.concept.abstract


# ----------------------------------------------------------------------------- section evidence
@pytest.mark.parametrize("label, section, expected", [
    ("Contract assets", "Non-current assets", "NoncurrentContractAssets"),
    ("Contract assets", "Current assets", "CurrentContractAssets"),
    ("Lease liabilities", "Current liabilities", "CurrentLeaseLiabilities"),
    ("Lease liabilities", "Non-current liabilities", "NoncurrentLeaseLiabilities"),
    ("Bank borrowings", "Non-current liabilities", "LongtermBorrowings"),
    ("", "Current liabilities", "CurrentLiabilities"),
    ("Total", "Non-current assets", "NoncurrentAssets"),
])
def test_current_and_noncurrent_sections(tx, label, section, expected):
    assert tx.match(label, "financial_position", ("Assets", section))[0].concept.name == expected


@pytest.mark.parametrize("statement, section, label, expected", [
    ("income", "Profit for the year attributable to:", "Owners of the Company",
     "ProfitLossAttributableToOwnersOfParent"),
    ("income", "Attributable to:", "Shareholders of the Company",
     "ProfitLossAttributableToOwnersOfParent"),
    ("income", "Profit attributable to:", "Minority interests",
     "ProfitLossAttributableToNoncontrollingInterests"),
    ("comprehensive_income", "Total comprehensive income attributable to:",
     "Owners of the parent", "ComprehensiveIncomeAttributableToOwnersOfParent"),
    ("comprehensive_income", "Attributable to:", "Non-controlling interests",
     "ComprehensiveIncomeAttributableToNoncontrollingInterests"),
])
def test_attributable_blocks(tx, statement, section, label, expected):
    assert tx.match(label, statement, section)[0].concept.name == expected


def test_oci_reclassification_blocks(tx):
    may = ("Other comprehensive income", "Items that may be reclassified subsequently to "
           "profit or loss")
    never = ("Other comprehensive income", "Items that will not be reclassified to profit or "
             "loss")
    label = "Exchange differences arising on translation of foreign operations"
    assert tx.match(label, "comprehensive_income", may)[0].concept.name == \
        "OtherComprehensiveIncomeNetOfTaxExchangeDifferencesOnTranslation"
    top = tx.match(label, "comprehensive_income", never, top=5)
    assert top[0].concept.name.endswith("OtherThanTranslationOfForeignOperations")
    assert all(c.concept.name != "OtherComprehensiveIncomeNetOfTaxExchangeDifferencesOn"
               "Translation" or c.score < EXTENSION_THRESHOLD for c in top)


def test_cash_flow_activity_section(tx):
    op = tx.match("Interest paid", "cash_flows", "Cash flows from operating activities")[0]
    fin = tx.match("Interest paid", "cash_flows", "Cash flows from financing activities")[0]
    assert op.concept.name == "InterestPaidClassifiedAsOperatingActivities"
    assert fin.concept.name == "InterestPaidClassifiedAsFinancingActivities"


def test_ocr_damage_is_tolerated(tx):
    assert tx.match("Revenne", "income")[0].concept.name == "Revenue"
    assert tx.match("Inventorles", "financial_position", "Current assets")[0].concept.name \
        == "Inventories"


# ----------------------------------------------------------------------------- extensions
def test_map_label_threshold(tx):
    assert map_label("Revenue", "income").concept.name == "Revenue"
    assert map_label("Put option liability", "financial_position", "Current liabilities") is None
    assert map_label("zzqx frobnication", "income") is None


def test_lc3_names():
    assert lc3_name("Fair value losses of preferred share") == "FairValueLossesOfPreferredShare"
    assert lc3_name("Net current assets/(liabilities)") == "NetCurrentAssetsLiabilities"
    assert lc3_name("2019 Notes issued") == "X2019NotesIssued"
    assert lc3_name("Company's share of reserves") == "CompanysShareOfReserves"
    with pytest.raises(InputError):
        lc3_name("(RMB)")


def test_propose_extension(tx):
    ext = propose_extension("Put option liability", "financial_position",
                            ("Liabilities", "Current liabilities"), None, None, taxonomy=tx)
    assert isinstance(ext, ExtensionConcept)
    assert ext.concept.qname == "ext:CurrentPutOptionLiability"
    assert (ext.concept.period_type, ext.concept.balance) == ("instant", "credit")
    assert ext.anchor == "ifrs-full:CurrentLiabilities"
    assert ext.concept.label.startswith("Put option liability")
    assert ext.reason
    oci = propose_extension("Exchange differences on translation", "comprehensive_income",
                            ("Items that will not be reclassified to profit or loss",),
                            "duration", "credit", taxonomy=tx)
    assert oci.anchor.endswith("OtherComprehensiveIncomeThatWillNotBeReclassifiedToProfitOr"
                               "LossNetOfTax")
    assert oci.concept.name.endswith("ThatWillNotBeReclassifiedToProfitOrLoss")
    cf = propose_extension("Capital injection by limited partners", "cash_flows",
                           "Cash flows from financing activities", None, None, taxonomy=tx)
    assert cf.anchor == "ifrs-full:CashFlowsFromUsedInFinancingActivities"
    assert cf.concept.period_type == "duration"
    eps = propose_extension("Adjusted loss per share", "income", None, None, None, taxonomy=tx)
    assert eps.concept.data_type == "dtr-2022:perShareItemType" and eps.concept.balance is None


# ----------------------------------------------------------------------------- statements
def _stmt(kind, rows, columns=None) -> Statement:
    cols = columns or [Column("2024", Period(date(2024, 12, 31), date(2024, 1, 1))),
                       Column("2023", Period(date(2023, 12, 31), date(2023, 1, 1)))]
    out = []
    for i, (label, section, values, rk) in enumerate(rows):
        cells = [Cell(Decimal(v)) if v is not None else None for v in values]
        out.append(Row(label=label, cells=cells, line=i + 1, kind=rk, section=section,
                       id=f"r{i}"))
    return Statement(kind=kind, title="t", columns=cols, rows=out)


def test_map_statement_hk_income_statement(tx):
    """A profit-making HK$ issuer, statement of profit or loss and other comprehensive income."""
    st_ = _stmt("income", [
        ("Turnover", (), ("1500", "1200"), "item"),
        ("Cost of sales", (), ("-900", "-700"), "item"),
        ("Gross profit", (), ("600", "500"), "subtotal"),
        ("Other income and gains", (), ("20", "10"), "item"),
        ("Finance costs", (), ("-35", "-30"), "item"),
        ("Share of profits of associates", (), ("5", "4"), "item"),
        ("Profit before taxation", (), ("590", "484"), "subtotal"),
        ("Taxation", (), ("-90", "-80"), "item"),
        ("Profit for the year", (), ("500", "404"), "total"),
        ("Owners of the Company", ("Profit for the year attributable to:",),
         ("480", "400"), "item"),
        ("Non-controlling interests", ("Profit for the year attributable to:",),
         ("20", "4"), "item"),
        ("", ("Profit for the year attributable to:",), ("500", "404"), "total"),
    ])
    m = map_statement(st_, tx)
    names = {rid: c.concept.name for rid, c in m.items() if isinstance(c, Candidate)}
    assert names["r0"] == "Revenue" and names["r2"] == "GrossProfit"
    assert names["r4"] == "FinanceCosts" and names["r7"] == "IncomeTaxExpenseContinuingOperations"
    assert names["r8"] == "ProfitLoss" and names["r11"] == "ProfitLoss"  # same figures: shared
    assert names["r9"] == "ProfitLossAttributableToOwnersOfParent"
    assert names["r10"] == "ProfitLossAttributableToNoncontrollingInterests"


def test_map_statement_duplicate_concepts_become_extensions(tx):
    st_ = _stmt("cash_flows", [
        ("Acquisition of financial assets at fair value through profit or loss",
         ("Cash flows from investing activities",), ("-100", "-50"), "item"),
        ("Acquisition of wealth management products",
         ("Cash flows from investing activities",), ("-70", "-20"), "item"),
    ])
    m = map_statement(st_, tx)
    kinds = sorted(type(c).__name__ for c in m.values())
    assert kinds == ["Candidate", "ExtensionConcept"]
    ext = next(c for c in m.values() if isinstance(c, ExtensionConcept))
    assert "already tags other figures" in ext.reason
    assert ext.concept.balance == "credit"  # printed negative outflow


def test_map_statement_balance_sheet(tx):
    st_ = _stmt("financial_position", [
        ("Property, plant and equipment", ("Non-current assets",), ("10", "9"), "item"),
        ("Interests in associates", ("Non-current assets",), ("5", "5"), "item"),
        ("", ("Non-current assets",), ("15", "14"), "subtotal"),
        ("Inventories", ("Current assets",), ("7", "6"), "item"),
        ("Tax recoverable", ("Current assets",), ("1", "1"), "item"),
        ("Bank balances and cash", ("Current assets",), ("4", "3"), "item"),
        ("", ("Current assets",), ("12", "10"), "subtotal"),
        ("Trade payables", ("Current liabilities",), ("6", "5"), "item"),
        ("Tax payable", ("Current liabilities",), ("2", "1"), "item"),
        ("", ("Current liabilities",), ("8", "6"), "subtotal"),
        ("Net current assets", (), ("4", "4"), "total"),
    ], columns=[Column("2024", Period(date(2024, 12, 31))),
                Column("2023", Period(date(2023, 12, 31)))])
    m = map_statement(st_, tx)
    names = [m[f"r{i}"].concept.name for i in range(11)]
    assert names == [
        "PropertyPlantAndEquipment", "InvestmentsInAssociatesAccountedForUsingEquityMethod",
        "NoncurrentAssets", "Inventories", "CurrentTaxAssetsCurrent", "CashAndCashEquivalents",
        "CurrentAssets", "TradeAndOtherCurrentPayablesToTradeSuppliers",
        "CurrentTaxLiabilitiesCurrent", "CurrentLiabilities", "CurrentAssetsLiabilities"]
    assert all(c.concept.period_type == "instant" for c in m.values())


def test_items_after_the_current_block_under_no_heading_are_non_current(tx):
    """North American balance sheets print the non-current items after "Total current
    liabilities" with no heading: where they stand says non-current."""
    st_ = _stmt("financial_position", [
        ("Liabilities", (), (None, None), "heading"),
        ("Current liabilities", ("Liabilities",), (None, None), "heading"),
        ("Trade payables", ("Liabilities", "Current liabilities"), ("6", "5"), "item"),
        ("Lease liabilities", ("Liabilities", "Current liabilities"), ("2", "2"), "item"),
        ("Total current liabilities", ("Liabilities", "Current liabilities"), ("8", "7"),
         "total"),
        ("Lease liabilities", ("Liabilities",), ("9", "11"), "item"),
        ("Bank loans", ("Liabilities",), ("20", "25"), "item"),
        ("Total liabilities", ("Liabilities",), ("37", "43"), "total"),
    ], columns=[Column("2024", Period(date(2024, 12, 31))),
                Column("2023", Period(date(2023, 12, 31)))])
    m = map_statement(st_, tx)
    assert m["r3"].concept.name == "CurrentLeaseLiabilities"
    assert m["r5"].concept.name == "NoncurrentLeaseLiabilities"
    assert m["r6"].concept.name == "LongtermBorrowings"
    assert m["r7"].concept.name == "Liabilities"       # a total is not moved


def test_rows_after_a_sub_heading_stay_in_their_activity(tx):
    """A sub-heading inside operating activities ("Non-cash items:") must not leave the
    rows under and after it outside the activity: "Interest paid" there is operating."""
    st_ = _stmt("cash_flows", [
        ("Cash flows from operating activities", (), (None, None), "heading"),
        ("Profit for the year", ("Cash flows from operating activities",), ("50", "40"),
         "item"),
        ("Non-cash items:", (), (None, None), "heading"),
        ("Depreciation", ("Non-cash items:",), ("10", "9"), "item"),
        ("Interest paid", (), ("-4", "-5"), "item"),
        ("Net cash from operating activities", (), ("56", "44"), "total"),
        ("Interest paid", (), ("-1", "-1"), "item"),
    ])
    m = map_statement(st_, tx)
    assert m["r3"].concept.name == "AdjustmentsForDepreciationExpense"
    assert m["r4"].concept.name == "InterestPaidClassifiedAsOperatingActivities"
    assert m["r5"].concept.name == "CashFlowsFromUsedInOperatingActivities"
    # after the activity's total the block is closed: no activity is implied
    assert m["r6"].concept.name != "InterestPaidClassifiedAsOperatingActivities"


def test_map_statement_equity_uses_other_statements(tx):
    oci = _stmt("comprehensive_income", [
        ("Exchange differences on translation of foreign operations",
         ("Items that may be reclassified to profit or loss",), ("-50", "-40"), "item"),
        ("Exchange differences on translation of foreign operations",
         ("Items that will not be reclassified to profit or loss",), ("70", "60"), "item"),
    ])
    block = Period(date(2024, 12, 31), date(2024, 1, 1))
    soce = Statement("changes_in_equity", "t",
                     [Column("Reserve", component="Translation reserve"),
                      Column("Total", component="Total")],
                     [Row("Exchange differences on translation of foreign operations",
                          [Cell(Decimal(20)), Cell(Decimal(20))], 1,
                          section=("Comprehensive income",), period=block, id="e1")])
    alone = map_statement(soce, tx)
    assert isinstance(alone["e1"], Candidate)
    joint = map_statement(soce, tx, others=[oci, soce])
    assert isinstance(joint["e1"], ExtensionConcept)
    assert "another statement" in joint["e1"].reason
    assert joint["e1"].anchor == "ifrs-full:OtherComprehensiveIncome"


def test_map_statement_on_parsed_seeds(seeds_dir, tx):
    """Through the real parser (skipped until converter.extract is available)."""
    extract = pytest.importorskip("converter.extract")
    expected = {(r["statement"], " ".join(r["label"].split()), r["section"]): r["concept"]
                for r in SEED_ROWS}
    checked = agree = 0
    for path in sorted(seeds_dir.glob("0*.txt")):
        try:
            extraction = extract.extract_file(path)
        except Exception as exc:  # parser under construction elsewhere
            pytest.skip(f"parser not ready: {exc}")
        for statement in extraction.statements:
            mapping = map_statement(statement, tx, others=extraction.statements)
            for row in statement.value_rows():
                choice = mapping.get(row.id)
                if choice is None:
                    continue
                concept = choice.concept
                if statement.kind == "financial_position" or row.balance_role != "flow":
                    assert concept.period_type == "instant", row.label
                else:
                    assert concept.period_type == "duration", row.label
                key = (statement.kind, " ".join(row.label.split()),
                       " > ".join(" ".join(s.split()) for s in row.section))
                if key in expected and isinstance(choice, Candidate):
                    checked += 1
                    agree += concept.name == expected[key]
    if checked:
        assert agree / checked >= 0.9


# ----------------------------------------------------------------------------- CLI and speed
def test_run_map_text_and_json(tmp_path):
    text = run_map("Loss for the year", "income", None, 2, None, False)
    assert "ifrs-full:ProfitLoss" in text and "alias" in text
    data = json.loads(run_map("Put option liability", "financial_position",
                              "Current liabilities", 1, None, True))
    assert data["extension"]["anchor"] == "ifrs-full:CurrentLiabilities"
    labels = tmp_path / "labels.csv"
    labels.write_text("label,statement,section\nTurnover,income,\n"
                      "Trade payables,financial_position,Current liabilities\n")
    many = json.loads(run_map(None, None, None, 1, str(labels), True))
    assert [d["candidates"][0]["concept"] for d in many] == [
        "ifrs-full:Revenue", "ifrs-full:TradeAndOtherCurrentPayablesToTradeSuppliers"]
    with pytest.raises(InputError):
        run_map(None, None, None, 1, str(tmp_path / "missing.csv"), False)


def test_lookup_speed(tx):
    labels = [(r["label"], r["statement"], r["section"] or None) for r in SEED_ROWS]
    for lab, kind, sec in labels:
        tx.match(lab, kind, sec)
    rates = []
    for _ in range(3):  # best of three: the machine is shared with other test runs
        n = 0
        start = time.perf_counter()
        while n < 20_000:
            for lab, kind, sec in labels:
                tx.match(lab, kind, sec)
                n += 1
        rates.append(n / (time.perf_counter() - start))
    assert max(rates) >= 10_000, f"{max(rates):.0f} look-ups/s"


def test_ifrs_labels_find_their_own_concepts(tx):
    """Every IFRS line item of the primary statements, printed with its own standard label,
    maps back to itself (guards synonym rules that would distort taxonomy labels)."""
    role_kind = {"210000": "financial_position", "220000": "financial_position",
                 "310000": "income", "320000": "income", "410000": "comprehensive_income",
                 "420000": "comprehensive_income", "510000": "cash_flows",
                 "520000": "cash_flows", "610000": "changes_in_equity"}
    total = found = 0
    for name, entry in tx.entries.items():
        c = entry.concept
        if c.abstract or c.data_type not in ("xbrli:monetaryItemType",
                                             "dtr-2022:perShareItemType"):
            continue
        for kind in sorted({role_kind[r] for r in entry.roles if r in role_kind}):
            if kind == "financial_position" and c.period_type != "instant":
                continue
            total += 1
            top = tx.match(c.label, kind, top=1)
            found += bool(top) and top[0].concept.name == name
    assert total > 300
    assert found / total >= 0.95, f"{found}/{total}"


def test_same_printed_extension_label_in_two_sections_gets_two_names(tx):
    st_ = _stmt("cash_flows", [
        ("Others", ("Cash flows from investing activities",), ("-3", "-2"), "item"),
        ("Others", ("Cash flows from financing activities",), ("5", "1"), "item"),
    ])
    m = map_statement(st_, tx)
    names = {m["r0"].concept.name, m["r1"].concept.name}
    assert len(names) == 2 and "Others" in names
    assert "OthersCashFlowsFromFinancingActivities" in names


def test_unlabelled_rows_recovered_from_other_statements(tx):
    income = _stmt("income", [
        ("Revenue", (), ("900", "800"), "item"),
        ("Profit for the period", (), ("120", "95"), "total"),
    ])
    oci = _stmt("comprehensive_income", [
        ("", (), ("120", "95"), "item"),          # label lost by the extraction
        ("", (), ("-7", "3"), "item"),            # nothing elsewhere: stays unmapped
        ("Total of r0 to r1", (), ("113", "98"), "total"),
    ])
    alone = map_statement(oci, tx)
    assert "r0" not in alone
    joint = map_statement(oci, tx, others=[income, oci])
    assert joint["r0"].concept.name == "ProfitLoss"
    assert "elsewhere in the document" in joint["r0"].reasons[0]
    assert "r1" not in joint and "r2" not in joint


def test_block_arithmetic_decides_the_balance(tx):
    """Without headings, 'Deferred tax' reads as an asset first; the subtotal it adds into is
    a liability total, so the credit concept is taken (Calculations 1.1 weights +1)."""
    rows = [
        ("Borrowings", (), ("10", "9"), "item"),
        ("Deferred tax", (), ("5", "4"), "item"),
        ("Total non-current liabilities", (), ("15", "13"), "subtotal"),
    ]
    cols = [Column("2024", Period(date(2024, 12, 31))), Column("2023", Period(date(2023, 12, 31)))]
    assert tx.match("Deferred tax", "financial_position")[0].concept.name == "DeferredTaxAssets"
    m = map_statement(_stmt("financial_position", rows, columns=cols), tx)
    assert m["r1"].concept.name == "DeferredTaxLiabilities"
    assert any("sums into NoncurrentLiabilities" in r for r in m["r1"].reasons)
    # the same lines adding into an asset total keep the asset reading
    rows[2] = ("Total non-current assets", (), ("15", "13"), "subtotal")
    rows[0] = ("Property, plant and equipment", (), ("10", "9"), "item")
    m = map_statement(_stmt("financial_position", rows, columns=cols), tx)
    assert m["r1"].concept.name == "DeferredTaxAssets"


def test_extension_threshold_is_explicit(tx):
    """The threshold sits between the seeds' weakest IFRS match and strongest extension."""
    assert EXTENSION_THRESHOLD == 0.62
    ifrs, ext = [], []
    for r in SEED_ROWS:
        section = tuple(r["section"].split(" > ")) if r["section"] else None
        top = tx.match(r["label"], r["statement"], section, top=1)
        score = top[0].score if top else 0.0
        (ext if r["concept"] == "(extension)" else ifrs).append(score)
    assert min(ifrs) >= EXTENSION_THRESHOLD > max(ext)


def test_expense_layout_decides_other_expenses(tx):
    by_function = _stmt("income", [
        ("Revenue", (), ("100", "90"), "item"),
        ("Cost of sales", (), ("-60", "-50"), "item"),
        ("Other expenses", (), ("-5", "-4"), "item"),
    ])
    by_nature = _stmt("income", [
        ("Revenue", (), ("100", "90"), "item"),
        ("Employee benefit expenses", (), ("-60", "-50"), "item"),
        ("Other expenses", (), ("-5", "-4"), "item"),
    ])
    assert map_statement(by_function, tx)["r2"].concept.name == "OtherExpenseByFunction"
    assert map_statement(by_nature, tx)["r2"].concept.name == "OtherExpenseByNature"


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["income", "comprehensive_income", "financial_position",
                        "changes_in_equity", "cash_flows"]),
       st.lists(st.tuples(st.text(max_size=40), st.lists(st.text(max_size=20), max_size=2),
                          st.lists(st.one_of(st.none(), st.integers(-10**9, 10**9)),
                                   min_size=2, max_size=2),
                          st.sampled_from(["item", "subtotal", "total", "heading"])),
                max_size=12))
def test_map_statement_never_crashes(kind, rows):
    tx = Taxonomy.load()
    statement = _stmt(kind, [(label, tuple(sec), tuple(None if v is None else str(v)
                                                      for v in values), rk)
                             for label, sec, values, rk in rows])
    mapping = map_statement(statement, tx, others=[statement])
    for rid, choice in mapping.items():
        assert rid.startswith("r")
        concept = choice.concept
        assert not concept.abstract
        if kind == "financial_position":
            assert concept.period_type == "instant"


# ----------------------------------------------------------------------------- held-out list
def test_held_out_wordings_top1(tx):
    """Wordings of reporters never tuned on before they were written. Batch 1 (74: banks,
    insurers, property, retail, mining, by nature, discontinued, HK net-assets layout) first
    scored 44/74 (59.5%); batch 2 (35: utilities, airlines, telecoms, developers), written
    after the batch-1 fixes, first scored 29/35 (82.9%); batch 3 (37: IFRS 17 insurers, a
    fund, Canadian and South African wordings, shipping), written after them, first scored
    27/37 (73%); batch 4 (42: German, French, Japanese IFRS and Gulf wordings), written
    after those fixes, first scored 37/42 (88%); batch 5 (36: Indian, UK, banks, REITs, HK),
    first scored 32/36 (89%); batch 6 (32) is what the mapper missed on the fifth round of
    unseen announcements (Canadian, South African: 9/32 right before, a list of misses by
    construction); batch 7 (34: Australian, Latin American, Israeli, direct method), first
    scored 27/34 (79%); batch 8 (16) is the sixth round's misses on a Saudi announcement
    (8/16 right before). The general mechanisms added for them
    (phrase synonyms, section rules, aliases) must keep the list high, and the older list
    (test above) must not regress."""
    rows = _rows("held_out_labels.csv")
    assert len(rows) >= 60
    misses = [(r["label"], r["concept"], _top(tx, r)) for r in rows
              if _top(tx, r) != r["concept"]]
    assert 1 - len(misses) / len(rows) >= 0.90, misses


# ----------------------------------------------------------------------------- EPS rows
EPS_OCI_SECTION = ("Other comprehensive income",
                   "Items that may be reclassified subsequently to profit or loss")


@pytest.mark.parametrize("label,concept", [
    ("Basic (US cents)", "BasicEarningsLossPerShare"),
    ("Diluted (US cents)", "DilutedEarningsLossPerShare"),
    ("Basic (HK cents)", "BasicEarningsLossPerShare"),
    ("Diluted", "DilutedEarningsLossPerShare"),
    ("Basic and diluted (RMB)", "BasicEarningsLossPerShare"),
    ("- Basic", "BasicEarningsLossPerShare"),
    ("Basic (pence)", "BasicEarningsLossPerShare"),
])
@pytest.mark.parametrize("kind", ["income", "comprehensive_income"])
def test_bare_eps_words_are_eps_under_a_wrong_oci_section(tx, label, concept, kind):
    """Extraction can leave an OCI heading above the EPS lines: the words decide, and a
    per-share line is never pushed to an OCI concept by its section."""
    top = tx.match(label, kind, EPS_OCI_SECTION, period_type="duration")[0]
    assert top.concept.name == concept and top.score >= EXTENSION_THRESHOLD
    assert top.concept.data_type == "dtr-2022:perShareItemType"


@pytest.mark.parametrize("heading", [
    "Earnings per share attributable to ordinary equity holders of the parent",
    "Loss per share attributable to owners of the Company",
    "Earnings per share",
    "(Loss)/earnings per share (expressed in HK cents)",
])
def test_basic_diluted_under_any_per_share_heading(tx, heading):
    for label, concept in [("Basic", "BasicEarningsLossPerShare"),
                           ("Diluted (EUR)", "DilutedEarningsLossPerShare")]:
        assert tx.match(label, "income", (heading,))[0].concept.name == concept
        # an outer EPS heading with a sub-heading under it still counts
        assert tx.match(label, "income", (heading, "For profit for the year"))[0] \
            .concept.name == concept


def test_eps_words_need_eps_context(tx):
    """'Basic' is EPS by itself; a longer label is per-share only with a per-share signal."""
    assert tx.match("Weighted average number of ordinary shares - basic", "income",
                    ("Earnings per share",))[0].concept.data_type == "xbrli:sharesItemType"
    assert not tx.match("Basic salary", "income")[0].concept.data_type.endswith(
        "perShareItemType")


# ----------------------------------------------------------------------------- SoCE dividends
@pytest.mark.parametrize("label", [
    "Final 2024 dividend declared", "Interim dividend", "Dividends declared",
    "2023 final dividend", "Special dividend paid", "Dividends approved in respect of the "
    "previous year", "Final dividend for 2022 approved and paid", "Dividend",
])
def test_changes_in_equity_dividends(tx, label):
    """[610000] presents dividends as DividendsPaid ('Dividends recognised as distributions
    to owners'), whatever year or stage words the company prints."""
    top = tx.match(label, "changes_in_equity", ("Transactions with owners",))[0]
    assert top.concept.name == "DividendsPaid" and top.score >= EXTENSION_THRESHOLD


@pytest.mark.parametrize("label", ["Dividends paid to non-controlling interests",
                                   "Dividend paid to minority shareholders",
                                   "Dividends declared to non-controlling shareholders"])
def test_changes_in_equity_nci_dividends(tx, label):
    assert tx.match(label, "changes_in_equity")[0].concept.name == \
        "DividendsRecognisedAsDistributionsToNoncontrollingInterests"


# ----------------------------------------------------------------------------- cash flows
FIN = ("Cash flows from financing activities",)


@pytest.mark.parametrize("label", ["New bank loans", "New borrowings raised",
                                   "Drawdown of bank loans", "New loans raised",
                                   "Bank loans raised", "New term loans",
                                   "Proceeds from new bank borrowings"])
def test_new_borrowings(tx, label):
    top = tx.match(label, "cash_flows", FIN, printed_negative=False)[0]
    assert top.concept.name == "ProceedsFromBorrowingsClassifiedAsFinancingActivities"


@pytest.mark.parametrize("label", ["Effect of foreign exchange rate changes, net",
                                   "Effect of exchange rate fluctuations on cash held",
                                   "Effects of currency translation on cash and cash equivalents",
                                   "Effect of foreign exchange rate changes",
                                   "Net effect of exchange rate changes"])
@pytest.mark.parametrize("section", [(), FIN])   # extraction may leave the last heading
def test_exchange_rate_effect(tx, label, section):
    assert tx.match(label, "cash_flows", section)[0].concept.name == \
        "EffectOfExchangeRateChangesOnCashAndCashEquivalents"


@pytest.mark.parametrize("section", [("Adjustments for:",),
                                     ("Cash flows from operating activities", "Adjustments for")])
@pytest.mark.parametrize("label,concept", [
    ("Depreciation", "AdjustmentsForDepreciationExpense"),
    ("Depreciation of property, plant and equipment", "AdjustmentsForDepreciationExpense"),
    ("Depreciation of items of property and equipment", "AdjustmentsForDepreciationExpense"),
    ("Amortisation of intangible assets", "AdjustmentsForAmortisationExpense"),
    ("Share of results of associates", "AdjustmentsForUndistributedProfitsOfAssociates"),
    ("Share of profits and losses of associates",
     "AdjustmentsForUndistributedProfitsOfAssociates"),
    ("Share of profit of joint ventures",
     "AdjustmentsForUndistributedProfitsOfInvestmentsAccountedForUsingEquityMethod"),
    ("Finance costs", "AdjustmentsForFinanceCosts"),
])
def test_indirect_method_adjustments(tx, label, concept, section):
    assert tx.match(label, "cash_flows", section)[0].concept.name == concept


@pytest.mark.parametrize("label", ["Proceeds from sale of investments",
                                   "Proceeds from disposal of other investments",
                                   "Proceeds from sales of long-term investments"])
def test_proceeds_from_investments(tx, label):
    top = tx.match(label, "cash_flows", ("Cash flows from investing activities",))[0]
    assert top.concept.name == \
        "ProceedsFromSalesOfInvestmentsOtherThanInvestmentsAccountedForUsingEquityMethod"


# ----------------------------------------------------------------------------- P&L, OCI, BS
@pytest.mark.parametrize("label", ["Other income and gains", "Other income and gains, net",
                                   "Other income & gains", "Other gains and income"])
def test_other_income_and_gains_is_other_income(tx, label):
    """A combined credit line: OtherIncome (operating income not disclosed separately)."""
    assert tx.match(label, "income")[0].concept.name == "OtherIncome"


@pytest.mark.parametrize("label", ["Revaluation surplus", "Surplus on revaluation of buildings",
                                   "Gain on property revaluation",
                                   "Revaluation surplus, net of deferred tax",
                                   "Surplus on revaluation of land and buildings"])
def test_revaluation_surplus_in_oci(tx, label):
    for section in [(), ("Items that will not be reclassified to profit or loss",)]:
        assert tx.match(label, "comprehensive_income", section)[0].concept.name == \
            "OtherComprehensiveIncomeNetOfTaxGainsLossesOnRevaluation"


@pytest.mark.parametrize("label", ["Net assets", "NET ASSETS", "Total net assets"])
def test_net_assets_is_assets_less_liabilities(tx, label):
    """IFRS documents NetAssetsLiabilities as 'the amount of assets less the amount of
    liabilities' (net label 'Net assets (liabilities)'): the HK line; 'Total equity' below
    it carries Equity."""
    assert tx.match(label, "financial_position")[0].concept.name == "NetAssetsLiabilities"
    assert tx.match("Total equity", "financial_position",
                    ("Capital and reserves",))[0].concept.name == "Equity"


# ----------------------------------------------------------------------------- extensions
@pytest.mark.parametrize("label", [
    "Recognition of financial instruments with preferred rights at amortised cost",
    "Cost of hedging transferred", "Loss on deemed disposal of a subsidiary",
])
def test_changes_in_equity_extensions_are_credit(tx, label):
    """A movement of equity is a change in equity (credit, like the [610000] concepts),
    even when its words sound like an expense; a reduction is a negative credit."""
    ext = propose_extension(label, "changes_in_equity", ("Transactions with owners",),
                            None, None, taxonomy=tx)
    assert ext.concept.balance == "credit"
    soce = Statement("changes_in_equity", "t",
                     [Column("Reserve", component="Other reserve"),
                      Column("Total", component="Total")],
                     [Row(label, [Cell(Decimal(-75)), Cell(Decimal(-75))], 1,
                          section=("Transactions with owners",),
                          period=Period(date(2024, 12, 31), date(2024, 1, 1)), id="x")])
    choice = map_statement(soce, tx)["x"]
    assert isinstance(choice, ExtensionConcept) and choice.concept.balance == "credit"


def test_extension_names_unique_across_the_document(tx):
    """'Carbon credits' in the balance sheet (instant) and in the cash-flow statement
    (duration) are two elements; the statement mapped later takes a statement qualifier."""
    bs = _stmt("financial_position", [("Carbon credits", (), ("3", "2"), "item")],
               columns=[Column("2024", Period(date(2024, 12, 31))),
                        Column("2023", Period(date(2023, 12, 31)))])
    cf = _stmt("cash_flows", [("Sundry items", ("Cash flows from investing activities",),
                               ("-3", "-2"), "item")])
    bs_alone = map_statement(bs, tx)["r0"]
    assert isinstance(bs_alone, ExtensionConcept)
    clash = _stmt("cash_flows", [(bs_alone.concept.label, (), ("-3", "-2"), "item")])
    cf_alone = map_statement(clash, tx)["r0"]
    assert cf_alone.concept.name == bs_alone.concept.name     # what a per-statement view sees
    joint = map_statement(clash, tx, others=[bs, clash, cf])["r0"]
    assert joint.concept.name != bs_alone.concept.name
    assert joint.concept.name.endswith("CashFlows") and joint.concept.period_type == "duration"
    # the earlier statement keeps the plain name
    assert map_statement(bs, tx, others=[bs, clash])["r0"].concept.name == bs_alone.concept.name
    # an identical definition proposed twice stays one element (bind keeps one copy)
    again = map_statement(bs, tx, others=[bs, _stmt("financial_position", [])])["r0"]
    assert again.concept == bs_alone.concept


@pytest.mark.parametrize("label,concept", [
    ("Fuel costs", "FuelExpense"),
    ("Utilities expenses", "UtilitiesExpense"),
    ("Advertising costs", "AdvertisingExpense"),
    ("Insurance costs", "InsuranceExpense"),
    ("Employee compensation and benefits", "EmployeeBenefitsExpense"),
    ("Staff remuneration", "EmployeeBenefitsExpense"),
    ("Interest and similar income", "RevenueFromInterest"),
    ("Interest and similar charges", "InterestExpense"),
    ("Tax on profit on ordinary activities", "IncomeTaxExpenseContinuingOperations"),
    ("Taxes on income", "IncomeTaxExpenseContinuingOperations"),
    ("Profit on ordinary activities before taxation", "ProfitLossBeforeTax"),
])
def test_income_statement_wordings(tx, label, concept):
    """"costs"/"expenses"/"charges" are one word to IFRS; regional wordings of IAS 1 lines."""
    top = tx.match(label, "income")[0]
    assert top.concept.name == concept and top.score >= EXTENSION_THRESHOLD


@pytest.mark.parametrize("label,concept", [
    ("Capital expenditure on property, plant and equipment",
     "PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities"),
    ("Capital expenditure on intangible assets",
     "PurchaseOfIntangibleAssetsClassifiedAsInvestingActivities"),
])
def test_capital_expenditure_is_a_purchase(tx, label, concept):
    top = tx.match(label, "cash_flows", ("Cash flows from investing activities",))[0]
    assert top.concept.name == concept


@pytest.mark.parametrize("label", ["Proceeds from issue of bonds",
                                   "Net proceeds from issuance of senior notes",
                                   "Proceeds from issue of guaranteed notes due 2030"])
def test_bond_issues(tx, label):
    assert tx.match(label, "cash_flows", FIN)[0].concept.name == \
        "ProceedsFromIssueOfBondsNotesAndDebentures"


@pytest.mark.parametrize("label", ["Cash flow hedges", "Cash flow hedges - net movement",
                                   "Net fair value changes on cash flow hedges",
                                   "Net movement in cash flow hedging reserve",
                                   "Cash flow hedges, net of tax"])
def test_cash_flow_hedge_net_line(tx, label):
    """One net line per hedge type is the OCI total for cash flow hedges."""
    top = tx.match(label, "comprehensive_income",
                   ("Items that may be reclassified subsequently to profit or loss",))[0]
    assert top.concept.name == "OtherComprehensiveIncomeNetOfTaxCashFlowHedges"


# ----------------------------------------------------------------------------- first-time speed
def _stream() -> list[tuple[str, str | None, tuple[str, ...] | None]]:
    out = []
    for name in ("seed_expected_concepts.csv", "other_issuer_labels.csv",
                 "held_out_labels.csv"):
        for r in _rows(name):
            out.append((r["label"], r["statement"] or None,
                        tuple(r["section"].split(" > ")) if r["section"] else None))
    return out


def test_first_time_lookup_speed(tx):
    """Labels never seen before (every memo keyed by label or heading text cleared): the
    figure a new document sees. bench/bench_mapping.py prints it (about 5,000/s on the
    shared 2-core machine); the floor here leaves room for a busy one."""
    from converter import mapping_query, taxonomy_index
    stream = _stream()
    rates = []
    for _ in range(3):
        tx.clear_cache()
        taxonomy_index.clean_label.cache_clear()
        taxonomy_index.canonical.cache_clear()
        mapping_query.clear_memo()
        start = time.perf_counter()
        for label, statement, section in stream:
            tx.match(label, statement, section)
        rates.append(len(stream) / (time.perf_counter() - start))
    assert max(rates) >= 1_600, f"{max(rates):.0f} first-time look-ups/s"


def test_label_weights_add_up_exactly(tx):
    """The search's sums do not depend on their order (numpy's, a set's): every IDF weight
    is on a 2**-30 grid, so any sum of them is exact."""
    import math
    import random
    idf = list(tx.search.idf.values())
    rng = random.Random(7)
    for _ in range(500):
        words = rng.sample(idf, rng.randint(2, 30))
        assert sum(words) == math.fsum(words) == sum(sorted(words))


def test_heading_facts_and_label_words_combine():
    """Headings are read once per path (``section_facts``); the label's own words add to
    them as they did over the joined "headings > label" text."""
    from converter.mapping_query import build_query, section_facts
    oci = section_facts(("Other comprehensive income",
                         "Items that will not be reclassified to profit or loss"))
    assert oci.reclass == "not" and oci.inner.startswith("items that will not")
    assert section_facts(["Non-current liabilities"]) == section_facts(("Non-current liabilities",))
    assert section_facts("Current assets").current and not section_facts(None).current
    # "not" in either place wins, as in the joined text
    q = build_query("Gains that may be reclassified", "comprehensive_income",
                    ("Items that will not be reclassified",), None, None)
    assert q.reclass == "not"
    q = build_query("Fair value gains not reclassified", "comprehensive_income",
                    ("Items that may be reclassified subsequently",), None, None)
    assert q.reclass == "not"
    # the last activity named (operating, investing, financing order) wins
    q = build_query("Net cash used in investing activities", "cash_flows",
                    ("Operating activities",), None, None)
    assert q.activity == "investing"
    q = build_query("Interest paid", "cash_flows", ("Cash flows from financing activities",),
                    None, None)
    assert q.activity == "financing"
    assert build_query("Loss for the period from discontinued operations", "income", None,
                       None, None).discontinued


def _unpruned(tx: Taxonomy, label, statement, section, top: int,
              negative: bool | None = None) -> list[Candidate]:
    """The ranking of ``_rank`` written the plain way, with sets and loops instead of
    arrays and no bound: the pool (concepts with a recruiting word, best Dice bound first,
    ties in index order), every reading of every pooled concept compared with every query
    set, the first ``max(3 * top, 15)`` by rough score all scored."""
    from converter.label_search import COMMON_POSTINGS, POOL_LIMIT
    from converter.mapping_query import build_query
    from converter.mapping_score import score_candidate
    from converter.taxonomy_index import PRIMARY_ROLES
    search = tx.search
    q = build_query(label, statement, section, None, negative)
    aliases = tx._aliases_for(q)
    sets = [frozenset(search.correct(t) for t in v.split()) for v in q.variants]

    def weight(words) -> float:     # exact in any order: the weights are on a 2**-30 grid
        return sum(search.idf.get(t, search.unknown_idf) for t in words)

    def readings(name: str) -> list[tuple[str, frozenset[str]]]:
        return [(text, frozenset(text.split())) for text in tx.entries[name].search]

    least = min((weight(s) for s in sets), default=0.0)
    known = {t for s in sets for t in s if t in search.idf}
    rare = {t for t in known if len(search.postings[t]) <= COMMON_POSTINGS} or known
    recruited = {n for t in rare for n in search.postings[t]}
    index = {n: i for i, n in enumerate(tx.entries)}

    def bound(name: str) -> float:
        words = frozenset().union(*(w for _t, w in readings(name)))
        lightest = min(weight(text.split()) for text, _w in readings(name))
        return weight(known & words) / (least + lightest)

    pool = sorted(recruited, key=lambda n: (-bound(n), index[n]))[:POOL_LIMIT]
    primary = PRIMARY_ROLES.get(statement or "", frozenset())
    admissible = tx._admissible(q)
    rough = []
    for name in dict.fromkeys([*aliases, *pool]):
        if name not in admissible:
            continue
        sim, best = 0.0, ""
        for qset in sets:
            for text, words in readings(name):
                shared = qset & words
                dice = 2.0 * weight(shared) / (weight(qset) + weight(words))
                if shared and dice > sim:
                    sim, best = dice, text
        entry = tx.entries[name]
        bonus = (0.20 if name in aliases else 0.0) + (0.10 if entry.roles & primary else 0.0)
        rough.append((0.7 * (1.0 if name in aliases else sim) + bonus, name, sim, best))
    rough.sort(key=lambda r: -r[0])
    scored = [score_candidate(tx.entries, tx.entries[n], q, sim, text, aliases.get(n))
              for _r, n, sim, text in rough[:max(3 * top, 15)]]
    scored.sort(key=lambda c: (-c.score, len(c.concept.name), c.concept.name))
    return scored[:top]


@pytest.mark.parametrize("top", [1, 5, 8, 15])
def test_pruning_never_changes_a_ranking(tx, top):
    """The array search and the array scoring give every ranking of every label we have,
    under its statement and under none, as the plain reference (``score_candidate`` one
    candidate at a time) gives it: concepts, scores and reasons (top 15 reaches every
    finalist's score)."""
    for label, statement, section in _stream():
        for kind in (statement, None):
            tx.clear_cache()
            assert tx.match(label, kind, section, top=top) == \
                _unpruned(tx, label, kind, section, top), (label, kind, section)


@settings(max_examples=150, deadline=None)
@given(label=st.sampled_from(["Net", "Other", "Total", "Finance costs", "Profit for the year",
                              "Revenne", "Cash and bank balances", "Basic", "Net gains"]),
       extra=st.text(alphabet="abcdeilnorst ()/-", max_size=18),
       kind=st.sampled_from([None, "income", "financial_position", "cash_flows",
                             "comprehensive_income", "changes_in_equity"]),
       negative=st.sampled_from([None, True, False]))
def test_pruning_never_changes_a_ranking_of_any_text(tx, label, extra, kind, negative):
    text = f"{label} {extra}"
    section = ("Non-current assets",) if kind == "financial_position" else None
    tx.clear_cache()
    assert tx.match(text, kind, section, printed_negative=negative) == \
        _unpruned(tx, text, kind, section, 5, negative)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_spelling_repair_is_the_whole_vocabulary_answer(tx, data):
    """Only words that can reach the cutoff are compared: same answer as all 900+."""
    import difflib
    vocab = tx.search.vocabulary
    word = data.draw(st.sampled_from(vocab))
    edits = data.draw(st.lists(st.tuples(st.integers(0, 30), st.sampled_from("aeinorstx")),
                               max_size=3))
    for pos, ch in edits:   # substitutions and insertions, as OCR damage does
        pos %= len(word) + 1
        word = word[:pos] + ch + word[pos + (1 if pos % 2 else 0):]
    if len(word) < 5:
        return
    assert difflib.get_close_matches(word, tx.search._spelling_candidates(word), 1, 0.8) == \
        difflib.get_close_matches(word, vocab, 1, 0.8)


# ----------------------------------------------------------------------------- many at once
def test_match_many_is_match_label_by_label(tx):
    """One call for a list gives, in order, what ``match`` gives for each label."""
    stream = _stream()
    requests = [(label, kind, section, None, negative) for label, kind, section in stream
                for negative in (None, True)]
    tx.clear_cache()
    together = tx.match_many(requests, top=8)
    tx.clear_cache()
    alone = [tx.match(*r[:3], printed_negative=r[4], top=8) for r in requests]
    assert together == alone
    assert len(together) == len(requests) > 1000


def test_match_many_requests_and_errors(tx):
    from converter.mapping import LabelRequest
    tx.clear_cache()
    a, b, c, d = tx.match_many([
        "Revenue", ("Revenue",), ("Inventories", "financial_position", ("Current assets",)),
        LabelRequest("Revenue", "income", ("Continuing operations",))])
    assert a == b == tx.match("Revenue")
    assert c[0].concept.name == "Inventories" and d[0].concept.name == "Revenue"
    assert tx.match_many([]) == []
    with pytest.raises(InputError, match="statement kind"):
        tx.match_many([("Revenue", "balance_sheet")])
    with pytest.raises(InputError, match="period type"):
        tx.match_many([("Revenue", None, None, "annual")])
    for bad in ([42], [("Revenue", "income", None, None, None, "extra")], [()], [(None,)]):
        with pytest.raises(InputError):
            tx.match_many(bad)


def test_candidates_explain_themselves_when_read(tx):
    """Reasons are worked out on first read, and a lazy candidate equals, pickles and
    prints as the eager one."""
    import pickle
    from converter.mapping_score import Candidate
    tx.clear_cache()
    found = tx.match("Trade and other receivables", "financial_position",
                     ("Current assets",), top=3)
    best = found[0]
    assert best._reasons is None                    # not explained yet
    eager = Candidate(best.concept, best.score, best.reasons, best.also)
    assert best == eager and hash(best) == hash(eager)
    assert any("section fit: current" in r for r in best.reasons)
    assert pickle.loads(pickle.dumps(found[1])) == found[1]
    assert "reasons=" in repr(found[2])
    with pytest.raises(AttributeError):
        best.score = 1.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(
    st.text(alphabet="abcdeilnorstu ()/-&'0123456789", max_size=30),
    st.sampled_from([None, "income", "financial_position", "cash_flows",
                     "comprehensive_income", "changes_in_equity"]),
    st.sampled_from([None, ("Current assets",), ("Operating activities", "Adjustments for:"),
                     ("Items that may be reclassified",)]),
    st.sampled_from([None, "instant", "duration"]),
    st.sampled_from([None, True, False])), max_size=12))
def test_match_many_of_any_text_is_match_of_each(tx, requests):
    """Any list of labels (untrusted text, repeats included): one call gives what a call
    per label gives, and never raises."""
    tx.clear_cache()
    together = tx.match_many(requests, top=3)
    tx.clear_cache()
    assert together == [tx.match(label, kind, section, period_type=period,
                                 printed_negative=negative, top=3)
                        for label, kind, section, period, negative in requests]
