"""The network package imports downward only: nothing in ``pipeline/network`` imports the pictures
(``pipeline/viz``), and its modules import each other in one order, with no circle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NETWORK = ROOT / "pipeline" / "network"
#: The modules of the package, top (data only) to bottom: each may import only those before it.
LAYERS = ["model", "project", "timeline", "filters", "measures", "layout", "export"]


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function, as absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = "pipeline.network"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from .model import y
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def test_the_package_holds_exactly_the_layered_modules():
    assert sorted(p.stem for p in NETWORK.glob("*.py")) == sorted(["__init__", *LAYERS])


@pytest.mark.parametrize("path", sorted(NETWORK.glob("*.py")), ids=lambda p: p.name)
def test_no_network_module_imports_the_pictures(path: Path):
    upward = sorted(m for m in _imports(path) if m == "pipeline.viz" or m.startswith("pipeline.viz."))
    assert upward == [], f"{path.name} imports {upward}"


@pytest.mark.parametrize("name", LAYERS)
def test_network_modules_import_only_the_layers_above_them(name: str):
    own = {m.split(".")[2] for m in _imports(NETWORK / f"{name}.py") if m.startswith("pipeline.network.")}
    below = sorted(own - set(LAYERS[: LAYERS.index(name)]))
    assert below == [], f"network/{name}.py imports {below} (same layer or below)"


def test_every_network_module_imports_with_the_pictures_blocked():
    """In a fresh interpreter where importing ``pipeline.viz`` fails, the whole package imports
    and works: its public API projects, filters, measures, lays out and writes files."""
    code = f"""
import importlib, sys, tempfile
from pathlib import Path

class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "pipeline.viz" or name.startswith("pipeline.viz."):
            raise ImportError("blocked: " + name)
        return None

sys.meta_path.insert(0, Block())
for name in {["pipeline.network", *(f"pipeline.network.{m}" for m in LAYERS)]!r}:
    importlib.import_module(name)
from rdflib import Dataset
import pipeline.network as net
ds = Dataset(default_union=True).parse(format="trig", data='''
@prefix wh: <https://w3id.org/whereas/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:court> a wh:Court ; rdfs:label "City Court" .
<urn:anna> a wh:Person ; rdfs:label "Anna Berg" .
<urn:e1> a wh:Sentencing ; wh:court <urn:court> ; wh:subject <urn:anna> .''')
G = net.focus_graph(net.select_types(net.to_actor_graph(ds), ["Person", "Court"]), "anna berg")
folder = Path(tempfile.mkdtemp())
net.write_graphml(G, folder / "g.graphml"); net.write_gexf(G, folder / "g.gexf")
print(len(G), [r.label for r in net.centrality(G)], sorted(net.layout(G)), len(net.actor_facts(ds)["urn:anna"]))
print(sorted(m for m in sys.modules if m.startswith("pipeline.viz")))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["2 ['Anna Berg', 'City Court'] ['urn:anna', 'urn:court'] 1", "[]"]


def test_the_pictures_and_the_command_import_the_network():
    """The other direction holds: the page, the pictures and ``viz`` build on the network package."""
    for name in ("html", "static", "command"):
        assert any(m.startswith("pipeline.network") for m in _imports(ROOT / "pipeline" / "viz" / f"{name}.py"))
