"""backup and restore: a real round trip through manage.py, on SQLite or on PostgreSQL.

The installations run in subprocesses with their own database (a SQLite file, or fresh
PostgreSQL databases when the suite runs on PostgreSQL) and their own media folders; the
suite's test database is only read. The source installation is a copy of the test database,
which already holds the migrated schema and the demo content (tests/conftest.py loads it once per
session), with a copy of the test media; the target is a database without any tables, which
restore accepts as empty and brings up to date with its own ``migrate``. The checks that refuse
an archive run in-process without database access: a restore that touched the database before
refusing would fail there.
"""

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

import dj_database_url
import pytest

from limburg.backup import DATABASE_FILES, FORMAT, FORMAT_VERSION, MANIFEST_NAME
from tests.servers import copy_test_database, drop_database_copy

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "limburg.settings.dev"
IS_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
ENGINE = "postgresql" if IS_POSTGRES else "sqlite"
OTHER_ENGINE = "sqlite" if IS_POSTGRES else "postgresql"
QUERIES = ("wijk", "gezondheid", "armoede")

# The demo in the test database has no documents, renditions or initiatives' attachments.
SEED = """
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from knowledge.models import Initiative, InitiativeAttachment

get_image_model().objects.order_by("pk").first().get_rendition("fill-160x90|format-webp")
get_document_model().objects.create(
    title="Jaarverslag buurtbudget",
    file=ContentFile(b"%PDF-1.4\\n%%EOF\\n", name="jaarverslag-buurtbudget.pdf"),
)
InitiativeAttachment.objects.create(
    initiative=Initiative.objects.order_by("pk").first(),
    file=ContentFile(b"%PDF-1.4\\n%%EOF\\n", name="begroting.pdf"),
    original_name="begroting.pdf",
    content_type="application/pdf",
    size=15,
)
"""

# What must survive a round trip, as one line of JSON.
SNAPSHOT = f"""
import hashlib, io, json
from pathlib import Path
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Revision
from knowledge.models import InitiativeAttachment
from search.engines import SearchRequest, get_engine
from search.query import parse_query

def fingerprint(field):
    path = Path(field.path)
    return [field.name, hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None]

def files_under(root):
    root = Path(root)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())

def search(query):
    response = get_engine().search(
        SearchRequest(parsed=parse_query(query), locale_id=nl.pk, language="nl", per_page=100)
    )
    return {{"total": response.total, "ids": [hit.page.pk for hit in response.hits]}}

Image = get_image_model()
Document = get_document_model()
nl = Locale.objects.get(language_code="nl")
problems = {{"pages": Page.find_problems(), "collections": Collection.find_problems()}}
fixtree = io.StringIO()
call_command("fixtree", interactive=False, stdout=fixtree)
print(json.dumps({{
    "counts": {{
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "users": get_user_model().objects.count(),
    }},
    "tree": list(Page.objects.order_by("path").values_list(
        "pk", "path", "depth", "numchild", "url_path", "content_type__app_label",
        "content_type__model", "locale__language_code", "live", "latest_revision_id", "title",
    )),
    "revisions": list(Revision.objects.order_by("pk").values_list(
        "pk", "content_type__model", "object_id", "created_at"
    )),
    "users": sorted(get_user_model().objects.values_list("username", flat=True)),
    "files": {{
        "images": [fingerprint(image.file) for image in Image.objects.order_by("pk")],
        "renditions": [
            fingerprint(rendition.file)
            for rendition in Image.get_rendition_model().objects.order_by("pk")
        ],
        "documents": [fingerprint(document.file) for document in Document.objects.order_by("pk")],
        "attachments": [
            fingerprint(attachment.file)
            for attachment in InitiativeAttachment.objects.order_by("pk")
        ],
    }},
    "media": files_under(settings.MEDIA_ROOT),
    "private_media": files_under(settings.PRIVATE_MEDIA_ROOT),
    "search": {{query: search(query) for query in {QUERIES!r}}},
    "problems": problems,
    "fixtree": fixtree.getvalue(),
}}, default=str))
"""

# For --force: a user added and an image (with its file) deleted after the backup.
MUTATE = """
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model

get_user_model().objects.create_user("na-de-backup")
image = get_image_model().objects.order_by("pk").last()
image.file.delete(save=False)
image.delete()
"""


@dataclass
class Installation:
    """One installation: a database and two media folders, driven through manage.py."""

    folder: Path
    database_url: str

    @property
    def media(self):
        return self.folder / "media"

    @property
    def private_media(self):
        return self.folder / "private-media"

    def manage(self, *args, check=True):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(self.media),
            "PRIVATE_MEDIA_ROOT": str(self.private_media),
        }
        # The database search backend and a local cache: nothing shared with other runs.
        for name in ("ELASTICSEARCH_URL", "REDIS_URL"):
            env.pop(name, None)
        result = subprocess.run(
            [sys.executable, "manage.py", *map(str, args)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if check and result.returncode:
            pytest.fail(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def shell(self, code):
        """Run code in `manage.py shell`; return the JSON documents it prints, one a line."""
        output = self.manage("shell", "--no-imports", "-c", code).stdout
        return [json.loads(line) for line in output.splitlines() if line.startswith("{")]

    def snapshot(self):
        (snapshot,) = self.shell(SNAPSHOT)
        return snapshot


class SQLiteDatabases:
    def __init__(self, folder: Path):
        self.folder = folder

    def url(self, name):
        return f"sqlite:///{self.folder / f'{name}.sqlite3'}"

    def copy_test_database(self, name):
        return copy_test_database(self.folder, name)

    def create(self, name):
        return self.url(name)  # no file yet: a database without tables

    def drop_all(self):
        pass  # tmp_path goes away by itself


class PostgresDatabases:
    """Fresh databases on the suite's PostgreSQL server, dropped afterwards."""

    def __init__(self):
        self.base_url = os.environ["DATABASE_URL"]
        server = dj_database_url.parse(self.base_url)
        self.args = [
            f"--host={server['HOST'] or '127.0.0.1'}",
            f"--port={server['PORT'] or 5432}",
            f"--username={server['USER'] or 'postgres'}",
        ]
        self.env = {
            **os.environ,
            **({"PGPASSWORD": server["PASSWORD"]} if server["PASSWORD"] else {}),
        }
        self.prefix = f"limburg_backup_{uuid.uuid4().hex[:8]}"
        self.names = []
        self.copies = []

    def _client(self, *args):
        subprocess.run([*args[:1], *self.args, *args[1:]], env=self.env, check=True)

    def url(self, name):
        return urlsplit(self.base_url)._replace(path=f"/{self.prefix}_{name}").geturl()

    def create(self, name):
        self._client("createdb", f"{self.prefix}_{name}")
        self.names.append(name)
        return self.url(name)

    def copy_test_database(self, name):
        self.copies.append(copy_test_database(None, f"{self.prefix}_{name}"))
        return self.copies[-1]

    def drop_all(self):
        for name in self.names:
            self._client("dropdb", "--if-exists", "--force", f"{self.prefix}_{name}")
        for url in self.copies:
            drop_database_copy(url)


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    if IS_POSTGRES:
        factory = PostgresDatabases()
    else:
        factory = SQLiteDatabases(tmp_path_factory.mktemp("databases"))
    yield factory
    factory.drop_all()


@pytest.fixture(scope="module")
def demo(databases, django_db_setup, django_db_blocker, tmp_path_factory):
    """The source installation: a copy of the test database with the demo content, and of the
    test media, so that every image has its file. Module-scoped: set up before any test's
    transaction, and read only from what tests/conftest.py committed."""
    with django_db_blocker.unblock():
        url = databases.copy_test_database("source")
    source = Installation(tmp_path_factory.mktemp("source"), url)
    copy_folder(settings.MEDIA_ROOT, source.media)
    copy_folder(settings.PRIVATE_MEDIA_ROOT, source.private_media)
    return source


def copy_folder(folder, destination):
    # Another test may have removed a test media folder it emptied (purging attachments).
    Path(destination).mkdir(parents=True, exist_ok=True)
    if Path(folder).is_dir():
        shutil.copytree(folder, destination, dirs_exist_ok=True)


def check_baseline(baseline):
    """The source installation has something of everything, or the comparison proves little."""
    assert baseline["counts"]["pages"] > 100
    assert baseline["counts"]["revisions"] > 100
    assert baseline["counts"]["images"] >= 10
    assert baseline["counts"]["documents"] == 1
    for kind in ("images", "renditions", "documents", "attachments"):
        assert baseline["files"][kind], kind
        assert all(digest for _name, digest in baseline["files"][kind]), kind
    assert baseline["private_media"]
    assert all(result["total"] > 0 for result in baseline["search"].values())


def check_archive(archive, baseline):
    """One private archive: the manifest, the database dump and both media folders."""
    assert archive.stat().st_mode & 0o777 == 0o600
    assert [path.name for path in archive.parent.iterdir()] == [archive.name]  # no leftovers
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.load(tar.extractfile(MANIFEST_NAME))
    assert manifest["format"] == FORMAT
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["database"] == {"engine": ENGINE, "file": DATABASE_FILES[ENGINE]}
    assert manifest["counts"] == baseline["counts"]
    assert manifest["media_files"] == {
        "media": len(baseline["media"]),
        "private-media": len(baseline["private_media"]),
    }
    assert DATABASE_FILES[ENGINE] in names
    assert {f"media/{name}" for name in baseline["media"]} <= names
    assert {f"private-media/{name}" for name in baseline["private_media"]} <= names


def check_same(restored, baseline):
    for part in ("counts", "tree", "revisions", "users", "files", "media", "private_media"):
        assert restored[part] == baseline[part], part
    assert restored["search"] == baseline["search"]
    assert restored["problems"] == {"pages": [[]] * 5, "collections": [[]] * 5}
    assert restored["fixtree"].count("No problems found.") == 2


@pytest.mark.django_db  # before the transactional tests, which empty the test database
def test_round_trip_brings_everything_back(demo, databases, tmp_path):
    source = demo
    # The second installation is new: a database without any tables, no media folders.
    target = Installation(tmp_path / "target", databases.create("target"))
    (baseline,) = source.shell(SEED + SNAPSHOT)
    check_baseline(baseline)

    archive = tmp_path / "archives" / "limburg.tar.gz"
    backup = source.manage("backup", "--output", archive)
    assert backup.stdout.strip().splitlines()[-1] == str(archive)
    check_archive(archive, baseline)

    restore = target.manage("restore", archive)
    # restore's own migrate: the restored schema is already this code's.
    assert "No migrations to apply." in restore.stdout
    assert "Restore complete." in restore.stdout
    check_same(target.snapshot(), baseline)

    # The source now has content the archive lacks: refused, and nothing changes.
    (changed,) = source.shell(MUTATE + SNAPSHOT)
    assert changed["counts"]["users"] == baseline["counts"]["users"] + 1
    assert len(changed["media"]) < len(baseline["media"])
    refused = source.manage("restore", archive, check=False)
    assert refused.returncode == 1
    assert "This installation is not empty" in refused.stderr
    assert "--force" in refused.stderr
    # In one process (each start of Django costs seconds): the state after the refusal,
    # then a restore with --force, then the state after that.
    force = f"call_command('restore', {str(archive)!r}, force=True, verbosity=0)\n"
    after_refusal, after_force = source.shell(SNAPSHOT + force + SNAPSHOT)
    assert after_refusal == changed  # nothing restored, not even the deleted file
    check_same(after_force, baseline)


def test_a_failed_backup_leaves_no_archive(databases, tmp_path):
    broken = Installation(tmp_path / "broken", databases.url("missing"))
    output = tmp_path / "archives" / "limburg.tar.gz"
    output.parent.mkdir()
    result = broken.manage("backup", "--output", output, check=False)
    assert result.returncode != 0
    assert list(output.parent.iterdir()) == []


# Archives refused before anything changes (in-process, without database access).


def manifest(**changes):
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created": "2026-12-01T12:00:00+00:00",
        "database": {"engine": ENGINE, "file": DATABASE_FILES[ENGINE]},
        "django": "5.2.19",
        "wagtail": "8.0.1",
        "counts": {"pages": 2, "revisions": 0, "images": 0, "documents": 0, "users": 0},
        "media_files": {"media": 0, "private-media": 0},
        **changes,
    }


def member(name, data=b"", kind=tarfile.REGTYPE, linkname=""):
    info = tarfile.TarInfo(name)
    info.type, info.linkname, info.size = kind, linkname, len(data)
    return info, io.BytesIO(data)


def write_archive(path, *members):
    with tarfile.open(path, "w:gz") as archive:
        for info, data in members:
            archive.addfile(info, data)
    return path


def valid_members(**changes):
    description = manifest(**changes)
    return [
        member(MANIFEST_NAME, json.dumps(description).encode()),
        member(description["database"]["file"], b"not really a database"),
    ]


@pytest.fixture
def installation(settings, tmp_path):
    """Media folders of this test's own; the database is never reached."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return tmp_path


def refusal(archive):
    with pytest.raises(CommandError) as error:
        call_command("restore", archive, stdout=io.StringIO(), stderr=io.StringIO())
    return str(error.value)


def test_restore_refuses_a_file_that_is_no_archive(installation):
    garbage = installation / "backup.tar.gz"
    garbage.write_bytes(b"\x1f\x8b this is not a backup" * 100)
    assert "is not a readable backup archive" in refusal(garbage)
    assert "does not exist" in refusal(installation / "missing.tar.gz")


@pytest.mark.parametrize(
    "evil",
    [
        member("../evil.txt", b"outside"),
        member("media/../../evil.txt", b"outside"),
        member("/tmp/limburg-evil.txt", b"outside"),
        member("media/evil-link", kind=tarfile.SYMTYPE, linkname="/etc/passwd"),
        member("media/evil-hardlink", kind=tarfile.LNKTYPE, linkname="../../evil.txt"),
    ],
    ids=["dot-dot", "media-dot-dot", "absolute", "symlink", "hardlink"],
)
def test_restore_refuses_members_that_would_land_outside_their_folder(installation, evil):
    archive = write_archive(installation / "evil.tar.gz", *valid_members(), evil)
    message = refusal(archive)
    assert evil[0].name in message
    assert not [path for path in installation.rglob("*evil*") if path != archive]
    assert not (ROOT / "evil.txt").exists()
    assert not Path("/tmp/limburg-evil.txt").exists()
    assert not (installation / "media").exists()


def test_restore_refuses_a_backup_of_another_database_engine(installation):
    other = {"engine": OTHER_ENGINE, "file": DATABASE_FILES[OTHER_ENGINE]}
    archive = write_archive(installation / "other.tar.gz", *valid_members(database=other))
    assert "uses " in refusal(archive) and "same database engine" in refusal(archive)


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ([member(DATABASE_FILES[ENGINE], b"x")], "has no manifest.json"),
        ([member(MANIFEST_NAME, b"{not json")], "is not valid JSON"),
        (valid_members(format_version=FORMAT_VERSION + 1), "format version"),
        (valid_members(format="something-else"), "is not a limburg-backup manifest"),
        (valid_members()[:1], f"holds no {DATABASE_FILES[ENGINE]}"),
        (
            [*valid_members(), member("media/original_images/extra.png", b"png")],
            "holds 1 files in media/, its manifest 0",
        ),
        ([*valid_members(), member("settings.py", b"x")], "does not belong in a backup"),
    ],
    ids=["no-manifest", "bad-json", "version", "format", "no-database", "counts", "stranger"],
)
def test_restore_refuses_an_archive_that_is_not_a_complete_backup(installation, members, message):
    archive = write_archive(installation / "backup.tar.gz", *members)
    assert message in refusal(archive)


def test_backup_never_overwrites_an_archive(tmp_path):
    existing = tmp_path / "limburg.tar.gz"
    existing.write_bytes(b"an earlier backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", "--output", existing, stdout=io.StringIO())
    assert existing.read_bytes() == b"an earlier backup"


def test_backup_is_never_written_into_the_folders_it_copies(installation):
    output = installation / "private-media" / "limburg.tar.gz"
    with pytest.raises(CommandError, match="outside"):
        call_command("backup", "--output", output, stdout=io.StringIO())
    assert not output.parent.exists() or not any(output.parent.iterdir())
