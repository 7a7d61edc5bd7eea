"""The municipality's questions ("request_info") were kept only as the
event's comment, shown in the history; since issue 14 the move also posts
the question in the conversation, where the applicant answers. This copies
the questions of existing requests there, dated as asked. Requests whose
personal content was removed under the retention rules are left alone."""

from django.db import migrations


def questions_into_conversation(apps, schema_editor):
    RequestEvent = apps.get_model("support", "RequestEvent")
    Message = apps.get_model("support", "Message")
    events = (
        RequestEvent.objects.filter(move="request_info", request__anonymised_at__isnull=True)
        .exclude(comment="")
        .order_by("created_at", "pk")
    )
    for event in events.iterator(chunk_size=500):
        if Message.objects.filter(request_id=event.request_id, is_internal=False, body=event.comment).exists():
            continue
        message = Message.objects.create(request_id=event.request_id, author_id=event.actor_id, body=event.comment)
        Message.objects.filter(pk=message.pk).update(created_at=event.created_at)


class Migration(migrations.Migration):

    dependencies = [
        ("support", "0003_supportrequest_anonymised_at"),
    ]

    operations = [
        migrations.RunPython(questions_into_conversation, migrations.RunPython.noop),
    ]
