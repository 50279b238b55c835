"""The weight budget: a reader on a cheap phone and a slow connection.

Home, a case study and the search page each stay within 100 KB of HTML, CSS and
JavaScript after gzip (as the proxy in front sends them), load nothing from
another site, and use only the site's own fonts.
"""

import gzip
import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

BUDGET = 100 * 1024
PAGES = [
    "/nl/",
    "/en/",
    "/nl/praktijkvoorbeelden/donderberg-roermond/",
    "/nl/zoeken/?query=gezondheid",
]


class Resources(HTMLParser):
    """Stylesheets, scripts, images, frames and preloads a page asks the browser for."""

    def __init__(self):
        super().__init__()
        self.styles, self.scripts, self.other = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or ""):
            self.styles.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") in {"preload", "modulepreload", "icon"}:
            self.other.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        elif tag in {"img", "source", "iframe"}:
            for name in ("src", "srcset"):
                if attrs.get(name):
                    self.other.extend(part.split()[0] for part in attrs[name].split(","))


def compressed_size(content):
    return len(gzip.compress(content, compresslevel=6))


def fetched(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("url", PAGES)
def test_html_css_and_javascript_stay_within_100_kb_compressed(client, url):
    html = fetched(client, url)
    resources = Resources()
    resources.feed(html.decode())
    assert resources.styles, "the page has its stylesheet"
    sizes = {url: compressed_size(html)}
    for asset in resources.styles + resources.scripts:
        sizes[asset] = compressed_size(fetched(client, asset))
    total = sum(sizes.values())
    assert total <= BUDGET, f"{total / 1024:.1f} KB: {sizes}"


@pytest.mark.parametrize("url", PAGES)
def test_nothing_comes_from_another_site(client, url):
    resources = Resources()
    resources.feed(fetched(client, url).decode())
    for asset in resources.styles + resources.scripts + resources.other:
        assert asset.startswith("/") and not asset.startswith("//"), asset


def test_fonts_are_the_sites_own(client):
    resources = Resources()
    resources.feed(fetched(client, "/nl/").decode())
    for stylesheet in resources.styles:
        css = fetched(client, stylesheet).decode()
        assert "@import" not in css
        for address in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
            assert not re.match(r"^(https?:)?//", address), address
        fonts = re.findall(r"url\(\s*['\"]?([^'\")]+\.woff2)", css)
        assert fonts, "the stylesheet uses the self-hosted Source Sans 3"
