"""Exchange: HTCDS 2.0 export and import, NIBRS extract (issue 8, points 1 and 2)."""
