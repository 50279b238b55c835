"""The shared vocabulary and page types every domain app builds on."""

from limburg.models.images import LimburgImage, LimburgRendition
from limburg.models.mixins import (
    SYNCHRONIZED_CLASSIFICATION,
    PlacesMixin,
    ThemePageMixin,
    ThemesMixin,
    domain_page_models,
    theme_pages,
)
from limburg.models.organisations import Organisation
from limburg.models.pages import (
    BaseIndexPage,
    BasePage,
    ContentPage,
    ContentPageTag,
    HomePage,
    HomePageFeaturedItem,
    in_site_of,
)
from limburg.models.partners import PartnerIndexPage, PartnerPage
from limburg.models.places import Place, gemeente_code_of, in_gemeente
from limburg.models.site_settings import SiteSettings
from limburg.models.themes import Accent, Theme

__all__ = [
    "SYNCHRONIZED_CLASSIFICATION",
    "Accent",
    "BaseIndexPage",
    "BasePage",
    "ContentPage",
    "ContentPageTag",
    "HomePage",
    "HomePageFeaturedItem",
    "LimburgImage",
    "LimburgRendition",
    "Organisation",
    "PartnerIndexPage",
    "PartnerPage",
    "Place",
    "PlacesMixin",
    "ThemePageMixin",
    "SiteSettings",
    "Theme",
    "ThemesMixin",
    "domain_page_models",
    "theme_pages",
    "gemeente_code_of",
    "in_gemeente",
    "in_site_of",
]
