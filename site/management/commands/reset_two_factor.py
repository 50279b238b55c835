"""Remove a person's authenticator app, for when they lost their phone.

They are asked to link a new app at their next sign-in.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from django_otp import devices_for_user


class Command(BaseCommand):
    help = "Remove a user's two-factor devices; they set up a new app at their next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"There is no user {username!r}.") from None
        removed = 0
        for device in devices_for_user(user, confirmed=None):
            device.delete()
            removed += 1
        self.stdout.write(f"Removed {removed} two-factor device(s) of {username}.")
