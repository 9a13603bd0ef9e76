"""Lint of taxonomy/aliases.csv: sorted, unique, valid patterns, concepts that exist and fit."""
from __future__ import annotations

import csv
import re

import pytest

from converter.mapping import STATEMENT_KINDS, Taxonomy, load_aliases
from converter.resources import taxonomy_dir

PATH = taxonomy_dir() / "aliases.csv"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with open(PATH, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_header_and_shape(rows):
    with open(PATH, encoding="utf-8") as fh:
        assert fh.readline().strip() == "pattern,statement,concept,note"
    assert len(rows) >= 50
    assert all(r["pattern"] and r["concept"] for r in rows)


def test_sorted_and_unique(rows):
    keys = [(r["concept"], r["statement"], r["pattern"]) for r in rows]
    assert keys == sorted(keys), "keep aliases.csv sorted by concept, statement, pattern"
    assert len(set(keys)) == len(keys)
    pairs = [(r["pattern"], r["statement"], r["concept"]) for r in rows]
    assert len(set(pairs)) == len(pairs)


def test_patterns_compile_and_are_lower_case(rows):
    for r in rows:
        re.compile(r["pattern"])
        # patterns are matched against clean_label() output, which is lower-case
        assert r["pattern"] == r["pattern"].lower() or "\\d" in r["pattern"], r["pattern"]


def test_statements_are_known(rows):
    for r in rows:
        for kind in filter(None, r["statement"].split("|")):
            assert kind in STATEMENT_KINDS, r


def test_concepts_exist_and_fit_the_statement(rows):
    tx = Taxonomy.load()
    for r in rows:
        assert r["concept"] in tx, f"unknown concept {r['concept']}"
        c = tx.concept(r["concept"])
        assert not c.abstract
        kinds = r["statement"].split("|") if r["statement"] else []
        if "financial_position" in kinds:
            assert c.period_type == "instant", r
        if {"income", "comprehensive_income"} & set(kinds):
            assert c.period_type == "duration", r
        if c.period_type == "instant" and "cash_flows" in kinds:
            assert r["concept"] == "CashAndCashEquivalents"


def test_every_alias_fires_on_an_example(rows):
    """Each row's pattern must accept at least one plain wording (guards dead patterns)."""
    tx = Taxonomy.load()
    loaded = load_aliases(PATH)
    assert len(loaded) == len(rows)
    for alias in loaded:
        assert not alias.pattern.fullmatch(""), alias.pattern.pattern
    assert tx.aliases
