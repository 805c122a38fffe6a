"""The explanation an officer reads: the headline sentence and the lines that justify the reading.

:func:`headline_for` gives one plain sentence (what this may be, under which statute, what to
do next); :func:`explain` lists, in English and Spanish, the reading and its rule, the
dimensions and their deciding indicators, age, smuggling, red flags, contradictions, the U.S.
elements and statutes, and what still needs confirming. Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable

from laborlens.catalogue import Catalogue, Text
from laborlens.screening.federal import item_order
from laborlens.screening.results import Assessment, IndicatorRef, format_text, join_texts
from laborlens.screening.rule import State


def _labels(cat: Catalogue, ids: Iterable[str]) -> Text:
    return join_texts(cat.items[i].label for i in ids)


def explain(cat: Catalogue, a: Assessment, state: State) -> tuple[Text, ...]:
    msg = cat.messages
    lines: list[Text] = []
    if a.nothing_recorded:
        lines.append(msg["nothing_recorded"])
    lines.append(a.headline)
    lines.append(format_text(msg["reading"], reading=a.reading_detail.label))
    lines.append(a.reading_detail.rule.explanation)
    if a.reading_ilo != a.reading:
        lines.append(format_text(Text("Under the ILO/EC rule alone the reading is: {reading}.",
                                      "Según la regla OIT/CE sola, la lectura es: {reading}."),
                                 reading=cat.readings[a.reading_ilo].label))
    if a.age_group_source == "text":
        lines.append(Text("The age group comes from an age stated in the text; confirm it.",
                          "El grupo de edad viene de una edad mencionada en el texto; confírmela."))
    for offence in a.related_offences:
        lines.append(format_text(Text("Related offence, {cite}: {text}", "Delito relacionado, {cite}: {text}"),
                                 cite=offence.cite, text=offence.explanation))
    lines += _explain_dimensions(cat, a)
    lines += _explain_age(cat, a)
    lines += _explain_context(cat, a, state)
    lines += _explain_us(cat, a)
    if a.forced_labour:
        lines.append(format_text(msg["forced_labour"], names=join_texts(f.label for f in a.forced_labour)))
    if a.unconfirmed:
        lines.append(format_text(msg["unconfirmed"], count=str(len(a.unconfirmed)), items=_labels(cat, a.unconfirmed)))
    lines.append(msg["not_determination"])
    return tuple(lines)


def _listed(cat: Catalogue, refs: Iterable[IndicatorRef]) -> Text:
    template = Text("{label} ({weight})", "{label} ({weight})")
    return join_texts(format_text(template, label=r.label, weight=cat.label("weight", str(r.weight))) for r in refs)


def _explain_dimensions(cat: Catalogue, a: Assessment) -> list[Text]:
    lines = []
    for dim in a.dimensions:
        if dim.positive and dim.pattern_label is not None:
            deciding = [r for r in dim.present if r.id in dim.deciding]
            lines.append(format_text(cat.messages["dimension_positive"], dimension=dim.label, pattern=dim.pattern_label,
                                     indicators=_listed(cat, deciding)))
        elif dim.present:
            lines.append(format_text(cat.messages["dimension_partial"], dimension=dim.label, indicators=_listed(cat, dim.present)))
    return lines


def _explain_age(cat: Catalogue, a: Assessment) -> list[Text]:
    msg = cat.messages
    if a.age_group == "minor":
        lines = [msg["age_minor"]]
        if a.us_law.minor_note is not None:
            lines.append(a.us_law.minor_note)
        return lines
    if a.age_group == "unknown":
        lines = [msg["age_unknown"]]
        if a.reading_if_minor is not None and a.reading_if_minor != a.reading:
            lines.append(format_text(msg["age_unknown_differs"], reading=cat.readings[a.reading_if_minor].label))
        return lines
    return []


def _explain_context(cat: Catalogue, a: Assessment, state: State) -> list[Text]:
    msg = cat.messages
    lines = []
    if state.smuggling:
        lines.append(msg["smuggling_recorded"])
    means = [d for d in a.dimensions if d.positive and cat.dimension(d.id).role != "exploitation"]
    if means and not state.positive[next(d.id for d in cat.dimensions if d.role == "exploitation")]:
        lines.append(format_text(msg["means_without_exploitation"], dimensions=join_texts(d.label for d in means)))
    if a.red_flags:
        targets = sorted({t for f in a.red_flags for t in f.points_to}, key=item_order(cat).__getitem__)
        lines.append(format_text(msg["red_flags"], flags=join_texts(f.label for f in a.red_flags), indicators=_labels(cat, targets)))
    for c in a.contradictions:
        lines.append(format_text(msg["contradiction"], context=cat.items[c.context].label, indicators=_labels(cat, c.indicators)))
    return lines


def _explain_us(cat: Catalogue, a: Assessment) -> list[Text]:
    msg = cat.messages
    us = a.us_law
    lines = [format_text(msg["us_summary"], act=cat.label("status", us.act.status), means=cat.label("status", us.means.status),
                         purpose=cat.label("status", us.purpose.status))]
    if us.all_elements_supported:
        lines.append(msg["us_all_supported"])
    coercive = [c for c in us.means.components if c.supported and c.id != "means.fraud_7102"]
    if coercive and a.reading != "trafficking":
        lines.append(format_text(msg["us_means_without_ilo"], components=join_texts(c.label for c in coercive)))
    for statute in us.statutes:
        lines.append(format_text(msg["statute"], cite=statute.cite, label=statute.label, facts=_labels(cat, statute.facts)))
    return lines


_STATUTE_WORDS = {
    "usc_1589": Text("forced labor, 18 U.S.C. 1589", "trabajo forzoso, 18 U.S.C. 1589"),
    "usc_1590": Text("trafficking with respect to forced labor, 18 U.S.C. 1590",
                     "trata con fines de trabajo forzoso, 18 U.S.C. 1590"),
    "usc_1581": Text("peonage (debt servitude), 18 U.S.C. 1581", "peonaje (servidumbre por deudas), 18 U.S.C. 1581"),
    "usc_1584": Text("involuntary servitude, 18 U.S.C. 1584", "servidumbre involuntaria, 18 U.S.C. 1584"),
}
_CALL = Text("call the task force or your federal partner (FBI, HSI, DOL-OIG) now and keep the person away "
             "from the suspect",
             "llame ya al grupo de trabajo (task force) o a su socio federal (FBI, HSI, DOL-OIG) y mantenga a la "
             "persona lejos del sospechoso")


def headline_for(jurisdiction: str, reading_ilo: str, reading_us: str, bases: tuple[str, ...], ilo_rule: str,
                 coercion: bool, minor: bool) -> Text:
    """One plain sentence for the officer: what this may be, under which statute, and what to do next."""
    reading = reading_us if jurisdiction == "us" else reading_ilo
    if reading == "trafficking":
        if jurisdiction == "us" and any(b.startswith("usc_") for b in bases):
            words = [_STATUTE_WORDS[b] for b in bases if b in _STATUTE_WORDS]
            return format_text(Text("Possible {what}: {call}.", "Posible {what}: {call}."), what=join_texts(words), call=_CALL)
        if minor or ilo_rule == "reading.trafficking.minor":
            return format_text(Text("Possible child trafficking for labour (Palermo Protocol art. 3(c): no means needed "
                                    "under 18; U.S. law still needs force, fraud or coercion for labor trafficking): {call} "
                                    "and child protective services.",
                                    "Posible trata de menores con fines laborales (Protocolo de Palermo art. 3(c): no hacen "
                                    "falta medios antes de los 18; la ley de EE. UU. sigue exigiendo fuerza, engaño o "
                                    "coacción para la trata laboral): {call} y a los servicios de protección de menores."),
                               call=_CALL)
        return format_text(Text("Possible trafficking for labour exploitation (Palermo Protocol art. 3; ILO/EC indicators): "
                                "{call}.",
                                "Posible trata con fines de explotación laboral (Protocolo de Palermo art. 3; indicadores "
                                "OIT/CE): {call}."), call=_CALL)
    if ilo_rule == "reading.smuggling_coerced":
        return Text("Smuggling that did not end on arrival: coercion or abuse of vulnerability at destination is "
                    "recorded. Ask what work the person does and for whom (18 U.S.C. 1589 needs labor or services) "
                    "and call the task force.",
                    "Tráfico de migrantes que no terminó al llegar: consta coacción o abuso de vulnerabilidad en "
                    "destino. Pregunte qué trabajo hace la persona y para quién (el 18 U.S.C. 1589 exige trabajo o "
                    "servicios) y llame al grupo de trabajo (task force).")
    if coercion:
        return Text("Coercion is recorded (possible means under 18 U.S.C. 1589) but the reading is not yet "
                    "trafficking: ask the next questions below about the work, threats, debts and documents, and "
                    "talk to the task force before the person is released.",
                    "Consta coacción (posibles medios según el 18 U.S.C. 1589) pero la lectura aún no es trata: haga "
                    "las preguntas siguientes sobre el trabajo, las amenazas, las deudas y los documentos, y hable "
                    "con el grupo de trabajo (task force) antes de que la persona se vaya.")
    if reading in ("exploitation", "deception_exploitation"):
        return Text("Labour exploitation without force or coercion recorded so far: a labour-rights matter for the "
                    "Department of Labor Wage and Hour Division or the state labor agency, which can hide "
                    "trafficking: ask about threats, debts, documents and freedom to leave before closing it.",
                    "Explotación laboral sin fuerza ni coacción registradas por ahora: un asunto de derechos "
                    "laborales para la División de Salarios y Horas del Departamento de Trabajo o la agencia laboral "
                    "del estado, que puede esconder trata: pregunte por amenazas, deudas, documentos y libertad para "
                    "irse antes de cerrarlo.")
    if reading == "smuggling":
        return Text("Smuggling only so far (8 U.S.C. 1324: a crime against the border, not the person): ask whether "
                    "the arrangement ended on arrival, and about debts, documents and freedom to leave.",
                    "Por ahora solo tráfico de migrantes (8 U.S.C. 1324: un delito contra la frontera, no contra la "
                    "persona): pregunte si el acuerdo terminó al llegar, y por deudas, documentos y libertad para "
                    "irse.")
    return Text("Not enough recorded yet to read this: ask the next questions below.",
                "Aún no consta lo suficiente para una lectura: haga las preguntas siguientes.")
