"""Keep harvesters told: an output that stops being public gets a new OAI-PMH datestamp,
and a deleted one leaves a tombstone. Keep events' waiting lists moving when places free up.
Take an initiative's attachment file with it when it goes."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from knowledge.models import (
    DeletedResearchOutput,
    EventPage,
    EventRegistration,
    InitiativeAttachment,
    ResearchOutputPage,
)


def touch(pages):
    ResearchOutputPage.objects.filter(pk__in=pages.values("pk")).update(
        visibility_changed_at=timezone.now()
    )


@receiver(page_unpublished)
def research_output_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ResearchOutputPage):
        touch(ResearchOutputPage.objects.filter(pk=instance.pk))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def research_output_restricted(sender, instance, **kwargs):
    """A restriction on a page hides (or, removed, shows) every output beneath it."""
    try:
        page = instance.page
    except Page.DoesNotExist:
        return
    touch(ResearchOutputPage.objects.descendant_of(page, inclusive=True))


@receiver(pre_delete, sender=ResearchOutputPage)
def research_output_deleted(sender, instance, **kwargs):
    from knowledge.oai.records import set_specs_of

    if instance.first_published_at is None:
        return  # never harvestable, so nobody needs telling
    specs = set_specs_of(instance)
    DeletedResearchOutput.objects.update_or_create(
        page_id=instance.pk,
        defaults={
            "title": instance.title[:255],
            "deleted_at": timezone.now(),
            "set_specs": f";{';'.join(specs)};" if specs else "",
        },
    )


def fill_places_after(event):
    """Once the change is committed: give freed places to the waiting list and tell them."""
    from knowledge.models.events import fill_places, lock_event
    from knowledge.views_events import announce_places

    def fill():
        with transaction.atomic():
            lock_event(event)
            promoted = fill_places(event)
        announce_places(promoted)

    transaction.on_commit(fill)


@receiver(post_delete, sender=EventRegistration)
def registration_deleted(sender, instance, **kwargs):
    """An editor deleted a registration (on request, in the admin): its place is free."""
    if instance.status == EventRegistration.Status.CONFIRMED:
        event = EventPage.objects.filter(pk=instance.event_id).first()
        if event is not None:
            fill_places_after(event)


@receiver(page_published)
def event_published(sender, instance, **kwargs):
    """A published change may add places (a higher capacity, or none)."""
    if isinstance(instance, EventPage):
        fill_places_after(instance)


@receiver(post_delete, sender=InitiativeAttachment)
def delete_attachment_file(sender, instance, **kwargs):
    # After the commit: a rolled-back delete keeps its file.
    transaction.on_commit(lambda: instance.file.delete(save=False))
