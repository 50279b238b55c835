"""Documents are checked by what they are, not what they are called (robustness U4)."""

import io
import zipfile

from wagtail.documents import get_document_model

import pytest

from limburg.document_forms import content_matches_extension

Document = get_document_model()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def office_package(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, content in entries.items():
            package.writestr(name, content)
    return buffer.getvalue()


DOCX = office_package({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = office_package({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})


def upload(admin_client, name, content):
    file = io.BytesIO(content)
    file.name = name
    return admin_client.post(
        "/admin/documents/add/", {"title": name, "file": file, "collection": 1, "tags": ""}
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rapport.pdf", PDF),
        ("verslag.docx", DOCX),
        ("notulen.odt", ODT),
        ("cijfers.csv", b"gemeente;inwoners\nKerkrade;45.000\n"),
        ("leesmij.txt", "Één wijk, één plan.\n".encode()),
    ],
)
def test_real_documents_are_accepted(admin_client, name, content):
    before = Document.objects.count()
    response = upload(admin_client, name, content)
    assert response.status_code == 302, response.context["form"].errors
    assert Document.objects.count() == before + 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rapport.pdf", EXECUTABLE),  # an executable named .pdf
        ("rapport.pdf", b"<html><script>alert(1)</script></html>"),  # a polyglot page
        ("verslag.docx", PDF),  # another format's content
        ("verslag.docx", office_package({"evil.html": "<script></script>"})),  # any ZIP
        ("notulen.odt", DOCX),  # the wrong office package
        ("cijfers.csv", EXECUTABLE),  # binary as text
        ("leesmij.txt", b"\xff\xfe\x00\x00binary"),
        ("rapport.exe", EXECUTABLE),  # not an allowed extension at all
        ("tekening.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"),
    ],
)
def test_disguised_or_unknown_files_are_a_form_error_and_save_nothing(admin_client, name, content):
    before = Document.objects.count()
    response = upload(admin_client, name, content)
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert Document.objects.count() == before


def test_replacing_a_document_file_is_checked_too(admin_client):
    upload(admin_client, "rapport.pdf", PDF)
    document = Document.objects.latest("pk")
    file = io.BytesIO(EXECUTABLE)
    file.name = "rapport.pdf"
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "Rapport", "file": file, "collection": 1, "tags": ""},
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    document.refresh_from_db()
    with document.file.open() as stored:
        assert stored.read(5) == b"%PDF-"


def test_text_cut_inside_a_character_is_still_text():
    sample = ("é" * (64 * 1024)).encode()  # the 64 KB sample ends inside an "é"
    assert content_matches_extension(io.BytesIO(sample), "txt")
