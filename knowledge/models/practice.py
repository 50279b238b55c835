"""Practice knowledge: deals made for villages and areas, and interventions known to work."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import formats
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
from wagtail.blocks import StreamBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from knowledge.serializers import DealKindSerializer, MilestoneSerializer, PartySerializer
from limburg.blocks import ContentStreamBlock
from limburg.blocks.data import SourceBlock
from limburg.forms import ClassifiedPageForm
from limburg.models import (
    SYNCHRONIZED_CLASSIFICATION,
    BaseIndexPage,
    BasePage,
    PlacesMixin,
    ThemesMixin,
)
from limburg.models.vocabulary import Vocabulary
from limburg.serializers import PlaceSerializer, ThemeSerializer
from limburg.translation import localized_pages
from search.listing import FacetedIndexMixin

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year only")


def display_date(date, precision):
    """The date as precisely as it is known: '2019', 'mei 2023' or '4 juli 2012'."""
    if date is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(date.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(date, "F Y")
    return formats.date_format(date, "j F Y")


def machine_date(date, precision):
    """The same for a <time datetime> attribute: '2019', '2023-05' or '2012-07-04'."""
    if date is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{date.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


class SourceStreamBlock(StreamBlock):
    source = SourceBlock()

    class Meta:
        label = _("Sources")


class DocumentStreamBlock(StreamBlock):
    document = DocumentChooserBlock(label=_("document"))


# Village deals ---------------------------------------------------------------------


class DealKind(Vocabulary):
    """Dorpsdeal, Town Deal, Regio Deal, bewonersinitiatief…: editors can add kinds."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, help_text=_("Used in web addresses."))
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    override_translatable_fields = [
        *Vocabulary.override_translatable_fields,
        TranslatableField("slug"),
    ]

    class Meta(Vocabulary.Meta):
        verbose_name = _("kind of deal")
        verbose_name_plural = _("kinds of deal")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_deal_kind_slug_per_locale"
            ),
        ]


class VillageDealIndexPage(FacetedIndexMixin, BaseIndexPage):
    """Deals for villages and areas, one section per language, with filters and counts."""

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = ["knowledge.VillageDealPage"]
    listing_class = "knowledge.listing.VillageDealListing"

    class Meta:
        verbose_name = _("deals index page")
        verbose_name_plural = _("deals index pages")


class VillageDealTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.VillageDealPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class VillageDealPage(ThemesMixin, PlacesMixin, BasePage):
    class Status(models.TextChoices):
        IDEE = "idee", _("idea")
        IN_VOORBEREIDING = "in-voorbereiding", _("in preparation")
        GETEKEND = "getekend", _("signed")
        IN_UITVOERING = "in-uitvoering", _("being carried out")
        AFGEROND = "afgerond", _("completed")

    kind = models.ForeignKey(
        DealKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    summary = models.TextField(
        _("summary for residents"),
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text=_(
            "Two or three plain sentences (language level B1): who agreed what, for which "
            "village or area. At most 300 characters."
        ),
    )
    agreement = RichTextField(
        _("what was agreed"),
        editor="minimal",
        blank=True,
        help_text=_("The agreement in a paragraph: goals, what each side does, for how long."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_precision = models.CharField(
        _("date known to the"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    term_start_year = models.PositiveSmallIntegerField(
        _("term from"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    term_end_year = models.PositiveSmallIntegerField(
        _("term until"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Not before the start. Leave empty when no source gives it."),
    )
    results = StreamField(ContentStreamBlock(), verbose_name=_("results"), blank=True)
    what_did_not_work = StreamField(
        ContentStreamBlock(), verbose_name=_("what did not work"), blank=True
    )
    lessons = StreamField(ContentStreamBlock(), verbose_name=_("lessons learned"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("more"), blank=True)
    documents = StreamField(DocumentStreamBlock(), verbose_name=_("documents"), blank=True)
    sources = StreamField(
        SourceStreamBlock(),
        verbose_name=_("sources"),
        blank=True,
        help_text=_("Where the facts on this page come from."),
    )
    tags = ClusterTaggableManager(through=VillageDealTag, verbose_name=_("tags"), blank=True)

    base_form_class = ClassifiedPageForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("signed_on"), FieldPanel("signed_precision")]),
                FieldRowPanel([FieldPanel("term_start_year"), FieldPanel("term_end_year")]),
            ],
            heading=_("Kind, status and term"),
        ),
        MultiFieldPanel(
            [*ThemesMixin.panels, *PlacesMixin.panels, FieldPanel("tags")],
            heading=_("Themes and places"),
        ),
        FieldPanel("agreement"),
        InlinePanel("parties", label=_("Party"), heading=_("Parties")),
        InlinePanel("milestones", label=_("Milestone"), heading=_("Progress")),
        FieldPanel("results"),
        FieldPanel("what_did_not_work"),
        FieldPanel("lessons"),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("sources"),
    ]
    promote_panels = BasePage.promote_panels_without_summary
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("agreement"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.FilterField("status"),
        *ThemesMixin.search_fields,
        *PlacesMixin.search_fields,
        index.RelatedFields("kind", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields(
            "parties", [index.RelatedFields("organisation", [index.SearchField("name")])]
        ),
    ]
    override_translatable_fields = [
        *SYNCHRONIZED_CLASSIFICATION,
        SynchronizedField("signed_on"),
        SynchronizedField("term_start_year"),
        SynchronizedField("term_end_year"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("kind", serializer=DealKindSerializer()),
        APIField("status"),
        APIField("signed_on"),
        APIField("signed_precision"),
        APIField("term_start_year"),
        APIField("term_end_year"),
        APIField("themes", serializer=ThemeSerializer(many=True)),
        APIField("places", serializer=PlaceSerializer(many=True)),
        APIField("parties", serializer=PartySerializer(many=True)),
        APIField("milestones", serializer=MilestoneSerializer(many=True)),
    ]
    api_prefetch = ["themes", "places", "kind", "parties__organisation", "milestones"]

    parent_page_types = ["knowledge.VillageDealIndexPage", "limburg.PartnerPage"]
    schema_type = "Article"
    subpage_types = []

    class Meta:
        verbose_name = _("deal")
        verbose_name_plural = _("deals")

    def clean(self):
        super().clean()
        start, end = self.term_start_year, self.term_end_year
        if start and end and end < start:
            raise ValidationError({"term_end_year": _("The term cannot end before it starts.")})

    @property
    def term(self):
        if self.term_start_year and self.term_end_year:
            return f"{self.term_start_year}–{self.term_end_year}"
        return str(self.term_start_year or self.term_end_year or "")

    @property
    def signed_display(self):
        return display_date(self.signed_on, self.signed_precision)

    @property
    def signed_machine(self):
        return machine_date(self.signed_on, self.signed_precision)

    @cached_property
    def party_list(self):
        return list(self.parties.select_related("organisation"))

    @cached_property
    def milestone_list(self):
        return sorted(self.milestones.all(), key=lambda item: (item.date, item.sort_order or 0))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing_url"] = self.get_parent().get_url(request)
        return context


class VillageDealParty(TranslatableMixin, Orderable):
    """Translatable, so the commitment is offered to translators; amounts and sources stay."""

    class Role(models.TextChoices):
        TREKKER = "trekker", _("lead")
        ONDERTEKENAAR = "ondertekenaar", _("signatory")
        PARTNER = "partner", _("partner")
        FINANCIER = "financier", _("funder")
        KENNISPARTNER = "kennispartner", _("knowledge partner")

    page = ParentalKey(VillageDealPage, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        "limburg.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    commitment = models.TextField(
        _("what they commit"), blank=True, max_length=500, validators=[MaxLengthValidator(500)]
    )
    amount = models.DecimalField(
        _("amount (€)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("In euros, only where a source gives it."),
    )
    source_name = models.CharField(_("source of the amount"), max_length=255, blank=True)
    source_url = models.URLField(_("source web address"), blank=True, max_length=500)

    panels = [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("role")]),
        FieldPanel("commitment"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("source_name"), FieldPanel("source_url")]),
    ]
    override_translatable_fields = [
        SynchronizedField("role"),
        SynchronizedField("amount"),
        SynchronizedField("source_name"),
        SynchronizedField("source_url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def clean(self):
        super().clean()
        if self.amount is not None and not self.source_name:
            raise ValidationError({"source_name": _("Every amount needs its source.")})


class VillageDealMilestone(TranslatableMixin, Orderable):
    """Translatable, so what happened is offered to translators; dates and sources stay."""

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("planned")
        BEREIKT = "bereikt", _("achieved")
        VERTRAAGD = "vertraagd", _("delayed")
        VERVALLEN = "vervallen", _("dropped")

    page = ParentalKey(VillageDealPage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    precision = models.CharField(
        _("date known to the"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    text = models.CharField(_("what happened"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.BEREIKT
    )
    source_name = models.CharField(_("source"), max_length=255, blank=True)
    source_url = models.URLField(_("source web address"), blank=True, max_length=500)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("precision"), FieldPanel("status")]),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
    ]
    override_translatable_fields = [
        SynchronizedField("date"),
        SynchronizedField("precision"),
        SynchronizedField("status"),
        SynchronizedField("source_name"),
        SynchronizedField("source_url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    @property
    def display_date(self):
        return display_date(self.date, self.precision)

    @property
    def machine_date(self):
        return machine_date(self.date, self.precision)


# Interventions ------------------------------------------------------------------------


class InterventionIndexPage(FacetedIndexMixin, BaseIndexPage):
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = ["knowledge.InterventionPage"]
    listing_class = "knowledge.listing.InterventionListing"

    class Meta:
        verbose_name = _("interventions index page")
        verbose_name_plural = _("interventions index pages")


class InterventionPage(ThemesMixin, PlacesMixin, BasePage):
    class Recognition(models.TextChoices):
        # The levels of the Dutch recognition system (Erkenningstraject Interventies).
        GOED_BESCHREVEN = "goed-beschreven", _("well described")
        GOED_ONDERBOUWD = "goed-onderbouwd", _("well founded")
        EFFECTIEF = "effectief", _("effective")
        NIET_ERKEND = "niet-erkend", _("not recognised")

    JUDGED_LEVELS = (
        Recognition.GOED_BESCHREVEN,
        Recognition.GOED_ONDERBOUWD,
        Recognition.EFFECTIEF,
    )

    summary = models.TextField(
        _("summary for residents"),
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text=_(
            "What it is and for whom, in two or three plain sentences. At most 300 characters."
        ),
    )
    goal = models.TextField(_("goal"), blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    approach = RichTextField(_("approach"), editor="minimal", blank=True)
    effective_elements = RichTextField(
        _("effective elements"),
        editor="minimal",
        blank=True,
        help_text=_("What makes it work: the elements that must stay when others adapt it."),
    )
    needs_people = models.TextField(_("people needed"), blank=True)
    needs_money = models.TextField(_("money needed"), blank=True)
    needs_training = models.TextField(_("training needed"), blank=True)
    evidence = RichTextField(
        _("evidence"),
        editor="minimal",
        blank=True,
        help_text=_("What research shows, with the sources."),
    )
    recognition_level = models.CharField(
        _("recognition"),
        max_length=20,
        choices=Recognition.choices,
        blank=True,
        help_text=_(
            "The level in the Dutch recognition system (Movisie, Loket Gezond Leven), with the "
            "date and a link to the judgement. Leave empty when no source says."
        ),
    )
    recognition_date = models.DateField(_("date of judgement"), null=True, blank=True)
    recognition_source_name = models.CharField(_("judged by"), max_length=255, blank=True)
    recognition_source_url = models.URLField(_("link to the judgement"), blank=True, max_length=500)
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    contact_organisation = models.ForeignKey(
        "limburg.Organisation",
        verbose_name=_("contact organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("more"), blank=True)
    sources = StreamField(SourceStreamBlock(), verbose_name=_("sources"), blank=True)

    base_form_class = ClassifiedPageForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("goal"),
                FieldPanel("target_group"),
                FieldPanel("approach"),
                FieldPanel("effective_elements"),
            ],
            heading=_("What it is"),
        ),
        MultiFieldPanel(
            [FieldPanel("needs_people"), FieldPanel("needs_money"), FieldPanel("needs_training")],
            heading=_("What it takes"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("evidence"),
                FieldRowPanel([FieldPanel("recognition_level"), FieldPanel("recognition_date")]),
                FieldRowPanel(
                    [FieldPanel("recognition_source_name"), FieldPanel("recognition_source_url")]
                ),
            ],
            heading=_("Evidence and recognition"),
        ),
        MultiFieldPanel([*ThemesMixin.panels, *PlacesMixin.panels], heading=_("Themes and places")),
        InlinePanel("case_studies", label=_("Case study"), heading=_("Case studies that use it")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_organisation")]),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("body"),
        FieldPanel("sources"),
    ]
    promote_panels = BasePage.promote_panels_without_summary
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("goal"),
        index.SearchField("target_group"),
        index.SearchField("approach"),
        index.SearchField("effective_elements"),
        index.SearchField("evidence"),
        index.FilterField("recognition_level"),
        *ThemesMixin.search_fields,
        *PlacesMixin.search_fields,
    ]
    override_translatable_fields = [
        *SYNCHRONIZED_CLASSIFICATION,
        SynchronizedField("recognition_date"),
        SynchronizedField("recognition_source_url"),
        SynchronizedField("contact_name"),  # a person's name is the same in every language
    ]

    api_fields = [
        APIField("summary"),
        APIField("goal"),
        APIField("target_group"),
        APIField("recognition_level"),
        APIField("recognition_date"),
        APIField("recognition_source_url"),
        APIField("themes", serializer=ThemeSerializer(many=True)),
        APIField("places", serializer=PlaceSerializer(many=True)),
    ]
    api_prefetch = ["themes", "places"]

    parent_page_types = ["knowledge.InterventionIndexPage", "limburg.PartnerPage"]
    schema_type = "Article"
    subpage_types = []

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")

    def clean(self):
        super().clean()
        if self.recognition_level in self.JUDGED_LEVELS:
            errors = {}
            if not self.recognition_date:
                errors["recognition_date"] = _("A recognition needs the date of judgement.")
            if not self.recognition_source_url:
                errors["recognition_source_url"] = _("A recognition needs a link to the judgement.")
            if errors:
                raise ValidationError(errors)

    def chosen_case_studies(self):
        return localized_pages(
            [item.case_study_id for item in self.case_studies.all()], self.locale_id
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing_url"] = self.get_parent().get_url(request)
        return context


class InterventionCaseStudy(Orderable):
    page = ParentalKey(InterventionPage, on_delete=models.CASCADE, related_name="case_studies")
    case_study = models.ForeignKey(
        Page, verbose_name=_("case study"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("case_study", page_type=["casestudies.CaseStudyPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("case study that uses it")
        verbose_name_plural = _("case studies that use it")
