"""Case study pages and their section front."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from casestudies.blocks import (
    CaseStudySectionStreamBlock,
    KeyFigureStreamBlock,
    MilestoneStreamBlock,
    SourceStreamBlock,
)
from casestudies.serializers import CaseStudyFundingSerializer, CaseStudyPartnerSerializer
from limburg import page_cache
from limburg.forms import ClassifiedPageForm
from limburg.models import (
    SYNCHRONIZED_CLASSIFICATION,
    BaseIndexPage,
    BasePage,
    PlacesMixin,
    ThemesMixin,
    in_site_of,
)
from limburg.serializers import PlaceSerializer, ThemeSerializer
from limburg.translation import localized_pages, with_teaser_images
from search.listing import FacetedIndexMixin

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


class CaseStudyIndexPage(FacetedIndexMixin, BaseIndexPage):
    """The case studies section, one per language: a filterable listing, a map and a feed."""

    subpage_types = ["casestudies.CaseStudyPage"]
    listing_class = "casestudies.listing.CaseStudyListing"

    class Meta:
        verbose_name = _("case study index page")
        verbose_name_plural = _("case study index pages")

    def case_studies(self):
        """The live, public case studies of this section's language, partner sections included."""
        return (
            CaseStudyPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(in_site_of(self))
        )

    @path("feed/", name="feed")
    def feed(self, request):
        from casestudies.feeds import CaseStudyFeed

        return CaseStudyFeed(self)(request)

    @path("csv/", name="download")
    def download(self, request):
        """The listing's results as filtered, as a spreadsheet (casestudies.download)."""
        from casestudies.download import listing_csv

        return listing_csv(self, request)


class CaseStudyPageForm(ClassifiedPageForm):
    """At least one place too (the year order is the model's own rule)."""

    def clean(self):
        cleaned_data = super().clean()
        if "places" in self.fields and not cleaned_data.get("places"):
            self.add_error(
                "places",
                _("Choose at least one place: the map and “what happens in my wijk” depend on it."),
            )
        return cleaned_data


class CaseStudyPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CaseStudyPage(ThemesMixin, PlacesMixin, BasePage):
    class Kind(models.TextChoices):
        GEBIEDSAANPAK = "gebiedsaanpak", _("area-based approach")
        PROGRAMMA = "programma", _("programme")
        PROJECT = "project", _("project")
        INTERVENTIE = "interventie-in-de-praktijk", _("intervention in practice")

    class Status(models.TextChoices):
        VERKENNING = "verkenning", _("exploration")
        INTENTIEOVEREENKOMST = "intentieovereenkomst", _("declaration of intent")
        LOPEND = "lopend", _("running")
        AFGEROND = "afgerond", _("completed")

    kind = models.CharField(
        _("kind"),
        max_length=40,
        choices=Kind.choices,
        help_text=_(
            "Area-based approach: an aandachtswijk or village; programme: several places or "
            "projects under one name; project: one piece of work; intervention in practice: a "
            "described method as it is used here."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=40,
        choices=Status.choices,
        help_text=_("Where it stands now. Keep it current, with the “last checked” date."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The year the work started. Leave empty when no source gives it."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The year it ended or will end. Not before the start year."),
    )
    # Required here (optional on other pages): residents read this first.
    summary = models.TextField(
        _("summary for residents"),
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text=_(
            "Two or three plain sentences (language level B1): what happens, where, for whom. "
            "At most 300 characters. Shown on cards and in search results."
        ),
    )
    introduction = RichTextField(
        _("introduction for professionals"),
        editor="minimal",
        blank=True,
        help_text=_("The approach in a paragraph, for municipalities and professionals."),
    )
    background = StreamField(
        CaseStudySectionStreamBlock(),
        verbose_name=_("background"),
        blank=True,
        help_text=_("Why it started: the situation and the question (aanleiding)."),
    )
    approach = StreamField(
        CaseStudySectionStreamBlock(),
        verbose_name=_("approach"),
        blank=True,
        help_text=_("What is done, by whom and how (aanpak)."),
    )
    results = StreamField(
        CaseStudySectionStreamBlock(),
        verbose_name=_("results"),
        blank=True,
        help_text=_("What it achieved so far, with sources (resultaten)."),
    )
    what_did_not_work = StreamField(
        CaseStudySectionStreamBlock(),
        verbose_name=_("what did not work"),
        blank=True,
        help_text=_(
            "What did not work or got stuck, and why. Others learn most from this; "
            "visitors can filter on it (wat werkte niet)."
        ),
    )
    lessons = StreamField(
        CaseStudySectionStreamBlock(),
        verbose_name=_("lessons learned"),
        blank=True,
        help_text=_("What others can take from it (geleerde lessen)."),
    )
    # Kept in step with what_did_not_work on save, so the listing can filter and
    # count on it in SQL (a StreamField's JSON cannot be tested portably).
    has_what_did_not_work = models.BooleanField(default=False, editable=False)
    key_figures = StreamField(
        KeyFigureStreamBlock(),
        verbose_name=_("key figures"),
        blank=True,
        help_text=_("Up to six figures, each with its source."),
    )
    timeline = StreamField(
        MilestoneStreamBlock(),
        verbose_name=_("timeline"),
        blank=True,
        help_text=_("Milestones in order: signing, phases, openings."),
    )
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    contact_role = models.CharField(_("contact role"), max_length=150, blank=True)
    contact_organisation = models.ForeignKey(
        "limburg.Organisation",
        verbose_name=_("contact organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("document")))],
        verbose_name=_("documents"),
        blank=True,
        help_text=_("Plans, agreements, evaluations: the PDF first."),
    )
    sources = StreamField(
        SourceStreamBlock(),
        verbose_name=_("sources"),
        blank=True,
        help_text=_("Where the facts on this page come from."),
    )
    last_checked = models.DateField(
        _("last checked"),
        default=timezone.localdate,
        help_text=_("When an editor last checked that this page is still correct."),
    )
    tags = ClusterTaggableManager(
        through=CaseStudyPageTag,
        verbose_name=_("tags"),
        blank=True,
        help_text=_("Free tags beside the themes."),
    )

    base_form_class = CaseStudyPageForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("last_checked"),
            ],
            heading=_("Kind and status"),
        ),
        MultiFieldPanel(
            [*ThemesMixin.panels, *PlacesMixin.panels, FieldPanel("tags")],
            heading=_("Themes and places"),
        ),
        InlinePanel("partners", label=_("Partners"), heading=_("Partners")),
        InlinePanel("funding", label=_("Funding"), heading=_("Funding")),
        FieldPanel("background"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("what_did_not_work"),
        FieldPanel("lessons"),
        FieldPanel("key_figures"),
        FieldPanel("timeline"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                FieldRowPanel([FieldPanel("contact_organisation"), FieldPanel("contact_email")]),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("documents"),
        InlinePanel(
            "related_pages", label=_("Related"), heading=_("Related case studies and research")
        ),
        FieldPanel("sources"),
    ]
    promote_panels = BasePage.promote_panels_without_summary
    # A person's name is the same in every language.
    override_translatable_fields = [
        *SYNCHRONIZED_CLASSIFICATION,
        SynchronizedField("contact_name"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("background"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("what_did_not_work"),
        index.SearchField("lessons"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("start_year"),
        index.FilterField("has_what_did_not_work"),
        *ThemesMixin.search_fields,
        *PlacesMixin.search_fields,
        index.RelatedFields(
            "partners", [index.RelatedFields("organisation", [index.SearchField("name")])]
        ),
    ]

    api_fields = [
        APIField("summary"),
        APIField("kind"),
        APIField("status"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("themes", serializer=ThemeSerializer(many=True)),
        APIField("places", serializer=PlaceSerializer(many=True)),
        APIField("partners", serializer=CaseStudyPartnerSerializer(many=True)),
        APIField("funding", serializer=CaseStudyFundingSerializer(many=True)),
        APIField("last_checked"),
    ]
    api_prefetch = ["themes", "places", "partners__organisation", "funding__instrument"]

    # A partner writes in its own section; listings find the page by type.
    parent_page_types = ["casestudies.CaseStudyIndexPage", "limburg.PartnerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    def save(self, *args, **kwargs):
        self.has_what_did_not_work = bool(self.what_did_not_work)
        return super().save(*args, **kwargs)

    @property
    def period(self):
        if self.start_year and self.end_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or "")

    @cached_property
    def partner_list(self):
        return list(
            self.partners.select_related("organisation", "organisation__logo").prefetch_related(
                "organisation__logo__renditions"
            )
        )

    @cached_property
    def tag_list(self):
        return list(self.tags.all())

    @cached_property
    def funding_list(self):
        return list(self.funding.select_related("instrument"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing_url"] = self.get_parent().get_url(request)
        return context

    def structured_data(self, request):
        """schema.org metadata: what, where, by whom, when."""
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "inLanguage": self.locale.language_code,
            "url": self.get_full_url(request),
            "about": [{"@type": "Thing", "name": theme.name} for theme in self.theme_list],
            "keywords": [tag.name for tag in self.tag_list],
            "spatialCoverage": [
                {"@type": "Place", "name": place.name, "identifier": place.code}
                for place in self.place_list
            ],
            "contributor": [
                {
                    "@type": "Organization",
                    "name": partner.organisation.name,
                    **(
                        {"url": partner.organisation.website}
                        if partner.organisation.website
                        else {}
                    ),
                }
                for partner in self.partner_list
            ],
        }
        if self.first_published_at:
            data["datePublished"] = self.first_published_at.isoformat()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.start_year:
            data["temporalCoverage"] = f"{self.start_year}/{self.end_year or '..'}"
        return data

    def chosen_related_pages(self):
        return localized_pages(
            [item.related_page_id for item in self.related_pages.all()], self.locale_id
        )

    def suggested_case_studies(self, limit=3):
        """Other case studies in this language that share the most themes and places.

        Ranked by ids in the database, then only the winners are fetched whole:
        grouping whole pages by their shared links grew with the number of case
        studies (1.5 s with 10,000 of them in make bench). The ranking (a subquery
        per candidate) is kept in the fragment cache until the site changes, under
        what it depends on, so a preview with other themes ranks anew.
        """
        theme_ids = sorted(theme.pk for theme in self.theme_list)
        place_ids = sorted(place.pk for place in self.place_list)
        chosen = [item.related_page_id for item in self.related_pages.all()]
        best = page_cache.fragment(
            "suggested-case-studies",
            self.pk,
            self.locale_id,
            theme_ids,
            place_ids,
            chosen,
            limit,
            compute=lambda: self._rank_suggestions(theme_ids, place_ids, chosen, limit),
        )
        pages = CaseStudyPage.objects.in_bulk(best)
        return with_teaser_images(pages[pk] for pk in best if pk in pages)

    def _rank_suggestions(self, theme_ids, place_ids, chosen, limit):
        shared = []
        matching = models.Q()
        for through, field, ids in (
            (CaseStudyPage.themes.through, "theme_id", theme_ids),
            (CaseStudyPage.places.through, "place_id", place_ids),
        ):
            links = through.objects.filter(**{f"{field}__in": ids})
            matching |= models.Q(pk__in=links.values("casestudypage_id"))
            per_page = (
                links.filter(casestudypage_id=models.OuterRef("pk"))
                .values("casestudypage_id")
                .annotate(n=models.Count(field, distinct=True))
                .values("n")
            )
            shared.append(Coalesce(models.Subquery(per_page), 0))
        ranked = (
            CaseStudyPage.objects.live()
            .public()
            .filter(matching, locale_id=self.locale_id)
            .exclude(pk__in=[self.pk, *chosen])
            .annotate(shared=shared[0] + shared[1])
            .order_by("-shared", "title")
            .values_list("pk", flat=True)[:limit]
        )
        return list(ranked)


class CaseStudyPartner(TranslatableMixin, Orderable):
    """Translatable, so the commitment is offered to translators and the organisation is
    the English one on the English page."""

    class Role(models.TextChoices):
        TREKKER = "trekker", _("lead")
        PARTNER = "partner", _("partner")
        FINANCIER = "financier", _("funder")
        KENNISPARTNER = "kennispartner", _("knowledge partner")

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "limburg.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    commitment = models.TextField(
        _("what they commit"),
        blank=True,
        max_length=500,
        help_text=_("Money, people, homes, expertise… Optional."),
    )

    panels = [FieldPanel("organisation"), FieldPanel("role"), FieldPanel("commitment")]
    override_translatable_fields = [SynchronizedField("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class CaseStudyFunding(TranslatableMixin, Orderable):
    """Translatable, so what the money is for is offered to translators and the instrument is
    the English one on the English page; amounts, years and sources stay as they are."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="funding")
    instrument = models.ForeignKey(
        "casestudies.FundingInstrument",
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    amount = models.DecimalField(
        _("amount (€)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("In euros, where a source gives it."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("from"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    end_year = models.PositiveSmallIntegerField(
        _("until"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    description = models.CharField(
        _("what it is for"),
        max_length=255,
        blank=True,
        help_text=_(
            "e.g. 'total of the implementation plan, including € 2.3 million from the province'"
        ),
    )
    source_name = models.CharField(
        _("source"),
        max_length=255,
        help_text=_("Every amount needs its source: publisher and title."),
    )
    source_url = models.URLField(_("source web address"), blank=True)

    panels = [
        FieldPanel("instrument"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
    ]
    override_translatable_fields = [
        SynchronizedField("amount"),
        SynchronizedField("start_year"),
        SynchronizedField("end_year"),
        SynchronizedField("source_name"),
        SynchronizedField("source_url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("funding")
        verbose_name_plural = _("funding")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    @property
    def period(self):
        if self.start_year and self.end_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or "")


class CaseStudyRelatedPage(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="related_pages")
    related_page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related_page", page_type=["casestudies.CaseStudyPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
