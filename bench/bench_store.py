"""The corpus store (issue 9): ingest documents/s on 1 and 2 processes, a whole generated corpus
ingested, search and listing latencies on it (SQLite), and Ray's local ingest against the pool.

    python bench/bench_store.py [--documents 10000] [--sample 600] [--ray-sample 100] [--work DIR]

The corpus comes from bench/corpus_gen.py. When ``summitwatch.track.build`` is not available the
tracking tables are filled from the generator's manifest (the summits and commitments it wrote),
so the listings are timed on as many rows as tracking would give."""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import print_rows  # noqa: E402
from corpus_gen import generate  # noqa: E402


WARM = 0.1     # the first tenth of a run is start-up (processes, Kiwi, the knowledge base)


def _ingest(db: Path, files: list[str], **kw) -> tuple[float, float, object]:
    """Seconds for the whole ingest, documents/s after the first tenth, and the store."""
    from summitwatch.store import open_store
    from summitwatch.store.corpus import ingest

    if db.exists():
        db.unlink()
    store = open_store(f"sqlite:///{db}")
    done: list[float] = []
    t0 = time.perf_counter()
    summary = ingest(store, files, progress=lambda _o: done.append(time.perf_counter()), **kw)
    took = time.perf_counter() - t0
    assert not summary.failed, summary.failed[:3]
    k = int(len(done) * WARM)
    steady = (len(done) - 1 - k) / (done[-1] - done[k]) if len(done) > k + 1 else float("nan")
    return took, steady, store


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def machine_ratio(rounds: int = 8, n: int = 3_000_000) -> float:
    """How much faster 2 processes are than 1 on pure Python arithmetic right now: the ceiling any
    2-process speed-up can reach on this (shared) machine at this moment."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    took = {}
    for jobs in (1, 2):
        with ProcessPoolExecutor(jobs, mp_context=mp.get_context("spawn")) as ex:
            list(ex.map(_burn, [10] * jobs))
            t0 = time.perf_counter()
            list(ex.map(_burn, [n] * rounds))
            took[jobs] = time.perf_counter() - t0
    return took[1] / took[2]


def _p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def manifest_tracking(corpus: Path):
    """Tracking's shape from the generator's manifest: one summit per generated summit, its
    commitments with a mention in the joint statement, one poll series per pollster."""
    from summitwatch.track import model as tm

    m = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    summits, commitments, series = [], [], {}
    for s in m["summits"]:
        ids = {f: hashlib.sha256((corpus / f).read_bytes()).hexdigest() for f in s["files"]}
        sid = f"bench-s{s['n']:05d}"
        summits.append(tm.Summit(id=sid, date=s["date"], place=s["place"], parties=s["parties"],
                                 label=f"{'-'.join(s['parties'])} summit, {s['date']}", documents=list(ids.values())))
        statement = next((f for f in s["files"] if f.endswith("_statement.txt")), None)
        raw = (corpus / statement).read_text(encoding="utf-8") if statement else ""
        for i, c in enumerate(s["commitments"]):
            at = max(raw.find(c["text"]), 0)
            span = tm.Span(document=ids.get(statement, ""), start=at, end=at + len(c["text"]), quote=c["text"])
            kept = s["kept"] and i == 0
            commitments.append(tm.Commitment(
                id=f"{sid}-c{i}", summit=sid, actors=s["parties"], domain=c["domain"], text=c["text"],
                mentions=[tm.LineageMention(document=span.document, date=s["date"], span=span, wording=c["text"])],
                score=1 if kept else None, verdict="kept" if kept else "not_yet_rated"))
        p = s["poll"]
        series.setdefault(p["pollster"], []).append(tm.PollPoint(
            id=f"{sid}-poll", pollster=p["pollster"], field_start=s["date"], question="국정 지지율",
            results={"긍정": float(p["approval"])}, sample_size=p["sample"]))
    polls = [tm.PollSeries(id=f"bench-{k}", pollster=k, question="국정 지지율", points=v) for k, v in series.items()]
    return tm.Tracking(summits=summits, commitments=commitments, poll_series=polls)


QUERIES = ["투자", "반도체 공급망", "배터리", "원전", "집행하다", "보류", "지지율", "청년 교류", "워싱턴",
           "핵심광물", "연합 훈련", "탄소", "인공지능 표준", "합작 공장", "정상회담"]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--sample", type=int, default=600, help="documents for the 1- vs 2-process ingest")
    ap.add_argument("--ray-sample", type=int, default=100, help="documents for the Ray vs pool check (0: skip)")
    ap.add_argument("--latency-only", action="store_true", help="reuse WORK/full.db: only the latencies")
    ap.add_argument("--only-sample", action="store_true", help="stop after the 1- vs 2-process ingest")
    ap.add_argument("--rebuild", type=int, default=0, metavar="N",
                    help="only: ingest N documents, then time a tracking rebuild with and without their stored keys")
    ap.add_argument("--work", type=Path, default=None, help="keep the corpus and databases here")
    ap.add_argument("--rebuild-child", choices=("cold", "fast"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.rebuild_child:
        return _rebuild_child(a.work, a.rebuild_child)
    work = a.work or Path(tempfile.mkdtemp(prefix="sw-bench-store-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    if not (corpus / "manifest.json").exists():
        generate(corpus, a.documents)
    files = sorted(str(p) for p in corpus.glob("*.txt"))
    print(f"corpus: {len(files)} generated documents in {corpus}; load average {os.getloadavg()[0]:.1f}")

    if a.rebuild:
        return _rebuild(work, files[:a.rebuild])
    if a.latency_only:
        from summitwatch.store import open_store

        return _latencies(open_store(f"sqlite:///{work / 'full.db'}"))

    # 1. the same sample on one process and on two (pool start-up and Kiwi loading included)
    sample = files[:a.sample]
    t1, r1, s1 = _ingest(work / "one.db", sample, jobs=1)
    t2, r2, s2 = _ingest(work / "two.db", sample, jobs=2)
    from summitwatch.store.digest import digest

    same = digest(s1) == digest(s2)
    ceiling = machine_ratio()
    print_rows(f"ingest of {len(sample)} documents (SQLite); steady = after the first {WARM:.0%}", [
        {"what": "1 process (baseline)", "docs/s": len(sample) / t1, "steady docs/s": r1, "ratio": 1.0,
         "steady ratio": 1.0},
        {"what": "2 processes (--jobs 2)", "docs/s": len(sample) / t2, "steady docs/s": r2, "ratio": t1 / t2,
         "steady ratio": r2 / r1, "same database": same},
        {"what": "pure-Python arithmetic, 2 vs 1 processes (the machine's ceiling now)", "ratio": ceiling}])
    s1.close()
    s2.close()
    if a.only_sample:
        return

    # 2. Ray's local cluster against the pool
    if a.ray_sample:
        rs = files[:a.ray_sample]
        _, _, pool = _ingest(work / "pool.db", rs, jobs=2)
        tr, _, ray_store = _ingest(work / "ray.db", rs, engine="ray", jobs=2)
        print_rows(f"Ray local (2 CPUs) vs pool on {len(rs)} documents", [
            {"ray docs/s (incl. start)": len(rs) / tr, "same database as the pool": digest(ray_store) == digest(pool)}])
        pool.close()
        ray_store.close()

    # 3. the whole corpus, on two processes
    tf, rf, store = _ingest(work / "full.db", files, jobs=2)
    print_rows("whole corpus ingest, --jobs 2", [{"documents": len(files), "seconds": tf,
                                                  "docs/s": len(files) / tf, "steady docs/s": rf,
                                                   "db MB": (work / "full.db").stat().st_size / 1e6}])
    try:
        from summitwatch.track import build  # noqa: F401
        from summitwatch.store.corpus import rebuild_tracking

        t0 = time.perf_counter()
        rebuild_tracking(store)
        how = f"summitwatch.track.build ({time.perf_counter() - t0:.1f} s)"
    except ImportError:
        t0 = time.perf_counter()
        store.replace_tracking(manifest_tracking(corpus))
        how = f"the generator's manifest ({time.perf_counter() - t0:.1f} s to write)"
    c = store.counts()
    print(f"tracking tables from {how}: {c.summits} summits, {c.commitments} commitments")
    _latencies(store)
    if a.work is None:
        shutil.rmtree(work, ignore_errors=True)


def _rebuild(work: Path, files: list[str]) -> None:
    """A tracking rebuild after ingest, as ``summitwatch ingest`` runs it (a fresh parent process that
    has not loaded Kiwi: the workers analysed): with the keys the workers stored, against the same
    documents handed to build without them (tokenised again: the path before). Each in a fresh
    process, alternated, best of 3. WORK/rebuild.db is reused when it already holds the documents."""
    import subprocess

    from summitwatch.store import open_store

    db = work / "rebuild.db"
    if db.exists() and open_store(f"sqlite:///{db}").counts().documents == len(files):
        how = "stored earlier"
    else:
        took, _, store = _ingest(db, files, jobs=2)
        store.close()
        how = f"ingested in {took:.0f} s, --jobs 2"
    best: dict[str, float] = {}
    for _ in range(3):
        for mode in ("cold", "fast"):
            out = subprocess.run([sys.executable, __file__, "--rebuild-child", mode, "--work", str(work)],
                                 check=True, capture_output=True, text=True).stdout.split()
            best[mode] = min(best.get(mode, float("inf")), float(out[0]))
            loads = out[1]
    labels = {"cold": "without stored keys: tokenised again, Kiwi loaded (baseline)",
              "fast": f"with the keys stored at ingest (Kiwi loaded: {loads})"}
    rows = [{"rebuild_tracking in a fresh process": labels[m], "seconds": best[m],
             "speed-up": best["cold"] / best[m]} for m in ("cold", "fast")]
    c = open_store(f"sqlite:///{db}").counts()
    print_rows(f"tracking rebuild over {len(files)} documents ({how}; {c.summits} summits, "
               f"{c.commitments} commitments); load average {os.getloadavg()[0]:.1f}", rows)


def _rebuild_child(work: Path, mode: str) -> None:
    from summitwatch import nlp
    from summitwatch.store import open_store
    from summitwatch.store.corpus import rebuild_tracking

    store = open_store(f"sqlite:///{work / 'rebuild.db'}")
    if mode == "cold":
        stored = store.track_docs
        store.track_docs = lambda: [d.model_copy(update={"keys": None}) for d in stored()]
    else:
        assert all(d.keys is not None for d in store.track_docs())
    t0 = time.perf_counter()
    rebuild_tracking(store)
    print(time.perf_counter() - t0, "yes" if nlp.kiwi.cache_info().currsize else "no")


def _latencies(store) -> None:
    """Search and listing latencies on a corpus database (SQLite)."""
    c = store.counts()
    print(f"database: {c.documents} documents, {c.summits} summits, {c.commitments} commitments; "
          f"load average {os.getloadavg()[0]:.1f}")
    search = []
    for q in QUERIES:
        store.search(q)                                   # first call: Kiwi loads for the query
        search += _timed(lambda: store.search(q), 7)
    party = store.summits(limit=1)[0].parties[-1] if c.summits else "US"
    some_summit = store.summits(limit=1)[0].id if c.summits else None
    rows = [{"query": f"search ({len(QUERIES)} queries x 7)", "p50 ms": statistics.median(search),
             "p95 ms": _p(search, 0.95)}]
    import contextlib
    import io

    from summitwatch.cli import corpus as cli

    url = str(store.engine.url)

    def command(fn, **kw):
        """The CLI command as `summitwatch summits …` runs it, minus interpreter start-up: the
        store opened, one page read, printed (JSON to a buffer)."""
        def run():
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                fn(db=url, fmt=cli.Out.json, **kw)
        return run

    total_c = store.commitments_total()
    for label, fn in [("`summitwatch summits -f json` (default page of 50)",
                       command(cli.summits, party=None, limit=cli.PAGE, offset=0)),
                      ("`summitwatch commitments -f json` (default page of 50)",
                       command(cli.commitments, summit=None, party=None, status=None, limit=cli.PAGE, offset=0)),
                      (f"`summitwatch commitments --offset {total_c - 50}` (the last page)",
                       command(cli.commitments, summit=None, party=None, status=None, limit=cli.PAGE,
                               offset=max(0, total_c - 50))),
                      (f"`summitwatch summits --party {party}` (default page)",
                       command(cli.summits, party=party, limit=cli.PAGE, offset=0)),
                      ("summits, first page (50)", lambda: store.summits(limit=50)),
                      (f"summits --party {party}", lambda: store.summits(party=party)),
                      ("summits, all", lambda: store.summits()),
                      ("commitments, first page (50)", lambda: store.commitments(limit=50)),
                      ("commitments --summit", lambda: store.commitments(summit=some_summit)),
                      ("commitments --status kept", lambda: store.commitments(status="kept")),
                      ("commitments, all", lambda: store.commitments())]:
        ms = _timed(fn, 20)
        rows.append({"query": label, "p50 ms": statistics.median(ms), "p95 ms": _p(ms, 0.95)})
    print_rows("latency on the whole corpus (SQLite)", rows)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
