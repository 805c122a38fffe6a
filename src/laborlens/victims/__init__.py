"""Victim services: needs, consent, referrals to a partner directory, immigration relief."""
