"""The CLI as a user meets it: formats, output files, and bad input handled in one line."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = ("1. 개요 \n\n \n\n한일 정상은 2025년 3월 5일 도쿄에서 만나 협력 강화에 합의했다.1 \n\n \n\n"
           "1 외교부. “회담 결과” (2025.3.5) https://www.mofa.go.kr/x (검색일: 2025.3.6)\n")


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "summitwatch.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


@pytest.fixture
def brief(tmp_path):
    p = tmp_path / "brief.txt"
    p.write_text(EXAMPLE, encoding="utf-8")
    return p


def test_cli_json_export_has_schema_fields(brief, tmp_path):
    out = tmp_path / "a.json"
    r = run("analyze", brief, "--format", "json", "-o", out, "--structure-only")
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "summitwatch.analysis/1"
    assert data["document"]["source"] == "brief.txt"
    for key in ("text", "headings", "tables", "footnote_refs", "footnotes", "citations", "dates", "quantities",
                "polls", "entities", "groups", "events", "commitments", "findings", "recommendations"):
        assert key in data
    assert data["headings"][0]["text"] == "1. 개요"
    assert data["citations"][0]["accessed"] == "2025-03-06"


def test_cli_jsonl_one_line_per_file(brief, tmp_path):
    second = tmp_path / "second.txt"
    second.write_text(EXAMPLE.replace("도쿄", "서울"), encoding="cp949")
    r = run("analyze", brief, second, "--format", "jsonl", "--structure-only")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().split("\n")
    assert [json.loads(x)["document"]["source"] for x in lines] == ["brief.txt", "second.txt"]


def test_cli_markdown_and_rich(brief):
    md = run("analyze", brief, "--format", "markdown", "--structure-only")
    assert md.returncode == 0 and "## Outline" in md.stdout
    rich = run("analyze", brief, "--structure-only")
    assert rich.returncode == 0 and "Outline" in rich.stdout


def test_cli_reference_date_option(brief):
    r = run("analyze", brief, "--format", "json", "--reference-date", "2025-04-01", "--structure-only")
    assert json.loads(r.stdout)["document"]["reference_date"] == "2025-04-01"
    bad = run("analyze", brief, "--reference-date", "April")
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr


def _bad_files(tmp: Path) -> dict[str, Path]:
    files = {"missing": tmp / "nope.txt", "directory": tmp}
    (tmp / "empty.txt").write_bytes(b"")
    files["empty"] = tmp / "empty.txt"
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 100)
    files["binary"] = tmp / "binary.txt"
    (tmp / "latin.txt").write_bytes(("회담 " * 30).encode() + b"\xff\xfe\xfd\x80\x80" + ("합의 " * 30).encode())
    files["undecodable"] = tmp / "latin.txt"
    with open(tmp / "oneline.txt", "wb") as f:
        f.write(("가" * 1000).encode() * 3500)            # ~10 MB on one line
    files["one 10 MB line"] = tmp / "oneline.txt"
    with open(tmp / "huge.txt", "wb") as f:
        chunk = ("정상회담 결과를 분석한다. " * 100 + "\n").encode()
        for _ in range(100 * 1024 * 1024 // len(chunk) + 1):
            f.write(chunk)
    files["100 MB"] = tmp / "huge.txt"
    (tmp / "fake.pdf").write_text("이것은 PDF가 아니다", encoding="utf-8")
    files["text named .pdf"] = tmp / "fake.pdf"
    return files


def test_cli_bad_inputs_one_line_no_traceback_no_output(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    for label, path in _bad_files(bad).items():
        out = tmp_path / f"{label}.json"
        r = run("analyze", path, "--format", "json", "-o", out)
        assert r.returncode != 0, label
        assert "Traceback" not in r.stderr, label
        assert len(r.stderr.strip().splitlines()) == 1, (label, r.stderr)
        assert not out.exists(), label
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")], label


def test_cli_one_bad_file_among_many(brief, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "all.jsonl"
    r = run("analyze", brief, empty, "--format", "jsonl", "-o", out, "--structure-only")
    assert r.returncode == 1
    assert "empty.txt" in r.stderr
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert lines[0]["document"]["source"] == "brief.txt"
    assert lines[1]["failed"] is True and lines[1]["source"] == "empty.txt" and "empty" in lines[1]["error"]


def test_cli_help_documents_every_command():
    r = run("--help")
    assert r.returncode == 0
    for cmd in ("analyze", "eval"):
        assert cmd in r.stdout
        h = run(cmd, "--help")
        assert h.returncode == 0 and len(h.stdout) > 100


def test_cli_readme_usage_lines_run(tmp_path):
    """Every `summitwatch analyze` line of the README's usage block runs on an example."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Usage", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [ln.split("#")[0].split() for ln in block.splitlines() if ln.strip().startswith("summitwatch analyze")]
    assert lines
    example = Path(__file__).resolve().parents[2] / "examples" / "brief_minimal.txt"
    for words in lines:
        args = [str(example) if w in ("brief.txt", "*.txt") else (str(tmp_path / w) if w.endswith(
            (".json", ".jsonl", ".md")) else w) for w in words[2:]]
        r = run("analyze", *args, "--structure-only")
        assert r.returncode == 0, (words, r.stderr)
