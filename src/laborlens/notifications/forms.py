from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from laborlens.notifications.models import Delivery, Kind


class PreferencesForm(forms.Form):
    """Each kind on or off and at once or in the daily summary; the language of the mails."""

    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)

    def __init__(self, *args: Any, current: dict[str, tuple[bool, str]], language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = language
        for kind in Kind:
            enabled, delivery = current[kind.value]
            self.fields[f"{kind.value}_enabled"] = forms.BooleanField(
                label=_("Send me this"), required=False, initial=enabled)
            self.fields[f"{kind.value}_delivery"] = forms.ChoiceField(
                label=_("When"), choices=Delivery.choices, initial=delivery)

    def rows(self) -> list[dict[str, Any]]:
        return [{"label": kind.label, "enabled": self[f"{kind.value}_enabled"],
                 "delivery": self[f"{kind.value}_delivery"]} for kind in Kind]

    def choices(self) -> dict[str, tuple[bool, str]]:
        return {kind.value: (bool(self.cleaned_data[f"{kind.value}_enabled"]),
                             self.cleaned_data[f"{kind.value}_delivery"]) for kind in Kind}
