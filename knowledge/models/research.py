"""Research outputs: citable, harvestable publications, and their section front."""

import contextlib

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
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
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from knowledge.identifiers import (
    normalise_doi,
    normalise_isbn,
    normalise_orcid,
    validate_doi,
    validate_isbn,
    validate_orcid,
)
from knowledge.serializers import AuthorSerializer, LicenceSerializer
from limburg.blocks import ContentStreamBlock
from limburg.forms import ClassifiedPageForm
from limburg.models import (
    SYNCHRONIZED_CLASSIFICATION,
    BaseIndexPage,
    BasePage,
    PlacesMixin,
    ThemesMixin,
)
from limburg.serializers import OrganisationSerializer, PlaceSerializer, ThemeSerializer
from limburg.translation import localized_pages
from search.listing import FacetedIndexMixin

# The languages publications are written in (ISO 639-1), independent of the
# languages the site itself is offered in.
PUBLICATION_LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("de", _("German")),
    ("fr", _("French")),
    ("li", _("Limburgish")),
]


class ResearchIndexPage(FacetedIndexMixin, BaseIndexPage):
    """The research section, one per language: a filterable listing of research outputs."""

    parent_page_types = ["knowledge.KnowledgeIndexPage", "limburg.HomePage"]
    subpage_types = ["knowledge.ResearchOutputPage"]
    listing_class = "knowledge.listing.ResearchListing"

    class Meta:
        verbose_name = _("research index page")
        verbose_name_plural = _("research index pages")


class ResearchOutputTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.ResearchOutputPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResearchOutputPage(ThemesMixin, PlacesMixin, BasePage):
    class Kind(models.TextChoices):
        ARTIKEL = "artikel", _("article")
        RAPPORT = "rapport", _("report")
        EVALUATIE = "evaluatie", _("evaluation")
        FACTSHEET = "factsheet", _("fact sheet")
        PROEFSCHRIFT = "proefschrift", _("doctoral thesis")
        DATASET = "dataset", _("dataset")
        VIDEO = "video", _("video")
        PODCAST = "podcast", _("podcast")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("day")
        MONTH = "month", _("month")
        YEAR = "year", _("year only")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    summary = models.TextField(
        _("summary in plain language"),
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text=_(
            "What was studied and what came out, in two or three plain sentences (language "
            "level B1), for residents and municipalities. At most 300 characters."
        ),
    )
    abstract = models.TextField(
        _("abstract"),
        blank=True,
        help_text=_("The abstract as published, for professionals and harvesters. Plain text."),
    )
    publisher = models.ForeignKey(
        "limburg.Organisation",
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The organisation that published it, e.g. the academy or a GGD."),
    )
    publication_date = models.DateField(_("publication date"))
    date_precision = models.CharField(
        _("date known to the"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_(
            "When the source gives only a year or a month, say so: the day (and month) you "
            "enter is then not shown or exported."
        ),
    )
    language = models.CharField(
        _("language of the publication"),
        max_length=5,
        choices=PUBLICATION_LANGUAGES,
        default="nl",
    )
    doi = models.CharField(
        _("DOI"),
        max_length=255,
        blank=True,
        validators=[validate_doi],
        help_text=_(
            "Only a DOI that was registered, e.g. 10.5281/zenodo.1234567. Never invent one."
        ),
    )
    isbn = models.CharField(_("ISBN"), max_length=17, blank=True, validators=[validate_isbn])
    number_of_pages = models.PositiveIntegerField(_("number of pages"), null=True, blank=True)
    licence = models.ForeignKey(
        "knowledge.Licence",
        verbose_name=_("licence"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty when the source does not say."),
    )
    peer_reviewed = models.BooleanField(_("peer reviewed"), default=False)
    version = models.CharField(
        _("version"), max_length=50, blank=True, help_text=_("e.g. 2.0 or ‘second edition’.")
    )
    previous_version = models.ForeignKey(
        "knowledge.ResearchOutputPage",
        verbose_name=_("previous version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="later_versions",
    )
    external_url = models.URLField(
        _("original publication"),
        blank=True,
        max_length=500,
        help_text=_("Where the publication itself can be read, when it is not uploaded here."),
    )
    body = StreamField(
        ContentStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Background, findings and recommendations in your own words."),
    )
    tags = ClusterTaggableManager(through=ResearchOutputTag, verbose_name=_("tags"), blank=True)
    # When the output stopped (or started again) being harvestable without a
    # publish: unpublished, made private. OAI-PMH datestamps its deletion with it.
    visibility_changed_at = models.DateTimeField(null=True, editable=False)

    base_form_class = ClassifiedPageForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("subtitle"),
        FieldPanel("summary"),
        FieldPanel("abstract"),
        InlinePanel("authors", label=_("Author"), heading=_("Authors"), min_num=0),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
                FieldPanel("publisher"),
                FieldRowPanel([FieldPanel("publication_date"), FieldPanel("date_precision")]),
                FieldRowPanel([FieldPanel("version"), FieldPanel("peer_reviewed")]),
                PageChooserPanel("previous_version", page_type="knowledge.ResearchOutputPage"),
            ],
            heading=_("Publication"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("doi"), FieldPanel("isbn")]),
                FieldRowPanel([FieldPanel("licence"), FieldPanel("number_of_pages")]),
                FieldPanel("external_url"),
            ],
            heading=_("Identifiers and licence"),
        ),
        InlinePanel("files", label=_("File"), heading=_("Files (the PDF first)")),
        MultiFieldPanel(
            [*ThemesMixin.panels, *PlacesMixin.panels, FieldPanel("tags")],
            heading=_("Themes and places"),
        ),
        InlinePanel(
            "related_case_studies", label=_("Case study"), heading=_("Related case studies")
        ),
        FieldPanel("body"),
    ]
    promote_panels = BasePage.promote_panels_without_summary
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subtitle", boost=2),
        index.SearchField("abstract"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
        index.FilterField("peer_reviewed"),
        *ThemesMixin.search_fields,
        *PlacesMixin.search_fields,
        index.RelatedFields(
            "authors", [index.SearchField("family_name"), index.SearchField("given_names")]
        ),
        index.RelatedFields("publisher", [index.SearchField("name")]),
    ]
    override_translatable_fields = [
        *SYNCHRONIZED_CLASSIFICATION,
        SynchronizedField("doi"),
        SynchronizedField("isbn"),
        SynchronizedField("publication_date"),
        SynchronizedField("date_precision"),
        SynchronizedField("language"),
        SynchronizedField("number_of_pages"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("kind"),
        APIField("subtitle"),
        APIField("abstract"),
        APIField("authors", serializer=AuthorSerializer(many=True)),
        APIField("publisher", serializer=OrganisationSerializer()),
        APIField("publication_date"),
        APIField("date_precision"),
        APIField("language"),
        APIField("doi"),
        APIField("isbn"),
        APIField("licence", serializer=LicenceSerializer()),
        APIField("peer_reviewed"),
        APIField("version"),
        APIField("themes", serializer=ThemeSerializer(many=True)),
        APIField("places", serializer=PlaceSerializer(many=True)),
    ]
    api_prefetch = ["themes", "places", "authors__affiliation", "publisher", "licence"]

    parent_page_types = ["knowledge.ResearchIndexPage", "limburg.PartnerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("research output")
        verbose_name_plural = _("research outputs")

    def clean(self):
        super().clean()
        # Stored in one form, whatever form the editor pasted; the field
        # validators have already reported anything malformed.
        try:
            if self.doi:
                self.doi = normalise_doi(self.doi)
            if self.isbn:
                self.isbn = normalise_isbn(self.isbn)
        except ValidationError:
            pass
        if self.previous_version_id and self.previous_version_id == self.pk:
            raise ValidationError(
                {"previous_version": _("A publication cannot be its own previous version.")}
            )

    # Presentation -----------------------------------------------------------

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def year(self):
        return self.publication_date.year

    @cached_property
    def author_list(self):
        return list(self.authors.select_related("affiliation"))

    @cached_property
    def file_list(self):
        """The files in the editors' order, PDFs first: the PDF is what people cite."""
        files = list(self.files.select_related("document"))
        return sorted(files, key=lambda item: not item.is_pdf)

    @cached_property
    def pdf(self):
        return next((item.document for item in self.file_list if item.is_pdf), None)

    @cached_property
    def tag_list(self):
        return list(self.tags.all())

    def chosen_case_studies(self):
        return localized_pages(
            [item.case_study_id for item in self.related_case_studies.all()], self.locale_id
        )

    def later_version(self):
        return self.later_versions.live().public().filter(locale_id=self.locale_id).first()

    def get_context(self, request, *args, **kwargs):
        from knowledge import metadata
        from knowledge.citation import Citation

        context = super().get_context(request, *args, **kwargs)
        context["listing_url"] = self.get_parent().get_url(request)
        context["citation"] = Citation(self, request)
        context["citation_tags"] = metadata.highwire_tags(self, request)
        context["dublin_core_tags"] = metadata.dublin_core_tags(self, request)
        return context

    def structured_data(self, request):
        from knowledge import metadata

        return metadata.structured_data(self, request)

    def serve(self, request, *args, **kwargs):
        """``?format=bibtex|ris|csl-json`` downloads the citation; anything else is the page."""
        from knowledge.citation import Citation, citation_download

        export_format = request.GET.get("format")
        if export_format:
            return citation_download(Citation(self, request), export_format)
        return super().serve(request, *args, **kwargs)


class ResearchOutputAuthor(Orderable):
    page = ParentalKey(ResearchOutputPage, on_delete=models.CASCADE, related_name="authors")
    family_name = models.CharField(
        _("family name"),
        max_length=150,
        help_text=_(
            "With any prefix, e.g. ‘de Vries’. For an organisation as author, its name here "
            "and no given names."
        ),
    )
    given_names = models.CharField(_("given names"), max_length=150, blank=True)
    affiliation = models.ForeignKey(
        "limburg.Organisation",
        verbose_name=_("affiliation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    affiliation_text = models.CharField(
        _("affiliation (other)"),
        max_length=255,
        blank=True,
        help_text=_("When the organisation is not in the list."),
    )
    orcid = models.CharField(
        _("ORCID iD"),
        max_length=40,
        blank=True,
        validators=[validate_orcid],
        help_text=_("e.g. 0000-0002-1825-0097 or https://orcid.org/0000-0002-1825-0097."),
    )

    panels = [
        FieldRowPanel([FieldPanel("given_names"), FieldPanel("family_name")]),
        FieldRowPanel([FieldPanel("affiliation"), FieldPanel("affiliation_text")]),
        FieldPanel("orcid"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # Stored in one form; the field validator has already reported a bad one.
        if self.orcid:
            with contextlib.suppress(ValidationError):
                self.orcid = normalise_orcid(self.orcid)

    @property
    def name(self):
        return f"{self.given_names} {self.family_name}".strip()

    @property
    def is_organisation(self):
        return not self.given_names

    @property
    def initials(self):
        """'Maria Elisabeth' → 'M. E.' (APA); hyphenated names keep their hyphen."""
        parts = []
        for given in self.given_names.split():
            parts.append("-".join(f"{piece[0]}." for piece in given.split("-") if piece))
        return " ".join(parts)

    @property
    def affiliation_name(self):
        return self.affiliation.name if self.affiliation_id else self.affiliation_text

    @property
    def orcid_url(self):
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""


class ResearchOutputFile(Orderable):
    page = ParentalKey(ResearchOutputPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    description = models.CharField(
        _("description"), max_length=255, blank=True, help_text=_("e.g. ‘full report’, ‘annex’.")
    )

    panels = [FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    @property
    def is_pdf(self):
        return self.document.file_extension.lower() == "pdf"


class ResearchOutputRelatedCaseStudy(Orderable):
    page = ParentalKey(
        ResearchOutputPage, on_delete=models.CASCADE, related_name="related_case_studies"
    )
    case_study = models.ForeignKey(
        Page, verbose_name=_("case study"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("case_study", page_type=["casestudies.CaseStudyPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("related case study")
        verbose_name_plural = _("related case studies")


class DeletedResearchOutput(models.Model):
    """What remains of a deleted research output, so harvesters learn it is gone.

    OAI-PMH promises persistent deletion records: a harvester that saw the record
    must be told it was deleted, not find it silently missing.
    """

    page_id = models.PositiveIntegerField(unique=True)
    title = models.CharField(max_length=255)
    deleted_at = models.DateTimeField()
    # ";theme:zorg;theme:wonen;" — set membership, searchable with `contains`.
    set_specs = models.TextField(blank=True)

    class Meta:
        verbose_name = _("deleted research output")
        verbose_name_plural = _("deleted research outputs")

    def __str__(self):
        return self.title
