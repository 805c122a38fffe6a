"""Forms built from ``questions.json``: one radio group per question (agreement scale and
"prefer not to say"), every question to be answered; a code field for the public pages
and for paper answers typed in by staff. No free-text field exists."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from laborlens.feedback.questions import load_questions

MAX_BODY_BYTES = 4 * 1024


def ui_lang() -> str:
    """The page's language as a base code ("es", "tl"...). A question without wording in
    that language falls back to English (``Question.label``); EN and ES are complete."""
    return (get_language() or "en").split("-")[0].lower()[:8]


class AnswersForm(forms.Form):
    """The questions of one set (``survey`` or ``pulse``) in the page's language."""

    kind = "survey"
    code_label: Any = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = load_questions()
        lang = ui_lang()
        choices = [(str(a.value), a.label(lang)) for a in qs.answers]
        if self.code_label is not None:
            self.fields["code"] = forms.CharField(label=self.code_label, max_length=20,
                                                  widget=forms.TextInput(attrs={"autocomplete": "off",
                                                                                "autocapitalize": "characters"}))
        for question in qs.questions(self.kind):
            self.fields[question.id] = forms.TypedChoiceField(
                label=question.label(lang), choices=choices, coerce=int, widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer, or “Prefer not to say”."),
                                "invalid_choice": _("Choose one of the answers shown.")})

    @property
    def question_fields(self) -> list[forms.BoundField]:
        return [self[q.id] for q in load_questions().questions(self.kind)]

    def answers(self) -> dict[str, int]:
        return {q.id: int(self.cleaned_data[q.id]) for q in load_questions().questions(self.kind)}

    def allowed_fields(self) -> set[str]:
        return set(self.fields) | {"csrfmiddlewaretoken"}


class SurveyForm(AnswersForm):
    kind = "survey"


class PulseForm(AnswersForm):
    kind = "pulse"


class PaperSurveyForm(AnswersForm):
    kind = "survey"
    code_label = _("Survey code printed on the paper")


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Your code"), max_length=20,
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}))
