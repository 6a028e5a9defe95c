"""The command line: bad input gives one line naming the file and the cause, a non-zero exit, no output."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    (tmp / "empty.txt").write_text("")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nthis is not a pdf body\n")
    return {
        "empty": tmp / "empty.txt",
        "binary": tmp / "binary.txt",
        "missing": tmp / "nowhere.txt",
        "corrupt-pdf": tmp / "corrupt.pdf",
    }


@pytest.mark.parametrize("case", ["empty", "binary", "missing", "corrupt-pdf"])
def test_bad_input_is_one_line_naming_the_file_and_leaves_no_output(tmp_path, case):
    bad = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out" / "graph.ttl"
    result = runner.invoke(app, ["build", str(bad), "-o", str(out), "--no-progress"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and lines[0].startswith("whereas: error: ")
    assert not out.exists()
    assert not out.parent.exists() or not any(out.parent.iterdir())  # no temporary file left either


def test_build_query_export_validate_on_a_small_document(tmp_path):
    doc = tmp_path / "ep-2099-test.txt"
    doc.write_text(
        "The European Parliament,\n\nA. whereas on 9 May 2019 the poet Karl Berg was sentenced to "
        "two years in prison;\n\n1. Calls for the release of Karl Berg;\n",
        encoding="utf-8",
    )
    out = tmp_path / "graph.trig"
    built = runner.invoke(app, ["build", str(doc), "-o", str(out), "--no-progress"])
    assert built.exit_code == 0, built.output
    assert "1 document(s)" in built.stdout
    query = "SELECT ?who WHERE { ?e a wh:Sentencing ; wh:subject/rdfs:label ?who }"
    answer = runner.invoke(app, ["query", str(out), query, "--format", "csv"])
    assert answer.exit_code == 0 and answer.stdout.splitlines() == ["who", "Karl Berg"]
    exported = runner.invoke(app, ["export", str(out), "-o", str(tmp_path / "graph.jsonld")])
    assert exported.exit_code == 0 and (tmp_path / "graph.jsonld").stat().st_size > 0
    valid = runner.invoke(app, ["validate", str(out)])
    assert valid.exit_code == 0 and "conforms" in valid.stdout


def test_unknown_output_format_is_refused_before_any_work(tmp_path):
    result = runner.invoke(app, ["build", "examples", "-o", str(tmp_path / "graph.xyz"), "--no-progress"])
    assert result.exit_code == 1 and "graph.xyz" in result.stderr and not (tmp_path / "graph.xyz").exists()


def test_help_explains_every_command():
    result = runner.invoke(app, ["--help"])
    for verb in ("build", "query", "export", "validate", "viz", "serve", "remove", "status"):
        assert verb in result.stdout
        sub = runner.invoke(app, [verb, "--help"])
        assert sub.exit_code == 0 and "Usage" in sub.stdout


def test_status_of_something_that_is_no_store(tmp_path):
    result = runner.invoke(app, ["status", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"whereas: error: {tmp_path / 'nothing'}: no store here; make one with "
        f"`whereas build DOCS --store {tmp_path / 'nothing'}`\n"
    )


def test_build_without_output_writes_output_graph_ttl(tmp_path, monkeypatch):
    (tmp_path / "doc.txt").write_text("The European Parliament,\n\nA. whereas Karl Berg was arrested on 9 May 2019;\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "doc.txt", "--no-progress", "--no-validate"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("output/graph.ttl: 1 document(s)")
    assert (tmp_path / "output" / "graph.ttl").is_file()


def test_a_bad_base_iri_is_refused_before_any_work(tmp_path):
    result = runner.invoke(app, ["build", "examples", "--base", "not an iri", "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 1
    assert result.stderr == (
        "whereas: error: --base 'not an iri' is not an absolute IRI (like https://example.org/kg/)\n"
    )


_CONSOLE = """
import atexit, sys
from pathlib import Path
marker = Path(sys.argv[1])
atexit.register(lambda: marker.write_text("exit handlers ran"))
sys.argv = ["whereas", *sys.argv[2:]]
from pipeline.cli import main
main()
"""


@pytest.mark.parametrize(
    ("args", "status", "stream", "says"),
    [
        (["status", "{tmp}/nowhere"], 1, "stderr", "whereas: error: "),
        (["--help"], 0, "stdout", "build"),
    ],
)
def test_the_console_script_keeps_status_output_and_exit_handlers(tmp_path, args, status, stream, says):
    """``main`` ends the process without the interpreter's teardown: the status, what was printed
    and the exit handlers (temporary files, logging) are those of a normal exit."""
    import subprocess
    import sys

    marker = tmp_path / "marker"
    argv = [a.format(tmp=tmp_path) for a in args]
    done = subprocess.run(
        [sys.executable, "-c", _CONSOLE, str(marker), *argv], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == status
    assert says in getattr(done, stream)
    assert marker.read_text() == "exit handlers ran"
