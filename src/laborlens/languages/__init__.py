"""Victim languages: the review workflow of their catalogues (page, ``laborlens languages``
CLI, .po export and import). The language data and the public pages' language choice stay
in ``core`` (``victim_languages``, pure; ``victim_i18n``), which every app may use."""
