"""The languages of the pages victims and workers read, and their translation catalogues.

Pure module (no Django): the language list (``data/victim_languages.json``), the review
status of each translation (``data/victim_translation_status.json``), reading the
``victim`` gettext catalogue of a language (``locale/<code>/LC_MESSAGES/victim.po``),
the messages those pages need (``source_messages``), and the checks an imported ``.po``
must pass before anything is written (``check_po``).

The officer interface stays English/Spanish (``settings.LANGUAGES``); English and
Spanish victim pages use the main ``django`` catalogue, every other language its own
``victim`` catalogue, so a new victim language never appears in the officer's menu.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_FILE = Path(__file__).resolve().parent / "data" / "victim_languages.json"
STATUS_FILE = Path(__file__).resolve().parent / "data" / "victim_translation_status.json"
LOCALE_DIR = PACKAGE_DIR / "locale"
DOMAIN = "victim"
MACHINE_DRAFTED = "machine-drafted"
REVIEWED = "reviewed"
STATUSES = (MACHINE_DRAFTED, REVIEWED)
MAX_PO_BYTES = 512 * 1024
CODE_RE = re.compile(r"^[a-z]{2,3}(-[a-z]{2,4})?$")

# %(name)s, %s, %d and {name}: what a translation must carry over unchanged.
PLACEHOLDER_RE = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)[sdif]|%[sdif]|\{[A-Za-z_][A-Za-z0-9_]*\}")

# The note a machine-drafted page shows, in its own language and in English.
UNREVIEWED_NOTE = "This translation has not yet been reviewed by a fluent speaker."

# Template strings and form strings of the victim-facing pages, by where they are used.
# Kept explicit (not scanned) so the catalogue holds what a victim reads and no more;
# tests/core/test_victim_languages.py checks each is still a msgid of the main catalogue.
PAGE_MESSAGES: dict[str, tuple[str, ...]] = {
    "layout": (
        "Skip to content", "Main", "Language", "Change", "Emergency: call 911.",
        "National Human Trafficking Hotline", "Report a concern", "Warning signs of forced labor",
        UNREVIEWED_NOTE,
    ),
    "help": (
        "In an emergency", "If someone is in danger right now, call 911.",
        "National Human Trafficking Hotline, 24 hours, in English, Spanish and 200 more languages", "text",
    ),
    "tip form": (
        "Report a concern about forced labor",
        "You do not need to give your name. Tell us what you saw; every box is optional. We never record your "
        "internet address.",
        "Where?", "Send the tip", "Already sent a tip? Add information or read our questions",
        "What kind of work is it?", "Name of the business or employer", "Address or place",
        "A street address, a road, or a description of the place.", "City or town", "When did you see this?",
        "What did you see?", "Tell us what happened, in your own words",
        "Write in any language. Who, what, where, when. Do not put yourself in danger.",
        "How can we reach you? (optional)",
        "Leave empty to stay anonymous. You will get a tip code and passphrase either way.",
        "Choose, if you know", "Other work", "Leave this field empty",
        "It is happening now", "In the last week", "In the last month", "Longer ago", "I don't know",
        "Tell us what you saw: tick at least one box or write a few words.",
        "We could not accept this form. Please try again.",
        "This form could not be checked. Please send it again.",
        "That was very quick. Please check your answers and send again.",
        "This page is too old. Please send the form again.",
        "Something needs fixing",
        "If someone is in danger right now, call 911. National Human Trafficking Hotline",
        "Tips cannot be received here right now. Please call the hotline.",
        "Please wait", "Please wait a little",
        "Too many requests came from your connection. Please try again later.",
    ),
    "thanks": (
        "Thank you", "Thank you. Your tip was received.",
        "Write down or save these two things. They are shown only once. With them you can add information "
        "later and read any questions we have for you.",
        "Tip code", "Passphrase", "Add information or read our questions",
    ),
    "warning signs": (
        "For businesses, landlords, neighbours and anyone who sees workers in trouble. Forced labor happens in "
        "ordinary places: farms, restaurants, hotels, homes, building sites.",
        "What you might notice", "Industries most at risk", "If you run a business",
        "Know who recruits, houses and transports the people who work for you, including through contractors "
        "and staffing agencies.",
        "Never hold workers' passports or identity documents, and never charge recruitment fees.",
        "Pay every worker directly, in full, with a pay stub they can keep.",
        "How to report",
        "You can report without giving your name. Do not confront anyone or put yourself in danger.",
    ),
}


class LanguageDataError(ValueError):
    pass


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    native: str
    dir: str
    fallback: str
    catalogue: str
    sources: tuple[str, ...]
    note: str = ""

    @property
    def own_catalogue(self) -> bool:
        return self.catalogue == DOMAIN


@dataclass(frozen=True)
class Status:
    state: str = MACHINE_DRAFTED
    reviewed_by: str = ""
    reviewed_on: str = ""


@dataclass
class PoReport:
    """What an import would do: errors stop it; warnings do not."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    translated: int = 0
    total: int = 0
    messages: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return data


@cache
def languages() -> tuple[Language, ...]:
    """Every victim language, English and Spanish first; validated when loaded."""
    data = _data()
    result = []
    for rec in data["languages"]:
        lang = Language(rec["code"], rec["name"], rec["native"], rec["dir"], rec.get("fallback", ""),
                        rec["catalogue"], tuple(rec.get("sources", ())), rec.get("note", ""))
        result.append(lang)
    problems = validate(result, set(data.get("sources", {})))
    if problems:
        raise LanguageDataError("victim_languages.json: " + "; ".join(problems))
    return tuple(result)


def validate(langs: list[Language], source_ids: set[str]) -> list[str]:
    problems = []
    codes = [lang.code for lang in langs]
    for code, count in Counter(codes).items():
        if count > 1:
            problems.append(f"duplicate code {code}")
    for lang in langs:
        if not CODE_RE.match(lang.code):
            problems.append(f"{lang.code}: code is not a lower-case language tag")
        if lang.dir not in {"ltr", "rtl"}:
            problems.append(f"{lang.code}: dir must be ltr or rtl")
        if lang.catalogue not in {"django", DOMAIN}:
            problems.append(f"{lang.code}: catalogue must be django or {DOMAIN}")
        if lang.fallback and lang.fallback not in codes:
            problems.append(f"{lang.code}: unknown fallback {lang.fallback}")
        if lang.fallback == lang.code:
            problems.append(f"{lang.code}: falls back to itself")
        problems += [f"{lang.code}: unknown source {s}" for s in lang.sources if s not in source_ids]
    if codes[:2] != ["en", "es"]:
        problems.append("English and Spanish come first")
    return problems


def by_code() -> dict[str, Language]:
    return {lang.code: lang for lang in languages()}


def get(code: str) -> Language | None:
    return by_code().get((code or "").lower())


def extra_languages() -> tuple[Language, ...]:
    """The languages beyond English and Spanish, each with its own ``victim`` catalogue."""
    return tuple(lang for lang in languages() if lang.own_catalogue)


def sources() -> dict[str, str]:
    return dict(_data().get("sources", {}))


def fallback_chain(code: str) -> list[str]:
    """``quc`` -> ``["quc", "es", "en"]``: where a missing string is looked for next."""
    chain: list[str] = []
    lang = get(code)
    while lang is not None and lang.code not in chain:
        chain.append(lang.code)
        lang = get(lang.fallback) if lang.fallback else None
    if "en" not in chain:
        chain.append("en")
    return chain


# --- source messages -----------------------------------------------------------------------


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def data_messages() -> dict[str, tuple[str, ...]]:
    """English wording that lives in data files (checkboxes, industries, consent, questions)."""
    catalogue_dir = PACKAGE_DIR / "catalogue" / "data"
    tips = _json(PACKAGE_DIR / "tips" / "data" / "tips.json")
    industries = _json(catalogue_dir / "industries.json")
    consent = _json(PACKAGE_DIR / "victims" / "data" / "consent_text.json")
    short_form = _json(catalogue_dir / "short_form.json")
    indicators = {i["id"]: i for i in _json(catalogue_dir / "indicators.json")["indicators"]}
    return {
        "tip form: what did you see": tuple(o["en"] for o in tips["observations"]),
        "warning signs: industries": tuple(i["label"]["en"] for i in industries["industries"]),
        "consent form and receipt": tuple(consent["en"].values()),
        "read-aloud questions": tuple(indicators[i]["question"]["en"] for i in short_form["items"]),
    }


def source_messages() -> dict[str, str]:
    """Every message a victim-facing page may show, msgid -> where it is used (first use)."""
    found: dict[str, str] = {}
    for place, messages in (*PAGE_MESSAGES.items(), *data_messages().items()):
        for msgid in messages:
            found.setdefault(msgid, place)
    return found


# --- catalogues ------------------------------------------------------------------------------


def po_path(code: str, locale_dir: Path | None = None) -> Path:
    return (locale_dir or LOCALE_DIR) / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER_RE.findall(text))


_PO_LINE = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*$')


def lint_po(text: str) -> list[str]:
    """What babel's reader forgives but ``msgfmt --check`` does not: every line is a comment,
    blank, or a keyword with a properly quoted string (or a continuation string)."""
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not _PO_LINE.match(stripped):
            errors.append(f"line {number}: not a valid .po line: {stripped[:60]!r}")
    return errors[:20]


def _read(text: str) -> Any:
    from babel.messages.pofile import read_po

    return read_po(io.StringIO(text), abort_invalid=True)


def parse_po(text: str) -> dict[str, str]:
    """msgid -> msgstr for every translated, non-fuzzy message (raises on a broken file)."""
    catalog = _read(text)
    return {str(m.id): str(m.string) for m in catalog
            if m.id and isinstance(m.id, str) and isinstance(m.string, str) and m.string and not m.fuzzy}


_CACHE: dict[str, tuple[float, dict[str, str]]] = {}


def translations(code: str, locale_dir: Path | None = None) -> dict[str, str]:
    """The translated messages of a language's ``victim`` catalogue (empty if none), re-read
    when the file changes so an import takes effect at once."""
    path = po_path(code, locale_dir)
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return {}
    key = str(path)
    held = _CACHE.get(key)
    if held is None or held[0] != stamp:
        held = (stamp, parse_po(path.read_text(encoding="utf-8")))
        _CACHE[key] = held
    return held[1]


def coverage(code: str, locale_dir: Path | None = None) -> tuple[int, int]:
    """(translated, total) over the source messages."""
    wanted = source_messages()
    done = translations(code, locale_dir)
    return sum(1 for msgid in wanted if msgid in done), len(wanted)


def check_po(code: str, text: str) -> PoReport:
    """Everything an imported catalogue must pass; nothing is written by this function.

    Errors: not a victim language, too large, a line ``msgfmt --check`` would refuse, not
    parseable by babel (``abort_invalid``), a duplicate, markup the English has not, a
    placeholder added, dropped or renamed, a message the pages do not use. Warnings: messages left untranslated (they fall back)."""
    report = PoReport()
    lang = get(code)
    if lang is None or not lang.own_catalogue:
        report.errors.append(f"{code}: not a victim language with its own catalogue")
        return report
    if len(text.encode("utf-8")) > MAX_PO_BYTES:
        report.errors.append(f"the file is larger than {MAX_PO_BYTES // 1024} KiB")
        return report
    report.errors += lint_po(text)
    if report.errors:
        return report
    try:
        catalog = _read(text)
    except Exception as error:  # babel raises PoFileError, ValueError, ...
        report.errors.append(f"not a valid .po file: {error}")
        return report
    ids = [m.id for m in catalog if m.id]
    declared = sum(1 for line in text.splitlines() if line.startswith("msgid "))
    if declared != len(ids) + 1:  # + the header
        report.errors.append(f"not a valid .po file: {declared - 1} messages written, {len(ids)} readable "
                             "(a duplicate or a broken entry)")
        return report
    wanted = source_messages()
    report.total = len(wanted)
    for message in catalog:
        if not message.id:
            continue
        if not isinstance(message.id, str) or not isinstance(message.string, str):
            report.errors.append(f"line {message.lineno}: plural forms are not used on these pages")
            continue
        if message.id not in wanted:
            report.errors.append(f"line {message.lineno}: unknown message {message.id[:60]!r}")
            continue
        if not message.string or message.fuzzy:
            continue
        if any(mark in message.string and mark not in message.id for mark in "<>&"):
            report.errors.append(f"line {message.lineno}: no markup (<, > or &) in a translation: "
                                 f"{message.string[:60]!r}")
            continue
        if placeholders(message.id) != placeholders(message.string):
            expected = ", ".join(sorted(placeholders(message.id))) or "none"
            report.errors.append(f"line {message.lineno}: placeholders must stay as in English ({expected}): "
                                 f"{message.string[:60]!r}")
            continue
        report.messages[message.id] = message.string
    report.translated = len(report.messages)
    missing = report.total - report.translated
    if missing:
        report.warnings.append(f"{missing} of {report.total} messages untranslated: they show in "
                               f"{' then '.join(fallback_chain(code)[1:])}")
    return report


def render_po(code: str, messages: dict[str, str], status: Status, on: date | None = None) -> str:
    """A standard .po file with every source message (empty msgstr where untranslated),
    the page each is used on as a comment, and the review status in the header."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    lang = get(code)
    name = lang.name if lang else code
    from datetime import UTC, datetime, time

    stamp = datetime.combine(on or datetime.now(UTC).date(), time(0, 0), tzinfo=UTC)
    translator = (status.reviewed_by if status.state == REVIEWED else "machine draft, not reviewed")
    catalog = Catalog(project="LaborLens victim-facing pages", version=_data()["version"],
                      copyright_holder="LaborLens contributors", charset="utf-8", fuzzy=False,
                      creation_date=stamp, revision_date=stamp, last_translator=f"{translator} <>")
    catalog.header_comment = (f"# {name} ({code}) translation of the pages victims and workers read.\n"
                              f"# Status: {status.state}"
                              + (f", reviewed by {status.reviewed_by} on {status.reviewed_on}"
                                 if status.state == REVIEWED else "") + ".\n"
                              "# Keep every placeholder such as %(code)s or {serving} exactly as it is.")
    catalog.language_team = f"{name} <>"
    for msgid, place in source_messages().items():
        catalog.add(msgid, messages.get(msgid, ""), auto_comments=[place])
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False)
    text = out.getvalue().decode("utf-8")
    return text.replace('"MIME-Version: 1.0\\n"', f'"Language: {code}\\n"\n"MIME-Version: 1.0\\n"', 1)


# --- review status ---------------------------------------------------------------------------


def _status_data(path: Path | None = None) -> dict[str, Any]:
    path = path or STATUS_FILE
    if not path.exists():
        return {"languages": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def status(code: str, path: Path | None = None) -> Status:
    rec = _status_data(path)["languages"].get(code) or {}
    state = rec.get("status", MACHINE_DRAFTED)
    if state not in STATUSES:
        raise LanguageDataError(f"{code}: unknown translation status {state}")
    return Status(state, rec.get("reviewed_by", ""), rec.get("reviewed_on", ""))


def status_document(code: str, new: Status, path: Path | None = None) -> str:
    """The status file's text with ``code`` set to ``new`` (the caller writes it)."""
    data = _status_data(path)
    data.setdefault("comment", "Review status of each victim-language catalogue, written by "
                               "'laborlens languages import --reviewed-by' and the Victim languages page.")
    entry: dict[str, str] = {"status": new.state}
    if new.state == REVIEWED:
        entry.update(reviewed_by=new.reviewed_by, reviewed_on=new.reviewed_on)
    data["languages"][code] = entry
    data["languages"] = dict(sorted(data["languages"].items()))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def reviewed(name: str, on: date) -> Status:
    name = " ".join(name.split())[:100]
    if not name:
        raise LanguageDataError("a reviewer's name is needed")
    return Status(REVIEWED, name, on.isoformat())
