"""Stage 2c, rows: figures printed in a style the reader does not know.

A negative printed in an unfamiliar way ("<1,234>", "[87]", "1,234CR") is not a figure to the
row reader: the whole line then goes to the layers (or its figures into the label), and the
row disappears from the statement without a trace; reconciliation cannot miss what it never
saw. This check names such lines, so that the document is refused with the reason instead of
converted without them. Only figures in brackets the reader has no rule for and credit/debit
marks are meant; damaged OCR figures ("12,3A5", "(2.720.724)") stay cells or layers that
reconciliation repairs.
"""
from __future__ import annotations

import re

from .row_layout import _FIGURE, is_note_ref

# Digits (comma-grouped) inside a bracket pair the reader has no rule for, or followed by a
# credit/debit mark. Damaged figures ("(2.720.724)", a token cut off in a run-together layer
# "(13,7") are left to the stages that repair them.
_FIGURE_LIKE = re.compile(r"<\d{1,3}(?:,\d{3})*(?:\.\d+)?>|\[\d{1,3}(?:,\d{3})*(?:\.\d+)?\]|"
                          r"\{\d{1,3}(?:,\d{3})*(?:\.\d+)?\}|"
                          r"\(?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?(?:CR|DR|Cr|Dr)")
_KNOWN = re.compile(_FIGURE)
_YEAR = re.compile(r"\(?(?:19|20)\d{2}\)?")


def unread_figures(text: str) -> list[str]:
    """The tokens at the end of a labelled line that look like figures but are none the
    reader knows ("Finance costs   <1,204>   <980>" → ["<1,204>", "<980>"]); [] otherwise."""
    tokens = text.split()
    tail: list[str] = []
    while tokens and any(ch.isdigit() for ch in tokens[-1]):
        tail.insert(0, tokens.pop())
    if not tokens or not re.search(r"[A-Za-z]{2,}", " ".join(tokens)):
        return []
    odd = [t for t in tail if _FIGURE_LIKE.fullmatch(t) and not _KNOWN.fullmatch(t)
           and not is_note_ref(t) and not _YEAR.fullmatch(t)]
    return odd
