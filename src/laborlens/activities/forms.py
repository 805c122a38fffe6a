from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency, TaskForce
from laborlens.activities.models import TRAINING_KINDS, Activity, Agreement, Kind
from laborlens.activities.topics import topic_choices


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ActivityForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    agencies = forms.ModelMultipleChoiceField(
        label=_("Other agencies taking part"), queryset=Agency.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Your agency is always included. Every agency ticked here will see this record."))
    topics = forms.MultipleChoiceField(label=_("Training topics"), required=False,
                                       widget=forms.CheckboxSelectMultiple,
                                       help_text=_("Topics from the NIJ survey of law enforcement (Figure 24)."))

    class Meta:
        model = Activity
        fields = ["kind", "title", "held_on", "task_force", "topics", "provider", "audience", "language",
                  "attendees", "place", "notes"]
        widgets = {"held_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = Agency.objects.restrict(user, "view").exclude(pk=user.agency_id)
        self.fields["task_force"].queryset = TaskForce.objects.restrict(user, "view")
        self.fields["topics"].choices = topic_choices(get_language() or "en")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["agencies"].initial = list(
                self.instance.agencies.exclude(pk=self.instance.lead_agency_id).values_list("pk", flat=True))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind in TRAINING_KINDS and not data.get("topics"):
            self.add_error("topics", _("Choose at least one topic for a training."))
        if kind not in TRAINING_KINDS:
            data["topics"] = []
        if kind == Kind.OUTREACH_EVENT:
            if not data.get("audience"):
                self.add_error("audience", _("Say who the outreach event was for."))
            if not data.get("language"):
                self.add_error("language", _("Say in which language the outreach event was held."))
        return data


class AgreementForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    parties = forms.ModelMultipleChoiceField(
        label=_("Other parties"), queryset=Agency.objects.none(), required=True,
        widget=forms.CheckboxSelectMultiple, help_text=_("Your agency is always a party."))

    class Meta:
        model = Agreement
        fields = ["kind", "title", "signed_on", "renewal_on", "ended_on", "scope", "document_reference"]
        widgets = {"signed_on": DateInput(), "renewal_on": DateInput(), "ended_on": DateInput(),
                   "scope": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = Agency.objects.restrict(user, "view").exclude(pk=user.agency_id)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["parties"].initial = list(
                self.instance.parties.exclude(pk=user.agency_id).values_list("pk", flat=True))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        signed, renewal, ended = data.get("signed_on"), data.get("renewal_on"), data.get("ended_on")
        if signed and renewal and renewal < signed:
            self.add_error("renewal_on", _("The renewal date cannot be before the signing date."))
        if signed and ended and ended < signed:
            self.add_error("ended_on", _("The end date cannot be before the signing date."))
        return data


class FilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds")), *Kind.choices])
    start = forms.DateField(label=_("From"), required=False, widget=DateInput())
    end = forms.DateField(label=_("To"), required=False, widget=DateInput())
