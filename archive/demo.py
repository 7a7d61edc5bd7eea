"""A believable records plan for the demo: what Sotenäs could have decided
for the portal's records (Kommunstyrelsen's dokumenthanteringsplan)."""

from accounts.models import User
from records.constants import Action, RecordType, Trigger
from records.models import RetentionRule

DECISION = "KS 2025/117 § 4"

# record type -> (action, months, counted from, deliver first, note)
DEMO_PLAN = {
    RecordType.SUPPORT_REQUEST: (Action.KEEP, None, "", False,
                                 "Ansökan och ärendets uppgifter bevaras och levereras till e-arkivet."),
    RecordType.DECISION: (Action.KEEP, None, "", False, "Beslut i ärenden om stöd bevaras."),
    RecordType.MESSAGE: (Action.DISPOSE, 24, Trigger.CASE_CLOSED, False,
                         "Meddelanden av tillfällig betydelse; gallras 2 år efter att ärendet avslutats."),
    RecordType.ATTACHMENT: (Action.DISPOSE, 24, Trigger.CASE_CLOSED, True,
                            "Bilagor av betydelse för beslutet levereras med ärendet; därefter gallras kopian."),
    RecordType.INTERNAL_NOTE: (Action.DISPOSE, 12, Trigger.CASE_CLOSED, False,
                               "Arbetsanteckningar gallras vid inaktualitet, senast 1 år efter avslut."),
    RecordType.AGREEMENT: (Action.KEEP, None, "", False, "Överenskommelser och avtal bevaras."),
    RecordType.AGREEMENT_ATTACHMENT: (Action.KEEP, None, "", False, "Bilagor till avtal bevaras med avtalet."),
    RecordType.ANNUAL_REPORT: (Action.KEEP, None, "", False,
                               "Årsrapporter om policyn och deras inlämnade versioner bevaras."),
    RecordType.ASF_CHECK: (Action.KEEP, None, "", False, "Prövningar mot ASF-definitionen bevaras."),
    RecordType.EVIDENCE: (Action.DISPOSE, 60, Trigger.CASE_CLOSED, False,
                          "Underlag till prövningen gallras 5 år efter att prövningen avslutats."),
    RecordType.OUTBOX_EMAIL: (Action.DISPOSE, 3, Trigger.CREATED, False,
                              "Kopior av utskickad e-post (kvitton, påminnelser) gallras efter 3 månader."),
    RecordType.SIGN_IN_RECORD: (Action.DISPOSE, 1, Trigger.CREATED, False,
                                "Loggar över misslyckade inloggningar gallras efter 1 månad."),
}


def load() -> dict[str, int]:
    """Add the rules the plan lacks; rules already there (perhaps edited on
    the plan's page) are left as they are."""
    by = User.objects.filter(username="arkivarie").first()
    created = 0
    for record_type, (action, months, trigger, deliver_first, note) in DEMO_PLAN.items():
        _rule, was_created = RetentionRule.objects.get_or_create(
            record_type=record_type,
            defaults={"action": action, "period_months": months, "trigger": trigger, "deliver_first": deliver_first,
                      "decision": DECISION, "note": note, "updated_by": by},
        )
        created += was_created
    return {"records plan rules": created}
