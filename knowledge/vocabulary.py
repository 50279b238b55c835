"""Editor-managed vocabularies of the knowledge app, seeded once: the licences research
outputs are published under, and the kinds of deal."""

from limburg.vocabulary import seed_translated

# SPDX identifier, URL, name nl, name en. CC BY 4.0 first: the licence open
# access asks for, and the default suggestion to researchers.
LICENCES = [
    (
        "CC-BY-4.0",
        "https://creativecommons.org/licenses/by/4.0/",
        "Creative Commons Naamsvermelding 4.0 Internationaal (CC BY 4.0)",
        "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    ),
    (
        "CC-BY-SA-4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "Creative Commons Naamsvermelding-GelijkDelen 4.0 Internationaal (CC BY-SA 4.0)",
        "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
    ),
    (
        "CC-BY-NC-4.0",
        "https://creativecommons.org/licenses/by-nc/4.0/",
        "Creative Commons Naamsvermelding-NietCommercieel 4.0 Internationaal (CC BY-NC 4.0)",
        "Creative Commons Attribution-NonCommercial 4.0 International (CC BY-NC 4.0)",
    ),
    (
        "CC-BY-NC-ND-4.0",
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        "Creative Commons Naamsvermelding-NietCommercieel-GeenAfgeleideWerken 4.0 "
        "Internationaal (CC BY-NC-ND 4.0)",
        "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International "
        "(CC BY-NC-ND 4.0)",
    ),
    (
        "CC0-1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "Creative Commons Zero 1.0 (CC0, publiek domein)",
        "Creative Commons Zero 1.0 (CC0, public domain)",
    ),
    ("", "", "Alle rechten voorbehouden", "All rights reserved"),
]


def seed_licences(Locale, Licence):
    """Create any missing licence in each content locale; editors keep what they changed."""
    rows = [
        ({"name": name_nl}, {"name": name_en}, {"spdx_id": spdx, "url": url})
        for spdx, url, name_nl, name_en in LICENCES
    ]
    seed_translated(Locale, Licence, rows, lookup="name")


# slug nl, name nl, slug en, name en
DEAL_KINDS = [
    ("dorpsdeal", "Dorpsdeal", "village-deal", "Village deal"),
    ("town-deal", "Town Deal", "town-deal", "Town Deal"),
    ("regio-deal", "Regio Deal", "region-deal", "Region Deal"),
    ("regio-deal-project", "Regio Deal-project", "region-deal-project", "Region Deal project"),
    ("bewonersinitiatief", "Bewonersinitiatief", "residents-initiative", "Residents' initiative"),
]


def seed_deal_kinds(Locale, DealKind):
    """Create any missing kind in each content locale; editors keep what they changed."""
    rows = [
        ({"slug": slug_nl, "name": name_nl}, {"slug": slug_en, "name": name_en}, {})
        for slug_nl, name_nl, slug_en, name_en in DEAL_KINDS
    ]
    seed_translated(Locale, DealKind, rows)
