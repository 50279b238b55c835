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


@pytest.fixture
def studies(empty_index, make_case_study):
    # Heerlen (a gemeente), Kerkrade-Oost (a wijk of Kerkrade), Maastricht and a
    # province-wide programme; two themes; two funding instruments.
    return {
        "a": make_case_study(
            "Alpha",
            themes=["gezondheid"],
            places=["GM0917"],
            kind="gebiedsaanpak",
            status="lopend",
            start_year=2019,
            instrument="nplv",
        ),
        "b": make_case_study(
            "Bravo",
            themes=["gezondheid", "wonen"],
            places=["WK092801"],
            kind="gebiedsaanpak",
            status="intentieovereenkomst",
            start_year=2025,
            what_did_not_work=[{"type": "paragraph", "value": "<p>Te weinig tijd.</p>"}],
        ),
        "c": make_case_study(
            "Charlie",
            themes=["wonen"],
            places=["GM0935"],
            kind="project",
            status="afgerond",
            start_year=2012,
            end_year=2020,
            instrument="regio-deal",
        ),
        "d": make_case_study(
            "Delta",
            themes=["leren"],
            places=["PV31"],
            kind="programma",
            status="lopend",
            start_year=2015,
            instrument="nplv",
        ),
    }
