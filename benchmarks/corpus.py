"""Invented corpora for the build benchmark: resolutions and news stories composed from templates.

Every document is composed from the genre's phrasings with names, countries, courts, cities,
parties, outlets, dates, terms and charges drawn from pools by a seeded random generator, so a
corpus of N documents is the same for the same seed and no two documents read alike. None of
the names is a real case.

    >>> docs = corpus(3, seed=1)
    >>> [name for name, _ in docs] == [name for name, _ in corpus(3, seed=1)]
    True
"""

from __future__ import annotations

import random
from pathlib import Path

__all__ = ["corpus", "write_corpus", "document"]

_FIRST = [
    "Amina", "Bakhyt", "Carlos", "Dilnoza", "Elena", "Farid", "Galina", "Hamid", "Irina", "Javier",
    "Karima", "Leyla", "Maksim", "Nadia", "Oleg", "Parisa", "Rustam", "Sabina", "Timur", "Ulugbek",
    "Vera", "Walid", "Yasmin", "Zarina", "Andrei", "Bui", "Chen", "Darya", "Emre", "Fatima", "Gulnara",
    "Hassan", "Ivan", "Jamila", "Kamal", "Lucia", "Mehdi", "Nurlan", "Olga", "Pavel", "Rania", "Sergei",
]  # fmt: skip
_LAST = [
    "Abdullayev", "Barzani", "Castillo", "Davletova", "Ermekov", "Farouk", "Gromova", "Haidari",
    "Ismailova", "Jurayev", "Kassymov", "Lozano", "Mirzaev", "Nazarova", "Orlov", "Petrosyan",
    "Qodirov", "Rahimi", "Sadykov", "Tashkentova", "Usmonov", "Valiyev", "Wahid", "Yusupova",
    "Zhakupov", "Alimova", "Bekova", "Chernova", "Demirci", "Esfahani", "Fedorova", "Guliyev",
]  # fmt: skip
_COUNTRIES = [
    ("Kazakhstan", "Almaty", "Kazakh"), ("Belarus", "Minsk", "Belarusian"), ("Azerbaijan", "Baku", "Azerbaijani"),
    ("Uzbekistan", "Tashkent", "Uzbek"), ("Tajikistan", "Dushanbe", "Tajik"), ("Egypt", "Cairo", "Egyptian"),
    ("Iran", "Tehran", "Iranian"), ("Venezuela", "Caracas", "Venezuelan"), ("Nicaragua", "Managua", "Nicaraguan"),
    ("Vietnam", "Hanoi", "Vietnamese"), ("Ethiopia", "Addis Ababa", "Ethiopian"), ("Turkey", "Ankara", "Turkish"),
    ("Kyrgyzstan", "Bishkek", "Kyrgyz"), ("Cambodia", "Phnom Penh", "Cambodian"), ("Algeria", "Algiers", "Algerian"),
]  # fmt: skip
_COURT_KINDS = ["District Court", "City Court", "Regional Court", "Supreme Court", "Court of Appeal"]
_DISTRICTS = ["Central", "Northern", "Lenin", "Oktyabrsky", "Pervomaisky", "Sovetsky", "Eastern", "Medeu"]
_PARTIES = ["Democratic Choice", "People's Freedom Party", "Union of Justice", "New Alliance", "Civic Platform"]
_OUTLETS = ["Respublika", "Free Voice", "The Evening Courier", "Radio Azattyk", "Novaya Pravda", "Daily Mirror"]
_NGOS = ["Human Rights Watch", "Amnesty International", "Reporters Without Borders", "Front Line Defenders"]
_ROLES = ["journalist", "human rights defender", "opposition leader", "lawyer", "blogger", "trade unionist"]
_CHARGES = [
    "inciting social discord", "hooliganism", "tax evasion", "spreading false information",
    "organising mass riots", "calling for the overthrow of the constitutional order", "extremism", "espionage",
]  # fmt: skip
_TERMS = ["two years", "three and a half years", "five years", "seven years", "ten years", "eighteen months"]
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]  # fmt: skip


class _Case:
    """The people, places and dates one document speaks of."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.country, self.capital, self.demonym = rng.choice(_COUNTRIES)
        self.people = rng.sample(sorted({f"{f} {s}" for f in _FIRST for s in _LAST}), rng.randint(3, 6))
        self.court = f"{rng.choice(_DISTRICTS)} {rng.choice(_COURT_KINDS)} of {self.capital}"
        self.party = rng.choice(_PARTIES)
        self.outlet = rng.choice(_OUTLETS)
        self.ngo = rng.choice(_NGOS)
        self.year = rng.randint(2005, 2024)

    def date(self) -> str:
        return f"{self.rng.randint(1, 28)} {self.rng.choice(_MONTHS)} {self.year}"

    def surname(self, person: str) -> str:
        return person.split()[-1]


def _pick(c: _Case) -> tuple[str, str, str]:
    """Three distinct people of the case, in a random order."""
    a, b, d = c.rng.sample(c.people, 3)
    return a, b, d


def _recital(c: _Case) -> str:
    rng = c.rng
    a, b, d = _pick(c)
    pool = [
        f"whereas on {c.date()} the {rng.choice(_ROLES)} {a} was arrested by officers of the State Security Committee in {c.capital}",
        f"whereas on {c.date()} the {c.court} sentenced {a} to {rng.choice(_TERMS)} in prison on charges of ‘{rng.choice(_CHARGES)}’",
        f"whereas {b}, the editor-in-chief of the independent newspaper {c.outlet}, was detained on {c.date()} and has been held in pre-trial detention since then",
        f"whereas the trial of {b} and {d} began on {c.date()} behind closed doors",
        f"whereas on {c.date()} the authorities of {c.country} banned the opposition party {c.party}",
        f"whereas {d}, a member of {c.party}, was released on {c.date()} after serving {rng.choice(_TERMS)} in prison",
        f"whereas on {c.date()} the {c.court} upheld the sentence of {c.surname(a)}",
        f"whereas the wife of {a}, {d}, has been repeatedly harassed by the police",
        f"whereas {c.ngo} reported on {c.date()} that {d} had been beaten in custody",
        f"whereas the lawyer of {b} was denied access to his client for several weeks",
        f"whereas {c.demonym} courts routinely convict journalists on charges of {rng.choice(_CHARGES)}",
        f"whereas the {rng.choice(_ROLES)} {d} was killed in {c.capital} on {c.date()} and nobody has been charged",
        f"whereas {c.country} has ratified the International Covenant on Civil and Political Rights, which guarantees freedom of expression, assembly and association, and the right to a fair trial",
        f"whereas the situation of independent media in {c.country} has deteriorated markedly since {c.year - rng.randint(1, 4)}, with dozens of journalists prosecuted and several outlets closed",
    ]
    return rng.choice(pool)


def _recitals(c: _Case) -> list[str]:
    return [_recital(c) for _ in range(c.rng.randint(16, 32))]


def _paragraph(c: _Case) -> str:
    rng = c.rng
    a, b, d = _pick(c)
    pool = [
        f"Calls on the authorities of {c.country} to release {a}, {b} and {d} immediately and unconditionally",
        f"Condemns the sentencing of {a} and considers the charges against him to be politically motivated",
        f"Urges the {c.demonym} authorities to end the harassment of independent media, including {c.outlet}",
        f"Calls for an independent investigation into the ill-treatment of {d} in detention",
        f"Deplores the ban on {c.party} and calls for its registration to be restored",
        "Calls on the EU Delegation to monitor the trials of journalists and human rights defenders",
        f"Stresses that {c.country} must respect its obligations under the International Covenant on Civil and Political Rights",
        f"Expresses its solidarity with the family of {b} and with all those detained for exercising their rights",
    ]
    return rng.choice(pool)


def _paragraphs(c: _Case) -> list[str]:
    closing = (
        "Instructs its President to forward this resolution to the Council, the Commission and the "
        f"Vice-President of the Commission / High Representative of the Union for Foreign Affairs and "
        f"Security Policy, and to the authorities of {c.country}"
    )
    return [_paragraph(c) for _ in range(c.rng.randint(8, 16))] + [closing]


def _resolution(c: _Case, number: int) -> str:
    rng = c.rng
    title = f"European Parliament resolution of {c.date()} on the case of {c.people[0]} in {c.country} ({c.year}/{2500 + number % 400}(RSP))"
    lines = [title, "", "The European Parliament,", ""]
    citations = [
        f"having regard to its previous resolutions on {c.country}",
        f"having regard to the statement of {c.date()} by the Spokesperson of the European External Action Service on the sentencing of {c.people[0]}",
        "having regard to the Universal Declaration of Human Rights",
        "having regard to Rules 144(5) and 132(4) of its Rules of Procedure",
    ]
    lines += [f"– {text}," for text in citations[: rng.randint(2, 4)]] + [""]
    for n, text in enumerate(_recitals(c)):
        lines += [f"{chr(65 + n)}. {text};", ""]
    for n, text in enumerate(_paragraphs(c), 1):
        lines += [f"{n}. {text};", ""]
    return "\n".join(lines)


def _news(c: _Case) -> str:
    rng, p = c.rng, c.people
    title = f"{c.country}: {p[0]} sentenced to {rng.choice(_TERMS)}"
    sentences = [
        f"{c.capital.upper()}, {c.date()} — A court in {c.country} on Tuesday sentenced the {rng.choice(_ROLES)} {p[0]} to {rng.choice(_TERMS)} in prison.",
        f"The {c.court} found {c.surname(p[0])} guilty of {rng.choice(_CHARGES)}, his lawyer, {p[1]}, told reporters.",
        f"{c.surname(p[0])}, 41, was arrested in {c.capital} on {c.date()} after publishing an article in {c.outlet}.",
        f"His wife, {p[-1]}, said the family would appeal the verdict.",
        f"{c.ngo} called the verdict ‘a travesty of justice’ and urged the authorities to free him.",
        f"Police also detained {p[2]}, a member of the opposition party {c.party}, on {c.date()}.",
        f"The European Union said in a statement on {c.date()} that it was concerned about the trial.",
    ]
    for _ in range(rng.randint(3, 8)):
        a, b, d = _pick(c)
        sentences += [
            f"{a} was detained on {c.date()} and charged with {rng.choice(_CHARGES)}, according to {c.ngo}.",
            f"Last year the {c.court} sentenced {b} to {rng.choice(_TERMS)} in prison, a verdict upheld on {c.date()}.",
            f"Relatives of {d} said he had been held without access to a lawyer since {c.date()}.",
        ]
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    return "\n\n".join([title, *paragraphs])


def document(n: int, seed: int = 0) -> tuple[str, str]:
    """Document ``n`` of the corpus of ``seed``: its file name and text."""
    rng = random.Random(f"{seed}:{n}")
    c = _Case(rng)
    if rng.random() < 0.7:
        return f"ep-{c.year}-{n:05d}.txt", _resolution(c, n)
    return f"news-{c.year}-{n:05d}.txt", _news(c)


def corpus(count: int, seed: int = 0) -> list[tuple[str, str]]:
    """``count`` documents: file names and texts."""
    return [document(n, seed) for n in range(count)]


def write_corpus(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` documents into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in corpus(count, seed):
        path = folder / name
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    return paths
