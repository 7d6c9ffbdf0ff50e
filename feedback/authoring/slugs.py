"""Web-address slugs from titles in any script."""

from __future__ import annotations

import re
import unicodedata

# Serbian (and Macedonian) Cyrillic to the Latin alphabet used for Serbian web addresses.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "е": "e", "ж": "z",
    "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s", "ѓ": "gj", "ќ": "kj",
    "ѕ": "dz", "й": "j", "ы": "y", "э": "e", "ю": "ju", "я": "ja", "ё": "e", "ъ": "",
    "ь": "", "щ": "sc", "є": "je", "і": "i", "ї": "ji", "ґ": "g",
}  # fmt: skip
_EXTRA = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "dj", "ł": "l", "ı": "i", "þ": "th"}

MAX_SLUG_LENGTH = 60


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Lower-case ASCII words joined by hyphens: Cyrillic transliterated, accents stripped.

    Scripts with no Latin spelling here (Arabic, Chinese...) give an empty slug; the caller
    then proposes one of its own.
    """
    lowered = (text or "").lower()
    mapped = "".join(_CYRILLIC.get(ch, _EXTRA.get(ch, ch)) for ch in lowered)
    decomposed = unicodedata.normalize("NFKD", mapped)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch.isascii())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug.strip("-")
