from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "laborlens.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        # The events of cases, victims and publishing, and the daily jobs the queue runs:
        # notifications subscribes to them, so none of those apps imports notifications.
        from laborlens.notifications import receivers, tasks

        receivers.connect()
        tasks.register_periodic()
