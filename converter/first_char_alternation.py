"""One-pass substitution over a long alternation, dispatched on each position's first character.

Why: the label normaliser rewrites ~110 phrase synonyms with one alternation regex. Python's
``re`` tries every branch at every position, which made ``canonical`` cost ~180 µs per new
label (most of a first-time look-up). A branch can only match where the text holds one of the
characters its match can start with, so each character gets the alternation of just those
branches, in the original order. Same leftmost-first result as ``re.sub`` with the whole
alternation, by construction: a branch left out of a bucket cannot match at that position.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
try:
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:                     # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}

# first characters of a (sub)pattern: None = any character; bool = can match empty
_First = tuple["set[str] | None", bool]


def _first_of_sequence(items: Iterable[tuple[object, object]]) -> _First:
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_of_op(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_of_op(op: object, av: object) -> _First:
    if op is C.LITERAL:
        return {chr(av)}, False  # type: ignore[arg-type]
    if op in _ZERO_WIDTH:
        return set(), True
    if op is C.IN:
        chars: set[str] = set()
        for kind, arg in av:  # type: ignore[union-attr]
            if kind is C.LITERAL:
                chars.add(chr(arg))
            elif kind is C.RANGE and arg[1] - arg[0] < 256:
                chars.update(chr(x) for x in range(arg[0], arg[1] + 1))
            else:
                return None, False      # negated sets, categories: any character
        return chars, False
    if op is C.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in av[1]:  # type: ignore[index]
            chars_b, null_b = _first_of_sequence(branch)
            if chars_b is None:
                return None, False
            out |= chars_b
            nullable = nullable or null_b
        return out, nullable
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av  # type: ignore[misc]
        if add_flags:
            return None, False          # inline flags (e.g. (?i)) change what a char matches
        return _first_of_sequence(sub)
    if op in _REPEATS:
        low, _high, sub = av  # type: ignore[misc]
        chars, nullable = _first_of_sequence(sub)
        return chars, nullable or low == 0
    return None, False


def first_chars(pattern: str) -> set[str] | None:
    """Characters a match of ``pattern`` can start with; None if any (or an empty match)."""
    chars, nullable = _first_of_sequence(_parser.parse(pattern))
    return None if nullable else chars


class FirstCharAlternation:
    """``re.sub`` of the alternation of ``branches`` (named ``names``) in one left-to-right scan.

    ``sub(text, repl)`` calls ``repl(name of the matching branch)``.
    """

    def __init__(self, branches: list[str], names: list[str]) -> None:
        parsed = [_first_of_sequence(_parser.parse(b)) for b in branches]
        if any(nullable for _chars, nullable in parsed):
            raise ValueError("a branch can match the empty string: use re.sub")
        firsts = [chars for chars, _nullable in parsed]
        alphabet = set().union(*(f for f in firsts if f is not None))
        self._any = [i for i, f in enumerate(firsts) if f is None]
        self._by_char: dict[str, re.Pattern[str]] = {}
        for ch in alphabet:
            keep = [i for i, f in enumerate(firsts) if f is None or ch in f]
            self._by_char[ch] = re.compile("|".join(
                f"(?P<{names[i]}>{branches[i]})" for i in keep))
        self._fallback = re.compile("|".join(
            f"(?P<{names[i]}>{branches[i]})" for i in self._any)) if self._any else None

    def sub(self, text: str, repl: Callable[[str], str]) -> str:
        by_char, fallback = self._by_char, self._fallback
        out: list[str] = []
        last = i = 0
        n = len(text)
        while i < n:
            rx = by_char.get(text[i], fallback)
            m = rx.match(text, i) if rx is not None else None
            if m is None:
                i += 1
                continue
            out.append(text[last:i])
            out.append(repl(m.lastgroup or ""))
            last = i = m.end()
        if not out:
            return text
        out.append(text[last:])
        return "".join(out)
