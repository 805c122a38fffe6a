"""Anonymisation mathematics for de-identified releases of case data: k-anonymous
microdata, DP tables, DP synthetic data, privacy budgets, and the CTDC format.

Pure Python (no Django import) so it can run from the CLI, in tests and in batch jobs. The
release workflow on agency data (request, approval, ledger in the database, the
``laborlens release`` command) is the ``laborlens.publishing`` app, which imports this
package, never the reverse.
"""
