"""Initiatives of residents and groups under the province's scheme ("regeling").

An initiative comes in through the public form on the scheme's page and enters
the queue once its submitter confirms by e-mail. Editors (and the social fund
it is routed to) handle it in the admin; the submitter hears of every status
change. Personal data stays in the admin: a published initiative shows only its
public fields, and contact details are removed on request or after the
retention period (`purge_initiatives`). A finished initiative can become a
draft case study or deal ("van initiatief naar praktijk").
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import BaseLogEntry, Page
from wagtail.models.audit_log import ModelLogEntryManager

from limburg.models import BaseIndexPage

KVK_VALIDATOR = RegexValidator(
    r"^\d{8}$", _("A KvK number has 8 digits, like 12345678 (no spaces or letters).")
)
MAX_AMOUNT = 1_000_000


def private_storage():
    """Attachments live outside MEDIA_ROOT: no URL serves them, only the admin's checked view."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


class InitiativeIndexPage(RoutablePageMixin, BaseIndexPage):
    """The scheme explained, the form to bring in an initiative, and the published ones."""

    parent_page_types = ["knowledge.KnowledgeIndexPage", "limburg.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    per_page = 12

    class Meta:
        verbose_name = _("initiatives page")
        verbose_name_plural = _("initiatives pages")

    def published(self):
        return (
            Initiative.objects.published()
            .select_related("place__parent")
            .order_by("-confirmed_at", "-pk")
        )

    def child_pages(self):
        return Page.objects.none()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from knowledge.initiatives import for_cards

        page = Paginator(self.published(), self.per_page).get_page(request.GET.get("page"))
        page.object_list = for_cards(page.object_list, self.locale_id)
        context["initiatives"] = page
        return context

    @path("indienen/", name="submit")
    @path("submit/", name="submit_en")
    def submit(self, request):
        from knowledge.views_initiatives import submit

        return submit(request, self)

    @path("bevestigen/", name="confirm")
    @path("confirm/", name="confirm_en")
    def confirm(self, request):
        from knowledge.views_initiatives import confirm

        return confirm(request, self)

    def route_url(self, name, request=None, *, full=False):
        """The URL of a route in this page's language: Dutch paths on the Dutch page,
        English ones (``<name>_en``) elsewhere."""
        route = name if self.locale.language_code == "nl" else f"{name}_en"
        base = self.get_full_url(request) if full else self.get_url(request)
        return base + self.reverse_subpage(route)

    def submit_url(self, request=None):
        return self.route_url("submit", request)


class InitiativeQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def published(self):
        """What the public overview and area profiles show: confirmed, with consent, chosen by
        an editor."""
        return self.confirmed().filter(is_public=True, publication_consent=True)

    def closed_before(self, moment):
        return self.filter(status__in=Initiative.CLOSED, closed_at__lt=moment)


class Initiative(models.Model):
    class Status(models.TextChoices):
        ONTVANGEN = "ontvangen", _("received")
        IN_BEHANDELING = "in-behandeling", _("being handled")
        DOORVERWEZEN = "doorverwezen", _("referred to a fund")
        TOEGEKEND = "toegekend", _("granted")
        AFGEWEZEN = "afgewezen", _("declined")
        AFGEROND = "afgerond", _("completed")

    class Scale(models.TextChoices):
        INDIVIDUAL = "individueel", _("individual (a resident or a few)")
        GROUP = "groep", _("group (a foundation or association)")

    class Nature(models.TextChoices):
        PHYSICAL = "fysiek", _("physical (a place, a building, greenery)")
        SOCIAL = "sociaal", _("social (activities, meeting, support)")

    CLOSED = (Status.AFGEWEZEN, Status.AFGEROND)

    # What it is: public once published.
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(
        _("what it is and for whom"),
        max_length=3000,
        help_text=_("What you want to do, for whom, and what it brings the wijk or village."),
    )
    scale = models.CharField(_("individual or group"), max_length=20, choices=Scale.choices)
    nature = models.CharField(_("physical or social"), max_length=20, choices=Nature.choices)
    place = models.ForeignKey(
        "limburg.Place",
        verbose_name=_("wijk or village"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    themes = models.ManyToManyField("limburg.Theme", verbose_name=_("themes"), blank=True)
    # What is needed.
    needs_money = models.BooleanField(_("money"), default=False)
    amount = models.DecimalField(
        _("amount (€)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_AMOUNT)],
    )
    needs_help = models.BooleanField(_("help (volunteers, expertise)"), default=False)
    needs_space = models.BooleanField(_("a space"), default=False)
    needs_contacts = models.BooleanField(_("contacts"), default=False)
    # Who: personal data, never public; removed on request or after the retention period.
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    kvk_number = models.CharField(
        _("KvK number"), max_length=8, blank=True, validators=[KVK_VALIDATOR]
    )
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=8, default="nl")
    publication_consent = models.BooleanField(
        _("may be published"),
        default=False,
        help_text=_("The submitter agreed that the initiative (never their details) is shown."),
    )
    # Handling.
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ONTVANGEN
    )
    routed_to = models.ForeignKey(
        "limburg.Organisation",
        verbose_name=_("fund or partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The social fund or partner that handles it; a social fund's editors then see it."
        ),
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)
    is_public = models.BooleanField(
        _("show in the public overview"),
        default=False,
        help_text=_("Only when the submitter agreed. Shows what it is, never who."),
    )
    practice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("practice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("An invented initiative for the demo.")
    )
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    personal_data_removed_at = models.DateTimeField(
        _("personal data removed at"), null=True, blank=True
    )

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-created_at", "-pk"]
        permissions = [("handle_all_initiatives", "Can handle every initiative")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.status in self.CLOSED and self.closed_at is None:
            self.closed_at = timezone.now()
        elif self.status not in self.CLOSED:
            self.closed_at = None
        if self.is_public and not self.publication_consent:
            self.is_public = False
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the status was when loaded, to tell a change (and mail the submitter).
        instance._loaded_status = instance.status if "status" in field_names else None
        return instance

    @property
    def status_changed(self):
        return getattr(self, "_loaded_status", None) not in (None, self.status)

    @property
    def has_personal_data(self):
        return any(
            (
                self.contact_name,
                self.contact_email,
                self.contact_phone,
                self.organisation_name,
                self.kvk_number,
                self.attachments.exists(),
            )
        )


class InitiativeAttachment(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="initiatives/%Y/%m/", storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class InitiativeLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        """Site history shows a fund the history of its own initiatives only."""
        from knowledge.initiatives import initiatives_for

        entries = super().viewable_by_user(user)
        if user.is_superuser or user.has_perm("knowledge.handle_all_initiatives"):
            return entries
        visible = [str(pk) for pk in initiatives_for(user).values_list("pk", flat=True)]
        return entries.filter(object_id__in=visible)


class InitiativeLogEntry(BaseLogEntry):
    """The history of initiatives, kept apart so that who may read it follows who may see
    the initiative (Wagtail's shared model log is readable per model, not per object)."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = InitiativeLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("initiative log entry")
        verbose_name_plural = _("initiative log entries")
