"""Register the hand-written English demo pages as wagtail-localize translations.

The demo writes each English page in full (real English, from the same facts).
Pairing its strings with the Dutch page's, field by field and in order, makes it
an ordinary wagtail-localize translation: editors open it in the translation
editor, see which strings go out of date when the Dutch changes, and export or
import PO files for it like any other.
"""

from collections import defaultdict

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

TOOL_NAME = "demo content"


def strings_by_field(instance):
    """The translatable strings of ``instance``, grouped by top-level field, in order."""
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path.split(".")[0]].append(segment)
    return strings


def paired_strings(source, target):
    """{(context path, source string): target string} for fields whose strings line up.

    A field whose number of strings differs between the two is left out: its
    strings stay untranslated in the editor rather than being paired wrongly.
    """
    pairs = {}
    target_strings = strings_by_field(target)
    for field, segments in strings_by_field(source).items():
        translated = target_strings.get(field, [])
        if len(translated) != len(segments):
            continue
        for segment, translation in zip(segments, translated, strict=True):
            pairs[(segment.path, segment.string.data)] = translation.string.data
    return pairs


def adopt_translation(source, target):
    """Make ``target`` the wagtail-localize translation of ``source``; returns (total, translated).

    Idempotent. The target page itself is not rewritten.
    """
    translation_source, _created = TranslationSource.get_or_create_from_instance(source)
    translation, _created = Translation.objects.get_or_create(
        source=translation_source, target_locale_id=target.locale_id, defaults={"enabled": True}
    )
    pairs = paired_strings(source, target)
    po = translation.export_po()
    for entry in po:
        if not entry.obsolete and not entry.msgstr:
            entry.msgstr = pairs.get((entry.msgctxt, entry.msgid), "")
    translation.import_po(po, tool_name=TOOL_NAME)
    return translation.get_progress()


def adopt_demo_translations(source_locale, log=print):
    """Adopt every hand-made translation of a ``source_locale`` page that wagtail-localize does not know."""
    known = set(
        Translation.objects.filter(source__locale=source_locale).values_list(
            "source__object_id", "target_locale_id"
        )
    )
    sources = {
        page.translation_key: page
        for page in Page.objects.filter(locale=source_locale, depth__gt=1).specific()
    }
    targets = (
        Page.objects.exclude(locale=source_locale)
        .filter(alias_of__isnull=True, translation_key__in=sources)
        .specific()
    )
    for target in targets:
        if (target.translation_key, target.locale_id) in known:
            continue
        total, translated = adopt_translation(sources[target.translation_key], target)
        log(f"Translation: {target.title} ({translated}/{total} strings)")
