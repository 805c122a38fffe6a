"""Identity: who may see whose identity, the valid-consent rule, and identity-aware text.

One place, imported by ``cases`` and ``victims`` (never the other way round):

* ``identity.consent``: THE valid-consent rule (revoked, given, expires);
* ``identity.access``: who may see which categories of whose data;
* ``identity.text``: free text rendered for a viewer, with the identifying values of
  every person they may not see replaced by that person's pseudonym.
"""
