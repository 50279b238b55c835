"""Scholarly metadata in a research output's page head, for Google Scholar, Zotero and the like.

Highwire Press ``citation_*`` tags (what Google Scholar's inclusion guidelines
ask for), Dublin Core ``DC.*`` tags, and schema.org JSON-LD.
"""

SCHEMA_TYPES = {
    "artikel": "ScholarlyArticle",
    "rapport": "Report",
    "evaluatie": "Report",
    "factsheet": "Report",
    "proefschrift": "Thesis",
    "dataset": "Dataset",
    "video": "VideoObject",
    "podcast": "PodcastEpisode",
}


def _date(page, separator):
    """The publication date as precise as the source gives it."""
    parts = [f"{page.publication_date.year:04d}"]
    if page.date_precision in ("month", "day"):
        parts.append(f"{page.publication_date.month:02d}")
    if page.date_precision == "day":
        parts.append(f"{page.publication_date.day:02d}")
    return separator.join(parts)


def highwire_tags(page, request):
    tags = [("citation_title", page.title)]
    for author in page.author_list:
        tags.append(
            (
                "citation_author",
                f"{author.family_name}, {author.given_names}"
                if author.given_names
                else author.family_name,
            )
        )
        if author.affiliation_name:
            tags.append(("citation_author_institution", author.affiliation_name))
        if author.orcid:
            tags.append(("citation_author_orcid", author.orcid_url))
    tags.append(("citation_publication_date", _date(page, "/")))
    if page.publisher_id:
        tags.append(("citation_publisher", page.publisher.name))
        if page.kind in ("rapport", "evaluatie", "factsheet"):
            tags.append(("citation_technical_report_institution", page.publisher.name))
        if page.kind == "proefschrift":
            tags.append(("citation_dissertation_institution", page.publisher.name))
    if page.doi:
        tags.append(("citation_doi", page.doi))
    if page.isbn:
        tags.append(("citation_isbn", page.isbn))
    if page.pdf is not None:
        tags.append(("citation_pdf_url", request.build_absolute_uri(page.pdf.url)))
    tags.append(("citation_language", page.language))
    tags.append(("citation_abstract_html_url", page.get_full_url(request)))
    keywords = [theme.name for theme in page.theme_list] + [tag.name for tag in page.tag_list]
    if keywords:
        tags.append(("citation_keywords", "; ".join(keywords)))
    return tags


def dublin_core_tags(page, request):
    tags = [("DC.title", page.title)]
    tags += [("DC.creator", author.name) for author in page.author_list]
    tags.append(("DC.date", _date(page, "-")))
    if page.publisher_id:
        tags.append(("DC.publisher", page.publisher.name))
    tags.append(("DC.language", page.language))
    tags.append(("DC.type", page.get_kind_display()))
    tags.append(("DC.description", page.abstract or page.summary))
    tags.append(("DC.identifier", page.doi_url or page.get_full_url(request)))
    tags += [("DC.subject", theme.name) for theme in page.theme_list]
    if page.licence_id:
        tags.append(("DC.rights", page.licence.url or page.licence.name))
    return tags


def structured_data(page, request):
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[page.kind],
        "name": page.title,
        "headline": page.title,
        "description": page.abstract or page.summary,
        "datePublished": _date(page, "-"),
        "inLanguage": page.language,
        "url": page.get_full_url(request),
        "isAccessibleForFree": True,
        "about": [{"@type": "Thing", "name": theme.name} for theme in page.theme_list],
        "keywords": [tag.name for tag in page.tag_list],
        "spatialCoverage": [
            {"@type": "Place", "name": place.name, "identifier": place.code}
            for place in page.place_list
        ],
        "author": [_person(author) for author in page.author_list],
    }
    if page.subtitle:
        data["alternativeHeadline"] = page.subtitle
    if page.publisher_id:
        data["publisher"] = {"@type": "Organization", "name": page.publisher.name}
        if page.publisher.website:
            data["publisher"]["url"] = page.publisher.website
    if page.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": page.doi}
        data["sameAs"] = page.doi_url
    if page.isbn:
        data["isbn"] = page.isbn
    if page.licence_id and page.licence.url:
        data["license"] = page.licence.url
    if page.version:
        data["version"] = page.version
    if page.number_of_pages:
        data["numberOfPages"] = page.number_of_pages
    if page.pdf is not None:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": request.build_absolute_uri(page.pdf.url),
            "encodingFormat": "application/pdf",
        }
    if page.previous_version_id and page.previous_version.live:
        data["isBasedOn"] = page.previous_version.get_full_url(request)
    return data


def _person(author):
    if author.is_organisation:
        return {"@type": "Organization", "name": author.family_name}
    person = {
        "@type": "Person",
        "name": author.name,
        "givenName": author.given_names,
        "familyName": author.family_name,
    }
    if author.orcid:
        person["identifier"] = author.orcid_url
    if author.affiliation_name:
        person["affiliation"] = {"@type": "Organization", "name": author.affiliation_name}
    return person
