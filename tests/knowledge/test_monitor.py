"""The neighbourhood monitor: the import, area profiles, the need index and the map."""

import csv
import io
import json
import shutil
from decimal import Decimal

from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from knowledge.models import (
    AreaIndexPage,
    Indicator,
    IndicatorValue,
    Initiative,
    VillageDealPage,
)
from knowledge.monitor.importer import import_indicators, load_spec
from knowledge.monitor.need_index import z_scores
from limburg.models import Place, Theme

pytestmark = pytest.mark.django_db

KWB_2024 = "limburg_kwb_2024_gemeenten_wijken.csv"


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def csv_rows(name):
    with open(settings.SHARED_DATA_DIR / name, encoding="utf-8") as file:
        return list(csv.DictReader(file))


@pytest.fixture
def areas(locale_nl):
    return AreaIndexPage.objects.get(locale=locale_nl)


# Import -------------------------------------------------------------------------------------


def test_import_counts_and_values_equal_the_csv():
    rows = csv_rows(KWB_2024)
    values = IndicatorValue.objects.filter(source__key="cbs-85984ned-2024")
    assert values.count() == len(rows) * 6 == 1698
    by_code = {row["code"]: row for row in rows}
    for code in ("GM0917", "WK091710", "GM1954", "WK091711"):
        stored = dict(values.filter(place__code=code).values_list("indicator__code", "value"))
        row = by_code[code]
        assert stored["inwoners"] == Decimal(row["aantal_inwoners"])
        assert stored["woningvoorraad"] == Decimal(row["woningvoorraad"])
        assert stored["bevolkingsdichtheid"] == Decimal(row["bevolkingsdichtheid_inw_per_km2_land"])
    total = sum(Decimal(row["aantal_inwoners"]) for row in rows if row["niveau"] == "gemeente")
    stored_total = sum(
        values.filter(indicator__code="inwoners", place__kind="gemeente").values_list(
            "value", flat=True
        )
    )
    assert stored_total == total


def test_empty_cells_are_missing_values_never_zero():
    rows = csv_rows("limburg_kwb_2019_2020_heerlen_wijken.csv")
    empty = next(row for row in rows if row["code"] == "WK091723" and row["jaar"] == "2019")
    assert empty["gem_woz_waarde_x1000_euro"] == ""
    assert not IndicatorValue.objects.filter(
        place__code="WK091723", year=2019, indicator__code="woz_waarde"
    ).exists()


# Peel en Maas: the 2022 wijk WK189400 became the six 2024 wijken WK189406 … WK189411.
SPLIT_WIJKEN = [f"WK1894{number:02d}" for number in range(6, 12)]


def test_a_wijk_of_an_old_layout_is_not_carried_over():
    assert not Place.objects.filter(code="WK189400").exists()
    assert not IndicatorValue.objects.filter(place__code__in=SPLIT_WIJKEN, year=2022).exists()
    # Its neighbours that kept their code keep their 2022 figures.
    assert IndicatorValue.objects.filter(place__code="WK189401", year=2022).exists()


def test_import_is_idempotent():
    before = IndicatorValue.objects.count()
    call_command("import_indicators", verbosity=0)
    assert IndicatorValue.objects.count() == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda text: text.replace("GM0882,Landgraaf", "GM9999,Nergens", 1),
            "unknown place code 'GM9999'",
        ),
        (lambda text: text.replace(",37112,", ",veel,", 1), "'veel' is not a number"),
        (
            lambda text: text.replace("aantal_inwoners", "inwoners_aantal", 1),
            "missing column(s) aantal_inwoners",
        ),
    ],
)
def test_a_corrupt_file_imports_nothing(tmp_path, change, message):
    for name in {source["file"] for source in load_spec()["sources"]}:
        shutil.copy(settings.SHARED_DATA_DIR / name, tmp_path / name)
    path = tmp_path / KWB_2024
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    IndicatorValue.objects.all().delete()
    with pytest.raises(CommandError) as error:
        call_command("import_indicators", data_dir=str(tmp_path), verbosity=0)
    assert message in str(error.value)
    assert KWB_2024 in str(error.value)
    assert IndicatorValue.objects.count() == 0  # nothing half-imported


def test_the_error_names_the_line(tmp_path):
    for name in {source["file"] for source in load_spec()["sources"]}:
        shutil.copy(settings.SHARED_DATA_DIR / name, tmp_path / name)
    path = tmp_path / KWB_2024
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(lines[3].split(",")[1], "WK000000", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(Exception) as error:
        import_indicators(tmp_path)
    assert f"{KWB_2024}, line 4: unknown place code 'WK000000'" in str(error.value)


# Profiles ------------------------------------------------------------------------------------


def test_every_gemeente_and_wijk_has_a_profile(client, areas):
    soup = parse(client.get(areas.url))
    links = {a["href"] for a in soup.select(".lp-area-list a")}
    assert len(links) == Place.objects.filter(kind__in=["gemeente", "wijk"]).count() == 283


def test_profile_shows_values_with_year_source_and_comparisons(client, areas):
    response = client.get(areas.url + "WK091710-wijk-10-maria-gewanden-en-terschuren/")
    assert response.status_code == 200
    soup = parse(response)
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in soup.select(".lp-figures tbody tr")
    ]
    inwoners_2024 = next(row for row in rows if row[0] == "Inwoners" and row[1] == "2024")
    assert inwoners_2024[2] == "3.915"
    assert inwoners_2024[4] == "87.461"  # Heerlen, as CBS gives it
    total = sum(
        Decimal(r["aantal_inwoners"]) for r in csv_rows(KWB_2024) if r["niveau"] == "gemeente"
    )
    assert inwoners_2024[5] == f"{total:,.0f}".replace(",", ".")  # Limburg, derived (sum)
    assert "CBS 85984NED" in inwoners_2024[6]
    assert soup.select_one(".lp-area__outline path")


def test_profile_url_is_canonical(client, areas):
    response = client.get(areas.url + "gm0917-iets/")
    assert response.status_code == 301
    assert response["Location"] == areas.url + "GM0917-heerlen/"
    assert client.get(areas.url + "GM0000-nergens/").status_code == 404


def test_profile_says_plainly_where_a_wijk_has_no_figure(client, areas):
    # These 2024 wijken of Peel en Maas did not exist in the 2022 layout.
    wijk = Place.objects.get(code=SPLIT_WIJKEN[0])
    response = client.get(areas.url + f"{wijk.code}-x/", follow=True)
    text = parse(response).get_text(" ", strip=True)
    assert "Geen cijfer voor 2022" in text


def test_profile_lists_content_of_places_inside_it(client, areas, page_by_slug):
    roermond = client.get(areas.url + "GM0957-roermond/")
    titles = {a.get_text(strip=True) for a in parse(roermond).select(".lp-teaser__title a")}
    # Donderberg is placed in a wijk of Roermond; the Regio Deal covers all of Midden-Limburg.
    assert {"Wijkontwikkeling Donderberg, Roermond", "Regio Deal Midden-Limburg"} <= titles


def test_wijk_profile_also_lists_work_for_its_whole_gemeente(client, areas):
    donderberg = client.get(areas.url + "WK095704-x/", follow=True)
    section = parse(donderberg).find(id="work-heading").parent
    gemeente_heading = section.find("h3", string="Voor heel Roermond")
    assert gemeente_heading is not None
    wijk_titles = [
        a.get_text(strip=True)
        for a in gemeente_heading.find_all_previous("a")
        if "lp-teaser__title" in a.parent.get("class", [])
    ]
    gemeente_cards = gemeente_heading.find_next("ul").select(".lp-teaser__title a")
    gemeente_titles = [a.get_text(strip=True) for a in gemeente_cards]
    # Donderberg's own case study is placed in the wijk; the Regio Deal covers all of Roermond.
    assert wijk_titles == ["Wijkontwikkeling Donderberg, Roermond"]
    assert "Regio Deal Midden-Limburg" in gemeente_titles
    assert "Wijkontwikkeling Donderberg, Roermond" not in gemeente_titles


def test_a_live_page_never_published_is_listed_for_all_of_its_gemeente(
    client, areas, deals_index, locale_nl
):
    # Made live directly, as an import does: it has no first_published_at to sort by.
    deal = VillageDealPage(
        title="Deal zonder publicatiedatum",
        slug="deal-zonder-publicatiedatum",
        locale=locale_nl,
        kind_id=VillageDealPage.objects.first().kind_id,
        status="idee",
        summary="Kort.",
        live=True,
    )
    deals_index.add_child(instance=deal)
    deal.places.set(Place.objects.filter(code="GM0957"))
    deal.save()  # parental links are written with the page
    assert deal.first_published_at is None

    response = client.get(areas.url + "WK095704-x/", follow=True)
    assert response.status_code == 200
    gemeente_heading = parse(response).find("h3", string="Voor heel Roermond")
    titles = [a.get_text(strip=True) for a in gemeente_heading.find_next("ul").select("a")]
    assert "Deal zonder publicatiedatum" in titles


def test_gemeente_profile_has_no_section_for_all_of_itself(client, areas):
    roermond = parse(client.get(areas.url + "GM0957-roermond/"))
    assert roermond.find("h3", string="Voor heel Roermond") is None


def test_profile_figures_follow_a_changed_value(client, areas):
    """The figure sections are fragment-cached: a changed value shows at once."""
    url = areas.url + "GM0957-roermond/"
    value = IndicatorValue.objects.filter(
        place__code="GM0957", indicator__unit=Indicator.Unit.PERCENT
    ).first()
    before = client.get(url).content.decode()
    assert "87,6%" not in before
    value.value = Decimal("87.6")
    value.save()
    assert "87,6%" in client.get(url).content.decode()


def test_what_is_done_in_an_area_follows_publications_and_initiatives(client, areas, page_by_slug):
    """The section is fragment-cached: a change shows at once."""
    url = areas.url + "GM0957-roermond/"

    def titles():
        page = parse(client.get(url))
        return {a.get_text(strip=True) for a in page.select(".lp-teaser__title a, h4 a, h3 a")}

    assert "Wijkontwikkeling Donderberg, Roermond" in titles()
    page_by_slug("donderberg-roermond").unpublish()
    assert "Wijkontwikkeling Donderberg, Roermond" not in titles()

    before = client.get(url).content.decode()
    assert "Moestuin aan de Roer" not in before
    Initiative.objects.create(
        title="Moestuin aan de Roer",
        description="Samen tuinieren.",
        scale="groep",
        nature="sociaal",
        place=Place.objects.get(code="GM0957"),
        confirmed_at=timezone.now(),
        publication_consent=True,
        is_public=True,
    )
    assert "Moestuin aan de Roer" in client.get(url).content.decode()


def test_profile_query_count_is_bounded(
    client, areas, deals_index, locale_nl, count_queries, django_assert_max_num_queries
):
    url = areas.url + "GM0957-roermond/"
    client.get(url)
    baseline = count_queries(lambda: client.get(url))
    for number in range(6):
        deal = VillageDealPage(
            title=f"Deal {number}",
            slug=f"deal-{number}",
            locale=locale_nl,
            kind_id=VillageDealPage.objects.first().kind_id,
            status="idee",
            summary="Kort.",
        )
        deals_index.add_child(instance=deal)
        deal.themes.set(Theme.objects.filter(locale=locale_nl, slug="wonen"))
        deal.places.set(Place.objects.filter(code="GM0957"))
        deal.save_revision().publish()
    with django_assert_max_num_queries(baseline):
        client.get(url)


@pytest.fixture
def deals_index(locale_nl):
    from knowledge.models import VillageDealIndexPage

    return VillageDealIndexPage.objects.get(locale=locale_nl)


# Need index ------------------------------------------------------------------------------------


def test_z_scores_by_hand():
    z = z_scores({"a": Decimal(2), "b": Decimal(4), "c": Decimal(6)})
    # mean 4, population standard deviation sqrt(8/3) = 1.63299…
    assert z["a"] == pytest.approx(-1.2247, abs=1e-4)
    assert z["b"] == pytest.approx(0)
    assert z["c"] == pytest.approx(1.2247, abs=1e-4)
    assert z_scores({"a": Decimal(1), "b": Decimal(1)}) == {"a": 0.0, "b": 0.0}


def test_need_index_on_a_known_dataset(client, areas):
    """Heerlen's wijken, 2022: income (higher = more need) weighted 2, participation (lower) 1."""
    params = {
        "indicator": ["laagste_inkomen_pct", "arbeidsparticipatie_pct"],
        "weight_laagste_inkomen_pct": "2",
        "weight_arbeidsparticipatie_pct": "1",
        "gemeente": "GM0917",
        "format": "json",
    }
    data = client.get(areas.url + "rangorde/", params).json()
    ranked = data["ranked"]
    rows = [
        row
        for row in csv_rows("limburg_kwb_2022_indicatoren_gemeenten_wijken.csv")
        if row["gemeentecode"] == "GM0917" and row["niveau"] == "wijk"
    ]
    usable = {
        row["code"]: (
            Decimal(row["personen_laagste_40pct_inkomen_pct"]),
            Decimal(row["netto_arbeidsparticipatie_pct"]),
        )
        for row in rows
        if row["personen_laagste_40pct_inkomen_pct"]
        and row["netto_arbeidsparticipatie_pct"]
        and Decimal(row["aantal_inwoners"]) >= 200
    }
    income = z_scores({code: pair[0] for code, pair in usable.items()})
    work = z_scores({code: pair[1] for code, pair in usable.items()})
    expected = {code: (2 * income[code] - work[code]) / 3 for code in usable}
    assert [row["code"] for row in ranked] == sorted(
        expected, key=lambda code: (-expected[code], code)
    )
    for row in ranked:
        assert row["score"] == pytest.approx(expected[row["code"]], abs=1e-3)
    assert [row["rank"] for row in ranked] == list(range(1, len(ranked) + 1))


def test_need_index_downloads_match_the_page(client, areas):
    query = {"indicator": ["laagste_inkomen_pct"], "gemeente": "GM0935"}
    page = parse(client.get(areas.url + "rangorde/", query))
    page_codes = [
        a["href"].rsplit("/", 2)[1].split("-")[0] for a in page.select(".lp-ranking tbody th a")
    ]
    data = client.get(areas.url + "rangorde/", {**query, "format": "json"}).json()
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(areas.url + "rangorde/", {**query, "format": "csv"}).content.decode()
            )
        )
    )
    assert page_codes == [row["code"] for row in data["ranked"]] == [row["code"] for row in rows]
    assert [float(row["score"]) for row in rows] == [row["score"] for row in data["ranked"]]


def test_small_wijken_are_marked_not_ranked(client, areas):
    response = client.get(
        areas.url + "rangorde/", {"indicator": "laagste_inkomen_pct", "format": "json"}
    )
    ranked_codes = {row["code"] for row in response.json()["ranked"]}
    small = IndicatorValue.objects.filter(
        indicator__code="inwoners",
        source__key="cbs-85318ned-2022",
        place__kind="wijk",
        value__lt=200,
    ).values_list("place__code", flat=True)
    assert small and not ranked_codes & set(small)
    text = parse(
        client.get(areas.url + "rangorde/", {"indicator": "laagste_inkomen_pct"})
    ).get_text()
    assert "200" in text


@pytest.mark.parametrize(
    "query",
    [
        {"indicator": "migratieachtergrond"},
        {"indicator": "nope"},
        {"gemeente": "GM0000"},
        {"weight_laagste_inkomen_pct": "9"},
    ],
)
def test_need_index_refuses_bad_choices(client, areas, query):
    response = client.get(areas.url + "rangorde/", query)
    assert response.status_code == 400
    assert parse(response).find(id="filter-errors")


def test_need_index_query_count_is_bounded(
    client, areas, count_queries, django_assert_max_num_queries
):
    query = {"indicator": ["laagste_inkomen_pct", "woz_waarde"]}
    # One gemeente's wijken or all 252: the same number of queries.
    one_gemeente = count_queries(
        lambda: client.get(areas.url + "rangorde/", {**query, "gemeente": "GM0965"})
    )
    with django_assert_max_num_queries(one_gemeente):
        client.get(areas.url + "rangorde/", query)


# Map ---------------------------------------------------------------------------------------------


def test_map_has_one_path_per_area_with_its_class(client, areas):
    response = client.get(areas.url + "kaart/", {"indicator": "inwoners", "level": "gemeente"})
    soup = parse(response)
    paths = soup.select("svg.lp-map__svg a path")
    assert len(paths) == 31
    values = dict(
        IndicatorValue.objects.filter(
            indicator__code="inwoners", source__key="cbs-85984ned-2024", place__kind="gemeente"
        ).values_list("place__code", "value")
    )
    ordered = sorted(values.values())
    for link in soup.select("svg.lp-map__svg a"):
        css_class = int(link.path["class"][1].rsplit("--", 1)[1])
        # Quartiles: the k-th class holds the values up to position n·k/4.
        position = ordered.index(values[link["data-code"]])
        expected = next(k for k in range(1, 5) if position < len(ordered) * k // 4)
        assert css_class == expected
    assert len(soup.select(".lp-map__table tbody tr")) == 31


def test_map_of_wijken_in_one_gemeente_links_profiles(client, areas):
    soup = parse(
        client.get(areas.url + "kaart/", {"indicator": "koopwoningen_pct", "gemeente": "GM0917"})
    )
    links = soup.select("svg.lp-map__svg a")
    assert len(links) == Place.objects.filter(parent__code="GM0917", kind="wijk").count()
    assert all(link["href"].startswith(areas.url) for link in links)


def test_indicator_definitions_exist_for_every_imported_indicator():
    for indicator in Indicator.objects.all():
        assert indicator.definition_nl and indicator.definition_en
    assert json.dumps(load_spec())  # the spec is valid JSON


def test_a_repeated_indicator_counts_once(client, areas):
    query = {"indicator": ["woz_waarde"] * 50, "format": "json"}
    data = client.get(areas.url + "rangorde/", query).json()
    assert [component["indicator"] for component in data["components"]] == ["woz_waarde"]


def test_language_links_of_an_area_profile_lead_to_the_same_area(client):
    html = client.get("/nl/gebieden/GM0917-heerlen/").content.decode()
    assert 'hreflang="en" href="http://testserver/en/areas/GM0917-heerlen/"' in html
    assert 'href="/en/areas/GM0917-heerlen/"' in html
    back = client.get("/en/areas/GM0917-heerlen/").content.decode()
    assert 'href="/nl/gebieden/GM0917-heerlen/"' in back
