from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "laborlens.screening"
    label = "screening"
    verbose_name = "Screenings"
