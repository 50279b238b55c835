from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = _("Case studies")
    default_auto_field = "django.db.models.BigAutoField"

    def setup_roles(self):
        """Called by `setup_roles`: the province's editors manage the funding vocabulary."""
        from limburg.roles import PROVINCE_EDITORS, admin_group, grant_model_permissions

        grant_model_permissions(
            admin_group(PROVINCE_EDITORS),
            [f"casestudies.{action}_fundinginstrument" for action in ("add", "change", "delete")],
        )

    def load_demo(self, log):
        """Called by `load_demo` once the shared demo content exists."""
        from casestudies.demo import CaseStudyDemo

        CaseStudyDemo(log=log).load()
