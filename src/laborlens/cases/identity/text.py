"""Free text as one viewer may see it: the identifying values of every person whose
identity the viewer may not see are replaced by that person's pseudonym (V-1).

The system knows every identifying value of each person on a case: full name, aliases
and their parts, date of birth, phones, e-mails, address and document numbers. Matching is
tolerant of how people write them: case and accents are folded ("JOSÉ" = "jose"),
spacing and punctuation between the parts of a name, document or phone number may vary
("GT-998 1234" = "GT 9981234"; "(202) 555-0187" = "+1 202 555 0187" = "2025550187"), and
dates of birth are found as 1990-02-03, 02/03/1990, 3/2/1990 and so on.

``Renderer(user, people)`` decides once, with ``identity.access.shown``, whose identity
is hidden from ``user``, and then renders any number of texts; ``withheld`` says whether
something was replaced, so the page can say so. ``redact(text, people)`` hides everyone
(exports and anything shared outside the case team) and, with ``strict``, also removes
anything that still looks like a phone number or an e-mail address.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from laborlens.cases.identity.access import ShownPerson, member_case_ids, shown
from laborlens.core import prepared

if TYPE_CHECKING:
    from laborlens.accounts.models import User
    from laborlens.cases.models import Person

REMOVED = "[removed]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?<!\w)\+?\d[\d ().-]{6,}\d(?!\w)")
# Name parts too common to stand for a person on their own (they still match inside a full name).
COMMON_PARTS = frozenset({"del", "los", "las", "san", "santa", "van", "von", "der", "den", "dos", "das", "the", "and",
                          "mrs", "miss"})
SEPARATOR = r"[\W_]{0,3}"  # between the parts of a value: spaces, dots, dashes, brackets
NON_WORD = re.compile(r"[\W_]+")
# A pattern and the letters and digits every one of its matches holds in a row once the
# non-word characters of the text are taken out (see ``Rules``).
Rule = tuple[str, str]


def _letters(text: str) -> str:
    return NON_WORD.sub("", text)


def fold(text: str) -> tuple[str, list[int]]:
    """Case- and accent-folded text and, for each folded character, its index in ``text``."""
    if text.isascii():  # most text: nothing to decompose, one character for one
        return text.lower(), list(range(len(text)))
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for folded in part.casefold():
                chars.append(folded)
                origin.append(index)
    return "".join(chars), origin


def _flexible(tokens: list[str]) -> str:
    return SEPARATOR.join(re.escape(token) for token in tokens if token)


def _name_patterns(value: str) -> list[Rule]:
    folded = fold(value.strip())[0]
    tokens = re.findall(r"[^\W_]+", folded)
    if not tokens:
        return []
    patterns = [(rf"(?<![^\W_]){_flexible(tokens)}(?![^\W_])", "".join(tokens))]
    patterns += [(rf"(?<![^\W_]){re.escape(token)}(?![^\W_])", token) for token in tokens
                 if len(token) >= 3 and token not in COMMON_PARTS]
    return patterns


def _digits_pattern(digits: str) -> Rule:
    return r"(?<![\d+(])(?:\+\s?)?\(?" + r"[\s().\-/]{0,3}".join(digits) + r"(?![\d])", digits


def _phone_patterns(value: str) -> list[Rule]:
    digits = re.sub(r"\D", "", value)
    if len(digits) < 7:
        return []
    found = {digits}
    if len(digits) > 10:
        found.add(digits[-10:])  # without the country code
    if len(digits) >= 10:
        found.add(digits[-7:])  # the local number alone
    return [_digits_pattern(item) for item in sorted(found, key=len, reverse=True)]


def _document_patterns(value: str) -> list[Rule]:
    tokens = re.findall(r"[^\W_]+", fold(value)[0])
    if not tokens:
        return []
    patterns = [(rf"(?<![^\W_]){SEPARATOR.join(re.escape(ch) for ch in ''.join(tokens))}(?![^\W_])",
                 "".join(tokens))]
    for index, token in enumerate(tokens):
        if any(ch.isdigit() for ch in token) and len(token) >= 4:
            # The number, alone or with the short letter prefix before it ("GT 9981234").
            chars = token
            if index and len(tokens[index - 1]) <= 3 and tokens[index - 1].isalpha():
                patterns.append((rf"(?<![^\W_]){SEPARATOR.join(re.escape(ch) for ch in tokens[index - 1] + chars)}"
                                 r"(?![^\W_])", tokens[index - 1] + chars))
            patterns.append((rf"(?<![^\W_]){SEPARATOR.join(re.escape(ch) for ch in chars)}(?![^\W_])", chars))
    return patterns


def _date_patterns(value: str) -> list[Rule]:
    value = value.strip()
    try:
        born = date.fromisoformat(value)
    except ValueError:
        return [(rf"(?<!\w){re.escape(fold(value)[0])}(?!\w)", _letters(fold(value)[0]))] if value else []
    y, m, d = born.year, born.month, born.day
    forms = {f"{y:04d}-{m:02d}-{d:02d}", f"{y:04d}/{m:02d}/{d:02d}"}
    for mm in {f"{m:02d}", str(m)}:
        for dd in {f"{d:02d}", str(d)}:
            for sep in "/-.":
                forms.add(f"{mm}{sep}{dd}{sep}{y}")
                forms.add(f"{dd}{sep}{mm}{sep}{y}")
    return [(rf"(?<!\d){re.escape(form)}(?!\d)", _letters(form)) for form in sorted(forms, key=len, reverse=True)]


def patterns_for(person: Person) -> list[str]:
    """Every identifying value of a person, as patterns over folded text."""
    return [pattern for pattern, _needs in rules_for(person)]


def rules_for(person: Person) -> list[Rule]:
    """``patterns_for``, each with the letters and digits its matches hold in a row: the
    value's own (the parts of a value are only ever separated by non-word characters)."""
    patterns: list[Rule] = []
    for name in [person.full_name, *(person.aliases or [])]:
        if name and str(name).strip():
            patterns += _name_patterns(str(name))
    for phone in person.phones or []:
        patterns += _phone_patterns(str(phone))
    for email in person.emails or []:
        if str(email).strip():
            folded = fold(str(email).strip())[0]
            patterns.append((rf"(?<![\w.+-]){re.escape(folded)}(?![\w-])", _letters(folded)))
    for document in person.id_documents or []:
        patterns += _document_patterns(str(document))
    if person.address and person.address.strip():
        address = person.address.strip()
        for part in {address, address.split(",")[0]}:
            tokens = re.findall(r"[^\W_]+", fold(part)[0])
            if tokens:
                patterns.append((rf"(?<![^\W_]){_flexible(tokens)}(?![^\W_])", "".join(tokens)))
    if person.date_of_birth:
        patterns += _date_patterns(str(person.date_of_birth))
    return patterns


class Rules:
    """Patterns for a set of people, each compiled when a text first needs it.

    A match of a value's pattern holds the value's letters and digits in a row once the
    text's non-word characters are taken out (the patterns only ever let non-word
    characters come between the parts of a value). ``apply`` checks that first, with a
    substring test, so a text is matched only against the people it can name: a download of
    2,500 case titles used to compile some 43,000 patterns, almost none of which could match
    (BENCHMARKS.md "Case list download")."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.rules: list[tuple[str, str, str]] = []  # (pattern, letters and digits it needs, pseudonym)
        for person in people:
            for pattern, needs in rules_for(person):
                self.rules.append((pattern, needs, person.pseudonym))

    def apply(self, text: str) -> tuple[str, bool]:
        if not text or not self.rules:
            return text or "", False
        folded, origin = fold(text)
        letters = _letters(folded)
        spans: list[tuple[int, int, str]] = []
        for pattern, needs, pseudonym in self.rules:
            if needs not in letters:
                continue  # no match possible (see the class's note)
            for match in re.compile(pattern).finditer(folded):
                if match.end() > match.start():
                    spans.append((origin[match.start()], origin[match.end() - 1] + 1, pseudonym))
        if not spans:
            return text, False
        # Earliest first, longest first at the same start; overlapping matches merge into the first.
        spans.sort(key=lambda span: (span[0], -span[1]))
        out: list[str] = []
        position = 0
        for start, end, pseudonym in spans:
            if start < position:
                if end > position:
                    position = end  # overlap: extend the replaced region
                continue
            out.append(text[position:start])
            out.append(pseudonym)
            position = end
        out.append(text[position:])
        return "".join(out), True


def redact(text: str, people: Iterable[Person], *, strict: bool = False) -> str:
    """Everyone's identifying values replaced (for export or sharing outside the team)."""
    result, _changed = Rules(people).apply(text or "")
    if strict:
        result = PHONE.sub(REMOVED, EMAIL.sub(REMOVED, result))
    return result


class Renderer:
    """Free text for one viewer: people whose identity they may not see become pseudonyms."""

    do_not_call_in_templates = True  # passed to the ``seen`` filter, not called by the template engine

    def __init__(self, user: User, people: Iterable[Person], *, decided: Iterable[ShownPerson] | None = None) -> None:
        """``decided``: the page's own ``shown(...)`` list, when it has one (no second look-up)."""
        if decided is None:
            people = list(people)
            decided = shown(user, people, member_case_ids(user, {person.case_id for person in people}))
        self.hidden = [item.person for item in decided if not item.identity]
        self.rules = Rules(self.hidden)
        self.withheld = False

    def __call__(self, text: str | None) -> str:
        result, changed = self.rules.apply(text or "")
        self.withheld = self.withheld or changed
        return result

    def reveals(self, text: str | None) -> bool:
        """Would the raw text show this viewer an identity they may not see?"""
        return self.rules.apply(text or "")[1]


# What deciding whose identity is hidden (``identity.access``) and building their patterns
# (``rules_for``) read of a person: the notes, justification and city (three more
# decryptions a person) and the NIBRS fields are left in the database.
RENDERER_COLUMNS = ("case_id", "role", "pseudonym", "recorded_by_agency_id", "full_name", "aliases",
                    "date_of_birth", "phones", "emails", "address", "id_documents")


def _people_query() -> Any:
    """The people of the case in slot 0 with RENDERER_COLUMNS: compiled once (core.prepared)."""
    from laborlens.cases.models import Person

    return Person.objects.filter(case_id=prepared.slot(0)).only(*RENDERER_COLUMNS)


def renderer_for_case(user: User, case: object, *, shared: Iterable[int] = (),
                      member_of: frozenset[int] | None = None) -> Renderer:
    """``shared``: ids of people whose identity reached this user by another route the rules
    allow (a referral carrying what a valid consent gave the receiving agency). ``member_of``:
    the caller's ``member_case_ids(user, [case.pk])`` when it already knows it (one query less)."""
    from laborlens.cases.models import Person

    if not shared:
        if member_of is not None:
            people = prepared.fixed("cases.renderer_people", _people_query, slots=1).objects(case.pk)  # type: ignore[attr-defined]
            return Renderer(user, people, decided=shown(user, people, member_of))
        return Renderer(user, Person.objects.filter(case=case))
    people = list(Person.objects.filter(case=case))
    shared = set(shared)
    decided = [ShownPerson(item.person, item.identity or item.person.pk in shared)
               for item in shown(user, people, member_case_ids(user, {person.case_id for person in people}))]
    return Renderer(user, people, decided=decided)


# Whose identity is hidden depends on these alone (role, agency, membership, victim records):
# nothing encrypted is read to decide it.
DECIDING_COLUMNS = ("case_id", "role", "pseudonym", "recorded_by_agency_id")


def renderer_for_cases(user: User, case_ids: Iterable[int]) -> Renderer:
    """The renderer for the free text of several cases (a list page, search results): who is
    hidden is decided on plain columns, and only the hidden people are read with their
    identifying values and decrypted, to match and redact."""
    from laborlens.cases.models import Person

    case_ids = set(case_ids)
    if not case_ids:
        return Renderer(user, (), decided=[])
    people = Person.objects.filter(case__in=case_ids).only(*DECIDING_COLUMNS)
    hidden_ids = [item.person.pk for item in shown(user, people, member_case_ids(user, case_ids)) if not item.identity]
    if not hidden_ids:
        return Renderer(user, (), decided=[])
    hidden = Person.objects.filter(pk__in=hidden_ids).only(*RENDERER_COLUMNS)
    return Renderer(user, (), decided=[ShownPerson(person, False) for person in hidden])


def may_edit_text(user: User, author_agency_id: int | None, texts: Iterable[str | None], renderer: Renderer) -> bool:
    """Edit rights follow ownership: only the agency that wrote a text (its members and
    supervisors, within their case scope) edits it, and only someone who may see every
    identity in it, since an edit form shows the text raw. Everyone else reads it redacted."""
    if author_agency_id is None or user.agency_id != author_agency_id:
        return False
    return not any(renderer.reveals(text) for text in texts)
