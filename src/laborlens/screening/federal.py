"""The U.S. federal reading: elements (act, means, purpose), statutes and the headline bases.

:func:`us_support` maps the present answers to the U.S. law components they support
(derived components included); :func:`us_law` reads the three elements and the statutes the
answers point to; :func:`us_bases` says which of 18 U.S.C. 1589, 1590, 1581 and 1584 the
facts support, which lifts the U.S. headline to trafficking; :func:`related_offences` flags
1592 and 1351 on their own. Also the jurisdiction setting (us or ilo). Pure Python.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

from laborlens.catalogue import Catalogue, Text
from laborlens.catalogue.loader import UsComponent
from laborlens.screening.results import (
    ComponentResult,
    ElementResult,
    RelatedOffence,
    RuleRef,
    StatuteResult,
    UsLawResult,
    format_text,
)


@functools.lru_cache(maxsize=8)
def _derived_components(catalogue: Catalogue) -> tuple[UsComponent, ...]:
    return tuple(c for e in catalogue.us_elements for c in e.components if c.derived_when_all)


@functools.lru_cache(maxsize=8)
def item_order(catalogue: Catalogue) -> dict[str, int]:
    return {item_id: n for n, item_id in enumerate(catalogue.items)}


def _close(catalogue: Catalogue, facts: dict[str, set[str]]) -> dict[str, set[str]]:
    """Add derived components whose every group has a supported member (repeat until stable)."""
    changed = True
    while changed:
        changed = False
        for comp in _derived_components(catalogue):
            if comp.id in facts:
                continue
            groups = [[r for r in group if r in facts] for group in comp.derived_when_all]
            if all(groups):
                facts[comp.id] = {f for group in groups for r in group for f in facts[r]}
                changed = True
    return facts


def us_support(catalogue: Catalogue, present: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Supported U.S. law components -> the present item ids behind them (derived ones included)."""
    facts: dict[str, set[str]] = {}
    for item_id in present:
        for comp in catalogue.items[item_id].us_supports:
            facts.setdefault(comp, set()).add(item_id)
    order = item_order(catalogue)
    return {k: tuple(sorted(v, key=order.__getitem__)) for k, v in _close(catalogue, facts).items()}


def supported_components(catalogue: Catalogue, direct: Iterable[str]) -> frozenset[str]:
    """The components supported once ``direct`` ones are (derived closure, without the facts)."""
    return frozenset(_close(catalogue, {c: set() for c in direct}))


def _element_status(catalogue: Catalogue, element_id: str, supported: Mapping[str, tuple[str, ...]],
                    answered: Iterable[str]) -> str:
    element = next(e for e in catalogue.us_elements if e.id == element_id)
    if any(c in supported for c in element.supported_when_any):
        return "supported"
    prefix = element_id + "."
    touched = any(any(s.startswith(prefix) for s in catalogue.items[i].us_supports) for i in answered)
    return "not_established" if touched else "unknown"


def us_law(catalogue: Catalogue, present: frozenset[str], answered: frozenset[str], minor: bool) -> UsLawResult:
    supported = us_support(catalogue, present)
    element_rule = RuleRef.of(catalogue.rules["us.element"])
    elements: dict[str, ElementResult] = {}
    for element in catalogue.us_elements:
        status = _element_status(catalogue, element.id, supported, answered)
        comps = tuple(ComponentResult(c.id, c.label, c.id in supported, bool(c.derived_when_all), supported.get(c.id, ()))
                      for c in element.components)
        facts = sorted({f for c in comps if c.supported for f in c.facts}, key=item_order(catalogue).__getitem__)
        elements[element.id] = ElementResult(element.id, element.label, status, tuple(facts), comps, element_rule)
    statutes = _statutes(catalogue, present, supported, {k for k, e in elements.items() if e.status == "supported"})
    all_supported = all(e.status == "supported" for e in elements.values())
    minor_note = None
    if minor:
        minor_note = format_text(catalogue.messages["minor_us_means"],
                                 status=catalogue.label("status", elements["means"].status))
    return UsLawResult(elements["act"], elements["means"], elements["purpose"], all_supported, statutes, minor_note)


def _statutes(catalogue: Catalogue, present: frozenset[str], supported: Mapping[str, tuple[str, ...]],
              elements_supported: set[str]) -> tuple[StatuteResult, ...]:
    rule = RuleRef.of(catalogue.rules["us.statute"])
    pointed: dict[str, list[str]] = {}
    for item_id in catalogue.items:
        if item_id in present:
            for statute_id in catalogue.items[item_id].us_statutes:
                pointed.setdefault(statute_id, []).append(item_id)
    results = []
    for statute in catalogue.statutes.values():
        if statute.id not in pointed:
            continue
        missing = tuple(group for group in statute.requires_all
                        if not any(r in supported or r in elements_supported for r in group))
        results.append(StatuteResult(statute.id, statute.cite, statute.label, tuple(pointed[statute.id]),
                                     not missing, missing, rule))
    return tuple(results)


# --- U.S. headline reading (issue 14) --------------------------------------------------

JURISDICTIONS = ("us", "ilo")
READING_BASES = ("palermo_ilo", "usc_1589", "usc_1590", "usc_1581", "usc_1584")
COERCIVE_MEANS = ("means.force_1589a1", "means.serious_harm_1589a2", "means.abuse_of_law_1589a3",
                  "means.scheme_1589a4")
# Force or physical restraint (or threats of them) and abuse of legal process are 1589(a) means on
# their own; serious harm and a scheme need a second fact or a positive dimension once anything
# recorded says the person is free, and one held-back pay cheque is never read as forced labor.
DIRECT_MEANS = ("means.force_1589a1", "means.abuse_of_law_1589a3")
COERCIVE_DIMENSIONS = ("coercive_recruitment", "coercion_destination")
DOCUMENT_ITEMS = ("cr_confiscation_of_documents", "cd_confiscation_of_documents")
# Wages held back look the same in wage theft: alone, they never make a federal basis, unless
# the person is one for whom losing the pay is serious harm (1589(c)(2): judged for "a
# reasonable person of the same background and in the same circumstances"): a minor, a
# disability or homelessness, dependence on the employer for food and shelter, not knowing
# where they are, or not being able to read, count or understand the language. Each item
# comes with its recruitment/destination twin: when a fact is told does not change it.
WAGE_THEFT_LOOKALIKES = frozenset({"cd_withholding_of_wages"})
HEIGHTENED_VULNERABILITY = frozenset({"vr_personal_situation", "vd_personal_characteristics",
                                      "vd_dependency_on_exploiters",
                                      "vd_difficulty_unknown_area", "vr_lack_of_education_language"})
# Recorded facts that the person is free: with any of them, one means fact is not enough.
COUNTER_EVIDENCE = frozenset({"ctx_free_to_leave", "ctx_keeps_own_documents", "ctx_keeps_own_wages"})
# The means fact each counter-evidence item says the opposite of ("she can leave whenever she
# wants" against "cameras watch the workers"): a contradicted fact never corroborates on its own.
# A smuggler's arrangement that ended on arrival ("nothing owed, no further control") says the
# same of a hold told with the crossing: a stash house until the fee is paid is the smuggling's.
CONTRADICTS = {"ctx_free_to_leave": "cd_isolation_confinement_surveillance",
               "ctx_keeps_own_documents": "cd_confiscation_of_documents",
               "ctx_keeps_own_wages": "cd_withholding_of_wages",
               "ctx_smuggling_arrangement_ended_on_arrival": "cd_isolation_confinement_surveillance"}


def contradicted(present: Iterable[str]) -> frozenset[str]:
    """The present means facts that recorded counter-evidence says the opposite of."""
    chosen = set(present)
    return frozenset(fact for counter, fact in CONTRADICTS.items() if counter in chosen and fact in chosen)


def default_jurisdiction() -> str:
    """``LABORLENS_JURISDICTION`` (us or ilo; default us). Django's settings read the same variable."""
    from laborlens.env import env_choice

    return env_choice("LABORLENS_JURISDICTION", JURISDICTIONS, "us")


def check_jurisdiction(jurisdiction: str | None) -> str:
    value = default_jurisdiction() if jurisdiction is None else jurisdiction
    if value not in JURISDICTIONS:
        raise ValueError(f"jurisdiction must be one of {', '.join(JURISDICTIONS)} (got {value!r})")
    return value


def coercion_recorded(supported: Mapping[str, tuple[str, ...]], positive: Mapping[str, bool]) -> bool:
    """Any 1589(a) means supported or a coercive dimension positive: never 'a labour-rights matter'."""
    return any(c in supported for c in COERCIVE_MEANS) or any(positive.get(d, False) for d in COERCIVE_DIMENSIONS)


def us_bases(supported: Mapping[str, tuple[str, ...]], positive: Mapping[str, bool], act_supported: bool,
             counter_evidence: bool = False, disputed: frozenset[str] = frozenset(),
             vulnerable: bool = False) -> tuple[str, ...]:
    """The federal bases (usc_1589, usc_1590, usc_1581, usc_1584) the recorded facts support.

    1589: labor or services recorded and obtained by a 1589(a) means. 1590: the same plus a
    recorded act (recruits, harbors, transports, provides, obtains). 1581 and 1584: peonage and
    involuntary servitude as derived in us_law.json, on the same means.

    One means fact is enough for a *possible* 1589 while nothing recorded says the person is
    free (``counter_evidence``: free to leave, keeps own documents, keeps own wages, or a
    smuggling is recorded, to which a debt or threat may belong) and the fact
    is not wages held back (alone, that is what wage theft looks like); with such
    counter-evidence the means must be corroborated (force or abuse of law, two means facts, or a
    coercive dimension). A fact the counter-evidence says the opposite of (``disputed``, see
    CONTRADICTS: confinement told beside "free to leave") corroborates nothing: it counts only
    beside another means fact or a coercive dimension. Every condition grows with present
    indicators, so adding an indicator never lowers the reading; only recorded
    counter-evidence can hold back a fact."""
    if "purpose.labor_services" not in supported:
        return ()
    means_facts = {f for c in COERCIVE_MEANS for f in supported.get(c, ())}
    direct = {f for c in DIRECT_MEANS for f in supported.get(c, ())} - disputed
    corroborated = (bool(direct) or len(means_facts) >= 2
                    or any(positive.get(d, False) for d in COERCIVE_DIMENSIONS)
                    or (not counter_evidence and bool(means_facts - (frozenset() if vulnerable
                                                                     else WAGE_THEFT_LOOKALIKES))))
    if not means_facts or not corroborated:
        return ()
    bases = ["usc_1589"]
    if act_supported:
        bases.append("usc_1590")
    if "purpose.peonage_1581" in supported:
        bases.append("usc_1581")
    if "purpose.involuntary_servitude_1584" in supported:
        bases.append("usc_1584")
    return tuple(bases)


def related_offences(cat: Catalogue, present: frozenset[str]) -> tuple[RelatedOffence, ...]:
    rule = RuleRef.of(cat.rules["us.related_offences"])
    out = []
    documents = tuple(i for i in DOCUMENT_ITEMS if i in present)
    if documents and "usc18_1592" in cat.statutes:
        out.append(RelatedOffence("usc18_1592", cat.statutes["usc18_1592"].cite, cat.statutes["usc18_1592"].label,
                                  documents, Text(
            "Someone else holds the person's passport or identity document: possible document servitude.",
            "Otra persona retiene el pasaporte o la identificación de la persona: posible servidumbre documental."),
            rule))
    fraud = tuple(i for i in cat.items if i in present and "usc18_1351" in cat.items[i].us_statutes)
    if fraud and "usc18_1351" in cat.statutes:
        out.append(RelatedOffence("usc18_1351", cat.statutes["usc18_1351"].cite, cat.statutes["usc18_1351"].label,
                                  fraud, Text(
            "Recruitment deception or recruitment fees are recorded: possible fraud in foreign labor contracting "
            "if the person was recruited from abroad.",
            "Constan engaño o cuotas en la contratación: posible fraude en la contratación laboral en el extranjero "
            "si la persona fue reclutada desde otro país."), rule))
    return tuple(out)
