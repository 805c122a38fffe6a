"""The case list's filters, sorts and download columns (core/listing.py; issue 17.7).

Sorting works with the keyset pages (core/keyset.py): each sort is a tuple of keys whose
last is unique (the primary key, or the case number, which is unique by itself), so the
cursor of any sort reads the index order from where the page stopped. A cursor from
another sort does not parse and gives the first page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from laborlens.cases.identity.access import ShownPerson, member_case_ids, shown
from laborlens.cases.identity.text import Renderer
from laborlens.cases.models import Case, Person, Stage
from laborlens.core import keyset
from laborlens.core.listing import Column, ListForm, date_field

SORT_KEYS: dict[str, tuple[keyset.Key, ...]] = {
    "-opened": (keyset.date_key("opened_on"), keyset.pk_key()),
    "opened": (keyset.date_key("opened_on", descending=False), keyset.pk_key(descending=False)),
    "-updated": (keyset.datetime_key("updated_at"), keyset.pk_key()),
    "number": (keyset.text_key("number"),),
    "-number": (keyset.text_key("number", descending=True),),
}


class CaseFilterForm(ListForm):
    SORTS = {
        "-opened": (_("Newest first"), ()),
        "opened": (_("Oldest first"), ()),
        "-updated": (_("Recently changed"), ()),
        "number": (_("Case number, A to Z"), ()),
        "-number": (_("Case number, Z to A"), ()),
    }

    stage = forms.ChoiceField(label=_("Stage"), required=False, choices=[("", _("Any stage")), *Stage.choices])
    number = forms.CharField(label=_("Case number contains"), required=False, max_length=40)
    opened_from = date_field(_("Opened from"))
    opened_until = date_field(_("Opened until"))
    mine = forms.BooleanField(label=_("Only cases I am on"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_dates(data, "opened_from", "opened_until")
        return data

    def keys(self) -> tuple[keyset.Key, ...]:
        return SORT_KEYS[self.sort]

    def apply(self, cases: QuerySet[Case], user: Any) -> QuerySet[Case]:
        data = self.cleaned_data
        if data.get("stage"):
            cases = cases.filter(stage=data["stage"])
        if data.get("number"):
            cases = cases.filter(number__icontains=data["number"].strip())
        if data.get("opened_from"):
            cases = cases.filter(opened_on__gte=data["opened_from"])
        if data.get("opened_until"):
            cases = cases.filter(opened_on__lte=data["opened_until"])
        if data.get("mine"):
            cases = cases.filter(memberships__user=user)
        return cases


def page_titles(user: Any, cases: list[Case]) -> Callable[[list[Case]], Callable[[Case], str]]:
    """For a download (``listing.page_by_page``): each case's title as this user reads it on
    the list page that shows it. The people of every page, and whose identity the user may
    see, are read once for all of them (a fixed number of queries however many rows); each
    page is still rendered with its own people only, in the order the page reads them
    (``Person`` ordering)."""
    people = list(Person.objects.filter(case__in=[case.pk for case in cases]))
    order = {person.pk: index for index, person in enumerate(people)}
    by_case: dict[int, list[ShownPerson]] = defaultdict(list)
    for item in shown(user, people, member_case_ids(user, {person.case_id for person in people})):
        by_case[item.person.case_id].append(item)

    def render(page: list[Case]) -> Callable[[Case], str]:
        decided = sorted((item for case in page for item in by_case.get(case.pk, ())),
                         key=lambda item: order[item.person.pk])
        seen = Renderer(user, [item.person for item in decided], decided=decided)
        return lambda case: seen(case.title)

    return render


def columns(title: dict[int, str]) -> list[Column]:
    """The page's words for each case: its title as this user may read it."""
    return [
        Column(_("Case number"), lambda case: case.number),
        Column(_("Title"), lambda case: title[case.pk]),
        Column(_("Stage"), lambda case: case.get_stage_display()),
        Column(_("Lead agency"), lambda case: case.lead_agency.short_name),
        Column(_("Opened"), lambda case: case.opened_on),
    ]
