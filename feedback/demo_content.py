"""Demo surveys (definitions as in feedback.surveys.definition)."""

SURVEYS = [
    {
        "slug": "exchange-programme",
        "status": "open",
        "default_language": "en",
        "languages": ["en", "sq"],
        "title": {"en": "The new park", "sq": "Parku i ri"},
        "introduction": {"en": "Tell us about the park.", "sq": "Na tregoni për parkun."},
        "thank_you": {"en": "We will read every answer.", "sq": "Do t'i lexojmë të gjitha."},
        "sections": [
            {
                "title": {"en": "About you", "sq": "Rreth jush"},
                "questions": [
                    {
                        "code": "area",
                        "kind": "single",
                        "required": True,
                        "segment": True,
                        "text": {"en": "Where do you live?", "sq": "Ku jetoni?"},
                        "hint": {"en": "Pick the nearest area."},
                        "choices": [
                            {"code": "north", "label": {"en": "North", "sq": "Veri"}},
                            {"code": "south", "label": {"en": "South", "sq": "Jug"}},
                        ],
                    },
                    {
                        "code": "visits",
                        "kind": "yesno",
                        "required": True,
                        "text": {
                            "en": "Have you visited the park?",
                            "sq": "A e keni vizituar parkun?",
                        },
                    },
                    {
                        "code": "often",
                        "kind": "number",
                        "min": 1,
                        "max": 31,
                        "text": {
                            "en": "How many times last month?",
                            "sq": "Sa herë muajin e kaluar?",
                        },
                        "show_if": {"question": "visits", "operator": "equals", "values": ["yes"]},
                    },
                ],
            },
            {
                "title": {"en": "Your views", "sq": "Mendimet tuaja"},
                "questions": [
                    {
                        "code": "likes",
                        "kind": "multiple",
                        "min_choices": 1,
                        "max_choices": 2,
                        "text": {"en": "What do you like?", "sq": "Çfarë ju pëlqen?"},
                        "choices": [
                            {"code": "trees", "label": {"en": "Trees", "sq": "Pemët"}},
                            {"code": "benches", "label": {"en": "Benches", "sq": "Stolat"}},
                            {"code": "lights", "label": {"en": "Lights"}},
                        ],
                    },
                    {
                        "code": "rating",
                        "kind": "rating",
                        "min": 1,
                        "max": 5,
                        "required": True,
                        "text": {"en": "How good is it?", "sq": "Sa i mirë është?"},
                        "low_label": {"en": "Very poor", "sq": "Shumë i dobët"},
                        "high_label": {"en": "Very good", "sq": "Shumë i mirë"},
                    },
                    {
                        "code": "recommend",
                        "kind": "nps",
                        "text": {"en": "Would you recommend it?", "sq": "A do ta rekomandonit?"},
                    },
                    {
                        "code": "name_it",
                        "kind": "short_text",
                        "text": {"en": "Suggest a name", "sq": "Sugjeroni një emër"},
                    },
                    {
                        "code": "comments",
                        "kind": "long_text",
                        "max_length": 200,
                        "text": {"en": "Anything else?", "sq": "Diçka tjetër?"},
                    },
                    {
                        "code": "visit_day",
                        "kind": "date",
                        "text": {
                            "en": "When did you last go?",
                            "sq": "Kur shkuat për herë të fundit?",
                        },
                    },
                ],
            },
        ],
    }
]
