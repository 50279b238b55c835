"""How to cite a research output: APA on the page, BibTeX, RIS and CSL-JSON to download.

One ``Citation`` reads the page once; each format is a method, so the formats
cannot disagree about an author, a date or an identifier.
"""

import json
import re

from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# kind → (BibTeX entry type, RIS type, CSL type, APA bracket description)
KINDS = {
    "artikel": ("article", "JOUR", "article", None),
    "rapport": ("techreport", "RPRT", "report", gettext_lazy("Report")),
    "evaluatie": ("techreport", "RPRT", "report", gettext_lazy("Evaluation report")),
    "factsheet": ("misc", "GEN", "report", gettext_lazy("Fact sheet")),
    "proefschrift": ("phdthesis", "THES", "thesis", gettext_lazy("Doctoral dissertation")),
    "dataset": ("misc", "DATA", "dataset", gettext_lazy("Data set")),
    "video": ("misc", "VIDEO", "motion_picture", gettext_lazy("Video")),
    "podcast": ("misc", "SOUND", "broadcast", gettext_lazy("Podcast")),
}

FORMATS = {
    # name: (content type, file extension)
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "csl-json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}

# LaTeX's special characters, escaped so any title survives a BibTeX parser.
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def _one_line(value):
    """Line breaks and control characters would break the line-based formats."""
    return _CONTROL.sub(" ", str(value or "")).strip()


def _bibtex_escape(value):
    return "".join(_BIBTEX_ESCAPES.get(char, char) for char in _one_line(value))


class Citation:
    def __init__(self, page, request=None):
        self.page = page
        self.url = page.get_full_url(request)
        self.bibtex_type, self.ris_type, self.csl_type, self.description = KINDS[page.kind]

    # What every format shares -----------------------------------------------

    @property
    def title(self):
        if self.page.subtitle:
            return f"{self.page.title}: {self.page.subtitle}"
        return self.page.title

    @property
    def authors(self):
        return self.page.author_list

    @property
    def publisher(self):
        return self.page.publisher.name if self.page.publisher_id else ""

    @property
    def date_parts(self):
        """[year], [year, month] or [year, month, day], as precise as the source is."""
        date, precision = self.page.publication_date, self.page.date_precision
        return [date.year, date.month, date.day][: {"year": 1, "month": 2, "day": 3}[precision]]

    @property
    def key(self):
        """A BibTeX key people can type: first author, year, first word of the title."""
        first = self.authors[0].family_name if self.authors else self.page.title
        word = next(iter(re.findall(r"\w+", self.page.title)), "")
        return (
            re.sub(r"[^A-Za-z0-9]", "", f"{first}{self.page.year}{word}") or f"output{self.page.pk}"
        )

    # APA 7 ------------------------------------------------------------------

    def _apa_author(self, author):
        if author.is_organisation:
            return author.family_name
        return f"{author.family_name}, {author.initials}".strip(", ")

    def _apa_parts(self):
        names = [self._apa_author(author) for author in self.authors]
        if len(names) > 20:
            names = [*names[:19], "…", names[-1]]
            authors = ", ".join(names)
        elif len(names) > 1:
            authors = ", ".join(names[:-1]) + ", & " + names[-1]
        else:
            authors = "".join(names)
        title = self.title
        if self.page.version:
            title += f" ({_('Version')} {self.page.version})"
        description = f" [{self.description}]" if self.description else ""
        # APA leaves the publisher out when it is also the (only) author.
        publisher = "" if self.publisher in names else self.publisher
        link = self.page.doi_url or self.page.external_url or self.url
        return authors, f"({self.page.year})", title, description, publisher, link

    def apa(self):
        authors, year, title, description, publisher, link = self._apa_parts()
        head = (
            f"{authors} {year}. {title}{description}."
            if authors
            else f"{title}{description}. {year}."
        )
        return " ".join(part for part in (head, f"{publisher}." if publisher else "", link) if part)

    def apa_html(self):
        """The same, with the title in italics as APA wants."""
        authors, year, title, description, publisher, link = self._apa_parts()
        if authors:
            head = format_html("{} {}. <i>{}</i>{}.", authors, year, title, description)
        else:
            head = format_html("<i>{}</i>{}. {}.", title, description, year)
        tail = format_html(" {}.", publisher) if publisher else ""
        return format_html("{}{} {}", head, tail, link)

    # BibTeX -----------------------------------------------------------------

    def _bibtex_name(self, author):
        if author.is_organisation:
            # Double braces keep an organisation's name from being split into names.
            return "{" + _bibtex_escape(author.family_name) + "}"
        return f"{_bibtex_escape(author.family_name)}, {_bibtex_escape(author.given_names)}"

    def bibtex(self):
        fields = [("title", "{" + _bibtex_escape(self.title) + "}")]
        if self.authors:
            fields.append(("author", " and ".join(self._bibtex_name(a) for a in self.authors)))
        fields.append(("year", str(self.page.year)))
        if len(self.date_parts) > 1:
            fields.append(("month", str(self.date_parts[1])))
        if self.publisher:
            name = {"techreport": "institution", "phdthesis": "school"}.get(
                self.bibtex_type, "publisher"
            )
            fields.append((name, _bibtex_escape(self.publisher)))
        if self.page.doi:
            fields.append(("doi", _bibtex_escape(self.page.doi)))
        if self.page.isbn:
            fields.append(("isbn", self.page.isbn))
        fields.append(("url", _bibtex_escape(self.page.doi_url or self.url)))
        fields.append(("language", self.page.language))
        if self.page.abstract:
            fields.append(("abstract", _bibtex_escape(self.page.abstract)))
        if self.page.version:
            fields.append(("edition", _bibtex_escape(self.page.version)))
        if self.page.licence_id:
            fields.append(("copyright", _bibtex_escape(self.page.licence.name)))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@{self.bibtex_type}{{{self.key},\n{body}\n}}\n"

    # RIS --------------------------------------------------------------------

    def ris(self):
        lines = [("TY", self.ris_type), ("TI", self.page.title)]
        if self.page.subtitle:
            lines.append(("T2", self.page.subtitle))
        for author in self.authors:
            name = author.family_name
            if author.given_names:
                name = f"{author.family_name}, {author.given_names}"
            lines.append(("AU", name))
        lines.append(("PY", str(self.page.year)))
        parts = [f"{part:02d}" for part in self.date_parts[1:]]
        lines.append(("DA", "/".join([str(self.page.year), *parts])))
        if self.publisher:
            lines.append(("PB", self.publisher))
        if self.page.doi:
            lines.append(("DO", self.page.doi))
        if self.page.isbn:
            lines.append(("SN", self.page.isbn))
        lines.append(("UR", self.page.doi_url or self.url))
        lines.append(("LA", self.page.language))
        if self.page.abstract:
            lines.append(("AB", self.page.abstract))
        for keyword in [theme.name for theme in self.page.theme_list] + [
            tag.name for tag in self.page.tag_list
        ]:
            lines.append(("KW", keyword))
        if self.page.version:
            lines.append(("ET", self.page.version))
        if self.page.number_of_pages:
            lines.append(("SP", str(self.page.number_of_pages)))
        lines.append(("ER", ""))
        return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)

    # CSL-JSON ----------------------------------------------------------------

    def csl(self):
        item = {
            "id": self.key,
            "type": self.csl_type,
            "title": self.title,
            "issued": {"date-parts": [self.date_parts]},
            "language": self.page.language,
            "URL": self.page.doi_url or self.url,
        }
        if self.authors:
            item["author"] = [
                {"literal": a.family_name}
                if a.is_organisation
                else {"family": a.family_name, "given": a.given_names}
                for a in self.authors
            ]
        optional = {
            "publisher": self.publisher,
            "DOI": self.page.doi,
            "ISBN": self.page.isbn,
            "abstract": self.page.abstract,
            "version": self.page.version,
            "number-of-pages": self.page.number_of_pages,
            "genre": str(self.description or ""),
            "license": self.page.licence.name if self.page.licence_id else "",
        }
        item.update({name: value for name, value in optional.items() if value})
        return [item]

    def csl_json(self):
        return json.dumps(self.csl(), ensure_ascii=False, indent=2) + "\n"


def citation_download(citation, name):
    """The citation as a file, or a 400 naming the formats there are."""
    if name not in FORMATS:
        message = _("Unknown citation format “%(name)s”. Choose one of: %(formats)s.") % {
            "name": _one_line(name)[:50],
            "formats": ", ".join(FORMATS),
        }
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    content_type, extension = FORMATS[name]
    body = {"bibtex": citation.bibtex, "ris": citation.ris, "csl-json": citation.csl_json}[name]()
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{citation.page.slug}.{extension}"
    )
    return response
