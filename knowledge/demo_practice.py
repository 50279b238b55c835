"""Demo deals, interventions and theme dossiers, from shared/content/programmes.md only.

Amounts, dates and terms are the sourced ones; a missing amount stays empty. Places are
set only where the facts name them (the seven Parkstad gemeenten are not named, so the
Parkstad deals carry none). Each page lists its sources.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from wagtail.models import Locale, Page

from knowledge.models import (
    DealKind,
    InterventionIndexPage,
    InterventionPage,
    ThemeDossierIndexPage,
    ThemeDossierPage,
    VillageDealIndexPage,
    VillageDealPage,
)
from knowledge.vocabulary import seed_deal_kinds
from limburg.demo.regions import corop_gemeente_codes
from limburg.models import Organisation, Place, Theme

TOWN_DEAL_SOURCES = [
    (
        "Schulinck: eerste Town Deal van start",
        "https://www.schulinck.nl/omgevingsrecht-nieuws-eerste-town-deal-van-start/",
    ),
    (
        "Agenda Stad: Town Deal Sterke Streken verlengd",
        "https://agendastad.nl/town-deal-sterke-streken-verlengd/",
    ),
    (
        "Gemeente.nu: Town Deal, nieuwe samenwerking",
        "https://www.gemeente.nu/bestuur/samenwerking/town-deal-nieuwe-samenwerking-tussen-rijk-en-gemeenten/",
    ),
]
ROUND_4 = "https://www.rijksoverheid.nl/actueel/nieuws/2023/02/17/rijk-investeert-opnieuw-in-regio-284-miljoen-euro-voor-14-nieuwe-regio-deals"
ROUND_5 = "https://www.rijksoverheid.nl/actueel/nieuws/2024/02/09/investeren-in-de-regio-%E2%82%AC-386-4-miljoen-voor-22-nieuwe-regio-deals"
BZK = "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"


def town_deal(gemeente, code, slug_nl, slug_en):
    return {
        "slug": slug_nl,
        "kind": "town-deal",
        "status": "getekend",
        "signed_on": (date(2023, 5, 1), "month"),
        "term": (2023, 2024),
        "places": [code],
        "themes": ["wonen", "werken"],
        "parties": [
            (f"Gemeente {gemeente}", "ondertekenaar", "", None, "", ""),
            (BZK, "ondertekenaar", "", None, "", ""),
        ],
        "milestones": [
            (date(2023, 5, 1), "month", "bereikt", 0, TOWN_DEAL_SOURCES[0]),
            (date(2024, 12, 31), "year", "bereikt", 1, TOWN_DEAL_SOURCES[1]),
        ],
        "sources": TOWN_DEAL_SOURCES,
        "nl": {
            "title": f"Town Deal {gemeente}",
            "summary": (
                f"In mei 2023 tekenden {gemeente} en de minister van Binnenlandse Zaken een Town "
                "Deal: deskundigen van Rijk, provincie en kennisinstellingen werken op het "
                "gemeentehuis mee aan de opgaven van de gemeente."
            ),
            "agreement": (
                f"{gemeente} is een van de vijf gemeenten met een Town Deal ‘Sterke Streken’, samen "
                "met Voerendaal of Beesel, Noardeast-Fryslân, Het Hogeland en Bronckhorst. "
                "Deskundigen van ministeries, provincies, kennisinstellingen en adviesbureaus "
                "werken ter plekke in de gemeente. De aanpak is ontwikkeld met VNG, Platform31, "
                "M50, K80 en P10."
            ).replace(
                "Voerendaal of Beesel", "Beesel" if gemeente == "Voerendaal" else "Voerendaal"
            ),
            "milestones": ["Town Deal getekend", "Looptijd verlengd tot eind 2024"],
        },
        "en": {
            "slug": slug_en,
            "title": f"Town Deal {gemeente}",
            "summary": (
                f"In May 2023 {gemeente} and the Minister of the Interior signed a Town Deal: "
                "experts from central government, the province and knowledge institutions work "
                "at the town hall on the municipality's challenges."
            ),
            "agreement": (
                f"{gemeente} is one of the five municipalities with a ‘Sterke Streken’ Town Deal, "
                "with Voerendaal or Beesel, Noardeast-Fryslân, Het Hogeland and Bronckhorst. "
                "Experts from ministries, provinces, knowledge institutions and consultancies "
                "work on site in the municipality. The approach was developed with VNG, "
                "Platform31, M50, K80 and P10."
            ).replace(
                "Voerendaal or Beesel", "Beesel" if gemeente == "Voerendaal" else "Voerendaal"
            ),
            "milestones": ["Town Deal signed", "Term extended to the end of 2024"],
        },
    }


DEALS = [
    town_deal("Voerendaal", "GM0986", "town-deal-voerendaal", "town-deal-voerendaal"),
    town_deal("Beesel", "GM0889", "town-deal-beesel", "town-deal-beesel"),
    {
        "slug": "regio-deal-parkstad-limburg",
        "kind": "regio-deal",
        "status": "getekend",
        "signed_on": (date(2019, 1, 1), "year"),
        "term": (2019, None),
        "places": [],
        "themes": ["wonen", "werken", "leren"],
        "parties": [
            (
                "Rijksoverheid",
                "financier",
                "",
                Decimal("40000000"),
                "Heerlen Nieuws: Rijksoverheid en provincie steken 80 miljoen in Parkstad-deal",
                "https://heerlen.nieuws.nl/nieuws/81171/rijksoverheid-provincie-parkstad-deal-80-miljoen/",
            ),
            ("Provincie Limburg", "financier", "", None, "", ""),
        ],
        "milestones": [
            (
                date(2019, 1, 1),
                "year",
                "bereikt",
                0,
                (
                    "Heerlen Nieuws",
                    "https://heerlen.nieuws.nl/nieuws/81171/rijksoverheid-provincie-parkstad-deal-80-miljoen/",
                ),
            ),
            (
                date(2021, 1, 21),
                "day",
                "bereikt",
                1,
                (
                    "Parkstad Actueel, 21 januari 2021",
                    "http://parkstadactueel.nl/2021/01/21/enthousiasme-om-door-te-gaan-met-de-regio-deals/",
                ),
            ),
        ],
        "sources": [
            (
                "Heerlen Nieuws: 80 miljoen voor Parkstad",
                "https://heerlen.nieuws.nl/nieuws/81171/rijksoverheid-provincie-parkstad-deal-80-miljoen/",
            ),
            (
                "BTM Parkstad: de kernpunten en cijfers",
                "https://www.btmparkstadlimburg.nl/regionaal-nieuws/regio-deal-parkstad-limburg-2023-2025-de-kernpunten-en-cijfers-van-de-propositie-aan-het-rijk-in-een-overzicht/",
            ),
            ("RIGO: monitor Regio Deal Parkstad", "https://www.rigo.nl/12425-2/"),
            (
                "Parkstad Actueel, januari 2021",
                "http://parkstadactueel.nl/2021/01/21/enthousiasme-om-door-te-gaan-met-de-regio-deals/",
            ),
        ],
        "nl": {
            "title": "Regio Deal Parkstad Limburg",
            "summary": (
                "Rijk, regio en provincie investeerden vanaf 2019 samen € 80 miljoen om Parkstad "
                "op het niveau van het Limburgse gemiddelde te brengen."
            ),
            "agreement": (
                "Het Rijk draagt € 40 miljoen bij; regio en provincie samen ook € 40 miljoen. Het "
                "doel: Parkstad naar het Limburgse gemiddelde brengen. RIGO bouwde een monitor om "
                "de voortgang te volgen."
            ),
            "party_commitments": ["", "Samen met de regio € 40 miljoen."],
            "milestones": [
                "Regio Deal van € 80 miljoen afgesproken",
                "Bericht: de deal trok naar verluidt meer dan een half miljard euro aan investeringen aan",
            ],
        },
        "en": {
            "slug": "region-deal-parkstad-limburg",
            "title": "Region Deal Parkstad Limburg",
            "summary": (
                "From 2019 the national government, the region and the province invested €80 "
                "million together to bring Parkstad up to the Limburg average."
            ),
            "agreement": (
                "The national government contributes €40 million; the region and the province "
                "together also €40 million. The goal: bring Parkstad up to the Limburg average. "
                "RIGO built a monitor to follow progress."
            ),
            "party_commitments": ["", "Together with the region €40 million."],
            "milestones": [
                "Region Deal of €80 million agreed",
                "Report: the deal is said to have leveraged more than half a billion euros of investment",
            ],
        },
    },
    {
        "slug": "regio-deal-parkstad-limburg-ii",
        "kind": "regio-deal",
        "status": "in-voorbereiding",
        "signed_on": None,
        "term": (None, None),
        "places": [],
        "themes": ["wonen", "werken"],
        "parties": [
            (
                "Rijksoverheid",
                "financier",
                "",
                Decimal("25000000"),
                "Rijksoverheid, 17 februari 2023",
                ROUND_4,
            ),
        ],
        "milestones": [(date(2023, 2, 17), "day", "bereikt", 0, ("Rijksoverheid", ROUND_4))],
        "sources": [
            ("Rijksoverheid: 14 nieuwe Regio Deals (februari 2023)", ROUND_4),
            (
                "Elke regio telt: Parkstad Limburg 2",
                "https://www.elkeregiotelt.nl/alle-regio-deals/parkstad-limburg-2",
            ),
        ],
        "nl": {
            "title": "Regio Deal Parkstad Limburg II",
            "summary": (
                "Een tweede Regio Deal voor Parkstad: 7 gemeenten en 256.000 inwoners die nog de "
                "gevolgen van de mijnsluiting voelen. Het Rijk trok er in 2023 € 25 miljoen voor uit."
            ),
            "agreement": (
                "In de vierde ronde van de Regio Deals (februari 2023) kende het Rijk € 25 miljoen "
                "toe aan Parkstad Limburg. De stand op deze pagina is die van die bron."
            ),
            "party_commitments": [""],
            "milestones": ["Rijk kent € 25 miljoen toe in de vierde ronde"],
        },
        "en": {
            "slug": "region-deal-parkstad-limburg-ii",
            "title": "Region Deal Parkstad Limburg II",
            "summary": (
                "A second Region Deal for Parkstad: 7 municipalities and 256,000 inhabitants still "
                "feeling the after-effects of the mine closures. In 2023 the national government "
                "set aside €25 million for it."
            ),
            "agreement": (
                "In the fourth round of Region Deals (February 2023) the national government "
                "awarded €25 million to Parkstad Limburg. This page shows the state that source gives."
            ),
            "party_commitments": [""],
            "milestones": ["National government awards €25 million in the fourth round"],
        },
    },
    {
        "slug": "regio-deal-zuid-limburg",
        "kind": "regio-deal",
        "status": "in-voorbereiding",
        "signed_on": None,
        "term": (None, None),
        "places": "CR39",
        "themes": ["gezondheid", "werken"],
        "parties": [
            (
                "Rijksoverheid",
                "financier",
                "",
                Decimal("20000000"),
                "Rijksoverheid, 17 februari 2023",
                ROUND_4,
            ),
        ],
        "milestones": [(date(2023, 2, 17), "day", "bereikt", 0, ("Rijksoverheid", ROUND_4))],
        "sources": [("Rijksoverheid: 14 nieuwe Regio Deals (februari 2023)", ROUND_4)],
        "nl": {
            "title": "Regio Deal Zuid-Limburg: InGenieus, Groen en Gezond",
            "summary": (
                "Een Regio Deal voor heel Zuid-Limburg onder de naam ‘InGenieus, Groen en "
                "Gezond’. Het Rijk kende er in februari 2023 € 20 miljoen aan toe."
            ),
            "agreement": (
                "In de vierde ronde van de Regio Deals (februari 2023) kreeg Zuid-Limburg € 20 "
                "miljoen van het Rijk voor ‘InGenieus, Groen en Gezond’."
            ),
            "party_commitments": [""],
            "milestones": ["Rijk kent € 20 miljoen toe in de vierde ronde"],
        },
        "en": {
            "slug": "region-deal-south-limburg",
            "title": "Region Deal South Limburg: InGenieus, Groen en Gezond",
            "summary": (
                "A Region Deal for the whole of South Limburg under the name ‘InGenieus, Groen en "
                "Gezond’. The national government awarded €20 million to it in February 2023."
            ),
            "agreement": (
                "In the fourth round of Region Deals (February 2023) South Limburg received €20 "
                "million from the national government for ‘InGenieus, Groen en Gezond’."
            ),
            "party_commitments": [""],
            "milestones": ["National government awards €20 million in the fourth round"],
        },
    },
    {
        "slug": "regio-deal-noord-limburg",
        "kind": "regio-deal",
        "status": "in-uitvoering",
        "signed_on": None,
        "term": (None, None),
        "places": "CR37",
        "themes": ["gezondheid", "veiligheid", "werken"],
        "parties": [
            (
                "Rijksoverheid",
                "financier",
                "",
                Decimal("17500000"),
                "Afferden-Limburg: Regio Deal Noord-Limburg",
                "https://afferden-limburg.nl/regio-deal-noord-limburg-grote-impuls-voor-een-gezond-ondernemend-en-veilig-noord-limburg/",
            ),
            ("Provincie Limburg", "financier", "", None, "", ""),
        ],
        "milestones": [
            (date(2024, 2, 9), "day", "bereikt", 0, ("Rijksoverheid, 9 februari 2024", ROUND_5)),
        ],
        "sources": [
            (
                "Afferden-Limburg: Regio Deal Noord-Limburg",
                "https://afferden-limburg.nl/regio-deal-noord-limburg-grote-impuls-voor-een-gezond-ondernemend-en-veilig-noord-limburg/",
            ),
            (
                "RN-L: Regio Deal Noord-Limburg",
                "https://rn-l.nl/subsidie/regio-deal-noord-limburg/",
            ),
            ("Rijksoverheid: 22 nieuwe Regio Deals (februari 2024)", ROUND_5),
        ],
        "nl": {
            "title": "Regio Deal Noord-Limburg: op weg naar de gezondste regio",
            "summary": (
                "Rijk, provincie en regio investeren in een gezond, ondernemend en veilig "
                "Noord-Limburg, met ‘Vitale gemeenschappen & positieve gezondheid’ als een van de "
                "vier thema's."
            ),
            "agreement": (
                "De eerste Regio Deal Noord-Limburg kreeg € 17,5 miljoen van het Rijk, met "
                "evenveel van provincie en regio; bij de start waren er 18 projecten en € 58 "
                "miljoen aan investeringen. Thema's waren onder meer de landbouw van de toekomst, "
                "gezondheid en preventie, de aanpak van ondermijning en grensoverschrijdend "
                "ondernemen. In februari 2024 kwam er € 10 miljoen bij in de vijfde ronde."
            ),
            "party_commitments": ["", "Evenveel als het Rijk, samen met de regio."],
            "milestones": ["Rijk kent nog eens € 10 miljoen toe in de vijfde ronde"],
        },
        "en": {
            "slug": "region-deal-north-limburg",
            "title": "Region Deal North Limburg: towards the healthiest region",
            "summary": (
                "The national government, the province and the region invest in a healthy, "
                "enterprising and safe North Limburg, with ‘Vital communities & positive health’ "
                "as one of four themes."
            ),
            "agreement": (
                "The first Region Deal North Limburg received €17.5 million from the national "
                "government, matched by the province and the region; at the start there were 18 "
                "projects and €58 million of investment. Themes included future farming, health "
                "and prevention, fighting organised crime and cross-border business. In February "
                "2024 another €10 million followed in the fifth round."
            ),
            "party_commitments": ["", "Matching the national government, with the region."],
            "milestones": ["National government awards another €10 million in the fifth round"],
        },
    },
    {
        "slug": "regio-deal-midden-limburg",
        "kind": "regio-deal",
        "status": "in-uitvoering",
        "signed_on": (date(2024, 11, 14), "day"),
        "term": (2025, 2028),
        "places": "CR38",
        "themes": ["wonen", "leren", "werken"],
        "parties": [
            (
                "Rijksoverheid",
                "financier",
                "",
                Decimal("20000000"),
                "Rijksoverheid, 9 februari 2024",
                ROUND_5,
            ),
        ],
        "milestones": [
            (date(2024, 2, 9), "day", "bereikt", 0, ("Rijksoverheid", ROUND_5)),
            (
                date(2024, 11, 14),
                "day",
                "bereikt",
                1,
                (
                    "Staatscourant 2025, 1142",
                    "https://zoek.officielebekendmakingen.nl/stcrt-2025-1142.html",
                ),
            ),
        ],
        "sources": [
            ("Rijksoverheid: 22 nieuwe Regio Deals (februari 2024)", ROUND_5),
            (
                "Staatscourant 2025, 1142",
                "https://zoek.officielebekendmakingen.nl/stcrt-2025-1142.html",
            ),
            (
                "Samenwerking Midden-Limburg: stand van zaken",
                "https://samenwerkingmiddenlimburg.nl/regiodeal-de-stand-van-zaken/",
            ),
        ],
        "nl": {
            "title": "Regio Deal Midden-Limburg",
            "summary": (
                "Van 2025 tot en met 2028 werken Rijk en regio in Midden-Limburg aan "
                "leefbaarheid, landschap en klimaat, en economie, onderwijs en arbeidsmarkt."
            ),
            "agreement": (
                "Het Rijk kende in februari 2024 € 20 miljoen toe. Het convenant is gedateerd 14 "
                "november 2024 en staat in de Staatscourant (2025, 1142). Drie thema's: "
                "Leefbaarheid; Landschap & Klimaatadaptatie; Economie, Onderwijs & "
                "Arbeidsmarkt. Het Regiodeal-bureau zit in Weert; directeur is John Slots."
            ),
            "party_commitments": [""],
            "milestones": [
                "Rijk kent € 20 miljoen toe in de vijfde ronde",
                "Convenant gedateerd, later gepubliceerd in de Staatscourant",
            ],
        },
        "en": {
            "slug": "region-deal-central-limburg",
            "title": "Region Deal Central Limburg",
            "summary": (
                "From 2025 to 2028 the national government and the region work in Central "
                "Limburg on liveability, landscape and climate, and the economy, education and "
                "the labour market."
            ),
            "agreement": (
                "The national government awarded €20 million in February 2024. The covenant is "
                "dated 14 November 2024 and published in the Government Gazette (2025, 1142). "
                "Three themes: Liveability; Landscape & Climate adaptation; Economy, Education & "
                "Labour market. The Region Deal office is in Weert; its director is John Slots."
            ),
            "party_commitments": [""],
            "milestones": [
                "National government awards €20 million in the fifth round",
                "Covenant dated, later published in the Government Gazette",
            ],
        },
    },
]

INTERVENTIONS = [
    {
        "slug": "gezonde-basisschool-van-de-toekomst",
        "places": ["GM0882", "GM0899", "GM0935"],
        "themes": ["gezondheid", "leren"],
        "case_studies": ["gezonde-basisschool-van-de-toekomst"],
        "sources": [
            (
                "Trendbreuk: Gezonde Basisschool van de Toekomst",
                "https://trendbreukzuidlimburg.nl/project/gezonde-basisschool-van-de-toekomst/",
            ),
            (
                "GGD Zuid Limburg: Gezonde Basisschool van de Toekomst",
                "https://www.ggdzl.nl/professionals/advisering-gemeenten/trendbreuk/gezonde-basisschool-van-de-toekomst/",
            ),
            (
                "Heerlen Nieuws: uitbreiding",
                "https://heerlen.nieuws.nl/nieuws/85938/uitbreiding-gezonde-basisschool-van-de-toekomst/",
            ),
            (
                "Provincie Limburg: 30 gezonde basisscholen (mei 2024)",
                "https://www.limburg.nl/actueel/nieuws/nieuwsberichten/2024/mei/viering-mijlpaal-30-gezonde-basisscholen/",
            ),
        ],
        "nl": {
            "title": "Gezonde Basisschool van de Toekomst",
            "summary": (
                "Een langere schooldag met elke dag een uur extra bewegen, een gezonde lunch op "
                "school en aandacht voor ontspanning. Ouders doen vanaf het begin mee."
            ),
            "goal": "Kinderen gezonder laten opgroeien: gezonder gewicht, gezonder eten en leven, en zich beter voelen.",
            "target_group": "Kinderen op de basisschool en hun ouders.",
            "approach": (
                "De schooldag wordt langer, zodat er elke dag een uur extra bewogen wordt. Kinderen "
                "lunchen samen gezond op school, volgens de richtlijnen van het Voedingscentrum. Er "
                "is aandacht voor ontspanning en leefstijl. Ouders zijn vanaf het begin betrokken."
            ),
            "evidence": (
                "Onderzoek van de Universiteit Maastricht: na twee jaar hebben kinderen een "
                "gezonder gewicht, eten en leven ze gezonder en voelen ze zich beter. Scholen "
                "melden minder conflicten en minder pesten. Volgens Trendbreuk staat de aanpak als "
                "wetenschappelijk bewezen, erkende interventie in de databank van het RIVM; het "
                "niveau en de datum van die beoordeling staan niet in onze bronnen, daarom is de "
                "erkenning hieronder niet ingevuld."
            ),
        },
        "en": {
            "slug": "healthy-primary-school-of-the-future",
            "title": "Healthy Primary School of the Future",
            "summary": (
                "A longer school day with an extra hour of exercise every day, a healthy lunch at "
                "school and attention to relaxation. Parents take part from the start."
            ),
            "goal": "Let children grow up healthier: a healthier weight, a healthier diet and lifestyle, and feeling better.",
            "target_group": "Primary school children and their parents.",
            "approach": (
                "The school day is longer, so there is an extra hour of exercise every day. "
                "Children have a healthy lunch together at school, following the rules of the "
                "Netherlands Nutrition Centre. There is attention to relaxation and lifestyle. "
                "Parents are involved from the start."
            ),
            "evidence": (
                "Maastricht University research: after two years children have a healthier "
                "weight, a better diet and lifestyle, and feel better. Schools report fewer "
                "conflicts and less bullying. According to Trendbreuk the approach is listed as a "
                "scientifically proven, recognised intervention in the RIVM database; the level "
                "and date of that judgement are not in our sources, so the recognition below is "
                "left empty."
            ),
        },
    },
    {
        "slug": "kansrijke-start",
        "places": ["PV31"],
        "themes": ["gezondheid"],
        "case_studies": ["kansrijke-start"],
        "sources": [
            (
                "Trendbreuk: vervolgaanpak Kansrijke Start",
                "https://trendbreukzuidlimburg.nl/project/vervolgaanpak-kansrijke-start/",
            ),
            (
                "Midden-Limburg Actueel: 1000 dagen onderweg",
                "https://middenlimburgactueel.nl/2022/11/25/kansrijke-start-noord-en-midden-limburg-1000-dagen-onderweg/",
            ),
        ],
        "nl": {
            "title": "Kansrijke Start",
            "summary": (
                "Een goede start in de eerste 1000 dagen van een kind, van de zwangerschap tot "
                "het tweede jaar. Lokale coalities zorgen dat hulp er op tijd is."
            ),
            "goal": "Kinderen een goede start geven: de eerste 1000 dagen zijn bepalend voor de lichamelijke en geestelijke gezondheid later.",
            "target_group": (
                "(Aanstaande) ouders en hun jonge kinderen, vooral in een kwetsbare situatie: dat "
                "geldt voor 15 tot 20 procent van de zwangere vrouwen in Nederland."
            ),
            "approach": (
                "Gemeenten vormen lokale coalities van zorg, welzijn en jeugdgezondheidszorg. In "
                "Zuid-Limburg horen daarbij zorg vóór de zwangerschap, uitbreiding naar 16 lokale "
                "coalities, een coördinerende rol voor de jeugdgezondheidszorg en een "
                "projectleider per subregio, naar het voorbeeld van Parkstad. Projecten zijn "
                "onder meer ‘Nu niet zwanger’ en ‘Centering Zwangerschap’."
            ),
            "evidence": "",
        },
        "en": {
            "slug": "kansrijke-start",
            "title": "Kansrijke Start (A Promising Start)",
            "summary": (
                "A good start in a child's first 1000 days, from pregnancy to the second year. "
                "Local coalitions make sure help comes in time."
            ),
            "goal": "Give children a good start: the first 1000 days shape physical and mental health later in life.",
            "target_group": (
                "(Expectant) parents and their young children, especially in a vulnerable "
                "situation: that is the case for 15 to 20 percent of pregnant women in the "
                "Netherlands."
            ),
            "approach": (
                "Municipalities form local coalitions of care, welfare and youth health care. In "
                "South Limburg this includes preconception care, growing to 16 local coalitions, "
                "a coordinating role for youth health care and a project lead per sub-region, "
                "following the Parkstad example. Projects include ‘Nu niet zwanger’ and "
                "‘Centering Zwangerschap’."
            ),
            "evidence": "",
        },
    },
    {
        "slug": "positieve-gezondheid",
        "places": ["PV31"],
        "themes": ["gezondheid"],
        "case_studies": ["positieve-gezondheid"],
        "sources": [
            (
                "In de kern gezond: het ontstaan",
                "https://indekerngezond.nl/positieve-gezondheid/het-ontstaan/",
            ),
            (
                "Parkstad Actueel, november 2017",
                "http://parkstadactueel.nl/2017/11/02/flinke-boost-positieve-gezondheid-limburg/",
            ),
            ("IPH: tips voor provincies", "https://www.iph.nl/kennisbank/tips-voor-provincies/"),
        ],
        "nl": {
            "title": "Positieve Gezondheid",
            "summary": (
                "Gezondheid als het vermogen om je aan te passen en zelf regie te voeren, ook "
                "als het leven tegenzit. Het gesprek gaat over zes dimensies, niet alleen over ziekte."
            ),
            "goal": "Mensen helpen zelf regie te voeren over hun gezondheid en hun leven.",
            "target_group": "Inwoners, en de professionals in zorg en welzijn die met hen werken.",
            "approach": (
                "Arts en onderzoeker Machteld Huber ontwikkelde het concept. Zij verzamelde 566 "
                "indicatoren van gezondheid bij 140 belanghebbenden, bracht die terug tot zes "
                "dimensies (het ‘spinnenweb’) en legde die voor aan bijna 2.000 mensen. Het "
                "gesprek met het spinnenweb staat centraal."
            ),
            "evidence": (
                "Een proef in Afferden leidde tot 25 procent minder verwijzingen naar de tweede "
                "lijn. In vier Maastrichtse wijken liep een pilot ‘Blauwe Zorg in de wijk’."
            ),
        },
        "en": {
            "slug": "positive-health",
            "title": "Positive Health",
            "summary": (
                "Health as the ability to adapt and take charge of your own life, also when life "
                "is hard. The conversation covers six dimensions, not only illness."
            ),
            "goal": "Help people take charge of their own health and life.",
            "target_group": "Residents, and the care and welfare professionals who work with them.",
            "approach": (
                "Physician and researcher Machteld Huber developed the concept. She gathered 566 "
                "health indicators from 140 stakeholders, reduced them to six dimensions (the "
                "‘spider web’) and put those to nearly 2,000 people. The conversation with the "
                "spider web is at the centre."
            ),
            "evidence": (
                "A trial in Afferden led to 25 percent fewer referrals to second-line care. A "
                "‘Blauwe Zorg in de wijk’ pilot ran in four Maastricht neighbourhoods."
            ),
        },
    },
]

# theme slug (nl) → (title nl, introduction nl, title en, introduction en, picks by slug)
DOSSIERS = [
    (
        "veiligheid",
        "Veiligheid",
        "Je veilig voelen op straat en thuis. In de aandachtswijken pakken gemeenten, "
        "corporaties, politie en bewoners overlast, criminaliteit en ondermijning samen aan.",
        "Safety",
        "Feeling safe in the street and at home. In the priority neighbourhoods, municipalities, "
        "housing associations, police and residents tackle nuisance, crime and subversion together.",
        ["donderberg-roermond", "heerlen-noord", "regio-deal-noord-limburg"],
    ),
    (
        "gezondheid",
        "Gezondheid",
        "(Zuid-)Limburgers leven korter en minder gezond dan gemiddeld in Nederland. Hier staat "
        "wat daaraan gedaan wordt, van de eerste 1000 dagen tot de gezonde basisschool.",
        "Health",
        "People in (South) Limburg live shorter and less healthy lives than the Dutch average. "
        "Here is what is being done about it, from the first 1000 days to the healthy primary school.",
        [
            "trendbreuk-zuid-limburg",
            "gezonde-basisschool-van-de-toekomst",
            "op-zoek-naar-de-limburg-factor",
        ],
    ),
    (
        "leren",
        "Leren",
        "Goed onderwijs en kansen om te leren, van jonge kinderen tot volwassenen: scholen, "
        "kinderopvang en gemeenten werken eraan samen.",
        "Learning",
        "Good education and chances to learn, from young children to adults: schools, childcare "
        "and municipalities work on it together.",
        ["gezonde-basisschool-van-de-toekomst", "vastenavondkamp-venlo"],
    ),
    (
        "werken",
        "Werken",
        "Werk geeft inkomen, ritme en contact. Regio Deals en gebiedsaanpakken investeren in "
        "werk en de economie van wijken en regio's.",
        "Work",
        "Work brings income, routine and contact. Region Deals and area-based approaches invest "
        "in work and the economy of neighbourhoods and regions.",
        ["regio-deal-midden-limburg", "regio-deal-parkstad-limburg"],
    ),
    (
        "wonen",
        "Wonen",
        "Goede woningen, straten en voorzieningen, en buren die elkaar kennen. Corporaties, "
        "gemeenten en bewoners werken aan de leefbaarheid van wijken en dorpen.",
        "Housing",
        "Good homes, streets and facilities, and neighbours who know each other. Housing "
        "associations, municipalities and residents work on the liveability of neighbourhoods "
        "and villages.",
        ["vastenavondkamp-venlo", "town-deal-voerendaal", "town-deal-beesel"],
    ),
]


def richtext(text):
    return f"<p>{text}</p>" if text else ""


def sources(pairs):
    return [{"type": "source", "value": {"name": name, "url": url}} for name, url in pairs]


class PracticeDemo:
    def __init__(self, log=print):
        self.log = log
        self.nl = Locale.objects.get(language_code="nl")
        self.en = Locale.objects.filter(language_code="en").first()

    @transaction.atomic
    def load(self):
        # A flushed database (the browser tests) has lost what migrations seeded.
        seed_deal_kinds(Locale, DealKind)
        self.load_pages(VillageDealIndexPage, DEALS, self._deal)
        self.load_pages(InterventionIndexPage, INTERVENTIONS, self._intervention)
        self.load_dossiers()

    def load_pages(self, index_model, specs, build):
        index = index_model.objects.filter(locale=self.nl).first()
        if index is None:
            return
        index_en = index.get_translation_or_none(self.en) if self.en else None
        for spec in specs:
            page = index.get_children().filter(slug=spec["slug"]).first()
            if page is None:
                page = self._add(index, build(spec, self.nl, spec["nl"], spec["slug"]), spec)
            if index_en is not None and not page.has_translation(self.en):
                text = spec["en"]
                translation = build(spec, self.en, text, text["slug"])
                translation.translation_key = page.translation_key
                self._add(index_en, translation, spec)

    def _add(self, index, page, spec):
        locale = page.locale
        index.add_child(instance=page)
        themes_nl = Theme.objects.filter(locale=self.nl, slug__in=spec["themes"])
        page.themes.set(
            Theme.objects.filter(
                locale=locale, translation_key__in=themes_nl.values("translation_key")
            )
        )
        places = spec["places"]
        codes = corop_gemeente_codes(places) if isinstance(places, str) else places
        page.places.set(Place.objects.filter(code__in=codes))
        page.save_revision().publish()
        self.log(f"{page._meta.verbose_name}: {page.title} ({locale.language_code})")
        return page

    def _deal(self, spec, locale, text, slug):
        signed_on, precision = spec["signed_on"] or (None, "day")
        page = VillageDealPage(
            locale=locale,
            title=text["title"],
            slug=slug,
            kind=DealKind.objects.get(
                locale=locale,
                translation_key=DealKind.objects.get(
                    locale=self.nl, slug=spec["kind"]
                ).translation_key,
            ),
            status=spec["status"],
            summary=text["summary"],
            agreement=richtext(text["agreement"]),
            signed_on=signed_on,
            signed_precision=precision,
            term_start_year=spec["term"][0],
            term_end_year=spec["term"][1],
            sources=sources(spec["sources"]),
        )
        commitments = text.get("party_commitments", [])
        for order, (name, role, _commitment, amount, source_name, source_url) in enumerate(
            spec["parties"]
        ):
            page.parties.add(
                page.parties.model(
                    organisation=self._organisation(name, locale),
                    role=role,
                    commitment=commitments[order] if order < len(commitments) else "",
                    amount=amount,
                    source_name=source_name,
                    source_url=source_url,
                    sort_order=order,
                )
            )
        for order, (day, day_precision, status, text_index, (source_name, source_url)) in enumerate(
            spec["milestones"]
        ):
            page.milestones.add(
                page.milestones.model(
                    date=day,
                    precision=day_precision,
                    status=status,
                    text=text["milestones"][text_index],
                    source_name=source_name,
                    source_url=source_url,
                    sort_order=order,
                )
            )
        return page

    def _intervention(self, spec, locale, text, slug):
        page = InterventionPage(
            locale=locale,
            title=text["title"],
            slug=slug,
            summary=text["summary"],
            goal=text["goal"],
            target_group=text["target_group"],
            approach=richtext(text["approach"]),
            evidence=richtext(text["evidence"]),
            sources=sources(spec["sources"]),
        )
        # Case studies by slug, through the page tree: knowledge does not import casestudies.
        for order, case_study in enumerate(
            Page.objects.filter(locale=self.nl, slug__in=spec["case_studies"])
        ):
            page.case_studies.add(page.case_studies.model(case_study=case_study, sort_order=order))
        return page

    def _organisation(self, name, locale):
        original = Organisation.objects.get(locale=self.nl, name=name)
        return original.get_translation_or_none(locale) or original

    def load_dossiers(self):
        index = ThemeDossierIndexPage.objects.filter(locale=self.nl).first()
        if index is None:
            return
        index_en = index.get_translation_or_none(self.en) if self.en else None
        for slug, title, intro, title_en, intro_en, picks in DOSSIERS:
            theme = Theme.objects.get(locale=self.nl, slug=slug)
            page = ThemeDossierPage.objects.child_of(index).filter(slug=slug).first()
            if page is None:
                page = self._dossier(index, theme, title, slug, intro, picks)
            if index_en is not None and not page.has_translation(self.en):
                theme_en = theme.get_translation(self.en)
                translation = self._dossier(
                    index_en, theme_en, title_en, theme_en.slug, intro_en, picks, page
                )
                self.log(f"Dossier: {translation.title} (en)")

    def _dossier(self, index, theme, title, slug, introduction, picks, original=None):
        page = ThemeDossierPage(
            locale=index.locale,
            title=title,
            slug=slug,
            theme=theme,
            introduction=introduction,
            summary=introduction[:300],
        )
        if original is not None:
            page.translation_key = original.translation_key
        chosen = {p.slug: p for p in Page.objects.filter(locale=self.nl, slug__in=picks)}
        for order, pick in enumerate(slug for slug in picks if slug in chosen):
            page.picks.add(page.picks.model(page=chosen[pick], sort_order=order))
        index.add_child(instance=page)
        page.save_revision().publish()
        return page
