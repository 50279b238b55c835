"""Keep untranslated Dutch text from standing unmarked under another language's address."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import PageLogEntry


@receiver(post_save, sender=PageLogEntry)
def unpublish_converted_alias(sender, instance, created, **kwargs):
    """An alias turned into a page of its own (by "Translate" or "Convert alias") still
    holds the Dutch text, no longer marked as an alias: it goes offline until its
    translation is published."""
    if not created or instance.action != "wagtail.convert_alias":
        return
    page = instance.page.specific
    if page.live:
        page.unpublish(user=instance.user, log_action=True)
