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

# Qualifiers that may precede a title; stripped before matching.
_QUALIFIERS = re.compile(
    r"^(?:(?:unaudited|audited|interim|condensed|consolidated|combined|group|company|"
    r"the|summary|abridged|of|and)\b[\s,]*|(?:the\s+)?(?:group|company)'s\s+)+",
    re.IGNORECASE)
# Typos seen in extracted titles ("COMPREHANSIVE") are allowed by a loose stem.
_COMPREHENSIVE = r"compreh\w*"
_TITLE_RULES: tuple[tuple[re.Pattern[str], tuple[StatementKind, ...]], ...] = (
    (re.compile(r"^statements?\s+of\s+(?:profit\s+or\s+loss|income|operations)\s+and\s+"
                r"(?:other\s+)?" + _COMPREHENSIVE + r"\s+(?:income|loss)", re.I),
     ("income", "comprehensive_income")),
    (re.compile(r"^statements?\s+of\s+" + _COMPREHENSIVE + r"\s+(?:income|loss|\(loss\)|"
                r"income\s*/\s*\(?loss\)?|loss\s*/\s*\(?income\)?)", re.I),
     ("comprehensive_income",)),
    (re.compile(r"^(?:income\s+statements?|statements?\s+of\s+(?:profit\s+or\s+loss|"
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
# What may follow a title on its line: the period, "(continued)", "(unaudited)".
_TITLE_TAIL = re.compile(
    r"^(?:[\s,.:\-–—]*(?:\((?:continued|cont'd|unaudited|audited|restated)\)|continued|"
    r"(?:for\s+the\s+|as\s+(?:at|of)\s+|in\s+respect\s+of\s+).*)?)*[\s.:]*$", re.I)
_UNFINISHED = re.compile(r"\b(?:statements?|of|and|in|other|changes)\s*\**\s*$", re.I)
_NOTES_HEADING = re.compile(r"^\s*(?:\d+\s*\.?\s*)?notes?\s+to\s+the\b", re.I)
_NUMBER = re.compile(r"\(?\d[\d,]*\)?")


@dataclass(frozen=True)
class Block:
    """Where one statement sits in the document (line numbers are 1-based, inclusive)."""

    kind: StatementKind
    title: str
    first_line: int          # the title line
    last_line: int
    title_line: int = 0      # same as first_line; kept for messages


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

    The first titled block followed by a table is the statement; later titles of the same
    kind directly after it ("(continued)") extend it; mentions elsewhere are ignored.
    """
    lines = doc.lines
    titles: list[tuple[int, tuple[StatementKind, ...]]] = []
    full_titles: dict[int, str] = {}
    for i, line in enumerate(lines):
        kinds = title_kinds(line.text)
        title = " ".join(line.text.split())
        if not kinds and i + 1 < len(lines) and _UNFINISHED.search(line.text):
            # a title broken over two lines: "...STATEMENT OF PROFIT OR LOSS AND" / "OTHER
            # COMPREHENSIVE INCOME"
            title = " ".join((line.text + " " + lines[i + 1].text).split())
            kinds = title_kinds(title)
        if kinds and _figure_lines(doc, i + 1, i + 40) >= 3:
            titles.append((i, kinds))
            full_titles[i] = title.strip("*#_ ")
    notes = [i for i, line in enumerate(lines) if _NOTES_HEADING.match(line.text)]

    blocks: list[Block] = []
    seen: set[StatementKind] = set()
    for n, (i, kinds) in enumerate(titles):
        end = titles[n + 1][0] - 1 if n + 1 < len(titles) else len(lines) - 1
        later_notes = [j for j in notes if j > i]
        if later_notes:
            end = min(end, later_notes[0] - 1)
        end = _prose_end(doc, i, end)
        if set(kinds) & seen:
            # a continuation of the previous block of the same kind extends it
            if blocks and blocks[-1].kind in kinds and blocks[-1].last_line >= i - 2:
                for k, b in enumerate(blocks):
                    if b.kind in kinds and b.first_line == blocks[-1].first_line:
                        blocks[k] = Block(b.kind, b.title, b.first_line, end + 1, b.title_line)
            continue
        title = full_titles[i]
        for kind in kinds:
            blocks.append(Block(kind, title, i + 1, end + 1, i + 1))
            seen.add(kind)
    return blocks


def _prose_end(doc: Document, start: int, end: int) -> int:
    """Cut a block before the first paragraph of prose after its table has begun."""
    started = False
    for j in range(start + 1, end + 1):
        text = doc.lines[j].text
        if len(_NUMBER.findall(text)) >= 2 and "\t" in text:
            started = True
        elif started and _is_prose(text):
            end = j - 1
            break
    while end > start and not doc.lines[end].text.strip():
        end -= 1
    return end
