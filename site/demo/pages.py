"""The demo page tree, in Dutch with its English translation.

Text written for this platform from the facts (with sources) in
shared/content/programmes.md. Figures appear only with their source.
"""

NAJAARSNOTA = (
    "https://limburg.begrotingsapp.nl/najaarsnota-2025/project/"
    "221-krachtige-gemeenschappen-in-wijken-en-dorpen"
)
JAARSTUKKEN = (
    "https://limburg.begrotingsapp.nl/jaarstukken-2024/project/511-leefbare-steden-en-dorpen"
)
LIMBURG_FACTOR = "https://adoc.pub/op-zoek-naar-de-limburg-factor.html"
LOGIUS = "https://www.logius.nl/actueel/iedereen-kan-op-tijd-voldoen-aan-de-wet-digitale-toegankelijkheid"
LEEF = "https://limburg.begrotingsapp.nl/jaarstukken-2024/project/511-leefbare-steden-en-dorpen"


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def source_link(url, text):
    return f'<a href="{url}">{text}</a>'


HOME = {
    "nl": {
        "title": "Krachtige gemeenschappen in wijken en dorpen",
        "slug": "home",
        "summary": "Kennis over wat werkt in Limburgse wijken en dorpen.",
        "introduction": (
            "In sommige Limburgse wijken en dorpen zijn de problemen zo groot dat één aanpak "
            "niet genoeg is. Bewoners, gemeenten en partners werken daar samen, voor lange tijd, "
            "aan veiligheid, gezondheid, leren, werken en wonen. Op dit platform delen we wat zij "
            "doen en wat zij leren: praktijkvoorbeelden, onderzoek en cijfers over uw wijk of dorp."
        ),
    },
    "en": {
        "title": "Strong communities in neighbourhoods and villages",
        # Home pages are siblings under the tree root, where slugs must differ;
        # a site root's slug never appears in a URL.
        "slug": "home-en",
        "summary": "Knowledge about what works in Limburg's neighbourhoods and villages.",
        "introduction": (
            "In some Limburg neighbourhoods and villages the problems are so large that one "
            "approach is not enough. Residents, municipalities and partners work together there, "
            "for many years, on safety, health, learning, work and housing. On this platform we "
            "share what they do and what they learn: case studies, research and figures about "
            "your neighbourhood or village."
        ),
    },
}

# key, model label, parent key, themes (nl slugs), places (CBS codes), featured, nl, en
PAGES = [
    {
        "key": "case-studies",
        "model": "casestudies.CaseStudyIndexPage",
        "parent": "home",
        "show_in_menus": True,
        "nl": {
            "title": "Praktijkvoorbeelden",
            "slug": "praktijkvoorbeelden",
            "summary": "Wat wijken, dorpen en programma's in Limburg doen, met wie en met welk resultaat.",
            "introduction": (
                "Hoe pakken wijken en dorpen het aan? Hier leest u wat zij doen, met welke "
                "partners, en wat wel en niet werkte."
            ),
        },
        "en": {
            "title": "Case studies",
            "slug": "case-studies",
            "summary": "What neighbourhoods, villages and programmes in Limburg do, with whom and with what result.",
            "introduction": (
                "How do neighbourhoods and villages go about it? Read what they do, with which "
                "partners, and what did and did not work."
            ),
        },
    },
    {
        "key": "themes",
        "model": "knowledge.ThemeDossierIndexPage",
        "parent": "home",
        "show_in_menus": True,
        "nl": {
            "title": "Thema's",
            "slug": "themas",
            "summary": "Veiligheid, gezondheid, leren, werken en wonen: per thema alles wat het platform weet.",
            "introduction": (
                "Het programma werkt aan vijf thema's tegelijk, omdat ze met elkaar samenhangen. "
                "Per thema vindt u praktijkvoorbeelden, onderzoek, deals en interventies."
            ),
        },
        "en": {
            "title": "Themes",
            "slug": "themes",
            "summary": "Safety, health, learning, work and housing: everything the platform knows, per theme.",
            "introduction": (
                "The programme works on five themes at once, because they are connected. For each "
                "theme you find case studies, research, deals and interventions."
            ),
        },
    },
    {
        "key": "areas",
        "model": "knowledge.AreaIndexPage",
        "parent": "home",
        "show_in_menus": True,
        "nl": {
            "title": "Wijken en dorpen in cijfers",
            "slug": "gebieden",
            "summary": "Open data over elke Limburgse gemeente en wijk, naast wat daar gebeurt.",
            "introduction": (
                "Cijfers van het CBS over elke gemeente en wijk in Limburg, met de bron en het jaar. "
                "Bij elk gebied staat ook wat er gebeurt: praktijkvoorbeelden, deals, interventies en "
                "onderzoek."
            ),
        },
        "en": {
            "title": "Neighbourhoods and villages in figures",
            "slug": "areas",
            "summary": "Open data about every Limburg municipality and district, next to what is done there.",
            "introduction": (
                "Figures from Statistics Netherlands (CBS) about every municipality and district in "
                "Limburg, with source and year. Each area also shows what is done there: case studies, "
                "deals, interventions and research."
            ),
        },
    },
    {
        "key": "knowledge",
        "model": "knowledge.KnowledgeIndexPage",
        "parent": "home",
        "show_in_menus": True,
        "nl": {
            "title": "Kennisbank",
            "slug": "kennisbank",
            "summary": "Onderzoek, dorpsdeals, interventies en cijfers over Limburgse wijken en dorpen.",
            "introduction": (
                "Onderzoek, afspraken met dorpen en aanpakken die werken. Onderzoekers, de "
                "provincie en partners publiceren hier wat zij weten."
            ),
        },
        "en": {
            "title": "Knowledge base",
            "slug": "knowledge",
            "summary": "Research, village deals, interventions and figures about Limburg's neighbourhoods and villages.",
            "introduction": (
                "Research, agreements with villages and approaches that work. Researchers, the "
                "province and partners publish what they know here."
            ),
        },
    },
    {
        "key": "research",
        "model": "knowledge.ResearchIndexPage",
        "parent": "knowledge",
        "show_in_menus": True,
        "nl": {
            "title": "Onderzoek",
            "slug": "onderzoek",
            "summary": "Rapporten, artikelen en evaluaties over gezondheid en leefbaarheid in Limburg, met bronvermelding.",
            "introduction": (
                "Onderzoekers, kennisinstellingen en de provincie publiceren hier wat zij over "
                "Limburgse wijken en dorpen weten. Elke publicatie heeft een korte samenvatting in "
                "gewone taal en is te citeren."
            ),
        },
        "en": {
            "title": "Research",
            "slug": "research",
            "summary": "Reports, articles and evaluations about health and liveability in Limburg, with their sources.",
            "introduction": (
                "Researchers, knowledge institutions and the province publish what they know about "
                "Limburg's neighbourhoods and villages here. Every publication has a short summary "
                "in plain language and can be cited."
            ),
        },
    },
    {
        "key": "deals",
        "model": "knowledge.VillageDealIndexPage",
        "parent": "knowledge",
        "show_in_menus": True,
        "nl": {
            "title": "Deals voor dorpen en regio's",
            "slug": "deals",
            "summary": "Town Deals en Regio Deals in Limburg: wie sprak wat af, met welk geld, en hoe staat het ervoor.",
            "introduction": (
                "Gemeenten, provincie en Rijk maken afspraken voor dorpen en regio's. Hier leest u "
                "wie wat afsprak, wat het kost en hoe het ervoor staat."
            ),
        },
        "en": {
            "title": "Deals for villages and regions",
            "slug": "deals",
            "summary": "Town Deals and Region Deals in Limburg: who agreed what, with what money, and how it is going.",
            "introduction": (
                "Municipalities, the province and the national government make agreements for "
                "villages and regions. Read who agreed what, what it costs and how it is going."
            ),
        },
    },
    {
        "key": "interventions",
        "model": "knowledge.InterventionIndexPage",
        "parent": "knowledge",
        "show_in_menus": True,
        "nl": {
            "title": "Interventies",
            "slug": "interventies",
            "summary": "Aanpakken die werken of worden getest, beschreven zoals de Nederlandse interventiedatabanken dat doen.",
            "introduction": (
                "Een interventie is een beschreven aanpak: voor wie, hoe, wat ervoor nodig is en "
                "wat bekend is over het effect."
            ),
        },
        "en": {
            "title": "Interventions",
            "slug": "interventions",
            "summary": "Approaches that work or are being tested, described the way the Dutch intervention databases do.",
            "introduction": (
                "An intervention is a described approach: for whom, how, what it takes and what "
                "is known about its effect."
            ),
        },
    },
    {
        "key": "events",
        "model": "knowledge.EventIndexPage",
        "parent": "knowledge",
        "nl": {
            "title": "Bijeenkomsten",
            "slug": "bijeenkomsten",
            "summary": "Bijeenkomsten van het lerend netwerk: wat eraan komt, en wat er gedeeld is.",
            "introduction": (
                "In het lerend netwerk delen gemeenten, partners en bewoners lessen, interventies "
                "die werken en knelpunten. Hier vindt u de bijeenkomsten, en achteraf het materiaal."
            ),
        },
        "en": {
            "title": "Events",
            "slug": "events",
            "summary": "Meetings of the learning network: what is coming, and what was shared.",
            "introduction": (
                "In the learning network municipalities, partners and residents share lessons, "
                "interventions that work and bottlenecks. Here you find the meetings, and their "
                "materials afterwards."
            ),
        },
    },
    {
        "key": "initiatives",
        "model": "knowledge.InitiativeIndexPage",
        "parent": "knowledge",
        "nl": {
            "title": "Initiatieven",
            "slug": "initiatieven",
            "summary": (
                "Heeft u met buren of met uw vereniging een plan voor uw wijk of dorp? Breng het "
                "hier in: de provincie en sociale fondsen denken mee."
            ),
            "introduction": (
                "De provincie wil initiatieven van bewoners en groepen mogelijk maken, fysiek en "
                "sociaal, en bouwen op wat dorpen en wijken zelf beginnen."
            ),
            "body": [
                heading("Wat is de regeling?"),
                paragraph(
                    "<p>In wijken en dorpen staan voorzieningen onder druk, en juist bewoners "
                    "weten wat nodig is. Het beleid <em>Krachtige gemeenschappen in wijken en "
                    "dorpen</em> kiest daarom voor een regeling voor individuele initiatieven en "
                    "voor groepsinitiatieven, zoals stichtingen en verenigingen. Het kan gaan om "
                    "iets fysieks, zoals een ontmoetingsplek of een groene speelplaats, of om iets "
                    "sociaals, zoals activiteiten of burenhulp. De uitvoering legt de provincie bij "
                    "sociale fondsen, zodat elke euro meer oplevert.</p>"
                ),
                heading("Voor wie?"),
                paragraph(
                    "<ul><li>Bewoners die samen iets willen doen voor hun buurt of dorp.</li>"
                    "<li>Stichtingen en verenigingen, met een KvK-nummer.</li></ul>"
                ),
                heading("Hoe werkt het?"),
                paragraph(
                    "<ol><li>U beschrijft uw initiatief in het formulier: wat, voor wie, waar, "
                    "en wat u nodig heeft (geld, hulp, ruimte of contacten).</li>"
                    "<li>U bevestigt met de link in de e-mail die u krijgt.</li>"
                    "<li>De redactie bekijkt het en verwijst het zo nodig door naar een fonds of "
                    "partner. Bij elke stap krijgt u bericht.</li>"
                    "<li>Met uw toestemming tonen we het initiatief hieronder, en wat ervan "
                    "geleerd is komt als praktijkvoorbeeld in de kennisbank.</li></ol>"
                ),
                paragraph(
                    "<p>Hoe groot de vraag is, liet het Leefbaarheidsfonds van de provincie al "
                    "zien: in 2024 kwamen er 26 aanvragen voor bewonersinitiatieven en 122 voor "
                    "gemeenschapsvoorzieningen of ontmoetingsplekken binnen. Bron: "
                    + source_link(LEEF, "Provincie Limburg, jaarstukken 2024")
                    + ".</p>"
                ),
            ],
        },
        "en": {
            "title": "Initiatives",
            "slug": "initiatives",
            "summary": (
                "Do you and your neighbours or your association have a plan for your wijk or "
                "village? Bring it in here: the province and social funds think along."
            ),
            "introduction": (
                "The province wants to make initiatives of residents and groups possible, "
                "physical and social, and to build on what villages and neighbourhoods start "
                "themselves."
            ),
            "body": [
                heading("What is the scheme?"),
                paragraph(
                    "<p>In neighbourhoods and villages, local facilities are under pressure, and "
                    "residents know best what is needed. The policy <em>Krachtige gemeenschappen "
                    "in wijken en dorpen</em> therefore opts for a scheme for individual "
                    "initiatives and for group initiatives, such as foundations and associations. "
                    "It can be something physical, like a meeting place or a green playground, or "
                    "something social, like activities or neighbours helping each other. The "
                    "province places the implementation with social funds, so that every euro "
                    "achieves more.</p>"
                ),
                heading("For whom?"),
                paragraph(
                    "<ul><li>Residents who want to do something together for their neighbourhood "
                    "or village.</li><li>Foundations and associations, with a KvK (Chamber of "
                    "Commerce) number.</li></ul>"
                ),
                heading("How does it work?"),
                paragraph(
                    "<ol><li>You describe your initiative in the form: what, for whom, where, and "
                    "what you need (money, help, a space or contacts).</li>"
                    "<li>You confirm with the link in the e-mail you receive.</li>"
                    "<li>The editors look at it and, where needed, refer it to a fund or partner. "
                    "You hear from us at every step.</li>"
                    "<li>With your consent we show the initiative below, and what was learnt "
                    "becomes a case study in the knowledge base.</li></ol>"
                ),
                paragraph(
                    "<p>The province's Leefbaarheidsfonds already showed how large the demand is: "
                    "in 2024 it received 26 applications for residents' initiatives and 122 for "
                    "community facilities or meeting places. Source: "
                    + source_link(LEEF, "Provincie Limburg, annual accounts 2024")
                    + ".</p>"
                ),
            ],
        },
    },
    {
        "key": "limburg-factor",
        "model": "limburg.ContentPage",
        "parent": "knowledge",
        "themes": ["gezondheid"],
        "places": ["PV31"],
        "tags": ["Limburg-factor", "gezondheidsachterstand"],
        "featured": True,
        "nl": {
            "title": "De Limburg-factor",
            "slug": "limburg-factor",
            "summary": (
                "Limburgers leven korter dan gemiddeld in Nederland. Een deel daarvan is niet "
                "te verklaren: de Limburg-factor."
            ),
            "body": [
                paragraph(
                    "<p>In 2015 zocht GGD Zuid Limburg, in opdracht van de provincie, uit waarom "
                    "(Zuid-)Limburgers ongezonder zijn dan andere Nederlanders. Zij leven ongeveer "
                    "één jaar korter dan gemiddeld. Er is niet één oorzaak: het gaat om een samenspel "
                    "van factoren.</p>"
                ),
                paragraph(
                    "<p>Het advies: investeer in onderwijs, in steun bij het opvoeden voor alle jonge "
                    "ouders, en in werk. In 2018 volgde een onderzoek naar de Euregio-factor.</p>"
                    f"<p>Bron: {source_link(LIMBURG_FACTOR, 'Op zoek naar de Limburg-factor')}, "
                    "GGD Zuid Limburg, 1 september 2015.</p>"
                ),
            ],
        },
        "en": {
            "title": "The Limburg factor",
            "slug": "limburg-factor",
            "summary": (
                "People in Limburg live shorter lives than the Dutch average. Part of the gap "
                "cannot be explained: the Limburg factor."
            ),
            "body": [
                paragraph(
                    "<p>In 2015 GGD Zuid Limburg, commissioned by the province, looked into why "
                    "people in (South) Limburg are less healthy than other Dutch people. They live "
                    "about one year shorter than average. There is no single cause: it is an "
                    "interplay of factors.</p>"
                ),
                paragraph(
                    "<p>The advice: invest in education, in parenting support for all young "
                    "parents, and in work. A study of the Euregio factor followed in 2018.</p>"
                    f"<p>Source: {source_link(LIMBURG_FACTOR, 'Op zoek naar de Limburg-factor')}, "
                    "GGD Zuid Limburg, 1 September 2015.</p>"
                ),
            ],
        },
    },
    {
        "key": "partners",
        "model": "limburg.PartnerIndexPage",
        "parent": "home",
        "show_in_menus": True,
        "nl": {
            "title": "Partners",
            "slug": "partners",
            "summary": "De organisaties die in het programma samenwerken, en wat zij hier delen.",
            "introduction": (
                "Gemeenten, woningcorporaties, GGD's, zorgverzekeraars, fondsen en kennisinstellingen "
                "werken samen in de wijken en dorpen. Elke partner heeft hier een eigen plek waar zij "
                "hun kennis en ervaringen delen."
            ),
        },
        "en": {
            "title": "Partners",
            "slug": "partners",
            "summary": "The organisations that work together in the programme, and what they share here.",
            "introduction": (
                "Municipalities, housing associations, public health services, health insurers, funds "
                "and knowledge institutions work together in the neighbourhoods and villages. Each "
                "partner has a place of its own here to share its knowledge and experience."
            ),
        },
    },
    {
        "key": "about",
        "model": "limburg.ContentPage",
        "parent": "home",
        "show_in_menus": True,
        "featured": True,
        "themes": ["veiligheid", "gezondheid", "leren", "werken", "wonen"],
        "places": ["PV31"],
        "nl": {
            "title": "Over het programma",
            "slug": "over-het-programma",
            "summary": (
                "Waarom de provincie wijken en dorpen helpt die het zwaar hebben, en hoe zij "
                "dat samen met gemeenten en partners doet."
            ),
            "body": [
                paragraph(
                    "<p>Of het fijn wonen is in een wijk of dorp, hangt af van goede huizen, straten "
                    "en voorzieningen. Maar minstens zo veel van het <em>sociale weefsel</em>: de "
                    "banden tussen bewoners en organisaties.</p>"
                    "<p>In sommige Limburgse wijken zijn de problemen zo groot en ingewikkeld dat "
                    "ze alleen samen en over vele jaren op te lossen zijn. Het gaat dan om "
                    "veiligheid, gezondheid, leren, werken en wonen tegelijk. Ook in dorpen staan "
                    "voorzieningen onder druk.</p>"
                ),
                heading("Acht gebiedsaanpakken"),
                paragraph(
                    "<p>Met cijfers en gesprekken is gekeken waar de nood het hoogst is. In 2025 "
                    "tekenden de provincie en partners intentieovereenkomsten voor acht gebieden: "
                    "Reuver/Offenbeek (Beesel), Heerlen-Noord (Heerlen), Kerkrade-Oost (Kerkrade), "
                    "Pottenberg en Nazareth (Maastricht), Donderberg (Roermond), Geleen-Zuid "
                    "(Sittard-Geleen), Vallisveld (Vaals) en Vastenavondkamp in Blerick (Venlo).</p>"
                    "<p>In elk gebied werkt een alliantie die extra wil investeren: gemeenten, "
                    "woningcorporaties, zorgverzekeraars, MUMC+, zorg en welzijn, onderwijs en "
                    "kennisinstellingen. De provincie jaagt aan en verbindt. Wat werkt en wat "
                    "knelt, delen de partners in een lerend netwerk.</p>"
                    f"<p>Bron: {source_link(NAJAARSNOTA, 'Najaarsnota 2025, 2.2.1')}, Provincie Limburg.</p>"
                ),
                {
                    "type": "key_figures",
                    "value": {
                        "heading": "In cijfers",
                        "figures": [
                            {
                                "value": "8",
                                "unit": "",
                                "label": "gebieden met een intentieovereenkomst",
                                "year": 2025,
                                "source": {
                                    "name": "Provincie Limburg, Najaarsnota 2025",
                                    "url": NAJAARSNOTA,
                                },
                            },
                            {
                                "value": "26",
                                "unit": "",
                                "label": "aanvragen bij het Leefbaarheidsfonds voor bewonersinitiatieven",
                                "year": 2024,
                                "source": {
                                    "name": "Provincie Limburg, Jaarstukken 2024",
                                    "url": JAARSTUKKEN,
                                },
                            },
                            {
                                "value": "122",
                                "unit": "",
                                "label": "aanvragen bij het Leefbaarheidsfonds voor ontmoetingsplekken en voorzieningen",
                                "year": 2024,
                                "source": {
                                    "name": "Provincie Limburg, Jaarstukken 2024",
                                    "url": JAARSTUKKEN,
                                },
                            },
                        ],
                    },
                },
            ],
        },
        "en": {
            "title": "About the programme",
            "slug": "about",
            "summary": (
                "Why the province helps neighbourhoods and villages that are struggling, and how "
                "it does so with municipalities and partners."
            ),
            "body": [
                paragraph(
                    "<p>Whether a neighbourhood or village is a good place to live depends on good "
                    "homes, streets and facilities. But at least as much on the <em>social "
                    "fabric</em>: the ties between residents and organisations.</p>"
                    "<p>In some Limburg neighbourhoods the problems are so large and complex that "
                    "they can only be solved together and over many years. That means safety, "
                    "health, learning, work and housing at the same time. In villages, too, "
                    "facilities are under pressure.</p>"
                ),
                heading("Eight area-based approaches"),
                paragraph(
                    "<p>Data and conversations showed where the need is highest. In 2025 the "
                    "province and partners signed declarations of intent for eight areas: "
                    "Reuver/Offenbeek (Beesel), Heerlen-Noord (Heerlen), Kerkrade-Oost (Kerkrade), "
                    "Pottenberg and Nazareth (Maastricht), Donderberg (Roermond), Geleen-Zuid "
                    "(Sittard-Geleen), Vallisveld (Vaals) and Vastenavondkamp in Blerick (Venlo).</p>"
                    "<p>In each area an alliance willing to invest extra works together: "
                    "municipalities, housing associations, health insurers, MUMC+, care and "
                    "welfare, education and knowledge institutions. The province drives and "
                    "connects. The partners share what works and what gets stuck in a learning "
                    "network.</p>"
                    f"<p>Source: {source_link(NAJAARSNOTA, 'Najaarsnota 2025, 2.2.1')}, Provincie Limburg.</p>"
                ),
                {
                    "type": "key_figures",
                    "value": {
                        "heading": "In figures",
                        "figures": [
                            {
                                "value": "8",
                                "unit": "",
                                "label": "areas with a declaration of intent",
                                "year": 2025,
                                "source": {
                                    "name": "Provincie Limburg, Najaarsnota 2025",
                                    "url": NAJAARSNOTA,
                                },
                            },
                            {
                                "value": "26",
                                "unit": "",
                                "label": "applications to the Leefbaarheidsfonds for residents' initiatives",
                                "year": 2024,
                                "source": {
                                    "name": "Provincie Limburg, Jaarstukken 2024",
                                    "url": JAARSTUKKEN,
                                },
                            },
                            {
                                "value": "122",
                                "unit": "",
                                "label": "applications to the Leefbaarheidsfonds for meeting places and facilities",
                                "year": 2024,
                                "source": {
                                    "name": "Provincie Limburg, Jaarstukken 2024",
                                    "url": JAARSTUKKEN,
                                },
                            },
                        ],
                    },
                },
            ],
        },
    },
    {
        "key": "accessibility",
        "model": "limburg.ContentPage",
        "parent": "about",
        "nl": {
            "title": "Toegankelijkheidsverklaring",
            "slug": "toegankelijkheid",
            "summary": "Iedereen moet deze website kunnen gebruiken. Hier leest u hoe ver we daarmee zijn.",
            "body": [
                paragraph(
                    "<p>Websites van de overheid moeten voldoen aan WCAG 2.1, niveau A en AA, en "
                    "een toegankelijkheidsverklaring publiceren. Dat staat in het Tijdelijk besluit "
                    "digitale toegankelijkheid overheid (sinds 1 juli 2018).</p>"
                    "<p>Wij bouwen dit platform met de componenten van NL Design System en testen "
                    "elke publieke pagina automatisch met axe in een echte browser, ook op een "
                    "smal scherm. Automatische tests vinden niet alles: vóór de lancering volgt "
                    "een onderzoek volgens WCAG-EM door een deskundige partij. Daarna vullen we "
                    "deze verklaring aan met de uitkomst.</p>"
                    f"<p>Bron: {source_link(LOGIUS, 'Logius, wet digitale toegankelijkheid')}.</p>"
                ),
                {
                    "type": "contact",
                    "value": {
                        "name": "Programmateam Krachtige gemeenschappen",
                        "role": "Meld een probleem met de toegankelijkheid",
                        "email": "kennisplatform@example.org",
                        "phone": "",
                        "url": "",
                    },
                },
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility",
            "summary": "Everyone must be able to use this website. Here you can read how far we are.",
            "body": [
                paragraph(
                    "<p>Dutch government websites must meet WCAG 2.1 level A and AA and publish an "
                    "accessibility statement, under the Tijdelijk besluit digitale toegankelijkheid "
                    "overheid (in force since 1 July 2018).</p>"
                    "<p>We build this platform with NL Design System components and test every "
                    "public page automatically with axe in a real browser, also on a narrow screen. "
                    "Automated tests do not find everything: before launch an expert audit "
                    "following WCAG-EM will take place. We will then add its outcome to this "
                    "statement.</p>"
                    f"<p>Source: {source_link(LOGIUS, 'Logius, digital accessibility law')}.</p>"
                ),
                {
                    "type": "contact",
                    "value": {
                        "name": "Programme team Krachtige gemeenschappen",
                        "role": "Report an accessibility problem",
                        "email": "kennisplatform@example.org",
                        "phone": "",
                        "url": "",
                    },
                },
            ],
        },
    },
    {
        "key": "privacy",
        "model": "limburg.ContentPage",
        "parent": "about",
        "nl": {
            "title": "Privacyverklaring",
            "slug": "privacy",
            "summary": "Welke gegevens dit platform bewaart, waarom, en wat uw rechten zijn.",
            "body": [
                paragraph(
                    "<p>Wie dit platform leest, hoeft geen gegevens achter te laten. We gebruiken "
                    "geen advertentie- of volgcookies en laden geen lettertypen of scripts van "
                    "andere partijen.</p>"
                    "<p>Redacteuren van de provincie en van partners hebben een account. Daarvoor "
                    "bewaren we naam, e-mailadres en wat zij bewerken, zolang zij een account "
                    "hebben.</p>"
                    "<p>Meldt u zich aan voor een bijeenkomst, dan bewaren we uw naam, "
                    "e-mailadres en eventueel uw organisatie, tot drie maanden na de bijeenkomst. "
                    "Volgt u thema's, plaatsen of partners per e-mail, dan bewaren we uw "
                    "e-mailadres tot u stopt; een niet-bevestigde aanmelding verwijderen we na een "
                    "week. Met de link in elke e-mail stopt u en verwijdert u uw gegevens.</p>"
                    "<p>Brengt u een initiatief in, dan bewaren we uw naam, e-mailadres, "
                    "telefoonnummer (als u dat geeft), bij een groep de naam en het KvK-nummer van "
                    "de stichting of vereniging, en uw bijlagen. Alleen de redactie van de "
                    "provincie en het fonds of de partner waar het initiatief heen gaat, zien ze. "
                    "Een niet-bevestigd initiatief verwijderen we na een week. Een jaar nadat een "
                    "initiatief is afgewezen of afgerond, verwijderen we uw gegevens en bijlagen; "
                    "op uw verzoek eerder. Wat het initiatief is (zonder wie het indiende) tonen we "
                    "alleen als u daarvoor toestemming gaf.</p>"
                ),
            ],
        },
        "en": {
            "title": "Privacy statement",
            "slug": "privacy",
            "summary": "What data this platform keeps, why, and what your rights are.",
            "body": [
                paragraph(
                    "<p>Reading this platform does not require leaving any data. We use no "
                    "advertising or tracking cookies and load no fonts or scripts from other "
                    "parties.</p>"
                    "<p>Editors of the province and partners have an account. For that we keep "
                    "name, e-mail address and what they edit, for as long as they have an "
                    "account.</p>"
                    "<p>If you register for an event, we keep your name, e-mail address and, if "
                    "given, your organisation until three months after the event. If you follow "
                    "themes, places or partners by e-mail, we keep your e-mail address until you "
                    "stop; an unconfirmed subscription is deleted after a week. The link in every "
                    "e-mail lets you stop and delete your data.</p>"
                    "<p>If you bring in an initiative, we keep your name, e-mail address, phone "
                    "number (if given), for a group the name and KvK number of the foundation or "
                    "association, and your attachments. Only the province's editors and the fund "
                    "or partner the initiative goes to see them. An unconfirmed initiative is "
                    "deleted after a week. A year after an initiative is declined or completed we "
                    "delete your details and attachments; sooner if you ask. What the initiative "
                    "is (without who brought it in) is shown only if you agreed.</p>"
                ),
            ],
        },
    },
]
