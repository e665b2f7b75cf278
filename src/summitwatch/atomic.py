"""Write a file so that readers see either the old content or the whole new one, and so that
nothing else is ever destroyed: not an input, not a device or FIFO, not a file's permissions.

The new content goes to a temporary file next to the target, named
``.<name>.summitwatch-<pid>-<random>.part``, which is renamed over the target when complete.
The name says whose it is: a temporary file left by a killed run (SIGKILL cannot be caught) is
removed by the next write into the same directory once its process is gone.
"""
from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import tempfile
import threading
import time

from .ingest import file_kind

TEMP_TAG = ".summitwatch-"
_TEMP = re.compile(r"^\..*\.summitwatch-(\d+)-[A-Za-z0-9_]+\.part$")
STALE_AFTER_S = 24 * 3600      # a temporary file this old is stale even if its pid is alive again


class OutputError(OSError):
    """An output path that must not be written; ``str(err)`` is the one-line reason. An OSError,
    so that callers that handle failed writes handle refusals too."""


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)        # the portable way reads it by setting it
    os.umask(mask)
    return mask


def check_output(path: str | os.PathLike, inputs: set[tuple[int, int]] = frozenset()) -> tuple[str, int | None]:
    """Where writing ``path`` really writes, and the mode the file must keep (None: new file).
    A symlink to a regular file is written through; anything but a regular file is refused, and
    so is an input (same device and inode), whatever name it is given by."""
    p = os.fspath(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        if os.path.islink(p):
            raise OutputError("is a symbolic link to a missing file; refused") from None
        parent = os.path.dirname(p) or "."
        if not os.path.isdir(parent):
            raise OutputError("its directory does not exist") from None
        return p, None
    except OSError as e:
        raise OutputError(f"cannot be checked ({e.strerror or e})") from None
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"is a {file_kind(st.st_mode)}, not a regular file; refused")
    if (st.st_dev, st.st_ino) in inputs:
        raise OutputError("is one of the inputs; refused (it would replace the document)")
    return os.path.realpath(p), stat.S_IMODE(st.st_mode)


def sweep_stale(directory: str, now: float | None = None) -> list[str]:
    """Remove our own temporary files in ``directory`` whose process is gone (or that are older
    than a day). Only names of our pattern are looked at; returns what was removed."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for e in entries:
        m = _TEMP.match(e.name)
        if not m or not e.is_file(follow_symlinks=False):
            continue
        pid = int(m.group(1))
        try:
            age = now - e.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if pid == os.getpid() and age < STALE_AFTER_S:
            continue
        if age < STALE_AFTER_S and _alive(pid):
            continue
        with contextlib.suppress(OSError):
            os.unlink(e.path)
            removed.append(e.path)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class Terminated(BaseException):
    """SIGTERM/SIGHUP arrived while a temporary file existed (raised so that it is removed)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_raise():
    """During the write, SIGTERM and SIGHUP raise Terminated (where they would have ended the
    process anyway), so the temporary file is cleaned up by the ordinary exception path; the
    previous handlers come back afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise Terminated(signum)

    old = {}
    for s in (signal.SIGTERM, signal.SIGHUP):
        try:
            if signal.getsignal(s) is signal.SIG_DFL:    # an ignored signal (nohup) stays ignored
                old[s] = signal.signal(s, handler)
        except (ValueError, OSError):
            pass
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


class AtomicWriter:
    """Stream text into ``path`` so that it appears whole or not at all: the temporary file is
    opened at the first write, renamed over the target by ``commit()``, removed by ``abort()``,
    by an exception or by SIGTERM/SIGHUP while the writer is open (use it as a context manager).
    A batch is written document by document instead of being held in memory."""

    def __init__(self, path: str | os.PathLike, inputs: set[tuple[int, int]] = frozenset()):
        self.path, self.inputs = path, inputs
        self._f = None
        self._tmp: str | None = None
        self._target: str | None = None
        self._signals = _signals_raise()

    def __enter__(self) -> "AtomicWriter":
        self._signals.__enter__()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None and self._f is not None:
                self.commit()
            else:
                self.abort()
        finally:
            self._signals.__exit__(None, None, None)

    def _open(self) -> None:
        target, mode = check_output(self.path, self.inputs)
        parent = os.path.dirname(target) or "."
        sweep_stale(parent)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}{TEMP_TAG}{os.getpid()}-",
                                         suffix=".part", dir=parent)
        try:
            os.fchmod(fd, mode if mode is not None else 0o666 & ~_umask())
            self._f = os.fdopen(fd, "w", encoding="utf-8")
        except BaseException:
            os.close(fd)
            self.abort()
            raise
        self._target = target

    def write(self, data: str) -> None:
        if self._f is None:
            self._open()
        self._f.write(data)

    def commit(self) -> None:
        """Make the written text the file's content (an empty file if nothing was written)."""
        if self._f is None:
            self._open()
        f, self._f = self._f, None
        try:
            f.flush()
            os.fsync(f.fileno())
            f.close()
            os.replace(self._tmp, self._target)
            self._tmp = None
        except BaseException:
            with contextlib.suppress(OSError):
                f.close()
            self.abort()
            raise

    def abort(self) -> None:
        """Remove the temporary file, if any: the target keeps its old content."""
        if self._f is not None:
            with contextlib.suppress(OSError):
                self._f.close()
            self._f = None
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)
            self._tmp = None


def write_atomic(path: str | os.PathLike, data: str, inputs: set[tuple[int, int]] = frozenset()) -> None:
    """Write ``data`` (UTF-8) to ``path`` atomically. A new file gets 0666 minus the umask; an
    existing one keeps its mode. Raises OutputError for a path that must not be written, OSError
    for a failed write (the temporary file is removed in both cases, and on SIGTERM)."""
    with AtomicWriter(path, inputs) as w:
        w.write(data)
