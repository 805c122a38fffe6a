"""Export and import of the victim-language catalogues (.po), for review by fluent speakers.

Used by the "Victim languages" page and ``laborlens languages export|import``. An import is
checked in full first (``victim_languages.check_po``); on any error nothing is written and
the refusal is audited. A good file replaces the language's catalogue; ``reviewed_by``
marks the language reviewed (name and date), otherwise it is machine-drafted again. Both
files are written whole (temporary file, then rename) so a crash leaves the old one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.utils import timezone

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.core import victim_languages as vl


def export_po(code: str, **audit: Any) -> str:
    lang = vl.get(code)
    if lang is None or not lang.own_catalogue:
        raise vl.LanguageDataError(f"{code}: not a victim language with its own catalogue")
    text = vl.render_po(code, vl.translations(code), vl.status(code), timezone.localdate())
    translated, total = vl.coverage(code)
    record_event(EventTag.VICTIM_LANGUAGE_EXPORTED, detail={"language": code, "translated": translated,
                                                            "total": total}, **audit)
    return text


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def import_po(code: str, text: str, *, reviewed_by: str = "", **audit: Any) -> vl.PoReport:
    """Check, then (only if there is no error) write the catalogue and its review status."""
    report = vl.check_po(code, text)
    if not report.ok:
        record_event(EventTag.VICTIM_LANGUAGE_IMPORT_REFUSED, outcome="failure",
                     detail={"language": code, "errors": len(report.errors)}, **audit)
        return report
    status = vl.reviewed(reviewed_by, timezone.localdate()) if reviewed_by.strip() else vl.Status()
    po_text = vl.render_po(code, report.messages, status, timezone.localdate())
    status_text = vl.status_document(code, status)
    _write(vl.po_path(code), po_text)
    _write(vl.STATUS_FILE, status_text)
    record_event(EventTag.VICTIM_LANGUAGE_IMPORTED,
                 detail={"language": code, "translated": report.translated, "total": report.total,
                         "status": status.state, "reviewed_by": status.reviewed_by}, **audit)
    return report
