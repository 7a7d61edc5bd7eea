"""Who may deliver to the e-archive: the records manager and the system
administrator. They see the deliveries, start one, download a package and
record the e-archive's receipt (only of a delivery that passed validation)."""

import rules

from accounts.roles import is_administrator, is_records_manager
from records.models import Delivery

delivers_to_the_archive = is_records_manager | is_administrator


@rules.predicate
def is_valid_delivery(user, delivery) -> bool:
    return delivery is not None and delivery.status == Delivery.Status.VALID


rules.add_perm("archive.view_deliveries", delivers_to_the_archive)
rules.add_perm("archive.make_delivery", delivers_to_the_archive)
rules.add_perm("archive.download_package", delivers_to_the_archive)
rules.add_perm("archive.record_receipt", delivers_to_the_archive & is_valid_delivery)
