"""Outputs never destroy anything: not an input, not a device or FIFO, not a file's mode, and no
temporary file is left behind (SIGTERM cleans up; a killed run's leftovers are swept)."""
import json
import os
import signal
import stat
import subprocess
import sys
import time

import pytest

from summitwatch.atomic import OutputError, sweep_stale, write_atomic

GOOD = "1. 개요\n\n한일 정상은 2025년 3월 5일 서울에서 만나 협력 확대에 합의했다.\n"


def cli(*args, umask=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "summitwatch.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)


@pytest.fixture
def doc(tmp_path):
    p = tmp_path / "brief.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


def _parts(d):
    return [p.name for p in d.iterdir() if p.name.endswith(".part")]


def test_atomic_output_that_is_an_input_is_refused(doc, tmp_path):
    hard = tmp_path / "other-name.json"
    os.link(doc, hard)                                 # the same file under another name
    for target in (doc, hard):
        r = cli("analyze", doc, "--format", "json", "-o", target, "--structure-only")
        assert r.returncode == 1
        assert r.stderr.count("\n") == 1 and "is one of the inputs" in r.stderr
        assert doc.read_text(encoding="utf-8") == GOOD
    assert not _parts(tmp_path)


def test_atomic_output_fifo_and_device_are_refused_untouched(doc, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    for target, kind in ((fifo, "FIFO"), ("/dev/null", "character device")):
        r = cli("analyze", doc, "--format", "json", "-o", target, "--structure-only", timeout=60)
        assert r.returncode == 1 and kind in r.stderr and r.stderr.count("\n") == 1
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    with pytest.raises(OutputError, match="directory"):
        write_atomic(tmp_path, "x")


def test_atomic_symlink_to_a_regular_file_is_written_through(doc, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    r = cli("analyze", doc, "--format", "json", "-o", link, "--structure-only")
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["document"]["source"] == "brief.txt"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_atomic_new_file_honours_umask_existing_file_keeps_its_mode(doc, tmp_path):
    new = tmp_path / "new.json"
    assert cli("analyze", doc, "-f", "json", "-o", new, "--structure-only", umask=0o027).returncode == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o640
    new2 = tmp_path / "new2.json"
    assert cli("analyze", doc, "-f", "json", "-o", new2, "--structure-only", umask=0o022).returncode == 0
    assert stat.S_IMODE(new2.stat().st_mode) == 0o644
    old = tmp_path / "old.json"
    old.write_text("{}", encoding="utf-8")
    os.chmod(old, 0o644)
    assert cli("analyze", doc, "-f", "json", "-o", old, "--structure-only", umask=0o077).returncode == 0
    assert stat.S_IMODE(old.stat().st_mode) == 0o644 and old.read_text(encoding="utf-8") != "{}"


def test_atomic_sigterm_during_the_write_leaves_no_part_file(doc, tmp_path):
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    marker = tmp_path / "writing"
    # the real CLI, with fsync made slow so that the signal arrives while the .part file exists
    code = ("import os, sys, time\n"
            f"def slow(fd):\n    open({str(marker)!r}, 'w').close()\n    time.sleep(60)\n"
            "os.fsync = slow\n"
            "from summitwatch.cli.app import main\n"
            f"sys.argv = ['summitwatch', 'analyze', {str(doc)!r}, '-f', 'json', '-o', {str(out)!r}, '--structure-only']\n"
            "main()\n")
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while not marker.exists() and time.time() < deadline and p.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), p.communicate()
    assert _parts(tmp_path)                       # the temporary file is there now
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=30)
    assert p.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err
    assert not _parts(tmp_path)
    assert out.read_text(encoding="utf-8") == "previous"


def test_atomic_sweeps_stale_temporary_files_of_its_own_only(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".out.json.summitwatch-{dead.pid}-abc123.part"
    alive = tmp_path / f".out.json.summitwatch-{os.getppid()}-def456.part"
    old_alive = tmp_path / f".x.json.summitwatch-{os.getppid()}-ghi789.part"
    foreign = tmp_path / ".out.json.k2j3h4.part"             # not ours: another tool's name
    for p in (stale, alive, old_alive, foreign):
        p.write_text("half", encoding="utf-8")
    long_ago = time.time() - 3 * 24 * 3600
    os.utime(old_alive, (long_ago, long_ago))
    write_atomic(tmp_path / "out.json", "{}")
    assert not stale.exists() and not old_alive.exists()
    assert alive.exists() and foreign.exists()
    assert sweep_stale(str(tmp_path)) == []


def test_atomic_sigterm_between_documents_of_a_batch_leaves_no_part_file(doc, tmp_path):
    """A batch streams into the temporary file; SIGTERM while a later document is analysed
    removes it and leaves the target as it was."""
    second = tmp_path / "second.txt"
    second.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "all.jsonl"
    out.write_text("previous", encoding="utf-8")
    marker = tmp_path / "analysing-second"
    code = ("import sys, time\nimport summitwatch.cli.analyze as a\nreal = a._analyse\ncalls = []\n"
            "def slow(*args):\n    calls.append(1)\n    if len(calls) == 2:\n"
            f"        open({str(marker)!r}, 'w').close()\n        time.sleep(60)\n    return real(*args)\n"
            "a._analyse = slow\nfrom summitwatch.cli.app import main\n"
            f"sys.argv = ['summitwatch', 'analyze', {str(doc)!r}, {str(second)!r}, '-f', 'jsonl', '-o', {str(out)!r},"
            " '--structure-only']\nmain()\n")
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while not marker.exists() and time.time() < deadline and p.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), p.communicate()
    assert _parts(tmp_path)                       # the first document is already in the .part file
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=30)
    assert p.returncode == 128 + signal.SIGTERM and "Traceback" not in err, err
    assert not _parts(tmp_path)
    assert out.read_text(encoding="utf-8") == "previous"
