"""The cases endpoints under /api/ (names in the ``api`` namespace); gathered with the
other apps' by the root URLconf (``laborlens.urls``), so ``api`` imports no app."""

from django.urls import path

from laborlens.cases import api

urlpatterns = [
    path("v1/cases/", api.CaseList.as_view(), name="cases"),
    path("v1/cases/<int:pk>/", api.CaseDetail.as_view(), name="case"),
    path("v1/cases/<int:pk>/people/", api.CasePeople.as_view(), name="case_people"),
    path("v1/cases/<int:pk>/entities/", api.CaseEntities.as_view(), name="case_entities"),
    path("v1/cases/<int:pk>/evidence/", api.CaseEvidence.as_view(), name="case_evidence"),
]
