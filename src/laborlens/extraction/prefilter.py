"""Required words of a regular expression: a cheap test that skips a pattern that cannot match.

Most patterns match in few texts, but each is still tried at every position of every text.
``required(pattern)`` reads the pattern's syntax tree once and returns lower-case strings of
which every match of the pattern contains at least one ("pays|paid|pay" gives "pay", "paid";
"took (?:his|her) passports?" gives "took his passport", "took her passport"), or None when it
cannot tell. ``may_match`` then looks for them in the lower-cased text (``in`` for a few,
one expression sharing their prefixes for many): no required string in the text means the
pattern has no match there, so skipping it changes no result. Only ASCII strings are derived and only ASCII text is tested
(a non-ASCII text is always scanned), because there lower-casing is exactly what
re.IGNORECASE does ("K" and "k", never the Kelvin sign or the long s that Unicode case
folding also matches).

The derivation, per node of the tree:
* ``exact``: every string the node can match, when they are few (a literal, a small
  character class, an alternation or a short optional part of those); None otherwise.
* ``needed``: strings of which each match of the node contains one. A sequence's match
  contains each of its parts' matches, so any part's set will do, and so does the product of
  a run of parts whose exact strings are known; an alternation needs the union of its
  branches' sets (None if a branch has none); a repeat done at least once needs its body's.
  Lookarounds and anchors match the empty string.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from re import _constants as _c  # type: ignore[attr-defined]  # the stdlib's own regex parser
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_MAX_STRINGS = 64  # larger sets of exact strings are given up
_MAX_NEEDED = 1000  # nor is a needed set of more strings tested
_MAX_CLASS = 8  # a character class of more characters is not expanded
_LONG_ENOUGH = 12  # a run of exact parts is not extended once its strings are this long
_MIN_USEFUL = 3  # shorter required strings are in nearly every text: no use testing them

Strings = frozenset[str]
_EMPTY: Strings = frozenset({""})


def _best(candidates: Iterable[Strings]) -> Strings | None:
    """The set of required strings most likely to rule a text out: the least summed chance of
    each string being in a text, taking a string one letter longer as a third as likely."""
    return min(candidates, key=lambda s: sum(3.0 ** -len(x) for x in s), default=None)


def _product(a: Strings, b: Strings) -> Strings | None:
    if len(a) * len(b) > _MAX_STRINGS:
        return None
    return frozenset(x + y for x in a for y in b)


def _sequence(nodes: Any) -> tuple[Strings | None, Strings | None]:
    parts: list[tuple[Strings | None, Strings | None]] = []
    for op, av in nodes:
        exact, needed = _node(op, av)
        if exact is not None and len(exact) == 1 and parts and parts[-1][0] is not None and len(parts[-1][0]) == 1:
            (before,), (after,) = parts[-1][0], exact  # one known string after another: one string
            parts[-1] = (frozenset({before + after}), None)
        else:
            parts.append((exact, needed))
    candidates = [needed for _, needed in parts if needed is not None]
    for i in range(len(parts)):  # runs of consecutive parts whose exact strings are known
        run: Strings | None = _EMPTY
        for exact, _ in parts[i:]:
            if exact is None or run is None:
                break
            longer = _product(run, exact)
            if longer is None:
                break
            run = longer
            if "" not in run:
                candidates.append(run)
                if min(map(len, run)) >= _LONG_ENOUGH:
                    break
    exact_all: Strings | None = _EMPTY
    for exact, _ in parts:
        exact_all = None if exact is None or exact_all is None else _product(exact_all, exact)
    return exact_all, _best(candidates)


def _own_needed(exact: Strings | None, needed: Strings | None) -> Strings | None:
    """A node's needed set, its exact strings counting as one when none is empty."""
    if exact is not None and "" not in exact:
        return _best([exact] + ([needed] if needed is not None else []))
    return needed


def _node(op: Any, av: Any) -> tuple[Strings | None, Strings | None]:
    """(exact strings, needed strings) of one node of the parse tree."""
    if op is _c.LITERAL:
        char = chr(av)
        return (frozenset({char.lower()}), None) if char.isascii() else (None, None)
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < _MAX_CLASS:
                chars.update(chr(code) for code in range(value[0], value[1] + 1))
            else:  # a negated class, a category (\w, \s, \d) or a wide range
                return None, None
        if len(chars) > _MAX_CLASS or not all(ch.isascii() for ch in chars):
            return None, None
        return frozenset(ch.lower() for ch in chars), None
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero width
        return _EMPTY, None
    if op is _c.SUBPATTERN:
        return _sequence(av[3])
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    if op is _c.BRANCH:
        branches = [_sequence(branch) for branch in av[1]]
        exact_all: Strings | None = frozenset()
        needed_all: Strings | None = frozenset()
        for exact, needed in branches:
            exact_all = None if exact is None or exact_all is None else exact_all | exact
            own = _own_needed(exact, needed)
            needed_all = None if own is None or needed_all is None else needed_all | own
        if exact_all is not None and len(exact_all) > _MAX_STRINGS:
            exact_all = None
        return exact_all, needed_all
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, body = av
        exact, needed = _sequence(body)
        repeated: Strings | None = None
        if exact is not None and high <= 3:
            repeated = _EMPTY if low == 0 else None
            power: Strings | None = _EMPTY
            for count in range(1, high + 1):
                power = None if power is None else _product(power, exact)
                if power is None:
                    repeated = None
                    break
                if count >= low:
                    repeated = power if repeated is None else repeated | power
        return repeated, (_own_needed(exact, needed) if low >= 1 else None)
    return None, None  # anything else (., a back reference, a conditional group) tells nothing


def _minimal(strings: Strings) -> tuple[str, ...]:
    """The strings without those containing another one (that one is found wherever they are)."""
    ordered = sorted(strings, key=lambda s: (len(s), s))
    kept: list[str] = []
    for s in ordered:
        if not any(k in s for k in kept):
            kept.append(s)
    return tuple(kept)


def required(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of ``pattern`` contains; None if unknown."""
    exact, needed = _sequence(_parser.parse(pattern.pattern, pattern.flags))
    strings = _own_needed(exact, needed)
    if strings is None or min(map(len, strings)) < _MIN_USEFUL:
        return None
    kept = _minimal(strings)
    return kept if len(kept) <= _MAX_NEEDED else None


def _trie(strings: Iterable[str]) -> str:
    """One regular expression for the strings, sharing their prefixes, so that a search tries
    each text position against a few letters instead of every string in turn."""
    root: dict[str, Any] = {}
    for s in strings:
        node = root
        for char in s:
            node = node.setdefault(char, {})

    def branches(node: dict[str, Any]) -> str:
        alternatives = [re.escape(char) + branches(child) for char, child in sorted(node.items())]
        if len(alternatives) <= 1:
            return "".join(alternatives)  # no string is a prefix of another (_minimal): a leaf ends one
        return "(?:" + "|".join(alternatives) + ")"

    return branches(root)


_FEW = 6  # up to this many strings, ``in`` tests each; more are searched as one expression
Test = Callable[[str], object]
_tests: dict[int, tuple[re.Pattern[str], Test | None]] = {}


def _test(pattern: re.Pattern[str]) -> Test | None:
    """A test true on every lower-cased text the pattern can match in (None: no test)."""
    entry = _tests.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry[1]
    strings = required(pattern)
    test: Test | None = None
    if strings is not None and len(strings) <= _FEW:
        few = strings

        def test(low: str) -> bool:
            for s in few:
                if s in low:
                    return True
            return False
    elif strings is not None:
        test = re.compile(_trie(strings)).search
    _tests[id(pattern)] = (pattern, test)
    return test


@lru_cache(maxsize=4)  # the concept checks of one text all ask for it
def lowered(text: str) -> str | None:
    """The text as ``may_match`` reads it: lower case, or None for a non-ASCII text (always scanned)."""
    return text.lower() if text.isascii() else None


def may_match(pattern: re.Pattern[str], low: str | None) -> bool:
    """False only if ``pattern`` cannot match the text whose ``lowered`` form is ``low``."""
    if low is None:
        return True
    test = _test(pattern)
    return test is None or bool(test(low))
