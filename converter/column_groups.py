"""Column groups: header words printed over several columns of a statement.

"Group  Company" (whose figures: the parent company's own beside the group's, Singapore,
Malaysia, UK), "Individual quarter  Cumulative quarter" and "3 months ended  6 months ended"
(which span: Bursa Malaysia quarterly reports), and headings printed a word a line
("Current / Year / Quarter"). Header lines → one ``ColumnHead`` per column; ``periods``
turns them into ``Column.group``/``scope`` and period lengths.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import _DURATION, _DURATION_MONTHS, _MONTHS

# Words printed over several columns: whose figures ("Group  Company", "The Group  The
# Company", "Consolidated  Separate", "Group  Bank") or which span ("Individual quarter
# Cumulative quarter" in Bursa Malaysia quarterly reports, "3 months ended  6 months ended").
_SEPARATE = r"(?:the\s+)?(?:company|separate|parent(?:\s+company)?|parent\s+entity)"
_WHOLE = r"(?:the\s+)?(?:group|consolidated)"
_BANK = r"(?:the\s+)?bank"
_QUARTER = (r"individual\s+(?:quarter|period)|cumulative\s+(?:quarters?|periods?)|"
            r"(?:current|preceding)\s+(?:financial\s+)?year\s+(?:corresponding\s+)?"
            r"(?:quarter|period|to[\s-]+date)|(?:current\s+)?(?:financial\s+)?(?:year|period)"
            r"[\s-]+to[\s-]+date|current\s+quarter|quarter")
_SPAN = (r"(?:year|twelve\s+months|12\s+months|six\s+months|6\s+months|half[-\s]year|"
         r"three\s+months|3\s+months|nine\s+months|9\s+months|quarter|period)\s+"
         r"(?:ended|ending)\b.*")
_GROUP_CELL = re.compile(
    rf"^(?:{_SEPARATE}|{_WHOLE}|{_BANK}|{_QUARTER}|{_SPAN})(?:\s*\((?:un)?audited\))?$", re.I)
_CUMULATIVE = re.compile(r"cumulative|to[\s-]+date|corresponding\s+period", re.I)
_ONE_QUARTER = re.compile(r"individual\s+quarter|quarter$", re.I)


@dataclass(frozen=True)
class ColumnHead:
    """What the column-group lines print over one column."""

    group: str = ""                     # printed group text ("Company", "Cumulative quarter")
    scope: str = ""                     # "separate": the parent company's own figures
    months: int | None = None           # length its group words give ("6 months ended")
    cumulative: bool = False            # from the start of the financial year
    key: tuple[int, ...] = ()           # which group cell of each group line it sits under


def group_cells(text: str) -> list[str]:
    """The cells of a column-group line ("\\t\\tGroup\\t\\tCompany" → ["Group", "Company"]), or
    [] when the line is not one: at least two cells, each a group or span phrase."""
    cells = [c.strip() for f in text.split("\t") for c in re.split(r"\s{2,}", f) if c.strip()]
    cells = [c for c in cells if not re.fullmatch(r"notes?", c, re.I)]
    if len(cells) < 2 or not all(_GROUP_CELL.match(" ".join(c.split())) for c in cells):
        return []
    return [" ".join(c.split()) for c in cells]


# The one group every column belongs to ("Consolidated", "The Group"), printed centred over
# the figure columns of an issuer that presents no parent-only figures (Australia, Singapore):
# header text, indented (a flush-left line would be a row label), that names no column group.
_LONE_WHOLE = re.compile(rf"{_WHOLE}(?:\s*\((?:un)?audited\))?", re.I)


def is_lone_group_line(text: str) -> bool:
    """"          Consolidated" over the columns: a header line, not a heading row."""
    return text[:1].isspace() and bool(_LONE_WHOLE.fullmatch(" ".join(text.split())))


# Words of column headers printed one word a line ("Current / Year / Quarter", "Preceding
# Year / Corresponding / Period" in Bursa Malaysia quarterly reports).
_FRAGMENT_WORDS = frozenset(
    "current preceding prior previous year years corresponding quarter quarters to date "
    "period periods financial cumulative individual months month ended ending as at of the "
    "group company bank consolidated separate parent three six nine twelve half "
    "audited unaudited restated note notes".split())


def is_fragment_line(text: str) -> bool:
    """A header line of column-heading word pieces only, in two or more cells."""
    cells = [c for c in re.split(r"\t|\s{2,}", text) if c.strip()]
    words = re.findall(r"[^\W\d_]+|\d+", text.lower())
    return len(cells) >= 2 and bool(words) and all(
        w in _FRAGMENT_WORDS or w in _MONTHS or w.isdigit() and len(w) <= 2 for w in words) \
        and any(w in ("current", "preceding", "prior", "previous", "cumulative", "individual",
                      "corresponding", "quarter", "period", "date") for w in words)


def _stacked_cells(header_lines: list[str]) -> list[str]:
    """Column headings printed a word or two a line, joined per tab field into one line
    ("Current\tPreceding Year" / "Year\tCorresponding" / "Quarter\tQuarter" →
    "Current Year Quarter\tPreceding Year Corresponding Quarter")."""
    out: list[str] = []
    run: list[list[str]] = []
    for text in [*header_lines, ""]:
        # a group line ("INDIVIDUAL QUARTER  CUMULATIVE QUARTER") above the pieces spans
        # several columns: it starts no stack
        if "\t" in text and is_fragment_line(text) and (run or not group_cells(text)):
            run.append(text.split("\t"))
            continue
        if len(run) >= 2:
            width = max(len(r) for r in run)
            out.append("\t".join(" ".join(r[i].strip() for r in run if i < len(r)
                                            and r[i].strip()) for i in range(width)))
        run = []
    return out


def column_heads(header_lines: list[str], n: int,
                 fields: list[int] | None = None) -> list[ColumnHead]:
    """Each column's group, scope and span from the group lines above it.

    A line of k group cells over n columns covers them in equal runs, left to right (n/k
    each): issuers print the group's and the company's figures as equal sets. When k does
    not divide n (a third balance sheet under "Group" only, IAS 1.40A), tab fields say which
    cell is over which column (``fields``: each column's tab field in the date/year line);
    otherwise the line is ignored rather than guessed.
    """
    group = [""] * n
    scope = [""] * n
    months: list[int | None] = [None] * n
    cumulative = [False] * n
    keys: list[tuple[int, ...]] = [()] * n
    for text in [*header_lines, *_stacked_cells(header_lines)]:
        cells = group_cells(text)
        if not cells:
            continue
        runs = _runs(text, cells, n, fields)
        if runs is None:
            continue
        whole = any(re.fullmatch(_WHOLE, c, re.I) for c in cells)
        for i, cell in enumerate(cells):
            span = _DURATION.search(cell)
            for c in runs[i]:
                if len(cells) < n:
                    keys[c] = (*keys[c], i)
                if span:
                    months[c] = _DURATION_MONTHS[span.group(1).split()[0].split("-")[0].lower()]
                    continue
                if re.match(_SPAN, cell, re.I):
                    continue            # "Period ended ...": a span with no length
                # the group is what spans columns (or says whose figures they are); a
                # heading over each single column is no group
                if len(cells) < n or re.fullmatch(f"{_SEPARATE}|{_WHOLE}|{_BANK}", cell, re.I):
                    group[c] = f"{group[c]} / {cell}" if group[c] else cell
                if re.fullmatch(_SEPARATE, cell, re.I) or (
                        whole and re.fullmatch(_BANK, cell, re.I)):
                    scope[c] = "separate"
                elif _CUMULATIVE.search(cell):
                    cumulative[c] = True
                elif _ONE_QUARTER.search(cell) and months[c] is None:
                    months[c] = 3
    return [ColumnHead(group[c], scope[c], months[c], cumulative[c], keys[c]) for c in range(n)]


def _runs(text: str, cells: list[str], n: int,
          fields: list[int] | None) -> list[range] | None:
    """The columns under each group cell: equal runs, else by tab field, else None."""
    k = len(cells)
    if n % k == 0:
        return [range(i * (n // k), (i + 1) * (n // k)) for i in range(k)]
    at = [i for i, f in enumerate(text.split("\t")) if f.strip()]
    if not fields or len(fields) != n or len(at) != k or fields[0] < at[0]:
        return None
    owner = [max(i for i in range(k) if at[i] <= f) for f in fields]
    runs = [range(owner.index(i), n - owner[::-1].index(i)) if i in owner else range(0)
            for i in range(k)]
    return runs if all(runs) else None
