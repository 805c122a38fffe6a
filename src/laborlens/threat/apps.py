from django.apps import AppConfig


class ThreatConfig(AppConfig):
    name = "laborlens.threat"
    label = "threat"
    verbose_name = "Threat assessment"
    default_auto_field = "django.db.models.BigAutoField"
