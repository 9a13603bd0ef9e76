"""The equity-component table: linted, and right on other issuers' column headers."""
from __future__ import annotations

import csv
import gzip
import json

import pytest

from converter.equity_members import column_members, component_rules, member_for
from converter.model import Column
from converter.resources import taxonomy_dir


def test_table_is_sorted_unique_and_members_exist() -> None:
    with open(taxonomy_dir() / "equity_components.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    orders = [int(r["order"]) for r in rows]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)
    with gzip.open(taxonomy_dir() / "ifrs-2025-index.json.gz") as fh:
        concepts = json.load(fh)["concepts"]
    for row in rows:
        if row["member"]:
            assert row["member"] in concepts, row["member"]
            assert row["member"].endswith("Member")
    assert len(component_rules()) == len(rows)


@pytest.mark.parametrize("header, member", [
    ("Share capital RMB'000", "IssuedCapitalMember"),
    ("Issued capital", "IssuedCapitalMember"),
    ("Share premium", "SharePremiumMember"),
    ("Treasury shares", "TreasurySharesMember"),
    ("Currency translation reserves", "ReserveOfExchangeDifferencesOnTranslationMember"),
    ("Exchange reserve", "ReserveOfExchangeDifferencesOnTranslationMember"),
    ("Exchange fluctuation reserve", "ReserveOfExchangeDifferencesOnTranslationMember"),
    ("Retained earnings", "RetainedEarningsMember"),
    ("Accumulated losses", "RetainedEarningsMember"),
    ("Other reserves", "OtherReservesMember"),
    ("Statutory surplus reserve", "StatutoryReserveMember"),
    ("Non- controlling interests", "NoncontrollingInterestsMember"),
    ("Minority interests", "NoncontrollingInterestsMember"),
    ("Total equity", None),
    ("Total (deficits)/ equity RMB'000", None),
    ("Total equity/(deficits)", None),
])
def test_headers(header: str, member: str | None) -> None:
    matched, found = member_for(header)
    assert matched and found == member


def test_bare_total_depends_on_what_follows() -> None:
    cols = [Column("Share capital"), Column("Retained earnings"), Column("Total"),
            Column("Non-controlling interests"), Column("Total equity")]
    members, unmatched = column_members(cols)
    assert not unmatched
    assert members[2] == "ifrs-full:EquityAttributableToOwnersOfParentMember"
    assert members[4] is None
    members, _ = column_members([Column("Share capital"), Column("Retained earnings"),
                                 Column("Total")])
    assert members[2] is None


def test_unknown_component_is_reported() -> None:
    _, unmatched = column_members([Column("Share capital"), Column("Perpetual notes XYZ")])
    assert unmatched == [1]
