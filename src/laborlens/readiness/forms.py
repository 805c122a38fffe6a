from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from laborlens.readiness.scoring import load_instrument, text


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class AssessmentForm(forms.Form):
    """One radio group per instrument question, grouped by section in the template."""

    assessed_on = forms.DateField(label=_("Assessed on"), widget=DateInput(), initial=timezone.localdate)
    notes = forms.CharField(label=_("Notes"), required=False, max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=_("Who took part in the assessment, sources used. No case details."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lang = get_language() or "en"
        self.instrument = load_instrument()
        for question in self.instrument["questions"]:
            self.fields[f"q_{question['id']}"] = forms.ChoiceField(
                label=text(question, lang), widget=forms.RadioSelect,
                choices=[(option["value"], text(option, lang)) for option in question["options"]],
                error_messages={"required": _("Choose an answer.")})

    def clean_assessed_on(self) -> Any:
        value = self.cleaned_data["assessed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The assessment date cannot be in the future."))
        return value

    def sections(self) -> list[dict[str, Any]]:
        lang = get_language() or "en"
        grouped = []
        for section in self.instrument["sections"]:
            fields = [self[f"q_{q['id']}"] for q in self.instrument["questions"] if q["section"] == section["id"]]
            grouped.append({"title": text(section, lang), "fields": fields})
        return grouped

    def answers(self) -> dict[str, str]:
        return {q["id"]: self.cleaned_data[f"q_{q['id']}"] for q in self.instrument["questions"]}

    @staticmethod
    def initial_from(answers: dict[str, str]) -> dict[str, str]:
        return {f"q_{question_id}": value for question_id, value in answers.items()}
