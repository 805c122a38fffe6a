from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "laborlens.feedback"
    label = "feedback"
    verbose_name = "Service quality and community trust"

    def ready(self) -> None:
        # Data as data, validated at start-up: a bad questions file fails loudly here.
        from laborlens.feedback import tiles
        from laborlens.feedback.questions import load_questions
        from laborlens.metrics.tiles import register_tiles

        load_questions()
        # The dashboard's "Service quality" and "Community trust" tiles (metrics imports no feedback).
        register_tiles("feedback", tiles.compute_tiles)
