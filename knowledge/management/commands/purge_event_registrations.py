"""Delete the registrations (names, e-mail addresses) of events that ended more than
three months ago, as the registration form promises. Run it daily from cron."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from knowledge.models import EventRegistration

RETENTION = timedelta(days=90)


class Command(BaseCommand):
    help = "Delete registrations of events that ended more than three months ago."

    def handle(self, *args, **options):
        cutoff = timezone.now() - RETENTION
        deleted, _ = EventRegistration.objects.filter(event__end__lt=cutoff).delete()
        self.stdout.write(f"Registrations deleted: {deleted}.")
