"""Evidence: items, encrypted files, chain of custody and links to legal elements."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases import elements, search
from laborlens.cases.models import CustodyEvent, ElementLink, Evidence, EvidenceFile
from laborlens.cases.services.common import note
from laborlens.core.crypto import decrypt_bytes, encrypt_bytes
from laborlens.core.errors import RuleError
from laborlens.core.versioning import save_versioned

if TYPE_CHECKING:
    from laborlens.accounts.models import User


def save_evidence(evidence: Evidence, *, by: User, expected_version: int | None = None,
                  request: HttpRequest | None = None) -> Evidence:
    with transaction.atomic():
        creating = evidence.pk is None
        if creating:
            evidence.created_by = by
            numbers = set(evidence.case.evidence.values_list("number", flat=True))
            count = len(numbers) + 1
            while f"E-{count}" in numbers:
                count += 1
            evidence.number = f"E-{count}"
            evidence.save()
        else:
            save_versioned(evidence, expected_version)
        search.index_evidence(evidence)
        note(evidence.case, (_("Evidence %(number)s recorded: %(kind)s.") if creating
                             else _("Evidence %(number)s updated.")) % {
            "number": evidence.number, "kind": Evidence.Kind(evidence.kind).label}, by)
        record_event(EventTag.CASE_EVIDENCE_CREATED if creating else EventTag.CASE_EVIDENCE_UPDATED,
                     request=request, actor=by, obj=evidence,
                     detail={"case": evidence.case.number, "number": evidence.number, "kind": evidence.kind})
    return evidence


def upload_dir() -> Path:
    """The local evidence folder (the default storage backend's location)."""
    folder = Path(settings.MEDIA_ROOT) / "cases"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def add_file(evidence: Evidence, *, data: bytes, name: str, content_type: str, by: User,
             request: HttpRequest | None = None) -> EvidenceFile:
    """Store an already validated upload, encrypted, under a random name."""
    from laborlens.core import storage

    stored_name = uuid.uuid4().hex
    storage.save_new(stored_name, encrypt_bytes(data))
    try:
        with transaction.atomic():
            attachment = EvidenceFile.objects.create(
                evidence=evidence, stored_name=stored_name, original_name=name, content_type=content_type,
                size=len(data), sha256=hashlib.sha256(data).hexdigest(), uploaded_by=by)
            note(evidence.case, _("File attached to evidence %(number)s.") % {"number": evidence.number}, by)
            record_event(EventTag.CASE_FILE_UPLOADED, request=request, actor=by, obj=attachment,
                         detail={"evidence": evidence.number, "type": content_type, "size": len(data)})
    except BaseException:
        storage.delete(stored_name)
        raise
    return attachment


def read_file(attachment: EvidenceFile) -> bytes:
    from laborlens.core import storage

    return decrypt_bytes(storage.read(attachment.stored_name))


def add_custody(evidence: Evidence, *, by: User, data: dict[str, Any],
                request: HttpRequest | None = None) -> CustodyEvent:
    with transaction.atomic():
        event = CustodyEvent.objects.create(evidence=evidence, recorded_by=by, **data)
        note(evidence.case, _("Chain of custody for %(number)s: %(action)s.") % {
            "number": evidence.number, "action": CustodyEvent.Action(event.action).label}, by)
        record_event(EventTag.CASE_CUSTODY_RECORDED, request=request, actor=by, obj=evidence,
                     detail={"number": evidence.number, "action": event.action})
    return event


def link_element(evidence: Evidence, *, element: str, note_text: str, by: User,
                 request: HttpRequest | None = None) -> ElementLink:
    if elements.component(element) is None:
        raise RuleError(_("Choose an element from the list."))
    if evidence.element_links.filter(element=element).exists():
        raise RuleError(_("This item is already linked to that element."))
    with transaction.atomic():
        link = ElementLink.objects.create(evidence=evidence, element=element, note=note_text, created_by=by)
        note(evidence.case, _("Evidence %(number)s linked to the element %(element)s.") % {
            "number": evidence.number, "element": element}, by)
        record_event(EventTag.CASE_ELEMENT_LINKED, request=request, actor=by, obj=evidence,
                     detail={"number": evidence.number, "element": element})
    return link


def unlink_element(link: ElementLink, *, by: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        evidence = link.evidence
        detail = {"number": evidence.number, "element": link.element}
        link.delete()
        note(evidence.case, _("Evidence %(number)s unlinked from the element %(element)s.") % detail, by)
        record_event(EventTag.CASE_ELEMENT_UNLINKED, request=request, actor=by, obj=evidence, detail=detail)
