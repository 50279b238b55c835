"""The neighbourhood monitor's data: indicators, the tables they come from, and their values.

Values are stored exactly as the source gives them, per place, year and source
table. Anything derived (per 1,000 inhabitants, Limburg totals, z-scores) is
computed when shown and labelled as derived.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from limburg.models import BaseIndexPage


class Indicator(models.Model):
    class Unit(models.TextChoices):
        COUNT = "count", _("number")
        PERCENT = "percent", _("percent")
        PER_1000 = "per_1000", _("per 1,000 inhabitants")
        PER_KM2 = "per_km2", _("per km²")
        EURO_X1000 = "euro_x1000", _("× € 1,000")
        HECTARE = "hectare", _("hectares")
        CLASS = "class", _("class")

    class Need(models.TextChoices):
        HIGHER = "higher", _("a higher value means more need")
        LOWER = "lower", _("a lower value means more need")
        NEUTRAL = "neutral", _("not a measure of need")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    need = models.CharField(_("direction"), max_length=10, choices=Need.choices)
    definition_nl = models.TextField(_("definition (Dutch)"), blank=True)
    definition_en = models.TextField(_("definition (English)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if get_language() == "en" else self.name_nl

    @property
    def definition(self):
        return self.definition_en if get_language() == "en" else self.definition_nl

    @property
    def is_count(self):
        return self.unit == self.Unit.COUNT


class IndicatorSource(models.Model):
    """One table of one publisher, as bundled in SHARED_DATA_DIR (see its README)."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    file = models.CharField(_("file"), max_length=200)
    publisher = models.CharField(_("publisher"), max_length=150)
    table = models.CharField(_("table"), max_length=100)
    title = models.CharField(_("title"), max_length=255)
    licence = models.CharField(_("licence"), max_length=100)
    url = models.URLField(_("web address"), blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("indicator source")
        verbose_name_plural = _("indicator sources")
        ordering = ["key"]

    def __str__(self):
        return f"{self.publisher} {self.table}"


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    place = models.ForeignKey("limburg.Place", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    source = models.ForeignKey(IndicatorSource, on_delete=models.CASCADE, related_name="values")

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "place", "year", "source"], name="one_value_per_source_year"
            )
        ]
        indexes = [models.Index(fields=["indicator", "year", "source"])]

    def __str__(self):
        return f"{self.indicator.code} {self.place_id} {self.year}: {self.value}"


class AreaIndexPage(RoutablePageMixin, BaseIndexPage):
    """The monitor: a profile for every gemeente and wijk, the need index and the maps.

    Profiles are routes, generated from the places: no hand-made page per area.
    """

    class Meta:
        verbose_name = _("areas index page")
        verbose_name_plural = _("areas index pages")

    @path("")
    def overview(self, request):
        from knowledge.monitor.views import overview

        return overview(self, request)

    # The CBS code first (GM0917, WK091710), then the name for people: a hyphenated name
    # must not swallow the code.
    @re_path(r"^(?P<code>[A-Za-z]{2}\d{4,6})-(?P<slug>[-\w]+)/$", name="profile")
    def profile(self, request, code, slug):
        from knowledge.monitor.views import profile

        return profile(self, request, code, slug)

    @path("rangorde/", name="need_index")
    def need_index(self, request):
        from knowledge.monitor.views import need_index

        return need_index(self, request)

    @path("kaart/", name="map")
    def map(self, request):
        from knowledge.monitor.views import choropleth

        return choropleth(self, request)
