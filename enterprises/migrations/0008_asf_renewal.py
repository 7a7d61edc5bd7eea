# Issue 15, §3: ASF renewal without gaps. Written by hand.
from django.db import migrations, models


def _renewal_field():
    return models.DateField(blank=True, editable=False, null=True, verbose_name="ASF renewal submitted on")


def mark_pending_renewals(apps, schema_editor):
    """Checks already sent in for an enterprise whose verification was still
    valid then are renewals in progress."""
    Enterprise = apps.get_model("enterprises", "Enterprise")
    DefinitionCheck = apps.get_model("enterprises", "DefinitionCheck")
    open_checks = DefinitionCheck.objects.filter(status__in=["submitted", "more_info"], submitted_at__isnull=False)
    for check in open_checks.select_related("enterprise"):
        enterprise = check.enterprise
        submitted = check.submitted_at.date()
        if enterprise.asf_valid_until and submitted <= enterprise.asf_valid_until:
            Enterprise.objects.filter(pk=enterprise.pk).update(asf_renewal_submitted_on=submitted)


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0007_figures_per_year")]

    operations = [
        migrations.AddField(model_name="enterprise", name="asf_renewal_submitted_on", field=_renewal_field()),
        migrations.AddField(model_name="historicalenterprise", name="asf_renewal_submitted_on",
                            field=_renewal_field()),
        migrations.RunPython(mark_pending_renewals, migrations.RunPython.noop),
    ]
