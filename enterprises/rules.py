"""Who may do what in the registry."""

import rules

from accounts.roles import is_administrator, is_enterprise_representative, is_municipal_staff, is_policy_coordinator

from .constants import PublicationStatus
from .models import Representation


@rules.predicate
def represents(user, enterprise) -> bool:
    """The user is a confirmed representative of the enterprise."""
    if enterprise is None or not user.is_authenticated:
        return False
    cache = getattr(user, "_represented_enterprise_ids", None)
    if cache is None:
        cache = frozenset(
            Representation.objects.filter(user=user, status=Representation.Status.CONFIRMED).values_list(
                "enterprise_id", flat=True
            )
        )
        user._represented_enterprise_ids = cache
    return enterprise.pk in cache


@rules.predicate
def is_published(user, enterprise) -> bool:
    return enterprise is not None and enterprise.publication_status == PublicationStatus.PUBLISHED


is_registry_manager = is_policy_coordinator | is_administrator

rules.add_perm("enterprises.view_enterprise", is_published | is_municipal_staff | represents)
rules.add_perm("enterprises.view_internal", is_municipal_staff)
rules.add_perm("enterprises.register_enterprise", rules.is_authenticated)
rules.add_perm("enterprises.claim_enterprise", is_enterprise_representative)
rules.add_perm("enterprises.change_enterprise", is_registry_manager | represents)
rules.add_perm("enterprises.manage_registry", is_registry_manager)
# The yearly confirmation: the entry's own representatives, or an official who asked them.
rules.add_perm("enterprises.confirm_enterprise", represents | is_municipal_staff)
rules.add_perm("enterprises.import_enterprises", is_registry_manager)
rules.add_perm("enterprises.review_check", is_registry_manager)
rules.add_perm("enterprises.fill_check", represents | is_registry_manager)
rules.add_perm("enterprises.view_check", represents | is_municipal_staff)
rules.add_perm("enterprises.export_reserved", is_municipal_staff)
