"""Demo surveys (definitions as in feedback.surveys.definition).

Every text is given in English (the default), Albanian, Serbian (Cyrillic) and Spanish.
Codes are stable: exports, results and tests rely on them.
"""

LANGUAGES = ["en", "sq", "sr", "es"]

ATTENDED_YES = {"question": "attended", "operator": "equals", "values": ["yes"]}

PREFER_NOT_TO_SAY = {
    "en": "Prefer not to say",
    "sq": "Preferoj të mos e them",
    "sr": "Не желим да кажем",
    "es": "Prefiero no decirlo",
}


def _same(text: str) -> dict[str, str]:
    """A label that reads the same in every language (a place name, an age range)."""
    return dict.fromkeys(LANGUAGES, text)


NEIGHBOURHOODS = ["Riverside", "Northgate", "Eastwood", "Oak Hill", "Mill Creek"]

AGE_BANDS = ["18–24", "25–34", "35–44", "45–54", "55–64"]

EXCHANGE_PROGRAMME = {
    "slug": "exchange-programme",
    "status": "open",
    "default_language": "en",
    "languages": LANGUAGES,
    "results_public": True,
    "title": {
        "en": "The Kosovo exchange programme: your views",
        "sq": "Programi i shkëmbimit me Kosovën: mendimi juaj",
        "sr": "Програм размене са Косовом: ваше мишљење",
        "es": "Programa de intercambio con Kosovo: su opinión",
    },
    "introduction": {
        "en": (
            "This year our city is hosting a delegation from our sister city in Kosovo. "
            "Together we are sharing ideas on urban planning, public health and education. "
            "We want to hear what residents think.\n\n"
            "The survey takes about 5 minutes. It is anonymous: we do not ask for your name "
            "or contact details."
        ),
        "sq": (
            "Këtë vit qyteti ynë po pret një delegacion nga qyteti binjak në Kosovë. "
            "Së bashku po shkëmbejmë përvoja në planifikimin urban, shëndetin publik dhe "
            "arsimin. Duam të dëgjojmë edhe mendimin e banorëve.\n\n"
            "Plotësimi i pyetësorit zgjat rreth 5 minuta. Pyetësori është anonim: nuk ju "
            "kërkojmë as emrin, as të dhënat e kontaktit."
        ),
        "sr": (
            "Ове године наш град угошћује делегацију из нашег братског града на Косову. "
            "Заједно размењујемо искуства у урбанистичком планирању, јавном здрављу и "
            "образовању. Занима нас шта мисле становници.\n\n"
            "Анкета траје око 5 минута. Анонимна је: не тражимо ваше име ни податке за контакт."
        ),
        "es": (
            "Este año, nuestra ciudad recibe a una delegación de nuestra ciudad hermana en "
            "Kosovo. Juntos compartimos ideas sobre planificación urbana, salud pública y "
            "educación. Queremos saber qué opinan los residentes.\n\n"
            "La encuesta toma unos 5 minutos. Es anónima: no le pedimos su nombre ni sus "
            "datos de contacto."
        ),
    },
    "thank_you": {
        "en": (
            "Thank you for your time. We will share what we learn with the delegation "
            "and publish a summary of the results on this site."
        ),
        "sq": (
            "Ju faleminderit për kohën. Atë që mësojmë do ta ndajmë me delegacionin dhe "
            "një përmbledhje të rezultateve do ta publikojmë në këtë faqe."
        ),
        "sr": (
            "Хвала вам на времену. Оно што сазнамо поделићемо са делегацијом, а сажетак "
            "резултата објавићемо на овом сајту."
        ),
        "es": (
            "Gracias por su tiempo. Compartiremos lo que aprendamos con la delegación y "
            "publicaremos un resumen de los resultados en este sitio."
        ),
    },
    "sections": [
        {
            "title": {"en": "About you", "sq": "Rreth jush", "sr": "О вама", "es": "Sobre usted"},
            "description": {
                "en": "These questions help us see whether views differ between residents.",
                "sq": "Këto pyetje na ndihmojnë të shohim nëse banorët mendojnë ndryshe.",
                "sr": "Ова питања нам помажу да видимо да ли се мишљења становника разликују.",
                "es": "Estas preguntas nos ayudan a ver si las opiniones varían entre residentes.",
            },
            "questions": [
                {
                    "code": "neighbourhood",
                    "kind": "single",
                    "required": True,
                    "segment": True,
                    "text": {
                        "en": "Which neighbourhood do you live in?",
                        "sq": "Në cilën lagje jetoni?",
                        "sr": "У ком насељу живите?",
                        "es": "¿En qué vecindario vive?",
                    },
                    "hint": {
                        "en": "If you are not sure, choose the closest one.",
                        "sq": "Nëse nuk jeni të sigurt, zgjidhni lagjen më të afërt.",
                        "sr": "Ако нисте сигурни, изаберите најближе насеље.",
                        "es": "Si tiene dudas, elija el más cercano.",
                    },
                    "choices": [
                        *(
                            {"code": name.lower().replace(" ", "_"), "label": _same(name)}
                            for name in NEIGHBOURHOODS
                        ),
                        {
                            "code": "other",
                            "label": {
                                "en": "Another neighbourhood",
                                "sq": "Lagje tjetër",
                                "sr": "Друго насеље",
                                "es": "Otro vecindario",
                            },
                        },
                        {"code": "no_answer", "label": PREFER_NOT_TO_SAY},
                    ],
                },
                {
                    "code": "age_band",
                    "kind": "single",
                    "segment": True,
                    "text": {
                        "en": "How old are you?",
                        "sq": "Sa vjeç jeni?",
                        "sr": "Колико имате година?",
                        "es": "¿Qué edad tiene?",
                    },
                    "choices": [
                        {
                            "code": "under_18",
                            "label": {
                                "en": "Under 18",
                                "sq": "Nën 18 vjeç",
                                "sr": "Мање од 18",
                                "es": "Menos de 18",
                            },
                        },
                        *(
                            {"code": band.replace("–", "_"), "label": _same(band)}
                            for band in AGE_BANDS
                        ),
                        {
                            "code": "65_plus",
                            "label": {
                                "en": "65 or over",
                                "sq": "65 e më shumë",
                                "sr": "65 и више",
                                "es": "65 o más",
                            },
                        },
                        {"code": "no_answer", "label": PREFER_NOT_TO_SAY},
                    ],
                },
                {
                    "code": "home_language",
                    "kind": "single",
                    "segment": True,
                    "text": {
                        "en": "Which language do you mostly speak at home?",
                        "sq": "Cilën gjuhë e flisni më shumë në shtëpi?",
                        "sr": "Којим језиком највише говорите код куће?",
                        "es": "¿Qué idioma habla más en casa?",
                    },
                    "hint": {
                        "en": "If you speak more than one, choose the one you use most.",
                        "sq": "Nëse flisni më shumë se një, zgjidhni atë që e përdorni më shpesh.",
                        "sr": "Ако говорите више језика, изаберите онај који највише користите.",
                        "es": "Si habla más de uno, elija el que más usa.",
                    },
                    "choices": [
                        {
                            "code": "english",
                            "label": {
                                "en": "English",
                                "sq": "Anglisht",
                                "sr": "Енглески",
                                "es": "Inglés",
                            },
                        },
                        {
                            "code": "albanian",
                            "label": {
                                "en": "Albanian",
                                "sq": "Shqip",
                                "sr": "Албански",
                                "es": "Albanés",
                            },
                        },
                        {
                            "code": "serbian",
                            "label": {
                                "en": "Serbian",
                                "sq": "Serbisht",
                                "sr": "Српски",
                                "es": "Serbio",
                            },
                        },
                        {
                            "code": "spanish",
                            "label": {
                                "en": "Spanish",
                                "sq": "Spanjisht",
                                "sr": "Шпански",
                                "es": "Español",
                            },
                        },
                        {
                            "code": "other",
                            "label": {
                                "en": "Another language",
                                "sq": "Gjuhë tjetër",
                                "sr": "Други језик",
                                "es": "Otro idioma",
                            },
                        },
                    ],
                },
                {
                    "code": "attended",
                    "kind": "yesno",
                    "required": True,
                    "text": {
                        "en": "Have you been to any exchange event?",
                        "sq": "A keni marrë pjesë në ndonjë aktivitet të shkëmbimit?",
                        "sr": "Да ли сте били на неком догађају у оквиру размене?",
                        "es": "¿Ha asistido a algún evento del intercambio?",
                    },
                    "hint": {
                        "en": "For example a public talk, a site visit or a community dinner.",
                        "sq": "Për shembull, një ligjëratë publike, një vizitë në terren "
                        "ose një darkë me komunitetin.",
                        "sr": "На пример, јавно предавање, обилазак терена или вечера у заједници.",
                        "es": "Por ejemplo, una charla pública, una visita de campo o una "
                        "cena comunitaria.",
                    },
                },
                {
                    "code": "events_count",
                    "kind": "number",
                    "min": 1,
                    "max": 50,
                    "show_if": ATTENDED_YES,
                    "text": {
                        "en": "How many exchange events have you been to?",
                        "sq": "Në sa aktivitete të shkëmbimit keni marrë pjesë?",
                        "sr": "На колико сте догађаја у оквиру размене били?",
                        "es": "¿A cuántos eventos del intercambio ha asistido?",
                    },
                    "hint": {
                        "en": "An estimate is fine.",
                        "sq": "Mjafton një numër i përafërt.",
                        "sr": "Довољан је приближан број.",
                        "es": "Basta con un número aproximado.",
                    },
                },
                {
                    "code": "last_event",
                    "kind": "date",
                    "show_if": ATTENDED_YES,
                    "text": {
                        "en": "When did you last attend an exchange event?",
                        "sq": "Kur keni qenë për herë të fundit në një aktivitet të shkëmbimit?",
                        "sr": "Када сте последњи пут били на неком догађају у оквиру размене?",
                        "es": "¿Cuándo asistió por última vez a un evento del intercambio?",
                    },
                    "hint": {
                        "en": "An approximate date is fine.",
                        "sq": "Mjafton një datë e përafërt.",
                        "sr": "Довољан је приближан датум.",
                        "es": "Basta con una fecha aproximada.",
                    },
                },
            ],
        },
        {
            "title": {
                "en": "The exchange programme",
                "sq": "Programi i shkëmbimit",
                "sr": "Програм размене",
                "es": "El programa de intercambio",
            },
            "description": {
                "en": "Tell us what you think of the programme so far.",
                "sq": "Na tregoni çfarë mendoni për programin deri tani.",
                "sr": "Реците нам шта мислите о програму до сада.",
                "es": "Cuéntenos qué opina del programa hasta ahora.",
            },
            "questions": [
                {
                    "code": "topics",
                    "kind": "multiple",
                    "required": True,
                    "min_choices": 1,
                    "max_choices": 3,
                    "text": {
                        "en": "Which topics matter most to you?",
                        "sq": "Cilat tema janë më të rëndësishme për ju?",
                        "sr": "Које теме су вам најважније?",
                        "es": "¿Qué temas le importan más?",
                    },
                    "hint": {
                        "en": "Think about what affects your daily life.",
                        "sq": "Mendoni për gjërat që ndikojnë në jetën tuaj të përditshme.",
                        "sr": "Размислите о ономе што утиче на ваш свакодневни живот.",
                        "es": "Piense en lo que afecta su vida diaria.",
                    },
                    "choices": [
                        {
                            "code": "urban_planning",
                            "label": {
                                "en": "Urban planning",
                                "sq": "Planifikimi urban",
                                "sr": "Урбанистичко планирање",
                                "es": "Planificación urbana",
                            },
                        },
                        {
                            "code": "public_health",
                            "label": {
                                "en": "Public health",
                                "sq": "Shëndeti publik",
                                "sr": "Јавно здравље",
                                "es": "Salud pública",
                            },
                        },
                        {
                            "code": "education",
                            "label": {
                                "en": "Schools and education",
                                "sq": "Shkollat dhe arsimi",
                                "sr": "Школе и образовање",
                                "es": "Escuelas y educación",
                            },
                        },
                        {
                            "code": "transport",
                            "label": {
                                "en": "Public transport",
                                "sq": "Transporti publik",
                                "sr": "Јавни превоз",
                                "es": "Transporte público",
                            },
                        },
                        {
                            "code": "parks",
                            "label": {
                                "en": "Parks and public spaces",
                                "sq": "Parqet dhe hapësirat publike",
                                "sr": "Паркови и јавни простори",
                                "es": "Parques y espacios públicos",
                            },
                        },
                        {
                            "code": "culture",
                            "label": {
                                "en": "Culture and community life",
                                "sq": "Kultura dhe jeta në komunitet",
                                "sr": "Култура и живот заједнице",
                                "es": "Cultura y vida comunitaria",
                            },
                        },
                        {
                            "code": "jobs",
                            "label": {
                                "en": "Jobs and local business",
                                "sq": "Punësimi dhe bizneset lokale",
                                "sr": "Запошљавање и локална привреда",
                                "es": "Empleo y comercio local",
                            },
                        },
                    ],
                },
                {
                    "code": "satisfaction",
                    "kind": "rating",
                    "required": True,
                    "min": 1,
                    "max": 5,
                    "show_if": ATTENDED_YES,
                    "text": {
                        "en": "How would you rate the events you went to?",
                        "sq": "Si do t'i vlerësonit aktivitetet ku keni marrë pjesë?",
                        "sr": "Како бисте оценили догађаје на којима сте били?",
                        "es": "¿Cómo calificaría los eventos a los que asistió?",
                    },
                    "low_label": {
                        "en": "Very poor",
                        "sq": "Shumë dobët",
                        "sr": "Веома лоше",
                        "es": "Muy malos",
                    },
                    "high_label": {
                        "en": "Excellent",
                        "sq": "Shkëlqyeshëm",
                        "sr": "Одлично",
                        "es": "Excelentes",
                    },
                },
                {
                    "code": "recommend",
                    "kind": "nps",
                    "text": {
                        "en": "How likely are you to recommend the exchange programme "
                        "to a friend or neighbour?",
                        "sq": "Sa ka gjasa që t'ia rekomandoni programin e shkëmbimit "
                        "një miku ose fqinji?",
                        "sr": "Колико је вероватно да бисте програм размене препоручили "
                        "пријатељу или комшији?",
                        "es": "¿Qué tan probable es que recomiende el programa de intercambio "
                        "a un amigo o vecino?",
                    },
                    "low_label": {
                        "en": "Not at all likely",
                        "sq": "Nuk ka fare gjasa",
                        "sr": "Нимало вероватно",
                        "es": "Nada probable",
                    },
                    "high_label": {
                        "en": "Extremely likely",
                        "sq": "Ka shumë gjasa",
                        "sr": "Веома вероватно",
                        "es": "Muy probable",
                    },
                },
                {
                    "code": "idea",
                    "kind": "short_text",
                    "text": {
                        "en": "Is there an idea from Kosovo you would like our city to try?",
                        "sq": "A ka ndonjë ide nga Kosova që do të donit ta provonte qyteti ynë?",
                        "sr": "Постоји ли нека идеја са Косова коју би наш град могао да испроба?",
                        "es": "¿Hay alguna idea de Kosovo que le gustaría ver en nuestra ciudad?",
                    },
                    "hint": {
                        "en": "A few words are enough.",
                        "sq": "Mjaftojnë disa fjalë.",
                        "sr": "Довољно је неколико речи.",
                        "es": "Bastan unas pocas palabras.",
                    },
                },
                {
                    "code": "comments",
                    "kind": "long_text",
                    "max_length": 1000,
                    "text": {
                        "en": "Is there anything else you would like to tell us?",
                        "sq": "A dëshironi të na thoni edhe diçka tjetër?",
                        "sr": "Да ли желите још нешто да нам кажете?",
                        "es": "¿Hay algo más que quiera decirnos?",
                    },
                    "hint": {
                        "en": "Please do not include your name or other personal details.",
                        "sq": "Ju lutemi mos shkruani emrin tuaj ose të dhëna të tjera personale.",
                        "sr": "Молимо вас да не наводите своје име ни друге личне податке.",
                        "es": "Por favor, no incluya su nombre ni otros datos personales.",
                    },
                },
            ],
        },
    ],
}

LIBRARY_HOURS = {
    "slug": "library-hours",
    "status": "open",
    "default_language": "en",
    "languages": LANGUAGES,
    "title": {
        "en": "Library opening hours",
        "sq": "Orari i bibliotekave",
        "sr": "Радно време библиотека",
        "es": "Horario de las bibliotecas",
    },
    "introduction": {
        "en": (
            "We are reviewing when our public libraries are open. Tell us what works for you. "
            "It takes 2 minutes and is anonymous."
        ),
        "sq": (
            "Po e rishikojmë orarin e bibliotekave publike të qytetit. Na tregoni çfarë ju "
            "përshtatet. Pyetësori zgjat 2 minuta dhe është anonim."
        ),
        "sr": (
            "Разматрамо радно време градских библиотека. Реците нам шта вама одговара. "
            "Анкета траје 2 минута и анонимна је."
        ),
        "es": (
            "Estamos revisando el horario de las bibliotecas públicas. Díganos qué le conviene. "
            "La encuesta toma 2 minutos y es anónima."
        ),
    },
    "thank_you": {
        "en": "Thank you. We will publish the new opening hours on this site and in every library.",
        "sq": "Faleminderit. Orarin e ri do ta publikojmë në këtë faqe dhe në secilën bibliotekë.",
        "sr": "Хвала вам. Ново радно време објавићемо на овом сајту и у свакој библиотеци.",
        "es": "Gracias. Publicaremos el nuevo horario en este sitio y en cada biblioteca.",
    },
    "sections": [
        {
            "title": {
                "en": "Your library visits",
                "sq": "Vizitat tuaja në bibliotekë",
                "sr": "Ваше посете библиотеци",
                "es": "Sus visitas a la biblioteca",
            },
            "questions": [
                {
                    "code": "visit_often",
                    "kind": "single",
                    "required": True,
                    "text": {
                        "en": "How often do you go to a city library?",
                        "sq": "Sa shpesh shkoni në bibliotekën e qytetit?",
                        "sr": "Колико често идете у градску библиотеку?",
                        "es": "¿Con qué frecuencia va a una biblioteca de la ciudad?",
                    },
                    "choices": [
                        {
                            "code": "weekly",
                            "label": {
                                "en": "Every week",
                                "sq": "Çdo javë",
                                "sr": "Сваке недеље",
                                "es": "Cada semana",
                            },
                        },
                        {
                            "code": "monthly",
                            "label": {
                                "en": "Once or twice a month",
                                "sq": "Një ose dy herë në muaj",
                                "sr": "Једном или двапут месечно",
                                "es": "Una o dos veces al mes",
                            },
                        },
                        {
                            "code": "yearly",
                            "label": {
                                "en": "A few times a year",
                                "sq": "Disa herë në vit",
                                "sr": "Неколико пута годишње",
                                "es": "Algunas veces al año",
                            },
                        },
                        {
                            "code": "never",
                            "label": {
                                "en": "Never",
                                "sq": "Asnjëherë",
                                "sr": "Никад",
                                "es": "Nunca",
                            },
                        },
                    ],
                },
                {
                    "code": "best_times",
                    "kind": "multiple",
                    "text": {
                        "en": "When would you most like the library to be open?",
                        "sq": "Kur do të donit që biblioteka të ishte e hapur?",
                        "sr": "Када бисте највише волели да библиотека ради?",
                        "es": "¿Cuándo le gustaría que la biblioteca estuviera abierta?",
                    },
                    "choices": [
                        {
                            "code": "weekday_mornings",
                            "label": {
                                "en": "Weekday mornings",
                                "sq": "Ditëve të punës, paradite",
                                "sr": "Радним данима пре подне",
                                "es": "Entre semana por la mañana",
                            },
                        },
                        {
                            "code": "weekday_evenings",
                            "label": {
                                "en": "Weekday evenings (until 8 pm)",
                                "sq": "Ditëve të punës, në mbrëmje (deri në ora 20:00)",
                                "sr": "Радним данима увече (до 20 часова)",
                                "es": "Entre semana por la noche (hasta las 8 p. m.)",
                            },
                        },
                        {
                            "code": "saturday",
                            "label": {
                                "en": "Saturdays",
                                "sq": "Të shtunave",
                                "sr": "Суботом",
                                "es": "Los sábados",
                            },
                        },
                        {
                            "code": "sunday",
                            "label": {
                                "en": "Sundays",
                                "sq": "Të dielave",
                                "sr": "Недељом",
                                "es": "Los domingos",
                            },
                        },
                    ],
                },
                {
                    "code": "later_hours",
                    "kind": "yesno",
                    "text": {
                        "en": "Would you go more often if the library closed later?",
                        "sq": "A do të shkonit më shpesh nëse biblioteka do të mbyllej më vonë?",
                        "sr": "Да ли бисте чешће ишли када би библиотека радила дуже?",
                        "es": "¿Iría con más frecuencia si la biblioteca cerrara más tarde?",
                    },
                },
                {
                    "code": "library_comments",
                    "kind": "long_text",
                    "max_length": 500,
                    "text": {
                        "en": "Is there anything else you would like to tell us?",
                        "sq": "A dëshironi të na thoni edhe diçka tjetër?",
                        "sr": "Да ли желите још нешто да нам кажете?",
                        "es": "¿Hay algo más que quiera decirnos?",
                    },
                    "hint": {
                        "en": "For example, a service you would like at a different time.",
                        "sq": "Për shembull, një shërbim që do ta donit në një orar tjetër.",
                        "sr": "На пример, услуга коју бисте волели у неко друго време.",
                        "es": "Por ejemplo, un servicio que le gustaría en otro horario.",
                    },
                },
            ],
        }
    ],
}

SURVEYS = [EXCHANGE_PROGRAMME, LIBRARY_HOURS]
