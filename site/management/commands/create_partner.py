"""Set up a partner organisation: its section, editors' group, collection and workflow.

Idempotent: running it again for the same partner changes nothing (an extra
``--editor`` is added to the group). No password is ever printed: a new editor
gets a link to choose one.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from limburg.models import Organisation
from limburg.partners import PartnerError, create_partner


class Command(BaseCommand):
    help = "Create (or complete) a partner's section, group, collection and moderation workflow."

    def add_arguments(self, parser):
        parser.add_argument("name", help='The organisation\'s name, e.g. "Gemeente Venlo".')
        parser.add_argument(
            "--kind",
            required=True,
            help=f"One of: {', '.join(Organisation.Kind.values)}.",
        )
        parser.add_argument("--editor", default="", metavar="EMAIL", help="Add this editor.")

    def handle(self, *args, name, kind, editor, **options):
        try:
            # The command speaks English, like the rest of its output.
            with translation.override("en"):
                setup = create_partner(name, kind, editor_email=editor)
        except PartnerError as error:
            raise CommandError(str(error)) from error
        verb = "Created" if setup.created else "Already set up"
        self.stdout.write(f"{verb}: {setup.organisation.name} ({setup.organisation.kind})")
        self.stdout.write(f"  section:    {setup.section.url_path} (page {setup.section.pk})")
        self.stdout.write(f"  group:      {setup.group.name}")
        self.stdout.write(f"  collection: {setup.collection.name}")
        if setup.editor is not None:
            self.stdout.write(f"  editor:     {setup.editor.email}")
            if setup.password_set_url:
                self.stdout.write(
                    "  Send the editor this link to choose a password "
                    f"(valid for a limited time):\n  {setup.password_set_url}"
                )
        self.stdout.write(self.style.SUCCESS("Done."))
