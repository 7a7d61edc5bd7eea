"""Demo organisation and one account per role. Idempotent: existing rows
are left as they are, so running it twice changes nothing."""

from django.db import transaction

from .models import Department, Membership, User

DEMO_PASSWORD = "sotenas-demo"

DEPARTMENTS = [
    ("Kommunstyrelsens förvaltning", Department.Kind.KOMMUNSTYRELSEN, "kommunstyrelsen@sotenas.example"),
    ("Sektor barn och utbildning", Department.Kind.SECTOR, "barn.utbildning@sotenas.example"),
    ("Sektor omsorg", Department.Kind.SECTOR, "omsorg@sotenas.example"),
    ("Sektor arbetsmarknad och integration", Department.Kind.SECTOR, "arbetsmarknad@sotenas.example"),
    ("Sektor samhällsbyggnad", Department.Kind.SECTOR, "samhallsbyggnad@sotenas.example"),
    ("Sektor kultur och fritid", Department.Kind.SECTOR, "kultur.fritid@sotenas.example"),
    ("Sotenäsbostäder AB", Department.Kind.COMPANY, "info@sotenasbostader.example"),
    ("Sotenäs Vatten AB", Department.Kind.COMPANY, "kundservice@sotenasvatten.example"),
    ("Sotenäs RehabCenter AB", Department.Kind.COMPANY, "info@sotenasrehab.example"),
]

# username, first name, last name, flags, department names
USERS = [
    ("admin", "Anders", "Hansson", {"is_superuser": True, "is_staff": True}, []),
    ("samordnare", "Eva", "Lindqvist", {"is_policy_coordinator": True}, ["Kommunstyrelsens förvaltning"]),
    ("tjansteman", "Johan", "Karlsson", {}, ["Sektor arbetsmarknad och integration"]),
    ("foretagare", "Lina", "Pettersson", {}, []),
    ("arkivarie", "Karin", "Berg", {"is_records_manager": True}, []),
]


@transaction.atomic
def load() -> dict[str, int]:
    created = {"departments": 0, "users": 0}
    departments = {}
    for name, kind, email in DEPARTMENTS:
        department, was_created = Department.objects.get_or_create(
            name=name, defaults={"kind": kind, "contact_email": email}
        )
        departments[name] = department
        created["departments"] += was_created
    for username, first_name, last_name, flags, department_names in USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                first_name=first_name,
                last_name=last_name,
                email=f"{username}@demo.sotenas.example",
                **flags,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            created["users"] += 1
        for department_name in department_names:
            Membership.objects.get_or_create(user=user, department=departments[department_name])
    return created
