from django.apps import AppConfig


class VictimsConfig(AppConfig):
    name = "laborlens.victims"
    label = "victims"
    verbose_name = "Victim services"

    def ready(self) -> None:
        # The identity rule in cases reads victim records and consents through this app.
        from laborlens.cases.identity.access import read_victim_records_with
        from laborlens.victims.access import known_for

        read_victim_records_with(known_for)
