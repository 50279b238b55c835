"""Load the demo content: page tree, vocabulary, places, organisations, roles, partners, demo users.

Idempotent: a second run adds nothing and changes nothing.
"""

import logging

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand

from limburg.demo.loader import DemoLoader
from limburg.demo.localize import adopt_demo_translations
from limburg.demo.users import ensure_demo_users


class Command(BaseCommand):
    help = "Load the demo content (idempotent). Prints the passwords of demo users it creates."

    def handle(self, *args, verbosity: int = 1, **options):
        if verbosity < 2:
            # Wagtail logs every page it creates and publishes; that is noise here.
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        call_command("import_places", verbosity=verbosity, stdout=self.stdout, stderr=self.stderr)
        log = self.stdout.write if verbosity > 1 else (lambda message: None)
        loader = DemoLoader(log=log)
        loader.load()
        # Domain apps add their own demo content through an AppConfig hook, so
        # limburg never imports them.
        for app_config in apps.get_app_configs():
            if app_config.name != "limburg" and hasattr(app_config, "load_demo"):
                app_config.load_demo(log=log)
        call_command("setup_roles", verbosity=0, stdout=self.stdout)
        loader.load_partners()
        # Last, so every English page written so far becomes a wagtail-localize translation.
        adopt_demo_translations(loader.nl, log=log)
        created_users = ensure_demo_users()
        if created_users:
            self.stdout.write(
                self.style.WARNING("Demo users (demo only, never use in production):")
            )
            for username, password in created_users:
                self.stdout.write(f"  {username:<17} {password}")
            self.stdout.write("These passwords are shown only now.")
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
