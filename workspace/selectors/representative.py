"""The enterprise representative's items: my enterprises with what is due,
my requests with those waiting for my answer first, my drafts."""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from enterprises import confirmation
from enterprises import selectors as registry
from enterprises.constants import PublicationStatus
from enterprises.models import DefinitionCheck, Representation
from support import selectors as support
from support.constants import OPEN_STATES, RequestState

from ..constants import MAX_ENTRIES
from ..items import Action, Entry, Item


def representative_items(*, user, today: date) -> list[Item]:
    requests = support.requests_of_applicant(user=user)
    counts = requests.order_by().aggregate(
        total=Count("pk"),
        waiting=Count("pk", filter=Q(state=RequestState.WAITING)),
        drafts=Count("pk", filter=Q(state=RequestState.DRAFT)),
    )
    open_requests = list(requests.filter(state__in=OPEN_STATES)[: MAX_ENTRIES * 2])
    return [
        my_enterprises(user=user, today=today),
        waiting_for_me(counts["waiting"], [r for r in open_requests if r.state == RequestState.WAITING]),
        my_requests(counts["total"], [r for r in open_requests if r.state != RequestState.WAITING]),
        my_drafts(counts["drafts"], list(requests.filter(state=RequestState.DRAFT)[:MAX_ENTRIES])),
    ]


def _check_in(statuses) -> Exists:
    return Exists(DefinitionCheck.objects.filter(enterprise=OuterRef("enterprise"), status__in=statuses))


def what_is_due(representation, today: date) -> tuple[str, bool]:
    """What is due for the enterprise, and whether it is the representative's to do."""
    enterprise = representation.enterprise
    if representation.status == Representation.Status.PENDING:
        return _("Waiting for the policy coordinator to confirm that you represent it."), False
    if representation.check_needs_answer:
        return _("The municipality asks for more information for its ASF check: answer on its page."), True
    if representation.status == Representation.Status.CONFIRMED and confirmation.is_asked(enterprise):
        if enterprise.unpublished_unconfirmed_on is not None:
            return _("Taken out of the public registry because its details were not confirmed: confirm them to "
                     "publish it again."), True
        return _("Time for the yearly confirmation: confirm its details as they are, or update them."), True
    renew_by = today + timedelta(days=settings.ASF_RENEWAL_WARNING_DAYS)
    valid_until = enterprise.asf_valid_until
    if valid_until and valid_until <= renew_by and not representation.check_in_review:
        if valid_until < today:
            return _("Its ASF check expired %(date)s: start a new check on its page.") % {"date": valid_until}, True
        return _("Its ASF check is valid until %(date)s: start a new check on its page.") % {
            "date": valid_until}, True
    if enterprise.publication_status == PublicationStatus.DRAFT:
        return _("Not yet sent for publication: complete it and send it to the policy coordinator."), True
    return _("Nothing to do right now."), False


def confirmation_actions(representation) -> tuple[Action, ...]:
    """Confirm as it is (one click on the next page) or update, while the yearly confirmation waits."""
    enterprise = representation.enterprise
    if representation.status != Representation.Status.CONFIRMED or not confirmation.is_asked(enterprise):
        return ()
    slug = {"slug": enterprise.slug}
    return (Action(_("Confirm the details"), reverse("enterprises:confirm", kwargs=slug)),
            Action(_("Update the details"), reverse("enterprises:update", kwargs=slug)))


def may_open(representation) -> bool:
    confirmed = representation.status == Representation.Status.CONFIRMED
    return confirmed or representation.enterprise.publication_status == PublicationStatus.PUBLISHED


def my_enterprises(*, user, today: date) -> Item:
    representations = list(registry.enterprises_of(user).annotate(
        check_needs_answer=_check_in([DefinitionCheck.Status.MORE_INFO]),
        check_in_review=_check_in([DefinitionCheck.Status.SUBMITTED, DefinitionCheck.Status.MORE_INFO]),
    ))
    entries = []
    for representation in representations:
        due, yours = what_is_due(representation, today)
        entries.append(Entry(
            title=representation.enterprise.name,
            url=representation.enterprise.get_absolute_url() if may_open(representation) else "",
            note=due,
            needs_attention=yours,
            actions=confirmation_actions(representation),
        ))
    count = len(representations)
    return Item(
        key="my_enterprises",
        label=ngettext("%(count)s enterprise you represent", "%(count)s enterprises you represent", count)
        % {"count": count},
        url=reverse("enterprises:mine"),
        count=count,
        entries=tuple(entries),
        next_step=_("Keep their details current: the registry lives only if its entries are re-checked.") if count
        else _("Register your enterprise, or find it in the registry and ask to represent it."),
        needs_attention=any(entry.needs_attention for entry in entries),
    )


def request_entry(support_request, note: str) -> Entry:
    return Entry(title=f"{support_request.reference}: {support_request.subject}",
                 url=support_request.get_absolute_url(), note=note)


def waiting_for_me(count: int, waiting) -> Item:
    return Item(
        key="waiting_for_me",
        label=ngettext("%(count)s request waiting for your answer", "%(count)s requests waiting for your answer",
                       count) % {"count": count},
        url=reverse("support:my_requests"),
        count=count,
        entries=tuple(
            request_entry(r, _("Answer by %(date)s in the conversation.") % {"date": r.reply_by}) for r in waiting
        ),
        next_step=_("The municipality has asked you something; your answer in the conversation resumes the "
                    "handling.") if count else _("The municipality is not waiting for anything from you."),
        needs_attention=bool(count),
    )


def my_requests(count: int, others) -> Item:
    return Item(
        key="my_requests",
        label=ngettext("%(count)s support request in all", "%(count)s support requests in all", count)
        % {"count": count},
        url=reverse("support:my_requests"),
        count=count,
        entries=tuple(request_entry(r, r.get_state_display()) for r in others[:MAX_ENTRIES]),
        next_step=_("You are told by e-mail when the municipality answers or decides.") if count
        else _("Apply for advice or support, for your enterprise or to start one."),
    )


def my_drafts(count: int, drafts) -> Item:
    entries = tuple(
        Entry(
            title=draft.subject,
            note=_("Saved %(date)s, not submitted.") % {"date": timezone.localdate(draft.updated_at)},
            actions=(
                Action(_("Continue"), reverse("support:request_update", kwargs={"pk": draft.pk})),
                Action(_("Delete"), reverse("support:request_delete", kwargs={"pk": draft.pk})),
            ),
        )
        for draft in drafts
    )
    return Item(
        key="my_drafts",
        label=ngettext("%(count)s draft not yet submitted", "%(count)s drafts not yet submitted", count)
        % {"count": count},
        url=reverse("support:my_requests"),
        count=count,
        entries=entries,
        next_step=_("Only you can see a draft: continue it and submit it, or delete it.") if count
        else _("You have no unfinished applications."),
    )
