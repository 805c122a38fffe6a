"""The rules for tips: intake, follow-up, triage, matching, screening/case links, sharing.

Views and the API call these; each change is one transaction with its audit event. Events
about a public tipster's actions are written with no actor and no IP address.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency
from laborlens.audit.events import record_event
from laborlens.audit.reads import record_read
from laborlens.audit.tags import EventTag
from laborlens.cases import services as case_services
from laborlens.cases.models import Case, MatchKey
from laborlens.catalogue import load_catalogue
from laborlens.core import versioning
from laborlens.core.errors import RuleError
from laborlens.extraction import extract, to_answers
from laborlens.matching import keys, normalise
from laborlens.screening import services as screening_services
from laborlens.tips import reading, rules
from laborlens.tips.models import Source, Status, Tip, TipKey, TipUpdate

if TYPE_CHECKING:
    from laborlens.accounts.models import User

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L
PASS_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # noqa: S105  (an alphabet, not a secret)
MAX_NARRATIVE = 5000
MAX_ADDITION = 3000
MAX_ADDITIONS = 20
MATCH_KINDS = (keys.PHONE, keys.ADDRESS, keys.BUSINESS)
PHONE_IN_TEXT = re.compile(r"(?<!\w)\+?\d[\d ().-]{6,}\d(?!\w)")
# A hash to compare against when the code is unknown, so both answers take as long.
_DUMMY_HASH: list[str] = []


class TipError(RuleError):
    """A rule refused the change; the message is shown to the person."""


# --- reads: one function per read; the page and the API call it (issue 18.4) ----------


def list_tips(user: User, request: HttpRequest | None = None, *, status: str, count: int, via: str = "web") -> None:
    """The triage queue, filtered by ``status`` ("open", "all" or one status)."""
    record_read(EventTag.TIP_LISTED, request, by=user, via=via, status=status, count=count)


# --- codes and passphrases ---------------------------------------------------------------


def _hasher() -> str:
    """Argon2 (Django's hasher); a test may name a faster one for bulk runs."""
    return str(getattr(settings, "TIPS_PASSPHRASE_HASHER", "argon2"))


def _group(alphabet: str, groups: int, size: int) -> str:
    return "-".join("".join(secrets.choice(alphabet) for _ in range(size)) for _ in range(groups))


def new_code() -> str:
    while True:
        code = _group(CODE_ALPHABET, 2, 5)
        if not Tip.objects.filter(code=code).exists():
            return code


def new_passphrase() -> str:
    """Four groups of four (about 79 bits): typed on a phone, read out on a call."""
    return _group(PASS_ALPHABET, 4, 4)


def canonical_code(raw: str) -> str:
    text = re.sub(r"[^0-9A-Za-z]", "", raw or "").upper()[:20]
    return f"{text[:5]}-{text[5:]}" if len(text) == 10 else ""


def canonical_passphrase(raw: str) -> str:
    text = re.sub(r"[^0-9A-Za-z]", "", raw or "").lower()[:40]
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def verify(code: str, passphrase: str) -> Tip | None:
    """The public tip for this code and passphrase, or None (same time either way)."""
    code, passphrase = canonical_code(code), canonical_passphrase(passphrase)
    tip = Tip.objects.filter(code=code, source=Source.PUBLIC).first() if code else None
    if tip is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(make_password("not-a-passphrase", hasher=_hasher()))
        check_password(passphrase, _DUMMY_HASH[0])
        return None
    return tip if check_password(passphrase, tip.passphrase_hash) else None


# --- intake ------------------------------------------------------------------------------


def receiving_agency() -> Agency | None:
    """Public tips go to the agency named by LABORLENS_TIPS_AGENCY (short name), else to
    the first law-enforcement agency (the tip line's host in a one-task-force install)."""
    short_name = os.environ.get("LABORLENS_TIPS_AGENCY", "").strip()
    if short_name:
        return Agency.objects.filter(short_name=short_name).first()
    for agency in Agency.objects.order_by("pk"):
        if agency.is_law_enforcement:
            return agency
    return None


def partner_recipients(user: User) -> list[Agency]:
    """Law-enforcement agencies sharing a task force with the partner's agency (and its own)."""
    agencies = Agency.objects.filter(task_forces__agencies=user.agency_id).distinct().order_by("name")
    found = [a for a in agencies if a.is_law_enforcement]
    if user.agency.is_law_enforcement and user.agency not in found:
        found.insert(0, user.agency)
    return found


def phones_in(*texts: str) -> list[str]:
    found: list[str] = []
    for text in texts:
        for match in PHONE_IN_TEXT.findall(text or ""):
            try:
                value = normalise.phone(match)
            except normalise.NormaliseError:
                continue
            if value not in found:
                found.append(value)
    return found[:10]


def tip_keys(tip: Tip, extra_texts: list[str] | None = None) -> list[keys.Key]:
    """Same keys as a business entity on a case, so tips meet cases as well as tips."""
    return keys.entity_keys(kind="business", name=tip.business_name, trade_name="", city=tip.city,
                            phones=phones_in(tip.narrative, *(extra_texts or [])),
                            addresses=[tip.address] if tip.address.strip() else [], identifiers=[])


def _texts(tip: Tip) -> list[str]:
    additions = [u.text for u in tip.updates.filter(kind=TipUpdate.Kind.ADDITION)] if tip.pk else []
    return [tip.narrative, *additions]


def _assess(tip: Tip) -> None:
    """Indicators from the narrative and additions, what they support in law, and the explained priority."""
    read = reading.read_texts(_texts(tip))
    if read.language and (tip.language not in {"en", "es"} or tip.narrative.strip()):
        tip.language = read.language
    if tip.language not in {"en", "es"}:
        tip.language = "en"  # nothing to read (only boxes ticked): the page's language is set by submit()
    tip.indicator_ids = read.indicator_ids
    tip.reading = read.summary
    tip.priority, tip.priority_reasons = rules.prioritise(
        observations=tip.observations, indicators=read.indicator_ids, texts=_texts(tip), signals=read.signals)


def _refresh_keys(tip: Tip) -> None:
    TipKey.objects.filter(tip=tip).delete()
    for key in tip_keys(tip, _texts(tip)[1:]):
        TipKey.objects.create(tip=tip, kind=key.kind, value=key.value)


def submit(*, source: str, agency: Agency, data: dict[str, Any], submitted_by: User | None = None,
           request: HttpRequest | None = None) -> tuple[Tip, str]:
    """Store a tip; returns it and (public tips) the passphrase, shown once, stored hashed."""
    passphrase = new_passphrase() if source == Source.PUBLIC else ""
    with transaction.atomic():
        tip = Tip(source=source, agency=agency, submitted_by=submitted_by, code=new_code(),
                  passphrase_hash=make_password(passphrase, hasher=_hasher()) if passphrase else "",
                  partner_sector=data.get("partner_sector", ""), work_type=data.get("work_type", ""),
                  when=data.get("when") or "unknown", city=data.get("city", ""),
                  observations=list(data.get("observations", [])), narrative=data.get("narrative", ""),
                  business_name=data.get("business_name", ""), address=data.get("address", ""),
                  contact=data.get("contact", ""), language="",
                  page_language=str(data.get("page_language", ""))[:8])
        _assess(tip)
        if not tip.narrative.strip() and data.get("language") in {"en", "es"}:
            tip.language = data["language"]
        tip.save()
        _refresh_keys(tip)
        detail = {"source": source, "priority": tip.priority, "reasons": tip.priority_reasons,
                  "indicators": len(tip.indicator_ids)}
        if source == Source.PUBLIC:
            # No request: the event must not carry the tipster's address.
            record_event(EventTag.TIP_SUBMITTED, obj=tip, actor_label="public", ip="", detail=detail)
        else:
            record_event(EventTag.TIP_SUBMITTED, request=request, actor=submitted_by, obj=tip, detail=detail)
    return tip, passphrase


def add_information(tip: Tip, text: str) -> Tip:
    """The anonymous tipster adds to their tip (after verify())."""
    text = (text or "").strip()
    if not text:
        raise TipError("Write what you want to add.")
    if len(text) > MAX_ADDITION:
        raise TipError(f"Please keep each addition under {MAX_ADDITION} characters.")
    with transaction.atomic():
        current = Tip.objects.select_for_update().get(pk=tip.pk)
        if current.updates.filter(kind=TipUpdate.Kind.ADDITION).count() >= MAX_ADDITIONS:
            raise TipError("This tip cannot take more additions; please call the hotline.")
        TipUpdate.objects.create(tip=current, kind=TipUpdate.Kind.ADDITION, text=text)
        _assess(current)
        current.version += 1
        current.updated_at = timezone.now()
        current.save()
        _refresh_keys(current)
        record_event(EventTag.TIP_FOLLOWED_UP, obj=current, actor_label="public", ip="",
                     detail={"priority": current.priority, "indicators": len(current.indicator_ids)})
    return current


def public_view(tip: Tip, lang: str = "en") -> dict[str, Any]:
    """What the tipster may read back: status, questions asked, their own additions, and the
    plain questions about what their text leaves unknown (how the workers were brought, whether
    they can leave, what work they do)."""
    updates = [u for u in tip.updates.all() if u.kind in {TipUpdate.Kind.ADDITION, TipUpdate.Kind.QUESTION}]
    # Never the internal status: "linked to a case" would tell whoever holds the code (who might
    # be the employer) that an investigation exists.
    status = {Status.NEW: _("Received"), Status.CLOSED: _("Closed")}.get(tip.status, _("Being reviewed"))
    return {"code": tip.code, "status": status, "received": tip.created_at,
            "updates": updates, "questions": rules.follow_up_questions(reading.follow_up_topics(tip.reading), lang)}


# --- triage ------------------------------------------------------------------------------


def save_versioned(tip: Tip, expected_version: int | None) -> None:
    tip.updated_at = timezone.now()
    versioning.save_versioned(tip, expected_version)


def triage(tip: Tip, *, by: User, status: str, assigned_to: User | None, expected_version: int | None,
           request: HttpRequest | None = None) -> Tip:
    if status not in Status.values:
        raise TipError("Unknown status.")
    if assigned_to is not None and assigned_to.agency_id != tip.agency_id:
        raise TipError("Assign the tip to someone in the receiving agency.")
    before = {"status": tip.status, "assigned_to": tip.assigned_to_id}
    with transaction.atomic():
        tip.status = status
        tip.assigned_to = assigned_to
        if assigned_to is not None and status == Status.NEW:
            tip.status = Status.ASSIGNED
        save_versioned(tip, expected_version)
        record_event(EventTag.TIP_UPDATED, request=request, actor=by, obj=tip,
                     detail={"from_status": before["status"], "status": tip.status,
                             "assigned_to": tip.assigned_to_id})
    return tip


def add_update(tip: Tip, *, by: User, kind: str, text: str, request: HttpRequest | None = None) -> TipUpdate:
    text = (text or "").strip()
    if kind not in {TipUpdate.Kind.NOTE, TipUpdate.Kind.QUESTION}:
        raise TipError("Unknown kind of note.")
    if not text or len(text) > MAX_ADDITION:
        raise TipError(f"Write between 1 and {MAX_ADDITION} characters.")
    if kind == TipUpdate.Kind.QUESTION and tip.source != Source.PUBLIC:
        raise TipError("Questions go to anonymous tipsters; ask a partner directly.")
    with transaction.atomic():
        update = TipUpdate.objects.create(tip=tip, kind=kind, text=text, author=by)
        record_event(EventTag.TIP_NOTE_ADDED, request=request, actor=by, obj=tip, detail={"kind": kind})
    return update


def screening_answers(tip: Tip) -> list[dict[str, Any]]:
    """The extracted indicators as unconfirmed, third-party answers (never confirmed facts)."""
    allowed = screening_services.answerable_ids()
    merged: dict[str, dict[str, Any]] = {}
    for text in _texts(tip):
        if text.strip():
            for indicator, answer in to_answers(extract(text)).items():
                if indicator in allowed and indicator not in merged:
                    merged[indicator] = {"indicator": indicator, **answer}
    return list(merged.values())


def to_screening(tip: Tip, *, by: User, expected_version: int | None, request: HttpRequest | None = None) -> Any:
    if tip.screening_id is not None:
        raise TipError("This tip already became a screening.")
    with transaction.atomic():
        screening = screening_services.create(
            user=by, label=f"Tip {tip.code}", age_group="minor" if "minors" in tip.priority_reasons else "unknown",
            setting="hotline_or_tip", question_language=tip.language if tip.language in {"en", "es"} else "en",
            request=request)
        answers = screening_answers(tip)
        if answers:
            screening = screening_services.record_answers(screening, answers, user=by, request=request)
        tip.screening = screening
        tip.status = Status.SCREENING
        save_versioned(tip, expected_version)
        record_event(EventTag.TIP_TO_SCREENING, request=request, actor=by, obj=tip,
                     detail={"screening": screening.pk, "answers": len(answers)})
    return screening


def link_case(tip: Tip, case: Case, *, by: User, expected_version: int | None,
              request: HttpRequest | None = None) -> Tip:
    """The caller fetched the case through restrict(user, "change")."""
    with transaction.atomic():
        tip.case = case
        tip.status = Status.CASE
        save_versioned(tip, expected_version)
        case_services.note(case, f"Tip {tip.code} linked to this case.", by)
        record_event(EventTag.TIP_LINKED_TO_CASE, request=request, actor=by, obj=tip, detail={"case": case.pk})
    return tip


# --- matching ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Matches:
    tips: list[Tip]
    cases: list[Case]
    kinds: list[str]


def matches(tip: Tip, user: User) -> Matches:
    """Earlier tips and cases in the user's scope sharing a phone, address or business."""
    own = list(TipKey.objects.filter(tip=tip).values_list("kind", "value"))
    values = [value for _, value in own]
    if not values:
        return Matches([], [], [])
    tip_ids = set(TipKey.objects.restrict(user, "view").filter(value__in=values).exclude(tip=tip)
                  .values_list("tip_id", flat=True))
    case_keys = MatchKey.objects.restrict(user, "view").filter(kind__in=MATCH_KINDS, value__in=values)
    case_ids = set(case_keys.values_list("case_id", flat=True))
    shared = {kind for kind, value in own
              if value in set(TipKey.objects.filter(tip_id__in=tip_ids).values_list("value", flat=True))
              | set(case_keys.values_list("value", flat=True))}
    return Matches(list(Tip.objects.restrict(user, "view").filter(pk__in=tip_ids).order_by("-created_at")),
                   list(Case.objects.restrict(user, "view").filter(pk__in=case_ids)),
                   sorted(shared))


def cluster_sizes(tips: list[Tip], user: User) -> dict[int, int]:
    """For each tip, how many other tips in scope share one of its keys."""
    ids = [t.pk for t in tips]
    own = TipKey.objects.filter(tip_id__in=ids).values_list("tip_id", "value")
    values = {value for _, value in own}
    holders: dict[str, set[int]] = {}
    for tip_id, value in TipKey.objects.restrict(user, "view").filter(value__in=values).values_list("tip_id", "value"):
        holders.setdefault(value, set()).add(tip_id)
    sizes: dict[int, set[int]] = {pk: set() for pk in ids}
    for tip_id, value in own:
        sizes[tip_id] |= holders.get(value, set()) - {tip_id}
    return {pk: len(others) for pk, others in sizes.items()}


# --- display -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    text: str
    label: str = ""


def highlight(text: str, lang: str = "auto") -> tuple[list[Segment], list[Any]]:
    """The text cut into plain and evidence segments (rendered as <mark>), and the findings."""
    if not (text or "").strip():
        return [Segment(text or "")], []
    extraction = extract(text, lang if lang in {"en", "es"} else "auto")
    spans = sorted((s.start, s.end, f.label) for f in extraction.indicators for s in f.spans)
    segments: list[Segment] = []
    pos = 0
    for start, end, label in spans:
        if start < pos:
            continue  # overlapping evidence: the first span shown wins
        if start > pos:
            segments.append(Segment(text[pos:start]))
        segments.append(Segment(text[start:end], label))
        pos = end
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return segments, extraction.indicators


def legal_reading(tip: Tip, evidence: list[Any], lang: str) -> dict[str, Any] | None:
    """What the text supports in law, for the triage page: the headline, each U.S. element's
    status, and the spans of the facts behind them (the reason a tip went up the queue)."""
    summary = tip.reading or {}
    if not summary:
        return None
    catalogue = load_catalogue()
    spans: dict[str, list[str]] = {}
    for found in evidence:
        spans.setdefault(found.id, []).extend(s.text for s in found.spans)
    facts = [(catalogue.items[f].label.get(lang), spans.get(f, [])[:3])
             for f in summary.get("facts", []) if f in catalogue.items]
    elements = [(catalogue.label("element", e).get(lang), summary.get("elements", {}).get(e, "unknown"))
                for e in reading.ELEMENTS]
    return {"headline": summary.get("headline", {}).get(lang, ""), "basis": summary.get("basis", []),
            "elements": elements, "facts": facts,
            "questions": rules.follow_up_questions(reading.follow_up_topics(summary), lang)}
