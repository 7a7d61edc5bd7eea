"""Emptying the tables the generator fills, and setting their id sequences
past the ids it wrote."""

from django.db import connection

# Tables the generator fills; emptied first (vocabularies from the
# migrations are kept).
FILLED_TABLES = [
    "sotenas_portal_outboundemail", "policy_reports_reportstatuschange", "policy_reports_reportversion",
    "policy_reports_statementevidence_reports", "policy_reports_statementevidence",
    "policy_reports_departmentreport", "policy_reports_reportinground", "policy_reports_policystatement",
    "policy_reports_policyversion", "support_requestevent", "support_message", "support_requestattachment",
    "support_agreementattachment", "support_agreement", "support_supportrequest", "support_referencecounter",
    "enterprises_evidence", "enterprises_criterionassessment", "enterprises_definitioncheck",
    "enterprises_representation", "enterprises_enterprise_service_categories",
    "enterprises_enterprise_target_groups", "enterprises_enterprisefigures", "enterprises_enterprise",
    "accounts_membership",
    "accounts_department", "django_session", "accounts_user",
]


def reset(cursor) -> None:
    existing = set(connection.introspection.table_names(cursor))
    history = [t for t in existing if "historical" in t]
    tables = [t for t in FILLED_TABLES if t in existing] + sorted(history)
    cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")


def reset_sequences(cursor, models) -> None:
    for model in models:
        table, pk = model._meta.db_table, model._meta.pk.column
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{pk}'), "
            f"COALESCE((SELECT MAX(\"{pk}\") FROM \"{table}\"), 0) + 1, false)"
        )

