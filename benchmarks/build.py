"""Build speed, memory, incremental rebuilds and parallelism on a generated corpus.

Generates a corpus of invented documents (``benchmarks/corpus.py``: resolutions and news
stories composed with varied names, countries, courts and dates; the same for the same
``--seed``) and prints:

1. words/s of whereas's per-document stage (structure, the spaCy pipeline with the whereas
   components, facts) against the bare spaCy model (same model, the same part texts,
   ``batch_size=64``) and their ratio;
2. each pipeline component's share of the NLP time, and the whereas components' sum;
3. peak RSS of ``whereas build`` at two corpus sizes (each in a subprocess of its own);
4. the time of a rebuild after one document of the corpus changed, over the full build
   (both with ``--cache``);
5. the speed-up of ``--jobs 2`` over ``--jobs 1``.

    python benchmarks/build.py                          # every measure, default sizes
    python benchmarks/build.py --documents 200 --only speed
    python benchmarks/build.py --rss 10 300 --only rss

Run from the repository root with the project's environment. Timings are wall-clock on
whatever else the machine is doing: run it on a quiet machine. The package's modules are
byte-compiled first, as an installed package's are (an editable install under
``PYTHONDONTWRITEBYTECODE`` would compile them again in every process it starts).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import document, write_corpus  # noqa: E402

WHEREAS = [str(Path(sys.executable).parent / "whereas")]
MEASURES = ("speed", "rss", "incremental", "jobs")


def _sources(folder: Path) -> list:
    from pipeline.build import read_corpus

    return list(read_corpus([folder]).sources)


def _part_texts(sources: list) -> list[str]:
    """The texts whereas gives the model: each part's prose (footnotes empty)."""
    from pipeline.doc_to_facts import part_body
    from pipeline.facts import PartKind
    from pipeline.structure import find_structure

    texts = []
    for source in sources:
        structure = find_structure(source)
        for part in structure.parts:
            text, _ = part_body(part, structure.kind)
            texts.append("" if part.kind is PartKind.FOOTNOTE else text)
    return texts


def speed(folder: Path, rounds: int) -> dict:
    """Words/s of whereas and of the bare model on the same part texts; per-component shares."""
    import spacy

    from pipeline.build import extract
    from pipeline.nlp import DEFAULT_MODEL, load_nlp

    sources = _sources(folder)
    texts = _part_texts(sources)
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(DEFAULT_MODEL, exclude=["senter"])
    nlp = load_nlp(None)
    for _ in bare.pipe(texts[:64], batch_size=64):  # warm up both
        pass
    extract(sources[:3])

    bare_s = whereas_s = float("inf")
    for _ in range(rounds):  # interleaved, the best of ``rounds``: the least disturbed by other work
        t = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=64):
            pass
        bare_s = min(bare_s, time.perf_counter() - t)
        t = time.perf_counter()
        extract(sources)
        whereas_s = min(whereas_s, time.perf_counter() - t)

    # each component's time over the same texts, in batches of 64 as nlp.pipe runs them
    spent: dict[str, float] = defaultdict(float)
    for start in range(0, len(texts), 64):
        t = time.perf_counter()
        docs = [nlp.make_doc(text) for text in texts[start : start + 64]]
        spent["tokenizer"] += time.perf_counter() - t
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            spent[name] += time.perf_counter() - t
    total = sum(spent.values())
    ours = sum(v for k, v in spent.items() if k.startswith("whereas_"))
    return {
        "documents": len(sources),
        "parts": len(texts),
        "words": words,
        "bare_words_per_s": words / bare_s,
        "whereas_words_per_s": words / whereas_s,
        "ratio": bare_s / whereas_s,
        "components": {k: v / total for k, v in sorted(spent.items(), key=lambda kv: -kv[1])},
        "whereas_share": ours / total,
    }


def _run(args: list[str], **kwargs) -> float:
    t = time.perf_counter()
    subprocess.run(args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - t


def _peak_rss(args: list[str]) -> int:
    """Peak RSS of a command, in bytes, measured in a subprocess of its own."""
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *args], check=True, cwd=ROOT, capture_output=True, text=True)
    return int(out.stdout.strip()) * 1024


def rss(work: Path, sizes: list[int], seed: int) -> dict:
    out = {}
    for size in sizes:
        folder = work / f"rss-{size}"
        write_corpus(folder, size, seed)
        for suffix in ("trig",):
            target = work / f"rss-{size}.{suffix}"
            out[f"{size} documents to .{suffix}"] = _peak_rss(
                [*WHEREAS, "build", str(folder), "-o", str(target), "--no-validate", "--no-progress", "--jobs", "1"]
            )
    return out


def incremental(folder: Path, work: Path, seed: int) -> dict:
    """A full build with a cache, then the same after one document changed."""
    cache = work / "cache"
    target = work / "incremental.trig"
    build = [*WHEREAS, "build", str(folder), "-o", str(target), "--cache", str(cache), "--no-progress", "--no-validate"]
    build += ["--jobs", "1"]
    full = _run(build)
    paths = sorted(folder.glob("*.txt"))
    _, text = document(len(paths) + 7, seed)  # another document's text in the place of the first
    paths[0].write_text(text + "\n", encoding="utf-8")
    again = _run(build)
    return {"full_s": full, "rebuild_s": again, "ratio": again / full}


def jobs(folder: Path, work: Path) -> dict:
    times = {}
    for n in (1, 2):
        times[n] = _run(
            [
                *WHEREAS,
                "build",
                str(folder),
                "-o",
                str(work / f"jobs-{n}.trig"),
                "--no-validate",
                "--no-progress",
                "--jobs",
                str(n),
            ]
        )
    return {"jobs_1_s": times[1], "jobs_2_s": times[2], "speedup": times[1] / times[2]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100, help="corpus size for speed, rebuild and --jobs")
    parser.add_argument("--rss", type=int, nargs=2, default=[10, 300], help="the two corpus sizes of the RSS measure")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3, help="runs of the speed measure (the best is kept)")
    parser.add_argument("--only", choices=MEASURES, action="append", help="run only these measures")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    chosen = args.only or list(MEASURES)
    compileall.compile_dir(ROOT / "pipeline", quiet=1)
    results: dict = {"cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="whereas-bench-") as tmp:
        work = Path(tmp)
        folder = work / "corpus"
        write_corpus(folder, args.documents, args.seed)
        if "speed" in chosen:
            results["speed"] = speed(folder, args.rounds)
        if "rss" in chosen:
            results["rss"] = rss(work, args.rss, args.seed)
        if "incremental" in chosen:
            copy = work / "corpus-incremental"
            write_corpus(copy, args.documents, args.seed)
            results["incremental"] = incremental(copy, work, args.seed)
        if "jobs" in chosen:
            results["jobs"] = jobs(folder, work)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    _print(results)


def _print(r: dict) -> None:
    print(f"machine: {r['cores']} cores")
    if "speed" in r:
        s = r["speed"]
        print(f"corpus: {s['documents']} documents, {s['parts']} parts, {s['words']:,} words")
        print(
            f"speed: whereas {s['whereas_words_per_s']:,.0f} words/s, bare model {s['bare_words_per_s']:,.0f} words/s, "
            f"ratio {s['ratio']:.2f}"
        )
        print(f"whereas components: {s['whereas_share']:.1%} of NLP time")
        for name, share in s["components"].items():
            print(f"  {name:28s} {share:6.1%}")
    if "rss" in r:
        sizes = list(r["rss"].items())
        for label, value in sizes:
            print(f"peak RSS, {label}: {value / 2**20:,.0f} MB")
        if len(sizes) == 2:
            print(f"peak RSS ratio, larger / smaller: {sizes[1][1] / sizes[0][1]:.2f}")
    if "incremental" in r:
        i = r["incremental"]
        print(
            f"rebuild after 1 changed document: {i['rebuild_s']:.1f} s vs full build {i['full_s']:.1f} s, "
            f"ratio {i['ratio']:.3f}"
        )
    if "jobs" in r:
        j = r["jobs"]
        print(f"--jobs 2: {j['jobs_2_s']:.1f} s vs --jobs 1 {j['jobs_1_s']:.1f} s, speed-up {j['speedup']:.2f}")


if __name__ == "__main__":
    main()
