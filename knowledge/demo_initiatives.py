"""Demo initiatives: invented examples, marked as such on every card, with no person's
data (the contact address is on example.org). Real initiatives come in through the form."""

from django.db import transaction
from django.utils import timezone

from knowledge.models import Initiative
from limburg.models import Place, Theme

EXAMPLES = [
    {
        "title": "Voorbeeld: moestuin bij het buurthuis",
        "description": (
            "Een verzonnen voorbeeld. Buren leggen samen een moestuin aan naast het buurthuis, "
            "met bakken op hoogte voor ouderen. Kinderen van de basisschool helpen mee, en wat "
            "er groeit wordt gedeeld."
        ),
        "scale": Initiative.Scale.GROUP,
        "nature": Initiative.Nature.PHYSICAL,
        "place": "WK091712",
        "themes": ["gezondheid", "wonen"],
        "needs": {"needs_money": True, "amount": 2500, "needs_help": True},
        "status": Initiative.Status.IN_BEHANDELING,
    },
    {
        "title": "Voorbeeld: koffieochtend voor nieuwe buren",
        "description": (
            "Een verzonnen voorbeeld. Elke maand een koffieochtend waar nieuwe bewoners hun "
            "buren leren kennen, met informatie over de vereniging en de voorzieningen in het "
            "dorp."
        ),
        "scale": Initiative.Scale.INDIVIDUAL,
        "nature": Initiative.Nature.SOCIAL,
        "place": "WK098101",
        "themes": ["wonen"],
        "needs": {"needs_space": True, "needs_contacts": True},
        "status": Initiative.Status.ONTVANGEN,
    },
]


class InitiativeDemo:
    def __init__(self, log=print):
        self.log = log

    @transaction.atomic
    def load(self):
        for spec in EXAMPLES:
            place = Place.objects.filter(code=spec["place"]).first()
            if place is None or Initiative.objects.filter(title=spec["title"]).exists():
                continue
            initiative = Initiative.objects.create(
                title=spec["title"],
                description=spec["description"],
                scale=spec["scale"],
                nature=spec["nature"],
                place=place,
                status=spec["status"],
                contact_name="Voorbeeld",
                contact_email="voorbeeld@example.org",
                publication_consent=True,
                is_public=True,
                is_example=True,
                confirmed_at=timezone.now(),
                **spec["needs"],
            )
            initiative.themes.set(
                Theme.objects.filter(locale__language_code="nl", slug__in=spec["themes"])
            )
            self.log(f"Initiative: {initiative.title}")
