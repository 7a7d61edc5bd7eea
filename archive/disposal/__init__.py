"""Disposal (gallring) by the records plan: one disposer per record type
(grouped by family in this package's modules) and the runner that applies
every rule (``runner.apply_plan``)."""
