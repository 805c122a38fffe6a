"""Release workflow: de-identified releases of agency data, previewed, approved by a second
person, charged to a privacy-budget ledger, audited and reproducible from a recorded seed.

The anonymisation itself is the pure ``laborlens.anonymity`` package; this app chooses the
records (agency policy and victim consent), keeps the ledger in the database and runs the
request -> preview -> approve -> publish workflow.
"""
