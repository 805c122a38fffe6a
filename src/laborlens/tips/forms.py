"""Tip forms: the public form (no login, spam-resistant), the partner form, follow-up and triage."""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from laborlens.accounts.models import User
from laborlens.catalogue.industries import industries
from laborlens.core.victim_i18n import data_text, ui_lang
from laborlens.tips import rules
from laborlens.tips.models import Status, When
from laborlens.tips.services import MAX_ADDITION, MAX_NARRATIVE

TOKEN_SALT = "laborlens.tips.form"  # noqa: S105  (a signing salt, not a secret)
MIN_FILL_SECONDS = 3       # a person needs longer than this to fill the form
MAX_FORM_AGE = 2 * 3600    # an older page must be reloaded
MAX_BODY_BYTES = 24 * 1024  # the whole form, well above 5,000 characters of narrative
HONEYPOT = "website"


def form_token(now: float | None = None) -> str:
    """A signed 'form shown at' time; a bot that posts at once or replays an old page fails."""
    return signing.dumps({"t": int(time.time() if now is None else now)}, salt=TOKEN_SALT)


def _work_choices() -> list[tuple[str, str]]:
    # data_text: the page's language, a victim language on the public form.
    return ([("", _("Choose, if you know"))]
            + [(i.id, data_text(i.label.en, i.label.es)) for i in industries()]
            + [("other", str(_("Other work")))])


def _observation_choices() -> list[tuple[str, str]]:
    return [(o.id, data_text(o.en, o.es)) for o in rules.observations()]


class SpamCheckedForm(forms.Form):
    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"),
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    started = forms.CharField(widget=forms.HiddenInput, max_length=200)

    spam = False  # set when a check meant for bots failed

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = form_token()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get(HONEYPOT):
            self.spam = True
            raise forms.ValidationError(_("We could not accept this form. Please try again."))
        try:
            shown = int(signing.loads(self.data.get("started", ""), salt=TOKEN_SALT)["t"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            self.spam = True
            raise forms.ValidationError(_("This form could not be checked. Please send it again.")) from None
        age = time.time() - shown
        if age < MIN_FILL_SECONDS:
            self.spam = True
            raise forms.ValidationError(_("That was very quick. Please check your answers and send again."))
        if age > MAX_FORM_AGE:
            raise forms.ValidationError(_("This page is too old. Please send the form again."))
        return cleaned

    def fresh_token(self) -> None:
        """After an error the page shows a new token (the data is kept)."""
        data = self.data.copy()
        data["started"] = form_token(time.time() - MIN_FILL_SECONDS)
        self.data = data


class TipContentMixin(forms.Form):
    work_type = forms.ChoiceField(label=_("What kind of work is it?"), required=False)
    business_name = forms.CharField(label=_("Name of the business or employer"), required=False, max_length=200)
    address = forms.CharField(label=_("Address or place"), required=False, max_length=200,
                              help_text=_("A street address, a road, or a description of the place."))
    city = forms.CharField(label=_("City or town"), required=False, max_length=100)
    when = forms.ChoiceField(label=_("When did you see this?"), choices=When.choices, required=False,
                             widget=forms.RadioSelect, initial=When.UNKNOWN)
    observations = forms.MultipleChoiceField(label=_("What did you see?"), required=False,
                                             widget=forms.CheckboxSelectMultiple)
    narrative = forms.CharField(label=_("Tell us what happened, in your own words"), required=False,
                                max_length=MAX_NARRATIVE,
                                widget=forms.Textarea(attrs={"rows": 7, "maxlength": MAX_NARRATIVE}),
                                help_text=_("Write in any language. Who, what, where, when. Do not put yourself in danger."))

    def setup_choices(self) -> None:
        self.fields["work_type"].choices = _work_choices()
        self.fields["observations"].choices = _observation_choices()

    def clean_when(self) -> str:
        return self.cleaned_data.get("when") or When.UNKNOWN

    def check_content(self, cleaned: dict[str, Any]) -> None:
        if len((cleaned.get("narrative") or "").strip()) < 10 and not cleaned.get("observations"):
            raise forms.ValidationError(_("Tell us what you saw: tick at least one box or write a few words."))


class PublicTipForm(TipContentMixin, SpamCheckedForm):
    contact = forms.CharField(label=_("How can we reach you? (optional)"), required=False, max_length=200,
                              help_text=_("Leave empty to stay anonymous. You will get a tip code and passphrase either way."))
    field_order = ["observations", "narrative", "work_type", "business_name", "address", "city", "when",
                   "contact", "website", "started"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup_choices()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.check_content(cleaned)
        return cleaned


class PartnerTipForm(TipContentMixin):
    # No agency is chosen for the partner: an observation sent to the wrong agency is a
    # disclosure, so the first in the list is never a silent default.
    recipient = forms.ModelChoiceField(
        label=_("Send to"), queryset=None, empty_label=_("Choose the agency to send this to"),  # type: ignore[arg-type]
        error_messages={"required": _("Choose the law-enforcement agency that should receive this observation."),
                        "invalid_choice": _("Choose one of the agencies in the list.")})
    partner_sector = forms.ChoiceField(label=_("Your work"))
    field_order = ["recipient", "partner_sector", "business_name", "address", "city", "work_type", "when",
                   "observations", "narrative"]

    def __init__(self, *args: Any, recipients: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup_choices()
        from laborlens.accounts.models import Agency

        self.fields["recipient"].queryset = Agency.objects.filter(pk__in=[a.pk for a in recipients])
        lang = ui_lang()
        self.fields["partner_sector"].choices = [(s.id, s.label(lang)) for s in rules.sectors()]
        self.fields["narrative"].label = _("What you observed")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.check_content(cleaned)
        return cleaned


class FollowUpForm(SpamCheckedForm):
    code = forms.CharField(label=_("Tip code"), max_length=20)
    passphrase = forms.CharField(label=_("Passphrase"), max_length=40,
                                 widget=forms.PasswordInput(attrs={"autocomplete": "off"}))
    field_order = ["code", "passphrase", "website", "started"]

    def clean(self) -> dict[str, Any]:
        # No minimum fill time here: the tipster may paste both values at once.
        cleaned = forms.Form.clean(self) or {}
        if cleaned.get(HONEYPOT):
            self.spam = True
            raise forms.ValidationError(_("We could not accept this form. Please try again."))
        return cleaned


class AdditionForm(forms.Form):
    text = forms.CharField(label=_("Add information"), max_length=MAX_ADDITION,
                           widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_ADDITION}))


class TriageForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    assigned_to = forms.ModelChoiceField(label=_("Assigned to"), queryset=None, required=False,  # type: ignore[arg-type]
                                         empty_label=_("Nobody yet"))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)

    def __init__(self, *args: Any, agency_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = User.objects.filter(agency_id=agency_id, is_active=True).order_by(
            "last_name", "username")


class NoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=[("note", _("Internal note")),
                                                       ("question", _("Question to the tipster"))])
    text = forms.CharField(label=_("Text"), max_length=MAX_ADDITION, widget=forms.Textarea(attrs={"rows": 3}))


class LinkCaseForm(forms.Form):
    case = forms.ModelChoiceField(label=_("Case"), queryset=None)  # type: ignore[arg-type]
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)

    def __init__(self, *args: Any, cases: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)
