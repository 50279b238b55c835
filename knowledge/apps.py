from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from knowledge import signals  # noqa: F401

    def setup_roles(self):
        """Called by `setup_roles`: the research roles and workflow."""
        from knowledge.roles import ensure_research_roles

        ensure_research_roles()

    def setup_partner(self, setup):
        """Called by `create_partner`: a social fund's editors handle its initiatives."""
        from knowledge.initiatives import grant_fund_permissions

        grant_fund_permissions(setup.group, setup.organisation)

    def load_demo(self, log):
        """Called by `load_demo` once the shared demo content exists."""
        from django.conf import settings

        from knowledge.demo import ResearchDemo
        from knowledge.demo_events import EventDemo
        from knowledge.demo_initiatives import InitiativeDemo
        from knowledge.demo_practice import PracticeDemo
        from knowledge.monitor.importer import import_indicators

        result = import_indicators(settings.SHARED_DATA_DIR)
        log(f"Indicators: {result.values} values from {result.sources} files")
        ResearchDemo(log=log).load()
        # After the research: the dossiers pick research outputs too.
        PracticeDemo(log=log).load()
        EventDemo(log=log).load()
        InitiativeDemo(log=log).load()
