"""Stage 2a, locate: ``Document`` → the block of lines holding each primary statement.

A statement starts at its title ("CONSOLIDATED INCOME STATEMENT", "Interim condensed
consolidated statement of financial position", "Statement of profit or loss and other
comprehensive income", ...) and runs to the next statement title or the notes. Titles are
told apart from mentions in prose or in the notes by their shape: a short line that *starts*
with the title (after qualifiers such as "interim condensed consolidated") and is followed by
a table of figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Document, StatementKind

# Qualifiers that may precede a title; stripped before matching ("Summarised consolidated
# statement of ..." in South African results, "Reviewed condensed ...", "Provisional ...").
_QUALIFIERS = re.compile(
    r"^(?:(?:unaudited|audited|reviewed|interim|condensed|consolidated|combined|group|company|"
    r"parent|separate|standalone|the|summary|summari[sz]ed|abridged|provisional|preliminary|of|"
    r"and)"
    r"\b[\s,]*|"
    r"(?:the\s+)?(?:group|company)'s\s+)+",
    re.IGNORECASE)
# Typos seen in extracted titles ("COMPREHANSIVE") are allowed by a loose stem.
_COMPREHENSIVE = r"compreh\w*"
_TITLE_RULES: tuple[tuple[re.Pattern[str], tuple[StatementKind, ...]], ...] = (
    (re.compile(r"^statements?\s+of\s+(?:profit\s+(?:or|and)\s+loss|income|operations)\s+and\s+"
                r"(?:other\s+)?" + _COMPREHENSIVE + r"\s+(?:income|loss)", re.I),
     ("income", "comprehensive_income")),
    (re.compile(r"^statements?\s+of\s+" + _COMPREHENSIVE + r"\s+(?:income|loss|\(loss\)|"
                r"income\s*/\s*\(?loss\)?|loss\s*/\s*\(?income\)?)", re.I),
     ("comprehensive_income",)),
    (re.compile(r"^(?:income\s+statements?|statements?\s+of\s+(?:profit\s+(?:or|and)\s+loss|"
                r"income|operations|earnings)|profit\s+and\s+loss\s+account)\b", re.I),
     ("income",)),
    (re.compile(r"^(?:balance\s+sheets?|statements?\s+of\s+financial\s+position)\b", re.I),
     ("financial_position",)),
    (re.compile(r"^statements?\s+of\s+changes\s+in\s+(?:shareholders'?\s+|stockholders'?\s+)?"
                r"(?:equity|deficits?)", re.I),
     ("changes_in_equity",)),
    (re.compile(r"^(?:statements?\s+of\s+cash\s*flows?|cash\s*flow\s+statements?)\b", re.I),
     ("cash_flows",)),
)
_STATEMENT_OF = re.compile(r"^(statements?\s+of\s+)(?=\S)", re.I)
# What may follow a title on its line: the period, "(continued)", "(unaudited)".
_TITLE_TAIL = re.compile(
    r"^(?:[\s,.:\-–—]*(?:\((?:continued|cont'd|unaudited|audited|restated)\)|continued|"
    r"(?:for\s+the\s+|as\s+(?:at|of)\s+|in\s+respect\s+of\s+).*|" + r"\(?(?:of\s+)?(?:the\s+)?"
    r"(?:group(?:\s+and\s+(?:of\s+)?(?:the\s+)?company)?|(?:parent\s+)?company)\)?)?)*"
    r"[\s.:]*$", re.I)
# The parent company's own statement printed after the group's ("COMPANY BALANCE SHEET",
# "Statement of financial position of the Company", "Parent company statement of cash flows")
# as UK, Singapore and Malaysian issuers do: a statement of its own, never rows of the
# group's statement.
_SEPARATE_WORDS = re.compile(r"\b(?:company|parent|separate)\b", re.I)
_GROUP_WORDS = re.compile(r"\b(?:group|consolidated|combined)\b", re.I)
_UNFINISHED = re.compile(r"\b(?:statements?|of|and|in|other|changes)\s*\**\s*$", re.I)
_NOTE_HEADING = re.compile(r"^\s*\d{1,2}\.?\s+[A-Z][A-Z ,'’&()/-]{3,}\s*$")
_NOTES_HEADING = re.compile(r"^\s*(?:\d+\s*\.?\s*)?notes?\s+to\s+the\b", re.I)
# The sign-off that closes an announcement ("By order of the Board", "On behalf of the
# board of directors", "For and on behalf of ..."): nothing after it belongs to a table.
_SIGN_OFF = re.compile(r"^\s*(?:by\s+order\s+of|(?:for\s+and\s+)?on\s+behalf\s+of)\s+the\s+"
                       r"(?:board|directors)\b", re.I)
_NUMBER = re.compile(r"\(?\d[\d,]*\)?")
_YEARS_OR_UNIT = re.compile(r"(?:19|20)\d{2}\b.*\b(?:19|20)\d{2}\b|['’]000|\bmillion\b", re.I)
_NUMBER_CELL = re.compile(r"\d{1,3},\d{3}")


@dataclass(frozen=True)
class Block:
    """Where one statement sits in the document (line numbers are 1-based, inclusive)."""

    kind: StatementKind
    title: str
    first_line: int          # the title line
    last_line: int
    title_line: int = 0      # same as first_line; kept for messages
    separate: bool = False   # the parent company's own statement (title says so)


def is_separate_title(title: str) -> bool:
    """A title of the parent company's own statement: it names the company (or "parent",
    "separate") and not the group."""
    return bool(_SEPARATE_WORDS.search(title)) and not _GROUP_WORDS.search(title)


def title_kinds(text: str) -> tuple[StatementKind, ...]:
    """The statement kinds a line announces as its title, or ``()`` if it is not a title.

    >>> title_kinds("INTERIM CONDENSED CONSOLIDATED BALANCE SHEET")
    ('financial_position',)
    >>> title_kinds("Consolidated statement of profit or loss and other comprehensive income")
    ('income', 'comprehensive_income')
    >>> title_kinds("The figures in the consolidated balance sheet were agreed")
    ()
    """
    s = " ".join(text.replace("\t", " ").split())
    if not s or len(s) > 160:
        return ()
    s = s.strip("*#_ ").replace("’", "'")
    rest = _QUALIFIERS.sub("", s)
    # the qualifier may stand after "statement of" ("Statement of Consolidated Profit and Loss",
    # "Statement of Standalone Cash Flows"): the name of the statement follows it
    m = _STATEMENT_OF.match(rest)
    if m:
        rest = m.group(1) + _QUALIFIERS.sub("", rest[m.end(1):])
    for pattern, kinds in _TITLE_RULES:
        m = pattern.match(rest)
        if m and _TITLE_TAIL.match(rest[m.end():]):
            return kinds
    return ()


def _figure_lines(doc: Document, start: int, stop: int) -> int:
    """How many of lines[start:stop] (0-based) carry two or more figures (a table row)."""
    count = 0
    for line in doc.lines[start:stop]:
        if len(_NUMBER.findall(line.text)) >= 2:
            count += 1
    return count


def _is_prose(text: str) -> bool:
    """A paragraph line: many words, few figures, no tab cells; it ends a statement."""
    if "\t" in text:
        return False
    words = text.split()
    return len(words) > 25 and len(_NUMBER.findall(text)) <= 2 and text.rstrip().endswith(".")


def locate_statements(doc: Document) -> list[Block]:
    """Find the primary statements: one block per kind, in document order.

    Of the titled places followed by figures, the one that looks most like a statement (a
    column header close below, then the most figure lines) is the statement: a table of
    contents or a note that repeats a title loses. Titles of the same kind directly after it
    ("(continued)") extend it. The group's statement wins over the parent company's own
    ("Company balance sheet"), which ends it; see ``separate_statements``.
    """
    return _locate(doc)[0]


def separate_statements(doc: Document) -> list[Block]:
    """The parent company's own statements printed after the group's of the same kind
    (not among ``locate_statements``: the model holds one statement per kind)."""
    return _locate(doc)[1]


def _locate(doc: Document) -> tuple[list[Block], list[Block]]:
    lines = doc.lines
    candidates: list[tuple[int, tuple[StatementKind, ...], str]] = []
    for i, line in enumerate(lines):
        kinds = title_kinds(line.text)
        title = " ".join(line.text.split())
        if not kinds and i + 1 < len(lines) and _UNFINISHED.search(line.text):
            # a title broken over two lines: "...STATEMENT OF PROFIT OR LOSS AND" / "OTHER
            # COMPREHENSIVE INCOME"
            title = " ".join((line.text + " " + lines[i + 1].text).split())
            kinds = title_kinds(title)
        if kinds and _figure_lines(doc, i + 1, i + 40) >= 3:
            candidates.append((i, kinds, title.strip("*#_ ")))
    notes = [i for i, line in enumerate(lines) if _NOTES_HEADING.match(line.text)]
    separate = {i for i, _, title in candidates if is_separate_title(title)}

    best: dict[StatementKind, int] = {}
    for i, kinds, title in candidates:
        for kind in kinds:
            if kind in best and _CONTINUED.search(title):
                continue    # the rest of a statement already begun: never the statement
            if kind not in best or (i in separate, _neg(_score(doc, i))) < (
                    best[kind] in separate, _neg(_score(doc, best[kind]))):
                best[kind] = i
    chosen = sorted(set(best.values()))
    shadowed = sorted(i for i, kinds, _ in candidates if i in separate and i not in chosen
                      and all(best.get(k) not in separate for k in kinds))
    blocks: list[Block] = []
    others: list[Block] = []
    for i, kinds, title in candidates:
        if i not in chosen and i not in shadowed:
            continue
        # the block runs to the next title of another kind or scope (or the notes, or prose)
        nxt = [j for j, k2, _ in candidates if j > i and (
            j in chosen or not set(k2) & set(kinds) or (j in separate) != (i in separate))]
        end = nxt[0] - 1 if nxt else len(lines) - 1
        later_notes = [j for j in notes if j > i]
        if later_notes:
            end = min(end, later_notes[0] - 1)
        end = _prose_end(doc, i, end)
        end = _next_table_end(doc, i, end)
        part = None if i in separate else _company_part(doc, i, end)
        for kind in kinds:
            if part is not None:
                others.append(Block(kind, f"{title} ({lines[part].text.strip()})", part + 1,
                                    end + 1, i + 1, True))
            if best.get(kind) == i:
                last = _trim(doc, i, part - 1) if part is not None else end
                blocks.append(Block(kind, title, i + 1, last + 1, i + 1, i in separate))
            elif i in shadowed:
                others.append(Block(kind, title, i + 1, end + 1, i + 1, True))
    return blocks, others


_CONTINUED = re.compile(r"\((?:continued|cont'd|cont\.)\)|\bcontinued\s*$", re.I)


# "Company" alone on its line after the group's rows: the company's own figures follow in
# the same statement (Malaysian and Singapore statements of changes in equity print "Group"
# then "Company" blocks one under the other).
_COMPANY_HEADING = re.compile(r"^\s*(?:the\s+)?(?:company|parent\s+company|separate)"
                              r"(?:\s*\((?:continued|cont'd)\))?\s*:?\s*$", re.I)


def _company_part(doc: Document, start: int, end: int) -> int | None:
    """The line (0-based) where a block's company part begins, after figure lines."""
    seen_figures = False
    for j in range(start + 1, end + 1):
        text = doc.lines[j].text
        if len(_NUMBER.findall(text)) >= 2:
            seen_figures = True
        elif seen_figures and _COMPANY_HEADING.match(text.replace("\t", " ")):
            return j
    return None


def _trim(doc: Document, start: int, end: int) -> int:
    while end > start and not doc.lines[end].text.strip():
        end -= 1
    return end


def _neg(score: tuple[bool, int]) -> tuple[bool, int]:
    return (not score[0], -score[1])


def _score(doc: Document, i: int) -> tuple[bool, int]:
    """How much the lines after a title look like a statement: a column header ("2024
    2023", "RMB'000") before its first figure line, then its number of figure lines (up to
    the next title)."""
    header = False
    figures = 0
    for line in doc.lines[i + 1:i + 80]:
        if title_kinds(line.text):
            break
        if len(_NUMBER.findall(line.text)) >= 2 and _NUMBER_CELL.search(line.text):
            figures += 1
        elif not figures and _YEARS_OR_UNIT.search(line.text):
            header = True
    return header, figures


def _next_table_end(doc: Document, start: int, end: int) -> int:
    """Cut a block before another titled table that follows it: after the statement's rows, a
    line of words alone (a blank line above it, no figure, not a statement title nor the
    issuer's running header) over a column header of its own ("2025  2024", "R'000"),
    before any row, like the headline-earnings reconciliation South African issuers print after
    the cash-flow statement. A statement continued under its own title is a title."""
    started = False
    lines = doc.lines
    for j in range(start + 1, end + 1):
        text = lines[j].text
        if len(_NUMBER.findall(text)) >= 2 and _NUMBER_CELL.search(text):
            started = True
            continue
        words = text.strip()
        if not started or not words or re.search(r"\d", words) or "\t" in text or \
                lines[j - 1].text.strip() or title_kinds(words) or _CONTINUED.search(words) or \
                _FURNITURE_CUE.search(words) or len(words.split()) < 2:
            continue
        for ln in lines[j + 1:min(end, j + 4) + 1]:
            if _NUMBER_CELL.search(ln.text) or title_kinds(ln.text):
                break
            if _YEARS_OR_UNIT.search(ln.text):
                return _trim(doc, start, j - 1)
    return end


# Words of a running page header or footer, which name the issuer or the document.
_FURNITURE_CUE = re.compile(r"\b(?:berhad|bhd|limited|ltd|plc|inc|holdings|corporation|"
                            r"registration|company\s+no|announcement|results|report|page)\b",
                            re.I)


def _prose_end(doc: Document, start: int, end: int) -> int:
    """Cut a block before the first paragraph of prose, the first numbered note heading
    ("2. SEGMENT INFORMATION") or the sign-off ("By order of the Board"), after its table
    has begun."""
    started = False
    for j in range(start + 1, end + 1):
        text = doc.lines[j].text
        if len(_NUMBER.findall(text)) >= 2 and (_NUMBER_CELL.search(text) or "\t" in text):
            started = True
        elif started and (_is_prose(text) or _NOTE_HEADING.match(text) or
                          _SIGN_OFF.match(text) or
                          re.fullmatch(r"\s*notes?\s*", text, re.IGNORECASE)):
            end = j - 1
            break
    while end > start and not doc.lines[end].text.strip():
        end -= 1
    return end
