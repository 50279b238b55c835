"""The real organisations named in shared/content/programmes.md.

Descriptions say only what those sources say about the organisation's part in
the programmes. A website is given only where the sources name it.
"""

# name, kind, website, description nl, description en
ORGANISATIONS = [
    (
        "Provincie Limburg",
        "provincie",
        "https://www.limburg.nl/",
        "Provincie en initiatiefnemer van het programma Krachtige gemeenschappen in wijken en "
        "dorpen. Ziet zichzelf als aanjager en verbinder en investeert mee in de gebiedsaanpakken.",
        "Province and initiator of the programme Krachtige gemeenschappen in wijken en dorpen. "
        "It sees itself as facilitator and connector and co-invests in the area-based approaches.",
    ),
    (
        "Gemeente Beesel",
        "gemeente",
        "",
        "Gemeente met een intentieovereenkomst (2025) voor Reuver/Offenbeek, en een van de "
        "Limburgse gemeenten met een Town Deal (2023).",
        "Municipality with a declaration of intent (2025) for Reuver/Offenbeek, and one of the "
        "Limburg municipalities with a Town Deal (2023).",
    ),
    (
        "Gemeente Heerlen",
        "gemeente",
        "",
        "Gemeente met een intentieovereenkomst (2025) voor Heerlen-Noord, het enige Limburgse "
        "focusgebied van het Nationaal Programma Leefbaarheid en Veiligheid.",
        "Municipality with a declaration of intent (2025) for Heerlen-Noord, the only Limburg "
        "focus area of the National Programme for Liveability and Safety.",
    ),
    (
        "Gemeente Kerkrade",
        "gemeente",
        "https://www.kerkrade.nl/",
        "Gemeente van Kerkrade-Oost, waar de eerste van de acht gebiedsaanpakken werd getekend "
        "(programma (B)OOST).",
        "Municipality of Kerkrade-Oost, where the first of the eight area-based approaches was "
        "signed (programme (B)OOST).",
    ),
    (
        "Gemeente Maastricht",
        "gemeente",
        "",
        "Gemeente met een intentieovereenkomst (2025) voor Pottenberg en Nazareth.",
        "Municipality with a declaration of intent (2025) for Pottenberg and Nazareth.",
    ),
    (
        "Gemeente Roermond",
        "gemeente",
        "",
        "Gemeente van de wijk Donderberg, waar sinds 2012 een wijkontwikkelingsplan loopt met "
        "woningcorporaties en provincie.",
        "Municipality of the Donderberg district, where a district development plan with housing "
        "associations and the province has run since 2012.",
    ),
    (
        "Gemeente Sittard-Geleen",
        "gemeente",
        "",
        "Gemeente met een intentieovereenkomst (2025) voor Geleen-Zuid.",
        "Municipality with a declaration of intent (2025) for Geleen-Zuid.",
    ),
    (
        "Gemeente Vaals",
        "gemeente",
        "",
        "Gemeente met een intentieovereenkomst (2025) voor Vallisveld.",
        "Municipality with a declaration of intent (2025) for Vallisveld.",
    ),
    (
        "Gemeente Venlo",
        "gemeente",
        "",
        "Gemeente van de wijk Vastenavondkamp in Blerick, waar de integrale aanpak in 2019 begon.",
        "Municipality of the Vastenavondkamp district in Blerick, where the integrated approach "
        "began in 2019.",
    ),
    (
        "Gemeente Voerendaal",
        "gemeente",
        "",
        "Een van de Limburgse gemeenten met een Town Deal (2023).",
        "One of the Limburg municipalities with a Town Deal (2023).",
    ),
    (
        "GGD Zuid Limburg",
        "ggd",
        "https://www.ggdzl.nl/",
        "Publieke gezondheidsdienst in Zuid-Limburg; partner in Trendbreuk en in de Gezonde "
        "Basisschool van de Toekomst, en schreef het rapport over de Limburg-factor (2015).",
        "Public health service in South Limburg; partner in Trendbreuk and in the Healthy "
        "Primary School of the Future, and author of the Limburg factor report (2015).",
    ),
    (
        "GGD Limburg-Noord",
        "ggd",
        "",
        "Publieke gezondheidsdienst in Noord- en Midden-Limburg; medeoprichter van het "
        "Actiecentrum Limburg Positief Gezond.",
        "Public health service in North and Central Limburg; co-founder of the Actiecentrum "
        "Limburg Positief Gezond.",
    ),
    (
        "HEEMwonen",
        "woningcorporatie",
        "",
        "Woningcorporatie, partner in de gebiedsaanpak Kerkrade-Oost.",
        "Housing association, partner in the Kerkrade-Oost area-based approach.",
    ),
    (
        "Wonen Zuid",
        "woningcorporatie",
        "http://www.wonen-zuid.eu/",
        "Woningcorporatie, partner in Kerkrade-Oost en in het wijkontwikkelingsplan Donderberg.",
        "Housing association, partner in Kerkrade-Oost and in the Donderberg district "
        "development plan.",
    ),
    (
        "Wonen Limburg",
        "woningcorporatie",
        "http://www.wonenlimburg.nl/",
        "Woningcorporatie, partner in het wijkontwikkelingsplan Donderberg en in het convenant "
        "Vastenavondkamp.",
        "Housing association, partner in the Donderberg district development plan and in the "
        "Vastenavondkamp covenant.",
    ),
    (
        "Woonwenz",
        "woningcorporatie",
        "https://www.woonwenz.nl/",
        "Woningcorporatie in Venlo, medeinitiatiefnemer van de aanpak Vastenavondkamp.",
        "Housing association in Venlo, co-initiator of the Vastenavondkamp approach.",
    ),
    (
        "Antares Woonservice",
        "woningcorporatie",
        "",
        "Woningcorporatie, medeinitiatiefnemer van de aanpak Vastenavondkamp.",
        "Housing association, co-initiator of the Vastenavondkamp approach.",
    ),
    (
        "Impuls",
        "zorg-en-welzijn",
        "",
        "Welzijnsorganisatie, partner in de gebiedsaanpak Kerkrade-Oost.",
        "Welfare organisation, partner in the Kerkrade-Oost area-based approach.",
    ),
    (
        "MeanderGroep",
        "zorg-en-welzijn",
        "",
        "Zorgorganisatie, partner in de gebiedsaanpak Kerkrade-Oost.",
        "Care organisation, partner in the Kerkrade-Oost area-based approach.",
    ),
    (
        "CZ",
        "zorgverzekeraar",
        "https://www.cz.nl/",
        "Zorgverzekeraar; berichtte in 2021 dat ministeries aansloten bij de aanpak van "
        "Trendbreuk.",
        "Health insurer; reported in 2021 that ministries joined the Trendbreuk approach.",
    ),
    (
        "Maastricht UMC+",
        "kennisinstelling",
        "",
        "Academisch ziekenhuis, genoemd als partner in de lokale allianties van de "
        "gebiedsaanpakken.",
        "University hospital, named as a partner in the local alliances of the area-based "
        "approaches.",
    ),
    (
        "Maastricht University",
        "kennisinstelling",
        "",
        "Universiteit; onderzocht de effecten van de Gezonde Basisschool van de Toekomst.",
        "University; researched the effects of the Healthy Primary School of the Future.",
    ),
    (
        "Zuyd Hogeschool",
        "kennisinstelling",
        "",
        "Hogeschool, medeoprichter van het Actiecentrum Limburg Positief Gezond (2017).",
        "University of applied sciences, co-founder of the Actiecentrum Limburg Positief "
        "Gezond (2017).",
    ),
    (
        "Institute for Positive Health",
        "kennisinstelling",
        "https://www.iph.nl/",
        "Instituut van Machteld Huber voor Positieve Gezondheid, opgericht in 2015; sloot een "
        "convenant met de provincie.",
        "Machteld Huber's institute for Positive Health, founded in 2015; signed a covenant "
        "with the province.",
    ),
    (
        "Pharos",
        "kennisinstelling",
        "",
        "Expertisecentrum dat het stimuleringsprogramma voor lokale coalities van Kansrijke "
        "Start uitvoert.",
        "Expertise centre that runs the stimulation programme for local Kansrijke Start "
        "coalitions.",
    ),
    (
        "Robuust",
        "kennisinstelling",
        "https://www.rosrobuust.nl/",
        "Regionale ondersteuningsstructuur; kwartiermaker van Kansrijke Start in Noord- en "
        "Midden-Limburg.",
        "Regional support organisation; quartermaster of Kansrijke Start in North and Central "
        "Limburg.",
    ),
    (
        "MOVARE",
        "onderwijs",
        "",
        "Schoolbestuur; ontwikkelde de Gezonde Basisschool van de Toekomst mee.",
        "School board; co-developed the Healthy Primary School of the Future.",
    ),
    (
        "Kerobei",
        "onderwijs",
        "",
        "Stichting voor primair onderwijs, partner in het convenant Vastenavondkamp.",
        "Primary education foundation, partner in the Vastenavondkamp covenant.",
    ),
    (
        "OGVO",
        "onderwijs",
        "",
        "Stichting voor voortgezet onderwijs, partner in het convenant Vastenavondkamp.",
        "Secondary education foundation, partner in the Vastenavondkamp covenant.",
    ),
    (
        "Stichting Spring Kinderopvang",
        "zorg-en-welzijn",
        "https://www.spring-kinderopvang.nl/",
        "Kinderopvang, partner in het convenant Vastenavondkamp.",
        "Childcare organisation, partner in the Vastenavondkamp covenant.",
    ),
    (
        "Stichting Wel.Kom",
        "zorg-en-welzijn",
        "",
        "Welzijnsorganisatie in het wijkteam van Donderberg.",
        "Welfare organisation in the Donderberg district team.",
    ),
    (
        "Incluzio",
        "zorg-en-welzijn",
        "",
        "Welzijnsorganisatie; een jongerencoach begeleidde het Sparrenveldje in Vastenavondkamp.",
        "Welfare organisation; a youth coach supported the Sparrenveldje pitch in Vastenavondkamp.",
    ),
    (
        "Rabobank Limburg",
        "bedrijf",
        "",
        "De Limburgse Rabobanken werden in 2020 partner van de Gezonde Basisschool van de "
        "Toekomst.",
        "The Limburg Rabobanks became a partner of the Healthy Primary School of the Future in "
        "2020.",
    ),
    (
        "Raad voor Volksgezondheid en Samenleving",
        "kennisinstelling",
        "",
        "Raad die het rapport ‘Een eerlijke kans op gezond leven’ (2021) uitbracht, waarin "
        "Trendbreuk Zuid-Limburg als inspirerend voorbeeld staat.",
        "Council that published the report ‘Een eerlijke kans op gezond leven’ (2021), which "
        "describes Trendbreuk Zuid-Limburg as an inspiring example.",
    ),
    (
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "anders",
        "",
        "Ministerie; de minister tekende in mei 2023 de Town Deals met onder meer Voerendaal en Beesel.",
        "Ministry; in May 2023 the minister signed the Town Deals with, among others, Voerendaal and Beesel.",
    ),
    (
        "Rijksoverheid",
        "anders",
        "https://www.rijksoverheid.nl/",
        "De Nederlandse rijksoverheid; investeert met de Regio Deals samen met regio's in brede welvaart.",
        "The Dutch national government; through the Region Deals it invests in broad prosperity together with regions.",
    ),
]
