"""Backups: the database and the media in one archive, and the way back into an empty installation.

The archive (``.tar.gz``) holds:

- ``manifest.json``: format and version, when it was made, the database engine, the Django and
  Wagtail versions, the counts of pages, revisions, images, documents and users in the dump, and
  the number of files in each media folder;
- the database in its own engine's format, never a JSON fixture (Wagtail's tree, content types and
  permissions do not survive ``dumpdata``/``loaddata`` reliably): ``database.sqlite3``, a copy made
  with SQLite's online backup API, or ``database.pgdump``, from ``pg_dump --format=custom``;
- ``media/`` (``MEDIA_ROOT``: original images, renditions, documents) and ``private-media/``
  (``PRIVATE_MEDIA_ROOT``: initiatives' attachments, personal data).

Renditions are kept: the dump holds their rows, and rows without files would be broken images
until someone cleared them; regenerating every AVIF/WebP size after a restore would also load the
server just when it has to come back.

The database is dumped first, in one consistent snapshot (SQLite's backup API; on PostgreSQL a
repeatable-read transaction whose snapshot ``pg_dump`` shares, so the manifest's counts are the
dump's), and the media folders are copied after it. A file uploaded while the backup runs is then
at worst an unreferenced extra; every file the dump refers to is in the archive unless it was
deleted in the seconds in between.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction
from django.db.migrations.loader import MigrationLoader

import wagtail
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

FORMAT = "limburg-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
MAX_MANIFEST_SIZE = 1024 * 1024
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINES = {"django.db.backends.sqlite3": "sqlite", "django.db.backends.postgresql": "postgresql"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# Connection options that the PostgreSQL client tools read from the environment.
PG_OPTION_VARIABLES = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "options": "PGOPTIONS",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}

Log = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass
class BackupArchive:
    """An archive that passed every check: safe to restore from."""

    path: Path
    manifest: dict

    @property
    def engine(self):
        return self.manifest["database"]["engine"]

    @property
    def database_file(self):
        return self.manifest["database"]["file"]


def media_roots() -> dict[str, Path]:
    """Archive folder -> the folder on disk it comes from and goes back to."""
    return {
        "media": Path(settings.MEDIA_ROOT),
        "private-media": Path(settings.PRIVATE_MEDIA_ROOT),
    }


def database_engine() -> str:
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine not in ENGINES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")
    return ENGINES[engine]


def counted_tables() -> dict[str, str]:
    """What the manifest counts, and the table each count comes from."""
    models = {
        "pages": Page,
        "revisions": Revision,
        "images": get_image_model(),
        "documents": get_document_model(),
        "users": get_user_model(),
    }
    return {name: model._meta.db_table for name, model in models.items()}


def count_rows(cursor) -> dict[str, int]:
    """The manifest's counts, through any DB-API cursor (Django's, or sqlite3's on a copy)."""
    counts = {}
    for name, table in counted_tables().items():
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[name] = cursor.fetchone()[0]
    return counts


# Making a backup


def default_backup_path() -> Path:
    return (
        Path(settings.BASE_DIR) / "backups" / f"limburg-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.tar.gz"
    )


def create_backup(output: Path, log: Log) -> dict:
    """Write the archive to ``output`` and return its manifest.

    The archive is written to a temporary file beside ``output`` and renamed at the end, so a
    failed backup never leaves a partial archive. It is readable by its owner only: it holds
    password hashes and personal data.
    """
    engine = database_engine()
    output = Path(output).absolute()
    if output.exists():
        raise BackupError(f"{output} already exists; choose another --output.")
    for root in media_roots().values():
        if output.resolve().is_relative_to(root.resolve()):
            raise BackupError(f"Write the backup outside {root}, which it copies.")
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, partial_name = tempfile.mkstemp(
        dir=output.parent, prefix=f".{output.name}.", suffix=".partial"
    )
    os.close(handle)  # mkstemp made it 0600; tarfile reopens it by name
    partial = Path(partial_name)
    try:
        with tempfile.TemporaryDirectory(dir=output.parent, prefix=".limburg-backup-") as scratch:
            dump = Path(scratch) / DATABASE_FILES[engine]
            log(f"Dumping the {ENGINE_NAMES[engine]} database…")
            counts = DUMPERS[engine](dump)
            with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
                archive.add(dump, arcname=dump.name, filter=_anonymous)
                media_files = {}
                for folder, root in media_roots().items():
                    log(f"Adding {root} as {folder}/…")
                    media_files[folder] = _add_folder(archive, root, folder, log)
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "created": datetime.now(UTC).isoformat(timespec="seconds"),
                    "database": {"engine": engine, "file": dump.name},
                    "django": django.get_version(),
                    "wagtail": wagtail.__version__,
                    "counts": counts,
                    "media_files": media_files,
                }
                _add_bytes(archive, MANIFEST_NAME, json.dumps(manifest, indent=2).encode())
        os.replace(partial, output)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


def _dump_sqlite(target: Path) -> dict[str, int]:
    """A consistent copy through SQLite's online backup API; the site may keep running."""
    source_path = Path(settings.DATABASES["default"]["NAME"])
    if not source_path.is_file():
        raise BackupError(f"There is no SQLite database at {source_path}.")
    # mode=rw: never create an empty database where the real one was expected.
    source = sqlite3.connect(f"{source_path.absolute().as_uri()}?mode=rw", uri=True, timeout=30)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        # One self-contained file, whatever journal mode the live database uses.
        copy.execute("PRAGMA journal_mode=DELETE")
        return count_rows(copy.cursor())
    except sqlite3.Error as error:
        raise BackupError(f"Copying the SQLite database {source_path} failed: {error}") from error
    finally:
        copy.close()
        source.close()


def _dump_postgresql(target: Path) -> dict[str, int]:
    """``pg_dump`` of one snapshot, which the manifest's counts are taken from too."""
    pg_dump = _client_tool("pg_dump")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        counts = count_rows(cursor)
        _run(
            [
                pg_dump,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={target}",
            ]
        )
    return counts


DUMPERS = {"sqlite": _dump_sqlite, "postgresql": _dump_postgresql}


def _anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """No user or group names of this server in the archive."""
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def _add_folder(archive: tarfile.TarFile, root: Path, folder: str, log: Log) -> int:
    """Add the regular files under ``root`` as ``folder/…``; return how many."""
    added = 0
    if not root.is_dir():
        return added
    for directory, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for filename in sorted(filenames):
            path = Path(directory) / filename
            if path.is_symlink() or not path.is_file():
                log(f"Skipped {path}: not a regular file.")
                continue
            arcname = f"{folder}/{path.relative_to(root).as_posix()}"
            try:
                archive.add(path, arcname=arcname, recursive=False, filter=_anonymous)
            except FileNotFoundError:
                log(f"Skipped {path}: it was deleted during the backup.")
                continue
            added += 1
    return added


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


# Checking an archive


def open_backup(path: Path) -> BackupArchive:
    """Check everything about the archive before anything is changed.

    Refused: a file that is not a tar archive, a member whose path would land outside its folder
    (absolute or with ``..``), links and special files, anything that does not belong in a
    backup, a missing or unreadable manifest, another format version, another database engine,
    and a media folder whose number of files differs from the manifest's.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file.")
    try:
        with tarfile.open(path, "r:*") as archive:
            members = archive.getmembers()
            media_files = _check_members(members)
            manifest = _read_manifest(archive)
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        raise BackupError(f"{path} is not a readable backup archive ({error}).") from error
    backup = BackupArchive(path=path, manifest=manifest)
    names = {member.name for member in members if member.isfile()}
    if backup.database_file not in names:
        raise BackupError(f"{path} holds no {backup.database_file}: it is damaged.")
    for folder, expected in manifest["media_files"].items():
        if media_files.get(folder, 0) != expected:
            raise BackupError(
                f"{path} holds {media_files.get(folder, 0)} files in {folder}/, "
                f"its manifest {expected}: it is damaged."
            )
    configured = database_engine()
    if backup.engine != configured:
        raise BackupError(
            f"{path} holds a {ENGINE_NAMES[backup.engine]} database, but this installation "
            f"uses {ENGINE_NAMES[configured]}. Restore it into an installation with the same "
            "database engine (DATABASE_URL)."
        )
    return backup


def _check_members(members: list[tarfile.TarInfo]) -> dict[str, int]:
    """Refuse unsafe or unexpected members; return the number of files per media folder."""
    media_files = dict.fromkeys(media_roots(), 0)
    allowed_files = {MANIFEST_NAME, *DATABASE_FILES.values()}
    for member in members:
        parts = PurePosixPath(member.name).parts
        if not parts or member.name.startswith("/") or ".." in parts:
            raise BackupError(
                f"The archive member {member.name!r} would be written outside its folder; "
                "this is not a backup made by `manage.py backup`."
            )
        if not (member.isfile() or member.isdir()):
            raise BackupError(
                f"The archive member {member.name!r} is a link or a special file; "
                "a backup holds only files and folders."
            )
        if parts[0] in media_files:
            media_files[parts[0]] += member.isfile()
        elif not (member.isfile() and member.name in allowed_files):
            raise BackupError(f"The archive member {member.name!r} does not belong in a backup.")
    return media_files


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        member = archive.getmember(MANIFEST_NAME)
    except KeyError:
        raise BackupError(f"The archive has no {MANIFEST_NAME}: it is not a backup.") from None
    if member.size > MAX_MANIFEST_SIZE:
        raise BackupError(f"The archive's {MANIFEST_NAME} is too large to be a manifest.")
    try:
        manifest = json.loads(archive.extractfile(member).read())
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"The archive's {MANIFEST_NAME} is not valid JSON ({error}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"The archive's {MANIFEST_NAME} is not a {FORMAT} manifest.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"The archive has format version {manifest.get('format_version')!r}; this code "
            f"restores version {FORMAT_VERSION}. Restore it with the code version that made it."
        )
    database = manifest.get("database")
    if (
        not isinstance(database, dict)
        or not isinstance(database.get("engine"), str)
        or database["engine"] not in DATABASE_FILES
        or database.get("file") != DATABASE_FILES[database["engine"]]
        or not isinstance(manifest.get("counts"), dict)
        or not isinstance(manifest.get("media_files"), dict)
        or set(manifest["media_files"]) != set(media_roots())
    ):
        raise BackupError(f"The archive's {MANIFEST_NAME} is incomplete.")
    return manifest


# Restoring


def installation_contents() -> list[str]:
    """What the installation holds beyond what ``migrate`` creates; empty means safe to restore.

    Empty: a database without tables, or one where migrations created everything (Wagtail's root
    and welcome pages, default groups, locales, seeded vocabularies) and nobody has added a
    user, image, document, revision or page since; and media folders without files.
    """
    found = []
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        if tables and "django_migrations" not in tables:
            found.append(f"{len(tables)} tables of another application")
        elif tables:
            tables_by_name = counted_tables()
            for name in ("users", "images", "documents", "revisions"):
                table = tables_by_name[name]
                if table in tables:
                    cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
                    (count,) = cursor.fetchone()
                    if count:
                        found.append(f"{count} {name}")
            if {Page._meta.db_table, ContentType._meta.db_table} <= tables:
                # Only Wagtail's own root and welcome pages (plain Page objects) are allowed.
                cursor.execute(
                    f'SELECT COUNT(*) FROM "{Page._meta.db_table}" p '
                    f'JOIN "{ContentType._meta.db_table}" t ON p.content_type_id = t.id '
                    "WHERE p.depth > 2 OR t.app_label <> 'wagtailcore' OR t.model <> 'page'"
                )
                (count,) = cursor.fetchone()
                if count:
                    found.append(f"{count} pages")
    for root in media_roots().values():
        files = sum(1 for path in root.rglob("*") if path.is_file()) if root.is_dir() else 0
        if files:
            found.append(f"{files} files in {root}")
    return found


def restore_backup(backup: BackupArchive, log: Log) -> None:
    """Replace the database with the archive's, then put the media files in place.

    Call it after ``open_backup`` and ``installation_contents``. Media files already on disk are
    overwritten by the archive's and otherwise left alone.
    """
    with tarfile.open(backup.path, "r:*") as archive:
        with tempfile.TemporaryDirectory(prefix="limburg-restore-") as scratch:
            archive.extract(backup.database_file, scratch, filter="data")
            dump = Path(scratch) / backup.database_file
            log(f"Restoring the {ENGINE_NAMES[backup.engine]} database…")
            RESTORERS[backup.engine](dump)
        # The database changed under Django's caches.
        ContentType.objects.clear_cache()
        Site.clear_site_root_paths_cache()
        with connection.cursor() as cursor:
            restored = count_rows(cursor)
        if restored != backup.manifest["counts"]:
            raise BackupError(
                f"The restored database holds {restored}, the manifest says "
                f"{backup.manifest['counts']}: the archive is damaged. The media were not restored."
            )
        roots = media_roots()
        for root in roots.values():
            root.mkdir(parents=True, exist_ok=True)
        log("Restoring the media…")
        for member in archive:
            folder, _, relative = member.name.partition("/")
            if member.isfile() and folder in roots:
                archive.extract(member.replace(name=relative), roots[folder], filter="data")


def unknown_migrations() -> list[str]:
    """Migrations the restored database has applied that this code does not have."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    known = set(loader.graph.nodes)
    for squashed in loader.replacements.values():
        known.update(squashed.replaces)
    return sorted(f"{app}.{name}" for app, name in set(loader.applied_migrations) - known)


def _restore_sqlite(dump: Path) -> None:
    """Copy the dump into the configured file through the backup API (journal files included)."""
    target = Path(settings.DATABASES["default"]["NAME"])
    connections.close_all()  # Django must not hold the file while it is replaced
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(dump)
    destination = sqlite3.connect(target, timeout=30)
    try:
        source.backup(destination)
    except sqlite3.Error as error:
        raise BackupError(f"Restoring into {target} failed: {error}") from error
    finally:
        destination.close()
        source.close()


def _restore_postgresql(dump: Path) -> None:
    """Drop the installation's tables, then ``pg_restore`` the dump in one transaction."""
    pg_restore = _client_tool("pg_restore")
    name = settings.DATABASES["default"]["NAME"]
    with transaction.atomic(), connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if tables:
            # CASCADE takes their sequences, indexes, constraints and any views along.
            quoted = ", ".join(connection.ops.quote_name(table) for table in tables)
            cursor.execute(f"DROP TABLE IF EXISTS {quoted} CASCADE")
    connections.close_all()
    try:
        _run(
            [
                pg_restore,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={name}",
                str(dump),
            ]
        )
    except BackupError as error:
        raise BackupError(
            f"{error}\nThe database {name} is now empty (its tables were dropped first): "
            "fix the problem and restore again."
        ) from error


RESTORERS = {"sqlite": _restore_sqlite, "postgresql": _restore_postgresql}


def _client_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} is not installed. Install the PostgreSQL client tools "
            "(Debian: postgresql-client), the server's major version or newer."
        )
    return path


def _postgres_environment() -> dict[str, str]:
    """The connection as libpq variables: the password never appears on a command line."""
    database = settings.DATABASES["default"]
    variables = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database.get("NAME"),
    }
    options = database.get("OPTIONS", {})
    variables.update({env: options.get(option) for option, env in PG_OPTION_VARIABLES.items()})
    return {**os.environ, **{key: str(value) for key, value in variables.items() if value}}


def _run(command: list[str]) -> None:
    result = subprocess.run(
        command, env=_postgres_environment(), capture_output=True, text=True, check=False
    )
    if result.returncode:
        tool = Path(command[0]).name
        raise BackupError(f"{tool} failed (exit status {result.returncode}):\n{result.stderr}")
