"""What run-together layers lend to clean rows, and which figures are doubted, on small
statements of our own wording (HK$'000 cash flows), not the seeds."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings, strategies as st

from converter.cell_doubts import doubt_cells, near_copy, sign_contradicts
from converter.cell_reading import is_doubtful, read_figure
from converter.layer_lending import lend_from_layers
from converter.layers import harvest
from converter.model import Cell, Issue, Line, Row
from converter.row_assembly import Slot
from converter.row_layout import Layout, read_piece


def _slot(label: str, *texts: str | None, no: int = 1) -> Slot:
    return Slot(label, [None if t is None else read_figure(t, no) for t in texts],
                Line(no, label, label))


def _values(slot: Slot) -> list[Decimal | None]:
    return [c.value if c is not None else None for c in slot.cells]


LAYER = ("New bank loans 1,250,000 980,000 Repayment of bank loans (400,100) (350,000) "
         "Lease payments (61,222) (58,400) Dividends paid (120,000) (110,000) "
         "Proceeds from placing of new shares to professional investors 2,318,400 –")


def test_unlabelled_clean_row_takes_the_layer_label_and_fills_blanks() -> None:
    slots = [_slot("New bank loans", "1,250,000", "980,000"),
             _slot("", "(61,222)", None, no=2)]
    issues: list[Issue] = []
    out = lend_from_layers(slots, harvest([LAYER], 2), 2, issues, "cash_flows")
    lease = next(s for s in out if s.label == "Lease payments")
    assert _values(lease) == [Decimal(-61222), Decimal(-58400)]


def test_layer_only_rows_are_doubted_unless_a_second_copy_prints_them() -> None:
    slots = [_slot("New bank loans", "1,250,000", "980,000")]
    second = "Repayment of bank loans — (400,100) — (350,000) — (350,000)"   # over-long copy
    out = lend_from_layers(slots, harvest([LAYER, second], 2), 2, [], "cash_flows")
    by = {s.label: s for s in out}
    assert _values(by["Repayment of bank loans"]) == [Decimal(-400100), Decimal(-350000)]
    dividends = by["Dividends paid"].cells[0]
    assert dividends is not None and dividends.value is None
    assert dividends.candidates == (Decimal(-120000),)
    # rows keep the order of the layer
    assert [s.label for s in out][:3] == ["New bank loans", "Repayment of bank loans",
                                          "Lease payments"]


def test_cut_label_is_completed_and_its_figures_move_up() -> None:
    slots = [_slot("Proceeds from placing of new shares to", None, "–"),
             _slot("", "2,318,400", "15,000", no=2)]
    out = lend_from_layers(slots, harvest([LAYER], 2), 2, [], "cash_flows")
    placing = next(s for s in out if s.label.startswith("Proceeds from placing"))
    assert placing.label == "Proceeds from placing of new shares to professional investors"
    assert _values(placing) == [Decimal(2318400), Decimal(15000)]


def test_broken_figure_is_read_from_the_copy_that_prints_it_whole() -> None:
    slots = [_slot("Proceeds from share placing", "2 (318 400", "–")]
    out = lend_from_layers(slots, harvest(["Proceeds from share placing — 2,318,400"], 2), 2,
                           [], "cash_flows")
    assert out[0].cells[0] is not None and out[0].cells[0].value == Decimal(2318400)


def test_near_copy_and_sign_rules() -> None:
    assert near_copy(Decimal(1120225), Decimal(1129235))
    assert not near_copy(Decimal(1120225), Decimal(-1129235))
    assert sign_contradicts("Proceeds from disposal of a subsidiary", Decimal(-5))
    assert sign_contradicts("Dividends paid", Decimal(12))
    assert not sign_contradicts("Repayments of loans granted to associates", Decimal(12))
    assert not sign_contradicts("Proceeds from/(repayment of) bank loans", Decimal(-5))


def test_damaged_copy_of_a_neighbour_and_contradicted_sign_get_more_readings() -> None:
    rows = [Row("Proceeds from borrowings", [Cell(Decimal(9318400), "9,318,400"), None], 1),
            Row("Net proceeds from over-allotment", [read_figure("y ,318,430", 2), None], 2),
            Row("Proceeds from rights issue", [Cell(Decimal(-7000), "(7,000)"), None], 3),
            Row("Dividends paid", [Cell(Decimal(-120), "(120)"), None], 4),
            Row("Interest paid", [Cell(Decimal(-43), "(43)"), None], 5)]
    issues: list[Issue] = []
    doubt_cells(rows, "cash_flows", issues)
    assert Decimal(0) in rows[1].cells[0].candidates          # type: ignore[union-attr]
    rights = rows[2].cells[0]
    assert rights is not None and rights.value is None
    assert set(rights.candidates) == {Decimal(-7000), Decimal(7000), Decimal(0)}


def test_layer_in_front_shifts_fields_even_when_the_last_column_is_blank() -> None:
    layer = "Lease payments (61,222) (58,400) Dividends paid (120,000) (110,000) " * 3
    piece = read_piece(Line(5, "", f"{layer}\t-\t(16,859)\t"), Layout([1, 2], None, 0), 2)
    assert piece is not None
    assert [[c.text for c in v] for v in piece.values] == [["(16,859)"], []]


def test_specks_in_the_label_field_mark_an_item_whose_label_was_lost() -> None:
    layout = Layout([1, 2], None, 0)
    specks = read_piece(Line(7, "", "• • •\t(1,570)\t–"), layout, 2)
    rule = read_piece(Line(8, "", "———\t(1,570)\t–"), layout, 2)
    blank = read_piece(Line(9, "", "\t(1,570)\t–"), layout, 2)
    assert specks is not None and specks.lost_label and specks.label == ""
    assert rule is not None and not rule.lost_label
    assert blank is not None and not blank.lost_label


_WORDS = ["Proceeds", "from", "bank", "loans", "Dividends", "paid", "Lease", "payments", "—",
          "-", "(1,250)", "980", "2,318,400", "(61,222)", "•", "Net", "cash", "4 (42 021"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.lists(
    st.tuples(st.sampled_from(["", "Dividends paid", "Lease payments to"]),
              st.sampled_from([None, "(1,250)", "–", "2 (318 400"]),
              st.sampled_from([None, "980", "(61,222)"])), min_size=1, max_size=6))
def test_lending_never_raises_and_keeps_clean_figures(words: list[str], rows: list) -> None:
    slots = [_slot(label, a, b, no=i + 1) for i, (label, a, b) in enumerate(rows)]
    printed = [(s.label, [c.value for c in s.cells if c is not None and not is_doubtful(c)])
               for s in slots if s.label]
    out = lend_from_layers(slots, harvest([" ".join(words)], 2), 2, [], "cash_flows")
    for label, values in printed:
        # a clean printed figure is never replaced (its row may take a longer label)
        assert any(s.label.startswith(label) and
                   all(v in [c.value for c in s.cells if c is not None] for v in values)
                   for s in out)


def test_unsigned_statements_are_not_doubted_for_their_signs() -> None:
    def row(label: str, v: int) -> Row:
        return Row(label, [Cell(Decimal(v), f"{v:,}"), None], 1)
    unsigned = [row("Purchase of property, plant and equipment", 4890), row("Dividends paid", 120),
                row("Repayments of bank loans", 400), row("Interest paid", 43),
                row("Proceeds from bank loans", 900)]
    doubt_cells(unsigned, "cash_flows", [])
    assert all(r.cells[0] is not None and r.cells[0].value is not None for r in unsigned)
    signed = [row("Purchase of property, plant and equipment", -4890), row("Dividends paid", -120),
              row("Repayments of bank loans", -400), row("Interest paid", 43),
              row("Proceeds from bank loans", 900)]
    doubt_cells(signed, "cash_flows", [])
    assert signed[3].cells[0] is not None and signed[3].cells[0].value is None
