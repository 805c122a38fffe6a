"""De-identified release of case data: k-anonymous microdata, DP tables, DP synthetic data.

Pure Python (no Django import) so it can run from the CLI, in tests and in batch jobs.
"""
