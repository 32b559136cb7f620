import factory
from factory.django import DjangoModelFactory

from candidates.models import Candidate
from tenancy.actors import Actor
from tenancy.models import Membership, Organization, Role, User


class UnscopedFactory(DjangoModelFactory):
    """Factories write rows for a named organization, so they may use the unscoped manager."""

    class Meta:
        abstract = True

    @classmethod
    def _get_manager(cls, model_class: type) -> object:
        return getattr(model_class, "unscoped", model_class._default_manager)


class OrganizationFactory(UnscopedFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    language = "en"
    sender_email = factory.LazyAttribute(lambda o: f"hr@{o.slug}.test")
    reply_to_email = factory.LazyAttribute(lambda o: f"jobs@{o.slug}.test")


class UserFactory(UnscopedFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.test")
    full_name = factory.Faker("name")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @classmethod
    def _after_postgeneration(cls, instance: User, create: bool, results: object = None) -> None:
        if create:
            instance.save()


class MembershipFactory(UnscopedFactory):
    class Meta:
        model = Membership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.RECRUITER


class CandidateFactory(UnscopedFactory):
    class Meta:
        model = Candidate

    organization = factory.SubFactory(OrganizationFactory)
    email = factory.Sequence(lambda n: f"candidate{n}@mail.test")
    full_name = factory.Faker("name")
    language = ""


def system() -> Actor:
    return Actor.system()
