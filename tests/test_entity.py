"""Entity identification from the announcement's own text."""
from __future__ import annotations

from converter.entity import LEI_SCHEME, NAME_SCHEME, STOCK_CODE_SCHEME, identify_entity
from converter.model import Document, Line


def _doc(*texts: str) -> Document:
    return Document("x", tuple(Line(i + 1, t, t) for i, t in enumerate(texts)))


def test_name_after_by_order_of_the_board_and_stock_code() -> None:
    doc = _doc("Hong Kong Exchanges and Clearing Limited take no responsibility",
               "(Stock Code: 1234)", "text", "By order of the Board", "Acme Widgets Holdings Limited",
               "Chairman")
    entity = identify_entity(doc)
    assert entity.name == "Acme Widgets Holdings Limited"
    assert (entity.identifier, entity.scheme) == ("1234", STOCK_CODE_SCHEME)


def test_letterhead_name_and_fallback_scheme() -> None:
    entity = identify_entity(_doc("**Blue Harbour plc**", "Annual results"))
    assert entity.name == "Blue Harbour plc" and entity.scheme == NAME_SCHEME
    assert entity.identifier == "blue-harbour-plc"


def test_user_values_win() -> None:
    entity = identify_entity(_doc("(Stock Code: 1234)"), name="X Corp", lei="5493001KJTIIGC8Y1R12")
    assert entity.name == "X Corp" and entity.scheme == LEI_SCHEME


def test_incorporation_line_and_the_company_name_nobody() -> None:
    doc = _doc("MERANTI PACKAGING BERHAD", "(Registration No. 201501012345)",
               "(Incorporated in Malaysia)", "The Board of Meranti Packaging Berhad announces")
    assert identify_entity(doc).name == "Meranti Packaging Berhad"


def test_capital_letterhead_takes_the_case_of_the_running_text() -> None:
    doc = _doc("NORDLICHT ENERGIE AG", "Results of the Company for 2025",
               "Nordlicht Energie AG reports revenue of EUR 1.2 billion.")
    assert identify_entity(doc).name == "Nordlicht Energie AG"


def test_capital_letterhead_alone_is_title_cased() -> None:
    doc = _doc("KINGFISHER MARINE HOLDINGS LIMITED", "(Stock Code: 8123)",
               "The Company announces its results.")
    entity = identify_entity(doc)
    assert entity.name == "Kingfisher Marine Holdings Limited"
    assert entity.identifier == "8123"
    assert identify_entity(_doc("HARROW ESTATES PLC", "Annual results")).name == \
        "Harrow Estates plc"
