"""10,000+ random and malformed public submissions (seeded, so a failure replays): never a
server error, and a refused submission leaves nothing behind (row counts before/after)."""

from __future__ import annotations

import os
import random
import time
from typing import Any

import pytest
from django.test import Client, override_settings

from laborlens.tips.forms import form_token
from laborlens.tips.models import Tip, TipKey, TipUpdate
from laborlens.tips.rules import observations

pytestmark = pytest.mark.django_db

SEED = 20261123
ROUNDS = int(os.environ.get("TIPS_FUZZ_ROUNDS", "10000"))
FIELDS = ["observations", "narrative", "work_type", "business_name", "address", "city", "when", "contact",
          "website", "started"]
NASTY = ["", " ", "\x00", "\u202e", "' OR 1=1 --", "<script>alert(1)</script>", "{{ 7*7 }}", "%s%s%n",
         "\ud7ff", "😀" * 50, "Nos quitaron los pasaportes", "+1 202 555 0171", "415 Mill St.", "../../etc/passwd",
         "\r\nSet-Cookie: x=1", "null", "[]", "{}", "9" * 400]


def _text(rng: random.Random, limit: int) -> str:
    kind = rng.random()
    if kind < 0.3:
        return rng.choice(NASTY)
    if kind < 0.5:
        return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 60)))
    if kind < 0.55:
        return "x" * rng.choice([limit, limit + 1, limit * 3])
    return " ".join(rng.choice(["they", "took", "our", "passports", "nos", "quitaron", "deuda", "owe", "$8,000",
                                "boss", "niños", "encerrados", "Sunrise", "Cleaning", "kill"])
                    for _ in range(rng.randint(0, 40)))


def _token(rng: random.Random) -> str:
    return rng.choice([
        form_token(time.time() - 30), form_token(time.time() - 30), form_token(time.time()),
        form_token(time.time() - 5 * 3600), "forged", "", form_token(time.time() - 30)[:-3] + "abc",
    ])


def _submission(rng: random.Random) -> dict[str, Any]:
    ids = [o.id for o in observations()]
    data: dict[str, Any] = {
        "observations": rng.sample(ids, rng.randint(0, 4)) if rng.random() < 0.8 else [_text(rng, 30)],
        "narrative": _text(rng, 5000), "work_type": rng.choice(["", "hotels", "other", "bogus", _text(rng, 40)]),
        "business_name": _text(rng, 200), "address": _text(rng, 200), "city": _text(rng, 100),
        "when": rng.choice(["", "now", "week", "bogus"]), "contact": _text(rng, 200),
        "website": "" if rng.random() < 0.9 else _text(rng, 20), "started": _token(rng),
    }
    for field in rng.sample(FIELDS, rng.randint(0, 2)):  # some fields missing
        data.pop(field, None)
    if rng.random() < 0.05:
        data[_text(rng, 10) or "extra"] = "1"  # an unexpected field
    return data


def _counts() -> tuple[int, int, int]:
    return Tip.objects.count(), TipUpdate.objects.count(), TipKey.objects.count()


@override_settings(TIPS_RATE_LIMITS={"page": (10**9, 60), "submit": (10**9, 60), "follow_up": (10**9, 60)},
                   TIPS_PASSPHRASE_HASHER="md5")
def test_ten_thousand_random_submissions(world, monkeypatch):
    # The test client copies every template context it renders (for response.context);
    # ten thousand form pages make that the slowest part, and nothing here reads it.
    monkeypatch.setattr("django.test.client.store_rendered_templates", lambda *args, **kwargs: None)
    rng = random.Random(SEED)
    client = Client()
    stored = refused = 0
    statuses: dict[int, int] = {}
    for round_no in range(ROUNDS):
        before = _counts()
        roll = rng.random()
        if roll < 0.75:
            response = client.post("/tips/report/", _submission(rng))
        elif roll < 0.85:
            body = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 300)))
            content_type = rng.choice(["application/x-www-form-urlencoded", "multipart/form-data; boundary=xx",
                                       "multipart/form-data", "application/json", "text/plain; charset=utf-7"])
            response = client.generic("POST", rng.choice(["/tips/report/", "/tips/follow-up/"]), body,
                                      content_type=content_type)
        elif roll < 0.95:
            response = client.post("/tips/follow-up/", {
                "action": rng.choice(["open", "add", "bogus", ""]), "code": _text(rng, 20),
                "passphrase": _text(rng, 40), "text": _text(rng, 3000), "website": "", "started": _token(rng)})
        else:
            response = client.get(rng.choice(["/tips/report/", "/tips/follow-up/", "/tips/warning-signs/"]),
                                  {"q": _text(rng, 50)})
        status = response.status_code
        statuses[status] = statuses.get(status, 0) + 1
        assert status < 500, f"round {round_no}: {status}"
        after = _counts()
        if status == 201:
            stored += 1
            assert after[0] == before[0] + 1 and after[1] == before[1], f"round {round_no}"
        elif status != 302:  # a 302 after 'add' stores one addition; everything else stores nothing
            refused += 1
            assert after == before, f"round {round_no}: {status} changed rows {before} -> {after}"
    assert stored > ROUNDS // 100 and refused > ROUNDS // 4, statuses
