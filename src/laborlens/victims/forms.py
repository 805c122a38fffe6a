"""Input at the edge: explicit fields, bounds and clear messages; nothing else is accepted."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import Agency
from laborlens.cases.forms import DATE, VersionedForm, VersionField
from laborlens.cases.models import Case, Person
from laborlens.core.choices import LANGUAGE_CHOICES
from laborlens.victims.models import (
    Category,
    Consent,
    Need,
    NeedItem,
    Partner,
    Referral,
    Relief,
    VictimRecord,
)

CHECKS = forms.CheckboxSelectMultiple


class OpenRecordForm(forms.Form):
    case = forms.ModelChoiceField(label=_("Case"), queryset=Case.objects.none())
    person = forms.ModelChoiceField(label=_("Potential victim already on the case"), required=False,
                                    queryset=Person.objects.none(),
                                    help_text=_("Or leave empty and give a name below to add the person."))
    full_name = forms.CharField(label=_("Full name"), required=False, max_length=200)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=LANGUAGE_CHOICES, initial="es")
    identified_on = forms.DateField(label=_("Identified on"), widget=DATE, initial=timezone.localdate)

    def __init__(self, *args: Any, cases: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda person: f"{person.case.number} · {person.pseudonym}"

    def clean_identified_on(self) -> Any:
        value = self.cleaned_data["identified_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        person, case = data.get("person"), data.get("case")
        if person is None and not (data.get("full_name") or "").strip():
            raise forms.ValidationError(_("Choose a person on the case or give a name."))
        if person is not None and case is not None and person.case_id != case.pk:
            self.add_error("person", _("That person is on another case."))
        return data


class RecordForm(VersionedForm):
    status = forms.ChoiceField(label=_("Service status"), choices=VictimRecord.Status.choices)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=LANGUAGE_CHOICES)
    contact_phone = forms.CharField(label=_("Safe phone number"), required=False, max_length=40)
    safe_contact = forms.CharField(label=_("Safe ways and times to make contact"), required=False, max_length=1000,
                                   widget=forms.Textarea(attrs={"rows": 2}),
                                   help_text=_("E.g. text only, after 6 pm, never leave a voicemail."))
    narrative = forms.CharField(label=_("Their account, in their words"), required=False, max_length=8000,
                                widget=forms.Textarea(attrs={"rows": 4}))
    immigration_status = forms.CharField(label=_("Immigration status"), required=False, max_length=500)
    family_threatened = forms.BooleanField(label=_("Threats against family"), required=False)
    family_abroad = forms.BooleanField(label=_("Family abroad at risk"), required=False)
    threat_details = forms.CharField(label=_("Details of threats"), required=False, max_length=3000,
                                     widget=forms.Textarea(attrs={"rows": 2}))
    do_not_contact = forms.BooleanField(label=_("Do not contact"), required=False,
                                        help_text=_("No one outside your agency may contact this person."))

    FIELDS = ("status", "preferred_language", "contact_phone", "safe_contact", "narrative", "immigration_status",
              "family_threatened", "family_abroad", "threat_details", "do_not_contact")

    @classmethod
    def initial_for(cls, record: VictimRecord) -> dict[str, Any]:
        return {**{name: getattr(record, name) for name in cls.FIELDS}, "version": record.version}

    def apply(self, record: VictimRecord) -> VictimRecord:
        for name in self.FIELDS:
            setattr(record, name, self.cleaned_data[name])
        return record


class NeedForm(forms.Form):
    need = forms.ChoiceField(label=_("Need"), choices=Need.choices)
    urgency = forms.ChoiceField(label=_("Urgency"), choices=NeedItem.Urgency.choices, initial="soon")
    status = forms.ChoiceField(label=_("Status"), choices=NeedItem.Status.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class ConsentForm(forms.Form):
    recipient_agency = forms.ModelChoiceField(label=_("Who may receive the information"), queryset=Agency.objects.none())
    categories = forms.MultipleChoiceField(label=_("What may be shared"), choices=Category.choices, widget=CHECKS)
    purpose = forms.CharField(label=_("Purpose"), max_length=300,
                              help_text=_("Why it is shared, in words the person understood."))
    given_on = forms.DateField(label=_("Date signed"), widget=DATE, initial=timezone.localdate)
    expires_on = forms.DateField(label=_("Expires on"), widget=DATE,
                                 help_text=_("At most one year; the person can revoke it at any time before."))
    explained_in = forms.ChoiceField(label=_("Explained in"), choices=LANGUAGE_CHOICES, initial="es")
    interpreter = forms.CharField(label=_("Interpreter (if any)"), required=False, max_length=200)
    method = forms.ChoiceField(label=_("How it was signed"), choices=Consent.Method.choices)
    signature = forms.CharField(label=_("Signature: the person types their name"), max_length=200)
    attested = forms.BooleanField(
        label=_("I explained this consent in a language the person understands; they know services do not "
                "depend on it, that they can revoke it at any time, and they gave it freely."))

    def __init__(self, *args: Any, record: VictimRecord, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipient_agency"].queryset = Agency.objects.exclude(pk=record.serving_agency_id)
        self.initial.setdefault("expires_on", timezone.localdate() + timedelta(days=180))


class PartnerForm(forms.ModelForm):
    services = forms.MultipleChoiceField(label=_("Services offered"), choices=Need.choices, widget=CHECKS)
    languages = forms.MultipleChoiceField(label=_("Languages"), choices=LANGUAGE_CHOICES, widget=CHECKS)

    class Meta:
        model = Partner
        fields = ["name", "agency", "services", "languages", "service_area", "hours", "eligibility", "hotline",
                  "phone", "capacity"]


class DirectorySearchForm(forms.Form):
    need = forms.ChoiceField(label=_("Need"), required=False, choices=[("", _("Any")), *Need.choices])
    language = forms.ChoiceField(label=_("Language"), required=False, choices=[("", _("Any")), *LANGUAGE_CHOICES])
    place = forms.CharField(label=_("Place"), required=False, max_length=100)


class ReferralForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("Refer to"), queryset=Partner.objects.all())
    need = forms.ChoiceField(label=_("For which need"), choices=Need.choices)
    note = forms.CharField(label=_("Note to the receiving organisation"), required=False, max_length=500,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("No names or contact details here: they travel only with consent."))
    follow_up_on = forms.DateField(label=_("Follow up on"), widget=DATE, required=False)

    def clean_follow_up_on(self) -> Any:
        value = self.cleaned_data["follow_up_on"]
        if value and value < timezone.localdate():
            raise forms.ValidationError(_("The follow-up date cannot be in the past."))
        return value


class ReferralActionForm(forms.Form):
    action = forms.ChoiceField(choices=[(key, key) for key in ("receive", "accept", "decline", "start", "complete")])
    reason = forms.CharField(required=False, max_length=300)
    version = VersionField()


class ReliefForm(VersionedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=Relief.Kind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=Relief.Status.choices)
    requesting_officer = forms.CharField(label=_("Requesting or certifying official"), max_length=200)
    federal_partner = forms.CharField(label=_("Federal partner"), required=False, max_length=200)
    requested_on = forms.DateField(label=_("Requested on"), widget=DATE, required=False)
    deadline = forms.DateField(label=_("Next deadline"), widget=DATE, required=False)
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE, required=False)
    expires_on = forms.DateField(label=_("Expires on"), widget=DATE, required=False)
    renewal_due = forms.DateField(label=_("Renewal due"), widget=DATE, required=False)
    decision_note = forms.CharField(label=_("Decision note"), required=False, max_length=500)

    FIELDS = ("kind", "status", "requesting_officer", "federal_partner", "requested_on", "deadline", "decided_on",
              "expires_on", "renewal_due", "decision_note")

    @classmethod
    def initial_for(cls, relief: Relief) -> dict[str, Any]:
        return {**{name: getattr(relief, name) for name in cls.FIELDS}, "version": relief.version}

    def apply(self, relief: Relief) -> Relief:
        for name in self.FIELDS:
            setattr(relief, name, self.cleaned_data[name])
        return relief


REFERRAL_STATES = Referral.Status
