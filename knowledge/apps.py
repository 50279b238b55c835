from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from knowledge import signals  # noqa: F401

    def load_demo(self, log):
        """Called by `load_demo` once the shared demo content exists."""
        from knowledge.demo import ResearchDemo

        ResearchDemo(log=log).load()
