from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "laborlens.publishing"
    label = "publishing"
    verbose_name = "Releases"
