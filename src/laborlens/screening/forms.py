from __future__ import annotations

from django import forms

from laborlens.screening.models import Screening


class NewScreeningForm(forms.ModelForm):
    class Meta:
        model = Screening
        fields = ["label", "age_group", "setting", "question_language"]
        widgets = {"age_group": forms.RadioSelect, "question_language": forms.RadioSelect}
