"""questions.json is checked at start-up: a question without Spanish, without a listed
source, or a scale without 'prefer not to say' fails loudly."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import laborlens.feedback
from laborlens.feedback.questions import (
    QUESTIONS_FILE,
    QuestionsError,
    clean_answers,
    load_questions,
    parse,
)
from tests.activities.i18n import assert_translated

RAW = json.loads(QUESTIONS_FILE.read_text(encoding="utf-8"))


def broken(change) -> dict:
    data = copy.deepcopy(RAW)
    change(data)
    return data


@pytest.mark.parametrize("change, message", [
    (lambda d: d["survey"][0].pop("es"), "'es'"),
    (lambda d: d["survey"][1].update(source=["nowhere"]), "cites"),
    (lambda d: d["pulse"].append(dict(d["pulse"][0], id="extra")) or d["pulse"].append(dict(d["pulse"][0], id="x2")),
     "between 3 and 4"),
    (lambda d: d["scale"]["answers"].pop(), "prefer not"),
    (lambda d: d["survey"][2].update(id=d["survey"][0]["id"]), "duplicate"),
])
def test_a_bad_questions_file_is_refused(change, message):
    with pytest.raises(QuestionsError, match=message):
        parse(broken(change))


def test_answers_off_the_scale_raise_and_missing_ones_are_named():
    qs = load_questions()
    answers, missing = clean_answers("pulse", {"police_would_help": "4", "would_report": "0"}, qs)
    assert answers == {"police_would_help": 4, "would_report": 0}
    assert missing == ["contact_without_fear", "knows_where_help"]
    with pytest.raises(ValueError):
        clean_answers("pulse", {"police_would_help": "7"}, qs)


def test_every_string_has_a_spanish_translation():
    assert_translated(Path(laborlens.feedback.__file__).parent)
