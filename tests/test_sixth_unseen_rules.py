"""Rules found on the sixth round of unseen announcements (an Indian Ind AS issuer, a Saudi
issuer), tested in other wordings than the documents that revealed them."""
from __future__ import annotations

from converter.locate import title_kinds
from converter.model import Line
from converter.periods import detect_unit
from converter.rows import strip_item_number


def test_rupee_units_and_the_indian_scales() -> None:
    """'(₹ in crore)', '(Rs. in lakhs)', 'Rupees in lacs': the rupee, scale 7 or 5 (a lakh
    statement had been read as RMB thousands)."""
    assert (detect_unit(["(₹ in crore)"]).currency, detect_unit(["(₹ in crore)"]).scale) == \
        ("INR", 7)
    unit = detect_unit(["All amounts in Rs. lacs unless otherwise stated"])
    assert unit is not None and (unit.currency, unit.scale) == ("INR", 5)
    unit = detect_unit(["(Amounts in UAE Dirham thousands)"])
    assert unit is not None and (unit.currency, unit.scale) == ("AED", 3)
    unit = detect_unit(["Saudi Riyals million"])
    assert unit is not None and (unit.currency, unit.scale) == ("SAR", 6)


def test_qualifier_after_statement_of() -> None:
    assert title_kinds("Statement of Standalone Profit and Loss for the year ended 31 March "
                       "2025") == ("income",)
    assert title_kinds("STATEMENT OF CONSOLIDATED CASH FLOWS") == ("cash_flows",)
    assert title_kinds("Statement of Group Changes in Equity") == ("changes_in_equity",)
    assert title_kinds("Statement of consolidated reasons for the change") == ()


def _text(s: str) -> str:
    return strip_item_number(Line(no=1, raw=s, text=s)).text


def test_item_numbers_before_labels_are_blanked_in_place() -> None:
    assert _text("VII.  Revenue from contracts   1,204.10   998.40").split() == \
        ["Revenue", "from", "contracts", "1,204.10", "998.40"]
    assert _text("B (ii) Deferred tax charge      12.00").split()[:3] == ["Deferred", "tax",
                                                                          "charge"]
    assert _text("  (c)  (Increase)/decrease in receivables   (4.2)").split()[0] == \
        "(Increase)/decrease"
    assert _text("(3) Diluted   1.20").split()[0] == "Diluted"
    # the columns keep their places
    line = "IX    Profit for the period        812.00"
    assert len(_text(line)) == len(line)


def test_words_that_only_look_like_item_numbers_stay() -> None:
    for s in ("A shares issued      1,000", "I-REIT units       20", "(Increase) in stock  (5)",
              "(12)      (14)", "Cash and bank   20"):
        assert _text(s) == s
