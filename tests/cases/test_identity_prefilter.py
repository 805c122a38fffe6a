"""identity.text.Rules runs a person's pattern only on a text whose letters and digits hold
the value's own in a row (issue 16, the case download): the result must be exactly what
running every pattern on every text gives, for every kind of value and the ways people
write them."""

from __future__ import annotations

from datetime import date

from laborlens.cases.identity.text import Rules, patterns_for, rules_for
from laborlens.cases.models import Person

PEOPLE = [
    Person(pseudonym="P-1", full_name="Quintessa Zyxwórt", aliases=["La Güera", "Q. Z."], phones=["+1 (202) 555-0187"],
           emails=["Q.Zyx+work@Example.org"], id_documents=["Passport GT 9981234"], address="12 Orchard Lane, Riverton",
           date_of_birth=date(1990, 2, 3)),
    Person(pseudonym="P-2", full_name="José María de los Ángeles Nuñez", phones=["5550187"],
           id_documents=["A-12_34"], address="Calle 5 #12-40", date_of_birth="born spring '88 (approx.)"),
    Person(pseudonym="P-3", full_name="Ōta Ichirō", aliases=["ＡＢＣ"], phones=["٠١٢٣٤٥٦٧٨٩"], emails=["o_ta@x.jp"],
           id_documents=["[ID] 77\\d 01"], address="x"),
]

TEXTS = [
    "quintéssa ZYXWÓRT told us; QUINTESSA  zyxwort again; Zyxwort alone; call (202) 555-0187 or 202.555.0187",
    "+1 202 555 0187; 2025550187; 555 0187; 555-0187; passport gt-998-1234 and 9981234; GT9981234",
    "born 02/03/1990, 3.2.1990, 1990/02/03, 2-3-1990; lives at 12 orchard  lane; 12 Orchard Lane, Riverton",
    "mail q.zyx+work@example.org or Q.ZYX+WORK@EXAMPLE.ORG; la guera; LA GÜERA; q z; Q.Z.",
    "Jose Maria de los Angeles NUÑEZ; nunez; angeles; Los; del; calle 5 #12-40; a 12 34; A1234; a_12_34",
    "born spring '88 (approx.); BORN SPRING 88 APPROX",
    "ota ichiro; ŌTA; ＡＢＣ and abc; ٠١٢٣٤٥٦٧٨٩; o_ta@x.jp; [id] 77\\d 01; id7701",
    "", "nothing to see here", "x marks the spot", "Orchard crew at the Riverton packing shed",
]


def _every_pattern(rules: Rules) -> Rules:
    """The same rules with nothing skipped: every pattern runs on every text."""
    brute = Rules([])
    brute.rules = [(pattern, "", pseudonym) for pattern, _needs, pseudonym in rules.rules]
    return brute


def test_skipping_patterns_changes_no_result():
    rules = Rules(PEOPLE)
    brute = _every_pattern(rules)
    changed = 0
    for text in TEXTS + [" ".join(TEXTS)]:
        for piece in (text, text.upper(), text.replace(" ", "  ")):
            assert rules.apply(piece) == brute.apply(piece), piece
            changed += rules.apply(piece)[1]
    assert changed >= 15  # the texts do name people: the comparison is not between two no-ops


def test_what_a_pattern_needs_is_in_every_text_it_matches():
    import re

    from laborlens.cases.identity.text import fold

    for person in PEOPLE:
        assert patterns_for(person) == [pattern for pattern, _needs in rules_for(person)]
        for pattern, needs in rules_for(person):
            for text in TEXTS:
                folded = fold(text)[0]
                for match in re.finditer(pattern, folded):
                    assert needs in re.sub(r"[\W_]+", "", match.group()), (pattern, needs, match.group())
