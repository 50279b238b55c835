"""Public forms of the knowledge app."""

import time

from django import forms
from django.core import signing
from django.core.validators import ProhibitNullCharactersValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

from knowledge.models.initiatives import KVK_VALIDATOR, MAX_AMOUNT, Initiative
from limburg.forms import PublicForm
from limburg.models import Place, Theme

STARTED_SALT = "knowledge.initiative.started"
# A person needs more than a few seconds for this form; a robot does not.
MIN_FILL_SECONDS = 5
MAX_FILL_SECONDS = 24 * 60 * 60
EXPIRED = _("The form has expired: please fill it in again.")
ONE_LINE = RegexValidator(r"[\x00-\x1f\x7f]", _("Write the name on one line."), inverse_match=True)


class RegistrationForm(PublicForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    consent = forms.BooleanField(
        label=_("I agree that my name and e-mail address are kept for this event."),
        help_text=_("We delete them three months after the event."),
    )


MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_SIZE = 5 * 1024 * 1024
ATTACHMENT_SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]
ATTACHMENT_EXTENSIONS = {
    "application/pdf": {"pdf"},
    "image/jpeg": {"jpg", "jpeg"},
    "image/png": {"png"},
}
PHONE_PATTERN = r"^\+?[0-9 ()\-]{10,20}$"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to MAX_ATTACHMENTS files, each a PDF, JPEG or PNG (checked by content) of at most
    MAX_ATTACHMENT_SIZE bytes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, (list, tuple)) else [data]) if item]
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("Add at most %(count)s files.") % {"count": MAX_ATTACHMENTS}, code="too_many"
            )
        return [self.check_file(super(AttachmentsField, self).clean(item)) for item in files]

    @staticmethod
    def check_file(upload):
        name = upload.name
        if upload.size > MAX_ATTACHMENT_SIZE:
            raise forms.ValidationError(
                _("“%(name)s” is larger than %(size)s MB.")
                % {"name": name, "size": MAX_ATTACHMENT_SIZE // (1024 * 1024)},
                code="too_large",
            )
        head = upload.read(16)
        upload.seek(0)
        content_type = next(
            (kind for magic, kind in ATTACHMENT_SIGNATURES if head.startswith(magic)), None
        )
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if content_type is None or extension not in ATTACHMENT_EXTENSIONS[content_type]:
            raise forms.ValidationError(
                _("“%(name)s” is not a PDF, JPEG or PNG file.") % {"name": name},
                code="wrong_type",
            )
        upload.checked_content_type = content_type
        return upload


def place_choices():
    """Wijken and kernen, grouped by gemeente, for a select that works without JavaScript."""
    groups = {}
    places = (
        Place.objects.filter(kind__in=[Place.Kind.WIJK, Place.Kind.KERN])
        .select_related("parent")
        .order_by("parent__name", "name")
    )
    for place in places:
        groups.setdefault(place.parent.name, []).append((place.pk, place.name))
    return [("", "—"), *groups.items()]


class InitiativeForm(PublicForm):
    """An initiative as a resident or group brings it in. Spam defences beside the honeypot:
    a minimum fill time (``started`` is signed) and a rate limit per address (in the view)."""

    radio_class = "utrecht-radio-button utrecht-radio-button--html-input"

    title = forms.CharField(
        label=_("Name of your initiative"),
        max_length=120,
        validators=[ProhibitNullCharactersValidator(), ONE_LINE],
    )
    description = forms.CharField(
        label=_("What is it, and for whom?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you want to do, for whom, and what it brings the wijk or village."),
    )
    scale = forms.ChoiceField(
        label=_("Who brings it in?"),
        choices=Initiative.Scale.choices,
        widget=forms.RadioSelect,
    )
    nature = forms.ChoiceField(
        label=_("What kind of initiative?"),
        choices=Initiative.Nature.choices,
        widget=forms.RadioSelect,
    )
    place = forms.TypedChoiceField(
        label=_("Wijk or village"), coerce=int, help_text=_("Grouped by gemeente.")
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    needs = forms.MultipleChoiceField(
        label=_("What do you need?"),
        choices=[
            ("money", _("money")),
            ("help", _("help (volunteers, expertise)")),
            ("space", _("a space")),
            ("contacts", _("contacts")),
        ],
        widget=forms.CheckboxSelectMultiple,
    )
    amount = forms.DecimalField(
        label=_("Amount needed (€)"),
        required=False,
        min_value=1,
        max_value=MAX_AMOUNT,
        max_digits=9,
        decimal_places=2,
        help_text=_("Only when you need money: the amount in euros, e.g. 2500."),
    )
    organisation_name = forms.CharField(
        label=_("Name of the foundation or association"),
        max_length=200,
        required=False,
        help_text=_("For a group initiative."),
    )
    kvk_number = forms.CharField(
        label=_("KvK number"),
        max_length=8,
        required=False,
        validators=[KVK_VALIDATOR],
        help_text=_("For a group initiative: the 8 digits of the Chamber of Commerce number."),
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=200)
    contact_email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    contact_phone = forms.RegexField(
        label=_("Your phone number"),
        regex=PHONE_PATTERN,
        required=False,
        error_messages={
            "invalid": _("Give a phone number of 10 digits or more, e.g. 043 123 45 67.")
        },
    )
    attachments = AttachmentsField(
        label=_("Attachments"),
        required=False,
        help_text=_("At most 3 files: PDF, JPEG or PNG, each up to 5 MB. A plan or a photo helps."),
    )
    privacy_consent = forms.BooleanField(
        label=_(
            "I agree that my details are kept to handle this initiative, "
            "as the privacy statement says."
        ),
    )
    publication_consent = forms.BooleanField(
        label=_("The initiative (not my details) may be shown on this website."),
        required=False,
    )
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, locale=None, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now or time.time()
        self.fields["place"].choices = place_choices()
        self.fields["themes"].queryset = Theme.objects.filter(locale=locale)
        for name in ("scale", "nature"):
            self.fields[name].widget.attrs["class"] = self.radio_class
        self.fields["attachments"].widget.attrs["class"] = "lp-file-input"
        if not self.is_bound:
            self.initial["started"] = signing.dumps(self.now, salt=STARTED_SALT)

    def clean_started(self):
        try:
            started = signing.loads(self.cleaned_data["started"], salt=STARTED_SALT)
        except signing.BadSignature:
            raise forms.ValidationError(EXPIRED) from None
        elapsed = self.now - float(started)
        if elapsed < MIN_FILL_SECONDS or elapsed > MAX_FILL_SECONDS:
            raise forms.ValidationError(EXPIRED)
        return started

    def clean(self):
        cleaned_data = super().clean()
        needs = cleaned_data.get("needs") or []
        if "money" in needs and not cleaned_data.get("amount"):
            self.add_error("amount", _("Say how much money you need."))
        if "money" not in needs and cleaned_data.get("amount"):
            self.add_error("needs", _("Tick “money” when you ask for an amount."))
        if cleaned_data.get("scale") == Initiative.Scale.GROUP:
            if not cleaned_data.get("organisation_name"):
                self.add_error(
                    "organisation_name",
                    _("A group initiative needs the name of its foundation or association."),
                )
            if not cleaned_data.get("kvk_number") and "kvk_number" not in self.errors:
                self.add_error("kvk_number", _("A group initiative needs its KvK number."))
        if "started" in self.errors:
            # Not the visitor's field: say it above the form.
            self.add_error(None, self.errors.pop("started"))
        return cleaned_data
