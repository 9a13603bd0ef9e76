"""Statement of changes in equity: seeds against hand-checked tables, inline layouts of other
issuers, and a property test (re-spacing and re-wrapping a statement keeps its cells)."""
from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.equity import balance_date, equity_identities, parse_equity
from converter.locate import locate_statements
from converter.model import Cell, Period, Statement
from converter.reader import document_from_text, read_document

from conftest import SEED_FILES

EXPECTED = Path(__file__).parent / "expected"
# Without the seeds, one id still runs so that the seeds_dir fixture reports the skip.
SEEDS = SEED_FILES or ["000_5d73ce84c67abf70.txt"]


# --------------------------------------------------------------------------- helpers
def cell_text(c: Cell | None) -> str:
    """How a cell is written in the expected tables: value as printed, nil, *, =derived."""
    if c is None:
        return ""
    if c.less_than_unit:
        return c.text
    if c.nil and c.provenance != "derived":
        return "nil"
    prefix = "=" if c.provenance == "derived" else ""
    return prefix + str(c.value)


def table(stmt: Statement) -> list[list[str]]:
    head = ["label", "kind", "balance_role", "start", "end"] + [
        c.component or c.header for c in stmt.columns]
    out = [head]
    for r in stmt.rows:
        p = r.period
        out.append([r.label, r.kind, r.balance_role,
                    str(p.start) if p else "", str(p.end) if p else ""]
                   + [cell_text(c) for c in r.cells])
    return out


def parse_text(text: str, title: str = "Statement of changes in equity"):
    doc = document_from_text(text)
    stmt, issues = parse_equity(doc, 1, len(doc.lines), title)
    return stmt, issues


def seed_statement(seeds_dir: Path, name: str):
    doc = read_document(seeds_dir / name)
    block = next(b for b in locate_statements(doc) if b.kind == "changes_in_equity")
    return parse_equity(doc, block.first_line, block.last_line, block.title)


# --------------------------------------------------------------------------- seeds
@pytest.mark.parametrize("name", SEEDS)
def test_seed_matches_expected_table(seeds_dir: Path, name: str, update_golden: bool) -> None:
    stmt, issues = seed_statement(seeds_dir, name)
    assert stmt is not None, [i.message for i in issues]
    got = table(stmt)
    path = EXPECTED / Path(name).stem / "changes_in_equity.csv"
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh, lineterminator="\n").writerows(got)
        pytest.skip("expected table rewritten")
    with path.open(newline="", encoding="utf-8") as fh:
        want = list(csv.reader(fh))
    assert got[0] == want[0], "columns differ"
    bad = [(i, j, want[i][j] if i < len(want) else None, got[i][j])
           for i in range(1, max(len(got), len(want)))
           for j in range(len(want[0]))
           if i >= len(got) or i >= len(want) or got[i][j] != want[i][j]]
    assert not bad, bad[:10]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_identities_hold(seeds_dir: Path, name: str) -> None:
    stmt, issues = seed_statement(seeds_dir, name)
    ids = equity_identities(stmt)
    assert len(ids) > 60
    assert [i.name for i in ids if not i.holds] == []
    assert not [i for i in issues if i.severity == "error"]
    assert not [i for i in issues if i.code in ("equity.cross_foot", "equity.down_foot")]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_without_tabs_gives_the_same_matrix(seeds_dir: Path, name: str) -> None:
    """Another extractor's layout: tabs become runs of spaces, blank cells vanish. The
    arithmetic must put every figure back where the tabbed reading had it."""
    import re
    from dataclasses import replace
    doc = read_document(seeds_dir / name)
    block = next(b for b in locate_statements(doc) if b.kind == "changes_in_equity")
    lines = tuple(replace(ln, text=re.sub(r"\s*\t\s*", "  ", ln.text).strip())
                  if block.first_line <= ln.no <= block.last_line else ln for ln in doc.lines)
    stmt, issues = parse_equity(replace(doc, lines=lines), block.first_line, block.last_line,
                                block.title)
    want = list(csv.reader((EXPECTED / Path(name).stem / "changes_in_equity.csv").open()))
    got = table(stmt)
    norm = {"": "0", "nil": "0"}
    assert [r[:3] for r in got] == [r[:3] for r in want]
    assert [[norm.get(v, v.lstrip("=")) for v in r[5:]] for r in got[1:]] == [
        [norm.get(v, v.lstrip("=")) for v in r[5:]] for r in want[1:]]
    assert not [i for i in issues if i.severity == "error"]


# --------------------------------------------------------------------------- other layouts
HK = (
    "CONSOLIDATED STATEMENT OF CHANGES IN EQUITY\n"
    "For the year ended 31 December 2023\n"
    "\n"
    "\tAttributable to owners of the Company\t\t\t\t\t\n"
    "\tShare\tShare\tRetained\t\tNon-controlling\tTotal\n"
    "\tcapital\tpremium\tearnings\tTotal\tinterests\tequity\n"
    "\tHK$'000\tHK$'000\tHK$'000\tHK$'000\tHK$'000\tHK$'000\n"
    "Balance at 1 January 2023\t1,000\t20,000\t5,500\t26,500\t700\t27,200\n"
    "Profit for the year\t–\t–\t3,200\t3,200\t150\t3,350\n"
    "Total comprehensive income for the year\t–\t–\t3,200\t3,200\t150\t3,350\n"
    "Transactions with owners\t\t\t\t\t\t\n"
    "Dividends paid\t–\t–\t(1,800)\t(1,800)\t(50)\t(1,850)\n"
    "Issue of shares upon exercise of\t\t\t\t\t\t\n"
    "share options\t100\t900\t–\t1,000\t–\t1,000\n"
    "Total transactions with owners\t100\t900\t(1,800)\t(800)\t(50)\t(850)\n"
    "Balance at 31 December 2023\t1,100\t20,900\t6,900\t28,900\t800\t29,700\n"
)


def test_hk_layout_wrapped_header_and_labels() -> None:
    stmt, issues = parse_text(HK)
    assert stmt is not None
    assert [c.component for c in stmt.columns] == [
        "Share capital", "Share premium", "Retained earnings", "Total",
        "Non-controlling interests", "Total equity"]
    assert stmt.unit.currency == "HKD" and stmt.unit.scale == 3
    labels = [r.label for r in stmt.rows]
    assert "Issue of shares upon exercise of share options" in labels
    by = {r.label: r for r in stmt.rows}
    assert by["Balance at 1 January 2023"].balance_role == "opening"
    assert by["Balance at 31 December 2023"].balance_role == "closing"
    assert by["Transactions with owners"].kind == "heading"
    assert by["Total transactions with owners"].kind == "subtotal"
    assert by["Dividends paid"].section == ("Transactions with owners",)
    div = by["Dividends paid"].cells
    assert div[0].nil and div[2].value == Decimal(-1800) and div[5].value == Decimal(-1850)
    assert all(r.period == Period(start=date(2023, 1, 1), end=date(2023, 12, 31))
               for r in stmt.rows)
    assert [r.id for r in stmt.rows] == [f"r{i}" for i in range(1, len(stmt.rows) + 1)]
    assert not [i for i in issues if i.severity != "info"], issues
    assert all(i.holds for i in equity_identities(stmt))


def test_cross_foot_failure_is_flagged_with_line() -> None:
    bad = HK.replace("Dividends paid\t–\t–\t(1,800)\t(1,800)\t(50)\t(1,850)",
                     "Dividends paid\t–\t–\t(1,800)\t(1,900)\t(50)\t(1,850)")
    stmt, issues = parse_text(bad)
    codes = {(i.code, i.line) for i in issues}
    line = next(i + 1 for i, t in enumerate(bad.splitlines()) if t.startswith("Dividends"))
    assert ("equity.cross_foot", line) in codes
    assert any(i.code == "equity.down_foot" for i in issues)


def test_closing_row_scattered_and_two_blocks() -> None:
    text = (
        "STATEMENT OF CHANGES IN EQUITY\n"
        "\tShare capital RMB'000\tRetained earnings RMB'000\tTotal equity RMB'000\n"
        "At 1 April 2023\t500\t1,000\t1,500\n"
        "Profit for the year\t-\t200\t200\n"
        "Dividends paid\t-\t(100)\t(100)\n"
        "At 31 March 2024\t500\t1,100\t1,600\n"
        "\n"
        "\tShare capital RMB'000\tRetained earnings RMB'000\tTotal equity RMB'000\n"
        "At 1 April 2022\t400\t950\t1,350\n"
        "Profit for the year\t-\t50\t50\n"
        "Issue of shares\t100\t-\t100\n"
        "\n1,000\n\n500\n\n1,500\n\n"
        "At 31 March 2023\n"
    )
    stmt, issues = parse_text(text, "Statement of changes in equity for the year ended 31 March")
    closing = [r for r in stmt.rows if r.balance_role == "closing"]
    assert [r.label for r in closing] == ["At 31 March 2024", "At 31 March 2023"]
    assert [c.value for c in closing[1].cells] == [500, 1000, 1500]
    assert closing[1].cells[0].line == text.splitlines().index("500") + 1
    assert {r.period.start.year for r in stmt.rows} == {2022, 2023}
    assert not [i for i in issues if i.severity == "error"]


def test_packed_labels_and_duplicate_layer() -> None:
    text = (
        "Condensed statement of changes in equity\n"
        "\tIssued capital\tOther reserves\tAccumulated losses\tTotal\n"
        "As at 1 January 2024\t10\t300\t(100)\t210\n"
        "Comprehensive income Profit for the period Fair value changes on equity\t-\t-\t40\t40\n"
        "investments at fair value through other comprehensive income\t-\t(5)\t-\t(5)\n"
        "Currency translation differences\t\t1.234\t\t1 234\n"
        "Currency translation differences\t\t12\t\t12\n"
        "As at 30 June 2024\t10\t307\t(60)\t257\n"
    )
    stmt, issues = parse_text(text, "Interim statement of changes in equity for the six months")
    labels = [r.label for r in stmt.rows]
    assert labels[:4] == ["As at 1 January 2024", "Comprehensive income", "Profit for the period",
                          "Fair value changes on equity investments at fair value through "
                          "other comprehensive income"]
    assert stmt.rows[1].kind == "heading"
    assert stmt.rows[2].cells[2].value == 40
    assert any(i.code == "equity.noise" for i in issues)
    assert stmt.rows[0].period.end.month == 6
    assert all(i.holds for i in equity_identities(stmt))


def test_collapsed_blank_cells_placed_by_arithmetic() -> None:
    # No tabs: blank cells vanish; the across and down identities say where figures go.
    text = (
        "STATEMENT OF CHANGES IN EQUITY\n"
        "Share capital HK$'000  Share premium HK$'000  Retained earnings HK$'000  "
        "Total HK$'000  Non-controlling interests HK$'000  Total equity HK$'000\n"
        "Balance at 1 January 2024  100  200  300  600  50  650\n"
        "Profit for the year  30  30  5  35\n"
        "Dividends paid  (20)  (20)  (20)\n"
        "Balance at 31 December 2024  100  200  310  610  55  665\n"
    )
    stmt, issues = parse_text(text)
    by = {r.label: r for r in stmt.rows}
    assert [c.value if c else None for c in by["Profit for the year"].cells] == [
        None, None, 30, 30, 5, 35]
    assert [c.value if c else None for c in by["Dividends paid"].cells] == [
        None, None, -20, -20, None, -20]
    assert not [i for i in issues if i.severity == "error"]


def test_ambiguous_short_row_is_unresolved_not_guessed() -> None:
    text = (
        "STATEMENT OF CHANGES IN EQUITY\n"
        "Share capital HK$'000  Share premium HK$'000  Total HK$'000\n"
        "Balance at 1 January 2024  100  100  200\n"
        "Capital reorganisation  50  50\n"
        "Dividends paid  (10)  (10)\n"
    )
    stmt, issues = parse_text(text)
    errs = [i for i in issues if i.code == "equity.unresolved"]
    assert errs and errs[0].severity == "error" and errs[0].line == 4


def test_no_header_is_an_issue() -> None:
    stmt, issues = parse_text("Statement of changes in equity\nNothing here\n")
    assert stmt is None and issues[0].code == "equity.no_header"


@pytest.mark.parametrize("label,when", [
    ("As at 1 January 2024", (2024, 1, 1)), ("Balance at 31 December 2023", (2023, 12, 31)),
    ("At June 30, 2024", (2024, 6, 30)), ("Balance as at 1 April 2022 (restated)", (2022, 4, 1)),
    ("Profit for the year", None), ("At fair value", None)])
def test_balance_date(label: str, when: tuple[int, int, int] | None) -> None:
    got = balance_date(label)
    assert (got.timetuple()[:3] if got else None) == when


# --------------------------------------------------------------------------- property
COMPS = ["Share capital", "Share premium", "Retained earnings", "Total",
         "Non-controlling interests", "Total equity"]
FLOWS = ["Profit for the year", "Other comprehensive income for the year",
         "Dividends paid to owners of the company", "Issue of new shares under the share scheme"]


def fmt(v: int) -> str:
    return "–" if v == 0 else f"({-v:,})" if v < 0 else f"{v:,}"


@st.composite
def statements(draw):
    amounts = st.integers(min_value=-50_000, max_value=50_000)
    def row() -> list[int]:
        a, b, c, nci = (draw(st.one_of(st.just(0), amounts)) for _ in range(4))
        return [a, b, c, a + b + c, nci, a + b + c + nci]
    opening = row()
    flows = [row() for _ in FLOWS]
    closing = [opening[i] + sum(f[i] for f in flows) for i in range(6)]
    layout = {
        "pad": draw(st.lists(st.sampled_from(["", " ", "  "]), min_size=60, max_size=60)),
        "wraps": draw(st.lists(st.integers(min_value=0, max_value=3), min_size=4, max_size=4)),
        "top": draw(st.booleans()),             # wrapped label: figures on its first line
        "blanks": draw(st.lists(st.booleans(), min_size=6, max_size=6)),
        "split_header": draw(st.booleans()),
        "spaces": draw(st.booleans()),          # no tabs: cells separated by runs of spaces
        "zero_blank": draw(st.booleans()),      # zero printed as an empty cell, not a dash
        "scatter": draw(st.permutations(range(6)) | st.none()),  # closing figures apart
        "aligned": draw(st.booleans()),         # layout text: fixed-width columns
    }
    return opening, flows, closing, layout


def render_aligned(opening, flows, closing, layout) -> str:
    """pdftotext -layout style: figures right-aligned in fixed columns, names wrapped."""
    def line(label: str, vals: list[str]) -> str:
        return f"{label:<48}" + "".join(f"{v:>17}" for v in vals)
    out = ["Statement of changes in equity", ""]
    out.append(line("", [c.split(" ", 1)[0] for c in COMPS]))
    out.append(line("", [(c.split(" ", 1) + [""])[1] for c in COMPS]))
    out.append(line("", ["HK$'000"] * 6))
    out.append(line("Balance at 1 January 2024", [fmt(v) for v in opening]))
    for k, (label, vals) in enumerate(zip(FLOWS, flows)):
        words = label.split(" ")
        cut = layout["wraps"][k]
        if cut and len(words) > cut + 1 and words[cut][0].islower():
            out += [" ".join(words[:cut]), line(" ".join(words[cut:]), [fmt(v) for v in vals])]
        else:
            out.append(line(label, [fmt(v) for v in vals]))
    out.append(line("Balance at 31 December 2024", [fmt(v) for v in closing]))
    return "\n".join(out) + "\n"


def render(opening, flows, closing, layout) -> str:
    if layout["aligned"]:
        return render_aligned(opening, flows, closing, layout)
    p = iter(layout["pad"] * 4)
    spaces = layout["spaces"]
    def cells(vals: list[int]) -> str:
        # A row of blanks only would be a heading: such rows print their zeros as dashes.
        blank_zero = layout["zero_blank"] and not spaces and any(vals)
        if spaces:
            return "  ".join(fmt(v) for v in vals)
        return "\t".join(f"{next(p)}{'' if blank_zero and v == 0 else fmt(v)}{next(p)}"
                         for v in vals)
    sep = "  " if spaces else "\t"
    out = ["Statement of changes in equity", ""]
    if layout["split_header"] and not spaces:
        out.append("\t" + "\t".join(c.split(" ", 1)[0] for c in COMPS))
        out.append("\t" + "\t".join((c.split(" ", 1) + [""])[1] + " HK$'000" for c in COMPS))
    else:
        out.append(("\t" if not spaces else "") + sep.join(f"{c} HK$'000" for c in COMPS))
    out.append(f"Balance at 1 January 2024{sep}{cells(opening)}")
    for k, (label, vals) in enumerate(zip(FLOWS, flows)):
        words = label.split(" ")
        cut = layout["wraps"][k]
        if layout["blanks"][k]:
            out.append("")
        if cut and len(words) > cut + 1 and words[cut][0].islower():
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            if layout["top"]:
                out += [f"{head}{sep}{cells(vals)}", tail]
            else:
                out += [head + ("" if spaces else "\t" * 6), f"{tail}{sep}{cells(vals)}"]
        else:
            out.append(f"{label}{sep}{cells(vals)}")
    if layout["scatter"] is not None:
        for i in layout["scatter"]:
            if closing[i] or not (layout["zero_blank"] and not spaces):
                out += ["", fmt(closing[i])]
        out += ["", "Balance at 31 December 2024"]
    else:
        out.append(f"Balance at 31 December 2024{sep}{cells(closing)}")
    return "\n".join(out) + "\n"


@settings(max_examples=150, deadline=None)
@given(statements())
def test_respacing_and_rewrapping_keeps_cells(case) -> None:
    opening, flows, closing, layout = case
    stmt, issues = parse_text(render(*case))
    assert stmt is not None
    assert [c.component for c in stmt.columns] == COMPS
    assert [r.label for r in stmt.rows] == [
        "Balance at 1 January 2024", *FLOWS, "Balance at 31 December 2024"]
    blank_zero = layout["zero_blank"] and not layout["spaces"] and not layout["aligned"]
    for r, want in zip(stmt.rows, [opening, *flows, closing]):
        scattered = (r.balance_role == "closing" and layout["scatter"] is not None
                     and not layout["aligned"])
        got = [c.value if c is not None else 0 for c in r.cells]
        assert got == want, (r.label, got, want)
        if not (blank_zero or scattered):
            assert [c.nil for c in r.cells] == [v == 0 for v in want]
    assert not [i for i in issues if i.severity != "info"]


def test_restated_opening_nested_oci_and_undated_balances() -> None:
    text = (
        "CONSOLIDATED STATEMENT OF CHANGES IN EQUITY\n"
        "FOR THE YEAR ENDED 31 MARCH 2024\n"
        "\tShare capital US$'000\tReserves US$'000\tRetained profits US$'000\tTotal US$'000\n"
        "Balance at beginning of the year, as previously reported\t100\t40\t500\t640\n"
        "Effect of change in accounting policy\t–\t–\t(20)\t(20)\n"
        "Balance at beginning of the year, as restated\t100\t40\t480\t620\n"
        "Profit for the year\t–\t–\t90\t90\n"
        "Other comprehensive income\t\t\t\t\n"
        "Fair value gain on investments\t–\t15\t–\t15\n"
        "Currency translation\t–\t(5)\t–\t(5)\n"
        "Total other comprehensive income\t–\t10\t–\t10\n"
        "Total comprehensive income for the year\t–\t10\t90\t100\n"
        "Final dividend 9\t–\t–\t(30)\t(30)\n"
        "Balance at end of the year\t100\t50\t540\t690\n"
    )
    stmt, issues = parse_text(text, "CONSOLIDATED STATEMENT OF CHANGES IN EQUITY")
    assert stmt.unit.currency == "USD"
    roles = [(r.label, r.balance_role) for r in stmt.rows if r.balance_role != "flow"]
    assert roles == [
        ("Balance at beginning of the year, as previously reported", "opening"),
        ("Balance at beginning of the year, as restated", "opening"),
        ("Balance at end of the year", "closing")]
    assert stmt.rows[1].label == "Effect of change in accounting policy"   # order kept
    div = next(r for r in stmt.rows if r.label == "Final dividend")
    assert div.note == "9"
    assert {r.period for r in stmt.rows} == {Period(start=date(2023, 4, 1), end=date(2024, 3, 31))}
    bad = [i for i in equity_identities(stmt) if not i.holds]
    assert bad == []
    assert not [i for i in issues if i.severity != "info"], issues


def test_note_reference_in_untabbed_row() -> None:
    text = (
        "STATEMENT OF CHANGES IN EQUITY\n"
        "Share capital RMB'000  Retained earnings RMB'000  Total equity RMB'000\n"
        "As at 1 January 2024  10  90  100\n"
        "Dividends paid  12  -  (40)  (40)\n"
        "As at 31 December 2024  10  50  60\n"
    )
    stmt, issues = parse_text(text)
    div = stmt.rows[1]
    assert div.note == "12" and [c.value for c in div.cells] == [0, -40, -40]
    assert not [i for i in issues if i.severity == "error"]


def test_header_without_leading_tab_and_top_aligned_wrap() -> None:
    text = (
        "Statement of changes in equity\n"
        "Share capital\tCapital reserve\tAccumulated losses\tTotal equity\n"
        "At 1 January 2024\t50\t70\t(20)\t100\n"
        "Loss and total comprehensive loss\t–\t–\t(15)\t(15)\n"
        "Equity-settled share-based payment\t–\t8\t–\t8\n"
        "arrangements\t\t\t\t\n"
        "At 31 December 2024\t50\t78\t(35)\t93\n"
    )
    stmt, issues = parse_text(text)
    assert [c.component for c in stmt.columns] == [
        "Share capital", "Capital reserve", "Accumulated losses", "Total equity"]
    labels = [r.label for r in stmt.rows]
    assert "Equity-settled share-based payment arrangements" in labels
    sbp = stmt.rows[labels.index("Equity-settled share-based payment arrangements")]
    assert sbp.cells[1].value == 8 and sbp.line == 5
    assert all(i.holds for i in equity_identities(stmt))


def test_raw_markup_in_line_text_is_ignored() -> None:
    from converter.model import Document, Line
    raw = [
        "<b>STATEMENT OF CHANGES IN EQUITY</b>",
        "\tShare capital <i>HK$'000</i>\tReserves <i>HK$'000</i>\tTotal <i>HK$'000</i>",
        "<b>At 1 January 2024</b>\t<u>1</u>\t<u>2</u>\t<u>3</u>",
        "Profit for the year\t–\t4\t4",
        "<b>At 31 December 2024</b>\t<u><u>1</u></u>\t<u><u>6</u></u>\t<u><u>7</u></u>",
    ]
    doc = Document("t", tuple(Line(i + 1, r, r) for i, r in enumerate(raw)))
    stmt, issues = parse_equity(doc, 1, len(raw), "STATEMENT OF CHANGES IN EQUITY")
    assert [c.value for c in stmt.rows[-1].cells] == [1, 6, 7]
    assert stmt.unit.currency == "HKD"


def test_lost_tab_misaligned_header_and_note_marks() -> None:
    text = HK.replace(
        "\tHK$'000\tHK$'000\tHK$'000\tHK$'000\tHK$'000\tHK$'000\n",
        "\t(note 20)\t\t\t\t\t\n\tHK$'000\tHK$'000\tHK$'000\tHK$'000\tHK$'000\tHK$'000\n").replace(
        "Dividends paid\t–\t–\t(1,800)\t(1,800)\t(50)\t(1,850)",
        "Dividends paid\t–\t–\t(1,800) (1,800)\t(50)\t(1,850)")
    stmt, issues = parse_text(text)
    assert stmt.columns[0].component == "Share capital"
    div = next(r for r in stmt.rows if r.label == "Dividends paid")
    assert [c.value if c else None for c in div.cells] == [0, 0, -1800, -1800, -50, -1850]
    assert not [i for i in issues if i.severity != "info"]
    # Every name one tab to the right of its figures: the opening row realigns them.
    shifted = "\n".join("\t" + ln if ln.startswith("\t") else ln for ln in HK.splitlines())
    stmt, issues = parse_text(shifted)
    assert [c.component for c in stmt.columns][-1] == "Total equity"
    assert stmt.rows[-1].cells[-1].value == 29700


def test_running_matrix_over_two_years() -> None:
    """One matrix for both years: the 2023 closing balance opens 2024, printed once."""
    text = (
        "CONSOLIDATED STATEMENT OF CHANGES IN EQUITY\n"
        "For the year ended 31 December 2024\n"
        "\tShare capital\tShare premium\tRetained earnings\tTotal equity\n"
        "\tHK$'000\tHK$'000\tHK$'000\tHK$'000\n"
        "At 1 January 2023\t10\t90\t200\t300\n"
        "Profit and total comprehensive income for the year\t–\t–\t50\t50\n"
        "Dividends paid\t–\t–\t(20)\t(20)\n"
        "At 31 December 2023 and 1 January 2024\t10\t90\t230\t330\n"
        "Profit and total comprehensive income for the year\t–\t–\t70\t70\n"
        "Issue of shares\t5\t45\t–\t50\n"
        "At 31 December 2024\t15\t135\t300\t450\n"
    )
    stmt, issues = parse_text(text, "CONSOLIDATED STATEMENT OF CHANGES IN EQUITY")
    periods = [(r.label, r.period.start.year, r.period.end.year, r.balance_role)
               for r in stmt.rows]
    assert periods == [
        ("At 1 January 2023", 2023, 2023, "opening"),
        ("Profit and total comprehensive income for the year", 2023, 2023, "flow"),
        ("Dividends paid", 2023, 2023, "flow"),
        ("At 31 December 2023 and 1 January 2024", 2023, 2023, "closing"),
        ("Profit and total comprehensive income for the year", 2024, 2024, "flow"),
        ("Issue of shares", 2024, 2024, "flow"),
        ("At 31 December 2024", 2024, 2024, "closing")]
    ids = equity_identities(stmt)
    rolls = [i for i in ids if i.name.startswith("roll-forward")]
    assert len(rolls) == 8 and all(i.holds for i in ids)
    broken = text.replace("At 31 December 2024\t15\t135\t300\t450",
                          "At 31 December 2024\t15\t135\t310\t460")
    _, issues = parse_text(broken, "CONSOLIDATED STATEMENT OF CHANGES IN EQUITY")
    assert any(i.code == "equity.roll_forward" and i.line == 11 for i in issues)


def test_subtotals_found_by_arithmetic_and_unlabelled() -> None:
    text = (
        "STATEMENT OF CHANGES IN EQUITY\n"
        "\tShare capital\tReserves\tRetained earnings\tTotal equity\n"
        "Balance at 1 January 2024\t10\t20\t70\t100\n"
        "Profit for the year\t–\t–\t30\t30\n"
        "Fair value changes\t–\t(4)\t–\t(4)\n"
        "Comprehensive income for the year\t–\t(4)\t30\t26\n"
        "Issue of shares\t5\t–\t–\t5\n"
        "Dividends paid\t–\t–\t(8)\t(8)\n"
        "\t5\t–\t(8)\t(3)\n"
        "Balance at 31 December 2024\t15\t16\t92\t123\n"
    )
    stmt, issues = parse_text(text)
    kinds = [(r.label, r.kind) for r in stmt.rows]
    assert ("Comprehensive income for the year", "subtotal") in kinds
    assert ("", "subtotal") in kinds
    assert ("Profit for the year", "item") in kinds
    assert all(i.holds for i in equity_identities(stmt))
    assert not [i for i in issues if i.severity != "info"]


_WORDS = ["As at 1 January 2024", "At 30 June 2024", "Total", "Share capital RMB'000",
          "Profit for the year", "loss", "Reserves", "attributable to owners", "-", "–", "_",
          "*", "(*)", "1,234", "(56)", "7", "1.234", "1 234", "Notes", "Total equity",
          "Balance at 31 December 2023", "Dividends", "HK$'000", "", " "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=9).map(
    lambda cells: st_join(cells)), min_size=1, max_size=25))
def test_garbage_never_raises(lines: list[str]) -> None:
    text = "Statement of changes in equity\n" + "\n".join(lines) + "\n"
    stmt, issues = parse_text(text)
    if stmt is not None:
        assert all(len(r.cells) == len(stmt.columns) for r in stmt.rows)
        assert len({r.id for r in stmt.rows}) == len(stmt.rows)
        equity_identities(stmt)
    else:
        assert issues and issues[0].severity == "error"


def st_join(cells: list[str]) -> str:
    return "\t".join(cells) if len(cells) % 3 else "  ".join(cells)


def test_title_case_labels_are_not_cut() -> None:
    text = (
        "STATEMENT OF CHANGES IN EQUITY\n"
        "\tShare Capital\tOther Reserves\tTotal Equity\n"
        "At 1 January 2024\t10\t20\t30\n"
        "Transactions with owners Equity-settled Share-based Payments\t–\t6\t6\n"
        "Lapse of Share Options\t–\t–\t–\n"
        "At 31 December 2024\t10\t26\t36\n"
    )
    stmt, issues = parse_text(text)
    assert [r.label for r in stmt.rows] == [
        "At 1 January 2024", "Transactions with owners", "Equity-settled Share-based Payments",
        "Lapse of Share Options", "At 31 December 2024"]
    assert stmt.rows[2].section == ("Transactions with owners",)


def test_52_week_year_closing_and_figures_above_their_label() -> None:
    text = (
        "STATEMENT OF CHANGES IN EQUITY\n"
        "\tShare capital\tRetained earnings\tTotal\n"
        "At 1 January 2024\t10\t90\t100\n"
        "Profit for the period\t–\t7\t7\n"
        "Dividends\t–\t(2)\t(2)\n"
        "At 28 December 2024\t10\t95\t105\n"
    )
    stmt, _ = parse_text(text)
    assert stmt.rows[-1].balance_role == "closing"
    assert stmt.rows[0].period.end.isoformat() == "2024-12-28"
    moved = text.replace("At 28 December 2024\t10\t95\t105\n", "\t10\t95\t105\nAt 28 December 2024\n")
    stmt, issues = parse_text(moved)
    assert [c.value for c in stmt.rows[-1].cells] == [10, 95, 105]
    assert stmt.rows[-1].cells[0].line == 6
    assert not [i for i in issues if i.severity != "info"]


def test_numeric_dates_and_trailing_prose() -> None:
    text = (
        "STATEMENT OF CHANGES IN EQUITY\n"
        "\tShare capital\tAccumulated losses\tTotal\n"
        "Balance at 1.1.2024\t10\t(4)\t6\n"
        "Loss for the year\t–\t(1)\t(1)\n"
        "Balance at 31.12.2024\t10\t(5)\t5\n"
        "\n"
        "The accompanying notes form an integral part of these consolidated financial statements.\n"
    )
    stmt, issues = parse_text(text)
    assert [r.balance_role for r in stmt.rows] == ["opening", "flow", "closing"]
    assert stmt.rows[0].period.end.isoformat() == "2024-12-31"


def test_bracketed_continuation_joins_the_label() -> None:
    text = (
        "STATEMENT OF CHANGES IN EQUITY\n"
        "\tShare capital\tRetained earnings\tTotal\n"
        "Balance at 1 January 2024\t10\t90\t100\n"
        "Final dividend declared\t\t\t\n"
        "(note 9)\t–\t(5)\t(5)\n"
        "Balance at 31 December 2024\t10\t85\t95\n"
    )
    stmt, _ = parse_text(text)
    assert [r.label for r in stmt.rows][1] == "Final dividend declared (note 9)"
    assert stmt.rows[1].cells[1].value == -5


def test_one_garbled_cell_rebuilt_from_the_row() -> None:
    text = HK.replace("Dividends paid\t–\t–\t(1,800)\t(1,800)\t(50)\t(1,850)",
                      "Dividends paid\t–\t–\t(1.8OO)\t(1,800)\t(50)\t(1,850)")
    stmt, issues = parse_text(text)
    div = next(r for r in stmt.rows if r.label == "Dividends paid")
    assert div.cells[2].value == -1800 and div.cells[2].provenance == "derived"
    assert any(i.code == "equity.garbled" and i.line == 12 for i in issues)
    assert all(i.holds for i in equity_identities(stmt))


LAYOUT = """CONSOLIDATED STATEMENT OF CHANGES IN EQUITY
For the year ended 31 December 2024

                                  Attributable to owners of the Company
                               Share      Share   Retained                Non-controlling      Total
                             capital    premium   earnings       Total          interests     equity
                             HK$'000    HK$'000    HK$'000     HK$'000            HK$'000    HK$'000

At 1 January 2024              1,000     20,000      5,500      26,500                700     27,200
Profit for the year                -          -      3,200       3,200                150      3,350
Dividends paid                     -          -    (1,800)     (1,800)                (50)    (1,850)
At 31 December 2024            1,000     20,000      6,900      27,900                800     28,700
"""


def test_layout_text_header_names_by_position() -> None:
    stmt, issues = parse_text(LAYOUT)
    assert [c.component for c in stmt.columns] == [
        "Share capital", "Share premium", "Retained earnings", "Total",
        "Non-controlling interests", "Total equity"]
    assert stmt.unit.currency == "HKD"
    assert [c.value for c in stmt.rows[2].cells] == [0, 0, -1800, -1800, -50, -1850]
    assert all(i.holds for i in equity_identities(stmt))


def test_header_debris_is_not_a_column() -> None:
    text = (
        "STATEMENT OF CHANGES IN EQUITY\n"
        "\tShare capital\tRetained earnings\tTotal\tx\n"
        "\tKIND 000\tRMB'000\t110163\t\n"
        "At 1 January 2024\t10\t90\t100\t\n"
        "Profit for the year\t–\t7\t7\t\n"
        "At 31 December 2024\t10\t97\t107\t\n"
    )
    stmt, issues = parse_text(text)
    assert [c.component for c in stmt.columns] == ["Share capital", "Retained earnings", "Total"]
    assert all(len(r.cells) == 3 for r in stmt.rows)
    assert any(i.code == "equity.empty_column" for i in issues)


def test_total_attributable_header_is_a_column() -> None:
    text = (
        "STATEMENT OF CHANGES IN EQUITY\n"
        "\tShare capital\tReserves\tTotal attributable to owners of the Company"
        "\tNon-controlling interests\tTotal equity\n"
        "At 1 January 2024\t10\t90\t100\t5\t105\n"
        "Profit for the year\t–\t7\t7\t1\t8\n"
        "At 31 December 2024\t10\t97\t107\t6\t113\n"
    )
    stmt, issues = parse_text(text)
    assert [c.component for c in stmt.columns][2] == "Total attributable to owners of the Company"
    assert all(i.holds for i in equity_identities(stmt))
    assert len([i for i in equity_identities(stmt) if i.name.startswith("across")]) == 6


@pytest.mark.parametrize("unit_line,currency,scale", [
    ("\tRMB million\tRMB million\tRMB million", "CNY", 6),
    ("(Expressed in thousands of Hong Kong dollars)", "HKD", 3),
    ("\tHK$\tHK$\tHK$", "HKD", 0),
    ("", "CNY", 3)])
def test_units(unit_line: str, currency: str, scale: int) -> None:
    text = ("STATEMENT OF CHANGES IN EQUITY\n" + unit_line + "\n"
            "\tShare capital\tRetained earnings\tTotal\n"
            "At 1 January 2024\t10\t90\t100\n"
            "At 31 December 2024\t10\t90\t100\n")
    stmt, issues = parse_text(text)
    assert (stmt.unit.currency, stmt.unit.scale) == (currency, scale)
    assert any(i.code == "equity.unit_assumed" for i in issues) == (unit_line == "")
