"""Licences research outputs are published under: an editor-managed vocabulary, seeded once."""

import uuid

from django.conf import settings

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
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    nl, en = locales.get("nl"), locales.get("en")
    if nl is None:
        return
    for order, (spdx, url, name_nl, name_en) in enumerate(LICENCES, start=1):
        if Licence.objects.filter(locale=nl, name=name_nl).exists():
            continue
        key = uuid.uuid4()
        common = {"translation_key": key, "spdx_id": spdx, "url": url, "sort_order": order * 10}
        Licence.objects.create(locale=nl, name=name_nl, **common)
        if en is not None and "en" in dict(settings.LANGUAGES):
            Licence.objects.create(locale=en, name=name_en, **common)
