"""Schema checks at load: bad data fails with a message naming the file and the item."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from laborlens.catalogue import CatalogueError, build_catalogue, load_catalogue

DATA = Path(__file__).resolve().parents[2] / "src" / "laborlens" / "catalogue" / "data"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def edit(data_dir: Path, name: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = data_dir / name
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def first_indicator(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["indicators"][0]


def test_copy_loads(data_dir):
    assert build_catalogue(data_dir).version == load_catalogue().version


def test_load_catalogue_accepts_a_directory(data_dir):
    assert load_catalogue(data_dir) is load_catalogue(data_dir)
    assert load_catalogue(data_dir) is not load_catalogue()


@pytest.mark.parametrize(("name", "change", "expected"), [
    ("indicators.json", lambda d: first_indicator(d).update(weight_adult="stong"),
     "indicators.json: item 'dr_nature_of_job_location_employer': field 'weight_adult' must be one of strong, medium, weak"),
    ("indicators.json", lambda d: first_indicator(d)["question"].pop("es"),
     "indicators.json: item 'dr_nature_of_job_location_employer': field 'question' must be an object with non-empty 'en' and 'es'"),
    ("indicators.json", lambda d: first_indicator(d).update(colour="red"),
     "indicators.json: item 'dr_nature_of_job_location_employer': unknown field(s): colour"),
    ("indicators.json", lambda d: first_indicator(d).pop("citations"),
     "indicators.json: item 'dr_nature_of_job_location_employer': missing field 'citations'"),
    ("indicators.json", lambda d: first_indicator(d).update(forced_labour=["slavery"]),
     "indicators.json: item 'dr_nature_of_job_location_employer': unknown ILO forced labour indicator 'slavery'"),
    ("indicators.json", lambda d: first_indicator(d).update(htcds=["Kidnapping"]),
     "indicators.json: item 'dr_nature_of_job_location_employer': unknown HTCDS methods-of-control code 'Kidnapping'"),
    ("indicators.json", lambda d: first_indicator(d).update(id="cd_nature_of_job"),
     "indicators.json: item 'cd_nature_of_job': id must start with 'dr'_"),
    ("indicators.json", lambda d: d["indicators"].append(dict(d["indicators"][0])),
     "indicators.json: item 'dr_nature_of_job_location_employer': duplicate id"),
    ("indicators.json", lambda d: first_indicator(d)["us_law"].update(supports=["purpose.forced_labor_1589"]),
     "derived components cannot be mapped directly"),
    ("red_flags.json", lambda d: d["items"][0].update(points_to=["cd_no_such_thing"]),
     "red_flags.json: item 'rf_restricted_movement': refers to 'cd_no_such_thing', which is not an operational indicator"),
    ("red_flags.json", lambda d: d["items"][0].update(points_to=[]),
     "red_flags.json: item 'rf_restricted_movement': a red flag must point to at least one formal indicator"),
    ("context.json", lambda d: d["items"][0]["citations"][0].update(source="wikipedia"),
     "context.json: item 'ctx_paid_to_cross_border': citation source 'wikipedia' is not in sources.json"),
    ("short_form.json", lambda d: d["items"].extend(["dr_conditions_of_work"]),
     "short_form.json: 'items' must list between 1 and 12 distinct indicator ids"),
    ("actions.json", lambda d: d["actions"][0]["when_any"].append({"readings": ["victim"]}),
     "actions.json: item 'separate_from_controller': condition readings names unknown reading 'victim'"),
    ("rules.json", lambda d: d["messages"].pop("reading"), "rules.json: missing message(s): reading"),
    ("rules.json", lambda d: d["readings"].reverse() or [r.update(rank=n) for n, r in enumerate(d["readings"])],
     "rules.json: readings must be exactly insufficient < smuggling"),
    ("us_law.json", lambda d: d["statutes"][0].update(requires_all=[["purpose.nothing"]]),
     "us_law.json: item 'usc18_1581': requires_all names unknown element or component 'purpose.nothing'"),
    ("industries.json", lambda d: d["industries"][0].update(naics=["72A"]),
     "industries.json: item 'hospitality': naics codes must be"),
    ("indicators.json", lambda d: d.update(version="2027.1.0"), "catalogue files disagree on the version"),
    ("dimensions.json", lambda d: d.update(version="v1"), "dimensions.json: top-level 'version' must look like 2026.11.0"),
    ("sources.json", lambda d: d.update(kind="source"), "sources.json: top-level 'kind' must be 'sources'"),
])
def test_bad_data_names_file_and_item(data_dir, name, change, expected):
    edit(data_dir, name, change)
    with pytest.raises(CatalogueError) as caught:
        build_catalogue(data_dir)
    assert expected in str(caught.value)


def test_invalid_json_names_the_position(data_dir):
    (data_dir / "actions.json").write_text('{"version": "2026.11.0",', encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"actions.json: invalid JSON at line 1"):
        build_catalogue(data_dir)


def test_missing_file(data_dir):
    (data_dir / "htcds.json").unlink()
    with pytest.raises(CatalogueError, match=r"htcds.json: file missing"):
        build_catalogue(data_dir)


def test_catalogue_error_is_a_value_error():
    assert issubclass(CatalogueError, ValueError)
