"""Research store: CTDC-format datasets for statistics and benchmarks (issue 8, point 3).

Never mixed with case records: its own tables, no foreign key to cases, people or users,
and its own database when ``RESEARCH_DATABASE_URL`` is set (``router.ResearchRouter``)."""
