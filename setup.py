"""Packaging step: the repository's ``ontology/`` (the source of truth) ships inside the wheel as
``pipeline/ontology/``, so an installed whereas finds its shapes and saved queries.

Everything else is declared in pyproject.toml; an editable install reads ``ontology/`` in place
(see ``pipeline/resources.py``).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ONTOLOGY = Path(__file__).resolve().parent / "ontology"


class BuildWithOntology(build_py):
    """build_py, then a copy of ``ontology/`` into the built package."""

    def run(self) -> None:
        super().run()
        if not getattr(self, "editable_mode", False):
            target = Path(self.build_lib) / "pipeline" / "ontology"
            shutil.copytree(ONTOLOGY, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".*", "__pycache__"))


setup(cmdclass={"build_py": BuildWithOntology})
