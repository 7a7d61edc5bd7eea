"""factory_boy factories for the accounts app, with role traits."""

import factory
from factory.django import DjangoModelFactory

from accounts.models import Department, Membership, User

TEST_PASSWORD = "correct-horse-battery-staple"


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Sektor {n}")
    kind = Department.Kind.SECTOR
    contact_email = factory.Sequence(lambda n: f"sektor{n}@sotenas.example")
    is_active = True

    class Params:
        company = factory.Trait(kind=Department.Kind.COMPANY, name=factory.Sequence(lambda n: f"Bolag {n} AB"))
        inactive = factory.Trait(is_active=False)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="sv_SE")
    last_name = factory.Faker("last_name", locale="sv_SE")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    class Params:
        administrator = factory.Trait(is_superuser=True, is_staff=True)
        coordinator = factory.Trait(is_policy_coordinator=True)
        records_manager = factory.Trait(is_records_manager=True)

    @factory.post_generation
    def departments(self, create, extracted, **kwargs):
        for department in extracted or []:
            Membership.objects.get_or_create(user=self, department=department)
        if create:
            self.save()


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    department = factory.SubFactory(DepartmentFactory)
