"""Measure what matters (issue 7): dashboard figures, funder reports, case summaries."""
