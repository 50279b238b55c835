"""The admin's document form, which checks what a file is by its content.

Wagtail checks a document's extension and size only. An executable renamed to
``.pdf`` or an HTML page renamed to ``.docx`` is refused here with a form error.
"""

import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

OFFICE_OPEN_XML_FOLDERS = {"docx": "word/", "pptx": "ppt/", "xlsx": "xl/"}
OPEN_DOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
TEXT_EXTENSIONS = {"csv", "txt"}
TEXT_SAMPLE_SIZE = 64 * 1024


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def content_matches_extension(upload, extension):
    """Whether the file's bytes are what its extension says."""
    upload.seek(0)
    try:
        if extension == "pdf":
            return upload.read(5) == b"%PDF-"
        if extension in TEXT_EXTENSIONS:
            return is_plain_text(upload.read(TEXT_SAMPLE_SIZE))
        if extension in OFFICE_OPEN_XML_FOLDERS or extension in OPEN_DOCUMENT_TYPES:
            return is_office_package(upload, extension)
        return False
    finally:
        upload.seek(0)


def is_plain_text(sample):
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A sample may end inside a character; anything else is not UTF-8 text.
        return error.start >= len(sample) - 3
    return True


def is_office_package(upload, extension):
    """Office files are ZIP packages with a known layout."""
    if not zipfile.is_zipfile(upload):
        return False
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            names = package.namelist()
            if extension in OFFICE_OPEN_XML_FOLDERS:
                folder = OFFICE_OPEN_XML_FOLDERS[extension]
                return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
            return (
                "mimetype" in names
                # The entry is a few dozen bytes; a large one is not an OpenDocument.
                and package.getinfo("mimetype").file_size < 100
                and package.read("mimetype").strip() == OPEN_DOCUMENT_TYPES[extension]
            )
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            extension = extension_of(upload.name)
            if not content_matches_extension(upload, extension):
                raise forms.ValidationError(
                    _("This file is not a real .%(extension)s file. Upload the document itself.")
                    % {"extension": extension or "?"},
                    code="content_mismatch",
                )
        return upload
