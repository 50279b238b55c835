"""Send each confirmed subscriber one e-mail with what was published since their last one.

Run it from cron, e.g. every morning: `0 7 * * * python manage.py send_digests`.
Daily subscribers get what is new every day, weekly ones every seventh day; no
e-mail when there is nothing new. Links point to BASE_URL.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from search.following import send_digests


class Command(BaseCommand):
    help = "Send the daily and weekly e-mails of new content to the people who follow it."

    def handle(self, *args, **options):
        result = send_digests(settings.WAGTAILADMIN_BASE_URL.rstrip("/"))
        self.stdout.write(
            f"Digests sent: {result.sent}; nothing new for: {result.skipped}; "
            f"unconfirmed subscriptions deleted: {result.expired}; failed: {result.failed}."
        )
