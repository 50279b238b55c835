"""Case-study relations as the public API shows them (plain serializers: the models use them)."""

from rest_framework import serializers


class CaseStudyPartnerSerializer(serializers.Serializer):
    organisation = serializers.CharField(source="organisation.name")
    role = serializers.CharField()
    commitment = serializers.CharField()


class CaseStudyFundingSerializer(serializers.Serializer):
    instrument = serializers.CharField(source="instrument.name")
    amount = serializers.DecimalField(max_digits=14, decimal_places=2)
    start_year = serializers.IntegerField()
    end_year = serializers.IntegerField()
    source_name = serializers.CharField()
    source_url = serializers.URLField()
