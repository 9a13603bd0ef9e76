"""The concept index: built from the package zip with lxml, compact, fast to load, current."""
from __future__ import annotations

import gzip
import json
import time
import zipfile

import pytest
from hypothesis import given, settings, strategies as st

from converter.errors import TaxonomyError
from converter.index_build import build_index, main as build_main, write_index
from converter.taxonomy_index import (
    canonical, clean_label, default_index_path, load_entries, load_raw,
    normaliser_fingerprint, query_variants, taxonomy_variants,
)

COMMITTED = default_index_path()


@pytest.fixture(scope="module")
def built(taxonomy_package):
    return build_index(taxonomy_package)


def test_every_concept_with_its_attributes(built):
    concepts = built["concepts"]
    assert len(concepts) == 5512
    pl = concepts["ProfitLoss"]
    assert (pl["p"], pl["b"], pl["t"], pl["a"], pl["s"]) == (
        "duration", "credit", "xbrli:monetaryItemType", 0, "xbrli:item")
    assert pl["l"]["label"] == "Profit (loss)" and "documentation" in pl["l"]
    assert concepts["CashAndCashEquivalents"]["p"] == "instant"
    assert concepts["CashAndCashEquivalents"]["l"]["periodStartLabel"].startswith("Cash and")
    assert concepts["CostOfSales"]["l"]["negatedLabel"] == "Cost of sales"
    assert concepts["BasicEarningsLossPerShare"]["t"] == "dtr-2022:perShareItemType"
    assert concepts["IncomeStatementAbstract"]["a"] == 1
    assert concepts["ComponentsOfEquityAxis"]["s"] == "xbrldt:dimensionItem"


def test_presentation_placement(built):
    concepts = built["concepts"]
    roles = {p[0] for p in concepts["ProfitLoss"]["pr"]}
    assert {"310000", "320000", "410000", "520000", "610000"} <= roles
    ppe = [p for p in concepts["PropertyPlantAndEquipment"]["pr"] if p[0] == "210000"]
    assert ppe and ppe[0][1] == "NoncurrentAssetsAbstract"
    eps = {p[0] for p in concepts["BasicEarningsLossPerShare"]["pr"]}
    assert "838000" in eps
    assert built["roles"]["210000"].startswith("Statement of financial position")
    assert built["roles"]["520000"] == "Statement of cash flows, indirect method"


def test_committed_index_is_current(built):
    """The committed file is what the builder makes from the package (regenerate if not)."""
    committed = load_raw(str(COMMITTED))
    assert committed["concepts"] == built["concepts"]
    assert committed["normaliser"] == normaliser_fingerprint(), \
        "normalisation changed: rebuild with python -m converter.index_build"
    assert committed["search"] == built["search"]


def test_compact_and_fast():
    assert COMMITTED.stat().st_size < 2_000_000
    timings = []
    for _ in range(3):  # best of three: the machine is shared with other test runs
        load_raw.cache_clear()
        load_entries.cache_clear()
        start = time.perf_counter()
        entries = load_entries(str(COMMITTED))
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.5, timings
    assert entries["PropertyPlantAndEquipment"].side == "noncurrent"
    assert entries["CurrentPortionOfLongtermBorrowings"].side == "current"
    assert entries["CurrentTaxLiabilities"].side == ""


def test_features():
    entries = load_entries(str(COMMITTED))
    assert entries["OtherComprehensiveIncomeNetOfTaxExchangeDifferencesOnTranslation"].reclass \
        == "may"
    assert entries["OtherComprehensiveIncomeNetOfTaxChangeInFairValueOfFinancialLiability"
                   "AttributableToChangeInCreditRiskOfLiability"].reclass == "not"
    assert entries["PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities"] \
        .activity == "investing"
    assert entries["NoncurrentAssetsOrDisposalGroupsClassifiedAsHeldForSale"].side == ""


def test_deterministic_output(built, tmp_path):
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    write_index(built, a)
    write_index(built, b)
    assert a.read_bytes() == b.read_bytes()
    assert json.loads(gzip.decompress(a.read_bytes()))["concepts"]["Revenue"]["b"] == "credit"


def test_cli_builds_other_package_layouts(taxonomy_package, tmp_path, capsys):
    """Files are found by pattern, not by fixed path: a re-rooted package builds too."""
    small = tmp_path / "other.zip"
    with zipfile.ZipFile(taxonomy_package) as src, zipfile.ZipFile(small, "w") as dst:
        for name in src.namelist():
            if "full_ifrs-cor_" in name or "/labels/lab_full_ifrs" in name:
                dst.writestr("renamed-root/" + name.split("/", 1)[1], src.read(name))
    out = tmp_path / "idx.json.gz"
    assert build_main([str(small), "-o", str(out)]) == 0
    assert "5512 concepts" in capsys.readouterr().out
    index = json.loads(gzip.decompress(out.read_bytes()))
    labelled = [c for c in index["concepts"].values() if c["l"].get("label")]
    assert len(labelled) > 4500
    assert index["concepts"]["Revenue"]["pr"] == []


def test_bad_inputs(tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    with pytest.raises(TaxonomyError):
        build_index(junk)
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("x.txt", "x")
    with pytest.raises(TaxonomyError, match="full_ifrs-cor"):
        build_index(empty)
    assert build_main([str(junk), "-o", str(tmp_path / "o.gz")]) == 2
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(b"garbage")
    with pytest.raises(TaxonomyError, match="rebuild"):
        load_raw(str(bad))


@pytest.mark.parametrize("printed, expected", [
    ("Loss for the year", "loss"),
    ("<b>Revenue</b>", "revenue"),
    ("Basic and diluted loss per share (RMB)", "basic and diluted loss per share"),
    ("Profit for the period attributable to:", "profit attributable to"),
    ("Finance income \u2013 net", "finance income - net"),
    ("Other comprehensive income for the year, net of taxes",
     "other comprehensive income, net of taxes"),
    ("Earnings per share (HK cents)", "earnings per share"),
    ("Less: Cost of sales", "cost of sales"),
])
def test_clean_label(printed, expected):
    assert clean_label(printed) == expected


def test_canonical_synonyms():
    assert canonical("Equity holders of the Company") == canonical("owners of the parent")
    assert canonical("Non-controlling interests") == canonical("minority interest")
    assert canonical("Bank balances and cash") == canonical("cash and cash equivalents")
    assert canonical("Accumulated losses") == canonical("Retained earnings")
    assert canonical("Share capital") == canonical("Issued capital")
    assert canonical("Staff costs") == canonical("Employee benefits expense")
    assert canonical("amortization") == canonical("amortisation")
    assert canonical("Total comprehensive loss") == canonical("total comprehensive income")


def test_variants():
    assert "profit" in taxonomy_variants("Profit (loss)")
    assert "loss" in taxonomy_variants("Profit (loss)")
    variants = taxonomy_variants("Share of profit (loss) of associates")
    assert "share of loss of associates" in variants
    assert "cash flow hedges" in taxonomy_variants(
        "Other comprehensive income, net of tax, cash flow hedges")
    v = query_variants("other gains/(losses) - net")
    assert "other gains - net" in v and "other losses - net" in v


# ----------------------------------------------------------------------------- phrase scan
_FRAGMENTS = ["other ", "operating income", "trade ", "accounts receivable", "equity holders "
              "of the company", "(accumulated losses)/retained earnings", "fee and ",
              "commission income", "non-controlling interests", "short-term ", "bank loans",
              "x(accumulated losses)/retained earnings", "share of results of", "taxation ",
              "net assets", " and similar", "right-of-use ", "costs of sales", "income taxes"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS) | st.text(alphabet="abcdefinorst ()-/'", max_size=6),
                max_size=8))
def test_phrase_scan_is_the_one_alternation(parts):
    """First-character dispatch gives what one regex of all phrase synonyms gives."""
    import re
    from converter.taxonomy_index import _PHRASE_REPL, _PHRASE_SCAN, _PHRASES
    plain = [re.sub(r"(?<!\\)[(](?![?])", "(?:", p.pattern) for p, _r in _PHRASES]
    whole = re.compile("|".join(f"(?P<p{i}>{p})" for i, p in enumerate(plain)))
    text = "".join(parts)
    assert _PHRASE_SCAN.sub(text, _PHRASE_REPL.__getitem__) == \
        whole.sub(lambda m: _PHRASE_REPL[m.lastgroup or ""], text)


def test_first_chars_of_a_pattern():
    from converter.first_char_alternation import FirstCharAlternation, first_chars
    assert first_chars(r"\b(?:staff|employee) costs?\b") == {"s", "e"}
    assert first_chars(r"(?<!trade )\baccounts") == {"a"}
    assert first_chars(r"\(?x") == {"(", "x"}
    assert first_chars(r"[^a]b") is None          # a negated set can start with anything
    assert first_chars(r"a?") is None             # can match empty
    with pytest.raises(ValueError):
        FirstCharAlternation(["a*"], ["p0"])
