"""Remove the contact details and attachments of initiatives declined or completed longer
than INITIATIVE_RETENTION_DAYS ago, and delete initiatives never confirmed within a week,
as the privacy statement promises. Run it daily from cron."""

from django.conf import settings
from django.core.management.base import BaseCommand

from knowledge.initiatives import purge


class Command(BaseCommand):
    help = (
        "Remove personal data of closed initiatives after the retention period; "
        "delete stale unconfirmed ones."
    )

    def handle(self, *args, **options):
        forgotten, deleted = purge()
        self.stdout.write(
            f"Initiatives with personal data removed: {forgotten} "
            f"(closed more than {settings.INITIATIVE_RETENTION_DAYS} days ago). "
            f"Unconfirmed initiatives deleted: {deleted}."
        )
