"""Seeded fuzzing of every reader and every output format, bounded in time and memory.

The mutator (fuzzing.py) runs in a child process: a hang is caught by the timeout, a
traceback is reported per case, and the child's peak RSS is checked. The seed is fixed so a
failure reproduces (``python tests/ingest/fuzzing.py --seed 8 --cases 24 --save DIR``);
SUMMITWATCH_FUZZ_CASES and SUMMITWATCH_FUZZ_SEED run more or other cases locally."""
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_fuzz_every_reader_and_output_no_traceback_no_hang_bounded_memory():
    seed = os.environ.get("SUMMITWATCH_FUZZ_SEED", "8")
    cases = os.environ.get("SUMMITWATCH_FUZZ_CASES", "16")
    r = subprocess.run([sys.executable, str(HERE / "fuzzing.py"), "--seed", seed, "--cases", cases,
                        "--deadline", "40"], capture_output=True, text=True, timeout=110)
    assert r.returncode == 0, r.stderr[-3000:]
    summary = json.loads(r.stdout.strip().splitlines()[-1])
    assert not summary["failures"], summary["failures"]
    assert set(summary["by_format"]) == {"text", "pdf", "docx", "hwpx", "hwp", "html"}
    assert min(summary["by_format"].values()) >= 4, summary["by_format"]
    assert summary["slowest"][0] < 10, summary["slowest"]
    assert summary["peak_rss_mb"] < 1500, summary          # Kiwi's model is ~500 MB of it
