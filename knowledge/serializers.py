"""Knowledge relations as the public API shows them (plain serializers: the models use them)."""

from rest_framework import serializers


class AuthorSerializer(serializers.Serializer):
    family_name = serializers.CharField()
    given_names = serializers.CharField()
    orcid = serializers.CharField()
    affiliation = serializers.CharField(source="affiliation_name")


class LicenceSerializer(serializers.Serializer):
    name = serializers.CharField()
    spdx_id = serializers.CharField()
    url = serializers.URLField()


class DealKindSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class PartySerializer(serializers.Serializer):
    organisation = serializers.CharField(source="organisation.name")
    role = serializers.CharField()
    commitment = serializers.CharField()
    amount = serializers.DecimalField(max_digits=14, decimal_places=2)
    source_name = serializers.CharField()
    source_url = serializers.URLField()


class MilestoneSerializer(serializers.Serializer):
    date = serializers.DateField()
    precision = serializers.CharField()
    text = serializers.CharField()
    status = serializers.CharField()
    source_name = serializers.CharField()
    source_url = serializers.URLField()
