from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from laborlens.screening.models import Screening


class NewScreeningForm(forms.ModelForm):
    class Meta:
        model = Screening
        fields = ["label", "age_group", "setting", "question_language"]
        widgets = {"age_group": forms.RadioSelect, "question_language": forms.RadioSelect}


class SendForm(forms.Form):
    """Send a screening to a named colleague: no one is chosen until the officer chooses."""

    recipient = forms.ModelChoiceField(
        label=_("Send to"), queryset=None, empty_label=_("Choose a person"),  # type: ignore[arg-type]
        error_messages={"required": _("Choose the person to send this screening to."),
                        "invalid_choice": _("This person cannot receive screenings from you.")})

    def __init__(self, *args: Any, recipients: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["recipient"]
        field.queryset = recipients  # type: ignore[attr-defined]
        field.label_from_instance = lambda user: user.get_full_name() or user.username  # type: ignore[attr-defined]
