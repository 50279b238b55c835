"""English translations of the demo case studies (casestudies/demo.py), written from the same facts.

Per case study: the text fields, and lists that follow the Dutch order for the
key figures' labels, the milestones, the partners' commitments and the funding
descriptions. Names of programmes and organisations stay in Dutch (glossary).
"""

from casestudies.demo import (
    DB_FASE2,
    DB_FASE3,
    DB_KLEUR,
    DB_WOP,
    GBT_2021,
    GBT_HEERLEN,
    GBT_RABO,
    GBT_TRENDBREUK,
    HEERLEN_KONING,
    KERKRADE_OR6,
    KS_PHAROS,
    KS_ROBUUST,
    KS_VERVOLG,
    PG_ACTIECENTRUM,
    PG_TIPS,
    PG_WEEK,
    TRENDBREUK_20,
    TRENDBREUK_BRANDBRIEF,
    TRENDBREUK_CZ,
    TRENDBREUK_GGD,
    TRENDBREUK_OVER,
    VK_CONVENANT,
    VK_KRANT,
    VK_SPARREN,
    p,
)


def declaration_of_intent(title, slug, area, municipality, extra=None):
    study = {
        "title": title,
        "slug": slug,
        "summary": (
            f"In {area}, the municipality of {municipality}, the province and partners work together for many "
            "years on a better neighbourhood. They signed a declaration of intent for it in 2025."
        ),
        "introduction": (
            f"{area} is one of the eight areas for which a declaration of intent was signed in 2025 for an "
            "integrated, long-term area-based approach, with a local alliance willing to invest extra."
        ),
        "background": [
            p(
                "In some Limburg neighbourhoods and villages the problems are so large and complex that they can "
                "only be solved together and over many years: safety, health, learning, work and housing at the "
                "same time. Data and conversations with partners showed where the need is highest."
            )
        ],
        "approach": [
            p(
                "After the declaration of intent the partners work out the approach. They share lessons, "
                "effective interventions and bottlenecks in the programme's learning network."
            )
        ],
        "milestones": ["Declaration of intent signed."],
    }
    study.update(extra or {})
    return study


CASE_STUDIES_EN = {
    "trendbreuk-zuid-limburg": {
        "title": "Trendbreuk Zuid-Limburg",
        "slug": "trendbreuk-zuid-limburg",
        "summary": (
            "People in South Limburg are less healthy than other Dutch people. Municipalities, GGD, province and "
            "partners want to reduce that gap by a quarter by 2030, mainly by letting children grow up healthy "
            "and with good prospects."
        ),
        "introduction": (
            "A joint ambition of the 16 South Limburg municipalities, the GGD, the province and many partners: "
            "to reduce the health gap with the rest of the Netherlands by a quarter by 2030."
        ),
        "background": [
            p(
                "South Limburg scores worse than the national average on labour participation, life expectancy, "
                "lifestyle, youth-care use, educational disadvantage, overweight, teenage pregnancies and child "
                f'poverty (<a href="{TRENDBREUK_GGD}">GGD Zuid Limburg</a>).'
            )
        ],
        "approach": [
            p(
                "The starting points: a focus on youth, strength through cooperation, and making proven "
                "interventions available to everyone. Where effectiveness is not yet proven, it is researched "
                "with the Academische Werkplaats Publieke Gezondheid Limburg and the Kenniswerkplaats Jeugd. The "
                f'vision is set out in the policy paper “Zuid Springt eruit!” (<a href="{TRENDBREUK_OVER}">Trendbreuk</a>).',
                "Building blocks include the Gezonde Basisschool van de Toekomst, Blauwe Zorg, the Ketenaanpak "
                "Kinderen met Overgewicht en Obesitas, Kansrijke Start and Keigezond Limburg.",
            )
        ],
        "results": [
            p(
                "In 2021 the Raad voor Volksgezondheid en Samenleving called Trendbreuk an inspiring example, "
                f'and ministries joined the approach (<a href="{TRENDBREUK_CZ}">CZ, 15 June 2021</a>).'
            )
        ],
        "what_did_not_work": [
            p(
                "The steering group sent Provinciale Staten an urgent letter, fearing reduced provincial support "
                f'in 2023–2027 (<a href="{TRENDBREUK_BRANDBRIEF}">letter</a>). The exploration “Verkenning '
                "Trendbreuk 2.0” calls Trendbreuk a strong brand whose organisation and delivery need further "
                f'development (<a href="{TRENDBREUK_20}">exploration</a>).'
            )
        ],
        "figures": ["South Limburg municipalities take part"],
        "milestones": [
            "Municipalities, GGD, province and partners join forces.",
            "Ministries join the approach.",
        ],
    },
    "kansrijke-start": {
        "title": "Kansrijke Start",
        "slug": "kansrijke-start",
        "summary": (
            "The first 1000 days of a child's life matter greatly for later. Kansrijke Start (Solid Start) brings "
            "care, municipalities and organisations together to help (expectant) parents in time."
        ),
        "introduction": (
            "The national action programme Kansrijke Start (September 2018) focuses on the first 1000 days. In "
            "Limburg, local coalitions work in South Limburg and in North and Central Limburg."
        ),
        "approach": [
            p(
                "Minister De Jonge called South Limburg “the first regional coalition in the country” with this "
                f'approach; Pharos runs the stimulation programme for local coalitions (<a href="{KS_PHAROS}">Nationale Zorggids</a>).',
                "In North and Central Limburg, Robuust is the quartermaster, with the province, Pharos and partners "
                f'(<a href="{KS_ROBUUST}">Robuust</a>). Projects include “Nu niet zwanger” and “Centering Zwangerschap”.',
                "Next steps in the region: preconception care, expanding to 16 local coalitions, a stronger "
                "coordinating role for youth health care and a project lead per sub-region "
                f'(<a href="{KS_VERVOLG}">follow-up approach</a>).',
            )
        ],
        "figures": [
            "municipalities in North and Central Limburg take part",
            "organisations involved (about)",
            "organisations signed the covenant",
        ],
        "milestones": [
            "Start of the national action programme Kansrijke Start.",
            "Kick-off in North and Central Limburg.",
            "Meeting “WIJ GROEIEN”: 1000 days under way.",
        ],
        "commitments": [
            "Runs the stimulation programme for local coalitions.",
            "Quartermaster in North and Central Limburg.",
            "",
        ],
    },
    "gezonde-basisschool-van-de-toekomst": {
        "title": "Gezonde Basisschool van de Toekomst",
        "slug": "gezonde-basisschool-van-de-toekomst",
        "summary": (
            "At these primary schools children get one extra hour of exercise every day and eat a healthy lunch "
            "together. Parents take part from the start."
        ),
        "introduction": (
            "The school day is extended for an extra hour of exercise a day, a shared healthy lunch and "
            "attention to relaxation and lifestyle."
        ),
        "background": [
            p(
                f'The approach was developed by the province with MOVARE, GGD Zuid Limburg and Maastricht University (<a href="{GBT_2021}">Provincie Limburg, 2021</a>).'
            )
        ],
        "approach": [
            p(
                f'It began in 2015 at four schools in Parkstad: three in Landgraaf and one in Brunssum (<a href="{GBT_HEERLEN}">Heerlen Nieuws</a>).'
            )
        ],
        "results": [
            p(
                "Research by Maastricht University: after two years children have a healthier weight, eat and live "
                f'more healthily and feel better (<a href="{GBT_HEERLEN}">Heerlen Nieuws</a>). There are fewer '
                f'conflicts and less bullying in class (<a href="{GBT_RABO}">Parkstad Actueel</a>).',
                f'The approach is listed as a recognised, scientifically founded intervention in the RIVM database (<a href="{GBT_TRENDBREUK}">Trendbreuk</a>).',
            )
        ],
        "lessons": [
            p(
                f'A Stichting GBT, quartermasters and a GGD coordinator support scaling up in 2024–2026; the principles are being translated to secondary schools (<a href="{GBT_TRENDBREUK}">Trendbreuk</a>).'
            )
        ],
        "figures": ["first schools in Parkstad", "Gezonde Basisscholen van de Toekomst in Limburg"],
        "milestones": [
            "Start at four schools in Parkstad.",
            "The Limburg Rabobanks become a partner.",
            "De Letterdoes in Maastricht becomes the 30th Gezonde Basisschool van de Toekomst.",
        ],
        "commitments": ["", "", "", "Research into the effects.", "Partner since 2020."],
        "funding": ["Pilot project as part of the provincial Sociale Agenda"],
    },
    "positieve-gezondheid": {
        "title": "Positieve Gezondheid in Limburg",
        "slug": "positive-health",
        "summary": (
            "Being healthy is more than not being ill. Positieve Gezondheid (Positive Health) looks at how people "
            "adapt and stay in charge themselves. Limburg wants to be the Netherlands' test bed for it."
        ),
        "introduction": (
            "Positieve Gezondheid, developed by Machteld Huber, sees health as the ability to adapt and to take "
            "charge in the face of social, physical and emotional challenges. It has six dimensions."
        ),
        "approach": [
            p(
                "The Actiecentrum Limburg Positief Gezond is a cooperation of Zuyd Hogeschool, GGD Limburg-Noord, "
                f'GGD Zuid Limburg and Huis voor de Zorg, supported by the IPH (<a href="{PG_ACTIECENTRUM}">Platform Mantelzorg Limburg</a>). '
                f'Limburg held the first Week van de Positieve Gezondheid in November 2017 (<a href="{PG_WEEK}">Parkstad Actueel</a>).'
            )
        ],
        "results": [
            p(
                f'A trial in Afferden led to 25% fewer referrals to second-line care; a “Blauwe Zorg in de wijk” pilot ran in four Maastricht neighbourhoods (<a href="{PG_WEEK}">Parkstad Actueel, 2017</a>).'
            )
        ],
        "lessons": [
            p(
                f'The IPH draws tips for provinces from Limburg: spread responsibility widely, involve residents from the start and dare to let go (<a href="{PG_TIPS}">IPH</a>).'
            )
        ],
        "figures": ["fewer referrals to second-line care in the Afferden trial"],
        "milestones": [
            "Machteld Huber founds the Institute for Positive Health.",
            "Start of the Actiecentrum Limburg Positief Gezond.",
            "First Week van de Positieve Gezondheid in Limburg.",
        ],
        "commitments": ["", "Co-founder of the Actiecentrum Limburg Positief Gezond.", "", "", ""],
    },
    "donderberg-roermond": {
        "title": "Neighbourhood development Donderberg, Roermond",
        "slug": "donderberg-roermond",
        "summary": (
            "In the Roermond district of Donderberg, the municipality, housing associations, province and "
            "residents have worked together since 2012 on a safer, more pleasant neighbourhood, with plans "
            "residents submit themselves."
        ),
        "introduction": (
            "The Donderberg district development plan (wijkontwikkelingsplan) has three phases and four main "
            "goals. Phase 3 (2022–2026) starts with a neighbourhood enterprise."
        ),
        "background": [
            p(
                "The plan's goals: fewer and less serious social problems and less feeling of unsafety; current and "
                "new residents like living there; a better economic position of residents; residents feel "
                f'responsible and involved (<a href="{DB_WOP}">Wonen Limburg, 2012</a>).'
            )
        ],
        "approach": [
            p(
                f'Phase 2 (2017–2020) centred on learning and experimenting (<a href="{DB_FASE2}">Donderberg Roermond</a>). '
                "Residents started, among other things, the Donderse Moestuin, a meeting room, a weekly market, the "
                "Woonzorgbrigade/Burenhulp and Dondersgoed Spul.",
                "Through “Kleur je Wijk” residents submit plans; an advisory committee of residents assesses them, "
                f'then the municipal executive decides (<a href="{DB_KLEUR}">Wonen Zuid, 2017</a>).',
            )
        ],
        "results": [
            p(
                f'Renovated so far: the Donderbergweg and many homes in the Sterrenberg and the Componistenbuurt; a Cruyff Court and a meeting room in the Donderie were added (<a href="{DB_FASE3}">Donderberg Roermond</a>).'
            )
        ],
        "lessons": [
            p(
                f'Ideas that work in Donderberg should be rolled out elsewhere too: that was the starting point of phase 2 (<a href="{DB_FASE2}">Donderberg Roermond</a>).'
            )
        ],
        "figures": [
            "inhabitants",
            "nationalities (more than)",
            "homes",
            "of the homes are social rent",
        ],
        "milestones": [
            "The municipal council adopts the district development plan.",
            "The partners sign the cooperation agreement.",
            "Phase 2 begins: learning and experimenting.",
            "Phase 3 begins, with a neighbourhood enterprise.",
            "Declaration of intent with the province for the area-based approach.",
        ],
        "commitments": ["", "", "", "", "In the district team."],
    },
    "vastenavondkamp-venlo": {
        "title": "Integrated approach Vastenavondkamp, Venlo",
        "slug": "vastenavondkamp-venlo",
        "summary": (
            "In the Vastenavondkamp district in Blerick, the municipality, housing associations, schools and the "
            "province work together on safety, health, education and housing. Residents choose projects "
            "themselves with a neighbourhood budget."
        ),
        "introduction": (
            "The integrated approach began in 2019. The 2021–2025 implementation plan totals €22 million. A new "
            "covenant commits the partners for at least 15 years."
        ),
        "approach": [
            p(
                "The focus: feeling safe, health, quality of education, diversity and quality of housing, public "
                f'space and facilities. Residents choose projects through a Buurtbudget (<a href="{VK_KRANT}">Blerickse Krant</a>).',
                "The new covenant covers housing, education, public space, liveability, basic skills and prospects "
                f'for young people (<a href="{VK_CONVENANT}">Openrijk</a>).',
            )
        ],
        "results": [
            p(
                f'With a youth coach, young people planned and funded the Sparrenveldje football pitch, opened on 13 January 2023, with money from the Buurtbudget, the municipality, Woonwenz, Antares and others (<a href="{VK_SPARREN}">Venlo Nieuws</a>).'
            )
        ],
        "figures": [
            "implementation plan 2021–2025",
            "extra contribution of the province to the 2021–2025 implementation plan",
        ],
        "units": ["million euros", "million euros"],
        "milestones": [
            "Start of the integrated approach.",
            "Implementation plan 2021–2025.",
            "Opening of the Sparrenveldje.",
            "Declaration of intent with the province for the area-based approach.",
        ],
        "commitments": [
            "",
            "",
            "",
            "Partner in the covenant.",
            "Primary education.",
            "Secondary education.",
            "",
            "Extra contribution of €2.3 million to the 2021–2025 implementation plan.",
            "Youth coach at the Sparrenveldje.",
        ],
        "funding": [
            "Total of the implementation plan, including €2.3 million extra from the province"
        ],
    },
    "kerkrade-oost": declaration_of_intent(
        "Area-based approach Kerkrade-Oost: (B)OOST",
        "kerkrade-oost",
        "Kerkrade-Oost",
        "Kerkrade",
        {
            "summary": (
                "In Kerkrade-Oost, the municipality, province, housing associations, care and welfare and residents "
                "work together on a safe, healthy and social neighbourhood. It was the first of the eight "
                "area-based approaches."
            ),
            "approach": [
                p(
                    "The programme is called (B)OOST. Breakthroughs are sought on poverty and low literacy, "
                    "liveability and safety, young people growing up with good prospects, and social cohesion. The "
                    "municipality works with HEEMwonen, Wonen-Zuid, Impuls, MeanderGroep, residents, businesses and "
                    f'social organisations (<a href="{KERKRADE_OR6}">OR6</a>).'
                )
            ],
            "milestones": ["The first of eight agreements is signed: Kerkrade-Oost."],
        },
    ),
    "heerlen-noord": declaration_of_intent(
        "Area-based approach Heerlen-Noord",
        "heerlen-noord",
        "Heerlen-Noord",
        "Heerlen",
        {
            "results": [
                p(
                    f'Heerlen-Noord has 14 neighbourhoods and 56,000 inhabitants (69% of Heerlen) and a 25-year programme. The King made a working visit on 21 February 2024 (<a href="{HEERLEN_KONING}">Koninklijk Huis</a>).'
                )
            ],
            "figures": ["inhabitants", "neighbourhoods"],
            "funding": ["Heerlen-Noord is the programme's only focus area in Limburg"],
        },
    ),
    "reuver-offenbeek": declaration_of_intent(
        "Area-based approach Reuver/Offenbeek", "reuver-offenbeek", "Reuver/Offenbeek", "Beesel"
    ),
    "pottenberg-nazareth": declaration_of_intent(
        "Area-based approach Pottenberg and Nazareth",
        "pottenberg-nazareth",
        "Pottenberg and Nazareth",
        "Maastricht",
    ),
    "geleen-zuid": declaration_of_intent(
        "Area-based approach Geleen-Zuid", "geleen-zuid", "Geleen-Zuid", "Sittard-Geleen"
    ),
    "vallisveld": declaration_of_intent(
        "Area-based approach Vallisveld", "vallisveld", "Vallisveld", "Vaals"
    ),
}
