"""Multi-agency case management: need-to-know access, encrypted identities, evidence
mapped to legal elements, search and deconfliction (issue #4)."""
