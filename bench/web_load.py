"""Load test of the web app on loopback: `summitwatch serve` (one uvicorn process) on 127.0.0.1
and a free port, then N concurrent clients (default 50) for S seconds (default 30) cycling through
summit, document and search pages; bounded in time and in requests (it stops by itself). The
baseline is the same pages fetched by one client, one at a time, in the same run.

    python bench/web_load.py --db out/bench-web/corpus.db                # an existing corpus
    python bench/web_load.py --documents 10000                            # generate + ingest first

Only 127.0.0.1 is ever a target."""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_REQUESTS = 200_000               # a hard bound besides the time
QUERIES = ["투자", "관세", "협력", "공급망", "정상회담", "기금", "훈련", "교류"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _corpus(documents: int, work: Path) -> Path:
    db = work / "corpus.db"
    if db.exists():
        return db
    corpus = work / "corpus"
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_gen.py"), str(corpus), "--documents",
                    str(documents)], check=True)
    subprocess.run([sys.executable, "-m", "summitwatch.cli", "ingest", str(corpus), "--db", str(db), "--jobs", "2"],
                   check=True)
    return db


def _get(base: str, path: str):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.loads(r.read())


def _pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


async def _load(base: str, targets: dict[str, list[str]], clients: int, seconds: float) -> dict:
    import httpx

    lat: dict[str, list[float]] = {k: [] for k in targets}
    errors: dict[str, int] = {k: 0 for k in targets}
    sent = 0
    stop = time.monotonic() + seconds
    kinds = list(targets)

    async def client(n: int, http: httpx.AsyncClient) -> None:
        nonlocal sent
        rng = random.Random(n)
        i = n
        while time.monotonic() < stop and sent < MAX_REQUESTS:
            kind = kinds[i % len(kinds)]
            i += 1
            path = rng.choice(targets[kind])
            sent += 1
            t = time.perf_counter()
            try:
                r = await http.get(path)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                lat[kind].append(time.perf_counter() - t)
            else:
                errors[kind] += 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        t0 = time.monotonic()
        await asyncio.gather(*(client(n, http) for n in range(clients)))
        elapsed = time.monotonic() - t0
    return {"lat": lat, "errors": errors, "elapsed": elapsed}


def _baseline(base: str, targets: dict[str, list[str]]) -> dict[str, float]:
    """One client, one request at a time: the median per page kind."""
    import httpx

    out = {}
    with httpx.Client(base_url=base, timeout=30) as http:
        for kind, paths in targets.items():
            xs = []
            for p in paths:
                http.get(p)                        # first visit (a chart drawn once, caches warm)
                t = time.perf_counter()
                assert http.get(p).status_code == 200, p
                xs.append(time.perf_counter() - t)
            out[kind] = _pct(xs, 0.5)
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="an ingested corpus (default: generate one)")
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--work", type=Path, default=ROOT / "out" / "bench-web")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--no-page-cache", action="store_true", help="serve every page fresh from the database")
    ap.add_argument("--pages", type=int, default=40, help="distinct summits and documents to cycle through")
    args = ap.parse_args(argv)
    args.clients, args.seconds = min(args.clients, 200), min(args.seconds, 300)    # bounded whatever is asked
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.db or _corpus(args.documents, args.work)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ)
    env.pop("SUMMITWATCH_TOKEN", None)
    server = subprocess.Popen([sys.executable, "-m", "summitwatch.cli", "serve", "--db", str(db), "--host",
                               "127.0.0.1", "--port", str(port), "--upload-dir", str(args.work / "uploads")]
                              + (["--no-page-cache"] if args.no_page_cache else []),
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                counts = _get(base, "/api/summits?limit=1")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("server did not start: " + server.stderr.read().decode(errors="replace"))
                time.sleep(0.3)
        rng = random.Random(7)
        summits = _get(base, "/api/summits?limit=5000")
        docs = _get(base, "/api/documents?limit=5000")
        targets = {
            "summit": [f"/summits/{s['id']}" for s in rng.sample(summits, min(args.pages, len(summits)))],
            "document": [f"/documents/{d['id']}" for d in rng.sample(docs, min(args.pages, len(docs)))],
            "search": [f"/search?q={q}" for q in QUERIES],
        }
        del counts
        base_lat = _baseline(base, targets)
        res = asyncio.run(_load(base, targets, args.clients, args.seconds))
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    total = sum(len(v) for v in res["lat"].values()) + sum(res["errors"].values())
    cache = "no page cache" if args.no_page_cache else "page cache on"
    print(f"web load ({cache}): pages sampled from {len(docs)} documents and {len(summits)} summits; {args.clients} clients for {args.seconds:g} s "
          f"on 127.0.0.1; {total} requests in {res['elapsed']:.1f} s ({total / res['elapsed']:.0f}/s)")
    print("| page | requests | errors | p50 ms | p95 ms | one client p50 ms (baseline) | p95 / baseline |")
    print("|---|---|---|---|---|---|---|")
    for kind, xs in res["lat"].items():
        p50, p95, b = _pct(xs, 0.5) * 1000, _pct(xs, 0.95) * 1000, base_lat[kind] * 1000
        print(f"| {kind} | {len(xs) + res['errors'][kind]} | {res['errors'][kind]} | {p50:.0f} | {p95:.0f} | "
              f"{b:.1f} | {p95 / b:.1f} |")


if __name__ == "__main__":
    main()
