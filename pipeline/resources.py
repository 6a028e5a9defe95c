"""Where whereas finds the files it ships: the ontology, its SHACL shapes and the saved queries."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ontology_dir"]


def ontology_dir() -> Path:
    """The ``ontology/`` folder: inside the package when installed from a wheel, else the
    repository's own (an editable install or a source checkout), which is the source of truth.

    >>> sorted(p.name for p in ontology_dir().glob("*.ttl"))
    ['shapes.ttl', 'whereas.ttl']
    """
    packaged = Path(__file__).resolve().parent / "ontology"
    if (packaged / "whereas.ttl").is_file():
        return packaged
    return Path(__file__).resolve().parents[1] / "ontology"
