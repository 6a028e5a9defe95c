"""CPU instructions of the components after the model's ``ner`` (the whereas components and rulers), counted by
callgrind over the build benchmark's part texts: a measure of their speed that other work on the machine does
not disturb (two runs of the same code differ by about 0.0001 %; wall-clock shares vary by a few points).

    python benchmarks/instructions.py                           # 40 documents' parts, each component's count
    python benchmarks/instructions.py --parts 320               # the first 320 parts only (quicker)
    python benchmarks/instructions.py --documents 100 --seed 1

The corpus is ``benchmarks/corpus.py``'s, cut into the part texts ``build.py`` gives the model. The model's
components run here, outside valgrind, and the Docs after ``ner`` are saved; a second process under callgrind
loads the pipeline, runs each component after ``ner`` over all the Docs in turn (in batches of 64, as
``nlp.pipe`` does) and counts instructions from each component's run only: loading the model and making the
Docs are not counted, nor is the cyclic garbage collector (disabled while counting: where a full collection
falls depends on allocations elsewhere, and it walks the whole heap). Each part is a Doc of its own, with no
document around it (as in ``build.py``'s shares). Needs valgrind (``apt-get install valgrind``); without it the
script says so and exits 2. A run over the 40 documents takes about 17 minutes on 2 cores, over 320 parts 5.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from build import _part_texts, _sources  # noqa: E402
from corpus import write_corpus  # noqa: E402

BATCH = 64
#: callgrind counts only inside this C function: the counted process runs each component through ``eval``
_COUNTED = "builtin_eval"


def _after_ner(names: list[str]) -> list[str]:
    """The components after the model's ``ner``: those counted."""
    return names[names.index("ner") + 1 :]


def save_docs(texts: list[str], target: Path) -> None:
    """Run the pipeline up to ``ner`` over ``texts`` and save the Docs (as bytes) to ``target``."""
    from pipeline.nlp import load_nlp

    nlp = load_nlp(None)
    with nlp.select_pipes(disable=_after_ner(nlp.pipe_names)):
        data = [doc.to_bytes() for doc in nlp.pipe(texts, batch_size=BATCH)]
    target.write_bytes(pickle.dumps(data))


def count(saved: Path) -> None:
    """Run each component after ``ner`` over the Docs saved in ``saved``, each run inside ``eval`` (what
    callgrind counts, a profile dumped after each): one count a component, in pipeline order."""
    from spacy.tokens import Doc

    from pipeline.nlp import load_nlp

    nlp = load_nlp(None)
    data = pickle.loads(saved.read_bytes())
    components = [(name, nlp.get_pipe(name)) for name in _after_ner(nlp.pipe_names)]

    def run(component, batches: list[list[Doc]]) -> list[list[Doc]]:
        if hasattr(component, "pipe"):
            return [list(component.pipe(docs, batch_size=BATCH)) for docs in batches]
        return [[component(doc) for doc in docs] for docs in batches]

    batches = [[Doc(nlp.vocab).from_bytes(b) for b in data[k : k + BATCH]] for k in range(0, len(data), BATCH)]
    for _, component in components:  # warmed up, uncounted: lazy imports, tables and matchers made
        batches[:1] = run(component, batches[:1])
    batches = [[Doc(nlp.vocab).from_bytes(b) for b in data[k : k + BATCH]] for k in range(0, len(data), BATCH)]
    # the cyclic garbage collector is kept out of the counts: a full collection walks the whole heap (the model,
    # the vocabulary, the patterns), and which component's run it falls in depends on allocations elsewhere
    gc.collect()
    gc.freeze()
    gc.disable()
    for _, component in components:
        batches = eval("run(component, batches)", {"run": run, "component": component, "batches": batches})


def _totals(folder: Path, prefix: str) -> list[int]:
    """The instruction totals of callgrind's profiles ``prefix``.1, .2, … in ``folder``, in order."""
    totals = []
    for path in sorted(folder.glob(f"{prefix}.*"), key=lambda p: int(p.suffix[1:])):
        found = re.search(r"^(?:totals|summary): (\d+)", path.read_text(errors="replace"), re.M)
        totals.append(int(found.group(1)) if found else 0)
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=40, help="corpus size (default 40, as in the README)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--parts", type=int, help="count over the first N part texts only")
    parser.add_argument("--count", type=Path, help=argparse.SUPPRESS)  # the process under callgrind
    args = parser.parse_args()
    if args.count is not None:
        count(args.count)
        return
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print(
            "benchmarks/instructions.py needs valgrind (callgrind) on the PATH: apt-get install valgrind",
            file=sys.stderr,
        )
        sys.exit(2)
    with tempfile.TemporaryDirectory(prefix="whereas-instructions-") as tmp:
        work = Path(tmp)
        write_corpus(work / "corpus", args.documents, args.seed)
        texts = _part_texts(_sources(work / "corpus"))[: args.parts]
        save_docs(texts, work / "docs.pickle")
        from pipeline.nlp import load_nlp

        names = _after_ner(load_nlp(None).pipe_names)
        out = work / "callgrind.out"
        command = [
            valgrind,
            "--tool=callgrind",
            "--collect-atstart=no",
            f"--toggle-collect={_COUNTED}",
            f"--dump-after={_COUNTED}",
            f"--callgrind-out-file={out}",
            sys.executable,
            __file__,
            "--count",
            str(work / "docs.pickle"),
        ]
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}
        )
        if done.returncode:
            sys.exit(f"the counted run failed:\n{done.stderr[-3000:]}")
        # the last profiles are the components' (what the imports ran through eval came first)
        totals = _totals(work, out.name)[-len(names) :]
    print(f"{len(texts)} parts of {args.documents} documents (seed {args.seed})")
    print(f"components after ner: {sum(totals):,} instructions")
    for name, total in sorted(zip(names, totals, strict=True), key=lambda nt: -nt[1]):
        print(f"  {name:28s} {total:15,} {total / max(sum(totals), 1):6.1%}")


if __name__ == "__main__":
    main()
