from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def setup_roles(self):
        """Called by `setup_roles`: the province's editors tune search and read its reports."""
        from limburg.roles import PROVINCE_EDITORS, admin_group, grant_model_permissions

        grant_model_permissions(
            admin_group(PROVINCE_EDITORS),
            [
                "search.add_synonymgroup",
                "search.change_synonymgroup",
                "search.delete_synonymgroup",
                "search.view_unansweredquery",
            ],
        )
