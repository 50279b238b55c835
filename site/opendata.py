"""The knowledge base as open data: CSV and JSON per page type, and a DCAT-AP catalogue.

Domain apps describe their datasets with the ``register_open_dataset`` Wagtail hook
(in their ``wagtail_hooks.py``), so limburg never names them. A dataset is the
metadata of live, public pages — never body text, never personal data beyond what
the pages themselves publish.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Max
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wagtail import hooks

from limburg.text import printable

PUBLISHER = "Provincie Limburg"
CATALOGUE_LICENCE = "https://creativecommons.org/licenses/by/4.0/"


@dataclass
class OpenDataset:
    slug: str
    title: str
    description: str
    model: type
    # (column name, function of the page) beside the common columns
    columns: list = field(default_factory=list)
    select_related: list = field(default_factory=list)
    prefetch_related: list = field(default_factory=list)

    def pages(self):
        queryset = (
            self.model.objects.live()
            .public()
            .select_related("locale", *self.select_related)
            .prefetch_related("themes", "places", *self.prefetch_related)
            .order_by("locale__language_code", "pk")
        )
        return queryset

    def common_columns(self, request):
        return [
            ("id", lambda page: page.pk),
            ("translation_key", lambda page: str(page.translation_key)),
            ("language", lambda page: page.locale.language_code),
            ("url", lambda page: page.get_full_url(request)),
            ("title", lambda page: page.title),
            ("summary", lambda page: page.summary),
            ("themes", lambda page: [theme.slug for theme in page.themes.all()]),
            ("places", lambda page: [place.code or place.name for place in page.places.all()]),
            ("first_published_at", lambda page: page.first_published_at),
            ("last_published_at", lambda page: page.last_published_at),
        ]

    def rows(self, request):
        columns = self.common_columns(request) + self.columns
        for page in self.pages():
            yield {name: getter(page) for name, getter in columns}

    def column_names(self, request):
        return [name for name, _getter in self.common_columns(request) + self.columns]

    def modified(self):
        return (
            self.model.objects.live().public().aggregate(latest=Max("last_published_at"))["latest"]
        )


def datasets():
    found = {}
    for hook in hooks.get_hooks("register_open_dataset"):
        dataset = hook()
        found[dataset.slug] = dataset
    return found


def get_dataset(slug):
    dataset = datasets().get(slug)
    if dataset is None:
        raise Http404("No such dataset")
    return dataset


def _plain(value):
    """A value as JSON and CSV carry it: lists joined (CSV), dates in ISO 8601."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        return printable(value)
    return value


@require_GET
def dataset_csv(request, slug):
    dataset = get_dataset(slug)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=dataset.column_names(request))
    writer.writeheader()
    for row in dataset.rows(request):
        writer.writerow(
            {
                name: ";".join(str(item) for item in value)
                if isinstance(value, list)
                else _plain(value)
                for name, value in row.items()
            }
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{slug}.csv"
    )
    return response


@require_GET
def dataset_json(request, slug):
    dataset = get_dataset(slug)
    items = [
        {
            name: [_plain(item) for item in value] if isinstance(value, list) else _plain(value)
            for name, value in row.items()
        }
        for row in dataset.rows(request)
    ]
    return JsonResponse(
        {"dataset": slug, "count": len(items), "items": items},
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )


# Indicator data bundled in site/data, described for harvesters; see its README.
INDICATOR_DATASETS = [
    {
        "identifier": "cbs-85984NED",
        "title": "Kerncijfers wijken en buurten 2024 (Limburg)",
        "description": "CBS-kerncijfers 2024 voor de 31 Limburgse gemeenten en 252 wijken.",
        "source": "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85984NED",
    },
    {
        "identifier": "cbs-85318NED",
        "title": "Kerncijfers wijken en buurten 2022 (Limburg)",
        "description": "WOZ-waarde, eigendom, arbeidsparticipatie, inkomen en stedelijkheid, 2022.",
        "source": "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85318NED",
    },
    {
        "identifier": "cbs-70072NED",
        "title": "Regionale kerncijfers 2019–2023 (Limburgse gemeenten)",
        "description": "Bevolking, leeftijden en migratieachtergrond per gemeente, 2019–2023.",
        "source": "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/70072NED",
    },
]


@require_GET
def catalogue(request):
    """A DCAT-AP (DCAT-AP-NL) catalogue in JSON-LD for data.overheid.nl and other harvesters."""

    def absolute(name, **kwargs):
        return request.build_absolute_uri(reverse(name, kwargs=kwargs))

    entries = []
    for slug, dataset in datasets().items():
        modified = dataset.modified()
        entries.append(
            {
                "@type": "dcat:Dataset",
                "@id": absolute("opendata_json", slug=slug),
                "dct:identifier": slug,
                "dct:title": str(dataset.title),
                "dct:description": str(dataset.description),
                "dct:publisher": {"@type": "foaf:Agent", "foaf:name": PUBLISHER},
                "dct:license": CATALOGUE_LICENCE,
                "dct:language": ["nl", "en"],
                **({"dct:modified": modified.date().isoformat()} if modified else {}),
                "dcat:distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "dcat:downloadURL": absolute(f"opendata_{kind}", slug=slug),
                        "dcat:accessURL": absolute(f"opendata_{kind}", slug=slug),
                        "dcat:mediaType": media_type,
                        "dct:format": kind.upper(),
                        "dct:license": CATALOGUE_LICENCE,
                    }
                    for kind, media_type in (("csv", "text/csv"), ("json", "application/json"))
                ],
            }
        )
    for indicator in INDICATOR_DATASETS:
        entries.append(
            {
                "@type": "dcat:Dataset",
                "@id": indicator["source"],
                "dct:identifier": indicator["identifier"],
                "dct:title": indicator["title"],
                "dct:description": indicator["description"],
                "dct:publisher": {
                    "@type": "foaf:Agent",
                    "foaf:name": "Centraal Bureau voor de Statistiek",
                },
                "dct:license": CATALOGUE_LICENCE,
                "dct:source": indicator["source"],
                "dct:language": ["nl"],
                "dcat:distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "dcat:accessURL": indicator["source"],
                        "dct:license": CATALOGUE_LICENCE,
                    }
                ],
            }
        )
    data = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@type": "dcat:Catalog",
        "@id": absolute("opendata_catalogue"),
        "dct:title": "Kennisplatform Krachtige gemeenschappen in wijken en dorpen",
        "dct:description": str(
            _(
                "Case studies, research, deals and interventions about Limburg's "
                "neighbourhoods and villages."
            )
        ),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": PUBLISHER},
        "dct:license": CATALOGUE_LICENCE,
        "dct:language": ["nl", "en"],
        "dcat:dataset": entries,
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type="application/ld+json; charset=utf-8",
    )


@require_GET
def open_data_page(request):
    """What can be reused, and how: downloads, the catalogue, the API, feeds, OAI-PMH."""
    from django.template.response import TemplateResponse

    return TemplateResponse(request, "limburg/open_data.html", {"datasets": datasets()})
