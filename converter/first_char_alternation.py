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
_WORD = re.compile(r"\w")
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


def _word_start_only(items: Iterable[tuple[object, object]]) -> bool:
    """Does the pattern assert a word boundary before its first character (``\\b...``)?"""
    for op, av in items:
        if op is C.AT:
            if av is C.AT_BOUNDARY:
                return True
            continue
        if op in (C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.SUBPATTERN and not av[1]:  # type: ignore[index]
            return _word_start_only(av[3])  # type: ignore[index]
        if op is C.BRANCH:
            return all(_word_start_only(b) for b in av[1])  # type: ignore[index]
        return False
    return False


class FirstCharAlternation:
    """``re.sub`` of the alternation of ``branches`` (named ``names``) in one left-to-right scan.

    ``sub(text, repl)`` calls ``repl(name of the matching branch)``. A branch that starts
    with ``\\b`` and a word character can only match at the start of a word, so inside a
    word only the other branches are tried, and a C-level search skips to the next position
    where any branch can start.
    """

    def __init__(self, branches: list[str], names: list[str]) -> None:
        trees = [_parser.parse(b) for b in branches]
        parsed = [_first_of_sequence(t) for t in trees]
        if any(nullable for _chars, nullable in parsed):
            raise ValueError("a branch can match the empty string: use re.sub")
        firsts = [chars for chars, _nullable in parsed]
        # a branch that asserts a word boundary first, at a word character, can only
        # match at the start of a word
        bounded = [f is not None and _word_start_only(t) for f, t in zip(firsts, trees)]
        alphabet = set().union(*(f for f in firsts if f is not None))
        self._any = [i for i, f in enumerate(firsts) if f is None]
        self._start: dict[str, re.Pattern[str]] = {}     # at the start of a word
        self._inside: dict[str, re.Pattern[str]] = {}    # anywhere else
        for ch in alphabet:
            keep = [i for i, f in enumerate(firsts) if f is None or ch in f]
            self._start[ch] = self._compile(keep, branches, names)
            inside = [i for i in keep if not (bounded[i] and _WORD.match(ch))]
            if inside:
                self._inside[ch] = self._compile(inside, branches, names)
        self._fallback = self._compile(self._any, branches, names) if self._any else None
        # where a match can start: a word start at a character some branch starts with
        # (group "s"), or a character some branch can start with elsewhere (every position
        # when a branch can start with anything). A character that is not a word character
        # has the same branches either way, as a branch that must start a word starts with
        # a word character.
        inside_chars = "".join(sorted(self._inside))
        word_chars = "".join(sorted(ch for ch in self._start if _WORD.match(ch)))
        at_word = rf"(?P<s>\b[{re.escape(word_chars)}])" if word_chars else ""
        inside = f"[{re.escape(inside_chars)}]" if inside_chars else ""
        self._next = re.compile(r"(?s:.)" if self._any else
                                "|".join(p for p in (at_word, inside) if p) or r"(?!)")

    @staticmethod
    def _compile(keep: list[int], branches: list[str], names: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?P<{names[i]}>{branches[i]})" for i in keep))

    def sub(self, text: str, repl: Callable[[str], str]) -> str:
        start, inside, fallback, search = (self._start, self._inside, self._fallback,
                                           self._next.search)
        anywhere = bool(self._any)
        out: list[str] = []
        last = i = 0
        while (hit := search(text, i)) is not None:
            i = hit.start()
            ch = text[i]
            at_start = (i == 0 or not _WORD.match(text[i - 1])) if anywhere else \
                hit.lastgroup == "s"
            rx = (start if at_start else inside).get(ch, fallback)
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
