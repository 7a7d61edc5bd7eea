"""Rows of the permission matrix and pages of the accessibility harness,
kept per feature so each feature adds its own without touching the others'."""

from . import (
    archive_export,
    bulk,
    confirmation,
    figures,
    fixes,
    followup,
    imports,
    navigation,
    open_data,
    records_plan,
    registration,
    renewal_vocabularies,
    saved_views,
    secrecy,
    start,
)

FEATURES = (start, navigation, saved_views, bulk, followup, fixes,
            confirmation, figures, renewal_vocabularies, open_data, imports,
            registration, records_plan, secrecy, archive_export)

MATRIX = {name: access for feature in FEATURES for name, access in feature.MATRIX.items()}
PAGES = [page for feature in FEATURES for page in feature.PAGES]
CONTEXT_BUILDERS = [build for feature in FEATURES for build in feature.CONTEXT_BUILDERS]
