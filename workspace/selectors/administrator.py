"""The system administrator's items: failed e-mails, Celery beat's last
run, sign-ins locked by throttling."""

from datetime import datetime

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import heartbeat
from core.models import OutboundEmail

from ..items import Item


def administrator_items(*, now: datetime) -> list[Item]:
    return [failed_emails(), beat_last_run(now=now), locked_sign_ins(now=now)]


def failed_emails() -> Item:
    count = OutboundEmail.objects.filter(status=OutboundEmail.Status.FAILED).count()
    return Item(
        key="failed_emails",
        label=ngettext("%(count)s e-mail that could not be sent", "%(count)s e-mails that could not be sent",
                       count) % {"count": count},
        url=reverse("admin:core_outboundemail_changelist") + "?" + urlencode({"status__exact": "failed"}),
        count=count,
        next_step=_("Open each to see the error; correct the address or the mail server, then choose "
                    "“Send again”.") if count else _("Every e-mail has been sent or waits to be sent."),
        needs_attention=bool(count),
    )


def beat_last_run(*, now: datetime) -> Item:
    last = heartbeat.last_run()
    stale = heartbeat.is_stale(last, now=now)
    if last is None:
        label = _("Celery beat has not run yet")
        detail = ""
    else:
        label = _("Celery beat last ran %(time)s") % {"time": timezone.localtime(last).strftime("%Y-%m-%d %H:%M")}
        detail = _("%(ago)s ago.") % {"ago": timesince(last, now)}
    return Item(
        key="beat",
        label=label,
        detail=detail,
        next_step=_("Scheduled work (reminders, the outbox, housekeeping) has stopped: start the Celery worker "
                    "with beat.") if stale else _("Scheduled work runs: reminders, the outbox and housekeeping."),
        needs_attention=stale,
    )


def locked_sign_ins(*, now: datetime) -> Item:
    """Sign-ins axes refuses now: at the failure limit within the cool-off time."""
    since = (now - get_cool_off()).replace(microsecond=0)
    limit = settings.AXES_FAILURE_LIMIT
    count = AccessAttempt.objects.filter(failures_since_start__gte=limit, attempt_time__gte=since).count()
    query = urlencode({"locked_out": "yes", "attempt_time__gte": since.isoformat()})
    return Item(
        key="locked_sign_ins",
        label=ngettext("%(count)s account locked after failed sign-ins",
                       "%(count)s accounts locked after failed sign-ins", count) % {"count": count},
        url=reverse("admin:axes_accessattempt_changelist") + "?" + query,
        count=count,
        next_step=_("Each opens again by itself an hour after the last attempt; delete the row to open it "
                    "sooner.") if count else _("No account is locked."),
        needs_attention=bool(count),
    )
