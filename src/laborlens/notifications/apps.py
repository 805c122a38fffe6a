from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "laborlens.notifications"
    label = "notifications"
    verbose_name = "Notifications"
