"""Two answers sent at once with the same code: one is saved, the other refused
(PostgreSQL, where the two really run in parallel; the row lock decides)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from laborlens.feedback import services
from laborlens.feedback.models import Channel, SurveyResponse
from laborlens.feedback.questions import load_questions

pytestmark = [pytest.mark.django_db(transaction=True)]


def test_a_code_sent_twice_at_once_is_used_once(world):
    if connection.vendor != "postgresql":
        pytest.skip("parallel writers need PostgreSQL (SQLite has one writer)")
    _row, code = services.create_survey_code(world.advocate)
    answers = {q.id: 5 for q in load_questions().survey}
    outcomes: list[str] = []
    start = threading.Barrier(4)

    def send() -> None:
        try:
            start.wait()
            services.submit_survey(code, answers, language="en", channel=Channel.ONLINE)
            outcomes.append("saved")
        except services.FeedbackError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "refused", "refused", "saved"]
    assert SurveyResponse.objects.count() == 1
