"""The parts of XLSForm that are small languages: column languages, relevance, constraints."""

from __future__ import annotations

import re

from feedback.i18n import CONTENT_LANGUAGES

#: Language names (English and in themselves, lower-case) to codes, for ``label::Name`` columns.
LANGUAGE_NAMES: dict[str, str] = {
    "english": "en",
    "anglais": "en",
    "englisch": "en",
    "inglés": "en",
    "ingles": "en",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
    "castellano": "es",
    "albanian": "sq",
    "shqip": "sq",
    "serbian": "sr",
    "српски": "sr",
    "srpski": "sr",
    "arabic": "ar",
    "العربية": "ar",
    "عربي": "ar",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "französisch": "fr",
    "german": "de",
    "deutsch": "de",
    "italian": "it",
    "italiano": "it",
    "portuguese": "pt",
    "português": "pt",
    "portugues": "pt",
    "turkish": "tr",
    "türkçe": "tr",
    "turkce": "tr",
    "ukrainian": "uk",
    "українська": "uk",
    "russian": "ru",
    "русский": "ru",
    "bosnian": "bs",
    "bosanski": "bs",
    "croatian": "hr",
    "hrvatski": "hr",
    "macedonian": "mk",
    "македонски": "mk",
    "persian": "fa",
    "farsi": "fa",
    "dari": "fa",
    "فارسی": "fa",
    "urdu": "ur",
    "اردو": "ur",
    "hebrew": "he",
    "עברית": "he",
    "amharic": "am",
    "አማርኛ": "am",
    "oromo": "om",
    "afaan oromoo": "om",
    "oromiffa": "om",
    "oromifa": "om",
    "afan oromo": "om",
    "tigrinya": "ti",
    "tigrigna": "ti",
    "tigirigna": "ti",
    "ትግርኛ": "ti",
    "swahili": "sw",
    "kiswahili": "sw",
    "somali": "so",
    "soomaali": "so",
    "af-soomaali": "so",
    "chinese": "zh",
    "中文": "zh",
    "mandarin": "zh",
    "汉语": "zh",
    "普通话": "zh",
    "vietnamese": "vi",
    "tiếng việt": "vi",
    "hindi": "hi",
    "हिन्दी": "hi",
    "nepali": "ne",
    "नेपाली": "ne",
    "korean": "ko",
    "한국어": "ko",
}
for _code, (_name, _dir) in CONTENT_LANGUAGES.items():
    LANGUAGE_NAMES.setdefault(_name.lower(), _code)

CODE_IN_PARENTHESES = re.compile(r"\(([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?\)\s*$")


def language_code(name: str) -> str | None:
    """``English (en)``, ``english``, ``EN``, ``Shqip`` or ``Српски`` -> a content language code."""
    text = " ".join(str(name or "").split())
    if not text:
        return None
    match = CODE_IN_PARENTHESES.search(text)
    if match:
        code = match.group(1).lower()
        return code if code in CONTENT_LANGUAGES else None
    lowered = text.lower()
    if lowered in CONTENT_LANGUAGES:
        return lowered
    if lowered.split("-")[0].split("_")[0] in CONTENT_LANGUAGES and len(lowered) <= 7:
        return lowered.split("-")[0].split("_")[0]
    return LANGUAGE_NAMES.get(lowered)


QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})
_VALUE = r"""(?:'([^']*)'|"([^"]*)"|(-?[0-9]+(?:\.[0-9]+)?))"""
_REF = r"\$\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}"
EQUALITY = re.compile(rf"^{_REF}\s*(=|!=)\s*{_VALUE}$")
EQUALITY_REVERSED = re.compile(rf"^{_VALUE}\s*(=|!=)\s*{_REF}$")
SELECTED = re.compile(rf"^(not\s*\(\s*)?selected\s*\(\s*{_REF}\s*,\s*{_VALUE}\s*\)(\s*\))?$")


def normalise_expression(expression) -> str:
    """Straight quotes, single spaces, no outer whitespace."""
    return " ".join(str(expression or "").translate(QUOTES).split())


def _strip_parentheses(text: str) -> str:
    text = text.strip()
    while text.startswith("(") and text.endswith(")"):
        depth = 0
        for index, char in enumerate(text):
            depth += char == "("
            depth -= char == ")"
            if depth == 0 and index < len(text) - 1:
                return text
        text = text[1:-1].strip()
    return text


def _split(text: str, word: str) -> list[str]:
    """Split on a top-level ``and``/``or`` (outside parentheses and quotes)."""
    parts, depth, quote, start = [], 0, None, 0
    pattern = f" {word} "
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and text.startswith(pattern, index):
            parts.append(text[start:index])
            index += len(pattern)
            start = index
            continue
        index += 1
    parts.append(text[start:])
    return [_strip_parentheses(p) for p in parts]


def _comparison(text: str) -> tuple[str, bool, str] | None:
    """(question, is_equal, value) for one comparison, or None."""
    match = EQUALITY.match(text)
    if match:
        name, operator = match.group(1), match.group(2)
        value = next(v for v in match.groups()[2:] if v is not None)
        return name, operator == "=", value
    match = EQUALITY_REVERSED.match(text)
    if match:
        value = next(v for v in match.groups()[:3] if v is not None)
        return match.group(5), match.group(4) == "=", value
    match = SELECTED.match(text)
    if match:
        negated = bool(match.group(1))
        if negated != bool(match.group(6)):
            return None
        value = next(v for v in match.groups()[2:5] if v is not None)
        return match.group(2), not negated, value
    return None


def parse_relevant(expression) -> dict | None:
    """A show-if rule ``{"question", "operator", "values"}`` for a relevance, or None.

    Understood: ``${q} = 'x'``, ``${q} != 'x'``, ``selected(${q}, 'x')``,
    ``not(selected(${q}, 'x'))``, an ``or`` of equalities on one question (one of), and an
    ``and`` of inequalities on one question (none of).
    """
    text = _strip_parentheses(normalise_expression(expression))
    if not text:
        return None
    for word, want_equal, operator in (("or", True, "one_of"), ("and", False, "not_equals")):
        parts = _split(text, word)
        if len(parts) < 2:
            continue
        found = [_comparison(p) for p in parts]
        if any(f is None for f in found) or len({f[0] for f in found}) != 1:
            return None
        if any(f[1] != want_equal for f in found):
            return None
        values = list(dict.fromkeys(f[2] for f in found))
        return {"question": found[0][0], "operator": operator, "values": values}
    found = _comparison(text)
    if found is None:
        return None
    name, equal, value = found
    return {"question": name, "operator": "equals" if equal else "not_equals", "values": [value]}


_BOUND = re.compile(r"^\.\s*(>=|<=|>|<)\s*(-?[0-9]+(?:\.[0-9]+)?)$")
_BOUND_REVERSED = re.compile(r"^(-?[0-9]+(?:\.[0-9]+)?)\s*(>=|<=|>|<)\s*\.$")
_LENGTH = re.compile(r"^string-length\s*\(\s*\.\s*\)\s*(<=|<)\s*([0-9]+)$")
_FLIP = {">=": "<=", "<=": ">=", ">": "<", "<": ">"}


def parse_constraint(expression, whole_number: bool) -> dict | None:
    """``{"min": .., "max": ..}`` or ``{"max_length": ..}`` for a constraint, or None.

    Understood: ``. >= 0 and . <= 120`` (either order, one or both ends), strict bounds on whole
    numbers, and ``string-length(.) <= n``.
    """
    text = _strip_parentheses(normalise_expression(expression))
    match = _LENGTH.match(text)
    if match:
        limit = int(match.group(2)) - (1 if match.group(1) == "<" else 0)
        return {"max_length": limit} if limit > 0 else None
    result: dict = {}
    for part in _split(text, "and"):
        match = _BOUND.match(part)
        if match:
            operator, number = match.group(1), float(match.group(2))
        else:
            match = _BOUND_REVERSED.match(part)
            if not match:
                return None
            operator, number = _FLIP[match.group(2)], float(match.group(1))
        if operator in (">", "<"):
            if not whole_number or not number.is_integer():
                return None
            number += 1 if operator == ">" else -1
        end = "min" if operator in (">=", ">") else "max"
        if end in result:
            return None
        result[end] = int(number) if number.is_integer() else number
    return result or None


def parse_relevant_all(expression) -> list[dict] | None:
    """Show-if rules that must all hold (an ``and`` across questions), or None.

    Each conjunct is what :func:`parse_relevant` understands; inequalities on one question are
    merged into one "none of" rule.
    """
    text = _strip_parentheses(normalise_expression(expression))
    whole = parse_relevant(text)
    if whole is not None:
        return [whole]
    parts = _split(text, "and")
    if len(parts) < 2:
        return None
    rules: dict[str, dict] = {}
    for part in parts:
        rule = parse_relevant(part)
        if rule is None:
            return None
        known = rules.get(rule["question"])
        if known is None:
            rules[rule["question"]] = rule
        elif known["operator"] == rule["operator"] == "not_equals":
            known["values"] = list(dict.fromkeys([*known["values"], *rule["values"]]))
        else:
            return None
    return list(rules.values())


def same_rule(first: dict | None, second: dict | None) -> bool:
    """Whether two show-if rules say the same."""
    if not first or not second:
        return False
    operators = {first["operator"], second["operator"]} - {"equals", "one_of"}
    return (
        first["question"] == second["question"]
        and (not operators or first["operator"] == second["operator"])
        and set(first["values"]) == set(second["values"])
    )
