"""The dashboard's filters. Which agencies a user may aggregate over is decided here, from
querysets: their own agency, or a task force their agency belongs to
(``TaskForce.objects.restrict(user, "view")``). Nothing else can be picked."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import TaskForce
from laborlens.metrics.figures import Filters
from laborlens.metrics.periods import period_bounds

if TYPE_CHECKING:
    from laborlens.accounts.models import User

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_DAYS = 366 * 10
EARLIEST = date(2000, 1, 1)


def scope_choices(user: User) -> list[tuple[str, str]]:
    choices = [("agency", str(_("My agency: %(name)s") % {"name": user.agency.short_name}))]
    choices += [(f"tf-{tf.pk}", str(_("Task force: %(name)s") % {"name": tf.name}))
                for tf in TaskForce.objects.restrict(user, "view").order_by("name")]
    return choices


class FilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), initial="month", required=False, choices=[
        ("month", _("Month")), ("quarter", _("Quarter")), ("year", _("Year")), ("custom", _("Custom dates"))])
    on = forms.DateField(label=_("Containing the date"), required=False, widget=DATE,
                         help_text=_("The month, quarter or year that contains this date (default: today)."))
    start = forms.DateField(label=_("From"), required=False, widget=DATE)
    end = forms.DateField(label=_("To"), required=False, widget=DATE)
    scope = forms.ChoiceField(label=_("Agency or task force"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["scope"].choices = scope_choices(user)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        period = data.get("period") or "month"
        data["period"] = period
        if period == "custom":
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Give both dates for a custom period."))
            if end < start:
                raise forms.ValidationError(_("The end date is before the start date."))
            if (end - start) > timedelta(days=MAX_DAYS):
                raise forms.ValidationError(_("A custom period can be at most ten years."))
            if start < EARLIEST:
                raise forms.ValidationError(_("Dates before 2000 are not supported."))
        else:
            on = data.get("on") or timezone.localdate()
            if on < EARLIEST or on.year > 9998:
                raise forms.ValidationError(_("Dates before 2000 are not supported."))
            data["start"], data["end"] = period_bounds(period, on)
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        scope = data.get("scope") or "agency"
        if scope == "agency":
            ids: tuple[int, ...] = (self.user.agency_id,)
            label = self.user.agency.name
        else:
            task_force = TaskForce.objects.restrict(self.user, "view").get(pk=int(scope.removeprefix("tf-")))
            ids = tuple(sorted(task_force.agencies.values_list("pk", flat=True)))
            label = task_force.name
        return Filters(start=data["start"], end=data["end"], agency_ids=ids, scope_label=label,
                       period=data["period"])


def filters_for(user: User, params: Any) -> tuple[FilterForm, Filters | None]:
    form = FilterForm(params or None, user=user)
    if not params:
        form = FilterForm({"period": "month"}, user=user)
    if form.is_valid():
        return form, form.filters()
    return form, None
