"""A synthetic corpus of Korean summit documents, from templates this team wrote: for each made-up
summit a joint statement, a news report, a follow-up story (a commitment kept or broken), a poll
story and a short brief. Deterministic for a seed. Writes the files and ``manifest.json`` (the
summits, commitments and polls it generated, for benchmarks that need tracking tables).

    python bench/corpus_gen.py OUT_DIR [--documents 10000] [--seed 7]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

# (ISO, name, the one-syllable form in 한X, a city)
COUNTRIES = [
    ("US", "미국", "미", "워싱턴"), ("JP", "일본", "일", "도쿄"), ("CN", "중국", "중", "베이징"),
    ("CA", "캐나다", "캐", "오타와"), ("AU", "호주", "호", "캔버라"), ("DE", "독일", "독", "베를린"),
    ("FR", "프랑스", "프", "파리"), ("GB", "영국", "영", "런던"), ("IN", "인도", "인", "뉴델리"),
    ("ID", "인도네시아", "인니", "자카르타"), ("VN", "베트남", "베", "하노이"), ("PL", "폴란드", "폴", "바르샤바"),
]
TOPICS = [  # (domain, object, verb phrase ending in -기로)
    ("economy", "반도체 공급망", "공동 투자 기금을 만들기로"), ("economy", "배터리 소재", "합작 공장을 세우기로"),
    ("energy", "소형 원전", "공동 연구를 시작하기로"), ("energy", "액화천연가스", "장기 구매 계약을 맺기로"),
    ("security", "방산 협력", "공동 생산 체계를 갖추기로"), ("security", "해양 안보", "연합 훈련을 정례화하기로"),
    ("people", "청년 교류", "교환 학생을 두 배로 늘리기로"), ("climate", "탄소 감축", "녹색 기술 기금을 조성하기로"),
    ("economy", "핵심광물", "비축 물량을 공동 관리하기로"), ("tech", "인공지능", "공동 표준을 마련하기로"),
]
OUTLETS = ["한빛뉴스", "새벽일보", "누리통신", "바람방송"]
POLLSTERS = ["한빛리서치", "누리여론연구소", "새벽조사"]
REPORTERS = ["김하늘", "이서준", "박도윤", "최지우", "정민서", "강유나", "윤태오", "한서연"]
PLACES_EXTRA = ["정상회의 계기", "유엔총회 계기", "G20 정상회의 계기"]


def _date(rng: random.Random) -> dt.date:
    return dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 5 * 365))


def _k(d: dt.date) -> str:
    return f"{d.year}년 {d.month}월 {d.day}일"


def summit(rng: random.Random, n: int) -> dict:
    iso, name, short, city = rng.choice(COUNTRIES)
    host_is_kr = rng.random() < 0.4
    day = _date(rng)
    topics = rng.sample(TOPICS, 3)
    amount = rng.randrange(5, 400) * 10
    return dict(n=n, iso=iso, name=name, short=short, city="서울" if host_is_kr else city, date=day,
                topics=topics, amount=amount, kept=rng.random() < 0.6, reporter=rng.choice(REPORTERS),
                outlet=rng.choice(OUTLETS), pollster=rng.choice(POLLSTERS),
                approval=rng.randrange(30, 65), sample=rng.choice([1000, 1002, 1004, 1500]))


def statement(s: dict) -> str:
    lines = [f"대한민국과 {s['name']} 공동성명 (제{s['n']}호)", "", f"{_k(s['date'])} {s['city']}", ""]
    lines.append(f"대한민국 대통령과 {s['name']} 정상은 {_k(s['date'])} {s['city']}에서 정상회담을 가졌다.")
    for dom, obj, verb in s["topics"]:
        lines.append(f"양국은 {obj} 분야에서 {verb} 합의했다.")
    lines.append(f"{s['name']}은 한국 기업의 현지 사업에 {s['amount']}억 달러를 투자하기로 했다.")
    lines.append("양국 정상은 내년에 다시 만나 이행 상황을 점검하기로 했다.")
    return "\n\n".join(lines) + "\n"


def news(s: dict) -> str:
    obj = s["topics"][0][1]
    d = s["date"] + dt.timedelta(days=1)
    return "\n\n".join([
        f"한{s['short']} 정상 \"{obj} 협력 강화\"…{s['amount']}억 달러 투자 합의",
        f"입력 {d:%Y.%m.%d} 09:{s['n'] % 60:02d}",
        f"({s['city']}={s['outlet']}) {s['reporter']} 기자 = 한국과 {s['name']} 정상이 {s['date'].day}일 "
        f"{s['city']}에서 만나 {obj} 협력을 확대하기로 했다.",
        f"{s['name']} 측은 {s['amount']}억 달러 규모의 투자를 약속했고, 한국은 {s['topics'][1][1]} 분야 협력에 속도를 내기로 했다.",
        f"회담은 예정보다 {10 + s['n'] % 40}분 길어졌다고 대통령실은 전했다.",
        "(끝)"]) + "\n"


def follow_up(s: dict) -> str:
    d = s["date"] + dt.timedelta(days=30 + s["n"] % 90)
    obj = s["topics"][0][1]
    body = (f"{s['name']} 정부는 {d.day}일 {obj} 분야의 첫 투자금 {s['amount'] // 4}억 달러를 집행했다고 밝혔다."
            if s["kept"] else
            f"{s['name']} 정부는 {d.day}일 {obj} 분야 투자 계획을 무기한 보류한다고 발표했다.")
    return "\n\n".join([
        f"{s['name']}, {obj} 투자 {'집행' if s['kept'] else '보류'}",
        f"입력 {d:%Y.%m.%d} 15:{s['n'] % 60:02d}",
        f"({s['city']}={s['outlet']}) {s['reporter']} 기자 = {body}",
        f"이는 지난 {s['date'].month}월 정상회담에서 합의한 내용의 후속 조치다.",
        "(끝)"]) + "\n"


def poll(s: dict) -> str:
    a = s["date"] + dt.timedelta(days=3)
    b = a + dt.timedelta(days=2)
    neg = 100 - s["approval"] - 7
    return "\n\n".join([
        f"대통령 지지율 {s['approval']}%…정상외교 효과",
        f"입력 {b + dt.timedelta(days=1):%Y.%m.%d} 11:00",
        f"{s['pollster']}가 {a.month}월 {a.day}일부터 {b.day}일까지 전국 성인 {s['sample']:,}명을 대상으로 조사한 결과 "
        f"대통령 국정 지지율은 {s['approval']}%, 부정 평가는 {neg}%로 나타났다.",
        "표본오차는 95% 신뢰수준에 ±3.1%포인트다.",
        f"응답자의 {40 + s['n'] % 30}%는 한{s['short']} 정상회담이 국익에 도움이 됐다고 답했다."]) + "\n"


def brief(s: dict) -> str:
    d = s["date"] + dt.timedelta(days=14)
    return "\n\n".join([
        f"이슈브리프 {d.year}-{s['n']}",
        f"한{s['short']} 정상회담의 성과와 과제",
        f"{d.year}. {d.month}. {d.day}.",
        "1. 회담 개요",
        f"{_k(s['date'])} {s['city']}에서 열린 한{s['short']} 정상회담에서 양국은 "
        f"{s['topics'][0][1]}, {s['topics'][1][1]}, {s['topics'][2][1]} 분야의 협력에 합의했다.",
        "2. 평가와 제언",
        f"{s['amount']}억 달러 투자 약속의 이행 시기가 명시되지 않은 점은 과제로 남는다.",
        "첫째, 정부는 분기별 이행 점검 회의를 열어야 한다. 둘째, 기업 지원 창구를 하나로 모아야 한다."]) + "\n"


KINDS = [("statement", statement), ("news", news), ("followup", follow_up), ("poll", poll), ("brief", brief)]


def generate(out: Path, documents: int = 10_000, seed: int = 7) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict = {"summits": []}
    n = written = 0
    while written < documents:
        n += 1
        s = summit(rng, n)
        files = []
        for kind, make in KINDS:
            if written >= documents:
                break
            name = f"s{n:05d}_{kind}.txt"
            (out / name).write_text(make(s), encoding="utf-8")
            files.append(name)
            written += 1
        manifest["summits"].append(dict(
            n=n, date=s["date"].isoformat(), place=s["city"], parties=sorted(["KR", s["iso"]]), files=files,
            kept=s["kept"], commitments=[dict(domain=d, text=f"양국은 {o} 분야에서 {v} 합의했다.")
                                         for d, o, v in s["topics"]],
            poll=dict(pollster=s["pollster"], approval=s["approval"], sample=s["sample"])))
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=0), encoding="utf-8")
    return manifest


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    m = generate(a.out, a.documents, a.seed)
    print(f"wrote {a.documents} documents of {len(m['summits'])} summits to {a.out}")


if __name__ == "__main__":
    main()
