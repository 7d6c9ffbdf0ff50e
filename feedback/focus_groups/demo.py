"""Demo sessions for the exchange programme (``flask --app wsgi demo load``)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from feedback.extensions import db
from feedback.focus_groups.models import FocusGroup
from feedback.surveys.models import Survey
from feedback.timeutil import utcnow

DEMO_SURVEY = "exchange-programme"

SESSIONS = [
    {
        "key": "Exchange programme: what should the delegation see?",
        "title": {
            "en": "Exchange programme: what should the delegation see?",
            "sq": "Programi i shkëmbimit: çfarë duhet të shohë delegacioni?",
            "sr": "Програм размене: шта делегација треба да види?",
        },
        "description": {
            "en": "A one-hour conversation about the places and projects to show our guests.",
            "sq": "Një bisedë njëorëshe për vendet dhe projektet që do t'u tregojmë mysafirëve.",
            "sr": "Једночасовни разговор о местима и пројектима које ћемо показати гостима.",
        },
        "accessibility": {
            "en": "Step-free entrance and a hearing loop.",
            "sq": "Hyrje pa shkallë dhe lak dëgjimi.",
            "sr": "Улаз без степеница и индукциона петља.",
        },
        "languages": ["en", "sq", "sr"],
        "days": 7,
        "capacity": 10,
        "place": "Community centre, room 2",
        "interpretation_offered": True,
    },
    {
        "key": "Parks and public spaces after the exchange",
        "title": {
            "en": "Parks and public spaces after the exchange",
            "es": "Parques y espacios públicos después del intercambio",
        },
        "description": {
            "en": "What did you learn from the visiting city? Bring your ideas.",
            "es": "¿Qué aprendió de la ciudad visitante? Traiga sus ideas.",
        },
        "accessibility": {"en": "Ground floor, accessible toilets."},
        "languages": ["en", "es"],
        "days": 10,
        "capacity": 15,
        "place": "Central library, meeting room",
        "childcare_offered": True,
    },
    {
        "key": "Online: newcomers' view of the city",
        "title": {
            "en": "Online: newcomers' view of the city",
            "ar": "عبر الإنترنت: المدينة من منظور القادمين الجدد",
        },
        "description": {"en": "A video call for people who moved here recently."},
        "accessibility": {"en": "Live captions on the video call."},
        "languages": ["ar", "en"],
        "days": 14,
        "capacity": 12,
        "online_url": "https://meet.example.org/newcomers",
        "interpretation_offered": True,
    },
]


def load_demo_sessions() -> list[str]:
    """Create the demo sessions that do not exist yet; returns their names."""
    survey = db.session.scalar(select(Survey).where(Survey.slug == DEMO_SURVEY))
    existing = {g.title.get("en") for g in db.session.scalars(select(FocusGroup))}
    created = []
    start_day = (utcnow() + timedelta(days=1)).replace(hour=17, minute=0, second=0, microsecond=0)
    for spec in SESSIONS:
        if spec["key"] in existing:
            continue
        starts = start_day + timedelta(days=spec["days"])
        db.session.add(
            FocusGroup(
                title=spec["title"],
                description=spec["description"],
                accessibility=spec["accessibility"],
                default_language="en",
                starts_at=starts,
                ends_at=starts + timedelta(hours=1, minutes=30),
                place=spec.get("place", ""),
                online_url=spec.get("online_url", ""),
                languages=spec["languages"],
                interpretation_offered=spec.get("interpretation_offered", False),
                childcare_offered=spec.get("childcare_offered", False),
                capacity=spec["capacity"],
                seats_taken=0,
                waitlist_enabled=True,
                signup_closes_at=starts - timedelta(hours=2),
                survey_id=survey.id if survey else None,
            )
        )
        created.append(f"focus group: {spec['key']}")
    db.session.flush()
    return created
