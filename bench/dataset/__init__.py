"""The benchmark's seeded data set, in parts: ``sizes`` (how many rows at
which scale, the anchor day), ``pools`` (the texts and names rows draw
from), ``copier`` (rows sent with COPY, digested), ``tables`` (emptying the
tables and their sequences), one module per part of the portal
(``people``, ``registry``, ``support``, ``reports``, ``outbox``) and
``generator``, which runs them in order. Everything but ``sizes``,
``pools`` and ``copier`` needs Django set up first."""
