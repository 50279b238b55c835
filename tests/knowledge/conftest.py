from datetime import date

import pytest

from knowledge.models import Licence, ResearchIndexPage, ResearchOutputPage
from limburg.models import Organisation, Theme


@pytest.fixture
def research_nl(locale_nl):
    return ResearchIndexPage.objects.get(locale=locale_nl)


@pytest.fixture
def cc_by(locale_nl):
    return Licence.objects.get(locale=locale_nl, spdx_id="CC-BY-4.0")


@pytest.fixture
def make_output(research_nl, locale_nl):
    """Publish a research output under the Dutch research section.

    ``authors`` are (family name, given names, ORCID) triples.
    """

    def make(title, *, themes=("gezondheid",), authors=(), publish=True, **fields):
        fields.setdefault("kind", ResearchOutputPage.Kind.RAPPORT)
        fields.setdefault("summary", f"Samenvatting van {title}.")
        fields.setdefault("publication_date", date(2024, 3, 15))
        page = ResearchOutputPage(title=title, locale=locale_nl, **fields)
        for order, (family, given, orcid) in enumerate(authors):
            page.authors.add(
                page.authors.model(
                    family_name=family, given_names=given, orcid=orcid, sort_order=order
                )
            )
        research_nl.add_child(instance=page)
        page.themes.set(Theme.objects.filter(locale=locale_nl, slug__in=themes))
        if publish:
            page.save_revision().publish()
        else:
            page.live = False
            page.save()
        # Fresh from the database, as the admin would load it (publish() saved a copy).
        return ResearchOutputPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def ggd(locale_nl):
    return Organisation.objects.get(locale=locale_nl, name="GGD Zuid Limburg")
