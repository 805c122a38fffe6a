"""Screening: the pure-Python assessment engine, its batch path and CLI commands.

No Django import here or in engine.py / batch.py / cli.py; Django models and views for
saved screenings live beside them and import these modules, never the other way round.
"""
