"""Reading a store's snapshots: read-only copies a writer publishes, held by readers while they read.

Light on imports: query worker processes load it at start.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from pipeline.errors import StoreError

__all__ = ["SNAPSHOTS", "READERS", "LEDGER", "current_snapshot", "pin_snapshot", "keeps_triples_once"]

#: Where a store keeps its snapshots (numbered folders; ``current`` names the newest).
SNAPSHOTS = "whereas/snapshots"
#: In a snapshot: readers hold a shared lock on it, a writer sweeping old snapshots an exclusive one.
READERS = ".readers"
#: In a store (and in each of its snapshots): which document graphs state each triple of the shared
#: graph. A store without it was written by an older whereas: its default graph holds the union.
LEDGER = "whereas/shared.sqlite"


def keeps_triples_once(folder: str | Path) -> bool:
    """Whether the store (or snapshot) in ``folder`` keeps each triple once, in one named graph, and
    is queried over the union of its graphs; a store of an older whereas keeps that union in its
    default graph instead, and is queried there."""
    return (Path(folder) / LEDGER).is_file()


def current_snapshot(path: str | Path) -> int | None:
    """The number of the store's newest snapshot, or None (a store no whereas writer has closed yet)."""
    try:
        return int((Path(path) / SNAPSHOTS / "current").read_text().strip())
    except (OSError, ValueError):
        return None


def pin_snapshot(path: str | Path) -> tuple[Path, int, int] | None:
    """Hold the newest snapshot for reading: its folder, number and the descriptor holding it.

    The descriptor holds a shared lock that keeps a writer from sweeping the snapshot
    away; closing it lets the snapshot go. None when the store has no snapshot.
    """
    path = Path(path)
    for attempt in range(200):
        seq = current_snapshot(path)
        if seq is None:
            return None
        folder = path / SNAPSHOTS / str(seq)
        try:
            fd = os.open(folder / READERS, os.O_RDONLY)
        except FileNotFoundError:
            continue  # swept between reading the pointer and opening: read the pointer again
        except OSError as exc:
            raise StoreError(path, f"cannot read the store's snapshot: {exc.strerror or exc}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            same = os.stat(folder / READERS).st_ino == os.fstat(fd).st_ino
        except OSError:
            same = False
        if same:
            return folder, seq, fd
        os.close(fd)
        time.sleep(0.005 * min(attempt, 20))
    raise StoreError(path, "cannot hold a snapshot of the store: it changes too often")
