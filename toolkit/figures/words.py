"""The vocabulary of figures: number words, scale words, qualifiers, units.

Everything here is data; ``parse.py`` reads figures with it.
"""

from __future__ import annotations

from decimal import Decimal

SMALL = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

#: Scale words and abbreviations after a number ("4.3 million", "50k", "$2bn").
SCALES: dict[str, Decimal] = {
    "hundred": Decimal(100),
    "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3, "thou": Decimal(10) ** 3,
    "million": Decimal(10) ** 6, "m": Decimal(10) ** 6, "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6, "mio": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12, "trn": Decimal(10) ** 12,
    "tln": Decimal(10) ** 12, "mil": Decimal(10) ** 6,
    "quadrillion": Decimal(10) ** 15, "quintillion": Decimal(10) ** 18,
    "sextillion": Decimal(10) ** 21, "septillion": Decimal(10) ** 24,
    # South Asian English: a lakh is 100,000, a crore 10 million ("3 lakh crore" is 3 × 10^12).
    "lakh": Decimal(10) ** 5, "lakhs": Decimal(10) ** 5, "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
}  # fmt: skip

#: Scale words spelled out, read inside number words ("two million three hundred thousand").
WORD_SCALES = {
    w: SCALES[w]
    for w in ("thousand", "million", "billion", "trillion", "quadrillion", "quintillion",
              "sextillion", "septillion", "lakh", "lakhs", "crore", "crores")
}  # fmt: skip

#: Scale abbreviations read only after a currency ("$2.174T", "US$ 1MM"); alone, "t" is tonnes
#: and "mm" millimetres.
MONEY_SCALES = {"t": Decimal(10) ** 12, "mm": Decimal(10) ** 6}

#: Words for the digits after "point" ("five point nought four").
DIGIT_WORDS = {
    "zero": 0, "nought": 0, "naught": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip

#: "dozen" and its abbreviations ("3 doz", "five dzs").
DOZENS = ("dozen", "dozens", "doz", "dozs", "dz", "dzs")

#: Words the misspelling check compares unknown words against.
SCALE_NAMES = ("hundred", "thousand", "million", "billion", "trillion", "quadrillion")

#: Plural scale words used vaguely: "thousands of people".
VAGUE_SCALES = {
    "dozens": Decimal(12), "hundreds": Decimal(100), "thousands": Decimal(10) ** 3,
    "millions": Decimal(10) ** 6, "billions": Decimal(10) ** 9,
}  # fmt: skip

#: Denominator words of fractions ("a third", "two-fifths").
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
# Larger denominators are ordinal words too ("a hundredth of a second", "three twentieths").
for _ordinal, _value in (
    ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13), ("fourteenth", 14),
    ("fifteenth", 15), ("sixteenth", 16), ("seventeenth", 17), ("eighteenth", 18),
    ("nineteenth", 19), ("twentieth", 20), ("thirtieth", 30), ("fortieth", 40),
    ("fiftieth", 50), ("sixtieth", 60), ("seventieth", 70), ("eightieth", 80),
    ("ninetieth", 90), ("hundredth", 100), ("thousandth", 1000), ("millionth", 10**6),
    ("billionth", 10**9), ("trillionth", 10**12),
):  # fmt: skip
    DENOMINATORS[_ordinal] = DENOMINATORS[_ordinal + "s"] = _value

#: Ordinal units after a tens word in a compound denominator ("one twenty-fifth", "three
#: forty-thirds"); "second" is left out: "twenty seconds" is a duration.
ORDINAL_UNITS = {
    "first": 1, "firsts": 1, "third": 3, "thirds": 3, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
}  # fmt: skip

#: Tens words, which a unit word may follow ("twenty-one", "twenty-fifth").
TENS = {w for w, v in SMALL.items() if v >= 20}

#: Qualifier phrases before a number, longest first when matched. The kind is
#: one of: gt, ge, lt, le, nearly, over_just, about, exact, neutral, few, lt0.
PREFIXES: dict[str, str] = {
    "more than": "gt", "over": "gt", "above": "gt", "greater than": "gt",
    "upwards of": "gt", "in excess of": "gt", "exceeding": "gt", "north of": "gt",
    "higher than": "gt", "larger than": "gt", "beyond": "gt",
    "at least": "ge", "no fewer than": "ge", "no less than": "ge", "not less than": "ge",
    "not fewer than": "ge", "a minimum of": "ge", "minimum": "ge", "min": "ge",
    "fewer than": "lt0", "less than": "lt", "under": "lt", "below": "lt", "lower than": "lt",
    "up to": "le", "at most": "le", "no more than": "le", "not more than": "le",
    "a maximum of": "le", "maximum": "le", "max": "le", "as many as": "le", "as much as": "le",
    # "as few as 70 may remain": the low end of what is said, the mirror of "as many as"
    "as few as": "ge", "as little as": "ge",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "just below": "nearly",
    "just shy of": "nearly", "not quite": "nearly", "close to": "about",
    "just over": "over_just", "just above": "over_just", "slightly more than": "over_just",
    "a little over": "over_just", "a little more than": "over_just",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "approx": "about", "approx.": "about", "some": "about", "an estimated": "about",
    "estimated": "about", "an approximate": "about", "circa": "about", "ca.": "about",
    "c.": "about", "in the region of": "about", "of the order of": "about",
    "on the order of": "about", "or so": "about", "more or less": "about",
    "exactly": "exact", "precisely": "exact", "a total of": "neutral", "only": "neutral",
    "just": "neutral", "a record": "neutral", "total": "neutral",
    "~": "about", "≈": "about", "c": "about",
    ">": "gt", ">=": "ge", "≥": "ge", "<": "lt", "<=": "le", "≤": "le", "=": "neutral",
    "> =": "ge", "< =": "le", "=>": "ge", "=<": "le",
    "bigger than": "gt", "smaller than": "lt",
    "exceed": "gt", "exceeds": "gt", "exceeded": "gt", "surpass": "gt", "surpasses": "gt",
    "surpassed": "gt", "surpassing": "gt",
    # a margin of error: the figure is its size ("plus or minus 3.4 percentage points")
    "plus or minus": "neutral", "±": "neutral", "+/-": "neutral", "give or take": "about",
}  # fmt: skip

# "less than or equal to 40", "greater or equal than 3", "equal to or more than 30".
for _word, _kind in (
    ("less", "le"), ("fewer", "le"), ("smaller", "le"), ("lower", "le"),
    ("more", "ge"), ("greater", "ge"), ("larger", "ge"), ("bigger", "ge"), ("higher", "ge"),
):  # fmt: skip
    for _form in ("{} than or equal to", "{} or equal to", "{} or equal than",
                  "equal to or {} than", "equal or {} than"):  # fmt: skip
        PREFIXES[_form.format(_word)] = _kind

#: Qualifier phrases after a number: "1,300 or more", "500-plus".
SUFFIXES: dict[str, str] = {
    "or more": "ge", "or above": "ge", "and above": "ge", "and over": "ge", "or over": "ge",
    "plus": "ge", "+": "ge", "or higher": "ge", "and up": "ge", "at least": "ge",
    "or less": "le", "or fewer": "le", "and below": "le", "or under": "le", "at most": "le",
    "and under": "le", "or so": "about", "or thereabouts": "about", "odd": "about",
    "or lower": "le", "or greater": "ge", "or larger": "ge", "or bigger": "ge", "or smaller": "le",
    "and more": "ge", "and less": "le", "or longer": "ge", "or older": "ge", "or shorter": "le",
    "or younger": "le",
}  # fmt: skip

PERCENT_WORDS = ("%", "percent", "per cent", "pct", "per-cent", "per centum", "pc")
POINT_WORDS = ("percentage points", "percentage point", "pp", "pts", "points")

#: ISO codes written before or after a number ("USD 1,000", "115USD"), kept as the unit.
CURRENCY_CODES = (
    "USD", "EUR", "GBP", "JPY", "KZT", "RUB", "CHF", "CNY", "INR", "AUD", "CAD", "HKD", "NZD",
    "SGD", "SEK", "NOK", "DKK", "PLN", "ZAR", "BRL", "MXN", "KRW", "IDR", "MYR", "THB", "AED",
    "ILS", "NGN", "UAH", "HUF", "CZK",
)  # fmt: skip

#: Currency signs, one character each: "₩5 trillion", "₦500 million".
CURRENCY_SIGNS = "$€£¥₹₽₸₩₦₱₺₪₴฿₫"

#: Currency signs and codes before a number, kept as the figure's unit.
CURRENCY_PREFIXES = {
    **{sign: sign for sign in CURRENCY_SIGNS},
    "us$": "$",
    "a$": "A$", "au$": "A$", "c$": "C$", "ca$": "C$", "hk$": "HK$", "nz$": "NZ$", "s$": "S$",
    "rs": "₹", "rs.": "₹", "r": "ZAR",
    # the Nordic krona and krone as the press writes them: "SKr2.35bn", "NKr500m"
    "skr": "SEK", "nkr": "NOK", "dkr": "DKK",
} | {code.lower(): code for code in CURRENCY_CODES}  # fmt: skip

#: Currency signs, codes and names after a number ("15€", "323 million euros").
CURRENCY_SUFFIXES = {
    "dollars": "$", "dollar": "$", "us dollars": "$", "us dollar": "$", "euros": "€",
    "euro": "€", "pounds": "£", "pound": "£", "yen": "¥", "rupees": "₹", "rupee": "₹",
    "roubles": "₽", "rouble": "₽", "rubles": "₽", "ruble": "₽", "tenge": "₸",
    "australian dollars": "A$", "canadian dollars": "C$", "hong kong dollars": "HK$",
    "new zealand dollars": "NZ$", "singapore dollars": "S$", "swiss francs": "CHF",
    "francs": "francs", "yuan": "CNY", "renminbi": "CNY", "rupiah": "IDR", "ringgit": "MYR",
    "baht": "THB", "pesos": "pesos", "rand": "ZAR", "reais": "BRL", "lira": "lira",
    "turkish lira": "TRY", "dirhams": "dirhams", "riyals": "riyals", "shekels": "ILS",
    "naira": "NGN", "kronor": "SEK", "kroner": "kroner", "zlotys": "PLN", "zloty": "PLN",
    "forints": "HUF", "forint": "HUF", "hryvnias": "UAH", "hryvnia": "UAH",
    "cents": "¢", "cent": "¢", "pence": "p", "p": "p",
}  # fmt: skip
CURRENCY_SUFFIXES |= {sign: sign for sign in CURRENCY_SIGNS}
CURRENCY_SUFFIXES |= {code.lower(): code for code in CURRENCY_CODES}

#: Units of a currency's hundredth, added to the amount before them ("3 dollars 50 cents").
SUBUNITS = {"cents", "cent", "pence", "p"}

#: Currencies without hundredths in use: "100 yen 50" is not 100.50 yen.
NO_SUBUNITS = {"yen", "jpy", "krw", "idr", "rupiah"}

#: Codes with a scale letter, as company reports write them: "MSEK 120" and "30 MUSD" are
#: millions, "TEUR 500" and "kEUR 500" thousands.
SCALED_CODES = {
    letter + code.lower(): (code, factor)
    for code in CURRENCY_CODES
    for letter, factor in (
        ("m", Decimal(10) ** 6),
        ("k", Decimal(10) ** 3),
        ("t", Decimal(10) ** 3),
    )
}

#: Unit words a figure may end with. Counts of people stay counts.
COUNT_UNITS = {"people", "persons", "person", "individuals", "times", "cases", "units"}
UNIT_WORDS = {
    "seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks",
    "week", "months", "month", "years", "year", "decades", "km", "kilometres",
    "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre",
    "meter", "cm", "mm", "kg", "kilograms", "grams", "g", "tonnes", "tons", "tonne", "ton",
    "litres", "liters", "litre", "liter", "l", "barrels", "hectares", "acres", "sq", "km2",
    "mph", "kmh",
    "degrees", "°c", "°f", "mw", "gw", "kw", "kwh", "mwh", "gwh", "twh", "bpd",
    "ft", "feet", "foot", "inches", "inch", "yards", "yard", "yd", "mi", "lb", "lbs", "oz",
    "ounces", "ounce", "pints", "gallons", "gallon", "ml", "mg", "kph", "nm",
    "nanometers", "nanometres", "micrometres", "micrometers", "millimetres", "millimeters",
    "centimetres", "centimeters", "ha", "gb", "tb", "mb", "kb", "mhz", "ghz", "hz",
    "kv", "mah", "kcal", "calories", "knots", "cc", "milligrams", "kilowatts", "megawatts",
    "gigawatts", "volts", "watts", "c", "f",
} | COUNT_UNITS  # fmt: skip

#: Unit words read under another name ("40.3C" is 40.3 °C).
UNIT_ALIASES = {"c": "°c", "f": "°f"}

#: Unicode vulgar fractions, read as slash fractions ("2½" is "2 1/2").
VULGAR_FRACTIONS = {
    "½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅖": "2/5",
    "⅗": "3/5", "⅘": "4/5", "⅙": "1/6", "⅚": "5/6", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8",
    "⅞": "7/8",
}  # fmt: skip

#: Units whose values can be below zero even when written without a sign.
SIGNED_UNITS = {"degrees", "°c", "°f", "pp"}
