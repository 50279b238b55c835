"""Partner sections as the demo sets them up, each with a draft, an image and a document
that carry a word found nowhere else, so a test can tell whether one partner's work
reaches another."""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from limburg.models import ContentPage, PartnerPage
from tests.factories import LimburgImageFactory


@dataclass
class PartnerWorld:
    section: PartnerPage
    editor: User
    secret: str
    draft: ContentPage
    live: ContentPage
    image: object
    document: object


DEMO_PARTNERS = {
    # key: organisation, demo editor, a word that appears only in this partner's work
    "kerkrade": ("Gemeente Kerkrade", "partner-kerkrade", "Zebravlinder"),
    "ggd": ("GGD Zuid Limburg", "partner-ggd", "Okapiwortel"),
}


def page_form(title, slug, **extra):
    """POST data for the content page form in the admin."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "",
            "short_title": "",
            "body": streamfield([]),
            "tags": "",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
            **extra,
        }
    )


@pytest.fixture
def partner_world(db, locale_nl):
    worlds = {}
    for key, (name, username, secret) in DEMO_PARTNERS.items():
        section = PartnerPage.objects.get(locale=locale_nl, organisation__name=name)
        editor = User.objects.get(username=username)
        draft = ContentPage(
            title=f"{secret} concept", slug=f"{key}-concept", owner=editor, live=False
        )
        section.add_child(instance=draft)
        draft.save_revision(user=editor)
        collection = Collection.objects.get(name=name)
        worlds[key] = PartnerWorld(
            section=section,
            editor=editor,
            secret=secret,
            draft=draft,
            live=ContentPage.objects.child_of(section).live().get(),
            image=LimburgImageFactory(title=f"{secret} foto", collection=collection),
            document=get_document_model().objects.create(
                title=f"{secret} notitie",
                file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"{key}.pdf"),
                collection=collection,
            ),
        )
    return worlds


@pytest.fixture
def login(client):
    def as_user(username):
        client.force_login(User.objects.get(username=username))
        return client

    return as_user
