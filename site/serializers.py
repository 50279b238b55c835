"""How the shared vocabulary appears in the public API (wagtail.api v2): codes beside names,
so other systems can join on them (CBS codes for places).

Plain serializers, not ModelSerializers: the models declare their ``api_fields``
with these, so this module must not import the models.
"""

from rest_framework import serializers


class ThemeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class PlaceSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()


class OrganisationSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.CharField()
    website = serializers.URLField()
