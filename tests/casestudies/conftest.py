import pytest

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, FundingInstrument
from limburg.models import Place, Theme


@pytest.fixture
def index_nl(locale_nl):
    return CaseStudyIndexPage.objects.get(locale=locale_nl)


@pytest.fixture
def make_case_study(index_nl, locale_nl):
    """Publish a case study under the Dutch index with the given themes, places and funding."""

    def make(title, *, themes=("gezondheid",), places=("GM0917",), instrument=None, **fields):
        fields.setdefault("kind", CaseStudyPage.Kind.PROJECT)
        fields.setdefault("status", CaseStudyPage.Status.LOPEND)
        fields.setdefault("summary", f"Samenvatting van {title}.")
        page = CaseStudyPage(title=title, locale=locale_nl, **fields)
        if instrument:
            page.funding.add(
                page.funding.model(
                    instrument=FundingInstrument.objects.get(locale=locale_nl, slug=instrument),
                    source_name="Testbron",
                )
            )
        index_nl.add_child(instance=page)
        page.themes.set(Theme.objects.filter(locale=locale_nl, slug__in=themes))
        page.places.set(Place.objects.filter(code__in=places))
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def empty_index(index_nl):
    """The Dutch index without the demo case studies, for exact counts."""
    for page in CaseStudyPage.objects.child_of(index_nl):
        page.delete()
    return index_nl
