"""Demo policy versions and reporting rounds. Idempotent: once the demo
policy exists nothing is added again, and a round that exists is left alone.

A version adopted about 22 months ago (so its review is near) replacing an
older one, two complete past rounds where most departments reported and one
is late, and the current round open with a few reports under way.
"""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import Department, User
from core.dates import add_months

from . import prefill, services
from .constants import ReportStatus
from .dates import end_of_february
from .models import DepartmentReport, PolicyVersion, ReportingRound, ReportStatusChange, ReportVersion
from .pdf import policy_document_pdf
from .workflow import report_transition

TITLE = "Policy för främjande av den sociala ekonomin och arbetsintegrerande sociala företag"
INTRODUCTION = (
    "Policyn anger Sotenäs kommuns förhållningssätt till den sociala ekonomin och arbetsintegrerat socialt "
    "företagande (ASF) i synnerhet. Den är styrande under två år från det datum kommunfullmäktige beslutat "
    "i ärendet och ska därefter följas upp, utvärderas och eventuellt revideras."
)
# The policy's four statements, as in the adopted text.
STATEMENTS = [
    "Sotenäs kommun vill förhindra att människor hamnar i utanförskap och stimulerar därför till aktiviteter som "
    "ger möjligheter till ett inträde på arbetsmarknaden. Detta engagemang innebär bland annat att ta fram en "
    "stödstruktur som befrämjar tillkomsten av arbetsintegrerande sociala företag.",
    "Sotenäs kommun bör ha en stödjande och stimulerande roll i relation till den sociala ekonomins aktörer medan "
    "dessa ska utgöra drivkraften i utvecklingen av den lokala sociala ekonomin.",
    "Sotenäs kommun ska samverka med arbetsintegrerande sociala företag för att stödja människor som är i behov av "
    "rehabilitering och arbetsträning för att de ska få möjlighet till arbete och sysselsättning.",
    "Sotenäs kommun ska verka för att det skapas långsiktiga och rimliga förutsättningar för fler och växande "
    "sociala företag, t ex genom överenskommelser och samarbetsavtal.",
]

ACTIVITIES = [
    "Vi har fört dialog med lokala föreningar och det arbetsintegrerande sociala företaget i Kungshamn om "
    "arbetsträningsplatser.",
    "Två tjänster har köpts från sociala företag: lokalvård och catering vid kommunens evenemang.",
    "Förvaltningen har deltagit i kommunens nätverk för social ekonomi och informerat medarbetarna om policyn.",
    "Vi har tecknat en överenskommelse (IOP) med en förening om fritidsaktiviteter för unga i Smögen.",
]
PLANS = "Fortsätta dialogen med civilsamhället och pröva reserverad upphandling för en tjänst under nästa år."


def _demo_user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def _at(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _adopt(*, decision_date, reference: str) -> PolicyVersion:
    document = policy_document_pdf(title=TITLE, reference=reference, statements=STATEMENTS, introduction=INTRODUCTION)
    return services.policy_version_adopt(
        title=TITLE,
        decision_date=decision_date,
        decision_reference=reference,
        document=ContentFile(document, name="policy-social-ekonomi.pdf"),
        statements=STATEMENTS,
        actor=_demo_user("samordnare"),
    )


def _content(index: int, portal: dict) -> dict:
    """Texts and figures; the portal's own figures are confirmed as they are."""
    return {
        "description": " ".join(ACTIVITIES[(index + k) % len(ACTIVITIES)] for k in range(2)),
        "cooperation_description": "Regelbundna möten med samhällsföreningar och studieförbund.",
        "plans_next_year": PLANS,
        **{name: portal[name] for name in prefill.PREFILLED_FIELDS},
        "placements_with_asf": portal["placement_agreements"] + index % 2,
        "purchases_from_social_enterprises": 12500 * (index % 4),
        "dialogue_meetings": 2 + index % 5,
        "joint_projects": index % 2,
    }


def _official_of(department: Department) -> User | None:
    return User.objects.filter(memberships__department=department, is_active=True).order_by("pk").first()


def _fill(report: DepartmentReport, index: int, *, submit: bool, when=None) -> DepartmentReport:
    """Fill in (and optionally submit) a report as the department's official."""
    actor = _official_of(report.department)
    portal = prefill.report_prefill(department=report.department, year=report.reporting_round.year)
    save = services.report_save_and_submit if submit else services.report_save
    data = _content(index, portal)
    report = save(report=report, data=data, portal_figures=portal, actor=actor)
    if when is not None:
        _backdate(report, when)
    return report


def _backdate(report: DepartmentReport, when) -> None:
    """Demo only: give past rounds believable dates instead of today's."""
    moment = _at(when)
    DepartmentReport.objects.filter(pk=report.pk, submitted_at__isnull=False).update(submitted_at=moment)
    DepartmentReport.objects.filter(pk=report.pk, accepted_at__isnull=False).update(
        accepted_at=moment + timedelta(days=14)
    )
    ReportVersion.objects.filter(report=report).update(submitted_at=moment)
    for change in ReportStatusChange.objects.filter(report=report):
        offset = timedelta(days=14) if change.to_status == ReportStatus.ACCEPTED else timedelta(0)
        ReportStatusChange.objects.filter(pk=change.pk).update(created_at=moment + offset)


def _past_round(year: int, *, late_index: int, returned_index: int | None, coordinator) -> int:
    reporting_round, created, added = services.reporting_round_open(year=year, actor=coordinator)
    ReportingRound.objects.filter(pk=reporting_round.pk).update(opened_at=_at(add_months(end_of_february(year), 9)))
    submitted_on = reporting_round.due_date - timedelta(days=10)
    for index, report in enumerate(reporting_round.reports.select_related("department", "reporting_round")):
        if index == late_index:
            _fill(report, index, submit=False)  # a draft never submitted: late
            continue
        report = _fill(report, index, submit=True, when=submitted_on)
        if index == returned_index:
            report_transition(report=report, move="return", actor=coordinator,
                              comment="Komplettera gärna med hur många deltagare arbetsträningen omfattade.")
            report = _fill(report, index, submit=True)
        report_transition(report=report, move="accept", actor=coordinator)
        _backdate(report, submitted_on)
    return added


@transaction.atomic
def load() -> dict[str, int]:
    created = {"policy versions": 0, "reporting rounds": 0, "reports": 0}
    if PolicyVersion.objects.filter(title=TITLE).exists():
        return created
    today = timezone.localdate()
    _adopt(decision_date=add_months(today, -46), reference=f"KF {add_months(today, -46):%Y-%m-%d} § 112")
    version = _adopt(decision_date=add_months(today, -22), reference=f"KF {add_months(today, -22):%Y-%m-%d} § 87")
    created["policy versions"] = 2
    coordinator = _demo_user("samordnare")
    current_year = today.year if today > end_of_february(today.year) else today.year - 1
    for offset, late_index in ((2, 7), (1, 4)):
        year = current_year - offset
        if ReportingRound.objects.filter(year=year).exists():
            continue
        created["reports"] += _past_round(year, late_index=late_index, returned_index=1 if offset == 1 else None,
                                          coordinator=coordinator)
        created["reporting rounds"] += 1
    if not ReportingRound.objects.filter(year=current_year).exists():
        reporting_round, _created, added = services.reporting_round_open(year=current_year, actor=coordinator)
        created["reporting rounds"] += 1
        created["reports"] += added
        reports = list(reporting_round.reports.select_related("department", "reporting_round"))
        for index, report in enumerate(reports[:3]):
            _fill(report, index, submit=index == 0)
    statement = version.statements.get(position=3)
    cited = DepartmentReport.objects.filter(
        department__name="Sektor arbetsmarknad och integration",
        status=ReportStatus.ACCEPTED,
        reporting_round__year__gte=version.decision_date.year,
    )
    services.statement_evidence_add(
        statement=statement,
        text="Sektor arbetsmarknad och integration har ordnat arbetsträningsplatser i samverkan med ASF varje år.",
        reports=cited,
        actor=coordinator,
    )
    from .registration import register_existing

    created["registered rounds"] = register_existing()  # the past rounds (issue 16); this year's on opening
    return created
