"""Builds the demo content idempotently: what exists is left alone, what is missing is added."""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction

from wagtail.models import Collection, Locale, Page, Site

from limburg.demo.organisations import ORGANISATIONS
from limburg.demo.pages import HOME, PAGES
from limburg.demo.partners import PARTNERS
from limburg.models import (
    HomePage,
    HomePageFeaturedItem,
    Organisation,
    Place,
    SiteSettings,
    Theme,
)
from limburg.partners import create_partner
from limburg.vocabulary import seed_locales_and_themes

# example.org: a placeholder address until the programme names its own.
SETTINGS = {
    "organisation_name": "Provincie Limburg",
    "email": "kennisplatform@example.org",
}


def site_address():
    """(hostname, port) of BASE_URL: Wagtail's full links (sitemap, OAI-PMH, API) then
    point where the demo is served (`make run`: 127.0.0.1:8000), not at localhost:80."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if address.scheme == "https" else 80
    return address.hostname or "localhost", address.port or default_port


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.pages = {}
        # A flushed database (transactional tests) has lost what migrations seeded.
        seed_locales_and_themes(Locale, Theme)
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.nl = self.locales["nl"]
        self.translations = [locale for code, locale in self.locales.items() if code != "nl"]

    @transaction.atomic
    def load(self):
        self.load_organisations()
        homes = self.load_home()
        pages = {"home": homes}
        for spec in PAGES:
            pages[spec["key"]] = self.load_page(spec, pages[spec["parent"]])
        for code, home in homes.items():
            featured = [pages[spec["key"]][code] for spec in PAGES if spec.get("featured")]
            self.load_featured(home, [page for page in featured if page is not None])
        self.load_settings(homes["nl"], pages)
        self.pages = pages

    @transaction.atomic
    def load_partners(self):
        """Three real partners, each with a section, an editor's group and one page.

        Runs after `setup_roles`; create_partner itself is idempotent.
        """
        sections = self.pages["partners"]
        for spec in PARTNERS:
            section = create_partner(spec["name"], spec["kind"]).section
            translations = {"nl": section}
            for locale in self.translations:
                code = locale.language_code
                translations[code] = section.get_translation_or_none(locale)
                if translations[code] is None and sections.get(code) is not None:
                    organisation = section.organisation.get_translation_or_none(locale)
                    translations[code] = self._translate(
                        section,
                        sections[code],
                        locale,
                        {
                            "title": section.title,
                            "slug": section.slug,
                            "organisation": organisation,
                        },
                    )
            self.load_page({**spec, "model": "limburg.ContentPage"}, translations)

    def load_organisations(self):
        for name, kind, website, description_nl, description_en in ORGANISATIONS:
            original, created = Organisation.objects.get_or_create(
                locale=self.nl,
                name=name,
                defaults={"kind": kind, "website": website, "description": description_nl},
            )
            for locale in self.translations:
                if original.has_translation(locale):
                    continue
                translation = original.copy_for_translation(locale)
                if locale.language_code == "en":
                    translation.description = description_en
                translation.save()
            if created:
                self.log(f"Organisation: {name}")

    def load_home(self):
        root = Page.get_first_root_node()
        if root is None:  # a flushed database; migrations normally create it
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=self.nl))
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")
        home_nl = HomePage.objects.filter(locale=self.nl, depth=2).first()
        if home_nl is None:
            # Replace Wagtail's placeholder "Welcome" page that migrations create
            # (deleting it deletes the default site too; it is made again below).
            root.get_children().filter(
                content_type__app_label="wagtailcore", content_type__model="page", numchild=0
            ).delete()
            home_nl = root.add_child(
                instance=HomePage(locale=self.nl, **self._fields(HomePage, HOME["nl"]))
            )
            home_nl.save_revision().publish()
            hostname, port = site_address()
            Site.objects.update_or_create(
                is_default_site=True,
                defaults={
                    "hostname": hostname,
                    "port": port,
                    "root_page": home_nl,
                    "site_name": "Krachtige Gemeenschappen Limburg",
                },
            )
            self.log("Page: home (nl)")
        homes = {"nl": home_nl}
        for locale in self.translations:
            homes[locale.language_code] = home_nl.get_translation_or_none(
                locale
            ) or self._translate(home_nl, root, locale, HOME.get(locale.language_code))
        return homes

    def load_page(self, spec, parents):
        model = apps.get_model(spec["model"])
        parent_nl = parents["nl"]
        page = model.objects.child_of(parent_nl).filter(slug=spec["nl"]["slug"]).first()
        if page is None:
            page = model(
                locale=self.nl,
                show_in_menus=spec.get("show_in_menus", False),
                **self._fields(model, spec["nl"]),
            )
            parent_nl.add_child(instance=page)
            self._classify(page, spec, self.nl)
            page.save_revision().publish()
            self.log(f"Page: {spec['nl']['title']} (nl)")
        result = {"nl": page}
        for locale in self.translations:
            code = locale.language_code
            result[code] = page.get_translation_or_none(locale) or self._translate(
                page, parents[code], locale, spec.get(code), spec
            )
        return result

    def _translate(self, original, parent, locale, fields, spec=None):
        if fields is None:
            return None
        model = type(original)
        translation = model(
            locale=locale,
            translation_key=original.translation_key,
            show_in_menus=original.show_in_menus,
            **self._fields(model, fields),
        )
        parent.add_child(instance=translation)
        if spec:
            self._classify(translation, spec, locale)
        translation.save_revision().publish()
        self.log(f"Page: {fields['title']} ({locale.language_code})")
        return translation

    def _classify(self, page, spec, locale):
        if themes := spec.get("themes"):
            keys = Theme.objects.filter(locale=self.nl, slug__in=themes).values("translation_key")
            page.themes.set(Theme.objects.filter(locale=locale, translation_key__in=keys))
        if places := spec.get("places"):
            page.places.set(Place.objects.filter(code__in=places))
        if tags := spec.get("tags"):
            page.tags.set(tags)

    @staticmethod
    def _fields(model, fields):
        names = {field.name for field in model._meta.get_fields()}
        return {name: value for name, value in fields.items() if name in names}

    def load_featured(self, home, pages):
        if home.featured_items.exists():
            return
        for order, page in enumerate(pages):
            HomePageFeaturedItem.objects.create(home_page=home, page=page, sort_order=order)
        home.save_revision().publish()

    def load_settings(self, home, pages):
        site = Site.objects.get(root_page=home)
        site_settings = SiteSettings.for_site(site)
        if site_settings.accessibility_page_id:
            return
        for name, value in SETTINGS.items():
            setattr(site_settings, name, value)
        site_settings.accessibility_page = pages["accessibility"]["nl"]
        site_settings.privacy_page = pages["privacy"]["nl"]
        site_settings.save()
