"""What makes an ORI real: the FBI's 9-character originating agency identifier, a state code
first, never a placeholder. One definition for the agency form (``accounts``) and the NIBRS
extract (``exchange.nibrs``), which both build on ``core``.

Pure Python: no Django.
"""

from __future__ import annotations

import re

# State codes an ORI may begin with (NCIC state codes: Nebraska is NB).
ORI_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NB NE NV NH NJ NM "
    "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP FS".split())
ORI_PATTERN = re.compile(r"^[A-Z]{2}[A-Z0-9]{7}$")


def ori_problem(ori: str) -> str:
    """Why ``ori`` cannot be submitted to the FBI ('' if it can)."""
    value = (ori or "").strip().upper()
    if not value:
        return "The agency has no ORI (the FBI's 9-character originating agency identifier)."
    if not ORI_PATTERN.match(value):
        return f"The agency's ORI {value!r} is not 9 letters and digits starting with a state code."
    if value[:2] not in ORI_STATES:
        return (f"The agency's ORI {value!r} is a placeholder (it does not start with a state code); "
                "enter the ORI the FBI assigned to the agency.")
    if len(set(value[2:])) == 1:
        return f"The agency's ORI {value!r} is a placeholder; enter the ORI the FBI assigned to the agency."
    return ""
