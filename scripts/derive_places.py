#!/usr/bin/env python3
"""Derive dyad's place lexicon (lexicon/places.tsv) from the GeoNames cities15000 extract.

Run from the repository root:

    python3 scripts/derive_places.py \
        [--source ../shared/data/geonames/cities15000.tsv] \
        [--countryinfo ../shared/data/geonames/geonames_countryInfo.txt] \
        [--output lexicon/places.tsv] [--total 3500]

Python 3.11, standard library only, no network. The output is deterministic: running the
script twice on the same inputs gives byte-identical files.

Selection (a row is kept once, whatever the reasons it was chosen for):
  1. every national capital named in geonames_countryInfo.txt (Capital column), matched to the
     city rows by name and country; capitals that cannot be matched are reported on stderr;
  2. every city of >= 500,000 people;
  3. the places of current and recent conflicts and frequent news datelines listed in
     NEWS_PLACES below, even when smaller, matched by name and country;
  4. then the next most populous cities (ties broken by geonameid) until --total rows.

Columns: name, country (ISO3), admin1 (as in the source), lat, lon (4 decimals), population,
capital (1 = national capital), aliases ('|'-separated, at most 6), geonameid. Rows are
sorted by population descending, then geonameid.

Aliases: the ASCII form of the name when the name has diacritics (Herāt -> Herat), the
English spelling used in NEWS_PLACES / EXTRA_ALIASES when it differs from the GeoNames name
(both written here by the project), then the source's Latin-script alternate names that are
plausible English spellings: letters of ASCII or Latin-1 (common diacritics: é, ü, ã, ç, ...)
plus space, hyphen, apostrophe and period; starting with a capital letter (the source's
lower-case romanisations of other scripts are dropped); no digits; no all-capital codes (IATA
"SHA", "HCMC"); none identical to the name (ignoring case); no phrase that wraps the name in
another language ("Lungsod ng Paris"; "<name> City" is kept). ASCII names come before names
with diacritics; otherwise source order is kept.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

DEFAULT_SOURCE = "../shared/data/geonames/cities15000.tsv"
DEFAULT_COUNTRYINFO = "../shared/data/geonames/geonames_countryInfo.txt"
DEFAULT_OUTPUT = "lexicon/places.tsv"
DEFAULT_TOTAL = 3500
MIN_POPULATION = 500_000
MAX_ALIASES = 6

# Capitals spelt differently in geonames_countryInfo.txt and in the city rows (ISO2 -> city
# name), and capitals renamed since the country table was made.
CAPITAL_NAMES = {"KZ": "Astana", "MN": "Ulan Bator", "EH": "Laayoune"}

# Country codes in geonames_countryInfo.txt that no longer exist (their capitals are listed
# under the successor states).
HISTORICAL_ISO2 = {"CS", "AN"}

# Places of current and recent conflicts and frequent news datelines, kept even when small.
# (English spelling, ISO2 country, GeoNames name when it differs from the English spelling.)
NEWS_PLACES: list[tuple[str, str, str | None]] = [
    # Russia-Ukraine war
    ("Donetsk", "UA", None), ("Luhansk", "UA", None), ("Mariupol", "UA", None),
    ("Bakhmut", "UA", None), ("Kherson", "UA", None), ("Zaporizhzhia", "UA", "Zaporizhzhya"),
    ("Sevastopol", "UA", None), ("Kharkiv", "UA", None), ("Odesa", "UA", None),
    ("Mykolaiv", "UA", None), ("Kramatorsk", "UA", None), ("Sloviansk", "UA", None),
    ("Avdiivka", "UA", None), ("Melitopol", "UA", None), ("Berdyansk", "UA", None),
    ("Chernihiv", "UA", None), ("Sumy", "UA", None), ("Izium", "UA", None),
    ("Bucha", "UA", None), ("Irpin", "UA", None), ("Pokrovsk", "UA", None),
    ("Kupiansk", "UA", "Kupyansk"), ("Nikopol", "UA", None), ("Enerhodar", "UA", None),
    ("Simferopol", "UA", None), ("Kerch", "UA", None), ("Dnipro", "UA", None),
    ("Belgorod", "RU", None), ("Kursk", "RU", None), ("Bryansk", "RU", None),
    # Israel, Gaza, West Bank, Lebanon
    ("Gaza", "PS", None), ("Rafah", "PS", None), ("Khan Yunis", "PS", None),
    ("Jabalia", "PS", None), ("Deir al-Balah", "PS", "Dayr al Balaḩ"), ("Beit Lahia", "PS", None),
    ("Jenin", "PS", "Janīn"), ("Ramallah", "PS", None), ("Nablus", "PS", None),
    ("Hebron", "PS", None), ("Bethlehem", "PS", None), ("Tulkarm", "PS", None),
    ("Sderot", "IL", None), ("Ashkelon", "IL", None), ("Tel Aviv", "IL", None),
    ("Tyre", "LB", None), ("Sidon", "LB", None), ("Baalbek", "LB", None),
    ("Tripoli", "LB", None),
    # Syria
    ("Aleppo", "SY", None), ("Idlib", "SY", None), ("Raqqa", "SY", "Ar Raqqah"),
    ("Deir ez-Zor", "SY", None), ("Homs", "SY", None), ("Hama", "SY", None),
    ("Latakia", "SY", None), ("Tartus", "SY", None), ("Daraa", "SY", None),
    ("Qamishli", "SY", "Al Qāmishlī"), ("Hasakah", "SY", None), ("Manbij", "SY", None),
    ("Kobani", "SY", None), ("Afrin", "SY", None), ("Douma", "SY", None),
    # Iraq
    ("Mosul", "IQ", None), ("Fallujah", "IQ", "Al Fallūjah"), ("Kirkuk", "IQ", None),
    ("Erbil", "IQ", None), ("Ramadi", "IQ", None), ("Tikrit", "IQ", None),
    ("Samarra", "IQ", None), ("Basra", "IQ", "Basrah"), ("Najaf", "IQ", None),
    ("Karbala", "IQ", None), ("Sulaymaniyah", "IQ", None), ("Baqubah", "IQ", None),
    ("Tal Afar", "IQ", None), ("Sinjar", "IQ", None), ("Duhok", "IQ", None),
    # Yemen
    ("Sanaa", "YE", None), ("Aden", "YE", None), ("Hodeidah", "YE", "Al Ḩudaydah"),
    ("Marib", "YE", "Ma'rib"), ("Taiz", "YE", None), ("Mukalla", "YE", None),
    ("Saada", "YE", None),
    # Libya
    ("Tripoli", "LY", None), ("Benghazi", "LY", None), ("Misrata", "LY", "Misratah"),
    ("Sirte", "LY", None), ("Derna", "LY", "Darnah"), ("Tobruk", "LY", None),
    ("Sabha", "LY", None), ("Zawiya", "LY", None), ("Ajdabiya", "LY", None),
    # Afghanistan, Pakistan
    ("Kandahar", "AF", None), ("Herat", "AF", None), ("Kunduz", "AF", None),
    ("Jalalabad", "AF", None), ("Mazar-i-Sharif", "AF", None), ("Lashkar Gah", "AF", None),
    ("Ghazni", "AF", None), ("Peshawar", "PK", None), ("Quetta", "PK", None),
    # Horn of Africa, Sudan, South Sudan
    ("Mogadishu", "SO", None), ("Kismayo", "SO", None), ("Baidoa", "SO", None),
    ("Hargeisa", "SO", None), ("Khartoum", "SD", None), ("Omdurman", "SD", None),
    ("El Fasher", "SD", None), ("Nyala", "SD", None), ("El Geneina", "SD", "El Geneina Fort"),
    ("Port Sudan", "SD", None), ("Wad Madani", "SD", None), ("Kassala", "SD", None),
    ("Kadugli", "SD", None), ("Juba", "SS", None), ("Malakal", "SS", None),
    ("Bentiu", "SS", None), ("Bor", "SS", None), ("Mekelle", "ET", "Mek'ele"),
    ("Gondar", "ET", "Gonder"), ("Bahir Dar", "ET", None), ("Dessie", "ET", None),
    # Great Lakes
    ("Goma", "CD", None), ("Bunia", "CD", None), ("Bukavu", "CD", None),
    ("Beni", "CD", None), ("Butembo", "CD", None), ("Uvira", "CD", None),
    # Sahel, West Africa
    ("Timbuktu", "ML", None), ("Gao", "ML", None), ("Kidal", "ML", None),
    ("Mopti", "ML", None), ("Bamako", "ML", None), ("Maiduguri", "NG", None),
    ("Diffa", "NE", None), ("Agadez", "NE", None), ("Tillaberi", "NE", None),
    ("Djibo", "BF", None), ("Kaya", "BF", None), ("Bangui", "CF", None),
    # Mozambique, Ethiopia neighbours, others in Africa
    ("Pemba", "MZ", None), ("Mocimboa da Praia", "MZ", None),
    # Myanmar
    ("Sittwe", "MM", None), ("Myitkyina", "MM", None), ("Lashio", "MM", None),
    ("Mandalay", "MM", None), ("Naypyidaw", "MM", None),
    # Caucasus, Moldova
    ("Stepanakert", "AZ", None), ("Khankendi", "AZ", None), ("Shusha", "AZ", None),
    ("Tskhinvali", "GE", None), ("Sukhumi", "GE", "Sokhumi"), ("Tiraspol", "MD", None),
    # South and South-East Asia
    ("Srinagar", "IN", None), ("Marawi", "PH", "Marawi City"), ("Cotabato", "PH", None),
    # Americas
    ("Port-au-Prince", "HT", None), ("Culiacan", "MX", None), ("Ciudad Juarez", "MX", None),
    ("Tijuana", "MX", None),
    # Turkey, Iran
    ("Diyarbakir", "TR", None), ("Cizre", "TR", None), ("Zahedan", "IR", None),
]

# English spellings (exonyms, former names) written by the project, added as aliases in front
# of the source's alternate names. Key: (GeoNames name, ISO2).
EXTRA_ALIASES: dict[tuple[str, str], list[str]] = {
    ("Kyiv", "UA"): ["Kiev"],
    ("New York City", "US"): ["New York", "NYC"],
    ("Beijing", "CN"): ["Peking"],
    ("Mumbai", "IN"): ["Bombay"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Chennai", "IN"): ["Madras"],
    ("Bengaluru", "IN"): ["Bangalore"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Ho Chi Minh City", "VN"): ["Saigon"],
    ("Guangzhou", "CN"): ["Canton"],
    ("Istanbul", "TR"): ["Constantinople"],
    ("Odesa", "UA"): ["Odessa"],
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Mykolaiv", "UA"): ["Nikolaev"],
    ("Luhansk", "UA"): ["Lugansk"],
    ("Dnipro", "UA"): ["Dnipropetrovsk", "Dnepropetrovsk"],
    ("Lviv", "UA"): ["Lvov"],
    ("Gaza", "PS"): ["Gaza City"],
    ("Sanaa", "YE"): ["Sana'a", "Sana"],
    ("Washington", "US"): ["Washington, D.C.", "Washington DC"],
    ("Almaty", "KZ"): ["Alma-Ata"],
    ("Astana", "KZ"): ["Nur-Sultan"],
    ("Chisinau", "MD"): ["Kishinev"],
    ("Ashgabat", "TM"): ["Ashkhabad"],
    ("Tbilisi", "GE"): ["Tiflis"],
    ("Pristina", "XK"): ["Prishtina"],
}

# Latin-1 Supplement letters (À..ÿ without × and ÷): the diacritics common in English text.
COMMON_NON_ASCII = {chr(c) for c in range(0xC0, 0x100)} - {"\u00d7", "\u00f7"}
ALLOWED_PUNCT = set(" -'.")
APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u02bb": "'", "\u02be": "'", "\u02bf": "'"})


def fold(text: str) -> str:
    """ASCII form of a name: diacritics removed, typographic apostrophes made plain."""
    text = text.translate(APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    out = out.replace("\u0131", "i").replace("\u0130", "I").replace("\u0142", "l").replace("\u0141", "L")
    out = out.replace("\u00f8", "o").replace("\u00d8", "O").replace("\u00df", "ss").replace("\u0111", "d")
    out = out.replace("\u00e6", "ae").replace("\u00c6", "AE")
    return out


def key(text: str) -> str:
    """Matching key: folded, case-insensitive, hyphens and apostrophes ignored."""
    return " ".join(fold(text).casefold().replace("-", " ").replace("'", "").split())


def plausible_alias(alias: str) -> bool:
    if not alias or not any(ch.isalpha() for ch in alias):
        return False
    for ch in alias:
        if ch.isascii():
            if not (ch.isalpha() or ch in ALLOWED_PUNCT):
                return False  # digits and other symbols
        elif ch not in COMMON_NON_ASCII:
            return False
    if sum(ch.isalpha() for ch in alias) < 3:
        return False  # "Ea"
    if not alias[0].isupper():
        return False  # lower-case romanisations of other scripts ("bo tan guo de", "mzfr abad")
    letters = [ch for ch in alias if ch.isalpha()]
    if len(letters) <= 5 and " " not in alias and all(ch.isupper() for ch in letters):
        return False  # codes and abbreviations: IATA "SHA", "HCMC", "D.C."
    return True


def round4(value: str) -> str:
    return str(Decimal(value).quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN))


def read_countryinfo(path: Path) -> dict[str, tuple[str, str, str]]:
    """ISO2 -> (ISO3, country name, capital)."""
    countries: dict[str, tuple[str, str, str]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#") or line.startswith("ISO\t"):
                continue
            cols = line.split("\t")
            iso2, iso3, name, capital = cols[0], cols[1], cols[4].strip(), cols[5].strip()
            countries[iso2] = (iso3, name, capital)
    return countries


def read_cities(path: Path) -> list[dict]:
    rows: list[dict] = []
    header: list[str] | None = None
    with path.open(encoding="utf-8", newline="") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                expected = ["geonameid", "name", "country_iso2", "admin1", "lat", "lon", "population", "alt_names"]
                if header != expected:
                    sys.exit(f"unexpected header in {path}: {header}")
                continue
            rec = dict(zip(header, cols))
            rec["geonameid"] = int(rec["geonameid"])
            rec["population"] = int(rec["population"] or 0)
            rec["alts"] = [a for a in rec.get("alt_names", "").split("|") if a]
            rows.append(rec)
    return rows


def find(rows_by_country: dict[str, list[dict]], iso2: str, *names: str) -> dict | None:
    """Best row of the country named by one of `names`: exact name, then folded name, then an
    alternate name; within a tier the most populous (then lowest geonameid)."""
    candidates = rows_by_country.get(iso2, [])
    wanted = [n for n in names if n]
    wanted_keys = {key(n) for n in wanted}
    tiers = (
        lambda r: r["name"] in wanted,
        lambda r: key(r["name"]) in wanted_keys,
        lambda r: any(key(a) in wanted_keys for a in r["alts"]),
    )
    for test in tiers:
        hits = [r for r in candidates if test(r)]
        if hits:
            return min(hits, key=lambda r: (-r["population"], r["geonameid"]))
    return None


def aliases_for(rec: dict, extra: list[str]) -> list[str]:
    name = rec["name"]
    seen = {name.casefold()}
    out: list[str] = []

    def add(alias: str) -> None:
        alias = alias.strip()
        if alias and alias.casefold() not in seen and "\t" not in alias and "|" not in alias:
            seen.add(alias.casefold())
            out.append(alias)

    folded = fold(name)
    if folded.isascii():
        add(folded)
    for alias in extra:
        add(alias)
    # Phrases that wrap the name in another language ("Lungsod ng Paris", "Cidade de Mexico")
    # are dropped; "<name> City" is kept.
    cores = {key(name)}
    if key(name).endswith(" city"):
        cores.add(key(name)[: -len(" city")])  # "Mexico City" -> "mexico"

    def wraps_name(alias: str) -> bool:
        k = key(alias)
        return any(f" {c} " in f" {k} " and k not in (c, f"{c} city") for c in cores)

    source = [a for a in rec["alts"] if plausible_alias(a) and not wraps_name(a)]
    for alias in [a for a in source if a.isascii()] + [a for a in source if not a.isascii()]:
        add(alias)
    return out[:MAX_ALIASES]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", default=DEFAULT_SOURCE)
    ap.add_argument("--countryinfo", default=DEFAULT_COUNTRYINFO)
    ap.add_argument("--output", default=DEFAULT_OUTPUT)
    ap.add_argument("--total", type=int, default=DEFAULT_TOTAL)
    args = ap.parse_args()

    source = Path(args.source)
    countries = read_countryinfo(Path(args.countryinfo))
    rows = read_cities(source)
    by_country: dict[str, list[dict]] = {}
    for r in rows:
        by_country.setdefault(r["country_iso2"], []).append(r)

    reasons: dict[int, set[str]] = {}
    extra: dict[int, list[str]] = {}
    capitals: set[int] = set()

    def choose(rec: dict, why: str) -> None:
        reasons.setdefault(rec["geonameid"], set()).add(why)

    # 1. national capitals
    unmatched_capitals: list[str] = []
    for iso2 in sorted(countries):
        iso3, cname, capital = countries[iso2]
        if not capital or iso2 in HISTORICAL_ISO2:
            continue
        rec = find(by_country, iso2, CAPITAL_NAMES.get(iso2, ""), capital)
        if rec is None:
            unmatched_capitals.append(f"{capital} ({iso2} {cname})")
            continue
        capitals.add(rec["geonameid"])
        choose(rec, "capital")
        if key(capital) != key(rec["name"]):
            extra.setdefault(rec["geonameid"], []).append(capital)  # "Ulaanbaatar", "Macao"

    # 2. large cities
    for r in rows:
        if r["population"] >= MIN_POPULATION:
            choose(r, "large")

    # 3. conflict places and news datelines
    unmatched_news: list[str] = []
    for english, iso2, gname in NEWS_PLACES:
        rec = find(by_country, iso2, gname or english, english)
        if rec is None:
            unmatched_news.append(f"{english} ({iso2})")
            continue
        choose(rec, "news")
        if key(english) != key(rec["name"]):
            extra.setdefault(rec["geonameid"], []).append(english)

    # 4. fill with the next most populous
    ordered = sorted(rows, key=lambda r: (-r["population"], r["geonameid"]))
    for r in ordered:
        if len(reasons) >= args.total:
            break
        if r["geonameid"] not in reasons:
            choose(r, "fill")

    for (gname, iso2), names in EXTRA_ALIASES.items():
        rec = find(by_country, iso2, gname)
        if rec is not None and rec["geonameid"] in reasons:
            extra.setdefault(rec["geonameid"], [])
            for n in names:
                if n not in extra[rec["geonameid"]]:
                    extra[rec["geonameid"]].append(n)

    selected = [r for r in ordered if r["geonameid"] in reasons]
    missing_iso3 = sorted({r["country_iso2"] for r in selected if r["country_iso2"] not in countries})
    if missing_iso3:
        sys.exit(f"no ISO3 code for: {', '.join(missing_iso3)}")

    lines = [
        "# dyad place lexicon: national capitals, cities of >= 500,000 people, places of conflicts and",
        "# frequent news datelines, and the next most populous cities.",
        "# Derived from GeoNames (https://www.geonames.org/) data, licensed CC BY 4.0 (Creative Commons",
        "# Attribution 4.0, https://creativecommons.org/licenses/by/4.0/), via the cities15000 extract",
        f"# ({source.name}) and geonames_countryInfo.txt (ISO3 codes, capitals). Attribution: GeoNames.",
        "# Rows and columns were chosen, coordinates rounded and aliases filtered or added by",
        "# scripts/derive_places.py (regenerate: python3 scripts/derive_places.py); do not edit by hand.",
        "# Columns: name, country (ISO3), admin1 (GeoNames admin1 code), lat, lon (degrees, 4 decimals),",
        "# population, capital (1 = national capital), aliases ('|'-separated), geonameid.",
        "# " + "\t".join(["name", "country", "admin1", "lat", "lon", "population", "capital", "aliases", "geonameid"]),
    ]
    for r in selected:
        gid = r["geonameid"]
        lines.append("\t".join([
            r["name"],
            countries[r["country_iso2"]][0],
            r["admin1"],
            round4(r["lat"]),
            round4(r["lon"]),
            str(r["population"]),
            "1" if gid in capitals else "0",
            "|".join(aliases_for(r, extra.get(gid, []))),
            str(gid),
        ]))

    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")

    counts = {w: sum(1 for s in reasons.values() if w in s) for w in ("capital", "large", "news", "fill")}
    first = {w: 0 for w in counts}
    for s in reasons.values():
        for w in ("capital", "large", "news", "fill"):
            if w in s:
                first[w] += 1
                break
    print(f"wrote {out}: {len(selected)} rows", file=sys.stderr)
    print("  chosen as (overlapping): " + ", ".join(f"{w} {n}" for w, n in counts.items()), file=sys.stderr)
    print("  first reason (disjoint): " + ", ".join(f"{w} {n}" for w, n in first.items()), file=sys.stderr)
    print(f"  unmatched capitals ({len(unmatched_capitals)}): " + "; ".join(unmatched_capitals), file=sys.stderr)
    print(f"  unmatched news places ({len(unmatched_news)}): " + "; ".join(unmatched_news), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
