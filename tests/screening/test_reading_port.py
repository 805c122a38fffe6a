"""The on-device reading (static/laborlens/reading.js) and the server's engine read the same
answers the same way: every golden vignette, under both jurisdictions and every age group,
and a few hundred seeded random answer sets, are assessed by both and compared.

The JS runs in Node (/usr/bin/node); the browser runs the same file in
tests/e2e/test_field_offline.py."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from laborlens.catalogue import load_catalogue
from laborlens.screening.engine import assess
from laborlens.screening.field import field_catalogue

ROOT = Path(__file__).resolve().parents[2]
READING_JS = ROOT / "src/laborlens/static/laborlens/reading.js"
VIGNETTES = sorted((ROOT / "tests/fixtures/screening").glob("*.json"))
NODE = shutil.which("node") or "/usr/bin/node"
FIELDS = ("reading", "reading_ilo", "reading_us", "reading_basis", "reading_if_minor", "reading_us_if_minor",
          "dimensions_positive")

RUNNER = """
const reading = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { data, cases } = JSON.parse(input);
  const model = reading.model(data);
  const out = cases.map((c) => reading.assess(model, c.answers, c.age_group, c.jurisdiction));
  process.stdout.write(JSON.stringify(out));
});
"""


def python_reading(case: dict) -> dict:
    a = assess(case["answers"], case["age_group"], jurisdiction=case["jurisdiction"])
    return {"reading": a.reading, "reading_ilo": a.reading_ilo, "reading_us": a.reading_us,
            "reading_basis": list(a.reading_basis), "reading_if_minor": a.reading_if_minor,
            "reading_us_if_minor": a.reading_us_if_minor,
            "dimensions_positive": [d.id for d in a.dimensions if d.positive]}


def js_readings(cases: list[dict]) -> list[dict]:
    if not Path(NODE).exists():
        pytest.skip("Node.js is not installed (apt-get install -y nodejs); the e2e test runs the port in Chromium")
    cat = load_catalogue()
    payload = json.dumps({"data": field_catalogue(cat, "us"), "cases": cases})
    done = subprocess.run([NODE, "-e", RUNNER, str(READING_JS)], input=payload, capture_output=True, text=True,
                          check=True, timeout=120)
    return [{k: r[k] for k in FIELDS} for r in json.loads(done.stdout)]


def vignette_cases() -> list[dict]:
    cases = []
    for path in VIGNETTES:
        v = json.loads(path.read_text(encoding="utf-8"))
        for jurisdiction in ("us", "ilo"):
            ages = {v["age_group"], "adult", "minor", "unknown"}
            for age in sorted(ages):
                cases.append({"name": f"{v['id']}/{jurisdiction}/{age}", "answers": v["answers"],
                              "age_group": age, "jurisdiction": jurisdiction})
    return cases


def random_cases(count: int, seed: int) -> list[dict]:
    """Answer sets drawn from every answerable item, weighted to the sizes screenings have."""
    cat = load_catalogue()
    ids = [i.id for i in cat.items.values() if not i.deprecated]
    rng = random.Random(seed)
    cases = []
    for n in range(count):
        chosen = rng.sample(ids, rng.choice((1, 3, 6, 10, 15, 25)))
        answers = {i: rng.choice(("present", "present", "absent", "unknown")) for i in chosen}
        cases.append({"name": f"random-{seed}-{n}", "answers": answers,
                      "age_group": rng.choice(("adult", "minor", "unknown")),
                      "jurisdiction": rng.choice(("us", "ilo"))})
    return cases


def test_the_port_reads_every_golden_vignette_as_the_engine_does():
    cases = vignette_cases()
    assert len(cases) >= len(VIGNETTES) * 6
    js = js_readings(cases)
    differ = [(c["name"], python_reading(c), j) for c, j in zip(cases, js, strict=True) if python_reading(c) != j]
    assert not differ, differ[:3]
    # The set exercises every reading, under both frameworks, and the federal bases.
    assert {j["reading"] for j in js} == {"insufficient", "smuggling", "exploitation", "deception_exploitation",
                                         "trafficking"}
    assert {"usc_1589", "usc_1590"} <= {b for j in js for b in j["reading_basis"]}


def test_the_port_agrees_on_random_answer_sets():
    cases = random_cases(400, seed=17)
    js = js_readings(cases)
    differ = [(c["name"], c, python_reading(c), j) for c, j in zip(cases, js, strict=True) if python_reading(c) != j]
    assert not differ, differ[:2]
    assert len({j["reading"] for j in js}) >= 4


def test_a_changed_rule_is_caught():
    """The comparison can fail: a catalogue whose U.S. rule differs reads differently."""
    v = json.loads((ROOT / "tests/fixtures/screening/us_v_bradley.json").read_text(encoding="utf-8"))
    case = {"answers": v["answers"], "age_group": "adult", "jurisdiction": "us"}
    if not Path(NODE).exists():
        pytest.skip("Node.js is not installed")
    data = field_catalogue(load_catalogue(), "us")
    data["patterns"] = [{**p, "strong": p["strong"] + 5} for p in data["patterns"]]  # nothing can be positive
    done = subprocess.run([NODE, "-e", RUNNER, str(READING_JS)], input=json.dumps({"data": data, "cases": [case]}),
                          capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(done.stdout)[0]["dimensions_positive"] != python_reading(case)["dimensions_positive"]


def test_the_port_holds_back_a_disputed_fact_as_the_engine_does():
    """Counter-evidence against the one means fact (free to leave beside confinement; own papers
    beside confiscation), with and without a second fact, and wages held back with and without
    heightened vulnerability: both sides read them alike."""
    watched = {"ctx_act_obtained": "present", "cd_isolation_confinement_surveillance": "present"}
    answer_sets = [watched, {**watched, "ctx_free_to_leave": "present"},
                   {**watched, "ctx_free_to_leave": "present", "cd_threats_of_violence": "present"},
                   {"ctx_act_obtained": "present", "cd_confiscation_of_documents": "present",
                    "ctx_keeps_own_documents": "present"}]
    held = {"ctx_act_obtained": "present", "cd_withholding_of_wages": "present"}
    answer_sets += [held, {**held, "vd_dependency_on_exploiters": "present"}]
    cases = [{"answers": a, "age_group": age, "jurisdiction": "us"} for a in answer_sets for age in ("adult", "unknown")]
    js = js_readings(cases)
    assert [python_reading(c) for c in cases] == js
    assert [j["reading_us"] == "trafficking" for j in js[::2]] == [True, False, True, False, False, True]
    assert js[9]["reading_us_if_minor"] == "trafficking"  # wages held back from a child
