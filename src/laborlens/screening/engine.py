"""Screening engine: answers to catalogue items -> an explained assessment (pure Python).

Input: one answer per catalogue item id (present / absent / unknown, with an optional
source, note and an ``unconfirmed`` flag) and the person's age group. Output: an
:class:`Assessment` whose every conclusion carries the inputs and the catalogue rule
(id, explanation in English and Spanish, citations) that produced it.

Design choices (documented in the catalogue README and rules.json):

* Readings are ordered ``insufficient < smuggling < exploitation < deception_exploitation
  < trafficking`` and the reading is the highest one whose condition holds. Each condition
  only asks for *present* answers, so recording one more present answer never lowers it.
* Unknown and absent answers never count. Answers marked ``unconfirmed`` count as present
  and are listed so they are confirmed before anyone relies on them.
* Age unknown: the reading uses adult weights and rules; the reading the person would have
  if under 18 is computed too and reported (``reading_if_minor``) with an action to
  establish age. We do not silently pick the child reading, because the child rule needs
  no means and would otherwise decide cases on a guess about age.
* Minors: child weights; Palermo Art. 3(c) needs no means, so exploitation plus a recorded
  act (recruited, transported, harboured, provided or obtained) is trafficking. U.S.
  federal law still requires means for labor trafficking of a minor; both are reported.
* Red flags never count toward a dimension; they raise the indicators they point to in
  the next questions. Context items never lower a reading.

The engine is split by topic, each module pure: :mod:`.answers` (the input),
:mod:`.results` (the output dataclasses and their JSON), :mod:`.rule` (the combination rule
and the reading), :mod:`.federal` (the U.S. federal elements, statutes and bases),
:mod:`.next_question`, :mod:`.actions` and :mod:`.explain`. This module holds :func:`assess`,
which puts them together, and re-exports their public names, so
``from laborlens.screening.engine import ...`` keeps working.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from laborlens.catalogue import Catalogue, load_catalogue
from laborlens.screening.actions import Facts, recommended_actions
from laborlens.screening.answers import (
    ANSWER_FIELDS,
    SOURCES,
    VALUES,
    Answer,
    AnswerInput,
    check_age_group,
    parse_answer,
    parse_answers,
)
from laborlens.screening.explain import explain, headline_for
from laborlens.screening.federal import (
    COERCIVE_DIMENSIONS,
    COERCIVE_MEANS,
    COUNTER_EVIDENCE,
    DIRECT_MEANS,
    DOCUMENT_ITEMS,
    HEIGHTENED_VULNERABILITY,
    JURISDICTIONS,
    READING_BASES,
    WAGE_THEFT_LOOKALIKES,
    check_jurisdiction,
    coercion_recorded,
    contradicted,
    default_jurisdiction,
    related_offences,
    supported_components,
    us_bases,
    us_law,
    us_support,
)
from laborlens.screening.next_question import DEFAULT_MAX_QUESTIONS, next_questions
from laborlens.screening.results import (
    Assessment,
    ComponentResult,
    Contradiction,
    DimensionResult,
    ElementResult,
    ForcedLabourResult,
    IndicatorRef,
    NextQuestion,
    ReadingResult,
    RecommendedAction,
    RedFlagResult,
    RelatedOffence,
    RuleRef,
    StatuteResult,
    UsLawResult,
)
from laborlens.screening.rule import (
    WEIGHT_VALUE,
    Model,
    dimension_results,
    matching_pattern,
    model_for,
    reading_for,
    reading_result,
    state_for,
)

# The names other code imports from here (they live in the modules above).
__all__ = [
    "ANSWER_FIELDS", "COERCIVE_DIMENSIONS", "COERCIVE_MEANS", "COUNTER_EVIDENCE", "DEFAULT_MAX_QUESTIONS",
    "DIRECT_MEANS", "DOCUMENT_ITEMS", "JURISDICTIONS", "READING_BASES", "SOURCES", "VALUES",
    "WAGE_THEFT_LOOKALIKES", "WEIGHT_VALUE",
    "Answer", "AnswerInput", "Assessment", "ComponentResult", "Contradiction", "DimensionResult", "ElementResult",
    "ForcedLabourResult", "IndicatorRef", "Model", "NextQuestion", "ReadingResult", "RecommendedAction",
    "RedFlagResult", "RelatedOffence", "RuleRef", "StatuteResult", "UsLawResult",
    "assess", "check_age_group", "check_jurisdiction", "coercion_recorded", "default_jurisdiction",
    "matching_pattern", "model_for", "parse_answer", "parse_answers", "reading_for", "supported_components",
    "us_bases", "us_support",
]


def assess(answers: Mapping[str, AnswerInput], age_group: str = "unknown", *, catalogue: Catalogue | None = None,
           max_questions: int = DEFAULT_MAX_QUESTIONS, jurisdiction: str | None = None,
           age_group_from_text: str | None = None) -> Assessment:
    """Assess one person's answers. Unknown ids or values raise ValueError with a clear message.

    ``jurisdiction`` chooses the headline framework ("us" or "ilo"; default from
    LABORLENS_JURISDICTION, else "us"). ``age_group_from_text`` ("adult" or "minor", e.g. an age
    stated in a narrative) is used when the recorded age group is unknown."""
    cat = catalogue or load_catalogue()
    model = model_for(cat)
    age_group = check_age_group(age_group)
    jurisdiction = check_jurisdiction(jurisdiction)
    age_group_source = "unknown" if age_group == "unknown" else "recorded"
    if age_group == "unknown" and age_group_from_text not in (None, "unknown"):
        age_group = check_age_group(str(age_group_from_text))
        age_group_source = "text"
    parsed = parse_answers(answers, cat)
    present = frozenset(i for i, a in parsed.items() if a.present)
    answered = frozenset(i for i, a in parsed.items() if a.value != "unknown")
    minor = age_group == "minor"
    state = state_for(model, present, child=minor)
    ilo = reading_result(model, state, age_group, minor)
    reading_if_minor = None
    child_state = None
    if age_group == "unknown":
        child_state = state_for(model, present, child=True)
        reading_if_minor = reading_for(model, child_state.positive, child_state.act_recorded, child_state.smuggling, True)[0]
    us = us_law(cat, present, answered, minor)
    supported = us_support(cat, present)
    # A debt or threat told with a smuggling may belong to the smuggling: corroboration needed too.
    counter = bool(present & COUNTER_EVIDENCE) or state.smuggling
    disputed = contradicted(present)
    vulnerable = bool(present & HEIGHTENED_VULNERABILITY)
    bases = us_bases(supported, state.positive, us.act.status == "supported", counter, disputed,
                     vulnerable or minor)
    reading_us = "trafficking" if bases or ilo.id == "trafficking" else ilo.id
    reading_us_if_minor = None
    if reading_if_minor is not None and child_state is not None:
        child_bases = us_bases(supported, child_state.positive, us.act.status == "supported", counter, disputed,
                               True)
        reading_us_if_minor = "trafficking" if child_bases or reading_if_minor == "trafficking" else reading_if_minor
    basis = (("palermo_ilo",) if ilo.id == "trafficking" else ()) + (bases if reading_us == "trafficking" else ())
    headline_id = reading_us if jurisdiction == "us" else ilo.id
    reading = ilo
    if headline_id != ilo.id:  # lifted to trafficking by the federal elements
        detail = cat.readings[headline_id]
        reading = ReadingResult(detail.id, detail.rank, detail.label, detail.description,
                                RuleRef.of(cat.rules["reading.trafficking.us"]),
                                {**ilo.inputs, "reading_ilo": ilo.id, "reading_basis": list(bases),
                                 "jurisdiction": jurisdiction})
    if jurisdiction == "ilo":
        basis = ("palermo_ilo",) if ilo.id == "trafficking" else ()
    headline = headline_for(jurisdiction, ilo.id, reading_us, basis, ilo.rule.id,
                            coercion_recorded(supported, state.positive), minor)
    facts = Facts(
        reading=reading.id, rank=reading.rank, present=present, positive=state.positive,
        components=frozenset(supported), elements=frozenset(e for e in ("act", "means", "purpose") if getattr(us, e).status == "supported"),
        age_group=age_group, nothing_recorded=not answered,
        minor_reading_differs=reading_if_minor is not None and reading_if_minor != reading.id,
        has_unconfirmed=any(parsed[i].unconfirmed for i in present))
    draft = Assessment(
        catalogue_version=cat.version, age_group=age_group, reading=reading.id, reading_detail=reading,
        reading_if_minor=reading_if_minor,
        readings=_readings_block(cat, ilo, us, minor, reading_us, bases),
        nothing_recorded=not answered,
        present_indicator_count=sum(1 for i in present if cat.items[i].kind == "indicator"),
        dimensions=dimension_results(model, state, present, parsed, child=minor),
        forced_labour=_forced_labour(cat, present),
        us_law=us,
        red_flags=_red_flags(cat, present, parsed),
        context=tuple({"id": i.id, "label": i.label, "value": parsed[i.id].value, "roles": i.roles}
                      for i in cat.items.values() if i.kind == "context" and i.id in answered),
        contradictions=_contradictions(cat, present),
        unconfirmed=tuple(i for i in cat.items if i in present and parsed[i].unconfirmed),
        next_questions=next_questions(model, state, ilo.id, present, parsed, minor, minor, max_questions,
                                      us_headline=jurisdiction == "us"),
        recommended_actions=recommended_actions(cat, facts, model.rank),
        explanation=(),
        answers={i: parsed[i] for i in cat.items if i in parsed},
        jurisdiction=jurisdiction, reading_ilo=ilo.id, reading_us=reading_us, reading_us_if_minor=reading_us_if_minor,
        reading_basis=basis, headline=headline, related_offences=related_offences(cat, present),
        age_group_source=age_group_source,
    )
    return dataclasses.replace(draft, explanation=explain(cat, draft, state))


def _readings_block(cat: Catalogue, reading: ReadingResult, us: UsLawResult, minor: bool, reading_us: str,
                    bases: tuple[str, ...]) -> dict[str, Any]:
    """Palermo/ILO and U.S. federal readings side by side (they differ for minors)."""
    return {
        "palermo_ilo": {"reading": reading.id, "label": reading.label, "means_required": not minor,
                        "rule": RuleRef.of(cat.rules[reading.rule.id])},
        "us_federal": {"act": us.act.status, "means": us.means.status, "purpose": us.purpose.status,
                       "all_elements_supported": us.all_elements_supported, "means_required": True,
                       "rule": RuleRef.of(cat.rules["us.minor_means" if minor else "us.element"]),
                       "reading": reading_us, "label": cat.readings[reading_us].label, "basis": list(bases),
                       "reading_rule": RuleRef.of(cat.rules["reading.trafficking.us"])},
    }


def _forced_labour(cat: Catalogue, present: frozenset[str]) -> tuple[ForcedLabourResult, ...]:
    out = []
    for fl in cat.forced_labour:
        ids = tuple(i.id for i in cat.indicators if i.id in present and fl.id in i.forced_labour)
        if ids:
            out.append(ForcedLabourResult(fl.id, fl.number, fl.label, ids))
    return tuple(out)


def _red_flags(cat: Catalogue, present: frozenset[str], answers: Mapping[str, Answer]) -> tuple[RedFlagResult, ...]:
    rule = RuleRef.of(cat.rules["red_flags.prompt"])
    return tuple(RedFlagResult(i.id, i.label, answers[i.id].unconfirmed, i.points_to, rule)
                 for i in cat.items.values() if i.kind == "red_flag" and i.id in present)


def _contradictions(cat: Catalogue, present: frozenset[str]) -> tuple[Contradiction, ...]:
    rule = RuleRef.of(cat.rules["context.counter"])
    out = []
    for item in cat.items.values():
        if item.id in present and item.contradicts:
            clash = tuple(i for i in item.contradicts if i in present)
            if clash:
                out.append(Contradiction(item.id, clash, rule))
    return tuple(out)
