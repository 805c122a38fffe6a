"""Matching: how names, phones, documents and businesses are normalised (``normalise``, pure)
and turned into blind-index keys (``keys``), so that cases, tips and deconfliction find the
same person or business without decrypting anything. Used by cases and tips; imports only
``core`` (the blind-index HMAC)."""
