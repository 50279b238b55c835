from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LimburgConfig(AppConfig):
    name = "limburg"
    label = "limburg"
    verbose_name = _("Krachtige Gemeenschappen Limburg")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from limburg import page_cache, signals  # noqa: F401 (connects the receivers)

        page_cache.connect_signals(self)
