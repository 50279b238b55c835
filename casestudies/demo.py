"""Demo case studies, written for this platform from shared/content/programmes.md.

Every figure, date and amount below stands in that file, with the source that
is linked on the page. Where a fact was not found, the field stays empty.
Illustrations are abstract, generated with Pillow at load time.
"""

import copy
import io
import random
from datetime import date

from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.models import Collection, Locale

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, FundingInstrument
from casestudies.vocabulary import seed_funding_instruments
from limburg.demo.regions import corop_gemeente_codes
from limburg.models import LimburgImage, Organisation, Place, Theme

NAJAARSNOTA = "https://limburg.begrotingsapp.nl/najaarsnota-2025/project/221-krachtige-gemeenschappen-in-wijken-en-dorpen"
KERKRADE_OR6 = "https://or6.nl/index.php/lokaalnieuws/vml-nieuws/provincie-pakt-achterstanden-in-limburgse-probleemwijken-en-dorpen-aan-samenwerking-start-in-kerkrade-oost?format=print&print=1&tmpl=component"
KERKRADE_DE = "https://de.kerkrade.nl/gebiedsgerichte-aanpak-officieel-van-start"
TRENDBREUK = "https://trendbreukzuidlimburg.nl/"
TRENDBREUK_OVER = "https://trendbreukzuidlimburg.nl/over/"
TRENDBREUK_GGD = "https://www.ggdzl.nl/professionals/advisering-gemeenten/trendbreuk/"
TRENDBREUK_BRANDBRIEF = (
    "https://trendbreukzuidlimburg.nl/brandbrief-stuurgroep-aan-provinciale-staten/"
)
TRENDBREUK_20 = "https://trendbreukzuidlimburg.nl/verkenning-naar-trendbreuk-2-0/"
TRENDBREUK_CZ = "https://www.cz.nl/over-cz/nieuws/ministeries-sluiten-aan-bij-succesvolle-zuid-limburgse-gezondheidsaanpak"
KS_VERVOLG = "https://trendbreukzuidlimburg.nl/project/vervolgaanpak-kansrijke-start/"
KS_PHAROS = "https://www.nationalezorggids.nl/kraamzorg/nieuws/48057-stimuleringsprogramma-ondersteunt-gemeenten-in-kansrijke-start.html"
KS_ROBUUST = "https://www.rosrobuust.nl/nieuwsoverzicht/een-kansrijke-start-voor-jonge-kinderen-in-noord-en-midden-limburg"
KS_SPRING = "https://www.spring-kinderopvang.nl/nieuws/kansrijke-start-noord-en-midden-limburg-1000-dagen-onderweg/"
KS_WIJGROEIEN = "https://middenlimburgactueel.nl/2022/11/25/kansrijke-start-noord-en-midden-limburg-1000-dagen-onderweg/"
GBT_TRENDBREUK = "https://trendbreukzuidlimburg.nl/project/gezonde-basisschool-van-de-toekomst/"
GBT_2021 = "https://www.limburg.nl/actueel/nieuws/nieuwsberichten/2021/maart/online-talkshow/"
GBT_HEERLEN = (
    "https://heerlen.nieuws.nl/nieuws/85938/uitbreiding-gezonde-basisschool-van-de-toekomst/"
)
GBT_RABO = "https://parkstadactueel.nl/2020/08/26/rabobank-limburg-ondersteunt-gezonde-basisschool-van-de-toekomst/"
GBT_2024 = "https://www.limburg.nl/actueel/nieuws/nieuwsberichten/2024/mei/viering-mijlpaal-30-gezonde-basisscholen/"
PG_HUBER = "https://indekerngezond.nl/positieve-gezondheid/het-ontstaan/"
PG_ACTIECENTRUM = "https://www.platformmantelzorglimburg.nl/nieuwsarchief/21-9-nieuws-2017/114-actiecentrum-limburg-positief-gezond-gestart.html"
PG_WEEK = "http://parkstadactueel.nl/2017/11/02/flinke-boost-positieve-gezondheid-limburg/"
PG_TIPS = "https://www.iph.nl/kennisbank/tips-voor-provincies/"
PG_IPH = "https://www.federatievoorgezondheid.nl/over-ons/leden/institute-for-positive-health/"
DB_WOP = "http://www.wonenlimburg.nl/1/Nieuws-overzicht/Nieuws-overzicht-Archief/(4381)-Nieuws-overzicht-Nieuws-overzicht-Archief-2012/augustus---september-2012/Samenwerkingsovereenkomst-Wijkontwikkelingsplan-Donderberg.html"
DB_FASE2 = "https://www.donderbergroermond.nl/actueel/wijkontwikkeling-donderberg-gaat-tweede-fase/"
DB_FASE3 = (
    "https://www.donderbergroermond.nl/actueel/het-wijkontwikkelingsproces-gaat-de-laatste-fase-in/"
)
DB_P31 = "https://www.platform31.nl/thema-s/wonen-zorg/innovatieprogramma-langer-thuis-inclusieve-wijk/gebiedscoalities/roermond"
DB_KLEUR = "http://www.wonen-zuid.eu/over-wonen-zuid/nieuws-publicaties/laatste-nieuws/nieuwsbericht/ideeen-van-en-voor-bewoners-geven-de-donderberg-kleur"
DB_WIJKTEAM = "https://www.donderbergroermond.nl/actueel/hoe-beleeft-u-de-donderberg/"
VK_KRANT = "https://blericksekrant.com/22-miljoen-euro-voor-veilig-en-leefbaar-vastenavondkamp/"
VK_SPARREN = "https://venlo.nieuws.nl/gemeente/opening-sparrenveldje-in-vastenavondkamp"
VK_CONVENANT = "https://openrijk.nl/en/provincies/provincie-limburg/artikel/samenwerkingspartners-zetten-schouders/partners-collaborate-on-integrated-neighborhood-approach-vastenavondkamp"
NPLV = "https://www.gemeente.nu/sociaal/werk/nieuwe-aanpak-moet-kwetsbare-wijken-veilig-en-leefbaar-maken/"
HEERLEN_KONING = "https://www.koninklijkhuis.nl/actueel/nieuws/2024/02/21/koning-brengt-werkbezoek-aan-heerlen-noord"


def p(*paragraphs):
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}


def source(name, url):
    return {"name": name, "url": url}


def figure(value, label, year, name, url, unit=""):
    """A key figure; ``year`` is None where the source does not say which year it is about."""
    return {
        "type": "figure",
        "value": {
            "value": value,
            "unit": unit,
            "label": label,
            "year": year,
            "source": source(name, url),
        },
    }


def milestone(day, precision, text, name="", url=""):
    return {
        "type": "milestone",
        "value": {"date": day, "precision": precision, "text": text, "source": source(name, url)},
    }


# The long-running approaches that joined the eight areas with a 2025 declaration of intent.
DECLARATION_OF_INTENT_2025 = milestone(
    "2025-01-01",
    "year",
    "Intentieovereenkomst met de provincie voor de gebiedsaanpak.",
    "Provincie Limburg, Najaarsnota 2025",
    NAJAARSNOTA,
)


def sources(*pairs):
    return [{"type": "source", "value": source(name, url)} for name, url in pairs]


def intentieovereenkomst(title, slug, area, gemeente, places, partners, extra=None):
    """One of the eight areas with a 2025 declaration of intent (Najaarsnota 2025)."""
    study = {
        "title": title,
        "slug": slug,
        "kind": "gebiedsaanpak",
        "status": "intentieovereenkomst",
        "start_year": 2025,
        "themes": ["veiligheid", "gezondheid", "leren", "werken", "wonen"],
        "places": places,
        "partners": partners,
        "summary": (
            f"In {area} werken gemeente {gemeente}, de provincie en partners lang en samen aan een "
            "betere wijk. In 2025 tekenden zij daarvoor een intentieovereenkomst."
        ),
        "introduction": (
            f"{area} is een van de acht gebieden waarvoor in 2025 een intentieovereenkomst is getekend "
            "voor een integrale gebiedsaanpak voor de lange termijn, met een lokale alliantie die extra wil investeren."
        ),
        "background": [
            p(
                "In sommige Limburgse wijken en dorpen zijn de problemen zo groot en ingewikkeld dat ze "
                "alleen samen en over vele jaren op te lossen zijn: veiligheid, gezondheid, leren, werken "
                "en wonen tegelijk. Met cijfers en gesprekken met partners is gekeken waar de nood het hoogst is.",
            )
        ],
        "approach": [
            p(
                "Na de intentieovereenkomst werken de partners de aanpak uit. Lessen, werkzame interventies "
                "en knelpunten delen zij in het lerend netwerk van het programma."
            )
        ],
        "timeline": [
            milestone(
                "2025-01-01",
                "year",
                "Intentieovereenkomst getekend.",
                "Provincie Limburg, Najaarsnota 2025",
                NAJAARSNOTA,
            )
        ],
        "sources": sources(("Provincie Limburg, Najaarsnota 2025, 2.2.1", NAJAARSNOTA)),
    }
    study.update(extra or {})
    return study


CASE_STUDIES = [
    {
        "title": "Trendbreuk Zuid-Limburg",
        "slug": "trendbreuk-zuid-limburg",
        "kind": "programma",
        "status": "lopend",
        "start_year": 2018,
        "themes": ["gezondheid", "leren", "werken"],
        "places": "zuid-limburg",
        "partners": [
            ("GGD Zuid Limburg", "trekker", ""),
            ("Provincie Limburg", "partner", ""),
            ("CZ", "partner", ""),
        ],
        "tags": ["gezondheidsachterstand", "jeugd"],
        "summary": (
            "Zuid-Limburgers zijn minder gezond dan andere Nederlanders. Gemeenten, GGD, provincie en "
            "partners willen dat verschil tot 2030 met een kwart verkleinen, vooral door kinderen gezond "
            "en kansrijk te laten opgroeien."
        ),
        "introduction": (
            "Een gezamenlijke ambitie van de 16 Zuid-Limburgse gemeenten, de GGD, de provincie en veel partners: "
            "de gezondheidsachterstand ten opzichte van de rest van Nederland in 2030 met een kwart verkleinen."
        ),
        "background": [
            p(
                "Zuid-Limburg scoort slechter dan het landelijk gemiddelde op onder meer arbeidsparticipatie, "
                "levensverwachting, leefstijl, jeugdzorggebruik, onderwijsachterstand, overgewicht, "
                f'tienerzwangerschappen en kinderarmoede (<a href="{TRENDBREUK_GGD}">GGD Zuid Limburg</a>).'
            )
        ],
        "approach": [
            p(
                "De uitgangspunten: focus op de jeugd, kracht door samenwerking, en bewezen interventies "
                "voor iedereen beschikbaar maken. Waar de werking nog niet bewezen is, wordt die onderzocht, "
                "met de Academische Werkplaats Publieke Gezondheid Limburg en de Kenniswerkplaats Jeugd. "
                f'De visie staat in de beleidsnotitie “Zuid Springt eruit!” (<a href="{TRENDBREUK_OVER}">Trendbreuk</a>).',
                "Bouwstenen zijn onder meer de Gezonde Basisschool van de Toekomst, Blauwe Zorg, de Ketenaanpak "
                "Kinderen met Overgewicht en Obesitas, Kansrijke Start en Keigezond Limburg.",
            )
        ],
        "results": [
            p(
                "De Raad voor Volksgezondheid en Samenleving noemde Trendbreuk in 2021 een inspirerend voorbeeld, "
                f'en ministeries sloten zich aan bij de aanpak (<a href="{TRENDBREUK_CZ}">CZ, 15 juni 2021</a>).'
            )
        ],
        "what_did_not_work": [
            p(
                "De stuurgroep stuurde Provinciale Staten een brandbrief uit zorg dat de provinciale steun in "
                f'2023–2027 zou afnemen (<a href="{TRENDBREUK_BRANDBRIEF}">brandbrief</a>). De “Verkenning '
                "Trendbreuk 2.0” noemt Trendbreuk een sterk merk, maar de organisatie en de uitvoering moeten "
                f'verder worden ontwikkeld (<a href="{TRENDBREUK_20}">verkenning</a>).'
            )
        ],
        "key_figures": [
            figure(
                "16",
                "Zuid-Limburgse gemeenten doen mee",
                None,
                "Trendbreuk Zuid-Limburg",
                TRENDBREUK,
            ),
        ],
        "timeline": [
            milestone(
                "2018-01-01",
                "year",
                "Gemeenten, GGD, provincie en partners bundelen hun krachten.",
                "GGD Zuid Limburg",
                TRENDBREUK_GGD,
            ),
            milestone(
                "2021-06-15", "day", "Ministeries sluiten aan bij de aanpak.", "CZ", TRENDBREUK_CZ
            ),
        ],
        "sources": sources(
            ("Trendbreuk Zuid-Limburg", TRENDBREUK),
            ("Trendbreuk, Over", TRENDBREUK_OVER),
            ("GGD Zuid Limburg, Trendbreuk", TRENDBREUK_GGD),
        ),
    },
    {
        "title": "Kansrijke Start",
        "slug": "kansrijke-start",
        "kind": "programma",
        "status": "lopend",
        "start_year": 2018,
        "themes": ["gezondheid", "leren"],
        "places": ["PV31"],
        "partners": [
            (
                "Pharos",
                "kennispartner",
                "Voert het stimuleringsprogramma voor lokale coalities uit.",
            ),
            ("Robuust", "trekker", "Kwartiermaker in Noord- en Midden-Limburg."),
            ("Provincie Limburg", "partner", ""),
        ],
        "tags": ["eerste 1000 dagen"],
        "summary": (
            "De eerste 1000 dagen van een kind zijn heel belangrijk voor later. Kansrijke Start brengt "
            "zorg, gemeenten en organisaties samen om (aanstaande) ouders op tijd te helpen."
        ),
        "introduction": (
            "Het landelijke actieprogramma Kansrijke Start (september 2018) richt zich op de eerste 1000 dagen. "
            "In Limburg werken lokale coalities in Zuid-Limburg en in Noord- en Midden-Limburg."
        ),
        "approach": [
            p(
                "Minister De Jonge noemde Zuid-Limburg “de eerste regionale coalitie van het land” met deze "
                f'aanpak; Pharos voert het stimuleringsprogramma voor lokale coalities uit (<a href="{KS_PHAROS}">Nationale Zorggids</a>).',
                "In Noord- en Midden-Limburg is Robuust kwartiermaker, samen met de provincie, Pharos en partners "
                f'(<a href="{KS_ROBUUST}">Robuust</a>). Projecten zijn onder meer “Nu niet zwanger” en “Centering Zwangerschap”.',
                "Volgende stappen in de regio: preconceptiezorg, uitbreiding naar 16 lokale coalities, een sterkere "
                f'regierol voor de jeugdgezondheidszorg en een projectleider per subregio (<a href="{KS_VERVOLG}">vervolgaanpak</a>).',
            )
        ],
        "key_figures": [
            figure(
                "14",
                "gemeenten in Noord- en Midden-Limburg doen mee",
                2022,
                "Spring Kinderopvang",
                KS_SPRING,
            ),
            figure(
                "90", "organisaties betrokken (ongeveer)", 2022, "Spring Kinderopvang", KS_SPRING
            ),
            figure(
                "40", "organisaties tekenden het convenant", 2022, "Spring Kinderopvang", KS_SPRING
            ),
        ],
        "timeline": [
            milestone(
                "2018-09-01",
                "month",
                "Start van het landelijke actieprogramma Kansrijke Start.",
                "Trendbreuk, vervolgaanpak",
                KS_VERVOLG,
            ),
            milestone(
                "2020-09-24", "day", "Aftrap in Noord- en Midden-Limburg.", "Robuust", KS_ROBUUST
            ),
            milestone(
                "2022-11-30",
                "day",
                "Bijeenkomst “WIJ GROEIEN”: 1000 dagen onderweg.",
                "Midden-Limburg Actueel",
                KS_WIJGROEIEN,
            ),
        ],
        "sources": sources(
            ("Trendbreuk, vervolgaanpak Kansrijke Start", KS_VERVOLG),
            ("Robuust", KS_ROBUUST),
            ("Spring Kinderopvang", KS_SPRING),
        ),
    },
    {
        "title": "Gezonde Basisschool van de Toekomst",
        "slug": "gezonde-basisschool-van-de-toekomst",
        "kind": "interventie-in-de-praktijk",
        "status": "lopend",
        "start_year": 2015,
        "themes": ["gezondheid", "leren"],
        "places": ["PV31", "GM0882", "GM0899"],
        "partners": [
            ("Provincie Limburg", "trekker", ""),
            ("MOVARE", "partner", ""),
            ("GGD Zuid Limburg", "partner", ""),
            ("Maastricht University", "kennispartner", "Onderzoek naar de effecten."),
            ("Rabobank Limburg", "financier", "Partner sinds 2020."),
        ],
        "funding": [
            (
                "sociale-agenda",
                None,
                2015,
                2020,
                "Pilotproject als onderdeel van de provinciale Sociale Agenda",
                "Provincie Limburg, 2024",
                GBT_2024,
            )
        ],
        "tags": ["school", "bewegen", "gezonde lunch"],
        "summary": (
            "Op deze basisscholen bewegen kinderen elke dag een uur extra en lunchen ze samen gezond. "
            "Ouders doen vanaf het begin mee."
        ),
        "introduction": (
            "De schooldag wordt verlengd voor een extra uur bewegen per dag, een gezamenlijke gezonde lunch "
            "en aandacht voor ontspanning en leefstijl."
        ),
        "background": [
            p(
                f'De aanpak is ontwikkeld door de provincie met MOVARE, GGD Zuid Limburg en Maastricht University (<a href="{GBT_2021}">Provincie Limburg, 2021</a>).'
            )
        ],
        "approach": [
            p(
                f'Het begon in 2015 op vier scholen in Parkstad: drie in Landgraaf en één in Brunssum (<a href="{GBT_HEERLEN}">Heerlen Nieuws</a>).'
            )
        ],
        "results": [
            p(
                "Onderzoek van Maastricht University: na twee jaar hebben kinderen een gezonder gewicht, eten en "
                f'leven ze gezonder en voelen ze zich beter (<a href="{GBT_HEERLEN}">Heerlen Nieuws</a>). Er is minder '
                f'ruzie en minder pesten in de klas (<a href="{GBT_RABO}">Parkstad Actueel</a>).',
                f'De aanpak staat als erkende, wetenschappelijk onderbouwde interventie in de databank van het RIVM (<a href="{GBT_TRENDBREUK}">Trendbreuk</a>).',
            )
        ],
        "lessons": [
            p(
                f'Een Stichting GBT, kwartiermakers en een GGD-coördinator helpen bij de opschaling in 2024–2026; de principes worden vertaald naar het voortgezet onderwijs (<a href="{GBT_TRENDBREUK}">Trendbreuk</a>).'
            )
        ],
        "key_figures": [
            figure("4", "eerste scholen in Parkstad", 2015, "Heerlen Nieuws", GBT_HEERLEN),
            figure(
                "30",
                "Gezonde Basisscholen van de Toekomst in Limburg",
                2024,
                "Provincie Limburg",
                GBT_2024,
            ),
        ],
        "timeline": [
            milestone(
                "2015-01-01",
                "year",
                "Start op vier scholen in Parkstad.",
                "Provincie Limburg",
                GBT_2024,
            ),
            milestone(
                "2020-08-26",
                "day",
                "De Limburgse Rabobanken worden partner.",
                "Parkstad Actueel",
                GBT_RABO,
            ),
            milestone(
                "2024-05-23",
                "day",
                "De Letterdoes in Maastricht wordt de 30e Gezonde Basisschool van de Toekomst.",
                "Provincie Limburg",
                GBT_2024,
            ),
        ],
        "sources": sources(
            ("Trendbreuk, Gezonde Basisschool van de Toekomst", GBT_TRENDBREUK),
            ("Provincie Limburg, mei 2024", GBT_2024),
        ),
    },
    {
        "title": "Positieve Gezondheid in Limburg",
        "slug": "positieve-gezondheid",
        "kind": "programma",
        "status": "lopend",
        "start_year": 2017,
        "themes": ["gezondheid"],
        "places": ["PV31", "GM0893", "GM0935"],
        "partners": [
            ("Institute for Positive Health", "kennispartner", ""),
            (
                "Zuyd Hogeschool",
                "partner",
                "Medeoprichter van het Actiecentrum Limburg Positief Gezond.",
            ),
            ("GGD Limburg-Noord", "partner", ""),
            ("GGD Zuid Limburg", "partner", ""),
            ("Provincie Limburg", "partner", ""),
        ],
        "tags": ["Positieve Gezondheid", "spinnenweb"],
        "summary": (
            "Gezond zijn is meer dan niet ziek zijn. Positieve Gezondheid kijkt naar hoe mensen zich aanpassen "
            "en zelf de regie houden. Limburg wil daarvoor de proeftuin van Nederland zijn."
        ),
        "introduction": (
            "Positieve Gezondheid, ontwikkeld door Machteld Huber, ziet gezondheid als het vermogen om je aan te "
            "passen en eigen regie te voeren bij sociale, fysieke en emotionele uitdagingen. Er zijn zes dimensies."
        ),
        "approach": [
            p(
                "Het Actiecentrum Limburg Positief Gezond is een samenwerking van Zuyd Hogeschool, GGD Limburg-Noord, "
                f'GGD Zuid Limburg en Huis voor de Zorg, gesteund door het IPH (<a href="{PG_ACTIECENTRUM}">Platform Mantelzorg Limburg</a>). '
                f'Limburg hield in november 2017 de eerste Week van de Positieve Gezondheid (<a href="{PG_WEEK}">Parkstad Actueel</a>).'
            )
        ],
        "results": [
            p(
                f'Een proef in Afferden leidde tot 25% minder verwijzingen naar de tweedelijnszorg; in vier Maastrichtse wijken liep een pilot “Blauwe Zorg in de wijk” (<a href="{PG_WEEK}">Parkstad Actueel, 2017</a>).'
            )
        ],
        "lessons": [
            p(
                f'Het IPH haalt uit Limburg tips voor provincies: verdeel de verantwoordelijkheid breed, betrek bewoners vanaf het begin en durf los te laten (<a href="{PG_TIPS}">IPH</a>).'
            )
        ],
        "key_figures": [
            figure(
                "25",
                "minder verwijzingen naar de tweedelijnszorg in de proef in Afferden",
                None,
                "Parkstad Actueel",
                PG_WEEK,
                unit="%",
            )
        ],
        "timeline": [
            milestone(
                "2015-09-01",
                "day",
                "Machteld Huber richt het Institute for Positive Health op.",
                "Federatie voor Gezondheid",
                PG_IPH,
            ),
            milestone(
                "2017-09-22",
                "day",
                "Start van het Actiecentrum Limburg Positief Gezond.",
                "Platform Mantelzorg Limburg",
                PG_ACTIECENTRUM,
            ),
            milestone(
                "2017-11-02",
                "day",
                "Eerste Week van de Positieve Gezondheid in Limburg.",
                "Parkstad Actueel",
                PG_WEEK,
            ),
        ],
        "sources": sources(
            ("In de kern gezond, het ontstaan", PG_HUBER), ("IPH, tips voor provincies", PG_TIPS)
        ),
    },
    {
        "title": "Wijkontwikkeling Donderberg, Roermond",
        "slug": "donderberg-roermond",
        "kind": "gebiedsaanpak",
        "status": "lopend",
        "start_year": 2012,
        "end_year": 2026,
        "themes": ["veiligheid", "werken", "wonen"],
        "places": ["WK095704"],
        "partners": [
            ("Gemeente Roermond", "trekker", ""),
            ("Wonen Zuid", "partner", ""),
            ("Wonen Limburg", "partner", ""),
            ("Provincie Limburg", "partner", ""),
            ("Stichting Wel.Kom", "partner", "In het wijkteam."),
        ],
        "tags": ["wijkontwikkelingsplan", "bewonersinitiatief", "wijkonderneming"],
        "summary": (
            "In de Roermondse wijk Donderberg werken gemeente, woningcorporaties, provincie en bewoners sinds "
            "2012 samen aan een veiligere, prettigere wijk, met plannen die bewoners zelf indienen."
        ),
        "introduction": (
            "Het wijkontwikkelingsplan (WOP) Donderberg heeft drie fasen en vier hoofddoelen. Fase 3 (2022–2026) "
            "begint met een wijkonderneming."
        ),
        "background": [
            p(
                "De doelen van het plan: minder en minder ernstige sociale problemen en minder onveiligheidsgevoel; "
                "huidige en nieuwe bewoners wonen er graag; een betere economische positie van bewoners; bewoners "
                f'voelen zich verantwoordelijk en betrokken (<a href="{DB_WOP}">Wonen Limburg, 2012</a>).'
            )
        ],
        "approach": [
            p(
                f'In fase 2 (2017–2020) stonden leren en experimenteren centraal (<a href="{DB_FASE2}">Donderberg Roermond</a>). '
                "Bewoners begonnen onder meer de Donderse Moestuin, een ontmoetingsruimte, een wekelijkse markt, "
                "de Woonzorgbrigade/Burenhulp en Dondersgoed Spul.",
                "Met “Kleur je Wijk” dienen bewoners plannen in; een adviescommissie van bewoners beoordeelt ze en "
                f'daarna beslist het college (<a href="{DB_KLEUR}">Wonen Zuid, 2017</a>).',
            )
        ],
        "results": [
            p(
                f'Opgeknapt zijn onder meer de Donderbergweg en veel woningen in de Sterrenberg en de Componistenbuurt; er kwamen een Cruyff Court en een ontmoetingsruimte in de Donderie (<a href="{DB_FASE3}">Donderberg Roermond</a>).'
            )
        ],
        "lessons": [
            p(
                f'Ideeën die in Donderberg werken, moeten ook elders worden uitgerold: dat was het uitgangspunt van fase 2 (<a href="{DB_FASE2}">Donderberg Roermond</a>).'
            )
        ],
        "key_figures": [
            figure("7000", "inwoners", None, "Platform31, gebiedscoalitie Roermond", DB_P31),
            figure(
                "80",
                "nationaliteiten (meer dan)",
                None,
                "Platform31, gebiedscoalitie Roermond",
                DB_P31,
            ),
            figure("3099", "woningen", None, "Platform31, gebiedscoalitie Roermond", DB_P31),
            figure(
                "42",
                "van de woningen is sociale huur",
                None,
                "Platform31, gebiedscoalitie Roermond",
                DB_P31,
                unit="%",
            ),
        ],
        "timeline": [
            milestone(
                "2012-06-28",
                "day",
                "De gemeenteraad stelt het wijkontwikkelingsplan vast.",
                "Wonen Limburg",
                DB_WOP,
            ),
            milestone(
                "2012-07-04",
                "day",
                "De partners tekenen de samenwerkingsovereenkomst.",
                "Wonen Limburg",
                DB_WOP,
            ),
            milestone(
                "2017-01-01",
                "year",
                "Fase 2 begint: leren en experimenteren.",
                "Donderberg Roermond",
                DB_FASE2,
            ),
            milestone(
                "2022-01-01",
                "year",
                "Fase 3 begint, met een wijkonderneming.",
                "Donderberg Roermond",
                DB_FASE3,
            ),
            DECLARATION_OF_INTENT_2025,
        ],
        "sources": sources(
            ("Wonen Limburg, samenwerkingsovereenkomst 2012", DB_WOP),
            ("Donderberg Roermond, fase 3", DB_FASE3),
            ("Platform31, gebiedscoalitie Roermond", DB_P31),
        ),
    },
    {
        "title": "Integrale aanpak Vastenavondkamp, Venlo",
        "slug": "vastenavondkamp-venlo",
        "kind": "gebiedsaanpak",
        "status": "lopend",
        "start_year": 2019,
        "themes": ["veiligheid", "gezondheid", "leren", "wonen"],
        "places": ["GM0983"],
        "partners": [
            ("Gemeente Venlo", "trekker", ""),
            ("Woonwenz", "partner", ""),
            ("Antares Woonservice", "partner", ""),
            ("Wonen Limburg", "partner", "Partner in het convenant."),
            ("Kerobei", "partner", "Primair onderwijs."),
            ("OGVO", "partner", "Voortgezet onderwijs."),
            ("Stichting Spring Kinderopvang", "partner", ""),
            (
                "Provincie Limburg",
                "financier",
                "Extra bijdrage van € 2,3 miljoen aan het uitvoeringsplan 2021–2025.",
            ),
            ("Incluzio", "partner", "Jongerencoach bij het Sparrenveldje."),
        ],
        "funding": [
            (
                "anders",
                "22000000",
                2021,
                2025,
                "Totaal van het uitvoeringsplan, waarvan € 2,3 miljoen extra van de provincie",
                "Blerickse Krant",
                VK_KRANT,
            )
        ],
        "tags": ["Buurtbudget", "Blerick"],
        "summary": (
            "In de wijk Vastenavondkamp in Blerick werken gemeente, woningcorporaties, scholen en provincie "
            "samen aan veiligheid, gezondheid, onderwijs en wonen. Bewoners kiezen zelf projecten met een Buurtbudget."
        ),
        "introduction": (
            "De integrale aanpak begon in 2019. Het uitvoeringsplan 2021–2025 is € 22 miljoen groot. Een nieuw "
            "convenant legt de samenwerking voor minstens 15 jaar vast."
        ),
        "approach": [
            p(
                "De focus: je veilig voelen, gezondheid, kwaliteit van het onderwijs, diversiteit en kwaliteit van "
                f'woningen, openbare ruimte en voorzieningen. Bewoners kiezen projecten via een Buurtbudget (<a href="{VK_KRANT}">Blerickse Krant</a>).',
                "In het nieuwe convenant gaat het om wonen, onderwijs, openbare ruimte, leefbaarheid, basisvaardigheden "
                f'en perspectief voor jongeren (<a href="{VK_CONVENANT}">Openrijk</a>).',
            )
        ],
        "results": [
            p(
                f'Jongeren planden en financierden met een jongerencoach het voetbalveld Sparrenveldje, geopend op 13 januari 2023, met geld uit het Buurtbudget, van de gemeente, Woonwenz, Antares en anderen (<a href="{VK_SPARREN}">Venlo Nieuws</a>).'
            )
        ],
        "key_figures": [
            figure(
                "22",
                "uitvoeringsplan 2021–2025",
                None,
                "Blerickse Krant",
                VK_KRANT,
                unit="miljoen euro",
            ),
            figure(
                "2.3",
                "extra bijdrage van de provincie aan het uitvoeringsplan 2021–2025",
                None,
                "Blerickse Krant",
                VK_KRANT,
                unit="miljoen euro",
            ),
        ],
        "timeline": [
            milestone(
                "2019-01-01", "year", "Start van de integrale aanpak.", "Blerickse Krant", VK_KRANT
            ),
            milestone(
                "2021-01-01", "year", "Uitvoeringsplan 2021–2025.", "Blerickse Krant", VK_KRANT
            ),
            milestone(
                "2023-01-13", "day", "Opening van het Sparrenveldje.", "Venlo Nieuws", VK_SPARREN
            ),
            DECLARATION_OF_INTENT_2025,
        ],
        "sources": sources(
            ("Blerickse Krant", VK_KRANT),
            ("Venlo Nieuws, Sparrenveldje", VK_SPARREN),
            ("Openrijk, convenant Vastenavondkamp", VK_CONVENANT),
        ),
    },
    intentieovereenkomst(
        "Gebiedsaanpak Kerkrade-Oost: (B)OOST",
        "kerkrade-oost",
        "Kerkrade-Oost",
        "Kerkrade",
        ["WK092801"],
        [
            ("Gemeente Kerkrade", "trekker", ""),
            ("Provincie Limburg", "partner", ""),
            ("HEEMwonen", "partner", ""),
            ("Wonen Zuid", "partner", ""),
            ("Impuls", "partner", ""),
            ("MeanderGroep", "partner", ""),
        ],
        {
            "summary": (
                "In Kerkrade-Oost werken gemeente, provincie, woningcorporaties, zorg en welzijn en bewoners samen "
                "aan een veilige, gezonde en sociale wijk. Het was de eerste van de acht gebiedsaanpakken."
            ),
            "approach": [
                p(
                    "Het programma heet (B)OOST. Doorbraken worden gezocht bij armoede en laaggeletterdheid, "
                    "leefbaarheid en veiligheid, jongeren die kansrijk opgroeien, en sociale samenhang. De gemeente "
                    "werkt met HEEMwonen, Wonen-Zuid, Impuls, MeanderGroep, bewoners, ondernemers en maatschappelijke "
                    f'organisaties (<a href="{KERKRADE_OR6}">OR6</a>).'
                )
            ],
            "timeline": [
                milestone(
                    "2025-01-01",
                    "year",
                    "De eerste van acht overeenkomsten wordt getekend: Kerkrade-Oost.",
                    "OR6",
                    KERKRADE_OR6,
                )
            ],
            "sources": sources(
                ("OR6, samenwerking start in Kerkrade-Oost", KERKRADE_OR6),
                ("Gemeente Kerkrade", KERKRADE_DE),
                ("Provincie Limburg, Najaarsnota 2025", NAJAARSNOTA),
            ),
        },
    ),
    intentieovereenkomst(
        "Gebiedsaanpak Heerlen-Noord",
        "heerlen-noord",
        "Heerlen-Noord",
        "Heerlen",
        ["GM0917"],
        [("Gemeente Heerlen", "trekker", ""), ("Provincie Limburg", "partner", "")],
        {
            "funding": [
                (
                    "nplv",
                    None,
                    2022,
                    None,
                    "Heerlen-Noord is het enige Limburgse focusgebied van het programma",
                    "Gemeente.nu",
                    NPLV,
                )
            ],
            "results": [
                p(
                    f'Heerlen-Noord heeft 14 buurten en 56.000 inwoners (69% van Heerlen) en een programma van 25 jaar. De Koning bracht er op 21 februari 2024 een werkbezoek (<a href="{HEERLEN_KONING}">Koninklijk Huis</a>).'
                )
            ],
            "key_figures": [
                figure("56000", "inwoners", 2024, "Koninklijk Huis", HEERLEN_KONING),
                figure("14", "buurten", 2024, "Koninklijk Huis", HEERLEN_KONING),
            ],
        },
    ),
    intentieovereenkomst(
        "Gebiedsaanpak Reuver/Offenbeek",
        "reuver-offenbeek",
        "Reuver/Offenbeek",
        "Beesel",
        ["WK088900"],
        [("Gemeente Beesel", "trekker", ""), ("Provincie Limburg", "partner", "")],
    ),
    intentieovereenkomst(
        "Gebiedsaanpak Pottenberg en Nazareth",
        "pottenberg-nazareth",
        "Pottenberg en Nazareth",
        "Maastricht",
        ["GM0935"],
        [("Gemeente Maastricht", "trekker", ""), ("Provincie Limburg", "partner", "")],
    ),
    intentieovereenkomst(
        "Gebiedsaanpak Geleen-Zuid",
        "geleen-zuid",
        "Geleen-Zuid",
        "Sittard-Geleen",
        ["GM1883"],
        [("Gemeente Sittard-Geleen", "trekker", ""), ("Provincie Limburg", "partner", "")],
    ),
    intentieovereenkomst(
        "Gebiedsaanpak Vallisveld",
        "vallisveld",
        "Vallisveld",
        "Vaals",
        ["GM0981"],
        [("Gemeente Vaals", "trekker", ""), ("Provincie Limburg", "partner", "")],
    ),
]

ACCENT_RGB = {
    "blauw": (29, 99, 174),
    "groen": (27, 122, 57),
    "oranje": (178, 77, 14),
    "paars": (118, 70, 181),
    "rood": (200, 32, 44),
    "turkoois": (0, 114, 125),
    "grijs": (95, 107, 120),
}


def illustration(slug, accent):
    """An abstract image of overlapping circles in the theme's colour: no people, no places."""
    from PIL import Image, ImageDraw

    rng = random.Random(slug)
    base = ACCENT_RGB.get(accent, ACCENT_RGB["blauw"])
    canvas = Image.new("RGB", (960, 540), (242, 247, 252))
    draw = ImageDraw.Draw(canvas, "RGBA")
    for _ in range(14):
        x, y, r = rng.randint(-100, 960), rng.randint(-100, 540), rng.randint(60, 260)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*base, rng.randint(40, 140)))
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    return ImageFile(buffer, name=f"illustratie-{slug}.png")


class CaseStudyDemo:
    def __init__(self, log=print):
        self.log = log
        self.nl = Locale.objects.get(language_code="nl")

    @transaction.atomic
    def load(self):
        seed_funding_instruments(Locale, FundingInstrument)
        index = CaseStudyIndexPage.objects.filter(locale=self.nl).first()
        if index is None:
            return
        zuid_limburg = list(
            Place.objects.gemeenten()
            .filter(code__in=corop_gemeente_codes("CR39"))
            .values_list("code", flat=True)
        )
        created = []
        for spec in CASE_STUDIES:
            if CaseStudyPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
                continue
            created.append(self._create(index, spec, zuid_limburg))
        self.link_related(index, created)
        self.load_translations(index)

    @staticmethod
    def link_related(index, created):
        """The areas with a declaration of intent point at the two long-running area
        approaches they can learn from."""
        by_key = {page.translation_key: page for page in CaseStudyPage.objects.child_of(index)}
        nl_keys = dict(
            CaseStudyPage.objects.filter(
                slug__in=["donderberg-roermond", "vastenavondkamp-venlo"],
                locale__language_code="nl",
            ).values_list("slug", "translation_key")
        )
        for page in created:
            if page.status == CaseStudyPage.Status.INTENTIEOVEREENKOMST:
                for order, slug in enumerate(("donderberg-roermond", "vastenavondkamp-venlo")):
                    if (target := by_key.get(nl_keys.get(slug))) is not None:
                        page.related_pages.create(related_page=target, sort_order=order)
                page.save_revision().publish()

    def load_translations(self, index):
        """The English case studies, each the translation of its Dutch original."""
        from casestudies.demo_en import CASE_STUDIES_EN

        en = Locale.objects.filter(language_code="en").first()
        index_en = index.get_translation_or_none(en) if en else None
        if index_en is None:
            return
        created = []
        for spec in CASE_STUDIES:
            original = CaseStudyPage.objects.child_of(index).filter(slug=spec["slug"]).first()
            text = CASE_STUDIES_EN.get(spec["slug"])
            if original is None or text is None or original.has_translation(en):
                continue
            created.append(self._create_translation(original, index_en, spec, text, en))
        self.link_related(index_en, created)

    def _create_translation(self, original, index_en, spec, text, en):
        def relabel(blocks, key, labels, units=None):
            translated = copy.deepcopy(blocks)
            for number, block in enumerate(translated):
                if number < len(labels):
                    block["value"][key] = labels[number]
                if units and number < len(units):
                    block["value"]["unit"] = units[number]
            return translated

        page = CaseStudyPage(
            locale=en,
            translation_key=original.translation_key,
            title=text["title"],
            slug=text["slug"],
            kind=original.kind,
            status=original.status,
            start_year=original.start_year,
            end_year=original.end_year,
            summary=text["summary"],
            introduction=f"<p>{text['introduction']}</p>",
            background=text.get("background", []),
            approach=text.get("approach", []),
            results=text.get("results", []),
            what_did_not_work=text.get("what_did_not_work", []),
            lessons=text.get("lessons", []),
            key_figures=relabel(
                spec.get("key_figures", []), "label", text.get("figures", []), text.get("units")
            ),
            timeline=relabel(spec.get("timeline", []), "text", text.get("milestones", [])),
            sources=spec.get("sources", []),
            last_checked=original.last_checked,
            teaser_image=original.teaser_image,
        )
        commitments = text.get("commitments", [])
        for order, partner in enumerate(original.partners.all()):
            page.partners.add(
                page.partners.model(
                    organisation=partner.organisation.get_translation(en),
                    role=partner.role,
                    commitment=commitments[order] if order < len(commitments) else "",
                    sort_order=order,
                )
            )
        descriptions = text.get("funding", [])
        for order, funding in enumerate(original.funding.all()):
            page.funding.add(
                page.funding.model(
                    instrument=funding.instrument.get_translation(en),
                    amount=funding.amount,
                    start_year=funding.start_year,
                    end_year=funding.end_year,
                    description=descriptions[order] if order < len(descriptions) else "",
                    source_name=funding.source_name,
                    source_url=funding.source_url,
                    sort_order=order,
                )
            )
        index_en.add_child(instance=page)
        page.themes.set(
            Theme.objects.filter(
                locale=en, translation_key__in=original.themes.values("translation_key")
            )
        )
        page.places.set(original.places.all())
        page.tags.set([tag.name for tag in original.tags.all()])
        page.save_revision().publish()
        self.log(f"Case study: {text['title']} (en)")
        return page

    def _create(self, index, spec, zuid_limburg):
        themes = list(Theme.objects.filter(locale=self.nl, slug__in=spec["themes"]))
        page = CaseStudyPage(
            locale=self.nl,
            title=spec["title"],
            slug=spec["slug"],
            kind=spec["kind"],
            status=spec["status"],
            start_year=spec.get("start_year"),
            end_year=spec.get("end_year"),
            summary=spec["summary"],
            introduction=f"<p>{spec['introduction']}</p>",
            background=spec.get("background", []),
            approach=spec.get("approach", []),
            results=spec.get("results", []),
            what_did_not_work=spec.get("what_did_not_work", []),
            lessons=spec.get("lessons", []),
            key_figures=spec.get("key_figures", []),
            timeline=spec.get("timeline", []),
            sources=spec.get("sources", []),
            last_checked=date(2026, 11, 30),
            teaser_image=self._image(
                spec["slug"], themes[0].accent if themes else "blauw", spec["title"]
            ),
        )
        for order, (name, role, commitment) in enumerate(spec.get("partners", [])):
            page.partners.add(
                page.partners.model(
                    organisation=Organisation.objects.get(locale=self.nl, name=name),
                    role=role,
                    commitment=commitment,
                    sort_order=order,
                )
            )
        for order, (instrument, amount, start, end, description, source_name, url) in enumerate(
            spec.get("funding", [])
        ):
            page.funding.add(
                page.funding.model(
                    instrument=FundingInstrument.objects.get(locale=self.nl, slug=instrument),
                    amount=amount,
                    start_year=start,
                    end_year=end,
                    description=description,
                    source_name=source_name,
                    source_url=url,
                    sort_order=order,
                )
            )
        index.add_child(instance=page)
        codes = zuid_limburg if spec["places"] == "zuid-limburg" else spec["places"]
        page.themes.set(themes)
        page.places.set(Place.objects.filter(code__in=codes))
        page.tags.set(spec.get("tags", []))
        page.save_revision().publish()
        self.log(f"Case study: {spec['title']}")
        return page

    def _image(self, slug, accent, title):
        image_title = f"Illustratie {title}"
        image = LimburgImage.objects.filter(title=image_title).first()
        if image is None:
            image = LimburgImage.objects.create(
                title=image_title,
                file=illustration(slug, accent),
                alt_text="Abstracte illustratie van overlappende cirkels",
                credit="Gegenereerde illustratie, Krachtige Gemeenschappen Limburg",
                collection=Collection.get_first_root_node(),
            )
        return image
