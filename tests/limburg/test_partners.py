"""Partner sections: set-up (command and admin), the page tree, the profile page,
moderation workflows, curation, and partners' work in the site-wide listings."""

import io
import re
from datetime import date

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from wagtail.models import (
    Collection,
    GroupPagePermission,
    Locale,
    Page,
    PageLogEntry,
    TaskState,
    WorkflowState,
)

import pytest
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyPage
from knowledge.models import (
    InterventionPage,
    ResearchIndexPage,
    ResearchOutputPage,
    ThemeDossierPage,
    VillageDealPage,
)
from limburg.models import (
    ContentPage,
    Organisation,
    PartnerIndexPage,
    PartnerPage,
    Place,
    Theme,
)
from tests.factories import LimburgImageFactory, publish_content_pages

from .conftest import page_form

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def footprint():
    """Everything create_partner may add, counted."""
    return (
        Organisation.objects.count(),
        PartnerPage.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
        GroupPagePermission.objects.count(),
        User.objects.count(),
    )


# create_partner -----------------------------------------------------------------


def test_create_partner_sets_up_section_group_collection_and_workflow(locale_nl):
    out = run("create_partner", "Woonwenz", "--kind", "woningcorporatie")
    assert "Created: Woonwenz" in out

    organisation = Organisation.objects.get(locale=locale_nl, name="Woonwenz")
    section = PartnerPage.objects.get(organisation=organisation)
    assert section.live
    assert section.get_parent().specific_class is PartnerIndexPage
    group = Group.objects.get(name="Woonwenz redacteuren")
    grants = {(g.page_id, g.permission.codename) for g in group.page_permissions.all()}
    assert grants == {(section.pk, "add_page"), (section.pk, "change_page")}
    collection = Collection.objects.get(name="Woonwenz")
    assert {g.collection_id for g in group.collection_permissions.all()} == {collection.pk}
    assert section.get_workflow().name == "Publicatie door partners"
    assert [task.name for task in section.get_workflow().tasks] == [
        "Goedkeuring provinciale redactie"
    ]


def test_create_partner_is_idempotent():
    run("create_partner", "Woonwenz", "--kind", "woningcorporatie")
    before = footprint()
    out = run("create_partner", "Woonwenz", "--kind", "woningcorporatie")
    assert "Already set up: Woonwenz" in out
    assert footprint() == before


def test_an_existing_demo_organisation_gets_its_section():
    """The organisation is reused, not duplicated."""
    run("create_partner", "Wonen Limburg", "--kind", "woningcorporatie")
    assert (
        Organisation.objects.filter(name="Wonen Limburg", locale__language_code="nl").count() == 1
    )
    assert PartnerPage.objects.filter(organisation__name="Wonen Limburg").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Woonwenz", "--kind", "ruimteschip"], "Unknown kind"),
        (["woonwenz", "--kind", "woningcorporatie"], "use that exact name"),
        (["Woonwenz", "--kind", "gemeente"], "already exists as a partner of kind"),
        (["Nieuw Fonds", "--kind", "sociaal-fonds", "--editor", "geen-adres"], "not an e-mail"),
        (["   ", "--kind", "gemeente"], "needs a name"),
    ],
)
def test_bad_input_is_a_clear_error_and_saves_nothing(args, message):
    run("create_partner", "Woonwenz", "--kind", "woningcorporatie")
    before = footprint()
    with pytest.raises(CommandError, match=message):
        run("create_partner", *args)
    assert footprint() == before


def test_a_new_editor_gets_a_password_link_and_no_password(client):
    out = run(
        "create_partner", "Woonwenz", "--kind", "woningcorporatie", "--editor", "Els@Example.org"
    )
    editor = User.objects.get(email="els@example.org")
    assert not editor.has_usable_password()
    assert list(editor.groups.values_list("name", flat=True)) == ["Woonwenz redacteuren"]
    assert "password" not in out.split("Send the editor")[0].lower().replace(
        "choose a password", ""
    )
    link = re.search(r"https?://\S+/admin/password_reset/confirm/\S+", out).group(0)
    path = "/" + link.split("/", 3)[3]
    response = client.get(path, follow=True)
    # The link leads to the form where the editor chooses a password.
    assert "new_password1" in response.text
    # Running again does not make a second user, and prints no new link for a user who has one.
    editor.set_password("een lang en sterk wachtwoord")
    editor.save()
    again = run(
        "create_partner", "Woonwenz", "--kind", "woningcorporatie", "--editor", "els@example.org"
    )
    assert User.objects.filter(email__iexact="els@example.org").count() == 1
    assert "password_reset" not in again


def test_editors_set_up_a_partner_in_the_admin(login):
    client = login("redactie")
    assert client.get("/admin/partners/new/").status_code == 200
    response = client.post(
        "/admin/partners/new/",
        {
            "name": "Fonds Leefbaarheid",
            "kind": "sociaal-fonds",
            "editor_email": "fonds@example.org",
        },
    )
    assert response.status_code == 200
    assert "Fonds Leefbaarheid redacteuren" in response.text
    assert "/admin/password_reset/confirm/" in response.text
    assert PartnerPage.objects.filter(organisation__name="Fonds Leefbaarheid").exists()


def test_the_admin_form_reports_errors_and_saves_nothing(login):
    client = login("redactie")
    before = footprint()
    response = client.post("/admin/partners/new/", {"name": "", "kind": "ruimteschip"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "kind"}
    response = client.post(
        "/admin/partners/new/", {"name": "gemeente kerkrade", "kind": "gemeente"}
    )
    assert "gebruik precies die naam" in response.text
    assert footprint() == before


def test_partners_cannot_set_up_partners(login):
    client = login("partner-kerkrade")
    response = client.post("/admin/partners/new/", {"name": "Eigen Fonds", "kind": "sociaal-fonds"})
    assert response.status_code in (302, 403)
    assert not Organisation.objects.filter(name="Eigen Fonds").exists()


# The page tree and the listings -------------------------------------------------


def test_partners_write_every_kind_of_knowledge_in_their_section():
    allowed = set(PartnerPage.allowed_subpage_models())
    assert {
        CaseStudyPage,
        ResearchOutputPage,
        VillageDealPage,
        InterventionPage,
        ContentPage,
    } <= allowed
    assert PartnerPage not in allowed
    assert PartnerPage.allowed_parent_page_models() == [PartnerIndexPage]


def test_the_demo_has_three_partners_with_editors_and_content(client):
    sections = PartnerPage.objects.filter(locale__language_code="nl").live()
    assert sections.count() == 3
    for section in sections:
        assert ContentPage.objects.child_of(section).live().exists()
        group = Group.objects.get(name=f"{section.organisation.name} redacteuren")
        assert group.user_set.exists()
        assert section.get_translation_or_none(Locale.objects.get(language_code="en"))
    response = client.get("/nl/partners/")
    assert response.status_code == 200
    for name in ("Gemeente Kerkrade", "GGD Zuid Limburg", "Maastricht University"):
        assert name in response.text
    assert client.get("/en/partners/").status_code == 200


@pytest.fixture
def kerkrade_case_study(partner_world, locale_nl):
    """A case study the Kerkrade partner wrote in its own section, published after review."""
    section = partner_world["kerkrade"].section
    page = CaseStudyPage(
        title="Buurtkamer Kerkrade-Oost Zebravlinder",
        slug="buurtkamer-kerkrade-oost",
        summary="Een buurtkamer waar bewoners elkaar treffen.",
        kind="gebiedsaanpak",
        status="lopend",
        start_year=2023,
    )
    section.add_child(instance=page)
    page.themes.set(Theme.objects.filter(locale=locale_nl, slug="wonen"))
    page.places.set(Place.objects.filter(code="GM0928"))
    page.save_revision().publish()
    return page


def test_partner_case_studies_appear_in_the_site_wide_listing_search_and_dossier(
    client, kerkrade_case_study
):
    assert "Zebravlinder" in client.get("/nl/praktijkvoorbeelden/").text
    assert "Zebravlinder" in client.get("/nl/praktijkvoorbeelden/", {"theme": "wonen"}).text
    assert "Zebravlinder" in client.get("/nl/zoeken/", {"query": "Zebravlinder"}).text
    dossier = ThemeDossierPage.objects.get(locale__language_code="nl", theme__slug="wonen")
    assert "Zebravlinder" in client.get(dossier.url).text
    # And on the partner's own profile, beside its other pages.
    profile = client.get(kerkrade_case_study.get_parent().url).text
    assert "Zebravlinder" in profile and "Kerkrade-Oost: de eerste gebiedsaanpak" in profile


def test_the_profile_shows_what_the_partner_published_and_no_drafts(client, partner_world):
    world = partner_world["kerkrade"]
    soup = BeautifulSoup(client.get(world.section.url).content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Gemeente Kerkrade"
    titles = [a.get_text(strip=True) for a in soup.select(".lp-card-grid .lp-teaser__title a")]
    assert titles == ["Kerkrade-Oost: de eerste gebiedsaanpak"]
    assert world.secret not in soup.get_text()


def test_the_profile_query_count_does_not_grow(
    client, partner_world, count_queries, django_assert_max_num_queries
):
    section = partner_world["ggd"].section
    baseline = count_queries(lambda: client.get(section.url))
    publish_content_pages(section, 20, "Nieuws van de GGD")
    with django_assert_max_num_queries(baseline):
        response = client.get(section.url)
    assert "Nieuws van de GGD 19" in response.text


def test_the_partners_index_query_count_does_not_grow(
    client, count_queries, django_assert_max_num_queries
):
    Organisation.objects.filter(name="Gemeente Kerkrade").update(
        logo=LimburgImageFactory(title="Logo Kerkrade")
    )
    client.get("/nl/partners/")  # the logos' renditions are made once, on first view
    baseline = count_queries(lambda: client.get("/nl/partners/"))
    for number in range(5):
        run("create_partner", f"Testfonds {number}", "--kind", "sociaal-fonds")
        Organisation.objects.filter(name=f"Testfonds {number}").update(
            logo=LimburgImageFactory(title=f"Logo {number}")
        )
    client.get("/nl/partners/")
    with django_assert_max_num_queries(baseline):
        response = client.get("/nl/partners/")
    assert "Testfonds 4" in response.text


# Moderation -----------------------------------------------------------------------


def submit(client, page):
    data = {**page_form(page.title, page.slug), "action-submit": "action-submit"}
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return Page.objects.get(pk=page.pk)


def task_action(client, page, action, comment=""):
    state = page.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/"
    return client.post(url, {"comment": comment})


def test_partner_submits_editor_asks_for_changes_then_approves(login, partner_world):
    world = partner_world["kerkrade"]
    page = submit(login("partner-kerkrade"), world.draft)
    assert page.workflow_in_progress and not page.live

    editor = login("redactie")
    # The moderation queue on the editor's dashboard.
    assert world.secret in editor.get("/admin/").text
    task_action(editor, page, "reject", comment="Graag een bron bij het tweede punt.")
    state = TaskState.objects.filter(revision__object_id=str(page.pk)).latest("started_at")
    assert state.status == TaskState.STATUS_REJECTED
    assert state.comment == "Graag een bron bij het tweede punt."
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    page = submit(login("partner-kerkrade"), page)
    task_action(login("redactie"), page, "approve")
    page.refresh_from_db()
    assert page.live
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.reject", "wagtail.publish"} <= actions


def test_a_partner_cannot_approve_its_own_submission(login, partner_world):
    client = login("partner-kerkrade")
    page = submit(client, partner_world["kerkrade"].draft)
    response = task_action(client, page, "approve")
    assert response.status_code in (302, 403, 404)
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_research_passes_the_academy_then_the_editors(login, locale_nl):
    index = ResearchIndexPage.objects.get(locale=locale_nl)
    researcher = login("onderzoeker")
    page = ResearchOutputPage(
        title="Wijkgezondheid in Parkstad",
        slug="wijkgezondheid-parkstad",
        summary="Wat bewoners van Parkstad over hun gezondheid zeggen.",
        kind="rapport",
        publication_date=date(2025, 5, 1),
        owner=User.objects.get(username="onderzoeker"),
        live=False,
    )
    index.add_child(instance=page)
    page.themes.set(Theme.objects.filter(locale=locale_nl, slug="gezondheid"))
    revision = page.save_revision(user=page.owner)
    page.get_workflow().start(page, page.owner)
    page.refresh_from_db()
    assert revision and page.current_workflow_task.name == "Review door de NPHN-academie"

    # The editors cannot skip the academy's review; the researcher cannot approve it.
    assert task_action(researcher, page, "approve").status_code in (302, 403, 404)
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Review door de NPHN-academie"

    task_action(login("reviewer"), page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == "Goedkeuring provinciale redactie"

    task_action(login("redactie"), page, "approve")
    page.refresh_from_db()
    assert page.live


# Curation ------------------------------------------------------------------------


def test_only_editors_can_pin(login, partner_world):
    world = partner_world["kerkrade"]
    partner = login("partner-kerkrade")
    assert 'name="pinned"' not in partner.get(f"/admin/pages/{world.draft.pk}/edit/").text
    partner.post(
        f"/admin/pages/{world.draft.pk}/edit/",
        page_form(world.draft.title, world.draft.slug, pinned="on"),
    )
    assert not Page.objects.get(pk=world.draft.pk).specific.get_latest_revision_as_object().pinned

    editor = login("redactie")
    assert 'name="pinned"' in editor.get(f"/admin/pages/{world.draft.pk}/edit/").text
    editor.post(
        f"/admin/pages/{world.draft.pk}/edit/",
        page_form(world.draft.title, world.draft.slug, pinned="on"),
    )
    assert Page.objects.get(pk=world.draft.pk).specific.get_latest_revision_as_object().pinned


def test_a_pinned_case_study_comes_first_unless_the_visitor_sorts(client, kerkrade_case_study):
    def first_title(**params):
        soup = BeautifulSoup(client.get("/nl/praktijkvoorbeelden/", params).content, "html.parser")
        return soup.select_one(".lp-teaser__title a").get_text(strip=True)

    oldest = (
        CaseStudyPage.objects.live()
        .filter(locale__language_code="nl")
        .order_by("first_published_at")
        .first()
    )
    assert first_title() != oldest.title
    oldest.pinned = True
    oldest.save_revision().publish()
    assert first_title() == oldest.title
    soup = BeautifulSoup(client.get("/nl/praktijkvoorbeelden/").content, "html.parser")
    assert soup.select_one(".lp-teaser__pinned").get_text(strip=True) == "Uitgelicht"
    # A visitor's own sort is not overruled.
    titles = (
        CaseStudyPage.objects.live()
        .filter(locale__language_code="nl")
        .values_list("title", flat=True)
    )
    assert first_title(sort="title") == min(titles)


def test_a_page_in_moderation_stays_hidden_from_other_partners(login, partner_world):
    world = partner_world["ggd"]
    page = submit(login("partner-ggd"), world.draft)
    assert page.workflow_in_progress
    # Another person in another browser: no cookies (or flash messages) of the submitter.
    client = Client()
    client.force_login(User.objects.get(username="partner-kerkrade"))
    for url in (
        "/admin/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        # The query is echoed in the search box, so search for the other word in its title.
        "/admin/pages/search/?q=concept",
        "/admin/choose-page/search/?q=concept",
        "/admin/api/main/pages/?search=concept",
        f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}",
        f"/admin/pages/workflow/preview/{page.pk}/{page.current_workflow_task.pk}/",
    ):
        response = client.get(url)
        assert response.status_code < 500, url
        assert world.secret not in response.text, url
    # The same searches do find the partner's own draft.
    assert "Zebravlinder" in client.get("/admin/pages/search/?q=concept").text


def test_setting_up_a_partner_never_reaches_an_administrators_account():
    User.objects.create_superuser("baas", "baas@example.org", None)
    before = footprint()
    with pytest.raises(CommandError, match="administrator"):
        run(
            "create_partner",
            "Woonwenz",
            "--kind",
            "woningcorporatie",
            "--editor",
            "baas@example.org",
        )
    assert footprint() == before


def test_an_existing_editor_is_added_without_a_password_link():
    User.objects.create_user("els", "els@example.org", None)
    out = run(
        "create_partner", "Woonwenz", "--kind", "woningcorporatie", "--editor", "els@example.org"
    )
    assert "password_reset" not in out
    assert User.objects.get(username="els").groups.filter(name="Woonwenz redacteuren").exists()


def test_a_partner_cannot_take_over_another_groups_collection():
    before = footprint()
    with pytest.raises(CommandError, match="belongs to someone else"):
        run("create_partner", "Onderzoek", "--kind", "kennisinstelling")
    assert footprint() == before


def test_a_name_too_long_for_its_group_is_a_clear_error():
    with pytest.raises(CommandError, match="at most 138"):
        run("create_partner", "Stichting " + "x" * 140, "--kind", "anders")
