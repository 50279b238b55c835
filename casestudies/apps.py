from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = _("Case studies")
    default_auto_field = "django.db.models.BigAutoField"

    def load_demo(self, log):
        """Called by `load_demo` once the shared demo content exists."""
        from casestudies.demo import CaseStudyDemo

        CaseStudyDemo(log=log).load()
