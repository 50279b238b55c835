"""Demo events: one real past event from shared/content/programmes.md, and one coming
event that is an invented example and says so on every page, card and calendar entry."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from knowledge.models import EventIndexPage, EventPage
from limburg.models import Organisation, Theme

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WIJ_GROEIEN_SOURCE = "https://middenlimburgactueel.nl/2022/11/25/kansrijke-start-noord-en-midden-limburg-1000-dagen-onderweg/"


def wij_groeien():
    # The sources give the date, not the hours: the event is entered as the whole day.
    start = datetime(2022, 11, 30, 9, 0, tzinfo=AMSTERDAM)
    return {
        "slug": {"nl": "wij-groeien", "en": "wij-groeien"},
        "start": start,
        "end": start.replace(hour=17),
        "is_online": False,
        "venue": "",
        "organiser": None,
        "themes": ["gezondheid"],
        "is_example": False,
        "registration": EventPage.Registration.NONE,
        "nl": {
            "title": "WIJ GROEIEN: 1000 dagen Kansrijke Start",
            "summary": (
                "Kansrijke Start Noord- en Midden-Limburg vierde dat het 1000 dagen onderweg "
                "was. Gedeputeerde Madeleine van Toorenburg opende de bijeenkomst."
            ),
            "audience": "Professionals rond zwangerschap en de eerste 1000 dagen",
            "report": (
                "Kansrijke Start Noord- en Midden-Limburg markeerde met WIJ GROEIEN dat het "
                "programma 1000 dagen onderweg was. Gedeputeerde Madeleine van Toorenburg opende "
                "de bijeenkomst. Genoemde projecten: ‘Nu niet zwanger’ en ‘Centering "
                "Zwangerschap’. In Nederland is 15 tot 20 procent van de zwangere vrouwen in een "
                "kwetsbare situatie.\n\nBron: Midden-Limburg Actueel, 25 november 2022, "
                + WIJ_GROEIEN_SOURCE
            ),
        },
        "en": {
            "title": "WIJ GROEIEN: 1000 days of Kansrijke Start",
            "summary": (
                "Kansrijke Start Noord- en Midden-Limburg celebrated being 1000 days under way. "
                "Provincial executive Madeleine van Toorenburg opened the event."
            ),
            "audience": "Professionals around pregnancy and the first 1000 days",
            "report": (
                "With WIJ GROEIEN, Kansrijke Start Noord- en Midden-Limburg marked that the "
                "programme had been under way for 1000 days. Provincial executive Madeleine van "
                "Toorenburg opened the event. Projects named: ‘Nu niet zwanger’ and ‘Centering "
                "Zwangerschap’. In the Netherlands 15 to 20 percent of pregnant women are in a "
                "vulnerable situation.\n\nSource: Midden-Limburg Actueel, 25 November 2022, "
                + WIJ_GROEIEN_SOURCE
            ),
        },
    }


def example_meeting():
    day = (timezone.localtime() + timedelta(days=45)).date()
    start = datetime.combine(day, time(14, 0), tzinfo=AMSTERDAM)
    return {
        "slug": {
            "nl": "voorbeeld-bijeenkomst-lerend-netwerk",
            "en": "example-learning-network-meeting",
        },
        "start": start,
        "end": start + timedelta(hours=2),
        "is_online": True,
        "venue": "",
        "organiser": "Provincie Limburg",
        "themes": ["veiligheid", "gezondheid", "leren", "werken", "wonen"],
        "is_example": True,
        "registration": EventPage.Registration.FORM,
        "capacity": 30,
        "nl": {
            "title": "Voorbeeld: bijeenkomst van het lerend netwerk",
            "summary": (
                "Een verzonnen voorbeeld van hoe een bijeenkomst van het lerend netwerk hier "
                "verschijnt, met aanmelden en een wachtlijst. Deze bijeenkomst vindt niet plaats."
            ),
            "audience": "Gemeenten, partners en bewoners uit de gebiedsaanpakken",
            "report": "",
        },
        "en": {
            "title": "Example: learning network meeting",
            "summary": (
                "An invented example of how a learning network meeting appears here, with "
                "registration and a waiting list. This meeting does not take place."
            ),
            "audience": "Municipalities, partners and residents of the area-based approaches",
            "report": "",
        },
    }


class EventDemo:
    def __init__(self, log=print):
        self.log = log
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}

    @transaction.atomic
    def load(self):
        indexes = {
            code: EventIndexPage.objects.filter(locale=locale).first()
            for code, locale in self.locales.items()
        }
        if indexes.get("nl") is None:
            return
        for spec in (wij_groeien(), example_meeting()):
            original = None
            for code in ("nl", "en"):
                index = indexes.get(code)
                if index is None or code not in spec:
                    continue
                existing = EventPage.objects.child_of(index).filter(slug=spec["slug"][code]).first()
                if existing is None:
                    existing = self._create(index, spec, code, original)
                original = original or existing

    def _create(self, index, spec, code, original):
        locale = self.locales[code]
        organiser = None
        if spec["organiser"]:
            organiser = Organisation.objects.filter(locale=locale, name=spec["organiser"]).first()
        page = EventPage(
            locale=locale,
            slug=spec["slug"][code],
            start=spec["start"],
            end=spec["end"],
            is_online=spec["is_online"],
            venue=spec["venue"],
            organiser=organiser,
            is_example=spec["is_example"],
            registration=spec["registration"],
            capacity=spec.get("capacity"),
            **spec[code],
        )
        if original is not None:
            page.translation_key = original.translation_key
        index.add_child(instance=page)
        keys = Theme.objects.filter(locale=self.locales["nl"], slug__in=spec["themes"]).values(
            "translation_key"
        )
        page.themes.set(Theme.objects.filter(locale=locale, translation_key__in=keys))
        page.save_revision().publish()
        self.log(f"Event: {page.title} ({code})")
        return page
