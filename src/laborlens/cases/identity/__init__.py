"""Identity: who may see whose identity, and free text as one viewer may see it.

One place, imported by the pages, services and exports of every app:

* ``access``: who may see which categories of whose data (the victim records and consents it
  needs are read by the victims app, which hands its reader over when it loads:
  ``victims.access``; the valid-consent rule is ``victims.consent``);
* ``text``: free text rendered for a viewer, with the identifying values of every person they
  may not see replaced by that person's pseudonym.
"""
