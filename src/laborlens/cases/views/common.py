"""What every case page shares: the access rule, the scoped case, the form page, the edit
conflict and the ownership rule for editing free text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from laborlens.accounts.models import User
from laborlens.audit.events import record_event
from laborlens.audit.tags import EventTag
from laborlens.cases.identity.text import may_edit_text, renderer_for_case
from laborlens.cases.models import Case
from laborlens.core.querysets import get_scoped_or_404

View = Callable[..., HttpResponse]


CONFLICT = gettext_lazy("Someone else saved a change to this record while you were editing it. Nothing of yours "
                        "was saved; open it again to see the current version and make your change there.")


def scoped_case(request: HttpRequest, pk: int, action: str = "view") -> Case:
    return get_scoped_or_404(Case.objects.select_related("lead_agency"), request.user, action, pk=pk)


def form_page(request: HttpRequest, *, title: str, form: Any, case: Case | None, submit: str,
              back: str, status: int = 200, multipart: bool = False, intro: str = "",
              confirm: str = "", confirm_when: str = "") -> HttpResponse:
    """``confirm``: the question an irreversible submit asks first (only when the form's
    ``name=value`` in ``confirm_when`` is chosen, if given)."""
    return render(request, "cases/form.html", {"title": title, "form": form, "case": case, "submit": submit,
                                               "back": back, "multipart": multipart, "intro": intro,
                                               "confirm": confirm, "confirm_when": confirm_when},
                  status=status)


def edit_conflict(request: HttpRequest, obj: Any, form: Any) -> None:
    record_event(EventTag.CASE_EDIT_CONFLICT, request=request, obj=obj, outcome="conflict",
                 detail={"version": getattr(obj, "version", None)})
    form.add_error(None, CONFLICT)


def owner_edits(user: User, obj: Any, texts: list[str], *, ownership: bool = True) -> None:
    """Edit rights follow ownership (identity.text.may_edit_text): an edit form shows the raw
    text, so another agency's team member (reports, plans), or anyone who may not see an
    identity in it (every text), reads the redacted page instead."""
    case = obj if isinstance(obj, Case) else obj.case
    owner = obj.created_by.agency_id if ownership else user.agency_id
    if not may_edit_text(user, owner, texts, renderer_for_case(user, case)):
        raise PermissionDenied(_("Only the agency that wrote this edits it; you can read it with identities you "
                                 "may not see replaced by pseudonyms."))
