"""Atomic file output: write to a temporary file beside the target, then rename it into place."""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from pipeline.errors import OutputError

__all__ = ["atomic_write_bytes", "atomic_writer", "sweep_temporary", "process_alive"]

#: What follows ``.NAME.`` in a temporary file of ``NAME``: ``<pid>.<random>.tmp`` (older versions
#: wrote ``<random>.tmp``).
_TEMPORARY = re.compile(r"(?:(?P<pid>\d+)\.)?[A-Za-z0-9_]+\.tmp")
#: Age past which a temporary file without a process id is taken for a leftover.
_STALE_AFTER = 3600.0


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine.

    >>> process_alive(os.getpid())
    True
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def sweep_temporary(path: str | Path) -> list[Path]:
    """Remove what killed writes of ``path`` left beside it: temporary files of processes gone.

    A temporary file names the process writing it; one whose process no longer runs
    is a leftover (an older one without a process id, once an hour old). Files of
    writes still running are left alone.

    Returns:
        The files removed.

    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / ".graph.ttl.999999999.abc123.tmp").write_text("half")
    >>> [p.name for p in sweep_temporary(folder / "graph.ttl")]
    ['.graph.ttl.999999999.abc123.tmp']
    """
    path = Path(path)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    now = time.time()
    prefix = f".{path.name}."
    for entry in entries:
        m = _TEMPORARY.fullmatch(entry.name[len(prefix) :]) if entry.name.startswith(prefix) else None
        if not m or not entry.is_file(follow_symlinks=False):
            continue
        try:
            stale = (
                not process_alive(int(m["pid"]))
                if m["pid"]
                else now - entry.stat(follow_symlinks=False).st_mtime > _STALE_AFTER
            )
            if stale:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one, never half.

    The parent folder is created if needed, and temporary files that killed writes of
    ``path`` left behind are removed first. On any failure (an interrupt included) the
    temporary file is removed; an error of the system is an
    :class:`~pipeline.errors.OutputError` naming the path and the cause.

    Args:
        path: The file to write.
        data: Its complete new contents.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    >>> target = Path(tempfile.mkdtemp()) / "sub" / "a.txt"
    >>> atomic_write_bytes(target, b"hello").read_bytes()
    b'hello'
    >>> sorted(p.name for p in target.parent.iterdir())  # no temporary file left behind
    ['a.txt']
    """
    with atomic_writer(path) as fh:
        fh.write(data)
    return Path(path)


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[BinaryIO]:
    """A file to write ``path`` through piece by piece, renamed into place when the block ends
    without an error (see :func:`atomic_write_bytes`); on an error or an interrupt it is removed
    and ``path`` is left as it was.

    >>> target = Path(tempfile.mkdtemp()) / "b.txt"
    >>> with atomic_writer(target) as fh:
    ...     _ = fh.write(b"hel")
    ...     _ = fh.write(b"lo")
    >>> target.read_bytes()
    b'hello'
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sweep_temporary(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file would be, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(path, exc.strerror or str(exc)) from exc
        raise
