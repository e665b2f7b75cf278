"""Tracking across a corpus: ``track.build`` time against the single-document analysis time of the
same documents, on a generated corpus of summits (joint statement, news report, follow-up) and
monthly polls reported by two outlets each — our own sentence templates, varied by a seeded
generator (partner country, city, date, sector, amounts).

    python bench/track_bench.py [--docs 10000] [--steps 1000,2500,5000]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import print_rows  # noqa: E402

PARTNERS = [("미국", "워싱턴"), ("일본", "도쿄"), ("중국", "베이징"), ("캐나다", "오타와"), ("호주", "캔버라"),
            ("영국", "런던"), ("프랑스", "파리"), ("독일", "베를린"), ("인도", "뉴델리"), ("베트남", "하노이"),
            ("인도네시아", "자카르타"), ("필리핀", "마닐라"), ("태국", "방콕"), ("멕시코", "멕시코시티"),
            ("브라질", "브라질리아"), ("이탈리아", "로마"), ("스페인", "마드리드"), ("폴란드", "바르샤바"),
            ("튀르키예", "앙카라"), ("사우디아라비아", "리야드")]
SECTORS = ["배터리", "반도체", "조선", "원전", "수소", "바이오", "인공지능", "철강", "우주", "방산"]
PRODUCTS = ["전기차", "세탁기", "철강재", "화장품", "타이어", "가전제품", "선박 부품", "석유화학 제품"]
OUTLETS = ["새벽일보", "푸른신문", "한빛방송", "동녘통신"]


def _josa(word: str, pair: str) -> str:
    """은/는, 과/와, 가/이 after a word (by its last syllable's final consonant)."""
    last = word[-1]
    has_final = "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0
    return word + (pair[0] if has_final else pair[1])


def generate(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """``n`` documents as (name, text): per summit a joint statement, a news report in other words
    and a follow-up that keeps or breaks a pledge; a poll every month, reported by two outlets."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    day0 = dt.date(2018, 1, 1)
    month = 0
    g = 0
    while len(out) < n:
        g += 1
        partner, city = rng.choice(PARTNERS)
        day = day0 + dt.timedelta(days=g * 3 + rng.randrange(3))
        s1, s2 = rng.sample(SECTORS, 2)
        product = rng.choice(PRODUCTS)
        amount = rng.randrange(10, 500)
        rate = rng.randrange(2, 15)
        y, m, d = day.year, day.month, day.day
        out.append((f"s{g}_statement", f"대한민국-{partner} 정상회담 공동성명\n{y}년 {m}월 {d}일\n\n"
                    f"대한민국 대통령과 {partner} 정상은 {y}년 {m}월 {d}일 {city}에서 정상회담을 가졌다.\n\n"
                    f"한국은 {partner} {s1} 산업에 {amount}억 달러를 투자하기로 했다.\n\n"
                    f"{_josa(partner, '은는')} 한국산 {product}에 대한 관세를 {rate}%로 인하하기로 했다.\n\n"
                    f"양국은 {s2} 공급망 협의체를 연내 출범하기로 했다.\n"))
        nd = day + dt.timedelta(days=1)
        out.append((f"s{g}_news", f"한-{partner} 정상, {s1} 투자 합의\n입력 {nd:%Y.%m.%d} 09:00\n\n"
                    f"({city}={rng.choice(OUTLETS)}) 한국과 {partner} 정상은 {nd.day}일(한국시간) {city}에서 "
                    f"정상회담을 열고 {s1} 협력을 강화하기로 합의했다.\n\n"
                    f"한국은 {partner} {s1} 산업에 {amount + rng.choice([0, 0, 50])}억 달러를 "
                    f"투자하기로 했다.\n\n양국은 {s2} 공급망 협의체 출범을 검토하기로 했다.\n"))
        fd = day + dt.timedelta(days=20 + rng.randrange(60))
        rd = fd + dt.timedelta(days=1)
        if rng.random() < 0.5:
            body = f"{partner} 정부는 {fd.month}월 {fd.day}일 한국산 {product}에 대한 관세를 {rate}%로 인하했다."
        else:
            body = f"한국과 {_josa(partner, '이가')} 추진하던 {s2} 공급망 협의체 출범이 {fd.month}월 {fd.day}일 무산됐다."
        out.append((f"s{g}_followup", f"{partner} 관련 후속 보도\n입력 {rd:%Y.%m.%d} 08:00\n\n"
                    f"(서울={rng.choice(OUTLETS)}) {body}\n"))
        if day.month != month:                         # this month's poll, reported twice
            month = day.month
            share = rng.randrange(30, 65)
            ps = day.replace(day=17) if day.day <= 17 else day
            for k, outlet in enumerate(rng.sample(OUTLETS, 2)):
                out.append((f"poll{y}{m:02d}_{k}", f"대통령 긍정률 {share}%\n입력 {ps + dt.timedelta(days=3):%Y.%m.%d} "
                            f"10:00\n\n(서울={outlet}) 한국갤럽이 {ps.month}월 {ps.day}일부터 {ps.day + 2}일까지 "
                            f"전국 성인 1,000명을 대상으로 조사한 결과 대통령 직무 긍정률은 {share}%, "
                            f"부정률은 {90 - share}%였다.\n"))
    return out[:n]


def main(argv=None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--steps", default="1000,2500,5000", help="smaller corpora, to see how build() grows")
    a = ap.parse_args(argv)
    from summitwatch.track import build
    from summitwatch.track.keys import cache_clear, digest
    from summitwatch.track.load import from_bytes

    texts = generate(a.docs)
    from_bytes("워밍업 문장이다. 2025년 2월 7일 회담.".encode(), "warm-up")    # model load is not throughput
    t0 = time.perf_counter()
    docs = [from_bytes(t.encode("utf-8"), name + ".txt") for name, t in texts]
    t_analysis = time.perf_counter() - t0
    n_all = len(docs)
    rows = [{"step": "analysis, one document at a time (baseline)", "docs": n_all, "seconds": t_analysis,
             "ms/doc": 1000 * t_analysis / n_all, "ratio to analysis": 1.0}]
    cache_clear()
    t0 = time.perf_counter()
    plain = build(docs)
    t_cold = time.perf_counter() - t0
    rows.append({"step": "build(), cold: every passage tokenised", "docs": n_all, "seconds": t_cold,
                 "ms/doc": 1000 * t_cold / n_all, "ratio to analysis": t_cold / t_analysis})
    cache_clear()
    t0 = time.perf_counter()
    keyed = [d.model_copy(update={"keys": digest(d.analysis)}) for d in docs]
    t_digest = time.perf_counter() - t0
    rows.append({"step": "keys digest of each document (at ingest, once)", "docs": n_all, "seconds": t_digest,
                 "ms/doc": 1000 * t_digest / n_all, "ratio to analysis": t_digest / t_analysis})
    for n in sorted({int(x) for x in a.steps.split(",") if x} | {n_all}):
        if n > n_all:
            continue
        cache_clear()                               # a new process: only the stored digests
        t0 = time.perf_counter()
        t = build(keyed[:n])
        t_build = time.perf_counter() - t0
        t_share = t_analysis * n / n_all
        rows.append({"step": f"build() on {n:,} documents with their digests", "docs": n, "seconds": t_build,
                     "ms/doc": 1000 * t_build / n, "ratio to analysis": t_build / t_share,
                     "summits": len(t.summits), "commitments": len(t.commitments),
                     "evidence": sum(len(c.evidence) for c in t.commitments),
                     "poll points": sum(len(s.points) for s in t.poll_series)})
    assert t.model_dump_json() == plain.model_dump_json(), "digests changed the result"
    print_rows(f"generated corpus: {n_all:,} documents; one timing each", rows)
    return rows


if __name__ == "__main__":
    main()
