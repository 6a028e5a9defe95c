"""How each actor type looks: colour, vis-network shape and matplotlib marker."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TypeStyle", "TYPE_STYLES", "style_of"]


@dataclass(frozen=True, slots=True)
class TypeStyle:
    """The look of one actor type, the same on the page and in pictures."""

    colour: str  # fill, "#rrggbb"
    shape: str  # vis-network shape with the label below it
    marker: str  # matplotlib marker of the same shape


#: Actor type -> style. Colours from the Okabe-Ito and Tol palettes (colour-blind safe);
#: types sharing a shape differ in colour.
TYPE_STYLES: dict[str, TypeStyle] = {
    "Person": TypeStyle("#0072B2", "dot", "o"),
    "Court": TypeStyle("#D55E00", "square", "s"),
    "PoliticalParty": TypeStyle("#CC79A7", "diamond", "D"),
    "MediaOutlet": TypeStyle("#E69F00", "triangle", "^"),
    "GovernmentBody": TypeStyle("#882255", "hexagon", "h"),
    "InternationalOrganisation": TypeStyle("#009E73", "star", "*"),
    "NGO": TypeStyle("#56B4E9", "star", "*"),
    "Organisation": TypeStyle("#777777", "square", "s"),
    "Country": TypeStyle("#999933", "triangleDown", "v"),
    "Place": TypeStyle("#44AA99", "triangleDown", "v"),
    "Actor": TypeStyle("#AAAAAA", "dot", "o"),
}


def style_of(actor_type: str) -> TypeStyle:
    """The style of ``actor_type``; an unknown type looks like a plain ``Actor``.

    >>> style_of("Court").shape, style_of("Spaceship") == style_of("Actor")
    ('square', True)
    """
    return TYPE_STYLES.get(actor_type, TYPE_STYLES["Actor"])
