"""Every audit event tag, typed as ``source:subject:action`` (warehouse events/tags.py).

Add a member here when a feature needs a new kind of event; record_event accepts nothing
else, so the list below is the complete catalogue of what the trail can say.
"""

from __future__ import annotations

import re
from enum import StrEnum

TAG_PATTERN = re.compile(r"^[a-z_]+:[a-z_]+:[a-z_]+$")


class EventTag(StrEnum):
    # accounts
    LOGIN_SUCCESS = "accounts:login:success"
    LOGIN_FAILURE = "accounts:login:failure"
    LOGIN_LOCKED = "accounts:login:locked"
    LOGOUT = "accounts:session:logout"
    SESSION_EXPIRED_IDLE = "accounts:session:idle_timeout"
    SESSION_EXPIRED_ABSOLUTE = "accounts:session:absolute_timeout"
    NOTICE_ACCEPTED = "accounts:notice:accept"
    MFA_ENROLLED = "accounts:mfa:enroll"
    MFA_FAILURE = "accounts:mfa:failure"
    MFA_RESET = "accounts:mfa:reset"
    ACCOUNT_UNLOCKED = "accounts:user:unlock"
    ACCOUNT_LOCKED = "accounts:user:lock"
    USER_CREATED = "accounts:user:create"
    USER_ROLE_CHANGED = "accounts:user:role_change"
    USER_DEACTIVATED = "accounts:user:deactivate"
    USER_REACTIVATED = "accounts:user:reactivate"
    USER_PASSWORD_CHANGED = "accounts:user:password_change"  # noqa: S105  (a tag, not a secret)
    USER_LIST_VIEWED = "accounts:user:list"
    TASKFORCE_MEMBERSHIP_CHANGED = "accounts:taskforce:membership_change"
    # api
    API_TOKEN_CREATED = "api:token:create"  # noqa: S105  (a tag, not a secret)
    API_TOKEN_REVOKED = "api:token:revoke"  # noqa: S105
    # audit
    AUDIT_LOG_VIEWED = "audit:log:view"
    AUDIT_VERIFIED = "audit:log:verify"
    # screening
    SCREENING_CREATED = "screening:screening:create"
    SCREENING_UPDATED = "screening:screening:update"
    SCREENING_VIEWED = "screening:screening:view"
    SCREENING_PRINTED = "screening:screening:print"
    # demo
    DEMO_LOADED = "demo:data:load"


_malformed = [tag.value for tag in EventTag if not TAG_PATTERN.match(tag.value)]
if _malformed:
    raise ValueError(f"audit tags must look like source:subject:action: {_malformed}")
