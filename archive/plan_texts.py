"""The records plan's rules in words, for the plan's pages and the privacy
page ("disposed of 2 years after the case was closed")."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from records.constants import Action, RecordType, Trigger
from records.models import RetentionRule


def period_text(months: int) -> str:
    if months and months % 12 == 0:
        years = months // 12
        return ngettext("%(count)s year", "%(count)s years", years) % {"count": years}
    return ngettext("%(count)s month", "%(count)s months", months) % {"count": months}


def rule_text(rule: RetentionRule | None) -> str:
    """What happens to the records of the rule's type, starting in lower case."""
    if rule is None:
        return _("kept until the records plan decides otherwise")
    if rule.action == Action.KEEP:
        if rule.remove_after_receipt:
            return _("kept: delivered to the e-archive, then removed from the portal")
        return _("kept and delivered to the e-archive")
    event = Trigger(rule.trigger).label
    if not rule.period_months:
        text = _("disposed of right after %(event)s") % {"event": event}
    else:
        text = _("disposed of %(period)s after %(event)s") % {"period": period_text(rule.period_months),
                                                              "event": event}
    if rule.deliver_first:
        text += _(", once delivered to the e-archive")
    return text


def plan_texts() -> dict[str, str]:
    """Every record type's text, in one query."""
    rules = {rule.record_type: rule for rule in RetentionRule.objects.all()}
    return {record_type: rule_text(rules.get(record_type)) for record_type in RecordType.values}
