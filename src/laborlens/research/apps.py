from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "laborlens.research"
    label = "research"
    verbose_name = "Research datasets"
