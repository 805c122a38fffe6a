from django.apps import AppConfig


class MetricsConfig(AppConfig):
    name = "laborlens.metrics"
    label = "metrics"
    verbose_name = "Metrics"
