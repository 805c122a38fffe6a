from django.apps import AppConfig


class ReadinessConfig(AppConfig):
    name = "laborlens.readiness"
    label = "readiness"
    verbose_name = "Agency readiness self-assessment"
