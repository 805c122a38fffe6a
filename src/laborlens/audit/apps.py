from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "laborlens.audit"
    label = "audit"
    verbose_name = "Audit trail"
