"""The screening app's only doors into the catalogue and the engine, and the rules for
recording an answer (validated, merged, re-assessed, audited in one transaction)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext

from laborlens.audit.events import record_event
from laborlens.audit.reads import record_read
from laborlens.audit.tags import EventTag
from laborlens.catalogue import Catalogue, Item, load_catalogue
from laborlens.screening import engine
from laborlens.screening.models import Screening, ScreeningHandoff
from laborlens.screening.signals import screening_sent

VALUES = ("present", "absent", "unknown")
SOURCES = ("observed", "statement", "document", "third_party")
MAX_NOTE = 1000


# --- reads: one function per read; the page and the API call it (issue 18.4) ----------


def read_screening(user: Any, screening: Screening, request: HttpRequest | None = None, *, via: str = "web") -> None:
    """The screening's result (its reading and the assessment behind it)."""
    record_read(EventTag.SCREENING_VIEWED, request, screening, by=user, via=via)


class AnswerError(ValueError):
    """An answer that cannot be recorded; the message says why, in plain words."""


class KeyConflict(ValueError):
    """The idempotency key is already taken in this agency by someone else's screening."""


@dataclass(frozen=True)
class QuestionGroup:
    id: str
    label: str
    items: tuple[Item, ...]


def catalogue() -> Catalogue:
    return load_catalogue()


def question_groups(full: bool, lang: str) -> list[QuestionGroup]:
    """The short form (at most 12 questions) or every indicator by dimension, plus context."""
    cat = catalogue()
    if not full:
        return [QuestionGroup("short", "", tuple(cat.items[item_id] for item_id in cat.short_form))]
    groups = [
        QuestionGroup(dimension.id, dimension.label.get(lang),
                      tuple(item for item in cat.indicators_of(dimension.id) if not item.deprecated))
        for dimension in cat.dimensions
    ]
    context = tuple(item for item in cat.items.values() if item.kind == "context" and not item.deprecated)
    if context:
        groups.append(QuestionGroup("context", cat.label("groups", "context").get(lang)
                                    if "groups" in cat.labels else "Context", context))
    return groups


def answer_choices(item: Item, lang: str | None = None) -> list[tuple[str, str]]:
    """The form's buttons for one question, as (recorded value, button text), in ``lang`` (or
    the active language). The recorded value is what the answer means for the indicator: a
    "yes" to "Can you have them whenever you want?" records the indicator absent; an open
    question's buttons name the finding instead of yes/no."""
    from django.utils import translation
    from django.utils.translation import gettext as _

    with translation.override(lang) if lang else contextlib.nullcontext():
        unknown = ("unknown", _("Not known"))
        if item.yes_means == "absent":
            return [("absent", _("Yes")), ("present", _("No")), unknown]
        if item.yes_means == "open":
            return [("present", _("Found")), ("absent", _("Not found")), unknown]
        return [("present", _("Yes")), ("absent", _("No")), unknown]


def answerable_ids() -> set[str]:
    return {item_id for item_id, item in catalogue().items.items()
            if item.kind in {"indicator", "context"} and not item.deprecated}


def clean_answer(raw: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    indicator = str(raw.get("indicator", ""))
    if indicator not in answerable_ids():
        raise AnswerError(f"Unknown question {indicator[:60]!r}.")
    value = str(raw.get("value", "unknown"))
    if value not in VALUES:
        raise AnswerError("An answer is present, absent or unknown.")
    source = str(raw.get("source") or "statement")
    if source not in SOURCES:
        raise AnswerError("The source is observed, statement, document or third_party.")
    note = str(raw.get("note") or "")
    if len(note) > MAX_NOTE:
        raise AnswerError(f"A note holds at most {MAX_NOTE} characters.")
    unknown = set(raw) - {"indicator", "value", "source", "note", "unconfirmed"}
    if unknown:
        raise AnswerError(f"Unknown fields: {', '.join(sorted(unknown))[:100]}.")
    answer: dict[str, Any] = {"value": value, "source": source, "note": note}
    if raw.get("unconfirmed"):
        answer["unconfirmed"] = True
    return indicator, answer


def assess(answers: dict[str, Any], age_group: str) -> dict[str, Any]:
    from django.conf import settings

    result: dict[str, Any] = engine.assess(answers, age_group=age_group,
                                           jurisdiction=getattr(settings, "SCREENING_JURISDICTION", None)).to_dict()
    return result


POLARITY_FIXED_IN = "2026.12.0"  # the first catalogue whose buttons follow each question's yes_means


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return ()


def reversed_answers(screening: Screening) -> list[dict[str, Any]]:
    """Answers recorded under an older catalogue's Yes/No buttons for a question whose "yes"
    does not mean the indicator: the recorded value may be the opposite of what was said."""
    if screening.catalogue_version and _version_key(screening.catalogue_version) >= _version_key(POLARITY_FIXED_IN):
        return []
    cat = catalogue()
    out = []
    for item_id in sorted(screening.answers, key=lambda i: list(cat.items).index(i) if i in cat.items else 10**6):
        answer = screening.answers[item_id]
        item = cat.items.get(item_id)
        if item is None or item.yes_means == "present" or answer.get("value") not in ("present", "absent"):
            continue
        out.append({"item": item_id, "recorded": answer.get("value"), "yes_means": item.yes_means,
                    "catalogue_version": screening.catalogue_version or "unknown"})
    return out


def mark_reversed(screening: Screening) -> list[str]:
    """Add (never remove, never change answers) the reversed answers to answers_to_review;
    returns the item ids newly marked. The caller saves."""
    known = {entry["item"] for entry in screening.answers_to_review}
    new = [entry for entry in reversed_answers(screening) if entry["item"] not in known]
    if new:
        screening.answers_to_review = [*screening.answers_to_review, *new]
    return [entry["item"] for entry in new]


def flag_reversed_answers(*, dry_run: bool = False) -> dict[str, Any]:
    """Find stored screenings answered under a reversed question and mark them for review.
    Answers and readings are left as they are. One audit event per screening marked."""
    marked: dict[int, list[str]] = {}
    for pk in Screening.objects.order_by("pk").values_list("pk", flat=True).iterator():
        with transaction.atomic():
            screening = Screening.objects.select_for_update().get(pk=pk)
            items = mark_reversed(screening)
            if not items:
                continue
            marked[pk] = items
            if dry_run:
                continue
            screening.save(update_fields=["answers_to_review", "updated_at"])
            record_event(EventTag.SCREENING_UPDATED, obj=screening, actor_label="flag_reversed_answers",
                         detail={"answers_to_review": items, "reason": "question polarity (catalogue "
                                 f"{screening.catalogue_version or 'unknown'} < {POLARITY_FIXED_IN})"})
    return {"screenings": len(marked), "answers": sum(len(v) for v in marked.values()), "marked": marked,
            "dry_run": dry_run}


def refresh_result(screening: Screening) -> None:
    result = assess(screening.answers, screening.age_group)
    screening.result = result
    screening.reading = result["reading"]
    screening.present_indicators = sorted(
        item_id for item_id, answer in screening.answers.items() if answer.get("value") == "present"
    )
    screening.catalogue_version = catalogue().version


def create(*, user: Any, label: str, age_group: str, setting: str, question_language: str,
           request: HttpRequest | None = None, answers: dict[str, Any] | None = None) -> Screening:
    with transaction.atomic():
        screening = Screening(agency=user.agency, created_by=user, label=label, age_group=age_group,
                              setting=setting, question_language=question_language,
                              answers=answers or {})
        refresh_result(screening)
        screening.save()
        record_event(EventTag.SCREENING_CREATED, request=request, actor=user, obj=screening,
                     detail={"age_group": age_group, "setting": setting})
    return screening


def create_once(*, user: Any, idempotency_key: Any, label: str, age_group: str, setting: str,
                question_language: str, answers: dict[str, dict[str, Any]], complete: bool = False,
                request: HttpRequest | None = None) -> tuple[Screening, bool]:
    """A screening queued on a phone: created with its answers (and completed) in one step,
    or, when this key already created one, that one unchanged (created=False). A phone that
    sends twice after a dropped reply thus leaves one screening. The key is unique per
    agency; someone else's screening under the same key is a KeyConflict, not a disclosure."""
    cleaned = dict(clean_answer({"indicator": item_id, **answer}) for item_id, answer in answers.items())
    existing = _by_key(user, idempotency_key)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            screening = Screening(agency=user.agency, created_by=user, label=label, age_group=age_group,
                                  setting=setting, question_language=question_language, answers=cleaned,
                                  idempotency_key=idempotency_key,
                                  completed_at=timezone.now() if complete else None)
            refresh_result(screening)
            screening.save()
            record_event(EventTag.SCREENING_CREATED, request=request, actor=user, obj=screening,
                         detail={"age_group": age_group, "setting": setting, "via": "device_queue",
                                 "completed": complete, "reading": screening.reading})
    except IntegrityError:
        # The same key sent twice at once: the other request created it first.
        existing = _by_key(user, idempotency_key)
        if existing is None:
            raise
        return existing, False
    return screening, True


def _by_key(user: Any, idempotency_key: Any) -> Screening | None:
    existing = Screening.objects.filter(agency_id=user.agency_id, idempotency_key=idempotency_key).first()
    if existing is not None and existing.created_by_id != user.pk:
        raise KeyConflict("This key belongs to another screening; nothing was created.")
    return existing


def record_answers(screening: Screening, raw_answers: list[dict[str, Any]], *, user: Any,
                   request: HttpRequest | None = None, expected_version: int | None = None) -> Screening:
    """Merge answers into the screening. With expected_version (a whole-form save), a
    stale form is refused instead of overwriting someone else's answers."""
    cleaned = [clean_answer(raw) for raw in raw_answers]
    with transaction.atomic():
        current = Screening.objects.select_for_update().get(pk=screening.pk)
        if expected_version is not None and current.version != expected_version:
            raise AnswerError(
                "This screening changed since you opened it (someone else saved answers). "
                "Reload to see the latest answers; nothing was overwritten."
            )
        mark_reversed(current)  # old answers under a reversed question, before they are merged
        answers = dict(current.answers)
        for indicator, answer in cleaned:
            answers[indicator] = answer
        current.answers = answers
        answered_now = {indicator for indicator, _ in cleaned}
        current.answers_to_review = [e for e in current.answers_to_review if e["item"] not in answered_now]
        refresh_result(current)
        current.version += 1
        current.save()
        record_event(EventTag.SCREENING_UPDATED, request=request, actor=user, obj=current,
                     detail={"indicators": [indicator for indicator, _ in cleaned][:50],
                             "reading": current.reading})
    return current


def attach_to_case(screening: Screening, case: Any, *, user: Any,
                   request: HttpRequest | None = None) -> None:
    """The caller has already fetched both through restrict() (the screening with "attach",
    the case with "add_screening"); this records the link. A recipient who attaches a
    screening sent to them has handled it: it leaves their "My work"."""
    with transaction.atomic():
        screening.case = case
        screening.version += 1
        screening.save(update_fields=["case", "version", "updated_at"])
        handled = _handle_pending(screening, user)
        record_event(EventTag.SCREENING_ATTACHED, request=request, actor=user, obj=screening,
                     detail={"case": case.pk, **({"handled": handled} if handled else {})})


def _handle_pending(screening: Screening, user: Any) -> list[int]:
    now = timezone.now()
    handled = []
    for handoff in ScreeningHandoff.objects.select_for_update().filter(
            screening=screening, recipient_id=user.pk, handled_at__isnull=True):
        handoff.handled_at = now
        handoff.save(update_fields=["handled_at"])
        handled.append(handoff.pk)
    return handled


# Who may receive a screening: a colleague of the same agency whose role opens and works
# cases (investigators and supervisors), active, other than the sender. Need to know: the
# screening goes no further than the agency that ran it, and only to someone who acts on it.
RECEIVER_PERMISSION = "cases.create"


def recipients_for(user: Any) -> Any:
    """The users a screening of ``user``'s may be sent to, by name."""
    from laborlens.accounts.models import User
    from laborlens.accounts.roles import roles

    if user.agency_id is None:
        return User.objects.none()
    receiving = [role.id for role in roles().values() if RECEIVER_PERMISSION in role.permissions]
    return (User.objects.filter(agency_id=user.agency_id, is_active=True, role__in=receiving)
            .exclude(pk=user.pk).order_by("last_name", "first_name", "username"))


class SendError(ValueError):
    """A screening that cannot be sent to this person; the message says why."""


def send_to(screening: Screening, recipient: Any, *, user: Any,
            request: HttpRequest | None = None) -> ScreeningHandoff:
    """Send the screening (already fetched with restrict(user, "change")) to a colleague.
    Sending it again to someone who has not handled it yet changes nothing."""
    if screening.created_by_id != user.pk:
        raise SendError(gettext("Only the officer who ran a screening sends it."))
    if not recipients_for(user).filter(pk=recipient.pk).exists():
        raise SendError(gettext("This person cannot receive screenings from you."))
    with transaction.atomic():
        existing = ScreeningHandoff.objects.filter(screening=screening, recipient=recipient,
                                                   handled_at__isnull=True).first()
        if existing is not None:
            return existing
        handoff = ScreeningHandoff.objects.create(screening=screening, sent_by=user, recipient=recipient)
        record_event(EventTag.SCREENING_SENT, request=request, actor=user, obj=screening,
                     detail={"recipient": recipient.pk, "handoff": handoff.pk})
        # The recipient is told by e-mail (notifications), in this transaction.
        screening_sent.send(sender=ScreeningHandoff, handoff=handoff, by=user)
    return handoff


def mark_handled(screening: Screening, *, user: Any, request: HttpRequest | None = None) -> list[int]:
    """The recipient is done with a screening sent to them (the caller checked, with
    ScreeningHandoff.restrict(user, "handle"), that one waits on them)."""
    with transaction.atomic():
        handled = _handle_pending(screening, user)
        if handled:
            record_event(EventTag.SCREENING_HANDOFF_HANDLED, request=request, actor=user, obj=screening,
                         detail={"handoffs": handled})
    return handled


def complete(screening: Screening, *, user: Any, request: HttpRequest | None = None) -> None:
    if screening.completed_at is None:
        with transaction.atomic():
            screening.completed_at = timezone.now()
            screening.version += 1
            screening.save(update_fields=["completed_at", "version", "updated_at"])
            record_event(EventTag.SCREENING_UPDATED, request=request, actor=user, obj=screening,
                         detail={"completed": True, "reading": screening.reading})
