"""Demo research outputs: real publications, described from shared/content/programmes.md.

Only what the facts give: no DOI, ISBN, licence, page count or author that the
sources do not name. Each publication links the source it was read in.
"""

from datetime import date

from django.db import transaction

from wagtail.models import Locale, Page

from knowledge.models import Licence, ResearchIndexPage, ResearchOutputPage
from knowledge.vocabulary import seed_licences
from limburg.demo.regions import corop_gemeente_codes
from limburg.models import Organisation, Place, Theme

GGD_ZL = "GGD Zuid Limburg"
RVS = "Raad voor Volksgezondheid en Samenleving"


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def source(url, text):
    return paragraph(f'Bron: <a href="{url}">{text}</a>')


def source_en(url, text):
    return paragraph(f'Source: <a href="{url}">{text}</a>')


RESEARCH_OUTPUTS = [
    {
        "slug": "op-zoek-naar-de-limburg-factor",
        "title": "Op zoek naar de Limburg-factor",
        "kind": "rapport",
        "publication_date": date(2015, 9, 1),
        "date_precision": "day",
        "publisher": GGD_ZL,
        "authors": [("Jansen", "Maria", GGD_ZL), ("Kuppens", "Estella", GGD_ZL)],
        "themes": ["gezondheid", "leren", "werken"],
        "places": ["PV31"],
        "tags": ["Limburg-factor", "gezondheidsachterstand", "levensverwachting"],
        "external_url": "https://adoc.pub/op-zoek-naar-de-limburg-factor.html",
        "summary": (
            "Waarom leven (Zuid-)Limburgers ongeveer een jaar korter dan gemiddeld in Nederland? "
            "Er is niet één oorzaak: het is een samenspel van factoren. Het advies: investeer in "
            "onderwijs, opvoedsteun voor alle jonge ouders en werk."
        ),
        "body": [
            paragraph(
                "Provinciale Staten van Limburg namen op 6 februari 2015 motie 643 aan. Daarop "
                "vroeg de provincie GGD Zuid Limburg uit te zoeken waarom (Zuid-)Limburgers "
                "minder gezond zijn dan andere Nederlanders. Prof. Maria Jansen en Estella Kuppens "
                "presenteerden het rapport op 1 september 2015."
            ),
            paragraph(
                "(Zuid-)Limburgers leven ongeveer één jaar korter dan gemiddeld in Nederland. Dat "
                "verschil komt niet door één oorzaak, maar door een samenspel van factoren. Het "
                "rapport adviseert te investeren in onderwijs, in opvoedingsondersteuning voor "
                "alle jonge ouders en in werk."
            ),
            source(
                "https://www.academischewerkplaatslimburg.nl/ggd-zuid-limburg-presenteert-onderzoek-naar-gezondheidsachterstand-van-limburg/",
                "Academische Werkplaats Publieke Gezondheid Limburg",
            ),
        ],
        "en": {
            "slug": "in-search-of-the-limburg-factor",
            "title": "Op zoek naar de Limburg-factor (In search of the Limburg factor)",
            "summary": (
                "Why do people in (South) Limburg live about a year shorter than the Dutch average? "
                "There is no single cause but an interplay of factors. The advice: invest in "
                "education, parenting support for all young parents, and work."
            ),
            "body": [
                paragraph(
                    "On 6 February 2015 the Provincial Council of Limburg adopted motion 643. The "
                    "province then asked GGD Zuid Limburg to find out why people in (South) "
                    "Limburg are less healthy than other Dutch people. Prof. Maria Jansen and "
                    "Estella Kuppens presented the report on 1 September 2015. It is written in "
                    "Dutch."
                ),
                paragraph(
                    "People in (South) Limburg live about one year shorter than the Dutch average. "
                    "The difference has no single cause; it comes from an interplay of factors. "
                    "The report advises investing in education, in parenting support for all "
                    "young parents, and in work."
                ),
                source_en(
                    "https://www.academischewerkplaatslimburg.nl/ggd-zuid-limburg-presenteert-onderzoek-naar-gezondheidsachterstand-van-limburg/",
                    "Academische Werkplaats Publieke Gezondheid Limburg (in Dutch)",
                ),
            ],
        },
    },
    {
        "slug": "op-zoek-naar-de-euregio-factor",
        "title": "Op zoek naar de Euregio-factor",
        "kind": "rapport",
        "publication_date": date(2018, 4, 1),
        "date_precision": "month",
        "themes": ["gezondheid"],
        "places": ["PV31"],
        "tags": ["Limburg-factor", "Euregio", "grensoverschrijdend"],
        "external_url": "https://euprevent.eu/nl/3533-2/project-euregiofactor/",
        "summary": (
            "Het vervolg op de Limburg-factor, over de grens heen: zijn de "
            "gezondheidsverschillen ook in de Euregio te zien? Verschenen in april 2018."
        ),
        "body": [
            paragraph(
                "Na het rapport over de Limburg-factor (2015) volgde in april 2018 ‘Op zoek naar "
                "de Euregio-factor’. Het kijkt over de grens: de gezondheidsachterstand van "
                "Zuid-Limburg in het licht van de hele Euregio."
            ),
            source(
                "https://euprevent.eu/nl/3533-2/project-euregiofactor/",
                "EUPrevent, project Euregio-factor",
            ),
        ],
        "en": {
            "slug": "in-search-of-the-euregio-factor",
            "title": "Op zoek naar de Euregio-factor (In search of the Euregio factor)",
            "summary": (
                "The follow-up to the Limburg factor, across the border: are the health "
                "differences also visible in the Euregio? Published in April 2018."
            ),
            "body": [
                paragraph(
                    "The report on the Limburg factor (2015) was followed in April 2018 by ‘Op zoek "
                    "naar de Euregio-factor’. It looks across the border: the health gap of South "
                    "Limburg in the light of the whole Euregio."
                ),
                source_en(
                    "https://euprevent.eu/nl/3533-2/project-euregiofactor/",
                    "EUPrevent, Euregio factor project",
                ),
            ],
        },
    },
    {
        "slug": "voortgangsrapportage-trendbreuk-2020",
        "title": "Voortgangsrapportage Trendbreuk 2020",
        "kind": "rapport",
        "publication_date": date(2020, 1, 1),
        "date_precision": "year",
        "themes": ["gezondheid", "leren"],
        "places": ["zuid-limburg"],
        "tags": ["Trendbreuk", "jeugd", "voortgang"],
        "case_studies": ["trendbreuk-zuid-limburg"],
        "summary": (
            "De eerste voortgangsrapportage van Trendbreuk Zuid-Limburg: hoe staat het met de "
            "gezamenlijke aanpak om kinderen gezond en kansrijk te laten opgroeien?"
        ),
        "body": [
            paragraph(
                "Trendbreuk Zuid-Limburg wil de gezondheidsachterstand van Zuid-Limburg ten "
                "opzichte van de rest van Nederland in 2030 met een kwart verkleinen. Een "
                "stuurgroep, in 2020 voorgezeten door wethouder Leon Geilen, stuurt de aanpak. In "
                "2020 verscheen de eerste voortgangsrapportage."
            ),
            source(
                "http://ggdzl-jaaroverzicht.nl/programma-ggd/slagkracht-vergroten",
                "GGD Zuid Limburg, jaaroverzicht",
            ),
        ],
        "en": {
            "slug": "trendbreuk-progress-report-2020",
            "title": "Voortgangsrapportage Trendbreuk 2020 (Trendbreuk progress report 2020)",
            "summary": (
                "The first progress report of Trendbreuk Zuid-Limburg: how is the joint approach "
                "to let children grow up healthy and with good prospects doing?"
            ),
            "body": [
                paragraph(
                    "Trendbreuk Zuid-Limburg aims to reduce the health gap between South Limburg "
                    "and the rest of the Netherlands by a quarter by 2030. A steering group, "
                    "chaired in 2020 by alderman Leon Geilen, steers the approach. The first "
                    "progress report appeared in 2020."
                ),
                source_en(
                    "http://ggdzl-jaaroverzicht.nl/programma-ggd/slagkracht-vergroten",
                    "GGD Zuid Limburg, annual overview (in Dutch)",
                ),
            ],
        },
    },
    {
        "slug": "een-eerlijke-kans-op-gezond-leven",
        "title": "Een eerlijke kans op gezond leven",
        "kind": "rapport",
        "publication_date": date(2021, 1, 1),
        "date_precision": "year",
        "publisher": RVS,
        "authors": [(RVS, "", None)],
        "themes": ["gezondheid"],
        "places": ["zuid-limburg"],
        "tags": ["gezondheidsverschillen", "Trendbreuk"],
        "case_studies": ["trendbreuk-zuid-limburg"],
        "summary": (
            "Een landelijk adviesrapport over gelijke kansen op een gezond leven. Het noemt "
            "Trendbreuk Zuid-Limburg een inspirerend voorbeeld."
        ),
        "body": [
            paragraph(
                "In dit rapport uit 2021 beschrijft de Raad voor Volksgezondheid en Samenleving "
                "de Zuid-Limburgse aanpak Trendbreuk als inspirerend voorbeeld. Ministeries "
                "sloten zich daarna bij de aanpak aan."
            ),
            source(
                "https://www.cz.nl/over-cz/nieuws/ministeries-sluiten-aan-bij-succesvolle-zuid-limburgse-gezondheidsaanpak",
                "CZ, nieuwsbericht 15 juni 2021",
            ),
        ],
        "en": {
            "slug": "a-fair-chance-of-a-healthy-life",
            "title": "Een eerlijke kans op gezond leven (A fair chance of a healthy life)",
            "summary": (
                "A national advisory report on equal chances of a healthy life. It calls "
                "Trendbreuk Zuid-Limburg an inspiring example."
            ),
            "body": [
                paragraph(
                    "In this 2021 report the Council for Health and Society (RVS) describes the "
                    "South Limburg approach Trendbreuk as an inspiring example. Ministries then "
                    "joined the approach."
                ),
                source_en(
                    "https://www.cz.nl/over-cz/nieuws/ministeries-sluiten-aan-bij-succesvolle-zuid-limburgse-gezondheidsaanpak",
                    "CZ, news item of 15 June 2021 (in Dutch)",
                ),
            ],
        },
    },
]


class ResearchDemo:
    def __init__(self, log=print):
        self.log = log
        self.nl = Locale.objects.get(language_code="nl")
        self.en = Locale.objects.filter(language_code="en").first()

    @transaction.atomic
    def load(self):
        # A flushed database (the browser tests) has lost what migrations seeded.
        seed_licences(Locale, Licence)
        index = ResearchIndexPage.objects.filter(locale=self.nl).first()
        if index is None:
            return
        index_en = index.get_translation_or_none(self.en) if self.en else None
        for spec in RESEARCH_OUTPUTS:
            page = ResearchOutputPage.objects.child_of(index).filter(slug=spec["slug"]).first()
            if page is None:
                page = self._create(index, spec, self.nl, spec)
            if index_en is not None and not page.has_translation(self.en):
                self._create(index_en, spec, self.en, spec["en"], original=page)

    def _create(self, index, spec, locale, text, original=None):
        page = ResearchOutputPage(
            locale=locale,
            title=text["title"],
            slug=text["slug"],
            kind=spec["kind"],
            summary=text["summary"],
            publication_date=spec["publication_date"],
            date_precision=spec["date_precision"],
            language="nl",
            external_url=spec.get("external_url", ""),
            body=text["body"],
        )
        if original is not None:
            page.translation_key = original.translation_key
        if spec.get("publisher"):
            page.publisher = Organisation.objects.get(locale=locale, name=spec["publisher"])
        for order, (family, given, affiliation) in enumerate(spec.get("authors", [])):
            page.authors.add(
                page.authors.model(
                    family_name=family,
                    given_names=given,
                    affiliation=Organisation.objects.get(locale=locale, name=affiliation)
                    if affiliation
                    else None,
                    sort_order=order,
                )
            )
        # Case studies by slug, through the page tree: knowledge does not import casestudies.
        case_studies = Page.objects.filter(locale=self.nl, slug__in=spec.get("case_studies", []))
        for order, case_study in enumerate(case_studies):
            page.related_case_studies.add(
                page.related_case_studies.model(case_study=case_study, sort_order=order)
            )
        index.add_child(instance=page)
        themes_nl = Theme.objects.filter(locale=self.nl, slug__in=spec["themes"])
        page.themes.set(
            Theme.objects.filter(
                locale=locale, translation_key__in=themes_nl.values("translation_key")
            )
        )
        page.places.set(self._places(spec["places"]))
        page.tags.set(spec.get("tags", []))
        page.save_revision().publish()
        self.log(f"Research output: {text['title']} ({locale.language_code})")
        return page

    @staticmethod
    def _places(codes):
        if codes == ["zuid-limburg"]:
            codes = corop_gemeente_codes("CR39")
        return Place.objects.filter(code__in=codes)
