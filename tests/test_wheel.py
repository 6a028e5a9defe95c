"""whereas as a normal package: a wheel built from the source ships ontology/ and works installed.

Offline: the wheel is built without build isolation (the test environment's setuptools) and
installed without dependencies into a fresh venv that borrows this environment's packages.
Slow (a build and a venv), about half a minute.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: What a wheel is built from (what an sdist holds).
SOURCE = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "pipeline", "ontology")


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_a_wheel_ships_the_ontology_and_works_installed(tmp_path: Path, mini_trig: Path, golden_graph: Path) -> None:
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the repository
    for name in SOURCE:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "--wheel-dir",
        wheels,
        source,
        cwd=tmp_path,
    )
    wheel = next(wheels.glob("whereas-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("ontology/whereas.ttl", "ontology/shapes.ttl", "ontology/queries/sentenced.rq"):
        assert f"pipeline/{shipped}" in names
        assert (ROOT / shipped).read_bytes() == zipfile.ZipFile(wheel).read(f"pipeline/{shipped}")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path).strip())
    # the dependencies come from this environment (nothing is downloaded); its own whereas does not,
    # since .pth files in a folder named by a .pth line are not run
    (site / "zz_borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--quiet",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=tmp_path,
    )

    run_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = _run(
        python,
        "-c",
        "import pipeline, pipeline.resources as r; print(pipeline.__file__); print(r.ontology_dir())",
        cwd=tmp_path,
        env=run_env,
    ).splitlines()
    assert all(line.startswith(str(site)) for line in where), where
    whereas = env_dir / "bin" / "whereas"
    assert _run(whereas, "validate", mini_trig, cwd=tmp_path, env=run_env).endswith(f"{mini_trig}: conforms\n")
    answer = _run(whereas, "query", golden_graph, "sentenced", "--format", "csv", cwd=tmp_path, env=run_env)
    people = [line.split(",")[0] for line in answer.splitlines()]
    assert people[0] == "person" and {"Vadim Kuramshin", "Vladimir Kozlov"} <= set(people[1:])
