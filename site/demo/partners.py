"""Three real partners with a section, a demo editor and one page each.

The pages are written for this platform from the facts (with sources) in
shared/content/programmes.md; they say no more than those sources.
"""

from limburg.demo.pages import heading, paragraph, source_link

KERKRADE_NEWS = "https://de.kerkrade.nl/gebiedsgerichte-aanpak-officieel-van-start"
KERKRADE_OR6 = (
    "https://or6.nl/index.php/lokaalnieuws/vml-nieuws/provincie-pakt-achterstanden-in-limburgse-"
    "probleemwijken-en-dorpen-aan-samenwerking-start-in-kerkrade-oost"
)
ACTIECENTRUM = (
    "https://www.platformmantelzorglimburg.nl/nieuwsarchief/21-9-nieuws-2017/"
    "114-actiecentrum-limburg-positief-gezond-gestart.html"
)
GBT_HEERLEN = (
    "https://heerlen.nieuws.nl/nieuws/85938/uitbreiding-gezonde-basisschool-van-de-toekomst/"
)
GBT_TRENDBREUK = "https://trendbreukzuidlimburg.nl/project/gezonde-basisschool-van-de-toekomst/"

# organisation (as in organisations.py), kind, demo editor's username, the section's
# contact address, and one page in the section (nl, en).
PARTNERS = [
    {
        "name": "Gemeente Kerkrade",
        "kind": "gemeente",
        "username": "partner-kerkrade",
        "themes": ["veiligheid", "wonen"],
        "places": ["GM0928"],
        "nl": {
            "title": "Kerkrade-Oost: de eerste gebiedsaanpak",
            "slug": "kerkrade-oost-eerste-gebiedsaanpak",
            "summary": (
                "In Kerkrade-Oost tekenden provincie en gemeente als eerste van acht een "
                "samenwerkingsovereenkomst. Het programma heet (B)OOST."
            ),
            "body": [
                paragraph(
                    "<p>Kerkrade-Oost was de eerste van de acht gebiedsaanpakken: provincie en "
                    "gemeente Kerkrade tekenden daar als eersten een samenwerkingsovereenkomst. "
                    "Het programma heet (B)OOST.</p>"
                ),
                heading("Wat we willen bereiken"),
                paragraph(
                    "<p>Een veilige, gezonde en sociale wijk. We zoeken doorbraken op armoede en "
                    "laaggeletterdheid, op leefbaarheid en veiligheid, op kansrijk opgroeien van "
                    "jongeren en op de sociale samenhang in de wijk.</p>"
                ),
                heading("Met wie"),
                paragraph(
                    "<p>De gemeente werkt samen met HEEMwonen, Wonen Zuid, Impuls, MeanderGroep, "
                    "bewoners, ondernemers en maatschappelijke organisaties.</p>"
                ),
                paragraph(
                    "<p>Bronnen: "
                    + source_link(KERKRADE_NEWS, "Gemeente Kerkrade, gebiedsgerichte aanpak")
                    + "; "
                    + source_link(KERKRADE_OR6, "OR6, samenwerking start in Kerkrade-Oost")
                    + ".</p>"
                ),
            ],
        },
        "en": {
            "title": "Kerkrade-Oost: the first area-based approach",
            "slug": "kerkrade-oost-first-area-based-approach",
            "summary": (
                "In Kerkrade-Oost the province and the municipality were the first of eight to "
                "sign a cooperation agreement. The programme is called (B)OOST."
            ),
            "body": [
                paragraph(
                    "<p>Kerkrade-Oost was the first of the eight area-based approaches: the "
                    "province and the municipality of Kerkrade were the first to sign a "
                    "cooperation agreement there. The programme is called (B)OOST.</p>"
                ),
                heading("What we want to achieve"),
                paragraph(
                    "<p>A safe, healthy and social neighbourhood. We look for breakthroughs on "
                    "poverty and low literacy, on liveability and safety, on young people growing "
                    "up with good prospects, and on social cohesion.</p>"
                ),
                heading("With whom"),
                paragraph(
                    "<p>The municipality works with HEEMwonen, Wonen Zuid, Impuls, MeanderGroep, "
                    "residents, businesses and social organisations.</p>"
                ),
                paragraph(
                    "<p>Sources: "
                    + source_link(KERKRADE_NEWS, "Municipality of Kerkrade, area-based approach")
                    + "; "
                    + source_link(KERKRADE_OR6, "OR6, cooperation starts in Kerkrade-Oost")
                    + ".</p>"
                ),
            ],
        },
    },
    {
        "name": "GGD Zuid Limburg",
        "kind": "ggd",
        "username": "partner-ggd",
        "themes": ["gezondheid"],
        "places": [],
        "nl": {
            "title": "Positieve gezondheid in Limburg",
            "slug": "positieve-gezondheid-in-limburg",
            "summary": (
                "Sinds 2017 werkt de GGD Zuid Limburg met partners samen in het Actiecentrum "
                "Limburg Positief Gezond."
            ),
            "body": [
                paragraph(
                    "<p>Op 22 september 2017 ging het Actiecentrum Limburg Positief Gezond van "
                    "start. Het is een samenwerking van Zuyd Hogeschool, GGD Limburg-Noord, GGD "
                    "Zuid Limburg en Huis voor de Zorg, met steun van het Institute for Positive "
                    "Health.</p>"
                ),
                paragraph(
                    "<p>De GGD Zuid Limburg ontwikkelde ook de Gezonde Basisschool van de Toekomst "
                    "mee, samen met de provincie, schoolbestuur MOVARE en Maastricht University.</p>"
                ),
                paragraph(
                    "<p>Bronnen: "
                    + source_link(ACTIECENTRUM, "Platform Mantelzorg Limburg, 21 september 2017")
                    + "; "
                    + source_link(GBT_TRENDBREUK, "Trendbreuk Zuid-Limburg")
                    + ".</p>"
                ),
            ],
        },
        "en": {
            "title": "Positive health in Limburg",
            "slug": "positive-health-in-limburg",
            "summary": (
                "Since 2017 GGD Zuid Limburg has worked with partners in the Actiecentrum "
                "Limburg Positief Gezond."
            ),
            "body": [
                paragraph(
                    "<p>The Actiecentrum Limburg Positief Gezond started on 22 September 2017. It "
                    "is a cooperation of Zuyd Hogeschool, GGD Limburg-Noord, GGD Zuid Limburg and "
                    "Huis voor de Zorg, supported by the Institute for Positive Health.</p>"
                ),
                paragraph(
                    "<p>GGD Zuid Limburg also helped develop the Gezonde Basisschool van de "
                    "Toekomst, with the province, school foundation MOVARE and Maastricht "
                    "University.</p>"
                ),
                paragraph(
                    "<p>Sources: "
                    + source_link(ACTIECENTRUM, "Platform Mantelzorg Limburg, 21 September 2017")
                    + "; "
                    + source_link(GBT_TRENDBREUK, "Trendbreuk Zuid-Limburg")
                    + ".</p>"
                ),
            ],
        },
    },
    {
        "name": "Maastricht University",
        "kind": "kennisinstelling",
        "username": "partner-um",
        "themes": ["gezondheid", "leren"],
        "places": ["GM0882", "GM0899"],
        "nl": {
            "title": "Onderzoek naar de Gezonde Basisschool van de Toekomst",
            "slug": "onderzoek-gezonde-basisschool",
            "summary": (
                "Maastricht University onderzocht wat de Gezonde Basisschool van de Toekomst "
                "kinderen na twee jaar oplevert."
            ),
            "body": [
                paragraph(
                    "<p>De Gezonde Basisschool van de Toekomst begon in 2015 op vier scholen in "
                    "Parkstad: drie in Landgraaf en één in Brunssum. Kinderen bewegen een uur "
                    "per dag extra en lunchen samen gezond.</p>"
                ),
                heading("Wat het onderzoek liet zien"),
                paragraph(
                    "<p>Na twee jaar hadden de kinderen een gezonder gewicht, aten en leefden ze "
                    "gezonder en voelden ze zich beter.</p>"
                ),
                paragraph(
                    "<p>Bronnen: "
                    + source_link(GBT_HEERLEN, "Heerlen Nieuws, uitbreiding Gezonde Basisschool")
                    + "; "
                    + source_link(GBT_TRENDBREUK, "Trendbreuk Zuid-Limburg")
                    + ".</p>"
                ),
            ],
        },
        "en": {
            "title": "Research into the Healthy Primary School of the Future",
            "slug": "research-healthy-primary-school",
            "summary": (
                "Maastricht University studied what the Healthy Primary School of the Future "
                "gives children after two years."
            ),
            "body": [
                paragraph(
                    "<p>The Gezonde Basisschool van de Toekomst (Healthy Primary School of the "
                    "Future) began in 2015 at four schools in Parkstad: three in Landgraaf and one "
                    "in Brunssum. Children get an extra hour of exercise a day and share a "
                    "healthy lunch.</p>"
                ),
                heading("What the research showed"),
                paragraph(
                    "<p>After two years the children had a healthier weight, a better diet and "
                    "lifestyle, and felt better.</p>"
                ),
                paragraph(
                    "<p>Sources: "
                    + source_link(GBT_HEERLEN, "Heerlen Nieuws, expansion of the Healthy School")
                    + "; "
                    + source_link(GBT_TRENDBREUK, "Trendbreuk Zuid-Limburg")
                    + ".</p>"
                ),
            ],
        },
    },
]
