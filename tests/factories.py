"""Factories for the shared vocabulary and pages (wagtail-factories / factory_boy)."""

from django.utils.text import slugify

from wagtail.models import Locale

import factory
import wagtail_factories

from limburg.models import ContentPage, LimburgImage, Organisation, Place, Theme


class LimburgImageFactory(wagtail_factories.ImageFactory):
    alt_text = factory.Sequence(lambda n: f"Abstracte illustratie {n}")
    credit = "Illustratie: test"

    class Meta:
        model = LimburgImage


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Testorganisatie {n}")
    kind = Organisation.Kind.ANDERS
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="nl"))

    class Meta:
        model = Organisation


class PlaceFactory(factory.django.DjangoModelFactory):
    kind = Place.Kind.KERN
    name = factory.Sequence(lambda n: f"Kern {n}")
    code = ""

    class Meta:
        model = Place


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Testpagina {n}")
    summary = "Een korte samenvatting."

    class Meta:
        model = ContentPage


def publish_content_pages(parent, count, title):
    """``count`` live content pages under ``parent``, titled "<title> 0", "<title> 1", …"""
    pages = []
    for index in range(count):
        page = ContentPageFactory(
            parent=parent, title=f"{title} {index}", slug=f"{slugify(title)}-{index}"
        )
        page.save_revision().publish()
        pages.append(page)
    return pages


def add_classified_page(parent, page, *, themes=(), places=(), live=True):
    """Add ``page`` under ``parent`` with its themes (slugs, in the page's language) and
    places (CBS codes); published, or a draft that was never live."""
    parent.add_child(instance=page)
    page.themes.set(Theme.objects.filter(locale=page.locale, slug__in=themes))
    page.places.set(Place.objects.filter(code__in=places))
    if live:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
    return page
