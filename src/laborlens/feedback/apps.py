from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "laborlens.feedback"
    label = "feedback"
    verbose_name = "Service quality and community trust"

    def ready(self) -> None:
        # Data as data, validated at start-up: a bad questions file fails loudly here.
        from laborlens.feedback.questions import load_questions

        load_questions()
