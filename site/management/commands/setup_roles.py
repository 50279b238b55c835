"""Create the platform's roles (Wagtail groups), their permissions and the moderation workflows.

Idempotent; run after `migrate` on a new installation. `load_demo` runs it too.
"""

from django.apps import apps
from django.core.management.base import BaseCommand

from limburg.roles import ensure_roles


class Command(BaseCommand):
    help = "Create the roles, their permissions and the moderation workflows (idempotent)."

    def handle(self, *args, **options):
        ensure_roles()
        # Domain apps add their own roles and grants through an AppConfig hook,
        # so limburg never imports them.
        for app_config in apps.get_app_configs():
            if hasattr(app_config, "setup_roles"):
                app_config.setup_roles()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Roles and workflows are set up."))
