"""A small Korean policy brief, written for these tests, as blocks every renderer can draw.

Footnote markers are written "{n}" inside paragraph text. ``canonical_text`` renders the
brief the way every ingest reader must render it (see summitwatch.ingest.canon).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MARK = re.compile(r"\{(\d+)\}")


@dataclass
class Brief:
    title: str
    date: str                                   # ISO date of publication
    author: str
    header: str                                 # running header of the PDF
    blocks: list[tuple] = field(default_factory=list)   # ("title", text) ("h", level, text) ("p", text) ("t", caption, rows, source)
    footnotes: dict[int, str] = field(default_factory=dict)


BRIEF = Brief(
    title="한미정상회담의 성과와 과제: 관세 합의 이후의 동맹 관리",
    date="2025-09-03",
    author="김하늘",
    header="외교정책 브리프 2025-17호",
    blocks=[
        ("title", "한미정상회담의 성과와 과제: 관세 합의 이후의 동맹 관리"),
        ("p", "지난 8월 25일(미국 현지시각) 워싱턴에서 열린 한미정상회담은 관세 협상의 후속 조치와 동맹 "
              "현대화 논의를 중심으로 진행되었다.{1} 양 정상은 한미동맹이 한반도를 넘어 인도-태평양 지역의 "
              "평화와 번영에 기여해야 한다는 데 공감했고, 회담은 예정보다 30분 길게 이어졌다."),
        ("h", 1, "1. 정상회담의 주요 내용"),
        ("p", "한국은 3,500억 달러 규모의 대미 투자 패키지와 1,500억 달러 규모의 조선 협력 구상을 "
              "재확인했고, 미국은 한국산 자동차에 대한 관세를 15%로 낮추기로 한 7월 30일 합의를 "
              "이행하겠다고 밝혔다.{2} 양측은 북한의 완전한 비핵화 목표를 재확인하고 한미일 협력을 "
              "지속하기로 했으며, 주한미군의 역할 조정 문제는 실무 협의에서 계속 다루기로 했다. 이번 회담에서 "
              "한국 정부는 원전과 액화천연가스 분야의 협력도 제안했는데, 미국 측은 알래스카 가스전 사업에 대한 "
              "한국 기업의 참여를 적극 환영한다는 입장을 밝혔다."),
        ("t", "[표1] 한미정상회담(2025.8.25)의 분야별 주요 내용",
         [["외교안보", "한미동맹 현대화 논의 착수", "북한의 완전한 비핵화 목표 재확인"],
          ["경제통상", "3,500억 달러 대미 투자 패키지 이행 확인", "조선 분야 협력 확대 추진"]],
         "출처: 대통령실 보도자료 (2025.8.26)"),
        ("h", 2, "■ 국내 여론의 평가"),
        ("p", "회담 직후 한국갤럽이 8월 26일부터 28일까지 전국 성인 1,001명을 대상으로 실시한 조사에서 "
              "정상회담에 대한 긍정 평가는 55%, 부정 평가는 31%로 나타났다.{3} 다만 투자 재원 마련 "
              "방식에 대해서는 여야의 시각차가 여전히 크며, 국회 비준 동의가 필요한지를 두고도 논쟁이 "
              "이어지고 있다. 정부는 9월 중 후속 협의를 위해 통상교섭본부장을 워싱턴에 보낼 계획이다."),
        ("h", 1, "2. 한국에 주는 시사점"),
        ("p", "첫째, 정부는 투자 패키지의 세부 이행 계획을 조속히 마련하고 국회와 긴밀히 소통해야 한다. "
              "둘째, 10월 말 경주에서 열릴 APEC 정상회의를 계기로 한미일 및 한중 정상 외교를 병행해야 한다. "
              "셋째, 조선과 에너지 분야에서 한국이 미국에 줄 수 있는 이익을 구체적인 사업 목록으로 제시하여 "
              "협상의 주도권을 잃지 않아야 할 것이다."),
    ],
    footnotes={
        1: "대통령실. “한미정상회담 결과 브리핑” (2025.8.26) https://www.president.go.kr/briefing/2025-08-26 "
           "(검색일: 2025.9.1)",
        2: "산업통상자원부. “한미 관세 협상 타결 관련 설명자료” (2025.7.31)",
        3: "한국갤럽. “데일리 오피니언 제632호” (2025.8.29) "
           "https://www.gallup.co.kr/gallupdb/reportContent.asp?seqNo=1580 (검색일: 2025.9.2)",
    },
)


def plain(text: str) -> str:
    """Paragraph text with its markers glued as digits (as a PDF's extracted text shows them)."""
    return MARK.sub(lambda m: m.group(1), text)


def canonical_text(brief: Brief = BRIEF) -> str:
    out: list[str] = []
    for b in brief.blocks:
        if b[0] == "title":
            out.append(b[1])
        elif b[0] == "h":
            out.append(b[2])
        elif b[0] == "p":
            out.append(plain(b[1]))
        elif b[0] == "t":
            _, caption, rows, source = b
            lines = [caption] + [x for r in rows for x in [r[0]] + ["- " + c for c in r[1:]]]
            out.append("\n".join(lines + ([source] if source else [])))
    out.extend(f"{n} {t}" for n, t in sorted(brief.footnotes.items()))
    return "\n\n".join(out) + "\n"


def headings(brief: Brief = BRIEF) -> list[tuple[int, str]]:
    return [(b[1], b[2]) for b in brief.blocks if b[0] == "h"]
