"""Timeline lines in the reader's language.

A timeline line is stored as text, written in the language of the person whose action made it
(the demo's in English). ``in_reader_language`` reads a stored line back against the
messages the services write (``MESSAGES``; tests/cases/test_timeline_text.py checks that the
list follows the cases.services package) and writes it again in the active language: the message
through gettext, the words it names (a role, a stage, a status) through gettext too, a legal
element as its label and a charge's statute as its citation. A line that matches no message
(a note someone typed) is shown as it was written.
"""

from __future__ import annotations

import functools
import re

from django.utils.translation import gettext, gettext_noop

from laborlens.cases import elements

MESSAGES = (
    gettext_noop("Case opened by %(user)s."),
    gettext_noop("Stage changed from %(old)s to %(new)s."),
    gettext_noop("Case details updated."),
    gettext_noop("%(user)s (%(agency)s) joined the team as %(role)s."),
    gettext_noop("%(user)s left the team."),
    gettext_noop("Shared with %(agency)s: %(what)s."),
    gettext_noop("%(role)s %(pseudonym)s added."),
    gettext_noop("%(pseudonym)s updated."),
    gettext_noop("Intelligence record %(pseudonym)s re-validated until %(date)s."),
    gettext_noop("Intelligence record %(pseudonym)s purged."),
    gettext_noop("%(kind)s added: %(name)s."),
    gettext_noop("%(kind)s updated: %(name)s."),
    gettext_noop("Evidence %(number)s recorded: %(kind)s."),
    gettext_noop("Evidence %(number)s updated."),
    gettext_noop("File attached to evidence %(number)s."),
    gettext_noop("Chain of custody for %(number)s: %(action)s."),
    gettext_noop("Evidence %(number)s linked to the element %(element)s."),
    gettext_noop("Evidence %(number)s unlinked from the element %(element)s."),
    gettext_noop("Operation plan written: %(title)s."),
    gettext_noop("Operation plan changed: %(title)s."),
    gettext_noop("Operation plan %(title)s: %(status)s."),
    gettext_noop("After-action report written: %(title)s."),
    gettext_noop("After-action report changed: %(title)s."),
    gettext_noop("Task added: %(title)s."),
    gettext_noop("Task done: %(title)s."),
    gettext_noop("Charge recorded: %(statute)s against %(who)s."),
    gettext_noop("Interview recorded: %(pseudonym)s (%(kind)s)."),
    gettext_noop("Deconfliction: a possible overlap with another agency's case was sent to the case leads."),
)

# Placeholders that hold one of the application's own words (translated again); the others
# hold what a person wrote (titles, pseudonyms, names) and stay as written.
WORDS = {"role", "kind", "status", "action", "what", "old", "new"}


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Longest messages first, so a specific message wins over a general one."""
    out = []
    for message in sorted(MESSAGES, key=len, reverse=True):
        parts = re.split(r"(%\(\w+\)s)", message)
        regex = "".join(f"(?P<{p[2:-2]}>.+?)" if p.startswith("%(") else re.escape(p) for p in parts)
        out.append((re.compile(f"^{regex}$", re.S), message))
    return tuple(out)


def _statute(code: str) -> str:
    for statute in elements.statutes():
        if statute.code == code:
            return f"{statute.citation} ({statute.title})"
    return code


def _value(name: str, value: str) -> str:
    if name == "element":
        element = elements.component(value)
        return f"{element.kind_label}: {element.label}" if element is not None else value
    if name == "statute":
        return _statute(value)
    if name in WORDS:
        return gettext(value)
    return value


def in_reader_language(text: str) -> str:
    for pattern, message in _patterns():
        match = pattern.match(text)
        if match:
            values = {name: _value(name, value) for name, value in match.groupdict().items()}
            return gettext(message) % values if values else gettext(message)
    return text
