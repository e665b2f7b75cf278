"""A batch survives any one file: what is not a regular readable file is refused by name, in one
line, before it is opened; the JSON outputs record which inputs failed and why."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

from summitwatch.cli.batch import source_names
from summitwatch.ingest import read_bytes
from summitwatch.ingest.errors import InputError

GOOD = "1. 개요\n\n한일 정상은 2025년 3월 5일 서울에서 만나 협력 확대에 합의했다.\n"


def run(*args, user=None, timeout=120):
    cmd = [sys.executable, "-m", "summitwatch.cli", *map(str, args)]
    if user is not None:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def batch(tmp_path):
    """Two good files with the same name in different directories, and every kind of bad input."""
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.txt").write_text(GOOD.replace("서울", "도쿄" if d == "b" else "서울"), encoding="utf-8")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    return {"good": [tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"], "fifo": fifo,
            "loop": tmp_path / "loop1", "directory": tmp_path / "a", "dangling": tmp_path / "dangling.txt",
            "device": "/dev/null"}


def test_batch_bad_inputs_among_good_ones_jsonl_records_each(batch):
    a, b = batch["good"]
    args = [a, batch["fifo"], batch["loop"], batch["directory"], batch["device"], batch["dangling"], b]
    r = run("analyze", *args, "--format", "jsonl", "--structure-only", timeout=60)   # a FIFO would hang
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and "Usage" not in r.stderr
    errors = r.stderr.strip().splitlines()
    assert len(errors) == 5
    assert "FIFO" in errors[0] and "symbolic link loop" in errors[1] and "directory" in errors[2]
    assert "character device" in errors[3] and "missing file" in errors[4]
    records = [json.loads(x) for x in r.stdout.splitlines()]
    assert [rec.get("failed", False) for rec in records] == [False, True, True, True, True, True, False]
    assert records[0]["document"]["source"] == "a/x.txt" and records[-1]["document"]["source"] == "b/x.txt"
    assert records[1]["source"] == "pipe.txt" and "FIFO" in records[1]["error"]
    assert records[2]["schema"] == "summitwatch.failed/1" and "loop" in records[2]["error"]


def test_batch_json_of_several_files_has_documents_and_failed(batch):
    a, b = batch["good"]
    r = run("analyze", a, batch["fifo"], b, "--format", "json", "--structure-only", timeout=60)
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert data["schema"] == "summitwatch.batch/1"
    assert [d["document"]["source"] for d in data["documents"]] == ["a/x.txt", "b/x.txt"]
    assert [(f["source"], f["stage"]) for f in data["failed"]] == [("pipe.txt", "input")]


def test_batch_unreadable_file_is_one_line_not_a_usage_error(monkeypatch, tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text(GOOD, encoding="utf-8")
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if str(path) == str(p) else real(path, mode))
    with pytest.raises(InputError, match="not readable"):
        read_bytes(p)


def _nobody_can_run_us() -> bool:
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return False
    probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
                            "import summitwatch.cli.app"], capture_output=True, timeout=60)
    return probe.returncode == 0


def _run_hiding(secret: str, *args):
    """The CLI with ``secret`` unreadable to it: as nobody when nobody can run this checkout
    (a file of mode 0600 owned by root is then really unreadable); otherwise (a checkout in a
    directory nobody may enter) as this user with os.access answering no for that file."""
    if _nobody_can_run_us():
        return run(*args, user=65534, timeout=60)
    code = ("import os, sys\nreal = os.access\n"
            f"os.access = lambda p, m, **k: False if os.fsdecode(p) == {secret!r} else real(p, m, **k)\n"
            "from summitwatch.cli.app import main\n"
            f"sys.argv = ['summitwatch', *{[str(a) for a in args]!r}]\nmain()\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_batch_unreadable_fifo_directory_and_loop_in_one_batch():
    """An unreadable file (as root every file is readable, so the CLI runs as nobody on a file only
    root may read) in one batch with a FIFO, a directory, a symlink loop and good files."""
    d = tempfile.mkdtemp(prefix="sw-perm-")
    try:
        os.chmod(d, 0o755)
        good, secret, good2 = (os.path.join(d, n) for n in ("good.txt", "secret.txt", "good2.txt"))
        for p in (good, secret, good2):
            with open(p, "w", encoding="utf-8") as f:
                f.write(GOOD)
            os.chmod(p, 0o644)
        os.chmod(secret, 0o600)
        fifo, sub, loop = os.path.join(d, "pipe"), os.path.join(d, "sub"), os.path.join(d, "loop")
        os.mkfifo(fifo)
        os.chmod(fifo, 0o644)
        os.mkdir(sub)
        os.symlink(loop, loop)
        r = _run_hiding(secret, "analyze", good, secret, fifo, sub, loop, good2, "--format", "jsonl",
                        "--structure-only")
        assert r.returncode == 1, r.stderr
        assert "Usage" not in r.stderr and "Traceback" not in r.stderr
        assert r.stderr.strip().splitlines() == [
            f"summitwatch: {secret}: permission denied (the file is not readable)",
            f"summitwatch: {fifo}: is a FIFO (named pipe), not a document",
            f"summitwatch: {sub}: is a directory, not a document",
            f"summitwatch: {loop}: is a symbolic link loop (too many levels of symbolic links)"]
        recs = [json.loads(x) for x in r.stdout.splitlines()]
        assert [rec.get("failed", False) for rec in recs] == [False, True, True, True, True, False]
        assert recs[0]["document"]["source"] == "good.txt" and recs[-1]["document"]["source"] == "good2.txt"
    finally:
        shutil.rmtree(d)


def test_batch_file_names_with_control_characters_are_escaped(tmp_path):
    p = tmp_path / "bad\x1b[31mred\nname.txt"
    p.write_bytes(b"")
    r = run("analyze", p, "--format", "json")
    assert r.returncode == 1
    assert len(r.stderr.splitlines()) == 1
    assert "\x1b" not in r.stderr and "bad\\x1b[31mred\\nname.txt" in r.stderr


def test_batch_undecodable_file_name_is_shown_as_its_bytes(tmp_path):
    p = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(p, "wb") as f:
        f.write(b"")
    r = subprocess.run([sys.executable, "-m", "summitwatch.cli", "analyze", p], capture_output=True, timeout=120)
    assert r.returncode == 1 and b"caf\\xe9.txt" in r.stderr and b"Traceback" not in r.stderr


def test_batch_source_names_tell_same_names_apart():
    assert source_names(["/x/a/x.txt", "/x/b/x.txt", "/x/y.txt"]) == ["a/x.txt", "b/x.txt", "y.txt"]
    assert source_names(["/tmp/only/brief.txt"]) == ["brief.txt"]
    assert source_names(["x.txt", "a/x.txt"]) == ["x.txt", "a/x.txt"]
    assert source_names(["p/a/x.txt", "q/a/x.txt"]) == ["p/a/x.txt", "q/a/x.txt"]


def test_batch_reader_that_goes_away_ends_the_run_quietly(tmp_path):
    files = []
    for i in range(3):
        p = tmp_path / f"d{i}.txt"
        p.write_text(GOOD, encoding="utf-8")
        files.append(str(p))
    proc = subprocess.Popen([sys.executable, "-m", "summitwatch.cli", "analyze", *files, "--format", "jsonl",
                             "--structure-only"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()                                   # like `| head -0`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_batch_source_names_many_inputs():
    paths = [f"/data/{d}/{f}.txt" for d in range(100) for f in range(50)] + ["/other/7.txt"]
    names = source_names(paths)
    assert len(set(names)) == len(names)
    assert names[0] == "0/0.txt" and names[-1] == "other/7.txt"
