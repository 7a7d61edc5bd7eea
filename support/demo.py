"""Demo support requests in every state, with conversations, and about 15
agreements, some ending soon. Idempotent: a request (by applicant and
subject) or agreement (by title) that exists is left as it is.

Rows are built directly rather than through the workflow so that their
dates lie in the past and no emails are sent; the references still come
from the real counter, so numbering has no gaps."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import Department, User
from enterprises.constants import PublicationStatus
from enterprises.models import Enterprise, Representation

from .constants import ENDED_STATES, AgreementKind, Outcome, RequestState
from .deadlines import first_response_due
from .models import Agreement, Message, RequestEvent, SupportKind, SupportRequest
from .references import format_reference, next_reference_number
from .workflow import MOVES

AOI = "Sektor arbetsmarknad och integration"

# The moves that lead to each state, in order.
PATHS = {
    RequestState.DRAFT: [],
    RequestState.SUBMITTED: ["submit"],
    RequestState.ASSIGNED: ["submit", "assign"],
    RequestState.IN_PROGRESS: ["submit", "assign", "start"],
    RequestState.WAITING: ["submit", "assign", "start", "request_info"],
    RequestState.FORWARDED: ["submit", "assign", "start", "forward"],
    RequestState.DECIDED: ["submit", "assign", "start", "decide"],
    RequestState.CLOSED: ["submit", "assign", "start", "decide", "close"],
    RequestState.WITHDRAWN: ["submit", "assign", "withdraw"],
}

# Extra applicants without a sign-in (unusable passwords).
APPLICANTS = [
    ("demo.sokande1", "Sara", "Nyström"),
    ("demo.sokande2", "Ahmad", "Rahimi"),
    ("demo.sokande3", "Maja", "Olsson"),
]

# applicant ("foretagare" or an extra), on behalf of an enterprise?, kind slug, department, state,
# days since submission, subject, description, hopes, conversation [(side, text, internal)], outcome
REQUESTS = [
    ("foretagare", True, "arbetstraning-rehabilitering", AOI, RequestState.IN_PROGRESS, 12,
     "Två platser för arbetsträning i caféet",
     "Vi kan ta emot två personer för arbetsträning under hösten och vill samverka med kommunen om handledning.",
     "En överenskommelse om två arbetsträningsplatser med handledarstöd.",
     [("applicant", "Vi har en handledare som gått Arbetsförmedlingens handledarutbildning.", False),
      ("handler", "Tack! Vi återkommer efter veckans planeringsmöte.", False),
      ("handler", "Stämt av med Arbetsförmedlingen: de kan finansiera en av platserna.", True)], ""),
    ("foretagare", True, "overenskommelse-samarbetsavtal", AOI, RequestState.WAITING, 20,
     "Samarbetsavtal om återbruk av kommunens möbler",
     "Vi vill ta hand om möbler som kommunen gör sig av med, rusta upp dem och sälja dem vidare.",
     "Ett samarbetsavtal med fasta hämtdagar.",
     [("handler", "Kan ni skicka er senaste verksamhetsberättelse och en uppskattning av volymerna?", False)], ""),
    ("foretagare", True, "upphandling", "Sektor samhällsbyggnad", RequestState.CLOSED, 95,
     "Information om reserverade kontrakt för städning",
     "Vi vill veta hur kommunen ser på reserverade kontrakt och om städupphandlingen kan reserveras.",
     "Besked om kommande upphandlingar.",
     [("handler", "Upphandlingen av lokalvård 2027 planeras som reserverat kontrakt.", False)],
     Outcome.GRANTED),
    ("foretagare", False, "starta-socialt-foretag", "", RequestState.DRAFT, 0,
     "Idé: socialt företag för båtvård på Malmön",
     "Jag funderar på att starta ett kooperativ för båtvård.", "", [], ""),
    ("demo.sokande1", False, "starta-socialt-foretag", "", RequestState.SUBMITTED, 2,
     "Rådgivning om att starta ett arbetskooperativ",
     "Vi är fyra personer som vill starta ett arbetskooperativ inom trädgård och fastighetsskötsel.",
     "Hjälp med affärsplan och val av företagsform.", [], ""),
    ("demo.sokande2", False, "finansiering", "", RequestState.SUBMITTED, 21,
     "Vilka bidrag kan vi söka för uppstarten?",
     "Vi planerar ett socialt företag inom catering och behöver veta vilka bidrag som finns.",
     "En genomgång av möjliga bidrag och stöd.", [], ""),
    ("demo.sokande3", False, "affarsutveckling", AOI, RequestState.ASSIGNED, 16,
     "Affärsutveckling för second hand-butik",
     "Vår butik går runt men vi vill kunna anställa fler från målgrupperna.",
     "Rådgivning om prissättning och nya intäkter.", [], ""),
    ("demo.sokande1", False, "arbetstraning-rehabilitering", AOI, RequestState.FORWARDED, 30,
     "Arbetslivsinriktad rehabilitering i trädgårdsprojekt",
     "Vi vill ta emot personer i arbetslivsinriktad rehabilitering.",
     "Samverkan med Försäkringskassan och kommunen.",
     [("handler", "Vi har skickat frågan vidare till Försäkringskassan och Samordningsförbundet.", False)], ""),
    ("demo.sokande2", False, "asf-definition", AOI, RequestState.DECIDED, 45,
     "Hjälp att pröva verksamheten mot ASF-definitionen",
     "Vi behöver hjälp att förstå vilka underlag som krävs för att räknas som arbetsintegrerande socialt företag.",
     "Ett möte och en lista över underlag.",
     [("applicant", "Vi har nu stadgar och årsredovisning klara.", False),
      ("handler", "Bra, då kan ni lämna in prövningen i portalen.", False)], Outcome.PARTLY_GRANTED),
    ("demo.sokande3", False, "lokaler", "Sektor kultur och fritid", RequestState.IN_PROGRESS, 9,
     "Lokal för hantverksverkstad i Kungshamn",
     "Vi söker en lokal på cirka 80 kvadratmeter för en hantverksverkstad.",
     "Att få hyra en av kommunens lokaler till rimlig hyra.",
     [("handler", "Vi ser över lediga lokaler och återkommer.", False),
      ("handler", "Fastigheten på Hamngatan kan bli ledig i vår – kolla med Sotenäsbostäder.", True)], ""),
    ("demo.sokande1", False, "ovrigt", "Sektor omsorg", RequestState.DECIDED, 60,
     "Samarbete kring daglig verksamhet",
     "Vi vill erbjuda platser för personer inom LSS daglig verksamhet.",
     "Ett samarbete med sektor omsorg.", [], Outcome.DECLINED),
    ("demo.sokande2", False, "affarsutveckling", "Sektor omsorg", RequestState.WITHDRAWN, 40,
     "Rådgivning om marknadsföring", "Vi vill nå fler kunder.", "Ett rådgivningsmöte.", [], ""),
    ("demo.sokande3", False, "upphandling", "Sektor samhällsbyggnad", RequestState.CLOSED, 120,
     "Fråga om anbud på snöröjning",
     "Kan ett socialt företag lämna anbud på snöröjning i Hunnebostrand?",
     "Besked om hur upphandlingen går till.", [], Outcome.GRANTED),
]

OUTCOME_REASONS = {
    Outcome.GRANTED: "Kommunen kan ge det stöd ni sökt. Vi hör av oss om nästa steg.",
    Outcome.PARTLY_GRANTED: "Vi erbjuder ett rådgivningsmöte men kan inte ta fram underlagen åt er.",
    Outcome.DECLINED: "Sektorn har inte möjlighet till samarbetet i år; vi föreslår en ny ansökan i höst.",
}

# title, kind, department, start (days from today), length in days (None: until further notice), value
AGREEMENTS = [
    ("Arbetsträningsplatser i café och kök", AgreementKind.PLACEMENT, AOI, -300, 365, 120000),
    ("IOP: mötesplats för nyanlända", AgreementKind.IOP, AOI, -500, 1095, 350000),
    ("Samarbetsavtal om återbruk", AgreementKind.SAMARBETSAVTAL, AOI, -200, 250, 60000),
    ("Reserverat kontrakt: lokalvård i kommunhuset", AgreementKind.RESERVED_CONTRACT, "Sektor samhällsbyggnad",
     -400, 730, 850000),
    ("Trädgårdsskötsel vid äldreboenden", AgreementKind.OVERENSKOMMELSE, "Sektor omsorg", -150, 200, 180000),
    ("Praktikplatser för unga sommartid", AgreementKind.PLACEMENT, AOI, -40, 120, None),
    ("Tvätt av arbetskläder", AgreementKind.OVERENSKOMMELSE, "Sektor omsorg", -700, 1095, 95000),
    ("Båtvård och bryggunderhåll", AgreementKind.SAMARBETSAVTAL, "Sektor samhällsbyggnad", -90, 365, 70000),
    ("IOP: fritidsgård i Hunnebostrand", AgreementKind.IOP, "Sektor kultur och fritid", -60, None, 400000),
    ("Catering vid kommunens evenemang", AgreementKind.RESERVED_CONTRACT, "Sektor kultur och fritid", -330, 730,
     150000),
    ("Arbetslivsinriktad rehabilitering", AgreementKind.PLACEMENT, "Sotenäs RehabCenter AB", -250, 500, 200000),
    ("Daglig verksamhet i hantverksbod", AgreementKind.PLACEMENT, "Sektor omsorg", -800, 365, 110000),
    ("Skärgårdsturism för skolklasser", AgreementKind.OVERENSKOMMELSE, "Sektor barn och utbildning", 30, 300,
     45000),
    ("Snöröjning i Hunnebostrand", AgreementKind.OTHER, "Sektor samhällsbyggnad", -120, 150, None),
    ("Städning av fritidshus för uthyrning", AgreementKind.SAMARBETSAVTAL, "Sotenäsbostäder AB", -100, None,
     220000),
]


def _applicants() -> dict[str, User]:
    users = {}
    foretagare = User.objects.filter(username="foretagare").first()
    if foretagare is not None:
        users["foretagare"] = foretagare
    for username, first_name, last_name in APPLICANTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=first_name, last_name=last_name,
                        email=f"{username}@demo.sotenas.example")
            user.set_unusable_password()
            user.save()
        users[username] = user
    return users


def _enterprise_of(user: User) -> Enterprise | None:
    return Enterprise.objects.filter(
        representations__user=user, representations__status=Representation.Status.CONFIRMED
    ).order_by("name").first()


def _at(days_ago: int, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate() - timedelta(days=days_ago), time(hour)))


def _create_request(spec, *, applicant, enterprise, kinds, departments, handler) -> tuple[SupportRequest, int]:
    (_, _, kind_slug, department_name, state, days_ago, subject, description, hopes, conversation, outcome) = spec
    department = departments.get(department_name)
    support_request = SupportRequest(
        applicant=applicant, enterprise=enterprise, kind=kinds[kind_slug], subject=subject,
        description=description, hoped_outcome=hopes, state=state,
    )
    moves = PATHS[state]
    times = [_at(days_ago - min(step * 2, days_ago), hour=9 + step) for step in range(len(moves))]
    if moves:
        submitted_at = times[0]
        year = timezone.localdate(submitted_at).year
        number = next_reference_number(year=year)
        support_request.reference_year, support_request.reference_number = year, number
        support_request.reference = format_reference(year, number)
        support_request.submitted_at = submitted_at
        support_request.first_response_due = first_response_due(timezone.localdate(submitted_at))
    if "assign" in moves:
        support_request.department = department
        support_request.handler = handler if department_name == AOI else None
    for move, when in zip(moves, times):
        if MOVES[move].is_response and support_request.first_response_at is None:
            support_request.first_response_at = when
    if state == RequestState.WAITING:
        support_request.reply_by = timezone.localdate() + timedelta(days=10)
    if state == RequestState.FORWARDED:
        support_request.forwarded_to = "Försäkringskassan"
        support_request.forwarded_on = timezone.localdate(times[-1])
    if outcome:
        support_request.outcome = outcome
        support_request.outcome_reason = OUTCOME_REASONS[outcome]
        support_request.decided_at = times[moves.index("decide")]
    if state in ENDED_STATES:
        support_request.ended_at = times[-1]
    if state in (RequestState.IN_PROGRESS, RequestState.ASSIGNED) and days_ago > 14:
        support_request.decision_due = timezone.localdate() - timedelta(days=3)  # overdue on purpose
    support_request.save()

    coordinator = User.objects.filter(is_policy_coordinator=True, is_active=True).order_by("pk").first()
    state_before = RequestState.DRAFT
    for move, when in zip(moves, times):
        actor = applicant if move in ("submit", "withdraw") else (coordinator if move == "assign" else handler)
        event = RequestEvent.objects.create(request=support_request, move=move, from_state=state_before,
                                            to_state=MOVES[move].target, actor=actor)
        RequestEvent.objects.filter(pk=event.pk).update(created_at=when)
        state_before = MOVES[move].target
    count = 0
    for offset, (side, body, internal) in enumerate(conversation, start=1):
        author = applicant if side == "applicant" else handler
        message = Message.objects.create(request=support_request, author=author, body=body, is_internal=internal)
        Message.objects.filter(pk=message.pk).update(created_at=times[-1] + timedelta(hours=offset))
        count += 1
    return support_request, count


def _load_requests(departments) -> dict[str, int]:
    created = {"support requests": 0, "messages": 0}
    users = _applicants()
    handler = User.objects.filter(username="tjansteman").first()
    kinds = {kind.slug: kind for kind in SupportKind.objects.all()}
    # Oldest first, so reference numbers follow the submission dates.
    for spec in sorted(REQUESTS, key=lambda s: -s[5]):
        username, on_behalf, kind_slug, department_name, *_ = spec
        applicant = users.get(username)
        subject = spec[6]
        if applicant is None or kind_slug not in kinds or (department_name and department_name not in departments):
            continue
        if SupportRequest.objects.filter(applicant=applicant, subject=subject).exists():
            continue
        enterprise = _enterprise_of(applicant) if on_behalf else None
        _, messages = _create_request(spec, applicant=applicant, enterprise=enterprise, kinds=kinds,
                                      departments=departments, handler=handler)
        created["support requests"] += 1
        created["messages"] += messages
    return created


def _load_agreements(departments) -> int:
    enterprises = list(Enterprise.objects.filter(publication_status=PublicationStatus.PUBLISHED).order_by("name"))
    if not enterprises:
        return 0
    today = timezone.localdate()
    created = 0
    for index, (title, kind, department_name, start, length, value) in enumerate(AGREEMENTS):
        department = departments.get(department_name)
        if department is None or Agreement.objects.filter(title=title).exists():
            continue
        start_date = today + timedelta(days=start)
        Agreement.objects.create(
            department=department, enterprise=enterprises[index % len(enterprises)], kind=kind, title=title,
            description="", start_date=start_date,
            end_date=start_date + timedelta(days=length) if length else None,
            annual_value=Decimal(value) if value is not None else None,
            contact_person=["Johan Karlsson", "Eva Lindqvist", "Karin Berg"][index % 3],
        )
        created += 1
    return created


@transaction.atomic
def load() -> dict[str, int]:
    if not Enterprise.objects.exists():
        return {"support requests": 0, "messages": 0, "agreements": 0}
    departments = {department.name: department for department in Department.objects.all()}
    created = _load_requests(departments)
    created["agreements"] = _load_agreements(departments)
    from .registration import register_existing

    created["registered cases"] = register_existing()  # numbers and document lists, oldest first (issue 16)
    return created
